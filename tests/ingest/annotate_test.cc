// Mention detection (ingest/annotate.h), in particular an Annotator extended with an
// article's own leaders and issues: it must annotate exactly as one built from scratch.
#include "ingest/annotate.h"

#include <gtest/gtest.h>

#include <string>
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
  return static_cast<std::size_t>(lex.FindIssue(name) - lex.issues().data());
}

constexpr std::string_view kText =
    "President Jan Novak met George W. Bush, whom reporters call Dubya, in Moscow. "
    "They discussed the shield and the ABM treaty. "
    "The radar plans and the grain corridor stayed open questions. "
    "Russia opposes the grain corridor.\n";

// The fixture lexicon as an article would extend it: a leader it lacks, an alias of a leader
// it has, a short form of one issue that is already a trigger of a later one, an open topic.
Lexicon Extended(const Lexicon& base) {
  Lexicon extended = base;
  extended.LoadText(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Jan Novak\tNovak\tFrance\tPresident\t\t\n"
      "George W. Bush\tDubya\tUnited States\tPresident\t2001-01-20\t2009-01-20\n",
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
  EXPECT_EQ(extending.name_words().count("novak"), 1u);
  EXPECT_EQ(extending.name_words(), from_scratch.name_words());
  const LeaderEntry* novak = extended.FindLeader("Jan Novak");
  ASSERT_NE(novak, nullptr);
  auto novak_index = static_cast<std::uint32_t>(novak - extended.leaders().data());
  EXPECT_EQ(extending.index().term_country[novak_index],
            from_scratch.index().term_country[novak_index]);
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

}  // namespace
}  // namespace parley::ingest
