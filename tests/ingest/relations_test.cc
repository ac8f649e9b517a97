// The relation extractor (ingest/relations.cc) on sentences written for these tests: the
// agenda (DISCUSSED), disputes and stances.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/extractor.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::FixtureExtractor;

ArticleFacts Extract(std::string_view text) { return FixtureExtractor().Extract(text, "t.txt"); }

bool Has(const std::vector<IssueFact>& facts, std::string_view issue) {
  return std::any_of(facts.begin(), facts.end(),
                     [&](const IssueFact& i) { return i.issue == issue; });
}

TEST(RelationsTest, CountryNamedAsATopicIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed the situation in Iraq.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, CountryNameInAListAfterAnIssueIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense and Iraq.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
  EXPECT_TRUE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, CountryNameFarFromTheCueIsNoTopic) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense, a week after Putin returned from a trip to Iraq.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
}

}  // namespace
}  // namespace parley::ingest
