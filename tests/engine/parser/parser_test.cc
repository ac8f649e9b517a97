#include "engine/parser/parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "tests/engine/parser/parse_test_util.h"

namespace parley::parser {
namespace {

TEST(ParserTest, KeywordsAreCaseInsensitive) {
  EXPECT_EQ(Canon("match (n) where n.x = 1 return distinct n order by n.y desc limit 1"),
            Canon("MATCH (n) WHERE n.x = 1 RETURN DISTINCT n ORDER BY n.y DESC LIMIT 1"));
  EXPECT_EQ(Canon("MaTcH (n) ReTuRn n"), "MATCH (n) RETURN n");
  EXPECT_EQ(Expr("TRUE AND false OR NuLl"), "((true AND false) OR null)");
}

TEST(ParserTest, IdentifiersKeepTheirCase) {
  EXPECT_EQ(Canon("MATCH (Node:Person) RETURN Node.Name"), "MATCH (Node:Person) RETURN Node.Name");
}

TEST(ParserTest, BacktickQuotedNames) {
  ast::Statement s = Parse("MATCH (`my node`:`a``b`) RETURN `my node`.`the key` AS `x y`");
  const auto& match = std::get<ast::MatchClause>(s.query().parts[0].clauses[0]);
  EXPECT_EQ(match.pattern[0].nodes[0].variable, "my node");
  EXPECT_EQ(match.pattern[0].nodes[0].labels[0], "a`b");
  const auto& ret = std::get<ast::ReturnClause>(s.query().parts[0].clauses[1]);
  EXPECT_EQ(ret.projection.items[0].expr->name, "the key");
  EXPECT_EQ(ret.projection.items[0].alias, "x y");
}

TEST(ParserTest, KeywordsUsableAsNames) {
  EXPECT_EQ(Canon("MATCH (count) RETURN count.count AS count"),
            "MATCH (count) RETURN count.count AS count");
  EXPECT_EQ(Canon("WITH 1 AS index, 2 AS labels RETURN index + labels"),
            "WITH 1 AS index, 2 AS labels RETURN (index + labels)");
  EXPECT_EQ(Canon("CALL db.labels() YIELD label RETURN label"),
            "CALL db.labels() YIELD label RETURN label");
}

TEST(ParserTest, CommentsAndWhitespaceAreIgnored) {
  EXPECT_EQ(Canon("// leading\nMATCH (n) /* inline\n comment */ RETURN n // trailing"),
            "MATCH (n) RETURN n");
  EXPECT_EQ(Canon("\n\t  RETURN 1  \n"), "RETURN 1");
}

TEST(ParserTest, CommentMarkersInsideStringsAreText) {
  ast::Statement s = Parse("RETURN '// not a comment /* nor this */' AS s");
  const auto& ret = std::get<ast::ReturnClause>(s.query().parts[0].clauses[0]);
  EXPECT_EQ(ret.projection.items[0].expr->literal, Value("// not a comment /* nor this */"));
}

TEST(ParserTest, OneTrailingSemicolonIsAllowed) {
  EXPECT_EQ(Canon("RETURN 1;"), "RETURN 1");
  EXPECT_EQ(Canon("RETURN 1 ; // done"), "RETURN 1");
  EXPECT_EQ(ParseError("RETURN 1;;").kind(), ErrorKind::kSyntaxError);
}

TEST(ParserTest, SecondStatementIsSyntaxError) {
  Error e = ParseError("RETURN 1; RETURN 2");
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(e.detail(), "UnexpectedSyntax");
  EXPECT_EQ(e.pos(), (SourcePos{1, 11}));
}

TEST(ParserTest, EmptyInputIsSyntaxError) {
  EXPECT_EQ(ParseError("").kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(ParseError("  // only a comment").kind(), ErrorKind::kSyntaxError);
}

TEST(ParserTest, ExplainAndProfile) {
  EXPECT_EQ(Parse("EXPLAIN MATCH (n) RETURN n").explain, ast::ExplainMode::kExplain);
  EXPECT_EQ(Parse("profile RETURN 1").explain, ast::ExplainMode::kProfile);
  EXPECT_EQ(Parse("RETURN 1").explain, ast::ExplainMode::kNone);
  EXPECT_EQ(Canon("EXPLAIN SHOW LABELS"), "EXPLAIN SHOW LABELS");
}

TEST(ParserTest, StatementKeepsFullText) {
  std::string text = "  MATCH (n)\nRETURN n;  ";
  EXPECT_EQ(Parse(text).text, text);
}

TEST(ParserTest, PositionsCountLinesAndCodePoints) {
  ast::Statement s = Parse("RETURN 'ö',\n  x");
  const auto& items = std::get<ast::ReturnClause>(s.query().parts[0].clauses[0]).projection.items;
  EXPECT_EQ(items[0].pos, (SourcePos{1, 8}));
  EXPECT_EQ(items[1].pos, (SourcePos{2, 3}));
  ast::Statement t = Parse("RETURN 'åäö', y");
  const auto& t_items = std::get<ast::ReturnClause>(t.query().parts[0].clauses[0]).projection.items;
  EXPECT_EQ(t_items[1].pos, (SourcePos{1, 15}));  // columns count code points, not bytes
}

TEST(ParserTest, ParsesTheShellsSignatureQuery) {
  ast::Statement s = Parse(
      "MATCH (:Leader {name: 'George W. Bush'})-[:MET_AT]->(s:Summit)<-[:MET_AT]-"
      "(:Leader {name: 'Vladimir Putin'})\n"
      "WITH collect(DISTINCT s) AS summits\n"
      "UNWIND summits AS s\n"
      "MATCH (s)-[:DISPUTED]->(i:Issue)\n"
      "WITH i, summits, count(DISTINCT s) AS n\n"
      "WHERE n = size(summits)\n"
      "RETURN i.name AS issue;");
  EXPECT_EQ(s.query().parts[0].clauses.size(), 6u);
  EXPECT_TRUE(ast::IsReadOnly(s));
}

TEST(ParserTest, ModerateNestingParses) {
  std::string q = "RETURN " + std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_EQ(Canon(q), "RETURN 1");
}

TEST(ParserTest, ExcessiveNestingIsRefusedNotACrash) {
  std::string parens = "RETURN " + std::string(20000, '(') + "1" + std::string(20000, ')');
  Error e = ParseError(parens);
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  EXPECT_THAT(std::string(e.message()), ::testing::HasSubstr("nested too deeply"));
  std::string lists = "RETURN " + std::string(20000, '[') + std::string(20000, ']');
  EXPECT_EQ(ParseError(lists).kind(), ErrorKind::kSyntaxError);
  std::string nots = "RETURN ";
  for (int i = 0; i < 20000; ++i) nots += "NOT ";
  EXPECT_EQ(ParseError(nots + "true").kind(), ErrorKind::kSyntaxError);
}

TEST(ParserTest, ConcurrentParsesAgreeWithSequentialOnes) {
  const std::vector<std::string> queries = {
      "MATCH (a:A {x: 1})-[:T*1..2]->(b) WHERE b.y > 2 RETURN a, count(*) ORDER BY a.z",
      "UNWIND [1, 2, 3] AS x WITH x WHERE x % 2 = 1 RETURN collect(x) AS odd",
      "MERGE (n:L {k: $k}) ON CREATE SET n.c = timestamp() RETURN n",
      "RETURN [x IN range(1, 5) WHERE x > 2 | x ^ 2], {a: -9223372036854775808}",
      "MATCH (n) WHERE exists { (n)-->(:B) } RETURN n {.name, .*} AS m",
  };
  std::vector<std::string> expected;
  for (const std::string& q : queries) expected.push_back(Canon(q));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
          if (Canon(queries[(i + t) % queries.size()]) != expected[(i + t) % queries.size()]) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches, (std::vector<int>{0, 0, 0, 0}));
}

}  // namespace
}  // namespace parley::parser
