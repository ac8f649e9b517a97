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

}  // namespace
}  // namespace parley::ingest
