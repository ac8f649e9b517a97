// parley_differential: random queries over random small graphs, run by Parley and by a
// naive evaluator written here, independently of the engine; every disagreement is
// minimised (relationships, then nodes, removed while it persists) and reported.
//
//   parley_differential [--graphs N] [--queries-per-graph N] [--seed N]
//
// The grammar: MATCH of 0, 1 or 2 hops (each direction, label and type filters), an
// optional WHERE of one or two comparisons (=, <>, <, <=, >, >=) between properties and
// constants, joined by AND or OR and possibly negated, with Cypher's null logic, and a
// RETURN with count(*), grouping, DISTINCT, count(DISTINCT), min/max, ORDER BY ASC/DESC
// and LIMIT. Values are small integers, some properties missing (null).
// Exit status 0 when Parley and the evaluator agreed on every query.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "parley/parley.h"

namespace parley::differential {
namespace {

using Int = std::optional<std::int64_t>;  // a property value or null
using Row = std::vector<Int>;

struct GNode {
  int i;
  bool a_label, b_label;
  Int x;
};
struct GRel {
  int start, end;
  bool r_type;  // :R, else :S
  Int w;
};
struct Graph {
  std::vector<GNode> nodes;
  std::vector<GRel> rels;
};

enum class Dir { kOut, kIn, kBoth };

// A property reference: variable (0 a, 1 b, 2 c for x; 3 r, 4 s for w), or a constant.
struct Operand {
  int var = -1;  // -1: the constant
  std::int64_t constant = 0;
};
struct Comparison {
  Operand lhs, rhs;
  int op = 0;  // = <> < <= > >=
};
struct Query {
  int hops = 0;
  int labels[3] = {0, 0, 0};  // 0 none, 1 :A, 2 :B
  int types[2] = {0, 0};      // 0 any, 1 :R, 2 :S
  Dir dirs[2] = {Dir::kOut, Dir::kOut};
  std::vector<Comparison> where;
  bool use_or = false;
  bool negate = false;
  int ret = 0;
};

// ----------------------------------------------------------------------------------------
// Cypher text.

const char* kOps[] = {"=", "<>", "<", "<=", ">", ">="};
const char* kVars[] = {"a.x", "b.x", "c.x", "r.w", "s.w"};

std::string OperandText(const Operand& o) {
  return o.var < 0 ? std::to_string(o.constant) : kVars[o.var];
}

std::string NodeText(const char* name, int label) {
  return std::string("(") + name + (label == 1 ? ":A" : label == 2 ? ":B" : "") + ")";
}

std::string RelText(const char* name, int type, Dir dir) {
  std::string body = std::string("[") + name + (type == 1 ? ":R" : type == 2 ? ":S" : "") + "]";
  if (dir == Dir::kOut) return "-" + body + "->";
  if (dir == Dir::kIn) return "<-" + body + "-";
  return "-" + body + "-";
}

std::string ReturnText(const Query& q) {
  const char* far = q.hops >= 1 ? "b" : "a";
  switch (q.ret) {
    case 0: return "RETURN count(*) AS c";
    case 1: return "RETURN a.x AS v, count(*) AS c ORDER BY v";
    case 2: return std::string("RETURN DISTINCT ") + far + ".x AS v ORDER BY v";
    case 3:
      return q.hops >= 1 ? "RETURN a.i AS p, b.i AS q ORDER BY p, q" : "RETURN a.i AS p ORDER BY p";
    case 4: return std::string("RETURN count(DISTINCT ") + far + ".x) AS c";
    case 5:
      return q.hops >= 1 ? "RETURN r.w AS v, count(*) AS c ORDER BY v DESC"
                         : "RETURN a.x AS v, count(*) AS c ORDER BY v DESC";
    case 6: return "RETURN min(a.x) AS lo, max(a.x) AS hi";
    default: return "RETURN a.x AS v ORDER BY v DESC LIMIT 3";
  }
}

std::string QueryText(const Query& q) {
  std::string text = "MATCH " + NodeText("a", q.labels[0]);
  if (q.hops >= 1) text += RelText("r", q.types[0], q.dirs[0]) + NodeText("b", q.labels[1]);
  if (q.hops >= 2) text += RelText("s", q.types[1], q.dirs[1]) + NodeText("c", q.labels[2]);
  if (!q.where.empty()) {
    std::string cond;
    for (std::size_t k = 0; k < q.where.size(); ++k) {
      if (k > 0) cond += q.use_or ? " OR " : " AND ";
      const Comparison& c = q.where[k];
      cond += OperandText(c.lhs) + " " + kOps[c.op] + " " + OperandText(c.rhs);
    }
    text += " WHERE " + (q.negate ? "NOT (" + cond + ")" : cond);
  }
  return text + " " + ReturnText(q);
}

std::string GraphText(const Graph& g) {
  std::string text = "CREATE ";
  auto value = [](const Int& v) { return v ? std::to_string(*v) : std::string("null"); };
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const GNode& n = g.nodes[k];
    if (k > 0) text += ", ";
    text += "(n" + std::to_string(n.i) + (n.a_label ? ":A" : "") + (n.b_label ? ":B" : "") +
            " {i: " + std::to_string(n.i) + ", x: " + value(n.x) + "})";
  }
  for (const GRel& r : g.rels) {
    text += ", (n" + std::to_string(r.start) + ")-[:" + (r.r_type ? "R" : "S") +
            " {w: " + value(r.w) + "}]->(n" + std::to_string(r.end) + ")";
  }
  return text;
}

// ----------------------------------------------------------------------------------------
// The naive evaluator.

// Cypher's order for ascending sorts: numbers ascending, null last.
bool Less(const Int& l, const Int& r) {
  if (!l || !r) return l.has_value() && !r.has_value();
  return *l < *r;
}
bool RowLess(const Row& l, const Row& r, const std::vector<bool>& descending) {
  for (std::size_t k = 0; k < descending.size(); ++k) {
    if (l[k] == r[k]) continue;
    return descending[k] ? Less(r[k], l[k]) : Less(l[k], r[k]);
  }
  return false;
}

std::optional<bool> Compare(const Int& l, const Int& r, int op) {
  if (!l || !r) return std::nullopt;
  switch (op) {
    case 0: return *l == *r;
    case 1: return *l != *r;
    case 2: return *l < *r;
    case 3: return *l <= *r;
    case 4: return *l > *r;
    default: return *l >= *r;
  }
}

struct Binding {
  const GNode* n[3] = {nullptr, nullptr, nullptr};
  const GRel* r[2] = {nullptr, nullptr};
};

bool HasLabel(const GNode& n, int label) {
  return label == 0 || (label == 1 && n.a_label) || (label == 2 && n.b_label);
}
bool HasType(const GRel& r, int type) { return type == 0 || (type == 1) == r.r_type; }

std::vector<Row> Evaluate(const Graph& g, const Query& q) {
  std::vector<Binding> bindings;
  auto node = [&](int i) -> const GNode& {
    for (const GNode& n : g.nodes) {
      if (n.i == i) return n;
    }
    std::abort();
  };
  // The far ends of `from` over relationships of `type` in `dir`: (rel, far node).
  auto expand = [&](const GNode& from, int type, Dir dir) {
    std::vector<std::pair<const GRel*, const GNode*>> out;
    for (const GRel& r : g.rels) {
      if (!HasType(r, type)) continue;
      bool forward = r.start == from.i, backward = r.end == from.i;
      if ((dir == Dir::kOut || dir == Dir::kBoth) && forward) out.emplace_back(&r, &node(r.end));
      // An undirected pattern matches a self-loop once.
      if ((dir == Dir::kIn || (dir == Dir::kBoth && r.start != r.end)) && backward) {
        out.emplace_back(&r, &node(r.start));
      }
    }
    return out;
  };
  for (const GNode& a : g.nodes) {
    if (!HasLabel(a, q.labels[0])) continue;
    if (q.hops == 0) {
      Binding b;
      b.n[0] = &a;
      bindings.push_back(b);
      continue;
    }
    for (auto [r, bn] : expand(a, q.types[0], q.dirs[0])) {
      if (!HasLabel(*bn, q.labels[1])) continue;
      if (q.hops == 1) {
        Binding b;
        b.n[0] = &a, b.n[1] = bn, b.r[0] = r;
        bindings.push_back(b);
        continue;
      }
      for (auto [s, cn] : expand(*bn, q.types[1], q.dirs[1])) {
        if (s == r || !HasLabel(*cn, q.labels[2])) continue;  // relationships are distinct
        Binding b;
        b.n[0] = &a, b.n[1] = bn, b.n[2] = cn, b.r[0] = r, b.r[1] = s;
        bindings.push_back(b);
      }
    }
  }
  auto operand = [](const Binding& b, const Operand& o) -> Int {
    if (o.var < 0) return o.constant;
    if (o.var < 3) return b.n[o.var]->x;
    return b.r[o.var - 3]->w;
  };
  std::vector<Binding> kept;
  for (const Binding& b : bindings) {
    // Three-valued logic: 1 true, 0 false, -1 null.
    int value = 1;
    for (std::size_t k = 0; k < q.where.size(); ++k) {
      std::optional<bool> compared = Compare(operand(b, q.where[k].lhs),
                                             operand(b, q.where[k].rhs), q.where[k].op);
      int c = compared ? (*compared ? 1 : 0) : -1;
      if (k == 0) {
        value = c;
      } else if (q.use_or) {
        value = (value == 1 || c == 1) ? 1 : (value == 0 && c == 0) ? 0 : -1;
      } else {
        value = (value == 0 || c == 0) ? 0 : (value == 1 && c == 1) ? 1 : -1;
      }
    }
    if (q.negate && !q.where.empty() && value >= 0) value = 1 - value;  // NOT (...)
    if (value == 1) kept.push_back(b);
  }
  const int far = q.hops >= 1 ? 1 : 0;
  std::vector<Row> rows;
  auto group_count = [&](const std::function<Int(const Binding&)>& key, bool descending) {
    std::map<Int, std::int64_t> counts;
    for (const Binding& b : kept) ++counts[key(b)];
    for (const auto& [k, c] : counts) rows.push_back({k, c});
    std::sort(rows.begin(), rows.end(),
              [&](const Row& l, const Row& r) { return RowLess(l, r, {descending}); });
  };
  switch (q.ret) {
    case 0: rows.push_back({static_cast<std::int64_t>(kept.size())}); break;
    case 1: group_count([](const Binding& b) { return b.n[0]->x; }, false); break;
    case 2: {
      std::set<Int> values;
      for (const Binding& b : kept) values.insert(b.n[far]->x);
      for (const Int& v : values) rows.push_back({v});
      std::sort(rows.begin(), rows.end(),
                [](const Row& l, const Row& r) { return RowLess(l, r, {false}); });
      break;
    }
    case 3:
      for (const Binding& b : kept) {
        if (q.hops >= 1) {
          rows.push_back({b.n[0]->i, b.n[1]->i});
        } else {
          rows.push_back({b.n[0]->i});
        }
      }
      std::sort(rows.begin(), rows.end(), [&](const Row& l, const Row& r) {
        return RowLess(l, r, std::vector<bool>(l.size(), false));
      });
      break;
    case 4: {
      std::set<std::int64_t> values;
      for (const Binding& b : kept) {
        if (b.n[far]->x) values.insert(*b.n[far]->x);
      }
      rows.push_back({static_cast<std::int64_t>(values.size())});
      break;
    }
    case 5:
      if (q.hops >= 1) {
        group_count([](const Binding& b) { return b.r[0]->w; }, true);
      } else {
        group_count([](const Binding& b) { return b.n[0]->x; }, true);
      }
      break;
    case 6: {
      Int lo, hi;
      for (const Binding& b : kept) {
        const Int& x = b.n[0]->x;
        if (!x) continue;
        if (!lo || *x < *lo) lo = x;
        if (!hi || *x > *hi) hi = x;
      }
      rows.push_back({lo, hi});
      break;
    }
    default:
      for (const Binding& b : kept) rows.push_back({b.n[0]->x});
      std::sort(rows.begin(), rows.end(),
                [](const Row& l, const Row& r) { return RowLess(l, r, {true}); });
      if (rows.size() > 3) rows.resize(3);
      break;
  }
  return rows;
}

// ----------------------------------------------------------------------------------------
// Parley's answer.

struct Answer {
  std::vector<Row> rows;
  std::string error;  // when Parley failed
};

Answer RunParley(const Graph& g, const Query& q) {
  Answer answer;
  try {
    DatabaseOptions options;
    options.in_memory = true;
    Database db("differential", options);
    Connection conn(db);
    if (!g.nodes.empty()) conn.Execute(GraphText(g));
    Result result = conn.Execute(QueryText(q));
    for (const auto& row : result.rows()) {
      Row out;
      for (const Value& v : row) {
        if (v.is_null()) {
          out.push_back(std::nullopt);
        } else if (v.is_int()) {
          out.push_back(v.as_int());
        } else {
          answer.error = "a value that is neither an integer nor null";
          return answer;
        }
      }
      answer.rows.push_back(std::move(out));
    }
  } catch (const Error& e) {
    answer.error = e.what();
  }
  return answer;
}

bool Disagree(const Graph& g, const Query& q) {
  Answer parley = RunParley(g, q);
  return !parley.error.empty() || parley.rows != Evaluate(g, q);
}

std::string RowsText(const std::vector<Row>& rows) {
  std::string text = "[";
  for (const Row& row : rows) {
    text += "(";
    for (std::size_t k = 0; k < row.size(); ++k) {
      text += (k ? ", " : "") + (row[k] ? std::to_string(*row[k]) : std::string("null"));
    }
    text += ")";
  }
  return text + "]";
}

// Removes relationships, then nodes (with their relationships), while the queries still
// disagree on the graph.
Graph Minimise(Graph g, const Query& q) {
  for (bool shrunk = true; shrunk;) {
    shrunk = false;
    for (std::size_t k = 0; k < g.rels.size(); ++k) {
      Graph smaller = g;
      smaller.rels.erase(smaller.rels.begin() + static_cast<std::ptrdiff_t>(k));
      if (Disagree(smaller, q)) {
        g = smaller, shrunk = true;
        break;
      }
    }
    if (shrunk) continue;
    for (std::size_t k = 0; k < g.nodes.size(); ++k) {
      Graph smaller = g;
      int gone = smaller.nodes[k].i;
      smaller.nodes.erase(smaller.nodes.begin() + static_cast<std::ptrdiff_t>(k));
      std::erase_if(smaller.rels,
                    [&](const GRel& r) { return r.start == gone || r.end == gone; });
      if (Disagree(smaller, q)) {
        g = smaller, shrunk = true;
        break;
      }
    }
  }
  return g;
}

// ----------------------------------------------------------------------------------------
// Random graphs and queries.

Graph RandomGraph(std::mt19937_64& rng) {
  Graph g;
  int nodes = 1 + static_cast<int>(rng() % 7);
  auto value = [&](int range) -> Int {
    if (rng() % 5 == 0) return std::nullopt;
    return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(range));
  };
  for (int i = 0; i < nodes; ++i) {
    g.nodes.push_back({i, rng() % 2 == 0, rng() % 3 == 0, value(4)});
  }
  int rels = static_cast<int>(rng() % 11);
  for (int k = 0; k < rels; ++k) {
    g.rels.push_back({static_cast<int>(rng() % static_cast<std::uint64_t>(nodes)),
                      static_cast<int>(rng() % static_cast<std::uint64_t>(nodes)),
                      rng() % 3 != 0, value(3)});
  }
  return g;
}

Query RandomQuery(std::mt19937_64& rng) {
  Query q;
  q.hops = static_cast<int>(rng() % 3);
  for (int& label : q.labels) label = rng() % 3 == 0 ? static_cast<int>(1 + rng() % 2) : 0;
  for (int& type : q.types) type = rng() % 3 == 0 ? static_cast<int>(1 + rng() % 2) : 0;
  for (Dir& dir : q.dirs) dir = static_cast<Dir>(rng() % 3);
  int nodes = q.hops + 1, rels = q.hops;
  auto operand = [&]() {
    Operand o;
    std::uint64_t pick = rng() % static_cast<std::uint64_t>(nodes + rels + 1);
    if (pick == static_cast<std::uint64_t>(nodes + rels)) {
      o.constant = static_cast<std::int64_t>(rng() % 4);
    } else if (pick < static_cast<std::uint64_t>(nodes)) {
      o.var = static_cast<int>(pick);
    } else {
      o.var = 3 + static_cast<int>(pick - static_cast<std::uint64_t>(nodes));
    }
    return o;
  };
  int comparisons = static_cast<int>(rng() % 3);
  for (int k = 0; k < comparisons; ++k) {
    Comparison c;
    c.lhs = operand();
    c.rhs = operand();
    c.op = static_cast<int>(rng() % 6);
    q.where.push_back(c);
  }
  q.use_or = rng() % 2 == 0;
  q.negate = rng() % 4 == 0;
  q.ret = static_cast<int>(rng() % 8);
  return q;
}

int Run(int graphs, int queries_per_graph, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  int queries = 0, disagreements = 0;
  std::set<std::string> reported;
  for (int gi = 0; gi < graphs; ++gi) {
    Graph g = RandomGraph(rng);
    for (int qi = 0; qi < queries_per_graph; ++qi) {
      Query q = RandomQuery(rng);
      ++queries;
      if (!Disagree(g, q)) continue;
      ++disagreements;
      Graph small = Minimise(g, q);
      std::string text = QueryText(q);
      if (!reported.insert(text).second || reported.size() > 20) continue;
      Answer parley = RunParley(small, q);
      std::printf("DISAGREEMENT\n  graph:    %s\n  query:    %s\n  parley:   %s\n"
                  "  expected: %s\n",
                  GraphText(small).c_str(), text.c_str(),
                  parley.error.empty() ? RowsText(parley.rows).c_str() : parley.error.c_str(),
                  RowsText(Evaluate(small, q)).c_str());
    }
  }
  std::printf("differential: %d graphs, %d queries, %d disagreements (seed %llu)\n", graphs,
              queries, disagreements, static_cast<unsigned long long>(seed));
  return disagreements == 0 ? 0 : 1;
}

}  // namespace
}  // namespace parley::differential

int main(int argc, char** argv) {
  int graphs = 100, per_graph = 30;
  std::uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--graphs") graphs = std::stoi(argv[i + 1]);
    else if (flag == "--queries-per-graph") per_graph = std::stoi(argv[i + 1]);
    else if (flag == "--seed") seed = std::stoull(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: parley_differential [--graphs N] [--queries-per-graph N] "
                           "[--seed N]\n");
      return 2;
    }
  }
  return parley::differential::Run(graphs, per_graph, seed);
}
