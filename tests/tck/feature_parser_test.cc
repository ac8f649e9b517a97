#include "tests/tck/feature_parser.h"

#include <gtest/gtest.h>

namespace parley::tck {
namespace {

constexpr const char* kFeature = R"(#
# A comment
@tagged
Feature: Sample1 - Things

  Some prose about the feature.

  Background:
    Given an empty graph

  Scenario: [1] Plain scenario
    And having executed:
      """
      CREATE (:A {name: 'a|b'})
      """
    When executing query:
      """
      MATCH (n)
        RETURN n
      """
    Then the result should be, in any order:
      | n                  |
      | (:A {name: 'a\|b'}) |
    And no side effects

  @skipme
  Scenario Outline: [2] Outline <what>
    When executing query:
      """
      RETURN <value> AS v
      """
    Then the result should be, in any order:
      | v       |
      | <value> |

    Examples:
      | what  | value |
      | one   | 1     |
      | text  | 'x'   |
)";

TEST(FeatureParserTest, ReadsScenariosWithBackgroundDocStringsAndTables) {
  std::vector<Scenario> s = ParseFeature(kFeature, "clauses/x/Sample1.feature", "clauses/x");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].full_name(), "Sample1 - Things: [1] Plain scenario");
  ASSERT_EQ(s[0].steps.size(), 5u);
  EXPECT_EQ(s[0].steps[0].text, "an empty graph");  // from the Background
  EXPECT_EQ(*s[0].steps[2].doc_string, "MATCH (n)\n  RETURN n");
  EXPECT_EQ((*s[0].steps[3].table)[1][0], "(:A {name: 'a|b'})");
  EXPECT_EQ(s[0].tags, std::vector<std::string>{"@tagged"});
}

TEST(FeatureParserTest, ExpandsOutlinesOneScenarioPerExampleRow) {
  std::vector<Scenario> s = ParseFeature(kFeature, "f.feature", "a");
  EXPECT_EQ(s[1].name, "[2] Outline one #1");
  EXPECT_EQ(s[2].name, "[2] Outline text #2");
  EXPECT_EQ(*s[2].steps[1].doc_string, "RETURN 'x' AS v");
  EXPECT_EQ((*s[2].steps[2].table)[1][0], "'x'");
  EXPECT_EQ(s[2].tags, (std::vector<std::string>{"@tagged", "@skipme"}));
}

TEST(FeatureParserTest, RejectsARowThatDoesNotEndWithABar) {
  EXPECT_THROW(SplitTableRow("| a | b", 7), FeatureParseError);
}

TEST(FeatureParserTest, SplitsScriptsOutsideStringsAndComments) {
  std::vector<std::string> parts =
      SplitStatements("CREATE (:A {s: 'x;y'}); // c;\nCREATE (:B) /* ; */ ;\n\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE (:A {s: 'x;y'})");
  EXPECT_EQ(parts[1], "// c;\nCREATE (:B) /* ; */");
}

}  // namespace
}  // namespace parley::tck
