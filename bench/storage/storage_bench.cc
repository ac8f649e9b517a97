// Storage benchmarks: inserts (per-node transactions, one big transaction, bulk), point
// reads, 1- and 2-hop expansion over RocksDB prefix scans and over the CSR, CSR builds,
// and CSV import of the synthetic power-law graph (graph_generator.h).
//
// Graph size: PARLEY_BENCH_NODES / PARLEY_BENCH_RELS (default 100,000 / 1,000,000).
// The expansion benchmarks over scans run before any CSR exists (registration order);
// run them with the CSR ones in one process as registered.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <random>

#include "bench/storage/graph_generator.h"
#include "engine/import/importer.h"
#include "engine/storage/bulk_writer.h"
#include "engine/storage/csr_snapshot.h"
#include "engine/storage/graph_store.h"

namespace parley::bench {
namespace {

namespace fs = std::filesystem;
using storage::GraphStore;
using storage::TxnMode;

std::string TempDir(const std::string& name) {
  std::string dir =
      (fs::temp_directory_path() / ("parley_bench_" + std::to_string(::getpid()) + "_" + name))
          .string();
  fs::remove_all(dir);
  return dir;
}

const SyntheticGraph& Graph() {
  static const SyntheticGraph graph = GeneratePowerLawGraph(GraphSpecFromEnvironment());
  return graph;
}

// The generated graph, bulk-loaded once into an on-disk store.
struct LoadedGraph {
  std::string dir = TempDir("loaded");
  std::unique_ptr<GraphStore> store = GraphStore::Open(dir, {});
  std::vector<NodeId> nodes;
  PropKeyId name;
  RelTypeId knows;

  LoadedGraph() {
    auto bulk = store->BeginBulk();
    LabelId person = bulk->GetOrCreateLabel("Person");
    name = bulk->GetOrCreatePropKey("name");
    PropKeyId age = bulk->GetOrCreatePropKey("age");
    PropKeyId since = bulk->GetOrCreatePropKey("since");
    knows = bulk->GetOrCreateRelType("KNOWS");
    for (const PersonRow& p : Graph().persons) {
      nodes.push_back(
          bulk->CreateNode(std::span(&person, 1), {{name, Value(p.name)}, {age, Value(p.age)}}));
    }
    for (const KnowsRow& k : Graph().knows) {
      bulk->CreateRel(nodes[k.start], knows, nodes[k.end], {{since, Value(k.since)}});
    }
    bulk->Finish();
  }
  ~LoadedGraph() {
    store.reset();
    fs::remove_all(dir);
  }
};

LoadedGraph& Loaded() {
  static LoadedGraph loaded;
  return loaded;
}

void BM_NodeInsertTxnPerNode(benchmark::State& state) {
  std::string dir = TempDir("txn_per_node");
  auto store = GraphStore::Open(dir, {});
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateNode({}, {{PropKeyId(0), Value(1)}});
    txn->Commit();  // one synced WAL write each
  }
  state.SetItemsProcessed(state.iterations());
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_NodeInsertTxnPerNode)->Unit(benchmark::kMicrosecond);

void BM_NodeInsertOneTxn(benchmark::State& state) {
  std::string dir = TempDir("one_txn");
  auto store = GraphStore::Open(dir, {});
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kReadWrite);
    LabelId label = txn->GetOrCreateLabel("Person");
    PropKeyId key = txn->GetOrCreatePropKey("name");
    for (std::int64_t i = 0; i < state.range(0); ++i) {
      txn->CreateNode(std::span(&label, 1), {{key, Value(i)}});
    }
    txn->Commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_NodeInsertOneTxn)->ArgName("nodes")->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_NodeInsertBulk(benchmark::State& state) {
  std::string dir = TempDir("bulk_nodes");
  auto store = GraphStore::Open(dir, {});
  for (auto _ : state) {
    auto bulk = store->BeginBulk();
    LabelId label = bulk->GetOrCreateLabel("Person");
    PropKeyId key = bulk->GetOrCreatePropKey("name");
    for (std::int64_t i = 0; i < state.range(0); ++i) {
      bulk->CreateNode(std::span(&label, 1), {{key, Value(i)}});
    }
    bulk->Finish();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_NodeInsertBulk)->ArgName("nodes")->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_RelInsertOneTxn(benchmark::State& state) {
  std::string dir = TempDir("rel_txn");
  auto store = GraphStore::Open(dir, {});
  std::vector<NodeId> nodes;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    for (int i = 0; i < 1000; ++i) nodes.push_back(txn->CreateNode({}, {}));
    txn->Commit();
  }
  std::mt19937_64 rng(1);
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kReadWrite);
    RelTypeId type = txn->GetOrCreateRelType("KNOWS");
    for (std::int64_t i = 0; i < state.range(0); ++i) {
      txn->CreateRel(nodes[rng() % nodes.size()], type, nodes[rng() % nodes.size()], {});
    }
    txn->Commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_RelInsertOneTxn)->ArgName("rels")->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_RelInsertBulk(benchmark::State& state) {
  std::string dir = TempDir("rel_bulk");
  auto store = GraphStore::Open(dir, {});
  std::vector<NodeId> nodes;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    for (int i = 0; i < 10000; ++i) nodes.push_back(txn->CreateNode({}, {}));
    txn->Commit();
  }
  std::mt19937_64 rng(1);
  for (auto _ : state) {
    auto bulk = store->BeginBulk();
    RelTypeId type = bulk->GetOrCreateRelType("KNOWS");
    for (std::int64_t i = 0; i < state.range(0); ++i) {
      bulk->CreateRel(nodes[rng() % nodes.size()], type, nodes[rng() % nodes.size()], {});
    }
    bulk->Finish();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_RelInsertBulk)->ArgName("rels")->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_PointGet(benchmark::State& state) {
  LoadedGraph& g = Loaded();
  auto txn = g.store->Begin(TxnMode::kReadOnly);
  std::mt19937_64 rng(2);
  for (auto _ : state) {
    benchmark::DoNotOptimize(txn->NodeProperty(g.nodes[rng() % g.nodes.size()], g.name));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PointGet);

// Expands from random start nodes: 1 hop (the node's out-edges) or 2 hops (theirs too).
void Expand(benchmark::State& state, int hops) {
  LoadedGraph& g = Loaded();
  auto txn = g.store->Begin(TxnMode::kReadOnly);
  std::mt19937_64 rng(3);
  std::int64_t edges = 0;
  for (auto _ : state) {
    auto first = txn->Expand(g.nodes[rng() % g.nodes.size()], Direction::kOut, {});
    for (storage::EdgeRef e{}; first->Next(&e);) {
      ++edges;
      if (hops < 2) continue;
      auto second = txn->Expand(e.other, Direction::kOut, {});
      for (storage::EdgeRef f{}; second->Next(&f);) ++edges;
    }
  }
  state.SetItemsProcessed(edges);
  state.counters["edges_per_start"] =
      static_cast<double>(edges) / static_cast<double>(state.iterations());
}

void BM_Expand1HopScan(benchmark::State& state) { Expand(state, 1); }
void BM_Expand2HopScan(benchmark::State& state) { Expand(state, 2); }
BENCHMARK(BM_Expand1HopScan);
BENCHMARK(BM_Expand2HopScan)->Unit(benchmark::kMicrosecond);

void BM_CsrBuild(benchmark::State& state) {
  LoadedGraph& g = Loaded();
  for (auto _ : state) {
    state.PauseTiming();
    {
      auto txn = g.store->Begin(TxnMode::kReadWrite);  // a topology change outdates the CSR
      txn->CreateNode({}, {});
      txn->Commit();
    }
    state.ResumeTiming();
    benchmark::DoNotOptimize(g.store->Csr());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(Graph().knows.size()));
}
BENCHMARK(BM_CsrBuild)->Unit(benchmark::kMillisecond);

void BM_Expand1HopCsr(benchmark::State& state) {
  Loaded().store->Csr();  // Txn::Expand reads a built, current CSR
  Expand(state, 1);
}
void BM_Expand2HopCsr(benchmark::State& state) {
  Loaded().store->Csr();
  Expand(state, 2);
}
BENCHMARK(BM_Expand1HopCsr);
BENCHMARK(BM_Expand2HopCsr)->Unit(benchmark::kMicrosecond);

// The CSR's spans directly, as an operator holding the snapshot would read them.
void BM_Expand2HopCsrDirect(benchmark::State& state) {
  auto csr = Loaded().store->Csr();
  std::mt19937_64 rng(3);
  std::int64_t edges = 0;
  for (auto _ : state) {
    auto first = csr->Out(static_cast<std::uint32_t>(rng() % csr->node_count()));
    for (std::uint32_t target : first.targets) {
      auto second = csr->Out(target);
      edges += 1 + static_cast<std::int64_t>(second.size());
      benchmark::DoNotOptimize(second.rels.data());
    }
  }
  state.SetItemsProcessed(edges);
}
BENCHMARK(BM_Expand2HopCsrDirect);

void BM_ImportCsv(benchmark::State& state) {
  std::string csv_dir = TempDir("csv");
  GraphCsvFiles files = WriteGraphCsv(Graph(), csv_dir);
  for (auto _ : state) {
    std::string dir = TempDir("import");
    auto store = GraphStore::Open(dir, {});
    ImportOptions options;
    options.id_type = IdType::kInteger;
    options.nodes.push_back({files.persons, {"Person"}});
    options.relationships.push_back({files.knows, "KNOWS"});
    ImportReport report = import::ImportCsv(*store, options);
    benchmark::DoNotOptimize(report.relationships_imported);
    state.PauseTiming();
    store.reset();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(Graph().persons.size() + Graph().knows.size()));
  fs::remove_all(csv_dir);
}
BENCHMARK(BM_ImportCsv)->Unit(benchmark::kMillisecond)->Iterations(2);

// The NodeTable: built by the first full scan of nodes (here after a one-node bulk load
// has retired the previous one, untimed), then property reads of random nodes served by
// it, the counterpart of BM_PointGet. Last in the file: the bulk loads add nodes.
void BM_NodeTableBuild(benchmark::State& state) {
  LoadedGraph& g = Loaded();
  for (auto _ : state) {
    state.PauseTiming();
    {
      auto bulk = g.store->BeginBulk();
      bulk->CreateNode({}, {});
      bulk->Finish();
    }
    auto txn = g.store->Begin(TxnMode::kReadOnly);
    state.ResumeTiming();
    NodeId first;
    benchmark::DoNotOptimize(txn->ScanNodes()->Next(&first));  // builds the table
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(g.nodes.size()));
}
BENCHMARK(BM_NodeTableBuild)->Unit(benchmark::kMillisecond);

void BM_PointGetTable(benchmark::State& state) {
  LoadedGraph& g = Loaded();
  auto txn = g.store->Begin(TxnMode::kReadOnly);
  NodeId first;
  txn->ScanNodes()->Next(&first);
  if (!txn->NodeReadsInMemory()) state.SkipWithError("the scan did not build the NodeTable");
  std::mt19937_64 rng(2);
  for (auto _ : state) {
    benchmark::DoNotOptimize(txn->NodeProperty(g.nodes[rng() % g.nodes.size()], g.name));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PointGetTable);

// Last, as they add relationships to the loaded graph the others read.

// Commits `rels` random relationships in one write Txn.
void CommitRandomRels(LoadedGraph& g, int rels, std::mt19937_64* rng) {
  auto txn = g.store->Begin(TxnMode::kReadWrite);
  for (int i = 0; i < rels; ++i) {
    txn->CreateRel(g.nodes[(*rng)() % g.nodes.size()], g.knows,
                   g.nodes[(*rng)() % g.nodes.size()], {});
  }
  txn->Commit();
}

// 2 hops once 10,000 relationships were committed after the CSR was built: expansions of
// the nodes they touched merge the snapshot with its delta.
void BM_Expand2HopCsrWithDelta(benchmark::State& state) {
  LoadedGraph& g = Loaded();
  g.store->Csr();
  std::mt19937_64 rng(5);
  for (int i = 0; i < 10; ++i) CommitRandomRels(g, 1000, &rng);
  g.store->RefreshCsr();  // nothing to rebuild: the delta covers the commits
  Expand(state, 2);
}
BENCHMARK(BM_Expand2HopCsrWithDelta)->Unit(benchmark::kMicrosecond);

// What the first traversal after a write waits for: commit 1,000 relationships (untimed),
// then RefreshCsr and one 1-hop expansion (timed). Rebuilds, once the delta has grown
// past an eighth of the relationships, are timed too.
void BM_FirstExpandAfterCommit(benchmark::State& state) {
  LoadedGraph& g = Loaded();
  g.store->Csr();
  std::mt19937_64 rng(6);
  for (auto _ : state) {
    state.PauseTiming();
    CommitRandomRels(g, 1000, &rng);
    state.ResumeTiming();
    g.store->RefreshCsr();
    auto txn = g.store->Begin(TxnMode::kReadOnly);
    auto edges = txn->Expand(g.nodes[rng() % g.nodes.size()], Direction::kOut, {});
    for (storage::EdgeRef e{}; edges->Next(&e);) benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_FirstExpandAfterCommit)->Unit(benchmark::kMicrosecond)->Iterations(200);

}  // namespace
}  // namespace parley::bench

BENCHMARK_MAIN();
