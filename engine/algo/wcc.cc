// algo.wcc(): weakly connected components, by boost::connected_components over the
// adapter in direction kBoth (each relationship usable either way, which is what "weakly"
// means): a direction other than BOTH is refused rather than ignored, pointing at
// algo.scc. componentId is the id of the component's smallest node.
//
// The two-argument connected_components is used: its named-parameter form asserts an
// undirected_tag graph, while the adapter presents kBoth as a symmetric directed graph,
// on which the depth-first search it runs finds exactly the undirected components.
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunWcc(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.wcc", args[0], {});
  if (config.Orientation(Direction::kBoth) != Direction::kBoth) {
    config.Fail("direction", "weakly connected components follow relationships either way; "
                             "use 'BOTH', or algo.scc for components along the direction");
  }
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  CsrGraph g(t, Direction::kBoth, &ctx);

  const std::uint32_t n = t.node_count();
  HeldMemory held(&ctx);
  held.Add(static_cast<std::uint64_t>(n) * (sizeof(std::uint32_t) + 1 + 32));  // + DFS
  std::vector<std::uint32_t> comp(n);
  std::uint32_t count = boost::connected_components(
      g, boost::make_iterator_property_map(comp.begin(), get(boost::vertex_index, g)));
  std::vector<std::int64_t> ids = ComponentIds(t, comp, count);
  return NodeRows(ctx, t, ids, [](std::int64_t id) { return Value(id); }, &held);
}

}  // namespace parley::algo
