#include "shell/statement_splitter.h"

#include <gtest/gtest.h>

namespace parley::shell {
namespace {

std::vector<std::string> Texts(const SplitResult& r) {
  std::vector<std::string> out;
  for (const auto& s : r.statements) out.push_back(s.text);
  return out;
}

TEST(StatementSplitterTest, SplitsOnSemicolonsAndDropsEmptyStatements) {
  SplitResult r = SplitStatements("RETURN 1; RETURN 2;;  ;");
  EXPECT_EQ(Texts(r), (std::vector<std::string>{"RETURN 1", " RETURN 2"}));
  EXPECT_TRUE(r.complete);
  EXPECT_FALSE(r.open_construct);
}

TEST(StatementSplitterTest, LastStatementWithoutSemicolonIsIncomplete) {
  SplitResult r = SplitStatements("RETURN 1;\nRETURN 2");
  ASSERT_EQ(r.statements.size(), 2u);
  EXPECT_EQ(r.statements[1].text, "\nRETURN 2");
  EXPECT_FALSE(r.complete);
}

TEST(StatementSplitterTest, SemicolonsInsideStringsAndIdentifiersDoNotSplit) {
  SplitResult r =
      SplitStatements("RETURN 'a;b', \"c;d\", 'it\\'s;', \"q\\\";\" AS `x;y`; RETURN `a``;b`;");
  EXPECT_EQ(Texts(r),
            (std::vector<std::string>{"RETURN 'a;b', \"c;d\", 'it\\'s;', \"q\\\";\" AS `x;y`",
                                      " RETURN `a``;b`"}));
}

TEST(StatementSplitterTest, SemicolonsInsideCommentsDoNotSplit) {
  SplitResult r = SplitStatements("RETURN 1 // one; two\n; /* a; b */ RETURN 2;");
  EXPECT_EQ(Texts(r), (std::vector<std::string>{"RETURN 1 // one; two\n", " /* a; b */ RETURN 2"}));
}

TEST(StatementSplitterTest, TrailingCommentsAreNotAStatement) {
  SplitResult r = SplitStatements("RETURN 1; // done\n/* really */\n");
  EXPECT_EQ(r.statements.size(), 1u);
  EXPECT_TRUE(r.complete);
}

TEST(StatementSplitterTest, UnterminatedStringIsAnOpenConstruct) {
  SplitResult r = SplitStatements("RETURN 'abc;");
  ASSERT_EQ(r.statements.size(), 1u);
  EXPECT_TRUE(r.open_construct);
  EXPECT_FALSE(r.complete);
  EXPECT_TRUE(SplitStatements("RETURN 1 /* open;").open_construct);
  EXPECT_TRUE(SplitStatements("RETURN `x;").open_construct);
}

TEST(StatementSplitterTest, KeepsStartLineAndColumnOfEachStatement) {
  SplitResult r = SplitStatements("RETURN 1;  RETURN 2;\nMATCH (n)\nRETURN n;");
  ASSERT_EQ(r.statements.size(), 3u);
  EXPECT_EQ(r.statements[0].line, 1u);
  EXPECT_EQ(r.statements[0].column, 1u);
  EXPECT_EQ(r.statements[1].line, 1u);
  EXPECT_EQ(r.statements[1].column, 10u);
  EXPECT_EQ(r.statements[2].line, 1u);
  EXPECT_EQ(r.statements[2].column, 21u);
}

TEST(StatementSplitterTest, ColumnsCountCodePointsNotBytes) {
  SplitResult r = SplitStatements("RETURN 'äö';RETURN 2;");
  ASSERT_EQ(r.statements.size(), 2u);
  EXPECT_EQ(r.statements[1].column, 13u);
}

TEST(StatementSplitterTest, MapsStatementPositionsBackToTheInput) {
  SplitResult r = SplitStatements("RETURN 1;  RETURN x;\nRETURN\n  y;");
  ASSERT_EQ(r.statements.size(), 3u);
  // " RETURN x": `x` is at column 10 of the statement, column 19 of the input.
  EXPECT_EQ(r.statements[1].ToInputPos({1, 10}), (SourcePos{1, 19}));
  // "\nRETURN\n  y": `y` is at line 3, column 3 of the statement: line 3 of the input.
  EXPECT_EQ(r.statements[2].ToInputPos({3, 3}), (SourcePos{3, 3}));
  EXPECT_FALSE(r.statements[2].ToInputPos({}).known());
}

TEST(StatementSplitterTest, BlankStatementDetection) {
  EXPECT_TRUE(IsBlankStatement("  \n\t// x\n/* y */"));
  EXPECT_FALSE(IsBlankStatement(" /* y */ RETURN 1"));
  EXPECT_FALSE(IsBlankStatement("'//'"));
}

}  // namespace
}  // namespace parley::shell
