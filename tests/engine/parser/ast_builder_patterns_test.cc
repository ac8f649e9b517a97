#include <gtest/gtest.h>

#include "tests/engine/parser/parse_test_util.h"

namespace parley::parser {
namespace {

const ast::Pattern& MatchPattern(const ast::Statement& s) {
  return std::get<ast::MatchClause>(s.query().parts[0].clauses[0]).pattern;
}

TEST(AstBuilderPatternsTest, NodePatternParts) {
  ast::Statement s = Parse("MATCH (n:Person:`Head of State` {name: 'x', age: 3}) RETURN n");
  const ast::NodePattern& n = MatchPattern(s)[0].nodes[0];
  EXPECT_EQ(n.variable, "n");
  EXPECT_EQ(n.labels, (std::vector<std::string>{"Person", "Head of State"}));
  ASSERT_NE(n.properties, nullptr);
  EXPECT_EQ(n.properties->kind, ast::ExprKind::kMap);
  EXPECT_EQ(n.pos, (SourcePos{1, 7}));
  EXPECT_EQ(n.variable_pos, (SourcePos{1, 8}));
}

TEST(AstBuilderPatternsTest, AnonymousNodesAndParameterProperties) {
  ast::Statement s = Parse("MATCH (), (:A $props) RETURN 1");
  const ast::Pattern& p = MatchPattern(s);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(p[0].nodes[0].variable.empty());
  EXPECT_EQ(p[1].nodes[0].properties->kind, ast::ExprKind::kParameter);
}

TEST(AstBuilderPatternsTest, RelationshipDirections) {
  ast::Statement s = Parse("MATCH (a)-->(b)<--(c)--(d)<-->(e)-[r]->(f) RETURN 1");
  const ast::PatternPart& part = MatchPattern(s)[0];
  ASSERT_EQ(part.rels.size(), 5u);
  ASSERT_EQ(part.nodes.size(), 6u);
  EXPECT_EQ(part.rels[0].direction, ast::RelDirection::kRight);
  EXPECT_EQ(part.rels[1].direction, ast::RelDirection::kLeft);
  EXPECT_EQ(part.rels[2].direction, ast::RelDirection::kNone);
  EXPECT_EQ(part.rels[3].direction, ast::RelDirection::kBoth);
  EXPECT_EQ(part.rels[4].variable, "r");
  EXPECT_EQ(ast::ToString(part), "(a)-->(b)<--(c)--(d)<-->(e)-[r]->(f)");
}

TEST(AstBuilderPatternsTest, RelationshipTypeAlternatives) {
  EXPECT_EQ(Canon("MATCH (a)-[r:KNOWS|:LIKES|HATES {since: 1}]-(b) RETURN r"),
            "MATCH (a)-[r:KNOWS|LIKES|HATES {since: 1}]-(b) RETURN r");
}

TEST(AstBuilderPatternsTest, VariableLengthRanges) {
  ast::Statement s =
      Parse("MATCH (a)-[*]->(b)-[*2]->(c)-[*1..3]->(d)-[*..4]->(e)-[*2..]->(f) RETURN 1");
  const auto& rels = MatchPattern(s)[0].rels;
  ASSERT_EQ(rels.size(), 5u);
  auto range = [&](int i) {
    const auto& v = *rels[i].var_length;
    return std::make_pair(v.min.value_or(-1), v.max.value_or(-1));
  };
  EXPECT_EQ(range(0), std::make_pair(std::int64_t{-1}, std::int64_t{-1}));
  EXPECT_EQ(range(1), std::make_pair(std::int64_t{2}, std::int64_t{2}));
  EXPECT_EQ(range(2), std::make_pair(std::int64_t{1}, std::int64_t{3}));
  EXPECT_EQ(range(3), std::make_pair(std::int64_t{-1}, std::int64_t{4}));
  EXPECT_EQ(range(4), std::make_pair(std::int64_t{2}, std::int64_t{-1}));
  EXPECT_FALSE(MatchPattern(Parse("MATCH (a)-[r]->(b) RETURN 1"))[0].rels[0].var_length);
  EXPECT_EQ(Canon("MATCH (a)-[r:T*1..2 {x: 1}]->(b) RETURN r"),
            "MATCH (a)-[r:T*1..2 {x: 1}]->(b) RETURN r");
}

TEST(AstBuilderPatternsTest, MalformedRangesAreInvalidRelationshipPatterns) {
  Error missing_star = ParseError("MATCH (a)-[:LIKES..]->(c) RETURN a");
  EXPECT_EQ(missing_star.kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(missing_star.detail(), "InvalidRelationshipPattern");
  EXPECT_EQ(missing_star.pos(), (SourcePos{1, 18}));
  EXPECT_EQ(ParseError("MATCH (a)-[:LIKES*-2]->(c) RETURN a").detail(),
            "InvalidRelationshipPattern");
}

TEST(AstBuilderPatternsTest, PathVariablesAndShortestPaths) {
  ast::Statement s = Parse(
      "MATCH p = shortestPath((a)-[*]-(b)), q = allShortestPaths((a)-->(c)) "
      "RETURN p");
  const ast::Pattern& p = MatchPattern(s);
  EXPECT_EQ(p[0].path_variable, "p");
  EXPECT_EQ(p[0].path_kind, ast::PathKind::kShortestPath);
  EXPECT_EQ(p[1].path_kind, ast::PathKind::kAllShortestPaths);
  EXPECT_EQ(ast::ToString(p), "p = shortestPath((a)-[*]-(b)), q = allShortestPaths((a)-->(c))");
}

TEST(AstBuilderPatternsTest, ParenthesisedChainsAreFlattened) {
  EXPECT_EQ(Canon("MATCH ((a)-->(b)) RETURN a"), "MATCH (a)-->(b) RETURN a");
}

TEST(AstBuilderPatternsTest, KeywordsAsLabelsAndTypes) {
  EXPECT_EQ(Canon("MATCH (n:Match)-[:RETURN]->(m:`Order`) RETURN n"),
            "MATCH (n:Match)-[:RETURN]->(m:Order) RETURN n");
}

}  // namespace
}  // namespace parley::parser
