// algo.shortestPath(source, target, {weight}): one cheapest path between two nodes, by
// boost::dijkstra_shortest_paths (or breadth_first_search without a weight), stopped as
// soon as the target is settled; yields the path, its nodes and its cost.
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

struct TargetReached {};  // thrown by the visitors to end the search early

// Remembers the edge each vertex was last reached by, and stops at the target.
class DijkstraTracker : public boost::default_dijkstra_visitor {
 public:
  DijkstraTracker(std::vector<CsrEdge>* via, std::uint32_t target) : via_(via), target_(target) {}
  template <typename Graph>
  void examine_vertex(std::uint32_t u, const Graph&) const {
    if (u == target_) throw TargetReached();
  }
  template <typename Graph>
  void edge_relaxed(const CsrEdge& e, const Graph&) const { (*via_)[e.target] = e; }

 private:
  std::vector<CsrEdge>* via_;
  std::uint32_t target_;
};

class BfsTracker : public boost::default_bfs_visitor {
 public:
  BfsTracker(std::vector<CsrEdge>* via, std::vector<double>* hops, std::uint32_t target)
      : via_(via), hops_(hops), target_(target) {}
  template <typename Graph>
  void tree_edge(const CsrEdge& e, const Graph&) const {
    (*via_)[e.target] = e;
    (*hops_)[e.target] = (*hops_)[e.source] + 1;
    if (e.target == target_) throw TargetReached();
  }

 private:
  std::vector<CsrEdge>* via_;
  std::vector<double>* hops_;
  std::uint32_t target_;
};

}  // namespace

Rows RunShortestPath(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.shortestPath", args[2], {"weight"});
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  std::uint32_t from = config.NodeArgument("source", args[0], t);
  std::uint32_t to = config.NodeArgument("target", args[1], t);
  CsrGraph g(t, direction, &ctx);

  HeldMemory held(&ctx);
  std::optional<CsrEdgeWeights> weights = config.Weights(ctx, t, direction, &held);
  const std::uint32_t n = t.node_count();
  held.Add(static_cast<std::uint64_t>(n) *
           (sizeof(double) + sizeof(CsrEdge) + sizeof(std::uint32_t) + 2 * sizeof(std::size_t)));
  std::vector<double> distance(n, kInfinity);
  std::vector<CsrEdge> via(n);
  distance[from] = 0;
  if (from != to) {
    try {
      if (weights) {
        boost::dijkstra_shortest_paths_no_color_map(
            g, from,
            boost::weight_map(CsrWeightMap(&*weights))
                .distance_map(boost::make_iterator_property_map(distance.begin(),
                                                                get(boost::vertex_index, g)))
                .distance_inf(kInfinity)
                .visitor(DijkstraTracker(&via, to)));
      } else {
        boost::breadth_first_search(g, from, boost::visitor(BfsTracker(&via, &distance, to)));
      }
    } catch (const TargetReached&) {
    }
  }
  if (distance[to] == kInfinity) return {};

  // Walk back from the target; each step's relationship read once for its type and ends.
  const storage::Txn& txn = ctx.txn();
  std::vector<std::uint32_t> nodes{to};
  std::vector<RelId> rels;
  for (std::uint32_t v = to; v != from; v = via[v].source) {
    rels.push_back(g.Rel(via[v]));
    nodes.push_back(via[v].source);
  }
  std::reverse(nodes.begin(), nodes.end());
  std::reverse(rels.begin(), rels.end());
  Path path;
  List node_list;
  for (std::uint32_t v : nodes) {
    path.nodes.push_back(NodeValue(t, v).as_node());
    node_list.push_back(NodeValue(t, v));
  }
  for (RelId id : rels) {
    std::optional<storage::RelRecord> rec = txn.GetRel(id);
    Relationship r;
    r.id = id.value;
    if (rec) {
      r.type = txn.RelTypeName(rec->type);
      r.start = rec->start.value;
      r.end = rec->end.value;
    }
    path.rels.push_back(std::move(r));
  }
  Rows rows;
  rows.push_back({Value(std::move(path)), Value(std::move(node_list)), Value(distance[to])});
  return rows;
}

}  // namespace parley::algo
