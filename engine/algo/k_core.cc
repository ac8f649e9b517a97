// algo.kCore(): each node's core number (the largest k such that the node belongs to a
// subgraph where every node has at least k neighbours), by boost::core_numbers. Cores
// are defined on simple undirected graphs, so it runs over the adapter on a simple
// undirected copy (Topology::Simplify, built once per call: parallel relationships and
// self-loops would otherwise raise degrees); the config's direction changes nothing.
#include <boost/graph/core_numbers.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunKCore(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.kCore", args[0], {});
  config.Orientation(Direction::kBoth);  // checked; cores are undirected
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  Topology simple = Topology::Simplify(ctx, t, Direction::kBoth);
  CsrGraph g(simple, Direction::kOut, &ctx);

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
