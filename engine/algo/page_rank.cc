// algo.pageRank({iterations, damping, tolerance}): PageRank as the LDBC Graphalytics
// specification defines it (section 2.3.2, appendix A):
//   PR_0(v) = 1/|V|
//   PR_i(v) = (1-d)/|V| + d * sum_{u in in(v)} PR_{i-1}(u)/|out(u)|
//                       + d/|V| * sum_{sinks w} PR_{i-1}(w)
// run for exactly `iterations` synchronous rounds, or fewer when a round changes the
// ranks by less than `tolerance` in total (L1).
//
// Not boost::graph::page_rank (boost/graph/page_rank.hpp): Boost starts every vertex at
// 1/|V| but adds (1-d) rather than (1-d)/|V| each round, so its ranks do not sum to one,
// and it drops the rank of sink vertices (no out-edges) instead of spreading it over all
// vertices (its documentation asks the caller to remove sinks first). Both change the
// values the Graphalytics reference outputs hold, so the rounds are written here, over
// the same CSR adapter.
#include <cmath>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunPageRank(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.pageRank", args[0], {"iterations", "damping", "tolerance"});
  const std::int64_t iterations = config.Int("iterations", 0, 1'000'000).value_or(20);
  const double d = config.Float("damping", 0, 1).value_or(0.85);
  const double tolerance = config.Float("tolerance", 0, 1e300).value_or(0);
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  CsrGraph g(t, direction, &ctx);

  const std::uint32_t n = num_vertices(g);
  HeldMemory held(&ctx);
  held.AddArray<double>(3 * static_cast<std::uint64_t>(n));
  std::vector<double> rank(n, n == 0 ? 0 : 1.0 / n);
  std::vector<double> next(n);
  std::vector<double> inverse_degree(n);  // 1/|out(u)|, 0 for sinks
  for (std::uint32_t u = 0; u < n; ++u) {
    std::uint64_t degree = out_degree(u, g);
    inverse_degree[u] = degree == 0 ? 0 : 1.0 / static_cast<double>(degree);
  }
  for (std::int64_t round = 0; round < iterations && n > 0; ++round) {
    ctx.CheckInterrupt();
    ctx.ReportProgress("algo.pageRank iterations", static_cast<std::uint64_t>(round),
                       static_cast<std::uint64_t>(iterations));
    double sink_rank = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
      if (inverse_degree[u] == 0) sink_rank += rank[u];
    }
    const double base = (1 - d) / n + d * sink_rank / n;
    std::fill(next.begin(), next.end(), 0.0);
    // Push each vertex's share along its out-edges: a sequential sweep over the CSR.
    for (std::uint32_t u = 0; u < n; ++u) {
      const double share = rank[u] * inverse_degree[u];
      if (share == 0) continue;
      auto [e, end] = out_edges(u, g);
      for (; e != end; ++e) next[target(*e, g)] += share;
    }
    double change = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      double r = base + d * next[v];
      change += std::abs(r - rank[v]);
      rank[v] = r;
    }
    if (change < tolerance) break;
  }
  return NodeRows(ctx, t, rank, [](double r) { return Value(r); }, &held);
}

}  // namespace parley::algo
