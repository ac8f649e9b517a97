// Runs one TCK scenario in process, through the public embedding API, on a fresh
// in-memory database, and judges it as shared/tools/tck_runner.py judges the same scenario
// through the `parley` command: result tables (as multisets unless "in order"), expected
// errors by kind and detail code, and side effects observed by querying the graph before
// and after the query.
#ifndef PARLEY_TESTS_TCK_SCENARIO_RUNNER_H_
#define PARLEY_TESTS_TCK_SCENARIO_RUNNER_H_

#include <chrono>
#include <string>
#include <vector>

#include "tests/tck/feature_parser.h"

namespace parley::tck {

enum class Verdict { kPassed, kFailed, kErrored, kUnsupported };

struct ScenarioOutcome {
  Verdict verdict = Verdict::kPassed;
  std::string reason;                // empty when passed
  std::vector<std::string> details;  // diff lines, the query
};

struct RunnerConfig {
  std::string graphs_dir;  // folder of named graphs (graphs/<name>/<name>.cypher)
  // A query running longer than this is interrupted (Connection::Interrupt) and the
  // scenario errors: a hang must not stop the whole suite.
  std::chrono::milliseconds query_timeout{10000};
};

ScenarioOutcome RunScenario(const Scenario& scenario, const RunnerConfig& config);

}  // namespace parley::tck

#endif  // PARLEY_TESTS_TCK_SCENARIO_RUNNER_H_
