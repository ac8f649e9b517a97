// CsrGraph: a Topology seen through the Boost Graph Library's concepts, so that Boost's
// own algorithms (breadth_first_search, dijkstra_shortest_paths, connected_components,
// strong_components, brandes_betweenness_centrality, core_numbers) run directly on the
// CSR arrays, without copying the graph into a Boost container.
//
// Models VertexListGraph, IncidenceGraph, AdjacencyGraph and EdgeListGraph. Vertices are
// the dense indexes 0..n-1 (so vertex_index is the identity map); an edge descriptor
// names its position in the out- or in-arrays. The direction chosen at construction
// decides what out_edges(u) yields: kOut the relationships leaving u, kIn those entering
// u (the reversed graph), kBoth both (each relationship then appears once from each end:
// an undirected graph presented as a symmetric directed one, which is what the directed
// category says; algorithms whose undirected results differ, such as betweenness,
// correct for it themselves).
//
// Cancellation: out_edges checks RunContext::CheckInterrupt every 4096 calls, so every
// Boost traversal over the graph is cancellable without a visitor of its own. The graph
// borrows the Topology and the RunContext: both must outlive it. Single-threaded.
#ifndef PARLEY_ENGINE_ALGO_BOOST_ADAPTER_H_
#define PARLEY_ENGINE_ALGO_BOOST_ADAPTER_H_

#include <boost/graph/adjacency_iterator.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/algo/run_context.h"
#include "engine/algo/topology.h"

namespace parley::algo {

// An edge as the adapter hands it out: its ends as seen in the chosen direction, and where
// it sits (position into out() when !reversed, into in() when reversed).
struct CsrEdge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  std::uint64_t position = 0;
  bool reversed = false;
  friend bool operator==(const CsrEdge& a, const CsrEdge& b) {
    return a.position == b.position && a.reversed == b.reversed && a.source == b.source;
  }
  friend bool operator!=(const CsrEdge& a, const CsrEdge& b) { return !(a == b); }
};

class CsrGraph;

// The out-edges of one vertex: first its run in out() (unless kIn), then its run in in()
// (unless kOut), walked by one counter.
class CsrOutEdgeIterator
    : public boost::iterator_facade<CsrOutEdgeIterator, CsrEdge,
                                    std::random_access_iterator_tag, CsrEdge, std::int64_t> {
 public:
  CsrOutEdgeIterator() = default;
  CsrOutEdgeIterator(const Topology* t, std::uint32_t u, std::uint64_t out_begin,
                     std::uint64_t out_size, std::uint64_t in_begin, std::uint64_t k)
      : t_(t), u_(u), out_begin_(out_begin), out_size_(out_size), in_begin_(in_begin), k_(k) {}

 private:
  friend class boost::iterator_core_access;
  CsrEdge dereference() const {
    if (k_ < out_size_) {
      std::uint64_t p = out_begin_ + k_;
      return {u_, t_->out().targets[p], p, false};
    }
    std::uint64_t p = in_begin_ + (k_ - out_size_);
    return {u_, t_->in().targets[p], p, true};
  }
  bool equal(const CsrOutEdgeIterator& o) const { return k_ == o.k_ && u_ == o.u_; }
  void increment() { ++k_; }
  void decrement() { --k_; }
  void advance(std::int64_t n) { k_ += n; }
  std::int64_t distance_to(const CsrOutEdgeIterator& o) const {
    return static_cast<std::int64_t>(o.k_) - static_cast<std::int64_t>(k_);
  }

  const Topology* t_ = nullptr;
  std::uint32_t u_ = 0;
  std::uint64_t out_begin_ = 0;
  std::uint64_t out_size_ = 0;
  std::uint64_t in_begin_ = 0;
  std::uint64_t k_ = 0;
};

// All edges: vertex by vertex, each vertex's out-edges in order.
class CsrEdgeIterator
    : public boost::iterator_facade<CsrEdgeIterator, CsrEdge, std::forward_iterator_tag,
                                    CsrEdge> {
 public:
  CsrEdgeIterator() = default;
  CsrEdgeIterator(const CsrGraph* g, std::uint32_t u);

 private:
  friend class boost::iterator_core_access;
  CsrEdge dereference() const { return *edge_; }
  bool equal(const CsrEdgeIterator& o) const {
    return u_ == o.u_ && (u_ == end_u_ || edge_ == o.edge_);
  }
  void increment();
  void SkipEmpty();

  const CsrGraph* g_ = nullptr;
  std::uint32_t u_ = 0;
  std::uint32_t end_u_ = 0;
  CsrOutEdgeIterator edge_, edge_end_;
};

class CsrGraph {
 public:
  // Boost.Graph's graph_traits read these members.
  using vertex_descriptor = std::uint32_t;
  using edge_descriptor = CsrEdge;
  using out_edge_iterator = CsrOutEdgeIterator;
  using vertex_iterator = boost::counting_iterator<std::uint32_t>;
  using edge_iterator = CsrEdgeIterator;
  using adjacency_iterator =
      boost::adjacency_iterator_generator<CsrGraph, vertex_descriptor,
                                          out_edge_iterator>::type;
  using in_edge_iterator = void;
  using directed_category = boost::directed_tag;
  using edge_parallel_category = boost::allow_parallel_edge_tag;
  struct traversal_category : boost::incidence_graph_tag, boost::vertex_list_graph_tag,
                              boost::adjacency_graph_tag, boost::edge_list_graph_tag {};
  using vertices_size_type = std::uint32_t;
  using edges_size_type = std::uint64_t;
  using degree_size_type = std::uint64_t;
  static vertex_descriptor null_vertex() { return Topology::kNoIndex; }

  // `pace`: checked for cancellation every 4096 out_edges calls; nullptr: never.
  CsrGraph(const Topology& topology, Direction direction, RunContext* pace)
      : t_(&topology), direction_(direction), pace_(pace) {}

  const Topology& topology() const { return *t_; }
  Direction direction() const { return direction_; }

  std::pair<out_edge_iterator, out_edge_iterator> OutEdges(std::uint32_t u) const {
    if (pace_ != nullptr && (++calls_ & 4095u) == 0) pace_->CheckInterrupt();
    std::uint64_t ob = 0, os = 0, ib = 0, is = 0;
    if (direction_ != Direction::kIn) {
      ob = t_->out().offsets[u];
      os = t_->out().offsets[u + 1] - ob;
    }
    if (direction_ != Direction::kOut) {
      ib = t_->in().offsets[u];
      is = t_->in().offsets[u + 1] - ib;
    }
    return {out_edge_iterator(t_, u, ob, os, ib, 0), out_edge_iterator(t_, u, ob, os, ib, os + is)};
  }
  std::uint64_t OutDegree(std::uint32_t u) const {
    std::uint64_t d = 0;
    if (direction_ != Direction::kIn) d += t_->out().offsets[u + 1] - t_->out().offsets[u];
    if (direction_ != Direction::kOut) d += t_->in().offsets[u + 1] - t_->in().offsets[u];
    return d;
  }
  std::uint64_t EdgeCount() const {
    return direction_ == Direction::kBoth ? 2 * t_->rel_count() : t_->rel_count();
  }
  // The relationship behind an edge (REQUIRES: the Topology has relationship ids).
  RelId Rel(const CsrEdge& e) const {
    return e.reversed ? t_->in().rels[e.position] : t_->out().rels[e.position];
  }

 private:
  const Topology* t_;
  Direction direction_;
  RunContext* pace_;
  mutable std::uint32_t calls_ = 0;
};

inline CsrEdgeIterator::CsrEdgeIterator(const CsrGraph* g, std::uint32_t u)
    : g_(g), u_(u), end_u_(g->topology().node_count()) {
  SkipEmpty();
}

inline void CsrEdgeIterator::SkipEmpty() {
  while (u_ < end_u_) {
    std::tie(edge_, edge_end_) = g_->OutEdges(u_);
    if (edge_ != edge_end_) return;
    ++u_;
  }
}

inline void CsrEdgeIterator::increment() {
  if (++edge_ != edge_end_) return;
  ++u_;
  SkipEmpty();
}

// --- The free functions of the concepts, found by argument-dependent lookup.
inline std::pair<CsrGraph::vertex_iterator, CsrGraph::vertex_iterator> vertices(
    const CsrGraph& g) {
  return {CsrGraph::vertex_iterator(0), CsrGraph::vertex_iterator(g.topology().node_count())};
}
inline std::uint32_t num_vertices(const CsrGraph& g) { return g.topology().node_count(); }
inline std::pair<CsrOutEdgeIterator, CsrOutEdgeIterator> out_edges(std::uint32_t u,
                                                                   const CsrGraph& g) {
  return g.OutEdges(u);
}
inline std::uint64_t out_degree(std::uint32_t u, const CsrGraph& g) { return g.OutDegree(u); }
inline std::uint32_t source(const CsrEdge& e, const CsrGraph&) { return e.source; }
inline std::uint32_t target(const CsrEdge& e, const CsrGraph&) { return e.target; }
inline std::pair<CsrGraph::adjacency_iterator, CsrGraph::adjacency_iterator>
adjacent_vertices(std::uint32_t u, const CsrGraph& g) {
  auto [first, last] = g.OutEdges(u);
  return {CsrGraph::adjacency_iterator(first, &g), CsrGraph::adjacency_iterator(last, &g)};
}
inline std::pair<CsrEdgeIterator, CsrEdgeIterator> edges(const CsrGraph& g) {
  return {CsrEdgeIterator(&g, 0), CsrEdgeIterator(&g, g.topology().node_count())};
}
inline std::uint64_t num_edges(const CsrGraph& g) { return g.EdgeCount(); }

// vertex_index: the identity.
using CsrVertexIndexMap = boost::typed_identity_property_map<std::uint32_t>;
inline CsrVertexIndexMap get(boost::vertex_index_t, const CsrGraph&) { return {}; }
inline std::uint32_t get(boost::vertex_index_t, const CsrGraph&, std::uint32_t v) { return v; }

// Edge weights, read once per call into two arrays parallel to the out- and in-arrays
// (only the side(s) the direction uses are filled). A readable property map.
struct CsrEdgeWeights {
  std::vector<double> out;
  std::vector<double> in;
};
class CsrWeightMap {
 public:
  using key_type = CsrEdge;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  explicit CsrWeightMap(const CsrEdgeWeights* w) : w_(w) {}
  double operator[](const CsrEdge& e) const {
    return e.reversed ? w_->in[e.position] : w_->out[e.position];
  }
  friend double get(const CsrWeightMap& m, const CsrEdge& e) { return m[e]; }

 private:
  const CsrEdgeWeights* w_;
};

}  // namespace parley::algo

namespace boost {
template <>
struct property_map<parley::algo::CsrGraph, vertex_index_t> {
  using type = parley::algo::CsrVertexIndexMap;
  using const_type = parley::algo::CsrVertexIndexMap;
};
}  // namespace boost

#endif  // PARLEY_ENGINE_ALGO_BOOST_ADAPTER_H_
