#include "tests/tck/scenario_runner.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "parley/parley.h"
#include "tests/tck/tck_value.h"

namespace parley::tck {
namespace {

// ---- Steps -> actions -------------------------------------------------------------------

struct Action {
  enum class Kind { kGraph, kProcedure, kSetup, kParams, kQuery, kResult, kEmpty, kError, kEffects };
  Kind kind;
  const Step* step = nullptr;
  std::string text;  // query, or graph name
  bool control = false;
  bool ordered = false;
  bool unordered_lists = false;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  Params params;
  std::string error_kind, detail;
  std::map<std::string, std::int64_t> effects;
  TableProcedure procedure;
};

struct Unsupported {
  std::string reason;
};

const std::vector<std::string> kEffectNames = {"+nodes", "-nodes", "+relationships",
                                               "-relationships", "+properties", "-properties",
                                               "+labels", "-labels"};

std::vector<std::vector<Value>> TableValues(const Step& st, std::size_t first_row) {
  std::vector<std::vector<Value>> out;
  for (std::size_t r = first_row; r < st.table->size(); ++r) {
    std::vector<Value> row;
    for (const std::string& cell : (*st.table)[r]) {
      try {
        row.push_back(ParseTckValue(cell));
      } catch (const ValueSyntaxError& e) {
        throw Unsupported{fmt::format("line {}: cannot parse value '{}': {}", st.line, cell, e.what())};
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<TableProcedure::Column> ProcedureFields(const std::string& text, const Step& st) {
  static const std::regex kField(R"((\w+)\s*::\s*(\w+\??))");
  std::vector<TableProcedure::Column> out;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    std::smatch m;
    std::string trimmed = std::regex_replace(part, std::regex(R"(^\s+|\s+$)"), "");
    if (trimmed.empty()) continue;
    if (!std::regex_match(trimmed, m, kField))
      throw Unsupported{fmt::format("line {}: cannot read procedure field '{}'", st.line, trimmed)};
    out.push_back({m[1], m[2]});
  }
  return out;
}

std::vector<Action> CompileSteps(const std::vector<Step>& steps, const std::string& graphs_dir) {
  static const std::regex kGraph(R"(the\s+(\S+)\s+graph)");
  static const std::regex kSetup(R"((?:after\s+)?having\s+executed:\s*(.*))");
  static const std::regex kParams(R"((?:parameters\s+are|parameter\s+values\s+are):)");
  static const std::regex kProc(R"(there\s+exists\s+a\s+procedure\s+(.+?)\s*:)");
  static const std::regex kSig(R"(([\w.]+)\s*\((.*?)\)\s*::\s*\((.*?)\))");
  static const std::regex kQuery(R"(executing\s+(control\s+)?query:\s*(.*))");
  static const std::regex kResult(
      R"(the\s+result\s+should\s+be(?:,\s+in\s+(any\s+order|order))?(\s+\(ignoring\s+element\s+order\s+for\s+lists\))?:)");
  static const std::regex kError(
      R"(an?\s+(\w+)\s+should\s+be\s+raised\s+at\s+(compile\s+time|runtime|any\s+time):\s*(.*))");

  std::vector<Action> acts;
  bool have_query = false;
  auto need_query = [&](const Step& st) {
    if (!have_query) throw Unsupported{fmt::format("line {}: expectation before any query", st.line)};
  };
  for (const Step& st : steps) {
    const std::string& t = st.text;
    std::smatch m;
    Action a{};
    a.step = &st;
    if (t == "an empty graph" || t == "any graph") {
      a.kind = Action::Kind::kGraph;
    } else if (std::regex_match(t, m, kGraph)) {
      a.kind = Action::Kind::kGraph;
      a.text = m[1];
      if (!std::filesystem::exists(graphs_dir + "/" + a.text + "/" + a.text + ".cypher"))
        throw Unsupported{fmt::format("line {}: named graph '{}' not found", st.line, a.text)};
    } else if (std::regex_match(t, m, kSetup)) {
      a.kind = Action::Kind::kSetup;
      a.text = st.doc_string ? *st.doc_string : std::string(m[1]);
    } else if (std::regex_match(t, kParams)) {
      a.kind = Action::Kind::kParams;
      if (!st.table) throw Unsupported{fmt::format("line {}: parameters without a table", st.line)};
      for (const auto& row : *st.table) {
        if (row.size() != 2) throw Unsupported{fmt::format("line {}: parameter rows need two cells", st.line)};
        try {
          a.params[row[0]] = ParseTckValue(row[1]);
        } catch (const ValueSyntaxError& e) {
          throw Unsupported{fmt::format("line {}: cannot parse parameter {}: {}", st.line, row[0], e.what())};
        }
      }
    } else if (std::regex_match(t, m, kProc)) {
      a.kind = Action::Kind::kProcedure;
      std::string sig = m[1];
      std::smatch ms;
      if (!std::regex_match(sig, ms, kSig) || !st.table)
        throw Unsupported{fmt::format("line {}: cannot read procedure '{}'", st.line, sig)};
      a.procedure.name = ms[1];
      a.procedure.inputs = ProcedureFields(ms[2], st);
      a.procedure.outputs = ProcedureFields(ms[3], st);
      std::vector<std::string> names;
      for (const auto& c : a.procedure.inputs) names.push_back(c.name);
      for (const auto& c : a.procedure.outputs) names.push_back(c.name);
      if (st.table->front() != names)
        throw Unsupported{fmt::format("line {}: procedure table header does not match its signature", st.line)};
      a.procedure.rows = TableValues(st, 1);
    } else if (std::regex_match(t, m, kQuery)) {
      a.kind = Action::Kind::kQuery;
      a.control = m[1].matched;
      a.text = st.doc_string ? *st.doc_string : std::string(m[2]);
      have_query = true;
    } else if (std::regex_match(t, m, kResult)) {
      need_query(st);
      if (!st.table) throw Unsupported{fmt::format("line {}: result step without a table", st.line)};
      a.kind = Action::Kind::kResult;
      a.ordered = m[1] == "order";
      a.unordered_lists = m[2].matched;
      a.columns = st.table->front();
      a.rows = TableValues(st, 1);
    } else if (t == "the result should be empty") {
      need_query(st);
      a.kind = Action::Kind::kEmpty;
    } else if (std::regex_match(t, m, kError)) {
      need_query(st);
      a.kind = Action::Kind::kError;
      a.error_kind = m[1];
      a.detail = std::regex_replace(std::string(m[3]), std::regex(R"(^\s+|\s+$)"), "");
    } else if (t == "the side effects should be:" || t == "no side effects") {
      need_query(st);
      a.kind = Action::Kind::kEffects;
      if (t != "no side effects") {
        if (!st.table) throw Unsupported{fmt::format("line {}: side effects without a table", st.line)};
        for (const auto& row : *st.table) {
          bool known = std::find(kEffectNames.begin(), kEffectNames.end(), row.at(0)) != kEffectNames.end();
          if (row.size() != 2 || !known || !std::regex_match(row[1], std::regex(R"(\d+)")))
            throw Unsupported{fmt::format("line {}: unknown side effect row", st.line)};
          a.effects[row[0]] = std::stoll(row[1]);
        }
      }
    } else {
      throw Unsupported{fmt::format("line {}: unknown step '{} {}'", st.line, st.keyword, t)};
    }
    acts.push_back(std::move(a));
  }
  if (!have_query) throw Unsupported{"no 'When executing query' step"};
  return acts;
}

// ---- Running queries --------------------------------------------------------------------

struct Outcome {
  enum class Status { kOk, kError, kTimeout, kCrash } status = Status::kOk;
  Result result;
  std::string kind, detail, message;
  std::string Describe() const {
    switch (status) {
      case Status::kOk: return "success";
      case Status::kError: return kind + (detail.empty() ? "" : "/" + detail) + ": " + message;
      case Status::kTimeout: return "timeout: " + message;
      case Status::kCrash: return "non-parley exception: " + message;
    }
    return "?";
  }
};

struct Fail {
  explicit Fail(std::string r, std::vector<std::string> d = {}, Verdict v = Verdict::kFailed)
      : reason(std::move(r)), details(std::move(d)), verdict(v) {}
  std::string reason;
  std::vector<std::string> details;
  Verdict verdict;
};

// Interrupts the connection's statement if it runs past the timeout.
class Watchdog {
 public:
  Watchdog(Connection& conn, std::chrono::milliseconds timeout)
      : thread_([this, &conn, timeout] {
          std::unique_lock lock(mutex_);
          if (!cv_.wait_for(lock, timeout, [this] { return done_; })) {
            fired_ = true;
            conn.Interrupt();
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  bool fired() {
    std::lock_guard lock(mutex_);
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  bool fired_ = false;
  std::thread thread_;
};

class Run {
 public:
  Run(const Scenario& sc, const RunnerConfig& config, std::vector<Action> acts)
      : sc_(sc), config_(config), acts_(std::move(acts)),
        db_(fmt::format("tck-{}", static_cast<const void*>(this)),
            DatabaseOptions{.create_if_missing = true, .read_only = false, .in_memory = true}),
        conn_(db_) {}

  void Execute();
  const std::string& last_query() const { return last_query_; }

 private:
  Outcome Call(const std::string& query, const Params& params) {
    Outcome o;
    std::optional<Watchdog> watchdog;
    watchdog.emplace(conn_, config_.query_timeout);
    try {
      o.result = conn_.Execute(query, params);
    } catch (const Error& e) {
      o.status = Outcome::Status::kError;
      o.kind = std::string(ErrorKindName(e.kind()));
      o.detail = e.detail();
      o.message = e.what();
    } catch (const std::exception& e) {
      o.status = Outcome::Status::kCrash;
      o.message = e.what();
    }
    if (watchdog->fired()) {
      o.status = Outcome::Status::kTimeout;
      o.message = fmt::format("no answer within {} ms", config_.query_timeout.count());
    }
    return o;
  }

  void Setup(const std::string& query, const std::string& what) {
    Outcome o = Call(query, {});
    if (o.status == Outcome::Status::kTimeout || o.status == Outcome::Status::kCrash)
      throw Fail{what + ": " + o.Describe(), {query}, Verdict::kErrored};
    if (o.status != Outcome::Status::kOk) throw Fail{what + " failed: " + o.Describe(), {query}};
  }

  using Snapshot = std::map<std::string, std::map<std::string, std::int64_t>>;
  Snapshot Observe();
  void CheckResult(const Action& a, const Outcome& o);
  void CheckError(const Action& a, const Outcome& o);
  void CheckEffects(const Action& a, const std::optional<Outcome>& o,
                    const std::optional<Snapshot>& before, const std::optional<Snapshot>& after);

  const Scenario& sc_;
  const RunnerConfig& config_;
  std::vector<Action> acts_;
  Database db_;
  Connection conn_;
  Params params_;
  std::string last_query_;
};

std::string EntityKey(const Value& v) {
  if (v.is_node()) return fmt::format("n{}", v.as_node().id);
  if (v.is_relationship()) return fmt::format("r{}", v.as_relationship().id);
  return "?" + Canonical(v);
}

Run::Snapshot Run::Observe() {
  static const std::vector<std::string> kQueries = {
      "MATCH (n) RETURN n",
      "MATCH ()-[r]->() RETURN r",
      "MATCH (n) UNWIND keys(n) AS key WITH properties(n) AS properties, key, n "
      "RETURN n AS entity, key, properties[key] AS value "
      "UNION ALL "
      "MATCH ()-[r]->() UNWIND keys(r) AS key WITH properties(r) AS properties, key, r "
      "RETURN r AS entity, key, properties[key] AS value",
      "MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label",
  };
  Snapshot snap;
  const char* kinds[] = {"nodes", "relationships", "properties", "labels"};
  for (std::size_t q = 0; q < kQueries.size(); ++q) {
    Outcome o = Call(kQueries[q], {});
    if (o.status != Outcome::Status::kOk)
      throw Fail{"side-effect observation queries failed: " + o.Describe(), {kQueries[q]}};
    auto& counts = snap[kinds[q]];
    for (const auto& row : o.result.rows()) {
      std::string key = q == 2 ? EntityKey(row.at(0)) + "|" + Canonical(row.at(1)) + "|" +
                                     Canonical(row.at(2))
                        : q == 3 ? Canonical(row.at(0))
                                 : EntityKey(row.at(0));
      ++counts[key];
    }
  }
  return snap;
}

std::string RenderRow(const std::vector<Value>& row) {
  std::string out = "|";
  for (const Value& v : row) out += " " + v.ToString() + " |";
  return out;
}

void Run::CheckResult(const Action& a, const Outcome& o) {
  if (o.status != Outcome::Status::kOk) throw Fail{"unexpected error: " + o.Describe()};
  const Result& res = o.result;
  if (a.kind == Action::Kind::kEmpty) {
    if (res.row_count() == 0) return;
    Fail f{fmt::format("expected no rows, got {}", res.row_count())};
    for (std::size_t i = 0; i < std::min<std::size_t>(10, res.row_count()); ++i)
      f.details.push_back(RenderRow(res.rows()[i]));
    throw f;
  }
  std::vector<std::string> want_cols = a.columns, got_cols = res.columns();
  std::sort(want_cols.begin(), want_cols.end());
  std::sort(got_cols.begin(), got_cols.end());
  if (want_cols != got_cols)
    throw Fail{fmt::format("columns differ: expected [{}], got [{}]", fmt::join(a.columns, ", "),
                           fmt::join(res.columns(), ", "))};
  std::vector<std::size_t> index;
  for (const std::string& c : a.columns)
    index.push_back(std::find(res.columns().begin(), res.columns().end(), c) - res.columns().begin());
  auto canon_row = [&](const std::vector<Value>& row, bool expected) {
    std::string out;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
      out += Canonical(expected ? row.at(i) : row.at(index[i]), a.unordered_lists) + "\x1f";
    return out;
  };
  std::vector<std::string> want, got;
  for (const auto& row : a.rows) want.push_back(canon_row(row, true));
  for (const auto& row : res.rows()) got.push_back(canon_row(row, false));
  if (!a.ordered) {
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
  }
  if (want == got) return;
  Fail f{fmt::format("rows differ ({}): expected {}, got {}", a.ordered ? "in order" : "any order",
                     want.size(), got.size())};
  for (std::size_t i = 0; i < a.rows.size() && i < 20; ++i) f.details.push_back("expected " + RenderRow(a.rows[i]));
  for (std::size_t i = 0; i < res.row_count() && i < 20; ++i)
    f.details.push_back("got      " + RenderRow(res.rows()[i]));
  throw f;
}

void Run::CheckError(const Action& a, const Outcome& o) {
  std::string want = a.error_kind + ": " + a.detail;
  if (o.status == Outcome::Status::kOk)
    throw Fail{fmt::format("expected {}; the query succeeded ({} rows)", want, o.result.row_count())};
  if (o.kind != a.error_kind) throw Fail{"expected " + want + "; got " + o.Describe()};
  if (a.detail != "*" && !a.detail.empty() && o.detail != a.detail)
    throw Fail{"expected " + want + "; got " + o.Describe()};
}

void Run::CheckEffects(const Action& a, const std::optional<Outcome>& o,
                       const std::optional<Snapshot>& before, const std::optional<Snapshot>& after) {
  if (!o || o->status != Outcome::Status::kOk)
    throw Fail{"side effects expected but the query did not succeed" + (o ? ": " + o->Describe() : "")};
  if (!before || !after) throw Fail{"side effects could not be observed"};
  std::vector<std::string> diffs;
  for (const char* kind : {"nodes", "relationships", "properties", "labels"}) {
    std::int64_t added = 0, removed = 0;
    const auto& b = before->at(kind);
    const auto& c = after->at(kind);
    for (const auto& [k, n] : c) added += std::max<std::int64_t>(0, n - (b.count(k) ? b.at(k) : 0));
    for (const auto& [k, n] : b) removed += std::max<std::int64_t>(0, n - (c.count(k) ? c.at(k) : 0));
    for (auto [sign, got] : {std::pair{'+', added}, std::pair{'-', removed}}) {
      std::string name = std::string(1, sign) + kind;
      std::int64_t want = a.effects.count(name) ? a.effects.at(name) : 0;
      if (want != got) diffs.push_back(fmt::format("{}: expected {}, got {}", name, want, got));
    }
  }
  if (!diffs.empty()) throw Fail{"side effects differ: " + fmt::format("{}", fmt::join(diffs, "; "))};
}

void Run::Execute() {
  // Main queries whose side effects are checked get an observation before and after.
  std::vector<bool> observe(acts_.size(), false);
  std::optional<std::size_t> last_main;
  for (std::size_t i = 0; i < acts_.size(); ++i) {
    if (acts_[i].kind == Action::Kind::kQuery && !acts_[i].control) last_main = i;
    if (acts_[i].kind == Action::Kind::kEffects && last_main) observe[*last_main] = true;
  }
  std::optional<Outcome> last, main;
  std::optional<Snapshot> before, after;
  for (std::size_t i = 0; i < acts_.size(); ++i) {
    const Action& a = acts_[i];
    switch (a.kind) {
      case Action::Kind::kGraph:
        if (!a.text.empty()) {
          std::ifstream in(config_.graphs_dir + "/" + a.text + "/" + a.text + ".cypher");
          std::stringstream text;
          text << in.rdbuf();
          for (const std::string& q : SplitStatements(text.str())) Setup(q, "loading graph " + a.text);
        }
        break;
      case Action::Kind::kProcedure: db_.RegisterProcedure(a.procedure); break;
      case Action::Kind::kSetup: Setup(a.text, "setup query (having executed)"); break;
      case Action::Kind::kParams: params_ = a.params; break;
      case Action::Kind::kQuery:
        if (observe[i]) before = Observe();
        last_query_ = a.text;
        last = Call(a.text, params_);
        if (last->status == Outcome::Status::kTimeout || last->status == Outcome::Status::kCrash)
          throw Fail{"query: " + last->Describe(), {}, Verdict::kErrored};
        if (!a.control) {
          main = last;
          if (observe[i] && last->status == Outcome::Status::kOk) after = Observe();
        }
        break;
      case Action::Kind::kResult:
      case Action::Kind::kEmpty: CheckResult(a, *last); break;
      case Action::Kind::kError: CheckError(a, *last); break;
      case Action::Kind::kEffects: CheckEffects(a, main, before, after); break;
    }
  }
}

}  // namespace

ScenarioOutcome RunScenario(const Scenario& scenario, const RunnerConfig& config) {
  std::vector<Action> acts;
  try {
    acts = CompileSteps(scenario.steps, config.graphs_dir);
  } catch (const Unsupported& u) {
    return {Verdict::kUnsupported, u.reason, {}};
  }
  std::string query;
  try {
    Run run(scenario, config, std::move(acts));
    try {
      run.Execute();
    } catch (...) {
      query = run.last_query();
      throw;
    }
    return {};
  } catch (const Fail& f) {
    ScenarioOutcome out{f.verdict, f.reason, f.details};
    if (!query.empty()) out.details.push_back("query: " + query);
    return out;
  } catch (const std::exception& e) {
    return {Verdict::kErrored, std::string("harness exception: ") + e.what(), {}};
  }
}

}  // namespace parley::tck
