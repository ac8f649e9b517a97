// The peer query suite Q1-Q11 (shared/bench/queries.json) on the synthetic power-law graph,
// through the public API, and the time to parse and plan each query (EXPLAIN).
//
//   build/bench/query/query_bench                      # 100,000 nodes / 1,000,000 rels
//   PARLEY_BENCH_NODES=10000 PARLEY_BENCH_RELS=100000 build/bench/query/query_bench
//
// The graph is generated and imported once per run (bulk import, then an index on
// :Person(id), the counterpart of Kuzu's primary key). Each iteration runs one execution
// with the next parameter binding, placeholders replaced by literals as the suite's rules
// say, and fetches every row. BM_Join times a hash-joined pattern against its join-free
// formulation. Q11 writes, so it is registered last.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "bench/storage/graph_generator.h"
#include "parley/import.h"
#include "parley/parley.h"

namespace parley::bench {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Fixture {
  fs::path dir;
  std::unique_ptr<Database> db;
  std::unique_ptr<Connection> conn;
  json suite;
  std::vector<std::int64_t> start_ids;
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  std::uint64_t nodes = 0;

  Fixture() {
    GraphSpec spec = GraphSpecFromEnvironment();
    nodes = spec.nodes;
    dir = fs::temp_directory_path() / ("parley-query-bench-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    GraphCsvFiles files = WriteGraphCsv(GeneratePowerLawGraph(spec), (dir / "csv").string());
    db = std::make_unique<Database>((dir / "db").string());
    ImportOptions options;
    options.id_type = IdType::kInteger;
    options.nodes.push_back({files.persons, {"Person"}});
    options.relationships.push_back({files.knows, "KNOWS"});
    ImportCsv(*db, options);
    conn = std::make_unique<Connection>(*db);
    conn->Execute("CREATE INDEX FOR (p:Person) ON (p.id)");
    // The first traversing read builds the CSR snapshot; no timed query should pay for it.
    conn->Execute("MATCH (:Person {id: 0})-[:KNOWS]->(b) RETURN count(b)");
    std::ifstream in(std::string(PARLEY_SHARED_DIR) + "/bench/queries.json");
    suite = json::parse(in);
    // Deterministic parameters: 20 start ids and 10 pairs spread over the id range.
    std::uint64_t x = 42;
    auto next = [&] {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<std::int64_t>((x >> 33) % nodes);
    };
    for (int i = 0; i < 20; ++i) start_ids.push_back(next());
    for (int i = 0; i < 10; ++i) pairs.emplace_back(next(), next());
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

std::string Bind(const std::string& text, const std::map<std::string, std::int64_t>& values) {
  static const std::regex kPlaceholder(R"(\$(\w+))");
  std::string out;
  std::size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it) {
    out += text.substr(last, it->position() - last) + std::to_string(values.at((*it)[1]));
    last = it->position() + it->length();
  }
  return out + text.substr(last);
}

// The k-th parameter binding of a query, cycling through its parameter set.
std::map<std::string, std::int64_t> Binding(const json& q, std::int64_t k) {
  Fixture& f = TheFixture();
  std::string kind = q["params"];
  if (kind == "start_ids") return {{"id", f.start_ids[k % f.start_ids.size()]}};
  if (kind == "pairs") {
    auto [src, dst] = f.pairs[k % f.pairs.size()];
    return {{"src", src}, {"dst", dst}};
  }
  if (kind == "insert")
    return {{"base", 1000000000 + 1000 * k}, {"salt", k}, {"n", static_cast<std::int64_t>(f.nodes)}};
  return {};
}

void BM_Query(benchmark::State& state, std::size_t index) {
  Fixture& f = TheFixture();
  const json& q = f.suite["queries"][index];
  std::int64_t k = 0;
  std::size_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string text = Bind(q["cypher"], Binding(q, k++));
    state.ResumeTiming();
    Result r = f.conn->Execute(text);
    rows += r.row_count();
    benchmark::DoNotOptimize(r);
  }
  state.counters["rows/exec"] = benchmark::Counter(static_cast<double>(rows) / k);
}

void BM_ParsePlan(benchmark::State& state, std::size_t index) {
  Fixture& f = TheFixture();
  const json& q = f.suite["queries"][index];
  std::string text = "EXPLAIN " + Bind(q["cypher"], Binding(q, 0));
  for (auto _ : state) benchmark::DoNotOptimize(f.conn->Execute(text));
}

// Pairs of people and the people both know: a pattern whose two ends are index seeks. The
// planner hash-joins the two halves on x; the second formulation (one relationship per
// MATCH) is planned as before hash joins, expanding back from every x.
struct JoinQuery {
  const char* name;
  const char* cypher;
};
constexpr JoinQuery kJoinQueries[] = {
    {"CommonKnows/hash_join",
     "MATCH (a:Person {id: $src})-[:KNOWS]->(x:Person)<-[:KNOWS]-(b:Person {id: $dst}) "
     "RETURN count(*) AS n"},
    {"CommonKnows/expand",
     "MATCH (a:Person {id: $src})-[r1:KNOWS]->(x:Person) WITH x, r1 "
     "MATCH (x)<-[r2:KNOWS]-(b:Person {id: $dst}) WHERE r1 <> r2 RETURN count(*) AS n"},
};

void BM_Join(benchmark::State& state, const JoinQuery& query) {
  Fixture& f = TheFixture();
  std::int64_t k = 0;
  std::size_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto [src, dst] = f.pairs[k++ % f.pairs.size()];
    std::string text = Bind(query.cypher, {{"src", src}, {"dst", dst}});
    state.ResumeTiming();
    Result r = f.conn->Execute(text);
    rows += static_cast<std::size_t>(r.rows()[0][0].as_int());
    benchmark::DoNotOptimize(r);
  }
  state.counters["matches/exec"] = benchmark::Counter(static_cast<double>(rows) / k);
}

int RegisterAll() {
  std::ifstream in(std::string(PARLEY_SHARED_DIR) + "/bench/queries.json");
  if (!in) return 0;
  json suite = json::parse(in);
  for (std::size_t i = 0; i < suite["queries"].size(); ++i) {
    std::string id = suite["queries"][i]["id"];
    benchmark::RegisterBenchmark(("BM_ParsePlan/" + id).c_str(), BM_ParsePlan, i)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const JoinQuery& query : kJoinQueries) {  // before Q11, which writes
    benchmark::RegisterBenchmark((std::string("BM_Join/") + query.name).c_str(), BM_Join, query)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(0.5);
  }
  for (std::size_t i = 0; i < suite["queries"].size(); ++i) {
    std::string id = suite["queries"][i]["id"];
    auto* bm = benchmark::RegisterBenchmark(("BM_Query/" + id).c_str(), BM_Query, i)
                   ->Unit(benchmark::kMillisecond);
    if (id == "Q11") {
      bm->Iterations(5);  // Q11 writes 1,000 nodes per execution
    } else {
      bm->MinTime(0.5);
    }
  }
  return 0;
}
const int kRegistered = RegisterAll();

}  // namespace
}  // namespace parley::bench

BENCHMARK_MAIN();
