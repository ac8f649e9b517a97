// Leaders the lexicon lacks, recognised by their title (ingest/titled_leaders.h).
#include "ingest/titled_leaders.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/extractor.h"
#include "ingest/sentences.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::FixtureExtractor;

std::vector<TitledLeader> Find(std::string_view text) {
  const Extractor& x = FixtureExtractor();
  NormalizedText norm = x.NormalizeArticle(text);
  std::vector<Sentence> sentences;
  for (const SentenceSpan& span : SplitSentences(norm.text, {})) {
    sentences.push_back(x.annotator().Annotate(norm.text, span));
  }
  return FindTitledLeaders(x.annotator(), sentences);
}

TEST(TitledLeadersTest, DemonymAndOfficeBeforeTheName) {
  std::vector<TitledLeader> found = Find("German Chancellor Olaf Scholz spoke on Monday.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Olaf Scholz");
  EXPECT_EQ(found[0].country, "Germany");
  EXPECT_EQ(found[0].office, "Chancellor");
  EXPECT_NE(std::find(found[0].aliases.begin(), found[0].aliases.end(), "Scholz"),
            found[0].aliases.end());
}

TEST(TitledLeadersTest, CountryAfterTheName) {
  std::vector<TitledLeader> found = Find(
      "President Sauli Niinisto of Finland spoke. Dr. Juha Sipila, Prime Minister of the "
      "Republic of Finland, agreed.\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "Sauli Niinisto");
  EXPECT_EQ(found[0].country, "Finland");
  EXPECT_EQ(found[1].name, "Juha Sipila");
  EXPECT_EQ(found[1].office, "Prime Minister");
}

TEST(TitledLeadersTest, KnownLeadersDeputiesAndUntitledNamesAreNot) {
  EXPECT_TRUE(Find("Russian President Vladimir Putin spoke.\n").empty());
  EXPECT_TRUE(Find("German Vice President Hans Weber spoke.\n").empty());
  EXPECT_TRUE(Find("German businessman Hans Weber spoke.\n").empty());
  EXPECT_TRUE(Find("President Hans Weber spoke.\n").empty());  // no country named
}

TEST(TitledLeadersTest, ExtractorMakesThemLeadersOfTheirCountry) {
  ArticleFacts f = FixtureExtractor().Extract(
      "BERLIN -- German Chancellor Olaf Scholz and President Sauli Niinisto of Finland held "
      "talks on Monday. Scholz said they discussed trade relations.\n",
      "t.txt");
  ASSERT_TRUE(f.summit.has_value());
  std::vector<std::string> attendees;
  for (const auto& a : f.attendance) attendees.push_back(a.leader);
  std::sort(attendees.begin(), attendees.end());
  EXPECT_EQ(attendees, (std::vector<std::string>{"Olaf Scholz", "Sauli Niinisto"}));
  bool leads = std::any_of(f.leads.begin(), f.leads.end(), [](const LeadsFact& l) {
    return l.leader == "Olaf Scholz" && l.country == "Germany";
  });
  EXPECT_TRUE(leads);
}

TEST(TitledLeadersTest, UntitledCountryIsTheDatelinesCapitalsCountry) {
  ArticleFacts f = FixtureExtractor().Extract(
      "HELSINKI -- German Chancellor Olaf Scholz held talks with President Sauli Niinisto on "
      "Monday.\n",
      "t.txt");
  bool leads = std::any_of(f.leads.begin(), f.leads.end(), [](const LeadsFact& l) {
    return l.leader == "Sauli Niinisto" && l.country == "Finland";
  });
  EXPECT_TRUE(leads);
  // Without a dateline in a capital the country stays unknown, and no leader is made.
  f = FixtureExtractor().Extract(
      "German Chancellor Olaf Scholz held talks with President Sauli Niinisto on Monday.\n",
      "t.txt");
  bool made = std::any_of(f.leaders.begin(), f.leaders.end(),
                          [](const EntityInfo& l) { return l.name == "Sauli Niinisto"; });
  EXPECT_FALSE(made);
}

TEST(TitledLeadersTest, TheCountryALeaderRepresents) {
  std::vector<TitledLeader> found =
      Find("He handed the chair to Finland, represented by Prime Minister Sanna Marin.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Sanna Marin");
  EXPECT_EQ(found[0].country, "Finland");
  found = Find("Moscow was represented by Prime Minister Mikhail Mishustin.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].country, "Russia");
}

TEST(TitledLeadersTest, AppositivesModifiersAndOneWordNamesWithTheirCountry) {
  std::vector<TitledLeader> found = Find(
      "They met at the residence of the Finnish President, Dr Sauli Niinisto, and others.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Sauli Niinisto");
  EXPECT_EQ(found[0].country, "Finland");
  found = Find("The group included Mr Juha Sipila, the Finnish Prime Minister.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Juha Sipila");
  EXPECT_EQ(found[0].country, "Finland");
  found = Find("Finland's center-right president, Sauli Niinisto, went further.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].country, "Finland");
  found = Find("President Kekkonen of Finland opened the proceedings.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Kekkonen");
  // Not a one-word name without its country.
  EXPECT_TRUE(Find("President Kekkonen opened the proceedings.\n").empty());
}

}  // namespace
}  // namespace parley::ingest
