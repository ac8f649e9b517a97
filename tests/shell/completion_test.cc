#include "shell/completion.h"

#include <gtest/gtest.h>

namespace parley::shell {
namespace {

using Names = std::vector<std::string>;

Vocabulary Sample() {
  return Vocabulary{{"Leader", "Summit"}, {"MET_AT", "DISPUTED"}, {"name", "year"}, {"who"}};
}

TEST(CompletionTest, CommandsAtTheStartOfACommandLine) {
  EXPECT_EQ(CompletionCandidates(":ex", 1, "ex", false, Sample()), (Names{"examples", "export"}));
  EXPECT_EQ(CompletionCandidates(":format j", 8, "j", false, Sample()), (Names{"json"}));
}

TEST(CompletionTest, LabelsAndTypesAfterAColon) {
  EXPECT_EQ(CompletionCandidates("MATCH (n:L", 9, "L", false, Sample()), (Names{"Leader"}));
  EXPECT_EQ(CompletionCandidates("MATCH ()-[:M", 11, "M", false, Sample()), (Names{"MET_AT"}));
  // Inside a multi-line statement a leading `:` is a label, not a command.
  EXPECT_EQ(CompletionCandidates(":S", 1, "S", true, Sample()), (Names{"Summit"}));
}

TEST(CompletionTest, PropertyKeysAfterADotAndParametersAfterADollar) {
  EXPECT_EQ(CompletionCandidates("RETURN n.na", 9, "na", false, Sample()), (Names{"name"}));
  EXPECT_EQ(CompletionCandidates("RETURN $w", 8, "w", false, Sample()), (Names{"who"}));
}

TEST(CompletionTest, KeywordsFollowTheCaseTyped) {
  EXPECT_EQ(CompletionCandidates("MAT", 0, "MAT", false, Sample()), (Names{"MATCH"}));
  EXPECT_EQ(CompletionCandidates("mat", 0, "mat", false, Sample()), (Names{"match"}));
  Names r = CompletionCandidates("RETURN n ORDER B", 15, "B", false, Sample());
  EXPECT_EQ(r, (Names{"BY"}));
}

}  // namespace
}  // namespace parley::shell
