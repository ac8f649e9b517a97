// algo.lcc(): the local clustering coefficient of each node as the LDBC Graphalytics
// specification defines it (appendix A): N(v) is the set of v's neighbours, in and out
// together, each once, v itself excluded; with |N(v)| <= 1 the value is 0, else the
// number of edges (u, w) between members of N(v) divided by |N(v)| * (|N(v)| - 1).
//
// direction BOTH (the default) takes relationships as undirected: each counts in both
// directions, so the value is 2 * triangles(v) / (d * (d - 1)). OUTGOING (or INCOMING,
// which counts the same) takes them as directed, as the specification does for directed
// graphs: (u, w) counts when a relationship leads from u to w. Parallel relationships
// count once. Boost.Graph has no clustering coefficient for this definition, so this is
// written here, over the adapter on simple copies (Topology::Simplify) built once per
// call.
#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunLcc(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.lcc", args[0], {});
  Direction direction = config.Orientation(Direction::kBoth);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  Topology neighbours = Topology::Simplify(ctx, t, Direction::kBoth);
  CsrGraph g(neighbours, Direction::kOut, &ctx);
  const std::uint32_t n = t.node_count();
  HeldMemory held(&ctx);
  held.AddArray<double>(n);
  std::vector<double> lcc(n, 0.0);
  if (direction == Direction::kBoth) {
    held.AddArray<std::uint64_t>(n);
    std::vector<std::uint64_t> triangles = CountTriangles(ctx, g);
    for (std::uint32_t v = 0; v < n; ++v) {
      double d = static_cast<double>(out_degree(v, g));
      if (d > 1) lcc[v] = 2.0 * static_cast<double>(triangles[v]) / (d * (d - 1));
    }
  } else {
    Topology directed = Topology::Simplify(ctx, t, Direction::kOut);
    CsrGraph arcs(directed, Direction::kOut, &ctx);
    for (std::uint32_t v = 0; v < n; ++v) {
      if ((v + 1) % 4096 == 0) ctx.CheckInterrupt();
      const std::uint64_t d = out_degree(v, g);
      if (d <= 1) continue;
      std::uint64_t links = 0;
      auto [ui, uend] = adjacent_vertices(v, g);
      for (; ui != uend; ++ui) {
        // |arcs out of u  ∩  N(v)|: both lists ascend.
        auto [a, aend] = adjacent_vertices(*ui, arcs);
        auto [b, bend] = adjacent_vertices(v, g);
        while (a != aend && b != bend) {
          if (*a < *b) {
            ++a;
          } else if (*b < *a) {
            ++b;
          } else {
            ++links;
            ++a;
            ++b;
          }
        }
      }
      lcc[v] = static_cast<double>(links) / (static_cast<double>(d) * static_cast<double>(d - 1));
    }
  }
  return NodeRows(ctx, t, lcc, [](double c) { return Value(c); }, &held);
}

}  // namespace parley::algo
