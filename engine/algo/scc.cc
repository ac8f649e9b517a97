// algo.scc(): strongly connected components, by boost::strong_components (Tarjan) over
// the adapter in the config's direction (OUTGOING by default; INCOMING finds the same
// components, BOTH the weak ones). componentId is the id of the component's smallest
// node.
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunScc(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.scc", args[0], {});
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  CsrGraph g(t, direction, &ctx);

  const std::uint32_t n = t.node_count();
  HeldMemory held(&ctx);
  // The component map plus strong_components' root, discover-time and color maps and
  // its depth-first stack.
  held.Add(static_cast<std::uint64_t>(n) * (4 * sizeof(std::uint32_t) + 1 + 32));
  std::vector<std::uint32_t> comp(n);
  std::uint32_t count = n == 0 ? 0 : boost::strong_components(
      g, boost::make_iterator_property_map(comp.begin(), get(boost::vertex_index, g)));
  std::vector<std::int64_t> ids = ComponentIds(t, comp, count);
  return NodeRows(ctx, t, ids, [](std::int64_t id) { return Value(id); }, &held);
}

}  // namespace parley::algo
