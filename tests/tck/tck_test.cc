// The openCypher TCK, in process, one test per area (clauses/match, expressions/list, ...).
//
// Every scenario of the area runs on a fresh in-memory database. Failures the project
// knows of are listed, each with its reason, in tests/tck/known_failures.txt; the test
// fails when a scenario fails that is not listed (a regression) and when a listed one
// passes (the list must shrink with the engine's progress). Per feature file and per area
// it prints how many scenarios passed.
//
// Environment: PARLEY_TCK_DIR overrides the features folder (default
// <shared>/tck/features) and PARLEY_TCK_GRAPHS the named graphs (default: `graphs` beside
// the features folder); PARLEY_TCK_RECORD=FILE appends every failure with its reason to
// FILE, in the known-failures format, to rebuild the list.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/tck/feature_parser.h"
#include "tests/tck/scenario_runner.h"

namespace parley::tck {
namespace {

namespace fs = std::filesystem;

std::string FeaturesDir() {
  if (const char* dir = std::getenv("PARLEY_TCK_DIR")) return dir;
  return std::string(PARLEY_SHARED_DIR) + "/tck/features";
}

std::string GraphsDir() {
  if (const char* dir = std::getenv("PARLEY_TCK_GRAPHS")) return dir;
  return (fs::path(FeaturesDir()).parent_path() / "graphs").string();
}

const std::vector<Scenario>& AllScenarios() {
  static const std::vector<Scenario> scenarios = LoadFeatures(FeaturesDir());
  return scenarios;
}

// full name -> reason
const std::map<std::string, std::string>& KnownFailures() {
  static const std::map<std::string, std::string> known = [] {
    std::map<std::string, std::string> out;
    std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/tck/known_failures.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::size_t tab = line.find('\t');
      out[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
    return out;
  }();
  return known;
}

struct Tally {
  int passed = 0, total = 0;
};
Tally& GrandTotal() {
  static Tally t;
  return t;
}

const char* kAreas[] = {
    "clauses/call", "clauses/create", "clauses/delete", "clauses/match", "clauses/match-where",
    "clauses/merge", "clauses/remove", "clauses/return", "clauses/return-orderby",
    "clauses/return-skip-limit", "clauses/set", "clauses/union", "clauses/unwind",
    "clauses/with", "clauses/with-orderBy", "clauses/with-skip-limit", "clauses/with-where",
    "expressions/aggregation", "expressions/boolean", "expressions/comparison",
    "expressions/conditional", "expressions/existentialSubqueries", "expressions/graph",
    "expressions/list", "expressions/literals", "expressions/map", "expressions/mathematical",
    "expressions/null", "expressions/path", "expressions/pattern", "expressions/precedence",
    "expressions/quantifier", "expressions/string", "expressions/temporal",
    "expressions/typeConversion", "useCases/countingSubgraphMatches",
    "useCases/triadicSelection",
};

class TckTest : public testing::TestWithParam<const char*> {};

TEST_P(TckTest, AreaPassesAllButKnownFailures) {
  if (!fs::is_directory(FeaturesDir()))
    GTEST_SKIP() << "openCypher TCK not found at " << FeaturesDir() << " (set PARLEY_TCK_DIR)";
  const std::string area = GetParam();
  RunnerConfig config{GraphsDir()};
  std::map<std::string, Tally> per_file;
  std::vector<std::string> regressions, fixed;
  std::ofstream record;
  if (const char* path = std::getenv("PARLEY_TCK_RECORD")) record.open(path, std::ios::app);

  for (const Scenario& sc : AllScenarios()) {
    if (sc.area != area) continue;
    if (std::find(sc.tags.begin(), sc.tags.end(), "@ignore") != sc.tags.end()) continue;
    ScenarioOutcome outcome = RunScenario(sc, config);
    bool passed = outcome.verdict == Verdict::kPassed;
    Tally& t = per_file[sc.file];
    ++t.total;
    t.passed += passed;
    bool known = KnownFailures().count(sc.full_name()) > 0;
    if (!passed && record.is_open()) record << sc.full_name() << "\t" << outcome.reason << "\n";
    if (!passed && !known) {
      std::string report = fmt::format("{} ({}:{})\n    {}", sc.full_name(), sc.file, sc.line,
                                       outcome.reason);
      for (const std::string& d : outcome.details) report += "\n      " + d;
      regressions.push_back(report);
    }
    if (passed && known) fixed.push_back(sc.full_name());
  }

  Tally area_tally;
  for (const auto& [file, t] : per_file) {
    std::cout << fmt::format("  {:<60} {:>4}/{:<4} passed\n", file, t.passed, t.total);
    area_tally.passed += t.passed;
    area_tally.total += t.total;
  }
  std::cout << fmt::format("{}: {} passed, {} failed\n", area, area_tally.passed,
                           area_tally.total - area_tally.passed);
  GrandTotal().passed += area_tally.passed;
  GrandTotal().total += area_tally.total;

  for (const std::string& r : regressions) ADD_FAILURE() << "scenario failed (not a known failure): " << r;
  for (const std::string& f : fixed)
    ADD_FAILURE() << "scenario now passes: remove it from tests/tck/known_failures.txt: " << f;
}

INSTANTIATE_TEST_SUITE_P(Areas, TckTest, testing::ValuesIn(kAreas),
                         [](const testing::TestParamInfo<const char*>& info) {
                           std::string name;
                           for (char c : std::string(info.param))
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

class TotalPrinter : public testing::Environment {
 public:
  void TearDown() override {
    const Tally& t = GrandTotal();
    if (t.total > 0) std::cout << fmt::format("TCK total: {} of {} scenarios passed\n", t.passed, t.total);
  }
};
const auto* const kTotalPrinter = testing::AddGlobalTestEnvironment(new TotalPrinter);

}  // namespace
}  // namespace parley::tck
