#include "ingest/sentences.h"

#include <gtest/gtest.h>

namespace parley::ingest {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text, {})) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentencesTest, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Split("Mr. Smith met Gen. Jones. They talked."),
            (std::vector<std::string>{"Mr. Smith met Gen. Jones.", "They talked."}));
  EXPECT_EQ(Split("George W. Bush spoke. J. R. Ewing left."),
            (std::vector<std::string>{"George W. Bush spoke.", "J. R. Ewing left."}));
}

TEST(SentencesTest, InitialismEndsSentenceOnlyBeforeAnOpener) {
  EXPECT_EQ(Split("He flew to the U.S. The talks began."),
            (std::vector<std::string>{"He flew to the U.S.", "The talks began."}));
  EXPECT_EQ(Split("A U.S. Navy ship docked."),
            (std::vector<std::string>{"A U.S. Navy ship docked."}));
  EXPECT_EQ(Split("Putin met U.S. President Joe Biden, U.S. officials said."),
            (std::vector<std::string>{"Putin met U.S. President Joe Biden, U.S. officials said."}));
}

TEST(SentencesTest, QuotesStayWithTheirSentence) {
  EXPECT_EQ(Split("\"We agree,\" he said. \"Good.\" They left."),
            (std::vector<std::string>{"\"We agree,\" he said.", "\"Good.\"", "They left."}));
  EXPECT_EQ(Split("She said \"no.\" then left."),
            (std::vector<std::string>{"She said \"no.\" then left."}));
}

TEST(SentencesTest, LineBreaksEndSentencesAndNumberParagraphs) {
  std::vector<SentenceSpan> spans = SplitSentences("Headline\nFirst one. Second one.\n", {});
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].paragraph, 0u);
  EXPECT_EQ(spans[2].paragraph, 1u);
}

// A run of text with no sentence end (a page without punctuation) is cut into pieces no
// longer than kMaxSentenceBytes, at spaces, losing nothing but the spaces cut at.
TEST(SentencesTest, RunsLongerThanAnySentenceAreCutAtSpaces) {
  std::string run;
  for (int i = 0; run.size() < 40000; ++i) run += "word" + std::to_string(i % 97) + " ";
  run.pop_back();
  std::vector<SentenceSpan> spans = SplitSentences(run, {});
  ASSERT_GT(spans.size(), 19u);
  std::size_t kept = 0;
  for (const SentenceSpan& s : spans) {
    EXPECT_LE(s.end - s.begin, kMaxSentenceBytes);
    EXPECT_NE(run[s.begin], ' ');
    EXPECT_NE(run[s.end - 1], ' ');
    kept += s.end - s.begin;
  }
  EXPECT_EQ(kept + spans.size() - 1, run.size());
  // Without spaces the cut falls between UTF-8 characters.
  std::string unbroken;
  while (unbroken.size() < 5000) unbroken += "\xC3\xA9";
  for (const SentenceSpan& s : SplitSentences(unbroken, {})) {
    EXPECT_LE(s.end - s.begin, kMaxSentenceBytes);
    EXPECT_NE(static_cast<unsigned char>(unbroken[s.begin]) & 0xC0, 0x80);
  }
  // Ordinary sentences are untouched.
  EXPECT_EQ(Split("Putin met Bush. They talked.").size(), 2u);
}

}  // namespace
}  // namespace parley::ingest
