// algo.degree({direction}): each node's number of relationships in the direction
// (OUTGOING by default; BOTH counts a self-loop twice, once from each end), within the
// config's labels and relationship types. out_degree of the adapter: no traversal.
#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunDegree(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.degree", args[0], {});
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  CsrGraph g(t, direction, &ctx);
  HeldMemory held(&ctx);
  held.AddArray<std::int64_t>(t.node_count());
  std::vector<std::int64_t> degree(t.node_count());
  for (std::uint32_t v = 0; v < t.node_count(); ++v) {
    degree[v] = static_cast<std::int64_t>(out_degree(v, g));
  }
  return NodeRows(ctx, t, degree, [](std::int64_t d) { return Value(d); }, &held);
}

}  // namespace parley::algo
