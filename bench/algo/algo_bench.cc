// algo.pageRank and algo.wcc through the engine (a query per iteration, every row produced
// and aggregated) against Boost.Graph run directly on a plain compressed_sparse_row_graph
// of the same graph (the limit: no storage, no query, no rows). The target is the engine
// within 3 times of Boost.
//
//   build/bench/algo/algo_bench                         # 100,000 nodes / 1,000,000 rels
//   PARLEY_BENCH_NODES=10000 PARLEY_BENCH_RELS=100000 build/bench/algo/algo_bench
//
// The graph is the synthetic power-law graph of bench/storage, imported once per run. Both
// PageRanks run 20 rounds with damping 0.85 (Boost's page_rank computes slightly different
// values, see engine/algo/page_rank.cc, with the same work per round); both WCCs run a
// depth-first search over the relationships taken both ways.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "bench/storage/graph_generator.h"
#include "parley/import.h"
#include "parley/parley.h"

namespace parley::bench {
namespace {

namespace fs = std::filesystem;
using Csr = boost::compressed_sparse_row_graph<boost::directedS>;

constexpr int kRounds = 20;

struct Fixture {
  fs::path dir;
  std::unique_ptr<Database> db;
  std::unique_ptr<Connection> conn;
  std::unique_ptr<Csr> directed;   // the KNOWS relationships
  std::unique_ptr<Csr> symmetric;  // each also reversed

  Fixture() {
    GraphSpec spec = GraphSpecFromEnvironment();
    SyntheticGraph graph = GeneratePowerLawGraph(spec);
    dir = fs::temp_directory_path() / ("parley-algo-bench-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    GraphCsvFiles files = WriteGraphCsv(graph, (dir / "csv").string());
    db = std::make_unique<Database>((dir / "db").string());
    ImportOptions options;
    options.id_type = IdType::kInteger;
    options.nodes.push_back({files.persons, {"Person"}});
    options.relationships.push_back({files.knows, "KNOWS"});
    ImportCsv(*db, options);
    conn = std::make_unique<Connection>(*db);
    // Builds the CSR snapshot, so that no timed run pays for it.
    conn->Execute("CALL algo.degree() YIELD node RETURN count(node)");

    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges, both;
    for (const KnowsRow& k : graph.knows) {
      auto s = static_cast<std::uint32_t>(k.start), e = static_cast<std::uint32_t>(k.end);
      edges.emplace_back(s, e);
      both.emplace_back(s, e);
      both.emplace_back(e, s);
    }
    std::sort(edges.begin(), edges.end());
    std::sort(both.begin(), both.end());
    directed = std::make_unique<Csr>(boost::edges_are_sorted, edges.begin(), edges.end(),
                                     graph.persons.size());
    symmetric = std::make_unique<Csr>(boost::edges_are_sorted, both.begin(), both.end(),
                                      graph.persons.size());
  }
  ~Fixture() {
    conn.reset();
    db.reset();
    fs::remove_all(dir);
  }
};

Fixture& TheFixture() {
  static Fixture fixture;
  return fixture;
}

void BM_ParleyPageRank(benchmark::State& state) {
  Fixture& f = TheFixture();
  const std::string query = "CALL algo.pageRank({iterations: " + std::to_string(kRounds) +
                            ", damping: 0.85}) YIELD node, score RETURN sum(score)";
  for (auto _ : state) benchmark::DoNotOptimize(f.conn->Execute(query));
}

void BM_BoostPageRank(benchmark::State& state) {
  Fixture& f = TheFixture();
  std::vector<double> rank(num_vertices(*f.directed));
  for (auto _ : state) {
    boost::graph::page_rank(*f.directed,
                            boost::make_iterator_property_map(
                                rank.begin(), get(boost::vertex_index, *f.directed)),
                            boost::graph::n_iterations(kRounds), 0.85);
    benchmark::DoNotOptimize(rank.data());
  }
}

void BM_ParleyWcc(benchmark::State& state) {
  Fixture& f = TheFixture();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        f.conn->Execute("CALL algo.wcc() YIELD node, componentId RETURN max(componentId)"));
  }
}

void BM_BoostWcc(benchmark::State& state) {
  Fixture& f = TheFixture();
  std::vector<std::uint32_t> component(num_vertices(*f.symmetric));
  for (auto _ : state) {
    benchmark::DoNotOptimize(boost::connected_components(
        *f.symmetric, boost::make_iterator_property_map(
                          component.begin(), get(boost::vertex_index, *f.symmetric))));
  }
}

BENCHMARK(BM_ParleyPageRank)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BoostPageRank)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParleyWcc)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BoostWcc)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley::bench

BENCHMARK_MAIN();
