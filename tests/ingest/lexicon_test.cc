#include "ingest/lexicon.h"

#include "ingest/annotate.h"
#include "ingest/sentences.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace parley::ingest {
namespace {

TEST(LexiconTest, RecognisesFileKindByHeaderAndSkipsComments) {
  Lexicon lex;
  lex.LoadText(
      "# a comment\n\nname\taliases\tcapital\tdemonyms\tmetonyms\n"
      "Russia\tRussian Federation\tMoscow\tRussian;Russians\tMoscow; the Kremlin \n",
      "countries");
  ASSERT_EQ(lex.countries().size(), 1u);
  const CountryEntry& c = lex.countries()[0];
  EXPECT_EQ(c.capital, "Moscow");
  EXPECT_EQ(c.metonyms, (std::vector<std::string>{"Moscow", "the Kremlin"}));
  EXPECT_EQ(c.demonyms.size(), 2u);
  EXPECT_NE(lex.FindCountry("Russia"), nullptr);
  EXPECT_EQ(lex.FindCountry("Russian Federation"), nullptr);
}

TEST(LexiconTest, LeaderRowsMergeIntoTermsAndAliases) {
  Lexicon lex;
  lex.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Vladimir Putin\tPutin\tRussia\tPresident\t2000-05-07\t2008-05-07\n"
      "Vladimir Putin\tPutin;V. Putin\tRussia\tPrime Minister\t2008-05-08\t2012-05-07\n"
      "Vladimir Putin\t\tRussia\tPresident\t2012-05-07\t\n",
      "leaders");
  ASSERT_EQ(lex.leaders().size(), 1u);
  const LeaderEntry& p = lex.leaders()[0];
  EXPECT_EQ(p.terms.size(), 3u);
  EXPECT_EQ(p.aliases, (std::vector<std::string>{"Putin", "V. Putin"}));
  ASSERT_NE(p.TermOn("2010-01-01"), nullptr);
  EXPECT_EQ(p.TermOn("2010-01-01")->office, "Prime Minister");
  EXPECT_EQ(p.TermOn("2020-01-01")->office, "President");
  EXPECT_EQ(p.TermOn("1999-01-01"), nullptr);
  EXPECT_TRUE(p.InOfficeDuring("1990-01-01", "2000-12-31"));
}

TEST(LexiconTest, OfTermsHeldAtOnceTheOneTakenLastIsHeld) {
  Lexicon lex;
  lex.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Xi Jinping\tXi\tChina\tGeneral Secretary\t2012-11-15\t\n"
      "Xi Jinping\tXi\tChina\tPresident\t2013-03-14\t\n",
      "leaders");
  const LeaderEntry& x = lex.leaders().at(0);
  EXPECT_EQ(x.TermOn("2013-01-01")->office, "General Secretary");
  EXPECT_EQ(x.TermOn("2018-04-27")->office, "President");
}

TEST(LexiconTest, SummitDateRangesAndCueOptions) {
  Lexicon lex;
  lex.LoadText(
      "name\tcity\tcountry\tdate\tleaders\n"
      "Sochi 2008\tSochi\tRussia\t2008-04-05/2008-04-06\tA;B\n"
      "Helsinki 2018\tHelsinki\tFinland\t2018-07-16\tC;D\n",
      "summits");
  lex.LoadText("kind\tphrase\toptions\noppose\tthreatened to\treactive\n", "cues");
  ASSERT_EQ(lex.summits().size(), 2u);
  EXPECT_EQ(lex.summits()[0].date_to, "2008-04-06");
  EXPECT_EQ(lex.summits()[1].date_from, lex.summits()[1].date_to);
  ASSERT_EQ(lex.cues().size(), 1u);
  EXPECT_TRUE(lex.cues()[0].Has("reactive"));
}

TEST(LexiconTest, BadInputNamesFileAndLine) {
  Lexicon lex;
  try {
    lex.LoadText("name\taliases\tcountry\toffice\tstart\tend\nX\t\tY\tPresident\t2001\t\n",
                 "leaders.tsv");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("leaders.tsv:2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(lex.LoadText("what\tever\nx\ty\n", "odd.tsv"), std::runtime_error);
  EXPECT_THROW(Lexicon::LoadDirectory("/nonexistent/lexicon"), std::runtime_error);
}

TEST(LexiconTest, ACopySharesItsTablesUntilItChangesThem) {
  Lexicon base;
  base.LoadText("name\taliases\tcapital\tdemonyms\tmetonyms\nRussia\t\tMoscow\t\t\n",
                "countries");
  base.LoadText("name\tparent\ttriggers\tproposition\nNATO expansion\t\tnato expansion\tx\n",
                "issues");
  Lexicon copy = base;
  copy.AddIssueTrigger(0, "nato enlargement");
  copy.AddOpenIssue("grain corridor", {"grain corridor"});
  EXPECT_EQ(copy.countries().data(), base.countries().data());  // unchanged: still shared
  EXPECT_EQ(base.issues().size(), 1u);
  EXPECT_EQ(base.issues()[0].triggers, std::vector<std::string>{"nato expansion"});
  EXPECT_EQ(base.FindIssue("grain corridor"), nullptr);
  ASSERT_EQ(copy.issues().size(), 2u);
  EXPECT_EQ(copy.issues()[0].triggers.size(), 2u);
  EXPECT_NE(copy.FindIssue("grain corridor"), nullptr);
  // And the other way round: the original changing leaves the copy as it was.
  base.LoadText("name\taliases\tcapital\tdemonyms\tmetonyms\nFrance\t\tParis\t\t\n",
                "countries");
  EXPECT_EQ(copy.countries().size(), 1u);
  EXPECT_EQ(copy.FindCountry("France"), nullptr);
  EXPECT_NE(base.FindCountry("France"), nullptr);
}

TEST(LexiconTest, ACopyAddingLeadersLeavesTheOriginalsLeadersAlone) {
  const std::string header = "name\taliases\tcountry\toffice\tstart\tend\n";
  Lexicon base;
  std::string rows = header;
  for (int i = 0; i < 200; ++i) {
    rows += "Leader " + std::to_string(i) + "\t\tRussia\tPresident\t\t\n";
  }
  base.LoadText(rows, "leaders");
  Lexicon copy = base;
  EXPECT_TRUE(copy.leaders().SharesAllWith(base.leaders()));
  copy.LoadText(header + "Jan Kaba\tKaba\tFrance\tPresident\t\t\n"
                         "Leader 7\tSeven\tRussia\tPresident\t2001-01-01\t2002-01-01\n",
                "article");
  EXPECT_FALSE(copy.leaders().SharesAllWith(base.leaders()));
  // The copy has the new leader and the known one's new alias and term ...
  ASSERT_EQ(copy.leaders().size(), 201u);
  EXPECT_EQ(copy.FindLeaderIndex("Jan Kaba"), std::optional<std::uint32_t>(200));
  EXPECT_EQ(copy.FindLeader("Leader 7")->aliases, std::vector<std::string>{"Seven"});
  EXPECT_EQ(copy.FindLeader("Leader 7")->terms.size(), 2u);
  EXPECT_EQ(copy.FindLeaderIndex("Leader 150"), std::optional<std::uint32_t>(150));
  // ... the original neither.
  EXPECT_EQ(base.leaders().size(), 200u);
  EXPECT_EQ(base.FindLeader("Jan Kaba"), nullptr);
  EXPECT_TRUE(base.FindLeader("Leader 7")->aliases.empty());
  EXPECT_EQ(base.FindLeader("Leader 7")->terms.size(), 1u);
  // A copy of the copy sees both parts of its name index.
  Lexicon again = copy;
  again.LoadText(header + "Ana Lind\t\tFrance\tPresident\t\t\n", "article");
  EXPECT_EQ(again.FindLeaderIndex("Jan Kaba"), std::optional<std::uint32_t>(200));
  EXPECT_EQ(again.FindLeaderIndex("Ana Lind"), std::optional<std::uint32_t>(201));
  EXPECT_EQ(again.FindLeaderIndex("Leader 0"), std::optional<std::uint32_t>(0));
  EXPECT_EQ(copy.FindLeader("Ana Lind"), nullptr);
}

TEST(LexiconTest, SplitListTrimsAndDropsEmptyItems) {
  EXPECT_EQ(SplitList(" a ; b;;c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(SplitList("").empty());
}

// The shipped lexicon agrees with itself: rows that share a summit's name are one event (its
// place, dates and series; another pair that met there), a summit's leaders and a leader's
// countries are the lexicon's, and no term ends before it starts.
TEST(LexiconTest, TheShippedLexiconIsConsistent) {
  Lexicon lex = Lexicon::LoadDirectory(std::string(PARLEY_SOURCE_DIR) + "/data/lexicon");
  std::map<std::string, const KnownSummit*> names;
  for (const KnownSummit& k : lex.summits()) {
    auto [it, first] = names.emplace(k.name, &k);
    if (!first) {
      const KnownSummit& e = *it->second;
      EXPECT_TRUE(e.city == k.city && e.country == k.country && e.date_from == k.date_from &&
                  e.date_to == k.date_to && e.group == k.group && !k.group.empty())
          << "two summits named " << k.name;
    }
    EXPECT_LE(k.date_from, k.date_to) << k.name;
    for (const std::string& l : k.leaders) {
      bool known = std::any_of(lex.leaders().begin(), lex.leaders().end(),
                               [&](const LeaderEntry& e) { return e.name == l; });
      EXPECT_TRUE(known) << k.name << " names unknown leader " << l;
    }
  }
  for (const LeaderEntry& l : lex.leaders()) {
    for (const Term& t : l.terms) {
      if (!t.end.empty()) EXPECT_LE(t.start, t.end) << l.name;
      bool organisation = t.country == "United Nations" || t.country == "NATO" ||
                          t.country == "European Union";
      EXPECT_TRUE(organisation || lex.FindCountry(t.country) != nullptr)
          << l.name << ": unknown country " << t.country;
    }
  }
}

// A city news names for its country's government ("Colombo said ...") is still a place where
// leaders meet, under its capital's name where it is another spelling of the capital.
TEST(LexiconTest, TheShippedLexiconsCityMetonymsArePlaces) {
  Lexicon lex = Lexicon::LoadDirectory(std::string(PARLEY_SOURCE_DIR) + "/data/lexicon");
  Annotator annotator(lex);
  const std::vector<std::pair<std::string, std::string>> cities = {
      {"Colombo", "Colombo"}, {"Lagos", "Lagos"},     {"La Paz", "La Paz"},
      {"Peking", "Beijing"},  {"Kiev", "Kyiv"},       {"Delhi", "New Delhi"},
      {"Rangoon", "Yangon"},  {"Dar es Salaam", "Dar es Salaam"}};
  for (const auto& [written, city] : cities) {
    std::string text = "They met in " + written + ".\n";
    Sentence s = annotator.Annotate(text, SplitSentences(text, {})[0]);
    ASSERT_EQ(s.places.size(), 1u) << written;
    std::uint32_t ref = s.places[0].refs.at(0);
    ASSERT_LT(ref, lex.places().size()) << written;
    EXPECT_EQ(lex.places()[ref].city, city) << written;
  }
}

TEST(LexiconTest, ATopicWithoutSidesIsMarkedByItsProposition) {
  Lexicon lex;
  lex.LoadText(
      "name\tparent\ttriggers\tproposition\n"
      "migration\t\tmigrants\tcontrolling migration (a topic)\n"
      "Syria\t\tsyria\tthe war in Syria (a topic; SUPPORTS = backs the government)\n"
      "Kosovo\t\tkosovo\tKosovo's independence; SUPPORTS = backs it\n",
      "issues");
  ASSERT_EQ(lex.issues().size(), 3u);
  EXPECT_TRUE(lex.FindIssue("migration")->topic);
  EXPECT_FALSE(lex.FindIssue("Syria")->topic);  // its sides are defined
  EXPECT_FALSE(lex.FindIssue("Kosovo")->topic);
}

TEST(LexiconTest, SidesNameAPairOrAnyTwoSides) {
  Lexicon lex;
  lex.LoadText(
      "name\tparent\ttriggers\tproposition\tconcern\tsides\n"
      "US-Russia relations\t\tus-russia relations\trelations (a topic)\t\tUnited States;Russia\n"
      "bilateral relations\t\tbilateral ties\trelations of the sides (a topic)\t\t*\n",
      "issues");
  EXPECT_EQ(lex.FindIssue("US-Russia relations")->sides,
            (std::vector<std::string>{"United States", "Russia"}));
  EXPECT_EQ(lex.FindIssue("bilateral relations")->sides, (std::vector<std::string>{"*"}));
  EXPECT_THROW(lex.LoadText("name\tparent\ttriggers\tproposition\tconcern\tsides\n"
                            "odd\t\todd\todd\t\tFrance\n",
                            "issues"),
               std::runtime_error);
}

}  // namespace
}  // namespace parley::ingest
