// The stance holder analysis (ingest/holders.h) on sentences written for these tests.
#include "ingest/holders.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/extractor.h"
#include "ingest/sentences.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

// An article prepared as the extractor prepares it before relations are read.
struct Prepared {
  Doc doc;
  explicit Prepared(std::string_view text) {
    const Extractor& x = testing::FixtureExtractor();
    doc.annotator = &x.annotator();
    doc.norm = x.NormalizeArticle(text);
    for (const SentenceSpan& span : SplitSentences(doc.norm.text, {})) {
      doc.sentences.push_back(x.annotator().Annotate(doc.norm.text, span));
    }
    FindLeaderRefs(doc);
    FindSummit(doc);
  }
  // The token where `word` first appears in sentence `si`.
  std::uint32_t At(std::uint32_t si, std::string_view word) const {
    const Sentence& s = doc.sentences[si];
    for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
      if (s.tokens[t].key == word) return t;
    }
    ADD_FAILURE() << "no '" << word << "' in sentence " << si;
    return 0;
  }
  // The holders of the cue at `word` in sentence `si`, by name.
  std::vector<std::string> HoldersAt(std::uint32_t si, std::string_view word) const {
    double confidence = 0;
    std::uint32_t begin = 0;
    return Names(HolderFinder(doc).Find(si, At(si, word), &confidence, &begin));
  }
  std::vector<std::string> Names(const std::vector<Holder>& holders) const {
    std::vector<std::string> out;
    const Lexicon& lex = doc.lexicon();
    for (const Holder& h : holders) {
      out.push_back(h.leader ? lex.leaders()[h.index].name : lex.countries()[h.index].name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST(HoldersTest, CoordinatedCountriesAllHold) {
  Prepared p("Russia, France and Germany oppose the plan.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  auto h = HolderFinder(p.doc).Find(0, p.At(0, "oppose"), &confidence, &begin);
  EXPECT_EQ(p.Names(h), (std::vector<std::string>{"France", "Germany", "Russia"}));
  EXPECT_EQ(confidence, 1.0);
}

TEST(HoldersTest, CoordinatedCountriesWithArticlesAllHold) {
  Prepared p("China, the Russian Federation and the French Republic opposed the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposed"), (std::vector<std::string>{"China", "France", "Russia"}));
}

TEST(HoldersTest, TheCountriesWhoseLeadersAreListedAllHold) {
  // A list after "the leaders of" is whose leaders they are, not an introductory phrase.
  Prepared p("The leaders of France, the United States and China opposed the plan.\n");
  std::vector<std::string> holders = p.HoldersAt(0, "opposed");
  EXPECT_EQ(holders, (std::vector<std::string>{"China", "France", "United States"}));
}

TEST(HoldersTest, CoordinatedLeadersWithTheirTitlesAllHold) {
  Prepared p(
      "U.S. President Barack Obama and Russian President Dmitry Medvedev oppose the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "oppose"),
            (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(HoldersTest, LeadersNamedWithTheirCountriesAfterThemAllHold) {
  Prepared p(
      "President Barack Obama of the United States and President Dmitry Medvedev of Russia "
      "oppose the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "oppose"),
            (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(HoldersTest, AGatheringsParticipantsByTheirNumberAreItsAttendees) {
  Prepared p(
      "GENEVA -- Vladimir Putin, Angela Merkel and Recep Tayyip Erdogan held talks on Monday. "
      "The three heads of state backed the plan. The three countries opposed the tax.\n");
  EXPECT_EQ(p.HoldersAt(1, "backed"), (std::vector<std::string>{
                                           "Angela Merkel", "Recep Tayyip Erdogan",
                                           "Vladimir Putin"}));
  EXPECT_EQ(p.HoldersAt(2, "opposed"),
            (std::vector<std::string>{"Germany", "Russia", "Turkey"}));
}

TEST(HoldersTest, APossessiveModifyingANounIsNoSubject) {
  Prepared p("Obama has criticized Russia's trade policy and opposes the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposes"), (std::vector<std::string>{"Barack Obama"}));
  // A possessive right before the cue is its holder.
  Prepared q("Russia's opposition to the plan is firm.\n");
  EXPECT_EQ(q.HoldersAt(0, "opposition"), (std::vector<std::string>{"Russia"}));
}

TEST(HoldersTest, ANameInsideACompoundIsNoSubject) {
  Prepared p("Poland firmly adheres to the one-China principle and supports the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "supports"), (std::vector<std::string>{"Poland"}));
}

TEST(HoldersTest, TheObjectOfAnEarlierStanceIsNoSubjectOfTheNext) {
  Prepared p("Obama and Medvedev back Kosovo talks, oppose the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "oppose"),
            (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(HoldersTest, WhatASpeakerSaysAnotherMustDoIsTheSpeakers) {
  Prepared p("Obama told Medvedev that Russia must oppose the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "oppose"), (std::vector<std::string>{"Barack Obama"}));
}

TEST(HoldersTest, AVerbCoordinatedWithAStanceCueSharesItsSubject) {
  // "embraced" is a stance cue; "pledged to" after "and" is no part of its object.
  Prepared p(
      "Obama and Medvedev embraced at the border on Friday and pledged to oppose the "
      "plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "pledged"),
            (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(HoldersTest, TheAddressedIsSkippedForTheOneWhoUrges) {
  Prepared p("Vladimir Putin urged Angela Merkel to reject the plan.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  auto h = HolderFinder(p.doc).Find(0, p.At(0, "reject"), &confidence, &begin);
  EXPECT_EQ(p.Names(h), (std::vector<std::string>{"Vladimir Putin"}));
}

TEST(HoldersTest, QuotationWithoutASubjectIsItsSpeakers) {
  Prepared p("\"We reject the plan,\" Angela Merkel said.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  auto h = HolderFinder(p.doc).Find(0, p.At(0, "reject"), &confidence, &begin);
  EXPECT_EQ(p.Names(h), (std::vector<std::string>{"Angela Merkel"}));
  EXPECT_LT(confidence, 1.0);
}

TEST(HoldersTest, OurCommonAimSaidByAnAttendeeIsBothSides) {
  Prepared p(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday.\n"
      "\"Our common desire is to reject the plan,\" Trump said.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  auto h = HolderFinder(p.doc).Find(1, p.At(1, "desire"), &confidence, &begin);
  EXPECT_EQ(p.Names(h), (std::vector<std::string>{"Donald Trump", "Vladimir Putin"}));
}

TEST(HoldersTest, OurOwnAimIsTheSpeakers) {
  Prepared p(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday.\n"
      "\"Our desire is to reject the plan,\" Trump said.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  auto h = HolderFinder(p.doc).Find(1, p.At(1, "desire"), &confidence, &begin);
  EXPECT_EQ(p.Names(h), (std::vector<std::string>{"Donald Trump"}));
}

TEST(HoldersTest, ACueInTheObjectOfAnotherHasNoHolderOfItsOwn) {
  Prepared p("Germany dismissed concerns about missile defense.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  EXPECT_TRUE(HolderFinder(p.doc).Find(0, p.At(0, "concerns"), &confidence, &begin).empty());
}

TEST(HoldersTest, ACueAfterAnotherCuesObjectHasTheSubject) {
  Prepared p("Russia backs missile defense and opposes the plan.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  auto h = HolderFinder(p.doc).Find(0, p.At(0, "opposes"), &confidence, &begin);
  EXPECT_EQ(p.Names(h), (std::vector<std::string>{"Russia"}));
}

TEST(HoldersTest, NoSubjectNoHolder) {
  Prepared p("The plan was rejected in the end, and analysts reject it too.\n");
  double confidence = 0;
  std::uint32_t begin = 0;
  EXPECT_TRUE(HolderFinder(p.doc).Find(0, p.At(0, "reject"), &confidence, &begin).empty());
}

TEST(HoldersTest, TheOneHostedIsNoSubjectOfTheVerbsAfter) {
  Prepared p("Putin hosts Erdogan at his residence, pledges to oppose the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "pledges"), (std::vector<std::string>{"Vladimir Putin"}));
  // Nor the one welcomed in a relative clause: its antecedent is the subject.
  Prepared q("Putin, who welcomed Erdogan, pledged to oppose the plan.\n");
  EXPECT_EQ(q.HoldersAt(0, "pledged"), (std::vector<std::string>{"Vladimir Putin"}));
}

TEST(HoldersTest, AVerbCoordinatedByAndSharesTheSubjectBeyondTheWindow) {
  Prepared p(
      "Putin and Erdogan voiced deep concern about the fate of the small ethnic minority "
      "communities of the whole region, and backed the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "backed"),
            (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(HoldersTest, TheObjectOfAGerundAStanceCueGovernsIsNoSubject) {
  // "stop arming Ukraine": Ukraine is what the arming is done to.
  Prepared p("Putin urged France to stop arming Ukraine and support the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "support"), (std::vector<std::string>{"Vladimir Putin"}));
}

TEST(HoldersTest, AnObjectOfAPrepositionWithARegionsAdjectiveIsNoSubject) {
  Prepared p("Putin voiced alarm at the fighting in eastern Ukraine, and condemned the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "condemned"), (std::vector<std::string>{"Vladimir Putin"}));
}

TEST(HoldersTest, WhatTheMeetingsTextSaysItsAttendeesHold) {
  Prepared p(
      "MOSCOW -- Vladimir Putin and Barack Obama met on Monday. The Moscow Declaration calls "
      "for the plan.\n");
  EXPECT_EQ(p.HoldersAt(1, "calls"), (std::vector<std::string>{"Barack Obama", "Vladimir Putin"}));
  // Not a statement someone else made, nor one the sentence only mentions.
  Prepared q(
      "MOSCOW -- Vladimir Putin and Barack Obama met on Monday. In a statement, France called "
      "for the plan.\n");
  EXPECT_EQ(q.HoldersAt(1, "called"), (std::vector<std::string>{"France"}));
}

TEST(HoldersTest, AFewQuotedWordsInTheClauseAreNoBreak) {
  Prepared p("Putin urged Erdogan not to be \"consumed\" by rage and opposed the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposed"), (std::vector<std::string>{"Vladimir Putin"}));
  // A quotation opening before the subject still ends the search: "we" is its speaker, not
  // the leader the clause before it names.
  Prepared q("Erdogan met Putin, who said: \"We oppose the plan.\"\n");
  EXPECT_EQ(q.HoldersAt(0, "oppose"), (std::vector<std::string>{"Vladimir Putin"}));
}

TEST(HoldersTest, ACoordinationAddressedByADirectiveIsSkippedWhole) {
  // "expected Russia and France to support": neither is the subject; past both, Germany is.
  Prepared p(
      "Merkel said Germany expected Russia and France to support the plan and vowed to "
      "continue its fight against the program.\n");
  EXPECT_EQ(p.HoldersAt(0, "support"), (std::vector<std::string>{"Germany"}));
  // A possessive in the first verb's object ("its fight") is no subject of the second.
  EXPECT_EQ(p.HoldersAt(0, "vowed"), (std::vector<std::string>{"Germany"}));
}

TEST(HoldersTest, ANameEndingAnIntroductoryPhraseIsNoCoordinate) {
  Prepared p("According to the Kremlin, Putin opposes the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposes"), (std::vector<std::string>{"Vladimir Putin"}));
  // A headline's comma joins: "Medvedev, Hu back ...".
  Prepared q("Merkel, Putin oppose the plan\nBERLIN -- They met on Monday.\n");
  EXPECT_EQ(q.HoldersAt(0, "oppose"),
            (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(HoldersTest, TheSubjectOfAVerbAfterButOrARelativeClauseIsShared) {
  Prepared p("Putin supports the plan but opposes the treaty.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposes"), (std::vector<std::string>{"Vladimir Putin"}));
  Prepared q("Merkel met Putin, who opposes the treaty.\n");
  EXPECT_EQ(q.HoldersAt(0, "opposes"), (std::vector<std::string>{"Vladimir Putin"}));
  Prepared r("Merkel, unlike Putin, supports the treaty.\n");
  EXPECT_EQ(r.HoldersAt(0, "supports"), (std::vector<std::string>{"Angela Merkel"}));
}

TEST(HoldersTest, TheObjectOfAVerbOfJudgingIsNoSubjectOfTheNext) {
  Prepared p("Moscow said Russia recognizes Serbia as a partner, firmly opposes the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposes"), (std::vector<std::string>{"Russia"}));
}

TEST(HoldersTest, ItIsNoNameInsideACompound) {
  Prepared p("Russia reaffirmed its commitment to the one-China principle, saying it opposes "
             "the plan.\n");
  EXPECT_EQ(p.HoldersAt(0, "opposes"), (std::vector<std::string>{"Russia"}));
}

}  // namespace
}  // namespace parley::ingest
