#include "ingest/phrase_trie.h"

#include <gtest/gtest.h>

namespace parley::ingest {
namespace {

std::vector<PhraseTrie::Match> Find(const PhraseTrie& trie, std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<PhraseTrie::Match> out;
  trie.FindAll(tokens, trie.Encode(tokens), &out);
  return out;
}

TEST(PhraseTrieTest, CapitalisedWordsMatchCaseSensitively) {
  PhraseTrie trie;
  trie.Add("US", 1, true);
  trie.Add("the Kremlin", 2, true);
  EXPECT_EQ(Find(trie, "the U.S. plan").size(), 1u);
  EXPECT_EQ(Find(trie, "told us").size(), 0u);
  ASSERT_EQ(Find(trie, "The Kremlin said").size(), 1u);
  EXPECT_EQ(Find(trie, "THE KREMLIN said").size(), 1u);
}

TEST(PhraseTrieTest, ReportsEveryLengthAtEachStart) {
  PhraseTrie trie;
  trie.Add("missile defense", 1, false);
  trie.Add("missile defense system", 2, false);
  std::vector<PhraseTrie::Match> m = Find(trie, "a Missile Defense System here");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].payload, 1u);
  EXPECT_EQ(m[1].end - m[1].begin, 3u);
}

TEST(PhraseTrieTest, GapsSkipOnlySkippableWords) {
  PhraseTrie trie;
  trie.AddSkippable("yesterday");
  trie.Add("failed to", 7, false, true);
  EXPECT_EQ(Find(trie, "they failed yesterday to agree").size(), 1u);
  EXPECT_EQ(Find(trie, "they failed badly to agree").size(), 0u);
}

TEST(PhraseTrieTest, OnlyGapAllowingPhrasesSkipWhereTheyShareAPrefix) {
  PhraseTrie trie;
  trie.AddSkippable("yesterday");
  trie.Add("failed to", 7, false, true);
  trie.Add("failed talks", 8, false);  // no gaps: "failed yesterday talks" is not it
  std::vector<PhraseTrie::Match> m = Find(trie, "failed yesterday talks, failed yesterday to");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].payload, 7u);
  EXPECT_EQ(Find(trie, "the failed talks").size(), 1u);
}

TEST(PhraseTrieTest, PayloadsOfTakesExactKeysInAnyCase) {
  PhraseTrie trie;
  trie.Add("Missile Defense", 1, true);
  trie.Add("missile defense", 2, false);
  trie.Add("missile defense system", 3, false);
  EXPECT_EQ(trie.PayloadsOf({"missile", "defense"}), (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(trie.PayloadsOf({"missile"}), std::vector<std::uint32_t>{});
  EXPECT_EQ(trie.PayloadsOf({"missile", "defence"}), std::vector<std::uint32_t>{});
  EXPECT_EQ(trie.PayloadsOf({}), std::vector<std::uint32_t>{});
}

}  // namespace
}  // namespace parley::ingest
