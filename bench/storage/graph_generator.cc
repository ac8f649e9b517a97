#include "bench/storage/graph_generator.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unordered_set>

namespace parley::bench {
namespace {

// SplitMix64: a tiny, well-mixed generator with a fixed definition.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)

 private:
  std::uint64_t state_;
};

const char* const kCities[] = {"Stockholm", "Helsinki", "Oslo",   "Copenhagen", "Reykjavik",
                               "Berlin",    "Paris",    "Madrid", "Rome",       "Vienna",
                               "Warsaw",    "Prague",   "Moscow", "Beijing",    "Tokyo",
                               "Seoul",     "Delhi",    "Cairo",  "Nairobi",    "Lima"};
constexpr std::uint64_t kCityCount = sizeof(kCities) / sizeof(kCities[0]);

// Ends follow u^3 scaled to the node count: node k's share of in-edges falls off as a
// power of k, giving a few hubs and a long tail. A fixed odd multiplier scatters the
// hubs over the id range.
std::uint64_t SkewedNode(SplitMix64& rng, std::uint64_t nodes) {
  double u = rng.Unit();
  auto rank = static_cast<std::uint64_t>(static_cast<double>(nodes) * u * u * u);
  if (rank >= nodes) rank = nodes - 1;
  return (rank * 0x9e3779b1ull) % nodes;
}

std::uint64_t EnvOr(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : fallback;
}

}  // namespace

SyntheticGraph GeneratePowerLawGraph(const GraphSpec& spec) {
  SplitMix64 rng(spec.seed);
  SyntheticGraph graph;
  graph.persons.reserve(spec.nodes);
  for (std::uint64_t i = 0; i < spec.nodes; ++i) {
    graph.persons.push_back({static_cast<std::int64_t>(i), "Person " + std::to_string(i),
                             static_cast<std::int64_t>(18 + rng.Next() % 70),
                             kCities[rng.Next() % kCityCount]});
  }
  std::unordered_set<std::uint64_t> pairs;  // unordered pair {a, b} as min << 32 | max
  pairs.reserve(spec.rels * 2);
  graph.knows.reserve(spec.rels);
  while (graph.knows.size() < spec.rels && spec.nodes > 1) {
    std::uint64_t start = rng.Next() % spec.nodes;
    std::uint64_t end = SkewedNode(rng, spec.nodes);
    if (start == end) continue;
    std::uint64_t key = (std::min(start, end) << 32) | std::max(start, end);
    if (!pairs.insert(key).second) continue;  // duplicate or reciprocal
    graph.knows.push_back({static_cast<std::int64_t>(start), static_cast<std::int64_t>(end),
                           static_cast<std::int64_t>(1990 + rng.Next() % 35)});
  }
  return graph;
}

GraphSpec GraphSpecFromEnvironment() {
  GraphSpec spec;
  spec.nodes = EnvOr("PARLEY_BENCH_NODES", spec.nodes);
  spec.rels = EnvOr("PARLEY_BENCH_RELS", spec.rels);
  return spec;
}

GraphCsvFiles WriteGraphCsv(const SyntheticGraph& graph, const std::string& dir) {
  std::filesystem::create_directories(dir);
  GraphCsvFiles files{dir + "/persons.csv", dir + "/knows.csv"};
  std::ofstream persons(files.persons);
  persons << "id:ID,name,age:INT,city\n";
  for (const PersonRow& p : graph.persons) {
    persons << p.id << ',' << p.name << ',' << p.age << ',' << p.city << '\n';
  }
  std::ofstream knows(files.knows);
  knows << ":START_ID,:END_ID,since:INT\n";
  for (const KnowsRow& k : graph.knows) knows << k.start << ',' << k.end << ',' << k.since << '\n';
  persons.close();
  knows.close();
  if (!persons || !knows) throw std::runtime_error("cannot write the graph CSV files in " + dir);
  return files;
}

}  // namespace parley::bench
