#include "ingest/tokens.h"

#include <gtest/gtest.h>

namespace parley::ingest {
namespace {

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.key);
  return out;
}

TEST(TokensTest, InitialismsBecomeOneToken) {
  EXPECT_EQ(Keys("the U.S. plan"), (std::vector<std::string>{"the", "us", "plan"}));
  EXPECT_EQ(Keys("George H. W. Bush"), (std::vector<std::string>{"george", "hw", "bush"}));
  EXPECT_EQ(Keys("George H.W. Bush"), (std::vector<std::string>{"george", "hw", "bush"}));
  EXPECT_EQ(Keys("George W. Bush"), (std::vector<std::string>{"george", "w", "bush"}));
}

TEST(TokensTest, PossessivesAndNegationsSplitOff) {
  EXPECT_EQ(Keys("Russia's plan"), (std::vector<std::string>{"russia", "'s", "plan"}));
  EXPECT_EQ(Keys("Putin 's aides"), (std::vector<std::string>{"putin", "'s", "aides"}));
  EXPECT_EQ(Keys("hasn't agreed"), (std::vector<std::string>{"has", "n't", "agreed"}));
  EXPECT_EQ(Keys("O'Neill said"), (std::vector<std::string>{"o'neill", "said"}));
}

TEST(TokensTest, PunctuationIsTokenButPeriodsAreNot) {
  EXPECT_EQ(Keys("Mr. Bush, today."), (std::vector<std::string>{"mr", "bush", ",", "today"}));
  EXPECT_EQ(Keys("US-Russia"), (std::vector<std::string>{"us", "-", "russia"}));
}

TEST(TokensTest, SurfaceKeepsCase) {
  std::vector<Token> t = Tokenize("U.S. us");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].surface, "US");
  EXPECT_EQ(t[1].surface, "us");
  EXPECT_TRUE(t[0].AllCaps());
  EXPECT_FALSE(t[1].Capitalized());
}

TEST(TokensTest, ACapitalOutsideAsciiIsACapital) {
  std::vector<Token> t = Tokenize("\xC3\x89mile \xC3\xA9mile \xC5\x9E" "avkat 1990");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].Capitalized());   // Émile
  EXPECT_FALSE(t[1].Capitalized());  // émile
  EXPECT_TRUE(t[2].Capitalized());   // Şavkat
  EXPECT_FALSE(t[3].Capitalized());
}

TEST(TokensTest, FoldingDiacriticsKeepsCaseAndLeavesAsciiAlone) {
  EXPECT_EQ(FoldDiacritics("Sánchez"), "Sanchez");
  EXPECT_EQ(FoldDiacritics("ÓSCAR"), "OSCAR");
  EXPECT_EQ(FoldDiacritics("Løkke"), "Lokke");
  EXPECT_EQ(FoldDiacritics("Wałęsa"), "Walesa");
  EXPECT_EQ(FoldDiacritics("Erdoğan"), "Erdogan");
  EXPECT_EQ(FoldDiacritics("Nguyễn"), "Nguyen");
  EXPECT_EQ(FoldDiacritics("Tuilaʻepa"), "Tuilaepa");
  EXPECT_EQ(FoldDiacritics("Putin"), "Putin");
  EXPECT_TRUE(IsAscii("Putin"));
  EXPECT_FALSE(IsAscii("Sánchez"));
  // Bytes that are no UTF-8 are returned as they are.
  EXPECT_EQ(FoldDiacritics("a\xff"), "a\xff");
}

}  // namespace
}  // namespace parley::ingest
