// algo.kCore(): each node's core number (the largest k such that the node belongs to a
// subgraph where every node has at least k neighbours there), by boost::core_numbers.
// Cores are defined on simple graphs, so it runs over the adapter on a simple copy
// (Topology::Simplify, built once per call: parallel relationships and self-loops would
// otherwise raise degrees). Direction BOTH (the default) counts neighbours either way;
// INCOMING counts in-neighbours, OUTGOING out-neighbours (the subgraph where every node
// has at least k in- or out-neighbours).
#include <boost/graph/core_numbers.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunKCore(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.kCore", args[0], {});
  Direction direction = config.Orientation(Direction::kBoth);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  Topology simple = Topology::Simplify(
      ctx, t, direction == Direction::kBoth ? Direction::kBoth : Direction::kOut);
  // core_numbers peels by in-degree along out-edges: cores by out-degree run over the
  // reversed graph.
  CsrGraph g(simple, direction == Direction::kOut ? Direction::kIn : Direction::kOut, &ctx);

  const std::uint32_t n = t.node_count();
  HeldMemory held(&ctx);
  // The core map plus core_numbers' bucket sorter and position map.
  held.Add(static_cast<std::uint64_t>(n) * (sizeof(std::int64_t) + 4 * sizeof(std::size_t)));
  std::vector<std::int64_t> core(n, 0);
  if (n > 0) {
    boost::core_numbers(g, boost::make_iterator_property_map(core.begin(),
                                                             get(boost::vertex_index, g)));
  }
  return NodeRows(ctx, t, core, [](std::int64_t c) { return Value(c); }, &held);
}

}  // namespace parley::algo
