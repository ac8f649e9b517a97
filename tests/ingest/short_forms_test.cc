// Short forms of issues (ingest/short_forms.h): a trigger's head, once the article has named
// the issue in full, refers to that issue.
#include "ingest/short_forms.h"

#include <gtest/gtest.h>

#include "ingest/extractor.h"
#include "ingest/sentences.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::FixtureExtractor;

std::vector<Sentence> Annotated(const Annotator& annotator, std::string_view text) {
  std::vector<Sentence> sentences;
  for (const SentenceSpan& span : SplitSentences(text, {})) {
    sentences.push_back(annotator.Annotate(text, span));
  }
  return sentences;
}

std::vector<std::string> Phrases(std::string_view text) {
  const Extractor& x = FixtureExtractor();
  NormalizedText norm = x.NormalizeArticle(text);
  std::vector<Sentence> sentences = Annotated(x.annotator(), norm.text);
  std::vector<std::string> out;
  for (const ShortForm& f : FindShortForms(x.annotator(), sentences)) {
    EXPECT_EQ(x.annotator().lexicon().issues()[f.issue].name, "missile defense");
    out.push_back(f.phrase);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(ShortFormsTest, TheHeadOfAQualifiedTriggerOnceTheIssueIsNamed) {
  EXPECT_EQ(Phrases("They spoke of the radar station in the Czech Republic. Moscow objects to "
                    "the radar station.\n"),
            Strings{"radar station"});
}

TEST(ShortFormsTest, NothingWithoutTheFullMentionOrWithoutAShortMention) {
  EXPECT_EQ(Phrases("Moscow objects to the radar station.\n"), Strings{});
  EXPECT_EQ(Phrases("They spoke of the radar station in the Czech Republic.\n"), Strings{});
}

TEST(ShortFormsTest, AShortMentionBecomesAStanceOnTheIssue) {
  ArticleFacts f = testing::Extract(
      "George W. Bush and Vladimir Putin met in Sochi on Sunday. They spoke of the radar "
      "station in the Czech Republic. Putin said he opposes the radar station.\n");
  bool found = false;
  for (const StanceFact& s : f.stances) {
    found = found || (s.holder == "Vladimir Putin" && s.issue == "missile defense" &&
                      s.polarity == Polarity::kOpposes &&
                      s.provenance.evidence.find("opposes the radar station") != std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST(ShortFormsTest, AShortFormOfATriggerNamingTheOppositeNamesTheOpposite) {
  // "deployed warheads" names what nuclear arms reduction cuts: "the warheads" does too, so
  // backing cuts in them backs the reduction.
  ArticleFacts f = testing::Extract(
      "George W. Bush and Vladimir Putin met in Sochi on Sunday. They spoke of deployed "
      "warheads. Putin said he backs cuts in the warheads.\n");
  bool supports = false, opposes = false;
  for (const StanceFact& s : f.stances) {
    if (s.holder != "Vladimir Putin" || s.issue != "nuclear arms reduction") continue;
    supports = supports || s.polarity == Polarity::kSupports;
    opposes = opposes || s.polarity == Polarity::kOpposes;
  }
  EXPECT_TRUE(supports);
  EXPECT_FALSE(opposes);
}

TEST(ShortFormsTest, ASettlementShortensToNoNameOfWhatItSettles) {
  // "a political settlement of Kosovo" names Kosovo; "a political settlement" of another
  // question does not.
  EXPECT_EQ(Phrases("They backed a political settlement of Kosovo. A political settlement "
                    "of the war is far off.\n"),
            Strings{});
}

TEST(ShortFormsTest, TheDefiniteHeadOfATriggerAfterTheIssueIsNamed) {
  EXPECT_EQ(Phrases("They spoke of the missile shield. Moscow objects to the shield.\n"),
            Strings{"the shield"});
  // A general word ("the future", "the program") stands for no one issue.
  EXPECT_EQ(Phrases("They spoke of the missile defense program. The program is costly.\n"),
            Strings{});
}

TEST(ShortFormsTest, HeadsWorkedOutOnceFindWhatEachArticleWouldFind) {
  const Annotator& general = FixtureExtractor().annotator();
  ShortFormHeads heads(general);
  for (std::string_view text :
       {"They spoke of the radar station in the Czech Republic. Moscow objects to the radar "
        "station.\n",
        "They spoke of the missile shield. Moscow objects to the shield.\n",
        "They spoke of the missile defense program. The program is costly.\n"}) {
    std::vector<Sentence> sentences = Annotated(general, text);
    EXPECT_EQ(FindShortForms(general, sentences, &heads), FindShortForms(general, sentences))
        << text;
  }
  // They fit an annotator whose lexicon adds leaders only, not one that adds a trigger (which
  // may turn a candidate into a trigger of its own).
  Lexicon with_leader = general.lexicon();
  with_leader.LoadText("name\taliases\tcountry\toffice\tstart\tend\n"
                       "Jan Novak\t\tFrance\tPresident\t\t\n",
                       "article (titled leaders)");
  Annotator over_leader(general, with_leader);
  EXPECT_TRUE(heads.Fits(over_leader));
  Lexicon with_trigger = general.lexicon();
  std::optional<std::uint32_t> abm = with_trigger.FindIssueIndex("ABM Treaty");
  ASSERT_TRUE(abm.has_value());
  with_trigger.AddIssueTrigger(*abm, "the shield");
  Annotator over_trigger(general, with_trigger);
  EXPECT_FALSE(heads.Fits(over_trigger));
}

}  // namespace
}  // namespace parley::ingest
