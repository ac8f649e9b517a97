// Reads the Gherkin subset the openCypher TCK uses: Feature, Background, Scenario,
// Scenario Outline with Examples (expanded, one Scenario per example row), steps with
// doc strings ("""...""") and tables, and @tags. Mirrors shared/tools/tck_runner.py so
// that both reach the same verdicts.
#ifndef PARLEY_TESTS_TCK_FEATURE_PARSER_H_
#define PARLEY_TESTS_TCK_FEATURE_PARSER_H_

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parley::tck {

struct Step {
  std::string keyword;  // Given, When, Then, And, But, *
  std::string text;     // the rest of the line, trimmed
  int line = 0;
  std::optional<std::string> doc_string;
  std::optional<std::vector<std::vector<std::string>>> table;
};

struct Scenario {
  std::string feature;  // the Feature's name
  std::string file;     // path relative to the features folder
  std::string area;     // e.g. clauses/match (the first two folders of `file`)
  std::string name;     // the Scenario's name (+ " #k" for an outline's k-th example)
  int line = 0;         // of the Scenario, or of its example row
  std::vector<std::string> tags;
  std::vector<Step> steps;  // Background steps first
  std::string full_name() const { return feature + ": " + name; }
};

struct FeatureParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses one .feature file's text. `file` and `area` are copied into the scenarios.
// Throws FeatureParseError naming the line for malformed input.
std::vector<Scenario> ParseFeature(std::string_view text, const std::string& file,
                                   const std::string& area);

// The cells of a Gherkin table row, with the escapes \|, \\ and \n resolved.
std::vector<std::string> SplitTableRow(std::string_view row, int line);

// Every .feature file below `dir`, sorted, parsed. Throws FeatureParseError.
std::vector<Scenario> LoadFeatures(const std::string& dir);

// Splits a script on ';' outside strings, `names` and comments (named graph scripts).
std::vector<std::string> SplitStatements(std::string_view text);

}  // namespace parley::tck

#endif  // PARLEY_TESTS_TCK_FEATURE_PARSER_H_
