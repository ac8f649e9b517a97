// algo.betweenness({sampleSize}): betweenness centrality over unweighted shortest paths,
// by boost::brandes_betweenness_centrality over the adapter in the config's direction
// (OUTGOING by default). With BOTH, each relationship is an undirected edge: the adapter
// presents it as a symmetric directed graph, on which Brandes counts every pair of
// endpoints twice, so the scores are halved (as Boost does itself for undirected graphs).
//
// With sampleSize (at most the node count), the dependencies are accumulated from that
// many sources only (every node an equal chance, a fixed seed, so runs repeat) and scaled
// by nodes/sampleSize: an estimate, exact when sampleSize is the node count. Boost's
// Brandes always takes every vertex as a source, so the sampled form is Brandes'
// accumulation written here over the same adapter.
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <numeric>
#include <random>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {
namespace {

// Brandes (2001) from the given sources, unweighted: BFS, then dependencies in reverse
// order of discovery.
void SampledBrandes(RunContext& ctx, const CsrGraph& g, const std::vector<std::uint32_t>& sources,
                    std::vector<double>* centrality) {
  const std::uint32_t n = num_vertices(g);
  std::vector<std::int64_t> dist(n, -1);
  std::vector<double> paths(n, 0);
  std::vector<double> dependency(n, 0);
  std::vector<std::uint32_t> order;
  order.reserve(n);
  for (std::size_t done = 0; done < sources.size(); ++done) {
    const std::uint32_t s = sources[done];
    ctx.CheckInterrupt();
    ctx.ReportProgress("algo.betweenness sources", done, sources.size());
    order.clear();
    dist[s] = 0;
    paths[s] = 1;
    order.push_back(s);
    for (std::size_t head = 0; head < order.size(); ++head) {
      std::uint32_t u = order[head];
      auto [e, end] = out_edges(u, g);
      for (; e != end; ++e) {
        std::uint32_t v = target(*e, g);
        if (dist[v] < 0) {
          dist[v] = dist[u] + 1;
          order.push_back(v);
        }
        if (dist[v] == dist[u] + 1) paths[v] += paths[u];
      }
    }
    for (std::size_t k = order.size(); k-- > 0;) {
      std::uint32_t w = order[k];
      auto [e, end] = out_edges(w, g);
      for (; e != end; ++e) {
        std::uint32_t v = target(*e, g);
        if (dist[v] == dist[w] + 1) dependency[w] += paths[w] / paths[v] * (1 + dependency[v]);
      }
      if (w != s) (*centrality)[w] += dependency[w];
    }
    for (std::uint32_t v : order) {
      dist[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
    }
  }
}

}  // namespace

Rows RunBetweenness(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.betweenness", args[0], {"sampleSize"});
  std::optional<std::int64_t> sample = config.Int("sampleSize", 1, 0xffffffffLL);
  Direction direction = config.Orientation(Direction::kOut);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  CsrGraph g(t, direction, &ctx);

  const std::uint32_t n = t.node_count();
  HeldMemory held(&ctx);
  // Centrality, distance, path count, dependency, predecessor lists (one per vertex and
  // at most one entry per edge) and the BFS queue.
  held.Add(static_cast<std::uint64_t>(n) * (5 * sizeof(double) + 3 * sizeof(void*)) +
           num_edges(g) * sizeof(CsrEdge));
  std::vector<double> centrality(n, 0.0);
  if (sample && static_cast<std::uint64_t>(*sample) <= n) {
    std::vector<std::uint32_t> sources(n);
    std::iota(sources.begin(), sources.end(), 0u);
    std::mt19937_64 random(0x5eed);
    std::shuffle(sources.begin(), sources.end(), random);
    sources.resize(static_cast<std::size_t>(*sample));
    SampledBrandes(ctx, g, sources, &centrality);
    const double scale = static_cast<double>(n) / static_cast<double>(*sample);
    for (double& c : centrality) c *= scale;
  } else if (n > 0) {
    ctx.ReportProgress("algo.betweenness (every node a source)", 0, 0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
                                     centrality.begin(), get(boost::vertex_index, g)))
               .vertex_index_map(get(boost::vertex_index, g)));
  }
  if (direction == Direction::kBoth) {
    for (double& c : centrality) c /= 2;
  }
  return NodeRows(ctx, t, centrality, [](double c) { return Value(c); }, &held);
}

}  // namespace parley::algo
