// algo.sssp(source, {weight}): the distance from `source` to every node it reaches, by
// boost::dijkstra_shortest_paths over the weight property, or by
// boost::breadth_first_search (hops) when no weight is given.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>
#include <boost/property_map/property_map.hpp>
#include <limits>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

class HopRecorder : public boost::default_bfs_visitor {
 public:
  explicit HopRecorder(std::vector<double>* distance) : distance_(distance) {}
  template <typename Edge, typename Graph>
  void tree_edge(const Edge& e, const Graph& g) const {
    (*distance_)[target(e, g)] = (*distance_)[source(e, g)] + 1;
  }

 private:
  std::vector<double>* distance_;
};

}  // namespace

Rows RunSssp(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.sssp", args[1], {"weight"});
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  std::uint32_t start = config.NodeArgument("source", args[0], t);
  CsrGraph g(t, direction, &ctx);

  HeldMemory held(&ctx);
  std::optional<CsrEdgeWeights> weights = config.Weights(ctx, t, direction, &held);
  const std::uint32_t n = t.node_count();
  held.AddArray<double>(n);
  held.Add(static_cast<std::uint64_t>(n) * (sizeof(std::uint32_t) + 2 * sizeof(std::size_t)));
  std::vector<double> distance(n, kInfinity);
  distance[start] = 0;
  if (weights) {
    boost::dijkstra_shortest_paths_no_color_map(
        g, start,
        boost::weight_map(CsrWeightMap(&*weights))
            .distance_map(boost::make_iterator_property_map(distance.begin(),
                                                            get(boost::vertex_index, g)))
            .distance_inf(kInfinity));
  } else {
    boost::breadth_first_search(g, start, boost::visitor(HopRecorder(&distance)));
  }

  Rows rows;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (distance[i] == kInfinity) continue;
    held.Add(2 * sizeof(Value) + 64);
    rows.push_back({NodeValue(t, i), Value(distance[i])});
  }
  return rows;
}

}  // namespace parley::algo
