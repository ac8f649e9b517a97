// Mention detection (ingest/annotate.h), in particular an Annotator extended with an
// article's own leaders and issues: it must annotate exactly as one built from scratch.
#include "ingest/annotate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/sentences.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::FixtureLexicon;

// Every mention of `text` as "layer:begin-end:refs" strings, sentence by sentence.
std::vector<std::string> Mentions(const Annotator& annotator, std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& span : SplitSentences(text, {})) {
    Sentence s = annotator.Annotate(text, span);
    for (const auto* list : {&s.entities, &s.places, &s.issues, &s.cues}) {
      for (const Mention& m : *list) {
        std::string item = std::to_string(static_cast<int>(m.layer)) + ":" +
                           std::to_string(m.begin) + "-" + std::to_string(m.end) + ":";
        for (std::uint32_t r : m.refs) item += std::to_string(r) + ",";
        if (m.weak) item += "weak";
        if (m.inverse) item += "inverse";
        out.push_back(item);
      }
    }
  }
  return out;
}

std::size_t IssueIndex(const Lexicon& lex, std::string_view name) {
  return lex.FindIssueIndex(name).value();
}

constexpr std::string_view kText =
    "President Jan Novak met George W. Bush, whom reporters call Dubya, in Moscow. "
    "They discussed the shield and the ABM treaty. "
    "The radar plans and the grain corridor stayed open questions. "
    "Russia opposes the grain corridor.\n";

// The fixture lexicon as an article would extend it: a leader it lacks, an alias of a leader
// it has, a term in another country of a leader it has, a short form of one issue that is
// already a trigger of a later one, an open topic.
Lexicon Extended(const Lexicon& base) {
  Lexicon extended = base;
  extended.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Jan Novak\tNovak\tFrance\tPresident\t\t\n"
      "George W. Bush\tDubya\tUnited States\tPresident\t2001-01-20\t2009-01-20\n"
      "Gerald Ford\t\tRussia\tPresident\t1900-01-01\t1900-12-31\n",
      "article (titled leaders)");
  // A trigger of a later issue given to an earlier one: a from-scratch trie holds the two in
  // the lexicon's order, an extended one in the order they were added.
  std::size_t missile = IssueIndex(base, "missile defense");
  std::size_t abm = IssueIndex(base, "ABM Treaty");
  EXPECT_LT(missile, abm) << "the fixture lists missile defense first";
  extended.AddIssueTrigger(missile, "abm treaty");
  extended.AddIssueTrigger(missile, "the shield");
  extended.AddOpenIssue("grain corridor", {"grain corridor"});
  return extended;
}

TEST(AnnotatorTest, AnExtendedAnnotatorAnnotatesAsOneBuiltFromScratch) {
  const Lexicon& base = FixtureLexicon();
  Annotator general(base);
  Lexicon extended = Extended(base);
  Annotator from_scratch(extended);
  Annotator extending(general, extended);
  std::vector<std::string> expected = Mentions(from_scratch, kText);
  EXPECT_EQ(Mentions(extending, kText), expected);
  // And the additions are found at all: the general annotator sees fewer mentions.
  EXPECT_LT(Mentions(general, kText).size(), expected.size());
  EXPECT_TRUE(extending.IsNameWord("novak"));
  EXPECT_FALSE(general.IsNameWord("novak"));
  EXPECT_TRUE(extending.IsNameWord("bush"));  // a word of the base's
  EXPECT_TRUE(from_scratch.IsNameWord("novak"));
  ASSERT_NE(extended.FindLeader("Jan Novak"), nullptr);
  EXPECT_EQ(extending.leader_index().term_country, from_scratch.leader_index().term_country);
  EXPECT_EQ(extending.leader_index().leaders_by_country,
            from_scratch.leader_index().leaders_by_country);
}

// Extraction layers up to three annotators over the general one (an article's titled
// leaders, then its short forms, then its open topics); each layer must annotate as an
// annotator built from scratch over its whole lexicon.
TEST(AnnotatorTest, AnnotatorsLayeredOverLayeredOnesAnnotateAsOnesBuiltFromScratch) {
  const Lexicon& base = FixtureLexicon();
  Annotator general(base);
  Lexicon with_leaders = base;
  with_leaders.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Jan Novak\tNovak\tFrance\tPresident\t\t\n",
      "article (titled leaders)");
  Annotator first(general, with_leaders);
  Lexicon with_short_forms = with_leaders;
  with_short_forms.AddIssueTrigger(IssueIndex(base, "missile defense"), "the shield");
  Annotator second(first, with_short_forms);
  Lexicon with_topics = with_short_forms;
  with_topics.AddOpenIssue("grain corridor", {"grain corridor"});
  // A sub-issue of a known issue named "<issue> <word>", and a name word only this layer has.
  with_topics.LoadText("name\tparent\ttriggers\tproposition\n"
                       "ABM Treaty review\tABM Treaty\ttreaty review\ta review\n",
                       "article (issues)");
  Annotator third(second, with_topics);
  const std::string text =
      "President Jan Novak said the shield and the grain corridor were open; Novak wants a "
      "review of the ABM treaty.\n";
  for (const auto& [layered, lexicon] :
       std::vector<std::pair<const Annotator*, const Lexicon*>>{
           {&first, &with_leaders}, {&second, &with_short_forms}, {&third, &with_topics}}) {
    Annotator from_scratch(*lexicon);
    EXPECT_EQ(Mentions(*layered, text), Mentions(from_scratch, text));
    EXPECT_TRUE(layered->IsNameWord("novak"));
    EXPECT_EQ(layered->IsIssueTrigger({"the", "shield"}), lexicon != &with_leaders);
    EXPECT_EQ(layered->IsIssueTrigger({"grain", "corridor"}), lexicon == &with_topics);
  }
  // Each layer found what it added: the review is the sub-issue only in the third.
  std::uint32_t review = with_topics.FindIssueIndex("ABM Treaty review").value();
  auto issue_refs = [&](const Annotator& a) {
    std::vector<std::uint32_t> refs;
    Sentence s = a.Annotate(text, SplitSentences(text, {})[0]);
    for (const Mention& m : s.issues) refs.insert(refs.end(), m.refs.begin(), m.refs.end());
    return refs;
  };
  std::vector<std::uint32_t> third_refs = issue_refs(third);
  EXPECT_NE(std::find(third_refs.begin(), third_refs.end(), review), third_refs.end());
  EXPECT_LT(issue_refs(first).size(), third_refs.size());
}

TEST(AnnotatorTest, IssuesSharingATriggerAreListedInTheLexiconsOrder) {
  const Lexicon& base = FixtureLexicon();
  Annotator general(base);
  Lexicon extended = Extended(base);
  Annotator extending(general, extended);
  std::string text = "They discussed the ABM treaty.\n";
  Sentence s = extending.Annotate(text, SplitSentences(text, {})[0]);
  ASSERT_EQ(s.issues.size(), 1u);
  std::vector<std::uint32_t> refs = s.issues[0].refs;
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_LT(refs[0], refs[1]);
}

TEST(AnnotatorTest, ALexiconThatIsNoExtensionIsAnnotatedFromScratch) {
  const Lexicon& base = FixtureLexicon();
  Annotator general(base);
  Lexicon other = base;
  other.LoadText("name\taliases\tcapital\tdemonyms\tmetonyms\nRuritania\t\tStrelsau\tRuritanian\t\n",
                 "other countries");
  Annotator from_scratch(other);
  Annotator extending(general, other);
  std::string text = "The Ruritanian president flew to Strelsau and then to Moscow.\n";
  EXPECT_EQ(Mentions(extending, text), Mentions(from_scratch, text));
  EXPECT_GT(Mentions(extending, text).size(), Mentions(general, text).size());
}

TEST(AnnotatorTest, IsIssueTriggerTakesWholeTriggersOnly) {
  Annotator annotator(FixtureLexicon());
  EXPECT_TRUE(annotator.IsIssueTrigger({"missile", "shield"}));
  EXPECT_FALSE(annotator.IsIssueTrigger({"missile"}));
  EXPECT_FALSE(annotator.IsIssueTrigger({"missile", "shield", "talks"}));
  EXPECT_FALSE(annotator.IsIssueTrigger({"moscow"}));  // a name, not a trigger
  EXPECT_FALSE(annotator.IsIssueTrigger({}));
}

// The leader mentions of `text`'s first sentence as "first-last token:leader name".
std::vector<std::string> LeaderMentions(const Annotator& annotator, std::string_view text) {
  std::vector<std::string> out;
  Sentence s = annotator.Annotate(text, SplitSentences(text, {}).at(0));
  for (const Mention& m : s.entities) {
    if (m.layer != Layer::kLeader) continue;
    out.push_back(std::to_string(m.begin) + "-" + std::to_string(m.end) + ":" +
                  annotator.lexicon().leaders()[m.refs.at(0)].name);
  }
  return out;
}

TEST(AnnotatorTest, ASurnameThatIsNoAliasNamesTheLeaderAfterATitle) {
  // The fixture gives Gerald Ford no alias "Ford": the word names a carmaker as often.
  Annotator annotator(FixtureLexicon());
  using Strings = std::vector<std::string>;
  EXPECT_EQ(LeaderMentions(annotator, "President Ford met Putin.\n"),
            (Strings{"0-2:Gerald Ford", "3-4:Vladimir Putin"}));
  EXPECT_EQ(LeaderMentions(annotator, "Then Mr. Ford left.\n"), (Strings{"1-3:Gerald Ford"}));
  EXPECT_TRUE(LeaderMentions(annotator, "Ford cut jobs in Detroit.\n").empty());
  EXPECT_TRUE(LeaderMentions(annotator, "President Trump visited a Ford plant.\n").size() == 1);
  // A surname that is an alias is matched alone, titled or not.
  EXPECT_EQ(LeaderMentions(annotator, "President Putin spoke.\n"), (Strings{"1-2:Vladimir Putin"}));
}

TEST(AnnotatorTest, ASurnameAnotherLeadersNameSharesIsNoTitledName) {
  Lexicon lex = FixtureLexicon();
  lex.LoadText("name\taliases\tcountry\toffice\tstart\tend\n"
               "Khaleda Zia\tBegum Khaleda Zia\tFrance\tPrime Minister\t1991-03-20\t1996-03-30\n"
               "Muhammad Zia-ul-Haq\tZia ul-Haq\tRussia\tPresident\t1978-09-16\t1988-08-17\n",
               "leaders");
  Annotator annotator(lex);
  using Strings = std::vector<std::string>;
  // "Zia" is a word of both leaders' names: "President Zia" names neither by the title.
  EXPECT_EQ(LeaderMentions(annotator, "President Zia ul-Haq spoke.\n"),
            (Strings{"1-5:Muhammad Zia-ul-Haq"}));
  EXPECT_EQ(LeaderMentions(annotator, "President Ford spoke.\n"), (Strings{"0-2:Gerald Ford"}));
}

TEST(AnnotatorTest, NamesMatchHoweverTheTextWritesTheirAccents) {
  Lexicon lex = FixtureLexicon();
  lex.LoadText("name\taliases\tcountry\toffice\tstart\tend\n"
               "Óscar Arias\tÓscar Arias Sánchez\tFrance\tPresident\t1986-05-08\t1990-05-08\n"
               "Pedro Sánchez\tSánchez\tRussia\tPrime Minister\t2018-06-02\t\n"
               "Lars Løkke Rasmussen\tLøkke\tFinland\tPrime Minister\t2009-04-05\t2011-10-03\n",
               "leaders");
  Annotator annotator(lex);
  using Strings = std::vector<std::string>;
  // Some accents written, some left out: still the one name, not Arias and then Sánchez.
  EXPECT_EQ(LeaderMentions(annotator, "Oscar Arias Sánchez spoke.\n"), (Strings{"0-3:Óscar Arias"}));
  EXPECT_EQ(LeaderMentions(annotator, "OSCAR ARIAS SANCHEZ spoke.\n"), (Strings{"0-3:Óscar Arias"}));
  EXPECT_EQ(LeaderMentions(annotator, "Sanchez spoke.\n"), (Strings{"0-1:Pedro Sánchez"}));
  EXPECT_EQ(LeaderMentions(annotator, "Lars Lokke Rasmussen spoke.\n"),
            (Strings{"0-3:Lars Løkke Rasmussen"}));
  // Case still counts, accents aside.
  EXPECT_TRUE(LeaderMentions(annotator, "sanchez spoke.\n").empty());
}

TEST(AnnotatorTest, AHyphenedNameMatchesJoinedOrSpaced) {
  Lexicon lex = FixtureLexicon();
  lex.LoadText("name\taliases\tcountry\toffice\tstart\tend\n"
               "Zhou En-lai\t\tChina\tPremier\t1949-10-01\t1976-01-08\n"
               "Jean-Claude Duval\tBashar al-Duval\tFrance\tPresident\t2000-01-01\t\n",
               "leaders");
  Annotator annotator(lex);
  using Strings = std::vector<std::string>;
  EXPECT_EQ(LeaderMentions(annotator, "Zhou Enlai spoke.\n"), (Strings{"0-2:Zhou En-lai"}));
  EXPECT_EQ(LeaderMentions(annotator, "Zhou En Lai spoke.\n"), (Strings{"0-3:Zhou En-lai"}));
  EXPECT_EQ(LeaderMentions(annotator, "Zhou En-lai spoke.\n"), (Strings{"0-4:Zhou En-lai"}));
  // Not a hyphen between two capitalised parts, nor after a lower-case article.
  EXPECT_TRUE(LeaderMentions(annotator, "Jean Claude Duval spoke.\n").empty());
  EXPECT_TRUE(LeaderMentions(annotator, "Bashar alDuval spoke.\n").empty());
}

TEST(AnnotatorTest, ANameRightAfterAFullNameIsItsSecondSurname) {
  Lexicon lex = FixtureLexicon();
  lex.LoadText("name\taliases\tcountry\toffice\tstart\tend\n"
               "Vinicio Cerezo\tCerezo\tFrance\tPresident\t1986-01-14\t1991-01-14\n"
               "Bernardo Arévalo\tArévalo\tRussia\tPresident\t2024-01-15\t\n",
               "leaders");
  Annotator annotator(lex);
  using Strings = std::vector<std::string>;
  EXPECT_EQ(LeaderMentions(annotator, "Vinicio Cerezo Arévalo spoke.\n"),
            (Strings{"0-2:Vinicio Cerezo"}));
  // Apart, they are two leaders; so is a surname after a surname alone ("Trump Putin summit"
  // reads as two names).
  EXPECT_EQ(LeaderMentions(annotator, "Cerezo and Arévalo spoke.\n"),
            (Strings{"0-1:Vinicio Cerezo", "2-3:Bernardo Arévalo"}));
  EXPECT_EQ(LeaderMentions(annotator, "The Cerezo Arévalo talks.\n"),
            (Strings{"1-2:Vinicio Cerezo", "2-3:Bernardo Arévalo"}));
}

TEST(AnnotatorTest, ACapitalInsideALongerNameIsNoPlace) {
  Lexicon lex = FixtureLexicon();
  lex.LoadText("name\taliases\tcapital\tdemonyms\tmetonyms\n"
               "Guinea-Bissau\t\tBissau\tBissau-Guinean\t\n",
               "countries");
  Annotator annotator(lex);
  constexpr std::string_view text = "He received his Bissau-Guinean counterpart in Bissau.\n";
  Sentence s = annotator.Annotate(text, SplitSentences(text, {}).at(0));
  ASSERT_EQ(s.places.size(), 1u);
  EXPECT_EQ(s.places[0].begin, 8u);  // "in Bissau", not the demonym's first word
}

TEST(AnnotatorTest, ANameInACompoundOrAPlacesNameNamesNoLeader) {
  Lexicon lex = FixtureLexicon();
  lex.LoadText("name\taliases\tcountry\toffice\tstart\tend\n"
               "P. J. Patterson\tPatterson\tFrance\tPrime Minister\t1992-03-30\t2006-03-30\n"
               "Ho Chi Minh\tUncle Ho\tRussia\tPresident\t1945-09-02\t1969-09-02\n"
               "Abdel Fattah el-Sisi\tSisi\tTurkey\tPresident\t2014-06-08\t\n",
               "leaders");
  lex.LoadText("name\taliases\tcity\tcountry\tkind\n"
               "Ho Chi Minh City\tSaigon\tHo Chi Minh City\tRussia\tcity\n",
               "places");
  Annotator annotator(lex);
  using Strings = std::vector<std::string>;
  EXPECT_TRUE(LeaderMentions(annotator, "The talks at Wright-Patterson ended.\n").empty());
  EXPECT_TRUE(LeaderMentions(annotator, "They met in Ho Chi Minh City.\n").empty());
  EXPECT_EQ(LeaderMentions(annotator, "They met beneath a bust of Ho Chi Minh.\n"),
            (Strings{"6-9:Ho Chi Minh"}));
  // A hyphen between two names joins two leaders; after an article of Arabic names, one.
  EXPECT_EQ(LeaderMentions(annotator, "The Putin-Patterson talks.\n"),
            (Strings{"1-2:Vladimir Putin", "3-4:P. J. Patterson"}));
  EXPECT_EQ(LeaderMentions(annotator, "Later El-Sisi spoke.\n"),
            (Strings{"3-4:Abdel Fattah el-Sisi"}));
}

// The general annotator, one layered over it for the fixture lexicon extended with leader
// rows `rows`, and one built from scratch for that lexicon.
struct LayeredAndScratch {
  explicit LayeredAndScratch(std::string_view rows)
      : general(FixtureLexicon()), extended(FixtureLexicon()) {
    extended.LoadText("name\taliases\tcountry\toffice\tstart\tend\n" + std::string(rows),
                      "article");
    layered.emplace(general, extended);
    scratch.emplace(extended);
  }
  Annotator general;
  Lexicon extended;
  std::optional<Annotator> layered, scratch;
};

TEST(AnnotatorTest, ANewLeaderSharingATitledSurnameIsAnnotatedFromScratch) {
  LayeredAndScratch a("Ford Kaba\tKaba\tFrance\tPresident\t\t\n");
  constexpr std::string_view text = "President Ford met Putin. Mr. Ford Kaba left.\n";
  EXPECT_EQ(Mentions(*a.layered, text), Mentions(*a.scratch, text));
  EXPECT_NE(Mentions(a.general, text), Mentions(*a.scratch, text));
}

TEST(AnnotatorTest, ASurnameBecomingAnAliasIsAnnotatedFromScratch) {
  LayeredAndScratch a("Gerald Ford\tFord\tUnited States\tPresident\t1974-08-09\t1977-01-20\n");
  constexpr std::string_view text = "President Ford met Putin. Ford left.\n";
  EXPECT_EQ(Mentions(*a.layered, text), Mentions(*a.scratch, text));
}

// A layer finds its new leaders' titled surnames from theirs and the base's name words alone:
// the same as a from-scratch build over the whole table.
TEST(AnnotatorTest, ANewLeadersTitledSurnameIsFoundAsFromScratch) {
  using Strings = std::vector<std::string>;
  // A surname of its own: titled.
  LayeredAndScratch own("Jan Kaba\t\tFrance\tPresident\t\t\n");
  constexpr std::string_view kaba = "President Kaba met Putin.\n";
  EXPECT_EQ(LeaderMentions(*own.layered, kaba), (Strings{"0-2:Jan Kaba", "3-4:Vladimir Putin"}));
  EXPECT_EQ(LeaderMentions(*own.layered, kaba), LeaderMentions(*own.scratch, kaba));
  // A word of a known leader's name ("Gerald" of Gerald Ford), or of another new leader's:
  // not titled.
  LayeredAndScratch shared(
      "Ivo Gerald\t\tFrance\tPresident\t\t\n"
      "Ana Lind\t\tFrance\tPresident\t\t\n"
      "Per Lind\t\tRussia\tPresident\t\t\n");
  for (std::string_view text : {"President Gerald met Putin.\n", "President Lind met Putin.\n"}) {
    EXPECT_EQ(LeaderMentions(*shared.layered, text), (Strings{"3-4:Vladimir Putin"})) << text;
    EXPECT_EQ(LeaderMentions(*shared.layered, text), LeaderMentions(*shared.scratch, text))
        << text;
  }
  // The known leaders keep theirs.
  EXPECT_EQ(LeaderMentions(*shared.layered, "President Ford spoke.\n"),
            (Strings{"0-2:Gerald Ford"}));
}

TEST(AnnotatorTest, ACuePhraseADayPhraseInterruptsSpansIt) {
  Annotator annotator(FixtureLexicon());
  std::string text = "Merkel and Putin agreed Thursday to cut tariffs. Bush called on Friday for talks.\n";
  std::vector<SentenceSpan> spans = SplitSentences(text, {});
  ASSERT_EQ(spans.size(), 2u);
  auto cue_text = [&](const Sentence& s, CueKind kind) {
    std::vector<std::string> out;
    for (const Mention* m : s.CuesOf(kind)) {
      out.push_back(std::string(
          s.text.substr(s.tokens[m->begin].begin, s.tokens[m->end - 1].end - s.tokens[m->begin].begin)));
    }
    return out;
  };
  Sentence agreed = annotator.Annotate(text, spans[0]);
  EXPECT_EQ(cue_text(agreed, CueKind::kSupport), (std::vector<std::string>{"agreed Thursday to"}));
  Sentence called = annotator.Annotate(text, spans[1]);
  EXPECT_EQ(cue_text(called, CueKind::kSupport), (std::vector<std::string>{"called on Friday for"}));
  // Without a day phrase inside, the phrase is found as it stands, once.
  std::string plain = "Merkel agreed to cut tariffs.\n";
  Sentence s = annotator.Annotate(plain, SplitSentences(plain, {})[0]);
  EXPECT_EQ(cue_text(s, CueKind::kSupport), (std::vector<std::string>{"agreed to"}));
}

TEST(AnnotateTest, AKnightIsNamedByTitleAndGivenName) {
  Lexicon lex;
  lex.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "John Kotelawala\tSir John Kotelawala\tSri Lanka\tPrime Minister\t1953-10-12\t"
      "1956-04-12\n",
      "leaders");
  Annotator annotator(lex);
  std::string text = "Sir John took the chair.\n";
  Sentence s = annotator.Annotate(text, SplitSentences(text, {})[0]);
  ASSERT_EQ(s.entities.size(), 1u);
  EXPECT_EQ(s.entities[0].refs, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(s.entities[0].end, 2u);
  // Going on with a surname, another knight.
  text = "Sir John Howe took the chair.\n";
  EXPECT_TRUE(annotator.Annotate(text, SplitSentences(text, {})[0]).entities.empty());
}

TEST(AnnotateTest, ANameIsMatchedInEachCommonTransliteration) {
  Lexicon lex;
  lex.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Mohamed Morsi\tMorsi\tEgypt\tPresident\t2012-06-30\t2013-07-03\n",
      "leaders");
  Annotator annotator(lex);
  for (std::string written : {"Mohammed Morsi", "Muhammad Morsi", "Mohamed Morsi"}) {
    std::string text = written + " spoke.\n";
    Sentence s = annotator.Annotate(text, SplitSentences(text, {})[0]);
    ASSERT_EQ(s.entities.size(), 1u) << written;
    EXPECT_EQ(s.entities[0].end, 2u) << written;
  }
}

TEST(AnnotateTest, AnOwnersIssueIsAlsoNamedWithOf) {
  const Lexicon& lex = FixtureLexicon();
  Annotator annotator(lex);
  const auto iran = static_cast<std::uint32_t>(IssueIndex(lex, "Iran nuclear program"));
  // The fixture names it "iran's nuclear programme"; the text puts the owner after "of".
  std::string text = "They discussed the nuclear programme of Iran.\n";
  Sentence s = annotator.Annotate(text, SplitSentences(text, {})[0]);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].refs, (std::vector<std::uint32_t>{iran}));
  EXPECT_EQ(s.issues[0].begin, 3u);
  // Owned by another: no mention.
  text = "They discussed the nuclear programme of Pakistan.\n";
  EXPECT_TRUE(annotator.Annotate(text, SplitSentences(text, {})[0]).issues.empty());
}

TEST(AnnotateTest, ANationalitysCapitalIsThatCountrysCapital) {
  const Lexicon& lex = FixtureLexicon();
  Annotator annotator(lex);
  std::string text = "They signed it in the Russian capital on Monday.\n";
  Sentence s = annotator.Annotate(text, SplitSentences(text, {})[0]);
  auto russia = std::find_if(lex.countries().begin(), lex.countries().end(),
                             [](const CountryEntry& c) { return c.name == "Russia"; });
  ASSERT_NE(russia, lex.countries().end());
  auto capital = static_cast<std::uint32_t>(lex.places().size() + (russia - lex.countries().begin()));
  ASSERT_EQ(s.places.size(), 1u);
  EXPECT_EQ(s.places[0].refs, (std::vector<std::uint32_t>{capital}));
  EXPECT_EQ(s.places[0].begin, 5u);  // "Russian capital"
  EXPECT_EQ(s.places[0].end, 7u);
  // Not a nationality alone, nor a capital of no nationality.
  text = "A Russian delegation visited the capital.\n";
  EXPECT_TRUE(annotator.Annotate(text, SplitSentences(text, {})[0]).places.empty());
}

TEST(AnnotateTest, ALeadersOneWordNameEndingAnotherPersonsNameIsNotHim) {
  Annotator annotator(FixtureLexicon());
  auto leaders = [&](std::string text) {
    std::vector<std::string> out;
    for (const SentenceSpan& span : SplitSentences(text, {})) {
      Sentence s = annotator.Annotate(text, span);
      for (const Mention& m : s.entities) {
        if (m.layer == Layer::kLeader) out.push_back(FixtureLexicon().leaders()[m.refs[0]].name);
      }
    }
    return out;
  };
  EXPECT_TRUE(leaders("The banker, Mr Ivan Medvedev, spoke.\n").empty());
  EXPECT_EQ(leaders("Then President Medvedev spoke.\n"),
            (std::vector<std::string>{"Dmitry Medvedev"}));
  EXPECT_EQ(leaders("Then General Medvedev spoke.\n"),
            (std::vector<std::string>{"Dmitry Medvedev"}));
  EXPECT_EQ(leaders("Medvedev spoke.\n"), (std::vector<std::string>{"Dmitry Medvedev"}));
}

}  // namespace
}  // namespace parley::ingest
