#include <gtest/gtest.h>

#include "tests/engine/parser/parse_test_util.h"

namespace parley::parser {
namespace {

const ast::Clause& ClauseAt(const ast::Statement& s, std::size_t i) {
  return s.query().parts[0].clauses[i];
}

TEST(AstBuilderClausesTest, MatchAndOptionalMatch) {
  ast::Statement s = Parse("MATCH (a) OPTIONAL MATCH (a)-->(b) WHERE b.x = 1 RETURN a, b");
  ASSERT_EQ(s.query().parts[0].clauses.size(), 3u);
  const auto& m = std::get<ast::MatchClause>(ClauseAt(s, 0));
  EXPECT_FALSE(m.optional);
  EXPECT_EQ(m.where, nullptr);
  const auto& o = std::get<ast::MatchClause>(ClauseAt(s, 1));
  EXPECT_TRUE(o.optional);
  EXPECT_EQ(o.pos, (SourcePos{1, 11}));
  ASSERT_NE(o.where, nullptr);
  EXPECT_EQ(ast::ClauseName(ClauseAt(s, 1)), "OPTIONAL MATCH");
}

TEST(AstBuilderClausesTest, ProjectionItemsKeepTextAndAliases) {
  ast::Statement s = Parse("MATCH (n) RETURN n.name, count( * ) AS c, n.a  +  1");
  const auto& ret = std::get<ast::ReturnClause>(ClauseAt(s, 1));
  const auto& items = ret.projection.items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].text, "n.name");
  EXPECT_FALSE(items[0].has_alias());
  EXPECT_EQ(items[0].column_name(), "n.name");
  EXPECT_EQ(items[1].text, "count( * )");
  EXPECT_EQ(items[1].alias, "c");
  EXPECT_EQ(items[1].column_name(), "c");
  EXPECT_EQ(items[1].alias_pos, (SourcePos{1, 40}));
  EXPECT_EQ(items[2].text, "n.a  +  1");
}

TEST(AstBuilderClausesTest, ProjectionTextKeepsNonAsciiCharacters) {
  ast::Statement s = Parse("RETURN 'Malmö' + 'é'");
  const auto& ret = std::get<ast::ReturnClause>(ClauseAt(s, 0));
  EXPECT_EQ(ret.projection.items[0].text, "'Malmö' + 'é'");
}

TEST(AstBuilderClausesTest, ProjectionModifiers) {
  ast::Statement s = Parse(
      "MATCH (n) WITH DISTINCT *, n.x AS x ORDER BY x DESC, n.y ASCENDING SKIP 1 LIMIT $l "
      "WHERE x > 1 RETURN x");
  const auto& with = std::get<ast::WithClause>(ClauseAt(s, 1));
  EXPECT_TRUE(with.projection.distinct);
  EXPECT_TRUE(with.projection.star);
  ASSERT_EQ(with.projection.order_by.size(), 2u);
  EXPECT_TRUE(with.projection.order_by[0].descending);
  EXPECT_FALSE(with.projection.order_by[1].descending);
  ASSERT_NE(with.projection.skip, nullptr);
  EXPECT_EQ(with.projection.limit->kind, ast::ExprKind::kParameter);
  ASSERT_NE(with.where, nullptr);
  EXPECT_EQ(ast::ToString(ClauseAt(s, 1)),
            "WITH DISTINCT *, n.x AS x ORDER BY x DESC, n.y SKIP 1 LIMIT $l WHERE (x > 1)");
}

TEST(AstBuilderClausesTest, UnwindCreateMerge) {
  EXPECT_EQ(Canon("UNWIND [1, 2] AS x CREATE (n:A {v: x})-[:T]->(m) RETURN n"),
            "UNWIND [1, 2] AS x CREATE (n:A {v: x})-[:T]->(m) RETURN n");
  ast::Statement s = Parse(
      "MERGE (n:A {k: 1}) ON CREATE SET n.c = 1 ON MATCH SET n.m = 2, n:B ON CREATE SET n.d = 3");
  const auto& merge = std::get<ast::MergeClause>(ClauseAt(s, 0));
  EXPECT_EQ(merge.on_create.size(), 2u);
  EXPECT_EQ(merge.on_match.size(), 2u);
  EXPECT_EQ(ast::ToString(ClauseAt(s, 0)),
            "MERGE (n:A {k: 1}) ON CREATE SET n.c = 1, n.d = 3 ON MATCH SET n.m = 2, n:B");
}

TEST(AstBuilderClausesTest, SetItemKinds) {
  ast::Statement s = Parse("MATCH (n) SET n.a = 1, n = {b: 2}, n += $m, n:X:Y, (n).c = 3");
  const auto& set = std::get<ast::SetClause>(ClauseAt(s, 1));
  ASSERT_EQ(set.items.size(), 5u);
  EXPECT_EQ(set.items[0].kind, ast::SetItem::Kind::kProperty);
  EXPECT_EQ(set.items[1].kind, ast::SetItem::Kind::kReplace);
  EXPECT_EQ(set.items[2].kind, ast::SetItem::Kind::kMerge);
  EXPECT_EQ(set.items[3].kind, ast::SetItem::Kind::kLabels);
  EXPECT_EQ(set.items[3].labels, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(set.items[4].target->kind, ast::ExprKind::kProperty);
  EXPECT_EQ(ast::ToString(ClauseAt(s, 1)), "SET n.a = 1, n = {b: 2}, n += $m, n:X:Y, n.c = 3");
}

TEST(AstBuilderClausesTest, RemoveAndDelete) {
  EXPECT_EQ(Canon("MATCH (n) REMOVE n.a, n:L DETACH DELETE n"),
            "MATCH (n) REMOVE n.a, n:L DETACH DELETE n");
  ast::Statement s = Parse("MATCH (n)-[r]->() DELETE r, n");
  const auto& del = std::get<ast::DeleteClause>(ClauseAt(s, 1));
  EXPECT_FALSE(del.detach);
  EXPECT_EQ(del.exprs.size(), 2u);
}

TEST(AstBuilderClausesTest, CallForms) {
  ast::Statement implicit = Parse("CALL test.my.proc");
  const auto& c0 = std::get<ast::CallClause>(ClauseAt(implicit, 0));
  EXPECT_EQ(c0.procedure, "test.my.proc");
  EXPECT_FALSE(c0.has_args);
  EXPECT_FALSE(c0.has_yield);
  ast::Statement s = Parse("CALL db.labels() YIELD label AS l, x WHERE l <> 'A' RETURN l");
  const auto& c1 = std::get<ast::CallClause>(ClauseAt(s, 0));
  EXPECT_TRUE(c1.has_args);
  EXPECT_TRUE(c1.args.empty());
  ASSERT_EQ(c1.yield_items.size(), 2u);
  EXPECT_EQ(c1.yield_items[0].variable(), "l");
  EXPECT_EQ(c1.yield_items[1].variable(), "x");
  EXPECT_NE(c1.where, nullptr);
  EXPECT_EQ(Canon("CALL p.q(1, 'a') YIELD *"), "CALL p.q(1, 'a') YIELD *");
}

TEST(AstBuilderClausesTest, YieldStarOnlyForStandaloneCall) {
  Error e = ParseError("CALL test.my.proc('Stefan', 1) YIELD * RETURN city");
  EXPECT_EQ(e.detail(), "UnexpectedSyntax");
  EXPECT_EQ(e.pos(), (SourcePos{1, 1}));
}

TEST(AstBuilderClausesTest, UnionAndUnionAll) {
  ast::Statement s = Parse("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x");
  ASSERT_EQ(s.query().parts.size(), 3u);
  EXPECT_EQ(s.query().union_all, (std::vector<bool>{false, true}));
  EXPECT_EQ(s.query().union_pos[0], (SourcePos{1, 15}));
  EXPECT_EQ(ast::ToString(s), "RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x");
}

TEST(AstBuilderClausesTest, SchemaCommands) {
  using Kind = ast::SchemaCommand::Kind;
  ast::Statement create = Parse("CREATE INDEX ON :Person(name, age)");
  ASSERT_FALSE(create.is_query());
  EXPECT_EQ(create.schema().kind, Kind::kCreateIndex);
  EXPECT_EQ(create.schema().label, "Person");
  EXPECT_EQ(create.schema().properties, (std::vector<std::string>{"name", "age"}));
  ast::Statement named = Parse("CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)");
  EXPECT_EQ(named.schema().index_name, "person_name");
  EXPECT_TRUE(named.schema().if_exists);
  EXPECT_EQ(named.schema().label, "Person");
  EXPECT_EQ(Parse("DROP INDEX ON :Person(name)").schema().kind, Kind::kDropIndex);
  EXPECT_EQ(Parse("drop index person_name if exists").schema().index_name, "person_name");
  EXPECT_EQ(Parse("SHOW INDEXES").schema().kind, Kind::kShowIndexes);
  EXPECT_EQ(Parse("show labels").schema().kind, Kind::kShowLabels);
  EXPECT_EQ(Parse("SHOW RELATIONSHIP TYPES").schema().kind, Kind::kShowRelationshipTypes);
  EXPECT_EQ(Parse("SHOW TYPES").schema().kind, Kind::kShowRelationshipTypes);
  EXPECT_EQ(Parse("SHOW PROPERTY KEYS").schema().kind, Kind::kShowPropertyKeys);
  EXPECT_EQ(Parse("SHOW PROCEDURES;").schema().kind, Kind::kShowProcedures);
  EXPECT_EQ(Parse("SHOW FUNCTIONS").schema().kind, Kind::kShowFunctions);
}

TEST(AstBuilderClausesTest, ConstraintCommands) {
  using Kind = ast::SchemaCommand::Kind;
  // Neo4j 5.
  ast::Statement v5 = Parse("CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) "
                            "REQUIRE p.id IS UNIQUE");
  ASSERT_FALSE(v5.is_query());
  EXPECT_EQ(v5.schema().kind, Kind::kCreateConstraint);
  EXPECT_EQ(v5.schema().index_name, "person_id");
  EXPECT_TRUE(v5.schema().if_exists);
  EXPECT_EQ(v5.schema().label, "Person");
  EXPECT_EQ(v5.schema().properties, (std::vector<std::string>{"id"}));
  ast::Statement unnamed = Parse("create constraint for (n:City) require (n.id) is unique");
  EXPECT_EQ(unnamed.schema().index_name, "");
  EXPECT_FALSE(unnamed.schema().if_exists);
  EXPECT_EQ(unnamed.schema().label, "City");
  EXPECT_EQ(Parse("CREATE CONSTRAINT FOR (n:A) REQUIRE (n.x, n.y) IS UNIQUE").schema().properties,
            (std::vector<std::string>{"x", "y"}));
  // Neo4j 4, as LDBC's indices.cypher writes it.
  ast::Statement v4 = Parse("CREATE CONSTRAINT ON (n:Organisation)  ASSERT n.id IS UNIQUE;");
  EXPECT_EQ(v4.schema().kind, Kind::kCreateConstraint);
  EXPECT_EQ(v4.schema().label, "Organisation");
  EXPECT_EQ(v4.schema().properties, (std::vector<std::string>{"id"}));
  EXPECT_EQ(Parse("CREATE CONSTRAINT c ON (n:L) ASSERT n.p IS UNIQUE").schema().index_name, "c");
  // Keywords stay usable as names.
  ast::Statement words = Parse("CREATE CONSTRAINT unique FOR (require:Assert) "
                               "REQUIRE require.constraint IS UNIQUE");
  EXPECT_EQ(words.schema().index_name, "unique");
  EXPECT_EQ(words.schema().label, "Assert");
  EXPECT_EQ(words.schema().properties, (std::vector<std::string>{"constraint"}));
  EXPECT_EQ(Canon("MATCH (unique) RETURN unique.assert AS constraints"),
            "MATCH (unique) RETURN unique.assert AS constraints");

  ast::Statement drop = Parse("DROP CONSTRAINT person_id IF EXISTS");
  EXPECT_EQ(drop.schema().kind, Kind::kDropConstraint);
  EXPECT_EQ(drop.schema().index_name, "person_id");
  EXPECT_TRUE(drop.schema().if_exists);
  EXPECT_FALSE(Parse("DROP CONSTRAINT c").schema().if_exists);
  EXPECT_EQ(Parse("SHOW CONSTRAINTS").schema().kind, Kind::kShowConstraints);
  EXPECT_EQ(Parse("show constraint").schema().kind, Kind::kShowConstraints);
  EXPECT_EQ(Canon("CREATE CONSTRAINT c FOR (x:L) REQUIRE x.p IS UNIQUE"),
            "CREATE CONSTRAINT c FOR (n:L) REQUIRE (n.p) IS UNIQUE");
}

TEST(AstBuilderClausesTest, MalformedConstraintCommandsAreRefused) {
  Error other = ParseError("CREATE CONSTRAINT FOR (n:L) REQUIRE m.p IS UNIQUE");
  EXPECT_EQ(other.kind(), ErrorKind::kSemanticError);
  EXPECT_EQ(other.detail(), "UndefinedVariable");
  EXPECT_EQ(other.pos(), (SourcePos{1, 37}));
  Error mixed = ParseError("CREATE CONSTRAINT FOR (n:L) ASSERT n.p IS UNIQUE");
  EXPECT_EQ(mixed.kind(), ErrorKind::kSyntaxError);
  EXPECT_NE(std::string(mixed.what()).find("REQUIRE"), std::string::npos) << mixed.what();
  EXPECT_EQ(mixed.pos(), (SourcePos{1, 29}));
  EXPECT_EQ(ParseError("CREATE CONSTRAINT ON (n:L) REQUIRE n.p IS UNIQUE").kind(),
            ErrorKind::kSyntaxError);
  EXPECT_EQ(ParseError("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS NOT NULL").kind(),
            ErrorKind::kSyntaxError);
  EXPECT_EQ(ParseError("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p").kind(),
            ErrorKind::kSyntaxError);
  EXPECT_EQ(ParseError("DROP CONSTRAINT").kind(), ErrorKind::kSyntaxError);
}

TEST(AstBuilderClausesTest, ReadOnlyStatements) {
  EXPECT_TRUE(ast::IsReadOnly(Parse("MATCH (n) RETURN n")));
  EXPECT_TRUE(ast::IsReadOnly(Parse("CALL db.labels()")));
  EXPECT_TRUE(ast::IsReadOnly(Parse("SHOW LABELS")));
  EXPECT_FALSE(ast::IsReadOnly(Parse("CREATE (n)")));
  EXPECT_FALSE(ast::IsReadOnly(Parse("MATCH (n) RETURN 1 UNION MATCH (n) SET n.x = 1 RETURN 1")));
  EXPECT_FALSE(ast::IsReadOnly(Parse("CREATE INDEX ON :A(b)")));
  EXPECT_FALSE(ast::IsReadOnly(Parse("CREATE CONSTRAINT ON (a:A) ASSERT a.b IS UNIQUE")));
  EXPECT_FALSE(ast::IsReadOnly(Parse("DROP CONSTRAINT c")));
  EXPECT_TRUE(ast::IsReadOnly(Parse("SHOW CONSTRAINTS")));
}

}  // namespace
}  // namespace parley::parser
