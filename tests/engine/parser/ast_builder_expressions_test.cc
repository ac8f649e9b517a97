#include <gtest/gtest.h>

#include "tests/engine/parser/parse_test_util.h"

namespace parley::parser {
namespace {

const ast::Expr& FirstItem(const ast::Statement& s) {
  return *std::get<ast::ReturnClause>(s.query().parts[0].clauses[0]).projection.items[0].expr;
}

TEST(AstBuilderExpressionsTest, BooleanOperatorsBindOrLooserThanXorLooserThanAnd) {
  EXPECT_EQ(Expr("a OR b XOR c AND d"), "(a OR (b XOR (c AND d)))");
  EXPECT_EQ(Expr("a AND b OR c"), "((a AND b) OR c)");
  EXPECT_EQ(Expr("a OR b OR c"), "((a OR b) OR c)");
}

TEST(AstBuilderExpressionsTest, NotBindsLooserThanComparison) {
  EXPECT_EQ(Expr("NOT a = b"), "(NOT (a = b))");
  EXPECT_EQ(Expr("NOT NOT a"), "(NOT (NOT a))");
  EXPECT_EQ(Expr("NOT a AND b"), "((NOT a) AND b)");
}

TEST(AstBuilderExpressionsTest, ComparisonsChain) {
  ast::Statement s = Parse("RETURN 1 < 2 <= 3 <> 4");
  const ast::Expr& e = FirstItem(s);
  ASSERT_EQ(e.kind, ast::ExprKind::kComparison);
  ASSERT_EQ(e.children.size(), 4u);
  EXPECT_EQ(e.compare_ops, (std::vector<ast::CompareOp>{ast::CompareOp::kLt, ast::CompareOp::kLe,
                                                        ast::CompareOp::kNe}));
  EXPECT_EQ(Expr("a = b > c >= d"), "(a = b > c >= d)");
}

TEST(AstBuilderExpressionsTest, PredicatesBindTighterThanComparisonLooserThanArithmetic) {
  EXPECT_EQ(Expr("a + 1 IN list = true"), "(((a + 1) IN list) = true)");
  EXPECT_EQ(Expr("a STARTS WITH b + 'x'"), "(a STARTS WITH (b + 'x'))");
  EXPECT_EQ(Expr("a ENDS WITH b"), "(a ENDS WITH b)");
  EXPECT_EQ(Expr("a CONTAINS b"), "(a CONTAINS b)");
  EXPECT_EQ(Expr("a =~ 'x.*'"), "(a =~ 'x.*')");
  EXPECT_EQ(Expr("a + b IS NULL"), "((a + b) IS NULL)");
  EXPECT_EQ(Expr("a IS NOT NULL AND b IS NULL"), "((a IS NOT NULL) AND (b IS NULL))");
  EXPECT_EQ(Expr("x IN [1] IS NULL"), "((x IN [1]) IS NULL)");
}

TEST(AstBuilderExpressionsTest, ArithmeticPrecedenceAndLeftAssociativity) {
  EXPECT_EQ(Expr("1 + 2 * 3"), "(1 + (2 * 3))");
  EXPECT_EQ(Expr("1 - 2 - 3"), "((1 - 2) - 3)");
  EXPECT_EQ(Expr("8 / 4 % 3 * 2"), "(((8 / 4) % 3) * 2)");
  EXPECT_EQ(Expr("2 * 3 ^ 2"), "(2 * (3 ^ 2))");
  EXPECT_EQ(Expr("2 ^ 3 ^ 2"), "((2 ^ 3) ^ 2)");  // ^ is left-associative in openCypher
}

TEST(AstBuilderExpressionsTest, UnaryMinusBindsTighterThanPower) {
  EXPECT_EQ(Expr("-x ^ 2"), "((-x) ^ 2)");
  EXPECT_EQ(Expr("-3 ^ 2"), "(-3 ^ 2)");  // -3 is one literal
  EXPECT_EQ(Expr("-(3 ^ 2)"), "(-(3 ^ 2))");
  EXPECT_EQ(Expr("- -x"), "(-(-x))");
  EXPECT_EQ(Expr("+x"), "(+x)");
  EXPECT_EQ(Expr("-n.x"), "(-n.x)");
}

TEST(AstBuilderExpressionsTest, PostfixOperators) {
  EXPECT_EQ(Expr("n.a.b"), "n.a.b");
  EXPECT_EQ(Expr("list[0][1]"), "list[0][1]");
  EXPECT_EQ(Expr("list[1..3]"), "list[1..3]");
  EXPECT_EQ(Expr("list[..3]"), "list[..3]");
  EXPECT_EQ(Expr("list[1..]"), "list[1..]");
  EXPECT_EQ(Expr("n.list[0].x"), "n.list[0].x");
  EXPECT_EQ(Expr("{a: 1}.a"), "{a: 1}.a");
  EXPECT_EQ(Expr("(n).name"), "n.name");
}

TEST(AstBuilderExpressionsTest, LabelPredicate) {
  ast::Statement s = Parse("RETURN n:A:B");
  const ast::Expr& e = FirstItem(s);
  ASSERT_EQ(e.kind, ast::ExprKind::kLabelPredicate);
  EXPECT_EQ(e.labels, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(Expr("NOT n:A AND n:`B C`"), "((NOT (n:A)) AND (n:`B C`))");
}

TEST(AstBuilderExpressionsTest, KeywordsAsPropertyKeysAndMapKeys) {
  EXPECT_EQ(Expr("n.count"), "n.count");
  EXPECT_EQ(Expr("n.match + n.return"), "(n.match + n.return)");
  EXPECT_EQ(Expr("{where: 1, null: 2}"), "{where: 1, null: 2}");
}

TEST(AstBuilderExpressionsTest, FunctionCalls) {
  ast::Statement s = Parse("RETURN count(DISTINCT n.x)");
  const ast::Expr& e = FirstItem(s);
  ASSERT_EQ(e.kind, ast::ExprKind::kFunctionCall);
  EXPECT_EQ(e.name, "count");
  EXPECT_TRUE(e.distinct);
  EXPECT_EQ(Expr("count(*)"), "count(*)");
  EXPECT_EQ(Expr("COUNT(*)"), "count(*)");
  EXPECT_EQ(Expr("date.truncate('day', d)"), "date.truncate('day', d)");
  EXPECT_EQ(Expr("toUpper(coalesce(a, 'x'))"), "toUpper(coalesce(a, 'x'))");
  EXPECT_EQ(Expr("exists(n.prop)"), "exists(n.prop)");
  EXPECT_EQ(Expr("rand()"), "rand()");
}

TEST(AstBuilderExpressionsTest, CountStarIsItsOwnKind) {
  ast::Statement s = Parse("RETURN count ( * )");
  EXPECT_EQ(FirstItem(s).kind, ast::ExprKind::kCountStar);
}

TEST(AstBuilderExpressionsTest, CaseForms) {
  EXPECT_EQ(Expr("CASE n.x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END"),
            "CASE n.x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END");
  EXPECT_EQ(Expr("CASE WHEN a > 1 THEN 'a' END"), "CASE WHEN (a > 1) THEN 'a' END");
  ast::Statement s = Parse("RETURN CASE WHEN true THEN 1 END");
  EXPECT_EQ(FirstItem(s).case_subject, nullptr);
  EXPECT_EQ(FirstItem(s).case_else, nullptr);
}

TEST(AstBuilderExpressionsTest, ListAndMapLiterals) {
  EXPECT_EQ(Expr("[]"), "[]");
  EXPECT_EQ(Expr("[1, 'a', [null]]"), "[1, 'a', [null]]");
  EXPECT_EQ(Expr("{}"), "{}");
  EXPECT_EQ(Expr("{a: 1, `b c`: {d: true}}"), "{a: 1, `b c`: {d: true}}");
}

TEST(AstBuilderExpressionsTest, ListComprehensions) {
  EXPECT_EQ(Expr("[x IN list WHERE x > 1 | x * 2]"), "[x IN list WHERE (x > 1) | (x * 2)]");
  EXPECT_EQ(Expr("[x IN list | x.name]"), "[x IN list | x.name]");
  EXPECT_EQ(Expr("[x IN list WHERE x.ok]"), "[x IN list WHERE x.ok]");
  ast::Statement s = Parse("RETURN [x IN range(1, 3)]");
  const ast::Expr& e = FirstItem(s);
  ASSERT_EQ(e.kind, ast::ExprKind::kListComprehension);
  EXPECT_EQ(e.variable, "x");
  EXPECT_EQ(e.variable_pos, (SourcePos{1, 9}));
}

TEST(AstBuilderExpressionsTest, PatternComprehension) {
  EXPECT_EQ(Expr("[(a)-[:T]->(b) WHERE b.x > 1 | b.name]"),
            "[(a)-[:T]->(b) WHERE (b.x > 1) | b.name]");
  EXPECT_EQ(Expr("[p = (a)-->() | p]"), "[p = (a)-->() | p]");
}

TEST(AstBuilderExpressionsTest, QuantifiersAndReduce) {
  EXPECT_EQ(Expr("all(x IN l WHERE x > 0)"), "all(x IN l WHERE (x > 0))");
  EXPECT_EQ(Expr("ANY(x IN l WHERE x)"), "any(x IN l WHERE x)");
  EXPECT_EQ(Expr("none(x IN l WHERE x)"), "none(x IN l WHERE x)");
  EXPECT_EQ(Expr("single(x IN l WHERE x)"), "single(x IN l WHERE x)");
  EXPECT_EQ(Expr("reduce(acc = 0, x IN l | acc + x)"), "reduce(acc = 0, x IN l | (acc + x))");
}

TEST(AstBuilderExpressionsTest, ParametersByNameAndPosition) {
  EXPECT_EQ(Expr("$name"), "$name");
  EXPECT_EQ(Expr("$0"), "$0");
  EXPECT_EQ(Expr("$`odd name`"), "$`odd name`");
  EXPECT_EQ(Expr("$limit"), "$limit");
}

TEST(AstBuilderExpressionsTest, MapProjection) {
  ast::Statement s = Parse("RETURN n {.name, .*, age: n.age + 1, other}");
  const ast::Expr& e = FirstItem(s);
  ASSERT_EQ(e.kind, ast::ExprKind::kMapProjection);
  ASSERT_EQ(e.projection_items.size(), 4u);
  EXPECT_EQ(e.projection_items[0].kind, ast::MapProjectionItem::Kind::kProperty);
  EXPECT_EQ(e.projection_items[1].kind, ast::MapProjectionItem::Kind::kAllProperties);
  EXPECT_EQ(e.projection_items[2].kind, ast::MapProjectionItem::Kind::kLiteral);
  EXPECT_EQ(e.projection_items[3].kind, ast::MapProjectionItem::Kind::kVariable);
  EXPECT_EQ(ast::ToString(e), "n {.name, .*, age: (n.age + 1), other}");
}

TEST(AstBuilderExpressionsTest, PatternPredicateOnlyInWhere) {
  EXPECT_EQ(Canon("MATCH (n) WHERE (n)-->() AND NOT (n)<-[:T]-(:A) RETURN n"),
            "MATCH (n) WHERE ((n)-->() AND (NOT (n)<-[:T]-(:A))) RETURN n");
  Error e = ParseError("MATCH (n) RETURN (n)-->()");
  EXPECT_EQ(e.detail(), "UnexpectedSyntax");
  EXPECT_EQ(e.pos(), (SourcePos{1, 18}));
  EXPECT_EQ(ParseError("MATCH (n) SET n.x = size((n)-->())").detail(), "UnexpectedSyntax");
}

TEST(AstBuilderExpressionsTest, ExistsSubqueries) {
  EXPECT_EQ(Canon("MATCH (n) WHERE exists { (n)-->(m) WHERE m.x = 1 } RETURN n"),
            "MATCH (n) WHERE EXISTS { (n)-->(m) WHERE (m.x = 1) } RETURN n");
  ast::Statement s =
      Parse("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WITH m RETURN true } RETURN n");
  const auto& match = std::get<ast::MatchClause>(s.query().parts[0].clauses[0]);
  ASSERT_EQ(match.where->kind, ast::ExprKind::kExists);
  ASSERT_NE(match.where->subquery, nullptr);
  EXPECT_EQ(match.where->subquery->parts[0].clauses.size(), 3u);
}

TEST(AstBuilderExpressionsTest, PositionsPointAtFirstToken) {
  ast::Statement s = Parse("RETURN  a.b + c");
  const ast::Expr& e = FirstItem(s);
  EXPECT_EQ(e.pos, (SourcePos{1, 9}));
  EXPECT_EQ(e.children[1]->pos, (SourcePos{1, 15}));
}

TEST(AstBuilderExpressionsTest, ForEachChildVisitsAllSubExpressions) {
  ast::Statement s = Parse("RETURN CASE a WHEN b THEN c ELSE d END");
  std::vector<std::string> seen;
  ast::ForEachChild(FirstItem(s), [&](const ast::Expr& c) { seen.push_back(ast::ToString(c)); });
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c", "d"}));
}

}  // namespace
}  // namespace parley::parser
