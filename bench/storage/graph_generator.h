// A deterministic synthetic social graph with a power-law in-degree, for benchmarks.
//
// Person nodes 0..nodes-1 with name, age and city; `rels` KNOWS relationships with a
// `since` year. Starts are uniform, ends are skewed towards a few popular people (a
// power law), and there are no self-loops, no duplicate pairs and no reciprocal pairs
// (a->b and b->a). The same spec always yields the same graph, on any platform (no
// std:: distributions, whose output is implementation-defined).
#ifndef PARLEY_BENCH_STORAGE_GRAPH_GENERATOR_H_
#define PARLEY_BENCH_STORAGE_GRAPH_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace parley::bench {

struct GraphSpec {
  std::uint64_t nodes = 100000;
  std::uint64_t rels = 1000000;  // REQUIRES: well below nodes * (nodes - 1) / 2
  std::uint64_t seed = 42;
};

struct PersonRow {
  std::int64_t id;
  std::string name;
  std::int64_t age;
  std::string city;
};

struct KnowsRow {
  std::int64_t start;
  std::int64_t end;
  std::int64_t since;
};

struct SyntheticGraph {
  std::vector<PersonRow> persons;
  std::vector<KnowsRow> knows;
};

SyntheticGraph GeneratePowerLawGraph(const GraphSpec& spec);

// The spec from PARLEY_BENCH_NODES and PARLEY_BENCH_RELS when set, else the defaults.
GraphSpec GraphSpecFromEnvironment();

struct GraphCsvFiles {
  std::string persons;  // header `id:ID,name,age:INT,city` (import with integer ids)
  std::string knows;    // header `:START_ID,:END_ID,since:INT`
};

// Writes persons.csv and knows.csv into `dir` (created if missing). Throws
// std::runtime_error when a file cannot be written.
GraphCsvFiles WriteGraphCsv(const SyntheticGraph& graph, const std::string& dir);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_STORAGE_GRAPH_GENERATOR_H_
