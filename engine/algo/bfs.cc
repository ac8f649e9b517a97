// algo.bfs(start, {maxDepth}): every node reachable from `start`, with its depth in hops,
// by boost::breadth_first_search over the CSR adapter.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <limits>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {
namespace {

constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

// Records each vertex's depth as BFS discovers it through a tree edge.
class DepthRecorder : public boost::default_bfs_visitor {
 public:
  explicit DepthRecorder(std::vector<std::uint32_t>* depth) : depth_(depth) {}
  template <typename Edge, typename Graph>
  void tree_edge(const Edge& e, const Graph& g) const {
    (*depth_)[target(e, g)] = (*depth_)[source(e, g)] + 1;
  }

 private:
  std::vector<std::uint32_t>* depth_;
};

// Hides the edges leaving vertices at the depth limit, so BFS stops there. A
// filtered_graph rather than a copy: the predicate depends on the search's own progress
// (a vertex's depth is known before its edges are examined).
struct WithinDepth {
  const std::vector<std::uint32_t>* depth = nullptr;
  std::uint32_t max_depth = 0;
  bool operator()(const CsrEdge& e) const { return (*depth)[e.source] < max_depth; }
};

}  // namespace

Rows RunBfs(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.bfs", args[1], {"maxDepth"});
  std::optional<std::int64_t> max_depth = config.Int("maxDepth", 0, kUnreached - 1);
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  std::uint32_t start = config.NodeArgument("start", args[0], t);
  CsrGraph g(t, direction, &ctx);

  HeldMemory held(&ctx);
  held.AddArray<std::uint32_t>(t.node_count());
  held.Add(t.node_count());  // the color map
  std::vector<std::uint32_t> depth(t.node_count(), kUnreached);
  depth[start] = 0;
  DepthRecorder recorder(&depth);
  if (max_depth) {
    boost::filtered_graph<CsrGraph, WithinDepth> limited(
        g, WithinDepth{&depth, static_cast<std::uint32_t>(*max_depth)});
    boost::breadth_first_search(limited, start, boost::visitor(recorder));
  } else {
    boost::breadth_first_search(g, start, boost::visitor(recorder));
  }

  Rows rows;
  for (std::uint32_t i = 0; i < t.node_count(); ++i) {
    if (depth[i] == kUnreached) continue;
    held.Add(2 * sizeof(Value) + 64);
    rows.push_back({NodeValue(t, i), Value(static_cast<std::int64_t>(depth[i]))});
  }
  return rows;
}

}  // namespace parley::algo
