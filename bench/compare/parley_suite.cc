// Runs the peer query suite (shared/bench/queries.json) on a Parley database through the
// public API, timing every execution on its own (parse, plan, execute and fetch every
// row), and prints one JSON object on stdout in the shape kuzu_suite.js prints:
//   {"engine": "parley", "queries": {"Q1": {"times_ms": [...], "answers": [[{...}], ...]}}}
// "answers" holds the rows of every binding of the first (warm-up) pass, in binding order.
// Each query also gets "cpu_ms": the calling thread's CPU time per execution, steadier
// than the wall time on a loaded machine (Parley runs a query on the calling thread).
//
// With --algos N (N > 0), PageRank (20 rounds, damping 0.85) and WCC over the whole graph run
// once untimed and N times timed before the suite (whose Q11 changes the graph), reported as
//   "algorithms": {"pagerank": {"times_ms": [...], "answer": [...]}, "wcc": {...}}
// with the statements kAlgorithms holds (compare.py runs the same through `parley query`).
//
// Usage: parley_suite --db DIR --queries FILE --params FILE [--algos N]
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/parley.h"

namespace {

using nlohmann::json;

json ToJson(const parley::Value& v) {
  switch (v.type()) {
    case parley::ValueType::kNull: return nullptr;
    case parley::ValueType::kBool: return v.as_bool();
    case parley::ValueType::kInt: return v.as_int();
    case parley::ValueType::kFloat: return v.as_float();
    case parley::ValueType::kString: return v.as_string();
    case parley::ValueType::kList: {
      json out = json::array();
      for (const auto& x : v.as_list()) out.push_back(ToJson(x));
      return out;
    }
    default: return v.ToString();
  }
}

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Placeholders become integer literals, as the suite's rules say.
std::string Bind(const std::string& text, const std::map<std::string, std::int64_t>& values) {
  static const std::regex kPlaceholder(R"(\$(\w+))");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kPlaceholder);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += text.substr(last, it->position() - last);
    out += std::to_string(values.at((*it)[1]));
    last = it->position() + it->length();
  }
  return out + text.substr(last);
}

std::vector<std::map<std::string, std::int64_t>> Bindings(const json& q, const json& params,
                                                          int k) {
  std::vector<std::map<std::string, std::int64_t>> out;
  std::string kind = q["params"];
  if (kind == "start_ids") {
    for (const auto& id : params["start_ids"]) out.push_back({{"id", id.get<std::int64_t>()}});
  } else if (kind == "pairs") {
    for (const auto& p : params["pairs"]) out.push_back({{"src", p[0]}, {"dst", p[1]}});
  } else if (kind == "none") {
    out.push_back({});
  } else if (kind == "insert") {
    out.push_back({{"base", 1000000000 + 1000 * k}, {"salt", k}, {"n", params["node_count"]}});
  }
  return out;
}

// The top ranks and a summary of the components: answers small enough to compare.
const std::pair<const char*, const char*> kAlgorithms[] = {
    {"pagerank",
     "CALL algo.pageRank({iterations: 20, damping: 0.85}) YIELD node, score "
     "RETURN node.id AS id, score ORDER BY score DESC, id ASC LIMIT 5"},
    {"wcc",
     "CALL algo.wcc() YIELD componentId WITH componentId, count(*) AS size "
     "RETURN count(*) AS components, max(size) AS largest"},
};

json Rows(const parley::Result& r) {
  json rows = json::array();
  for (const auto& row : r.rows()) {
    json o = json::object();
    for (std::size_t c = 0; c < row.size(); ++c) o[r.columns()[c]] = ToJson(row[c]);
    rows.push_back(o);
  }
  return rows;
}

json TimeAlgorithms(parley::Connection& conn, int reps) {
  json out = json::object();
  for (const auto& [name, text] : kAlgorithms) {
    json times = json::array(), answer;
    for (int r = 0; r <= reps; ++r) {
      auto start = std::chrono::steady_clock::now();
      parley::Result result = conn.Execute(text);
      auto end = std::chrono::steady_clock::now();
      if (r == 0) {
        answer = Rows(result);
      } else {
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
      }
    }
    out[name] = {{"times_ms", times}, {"answer", answer}};
  }
  return out;
}

json Load(const char* path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  return json::parse(in);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, const char*> opt;
  for (int i = 1; i + 1 < argc; i += 2) opt[std::string(argv[i]).substr(2)] = argv[i + 1];
  if (!opt.count("db") || !opt.count("queries") || !opt.count("params")) {
    std::cerr << "usage: parley_suite --db DIR --queries FILE --params FILE [--algos N]\n";
    return 2;
  }
  try {
    json suite = Load(opt["queries"]);
    json params = Load(opt["params"]);
    parley::Database db(opt["db"]);
    parley::Connection conn(db);
    json out = {{"engine", "parley"}, {"queries", json::object()}};
    int algo_reps = opt.count("algos") ? std::stoi(opt["algos"]) : 0;
    if (algo_reps > 0) out["algorithms"] = TimeAlgorithms(conn, algo_reps);
    for (const json& q : suite["queries"]) {
      json times = json::array(), cpu_times = json::array(), answers = json::array();
      int k = 0;
      int passes = q["warmup"].get<int>() + q["reps"].get<int>();
      for (int pass = 0; pass < passes; ++pass) {
        for (const auto& b : Bindings(q, params, k)) {
          std::string text = Bind(q["cypher"], b);
          double cpu_start = ThreadCpuMs();
          auto start = std::chrono::steady_clock::now();
          parley::Result r = conn.Execute(text);
          auto end = std::chrono::steady_clock::now();
          double cpu_end = ThreadCpuMs();
          if (pass >= q["warmup"].get<int>()) {
            times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
            cpu_times.push_back(cpu_end - cpu_start);
          }
          if (pass == 0) answers.push_back(Rows(r));
          ++k;
        }
      }
      out["queries"][q["id"].get<std::string>()] = {
          {"times_ms", times}, {"cpu_ms", cpu_times}, {"answers", answers}};
    }
    std::cout << out.dump() << "\n";
  } catch (const parley::Error& e) {
    std::cerr << "parley_suite: " << parley::ErrorKindName(e.kind()) << ": " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "parley_suite: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
