// Clause helpers (ingest/clause.h) on sentences written for these tests.
#include "ingest/clause.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/sentences.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

Sentence Annotated(const std::string& text) {
  static const Annotator annotator(testing::FixtureLexicon());
  return annotator.Annotate(text, SplitSentences(text, {}).at(0));
}

TEST(ClauseTest, AYearIsFourDigitsFromOneThousandToTwoThousandNineHundredNinetyNine) {
  EXPECT_EQ(AsYear("1986"), std::optional<int>(1986));
  EXPECT_EQ(AsYear("2025"), std::optional<int>(2025));
  EXPECT_FALSE(AsYear("986").has_value());
  EXPECT_FALSE(AsYear("3000").has_value());
  EXPECT_FALSE(AsYear("20a5").has_value());
  EXPECT_FALSE(AsYear("19860").has_value());
}

TEST(ClauseTest, YearsThatDateAnEventAndThoseThatNameAMeeting) {
  Sentence s = Annotated("They met in 2004 and will attend the 2016 G20 summit.");
  EXPECT_EQ(YearsIn(s), (std::vector<int>{2004, 2016}));
  EXPECT_EQ(YearsIn(s, true), (std::vector<int>{2016}));
  // Not a year of something else: "the 2016 election", "through 2020".
  EXPECT_TRUE(YearsIn(Annotated("They discussed the 2016 election through 2020.")).empty());
}

}  // namespace
}  // namespace parley::ingest
