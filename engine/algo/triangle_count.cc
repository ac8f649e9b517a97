// algo.triangleCount(): for each node, the triangles it is a corner of, with relationships
// taken as undirected and parallel ones and self-loops ignored (Boost.Graph has no
// triangle counting). Over the adapter on a simple undirected copy (Topology::Simplify,
// sorted neighbour lists, built once per call): each triangle u < v < w is found once,
// from its edge (u, v), by merging the two neighbour lists above v.
#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

std::vector<std::uint64_t> CountTriangles(RunContext& ctx, const CsrGraph& simple) {
  const std::uint32_t n = num_vertices(simple);
  std::vector<std::uint64_t> triangles(n, 0);
  for (std::uint32_t u = 0; u < n; ++u) {
    if ((u + 1) % 4096 == 0) ctx.CheckInterrupt();
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

Rows RunTriangleCount(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.triangleCount", args[0], {});
  config.Orientation(Direction::kBoth);  // checked; triangles are undirected
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  Topology simple = Topology::Simplify(ctx, t, Direction::kBoth);
  CsrGraph g(simple, Direction::kOut, &ctx);
  HeldMemory held(&ctx);
  held.AddArray<std::uint64_t>(t.node_count());
  std::vector<std::uint64_t> triangles = CountTriangles(ctx, g);
  return NodeRows(ctx, t, triangles,
                  [](std::uint64_t c) { return Value(static_cast<std::int64_t>(c)); }, &held);
}

}  // namespace parley::algo
