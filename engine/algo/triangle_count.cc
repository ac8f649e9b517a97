// algo.triangleCount(): for each node, the triangles it is a corner of, parallel
// relationships and self-loops ignored (Boost.Graph has no triangle counting). Over the
// adapter on a simple copy (Topology::Simplify, sorted neighbour lists, built once per
// call). With direction BOTH (the default) relationships are undirected: each triangle
// u < v < w is found once, from its edge (u, v), by merging the two neighbour lists above
// v. With OUTGOING or INCOMING (the same cycles, walked the other way) a triangle is a
// directed cycle u->v->w->u, found once from its smallest node.
#include <algorithm>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {
namespace {

// Every 4,096 nodes of a count: cancellation, and progress for whoever watches.
void AtNode(RunContext& ctx, std::uint32_t u, std::uint32_t n) {
  if ((u + 1) % 4096 != 0) return;
  ctx.CheckInterrupt();
  ctx.ReportProgress("triangles: nodes", u, n);
}

}  // namespace

std::vector<std::uint64_t> CountTriangles(RunContext& ctx, const CsrGraph& simple) {
  const std::uint32_t n = num_vertices(simple);
  std::vector<std::uint64_t> triangles(n, 0);
  for (std::uint32_t u = 0; u < n; ++u) {
    AtNode(ctx, u, n);
    auto [ui, uend] = adjacent_vertices(u, simple);
    for (auto vi = ui; vi != uend; ++vi) {
      const std::uint32_t v = *vi;
      if (v <= u) continue;
      // Common neighbours w > v of u and v: both lists ascend.
      auto [a, aend] = adjacent_vertices(u, simple);
      auto [b, bend] = adjacent_vertices(v, simple);
      while (a != aend && *a <= v) ++a;
      while (b != bend && *b <= v) ++b;
      while (a != aend && b != bend) {
        if (*a < *b) {
          ++a;
        } else if (*b < *a) {
          ++b;
        } else {
          ++triangles[u];
          ++triangles[v];
          ++triangles[*a];
          ++a;
          ++b;
        }
      }
    }
  }
  return triangles;
}

namespace {

// Directed 3-cycles through each node of `simple` (out-neighbours ascending, no
// self-loops): from each u, the paths u->v->w with v, w > u that an arc w->u closes.
std::vector<std::uint64_t> CountDirectedTriangles(RunContext& ctx, const CsrGraph& simple) {
  const std::uint32_t n = num_vertices(simple);
  std::vector<std::uint64_t> triangles(n, 0);
  for (std::uint32_t u = 0; u < n; ++u) {
    AtNode(ctx, u, n);
    auto [vi, vend] = adjacent_vertices(u, simple);
    for (; vi != vend; ++vi) {
      const std::uint32_t v = *vi;
      if (v <= u) continue;
      auto [wi, wend] = adjacent_vertices(v, simple);
      for (; wi != wend; ++wi) {
        const std::uint32_t w = *wi;
        if (w <= u) continue;
        auto [xi, xend] = adjacent_vertices(w, simple);
        if (std::binary_search(xi, xend, u)) {
          ++triangles[u];
          ++triangles[v];
          ++triangles[w];
        }
      }
    }
  }
  return triangles;
}

}  // namespace

Rows RunTriangleCount(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.triangleCount", args[0], {});
  Direction direction = config.Orientation(Direction::kBoth);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  Topology simple = Topology::Simplify(
      ctx, t, direction == Direction::kBoth ? Direction::kBoth : Direction::kOut);
  CsrGraph g(simple, Direction::kOut, &ctx);
  HeldMemory held(&ctx);
  held.AddArray<std::uint64_t>(t.node_count());
  std::vector<std::uint64_t> triangles = direction == Direction::kBoth
                                             ? CountTriangles(ctx, g)
                                             : CountDirectedTriangles(ctx, g);
  return NodeRows(ctx, t, triangles,
                  [](std::uint64_t c) { return Value(static_cast<std::int64_t>(c)); }, &held);
}

}  // namespace parley::algo
