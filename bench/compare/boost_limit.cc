// The in-memory limit for the traversal queries of the peer suite (shared/bench/queries.json)
// and for PageRank and WCC: what a program that holds nothing but the graph's adjacency in
// memory needs for the same work. compare.py sets Parley's figures beside these.
//
// Usage: boost_limit --csv DIR --params FILE [--reps N] [--algos N]
//
// Reads DIR/persons.csv (for the node count) and DIR/knows.csv (:START_ID,:END_ID,... with a
// header line; ids are the dense 0..N-1 that generate_graph writes, so vertex = id) into a
// boost::compressed_sparse_row_graph and its reverse, then times, for the start ids and pairs
// of the params file (the file compare.py gives every engine):
//   Q2 out-degree, Q3/Q4 distinct nodes at exactly 2/3 hops, Q5 distinct nodes within 1..3
//   hops, Q6 shortest path length (bidirectional BFS, at most 30 hops), Q9 triangles through
//   the start node, Q10 the ten nodes of largest in-degree,
// and over the whole graph PageRank (the Graphalytics definition, as algo.pageRank computes
// it: 20 rounds, damping 0.85) and weakly connected components (boost::connected_components
// over both directions). Visited sets are epoch-stamped arrays allocated once, no properties.
//
// Prints one JSON object on stdout; answers have the row shape of the suite's queries:
//   {"engine": "boost-limit", "load_ms": ..., "queries": {"Q2": {"times_ms": [...],
//    "answers": [[{"n": 3}], ...]}, ...}, "algorithms": {"pagerank": {...}, "wcc": {...}}}
// Errors (unreadable or malformed files, ids out of range) go to stderr with exit status 1.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/range/iterator_range.hpp>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                 boost::no_property, boost::no_property,
                                                 std::uint32_t, std::uint32_t>;
using Vertex = std::uint32_t;
using Edges = std::vector<std::pair<Vertex, Vertex>>;

// A visited set that empties in O(1): a vertex is in it when its stamp equals the epoch.
class Stamps {
 public:
  explicit Stamps(std::size_t n) : stamp_(n, 0) {}
  void Clear() {
    if (++epoch_ == 0) {
      std::fill(stamp_.begin(), stamp_.end(), 0);
      epoch_ = 1;
    }
  }
  // True when v was not in the set (and is now).
  bool Insert(Vertex v) {
    if (stamp_[v] == epoch_) return false;
    stamp_[v] = epoch_;
    return true;
  }
  bool Contains(Vertex v) const { return stamp_[v] == epoch_; }

 private:
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 1;
};

// Reads the first two comma-separated unsigned integers of every line after the header.
// Calls row(a, b) per line; b is 0 when the line has one field.
template <typename Row>
void ReadCsv(const std::string& path, int fields, Row row) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw std::runtime_error("cannot read " + path);
  std::vector<char> buf(1 << 22);
  std::string carry;
  bool header = true;
  std::uint64_t line_no = 0;
  auto parse_line = [&](const char* p, const char* end) {
    ++line_no;
    if (header) {
      header = false;
      return;
    }
    if (p == end) return;
    std::uint64_t v[2] = {0, 0};
    for (int i = 0; i < fields; ++i) {
      const char* start = p;
      while (p < end && *p >= '0' && *p <= '9') v[i] = v[i] * 10 + (*p++ - '0');
      if (p == start || v[i] >= UINT32_MAX) {
        throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                 ": expected a node id below 2^32 in field " +
                                 std::to_string(i + 1));
      }
      if (i + 1 < fields) {
        if (p == end || *p != ',') {
          throw std::runtime_error(path + ":" + std::to_string(line_no) + ": expected ','");
        }
        ++p;
      }
    }
    row(static_cast<Vertex>(v[0]), static_cast<Vertex>(v[1]));
  };
  std::size_t got;
  while ((got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    const char* p = buf.data();
    const char* end = p + got;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      if (nl == nullptr) {
        carry.append(p, end);
        break;
      }
      if (!carry.empty()) {
        carry.append(p, nl);
        parse_line(carry.data(), carry.data() + carry.size());
        carry.clear();
      } else {
        parse_line(p, nl);
      }
      p = nl + 1;
    }
  }
  std::fclose(f);
  if (!carry.empty()) parse_line(carry.data(), carry.data() + carry.size());
}

struct Graphs {
  Vertex n = 0;
  Graph out;        // a -> b for every KNOWS a -> b
  Graph in;         // b -> a
  Graph symmetric;  // both, for the weakly connected components
};

Graphs Load(const std::string& dir) {
  Vertex max_id = 0;
  std::uint64_t persons = 0;
  ReadCsv(dir + "/persons.csv", 1, [&](Vertex id, Vertex) {
    max_id = std::max(max_id, id);
    ++persons;
  });
  Graphs g;
  g.n = persons == 0 ? 0 : max_id + 1;
  if (g.n != persons) throw std::runtime_error(dir + "/persons.csv: ids are not 0..N-1");
  Edges edges;
  ReadCsv(dir + "/knows.csv", 2, [&](Vertex a, Vertex b) {
    if (a >= g.n || b >= g.n) {
      throw std::runtime_error(dir + "/knows.csv: relationship " + std::to_string(a) + " -> " +
                               std::to_string(b) + " names an id not in persons.csv");
    }
    edges.emplace_back(a, b);
  });
  Edges reversed(edges.size());
  std::transform(edges.begin(), edges.end(), reversed.begin(),
                 [](auto e) { return std::make_pair(e.second, e.first); });
  using boost::edges_are_unsorted_multi_pass;
  g.out = Graph(edges_are_unsorted_multi_pass, edges.begin(), edges.end(), g.n);
  g.in = Graph(edges_are_unsorted_multi_pass, reversed.begin(), reversed.end(), g.n);
  edges.insert(edges.end(), reversed.begin(), reversed.end());
  g.symmetric = Graph(edges_are_unsorted_multi_pass, edges.begin(), edges.end(), g.n);
  return g;
}

// The traversals. Each returns its bare result; Rows() below turns it into the suite's rows
// outside the timed part.
class Traversals {
 public:
  explicit Traversals(const Graphs& g) : g_(g), seen_(g.n), other_(g.n) {}

  std::uint64_t OutDegree(Vertex a) const { return out_degree(a, g_.out); }

  // Distinct nodes at the end of a walk of exactly `hops` relationships. The graph has no
  // self-loops, duplicate or reciprocal relationships, so walks and trails reach the same.
  std::uint64_t DistinctAtHops(Vertex a, int hops) {
    frontier_.assign(1, a);
    for (int h = 0; h < hops; ++h) {
      seen_.Clear();
      next_.clear();
      for (Vertex u : frontier_) {
        for (Vertex v : boost::make_iterator_range(adjacent_vertices(u, g_.out))) {
          if (seen_.Insert(v)) next_.push_back(v);
        }
      }
      frontier_.swap(next_);
    }
    return frontier_.size();
  }

  // Distinct nodes reached within 1..hops relationships; the start counts when it lies on a
  // short cycle (it is not marked before the search).
  std::uint64_t DistinctWithin(Vertex a, int hops) {
    seen_.Clear();
    frontier_.assign(1, a);
    std::uint64_t reached = 0;
    for (int h = 0; h < hops && !frontier_.empty(); ++h) {
      next_.clear();
      for (Vertex u : frontier_) {
        for (Vertex v : boost::make_iterator_range(adjacent_vertices(u, g_.out))) {
          if (seen_.Insert(v)) next_.push_back(v);
        }
      }
      reached += next_.size();
      frontier_.swap(next_);
    }
    return reached;
  }

  // Length of a shortest path of 1..max_hops relationships: breadth-first from both ends,
  // always growing the smaller frontier one level. 0 when there is none.
  int ShortestPath(Vertex src, Vertex dst, int max_hops) {
    if (src == dst) return 0;  // the suite's pairs never ask for a cycle
    seen_.Clear();
    other_.Clear();
    seen_.Insert(src);
    other_.Insert(dst);
    frontier_.assign(1, src);
    back_.assign(1, dst);
    for (int length = 1; length <= max_hops; ++length) {
      bool forward = frontier_.size() <= back_.size();
      std::vector<Vertex>& grow = forward ? frontier_ : back_;
      Stamps& mine = forward ? seen_ : other_;
      Stamps& theirs = forward ? other_ : seen_;
      const Graph& graph = forward ? g_.out : g_.in;
      next_.clear();
      for (Vertex u : grow) {
        for (Vertex v : boost::make_iterator_range(adjacent_vertices(u, graph))) {
          if (theirs.Contains(v)) return length;
          if (mine.Insert(v)) next_.push_back(v);
        }
      }
      if (next_.empty()) break;
      grow.swap(next_);
    }
    return 0;
  }

  // Closed walks a -> b -> c -> a.
  std::uint64_t Triangles(Vertex a) {
    seen_.Clear();
    for (Vertex c : boost::make_iterator_range(adjacent_vertices(a, g_.in))) seen_.Insert(c);
    std::uint64_t n = 0;
    for (Vertex b : boost::make_iterator_range(adjacent_vertices(a, g_.out))) {
      for (Vertex c : boost::make_iterator_range(adjacent_vertices(b, g_.out))) {
        n += seen_.Contains(c);
      }
    }
    return n;
  }

  // The k nodes with most incoming relationships, ties by smaller id, as (degree, id).
  const std::vector<std::pair<std::uint32_t, Vertex>>& TopInDegree(std::size_t k) {
    top_.clear();
    for (Vertex v = 0; v < g_.n; ++v) {
      std::uint32_t d = out_degree(v, g_.in);
      if (d > 0) top_.emplace_back(d, v);
    }
    auto before = [](auto x, auto y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    };
    std::size_t keep = std::min(k, top_.size());
    std::partial_sort(top_.begin(), top_.begin() + keep, top_.end(), before);
    top_.resize(keep);
    return top_;
  }

 private:
  const Graphs& g_;
  Stamps seen_, other_;
  std::vector<Vertex> frontier_, next_, back_;
  std::vector<std::pair<std::uint32_t, Vertex>> top_;
};

// PageRank as LDBC Graphalytics defines it (the rank of sinks is spread over every vertex,
// ranks sum to one). boost::graph::page_rank computes a different quantity (it adds 1-d per
// round and drops the sinks' rank), so the rounds are written here over the Boost CSR.
std::vector<double> PageRank(const Graph& g, int rounds, double d) {
  const Vertex n = num_vertices(g);
  std::vector<double> rank(n, 1.0 / n), next(n), inverse_degree(n);
  for (Vertex u = 0; u < n; ++u) {
    auto degree = out_degree(u, g);
    inverse_degree[u] = degree == 0 ? 0 : 1.0 / static_cast<double>(degree);
  }
  for (int round = 0; round < rounds; ++round) {
    double sink_rank = 0;
    for (Vertex u = 0; u < n; ++u) {
      if (inverse_degree[u] == 0) sink_rank += rank[u];
    }
    std::fill(next.begin(), next.end(), 0.0);
    for (Vertex u = 0; u < n; ++u) {
      const double share = rank[u] * inverse_degree[u];
      for (Vertex v : boost::make_iterator_range(adjacent_vertices(u, g))) next[v] += share;
    }
    const double base = (1 - d) / n + d * sink_rank / n;
    for (Vertex v = 0; v < n; ++v) rank[v] = base + d * next[v];
  }
  return rank;
}

// The five highest ranks, ties by smaller id, as rows {id, score}.
json TopRanks(const std::vector<double>& rank) {
  std::vector<Vertex> order(rank.size());
  for (Vertex v = 0; v < order.size(); ++v) order[v] = v;
  std::size_t keep = std::min<std::size_t>(5, order.size());
  std::partial_sort(order.begin(), order.begin() + keep, order.end(), [&](Vertex x, Vertex y) {
    return rank[x] != rank[y] ? rank[x] > rank[y] : x < y;
  });
  json rows = json::array();
  for (std::size_t i = 0; i < keep; ++i) {
    rows.push_back({{"id", order[i]}, {"score", rank[order[i]]}});
  }
  return rows;
}

// Number of components and the size of the largest, as one row.
json ComponentSummary(const std::vector<std::uint32_t>& component, std::uint32_t count) {
  std::vector<std::uint64_t> size(count, 0);
  for (std::uint32_t c : component) ++size[c];
  std::uint64_t largest = count == 0 ? 0 : *std::max_element(size.begin(), size.end());
  return json::array({json{{"components", count}, {"largest", largest}}});
}

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// Keeps a result alive so that the compiler cannot drop the work that made it.
template <typename T>
void Keep(const T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

// Runs run() once untimed and `reps` times timed; the first result, as rows, is the answer.
template <typename Run, typename ToRows>
json Time(int reps, Run run, ToRows to_rows) {
  json times = json::array();
  json answer = to_rows(run());
  for (int r = 0; r < reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    Keep(run());
    times.push_back(Ms(start, std::chrono::steady_clock::now()));
  }
  return {{"times_ms", times}, {"answer", answer}};
}

// Times query(binding) for every binding: one untimed pass (its results, as rows, are the
// answers), then `reps` timed passes.
template <typename Binding, typename Query, typename ToRows>
json TimeEach(const std::vector<Binding>& bindings, int reps, Query query, ToRows to_rows) {
  json times = json::array(), answers = json::array();
  for (const Binding& b : bindings) answers.push_back(to_rows(query(b)));
  for (int r = 0; r < reps; ++r) {
    for (const Binding& b : bindings) {
      auto start = std::chrono::steady_clock::now();
      Keep(query(b));
      times.push_back(Ms(start, std::chrono::steady_clock::now()));
    }
  }
  return {{"times_ms", times}, {"answers", answers}};
}

// One row with one column, as the suite's counting queries return.
auto Count(const char* column) {
  return [column](std::uint64_t n) { return json::array({json{{column, n}}}); };
}

json ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return json::parse(in);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> opt = {{"reps", "10"}, {"algos", "3"}};
  for (int i = 1; i + 1 < argc; i += 2) opt[std::string(argv[i]).substr(2)] = argv[i + 1];
  if (!opt.count("csv") || !opt.count("params")) {
    std::cerr << "usage: boost_limit --csv DIR --params FILE [--reps N] [--algos N]\n";
    return 2;
  }
  try {
    const int reps = std::stoi(opt["reps"]);
    json params = ReadJson(opt["params"]);
    auto load_start = std::chrono::steady_clock::now();
    const Graphs g = Load(opt["csv"]);
    double load_ms = Ms(load_start, std::chrono::steady_clock::now());

    std::vector<Vertex> starts;
    std::vector<std::pair<Vertex, Vertex>> pairs;
    for (const json& id : params.at("start_ids")) starts.push_back(id.get<Vertex>());
    for (const json& p : params.at("pairs")) pairs.emplace_back(p.at(0), p.at(1));
    for (Vertex v : starts) {
      if (v >= g.n) throw std::runtime_error("start id " + std::to_string(v) + " not a node");
    }
    for (auto [s, t] : pairs) {
      if (s >= g.n || t >= g.n) throw std::runtime_error("pair names an id that is not a node");
    }

    Traversals t(g);
    json queries = json::object();
    queries["Q2"] = TimeEach(starts, reps, [&](Vertex a) { return t.OutDegree(a); }, Count("n"));
    queries["Q3"] =
        TimeEach(starts, reps, [&](Vertex a) { return t.DistinctAtHops(a, 2); }, Count("n"));
    queries["Q4"] =
        TimeEach(starts, reps, [&](Vertex a) { return t.DistinctAtHops(a, 3); }, Count("n"));
    queries["Q5"] =
        TimeEach(starts, reps, [&](Vertex a) { return t.DistinctWithin(a, 3); }, Count("n"));
    queries["Q6"] = TimeEach(
        pairs, reps, [&](auto p) { return t.ShortestPath(p.first, p.second, 30); },
        [](int length) { return length == 0 ? json::array() : Count("len")(length); });
    queries["Q9"] = TimeEach(starts, reps, [&](Vertex a) { return t.Triangles(a); }, Count("n"));
    queries["Q10"] = TimeEach(
        std::vector<int>{0}, reps, [&](int) { return t.TopInDegree(10); },
        [](const auto& top) {
          json rows = json::array();
          for (auto [degree, id] : top) rows.push_back({{"id", id}, {"indeg", degree}});
          return rows;
        });

    // PageRank and WCC: once untimed, then `algos` times timed (none when 0).
    json algorithms = json::object();
    const int algo_reps = std::stoi(opt["algos"]);
    if (algo_reps > 0) {
      algorithms["pagerank"] =
          Time(algo_reps, [&] { return PageRank(g.out, 20, 0.85); }, TopRanks);
      std::vector<std::uint32_t> component(g.n);
      algorithms["wcc"] = Time(
          algo_reps,
          [&] {
            return static_cast<std::uint32_t>(boost::connected_components(
                g.symmetric, boost::make_iterator_property_map(
                                 component.begin(), get(boost::vertex_index, g.symmetric))));
          },
          [&](std::uint32_t count) { return ComponentSummary(component, count); });
    }

    json out = {{"engine", "boost-limit"}, {"nodes", g.n}, {"relationships", num_edges(g.out)},
                {"load_ms", load_ms}, {"queries", queries}, {"algorithms", algorithms}};
    std::cout << out.dump() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "boost_limit: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
