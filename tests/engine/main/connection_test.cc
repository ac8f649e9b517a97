#include <gtest/gtest.h>

#include "parley/parley.h"

namespace parley {
namespace {

DatabaseOptions InMemory() {
  DatabaseOptions o;
  o.in_memory = true;
  return o;
}

std::int64_t Count(Connection& conn) {
  return conn.Execute("MATCH (n) RETURN count(n)").rows()[0][0].as_int();
}

TEST(ConnectionTest, StatsCountWhatTheStatementChanged) {
  Database db("conn", InMemory());
  Connection conn(db);
  Result r = conn.Execute("CREATE (a:A:B {x: 1, y: 2})-[:R {w: 1}]->(b)");
  EXPECT_EQ(r.stats().nodes_created, 2);
  EXPECT_EQ(r.stats().relationships_created, 1);
  EXPECT_EQ(r.stats().properties_set, 3);
  EXPECT_EQ(r.stats().labels_added, 2);
  r = conn.Execute("MATCH (a:A) SET a.x = 5 REMOVE a:B, a.y");
  EXPECT_EQ(r.stats().properties_set, 1);
  EXPECT_EQ(r.stats().labels_removed, 1);
  EXPECT_EQ(r.stats().properties_removed, 1);
  r = conn.Execute("MATCH (n) DETACH DELETE n");
  EXPECT_EQ(r.stats().nodes_deleted, 2);
  EXPECT_EQ(r.stats().relationships_deleted, 1);
}

TEST(ConnectionTest, AFailingStatementInATransactionUndoesOnlyItself) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Begin();
  conn.Execute("CREATE ()");
  EXPECT_THROW(conn.Execute("CREATE () WITH 1 AS x RETURN x / 0"), Error);
  conn.Execute("CREATE ()");
  EXPECT_EQ(Count(conn), 2);
  conn.Commit();
  EXPECT_FALSE(conn.in_transaction());
  EXPECT_EQ(Count(conn), 2);
}

TEST(ConnectionTest, RollbackDiscardsTheTransaction) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Begin();
  conn.Execute("CREATE ()");
  conn.Rollback();
  EXPECT_EQ(Count(conn), 0);
  EXPECT_THROW(conn.Commit(), Error);
}

TEST(ConnectionTest, AFailingAutocommitStatementChangesNothing) {
  Database db("conn", InMemory());
  Connection conn(db);
  EXPECT_THROW(conn.Execute("UNWIND [1, 0] AS x CREATE ({v: 1 / x})"), Error);
  EXPECT_EQ(Count(conn), 0);
}

TEST(ConnectionTest, CallsRegisteredTableProcedures) {
  Database db("conn", InMemory());
  db.RegisterProcedure(TableProcedure{"test.proc",
                                      {{"in", "INTEGER?"}},
                                      {{"out", "STRING?"}},
                                      {{Value(1), Value("one")}, {Value(2), Value("two")},
                                       {Value(1), Value("uno")}}});
  Connection conn(db);
  Result r = conn.Execute("CALL test.proc(1) YIELD out RETURN out");
  ASSERT_EQ(r.row_count(), 2u);
  EXPECT_EQ(r.rows()[0][0], Value("one"));
  EXPECT_EQ(r.rows()[1][0], Value("uno"));
  r = conn.Execute("CALL test.proc", Params{{"in", Value(2)}});
  EXPECT_EQ(r.columns(), std::vector<std::string>{"out"});
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_THROW(db.RegisterProcedure(TableProcedure{"test.proc", {}, {}, {}}), Error);
}

TEST(ConnectionTest, BuiltInProceduresListTheCatalog) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Execute("CREATE (:Leader {name: 'x'})-[:LEADS]->(:Country)");
  Result r = conn.Execute("CALL db.labels() YIELD label RETURN label ORDER BY label");
  ASSERT_EQ(r.row_count(), 2u);
  EXPECT_EQ(r.rows()[0][0], Value("Country"));
  r = conn.Execute("CALL db.relationshipTypes()");
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0][0], Value("LEADS"));
}

TEST(ConnectionTest, ResultsCarryLabelsAndProperties) {
  Database db("conn", InMemory());
  Connection conn(db);
  Result r = conn.Execute("CREATE (n:L {k: 'v'}) RETURN n");
  const Node& n = r.rows()[0][0].as_node();
  EXPECT_EQ(n.labels, std::vector<std::string>{"L"});
  EXPECT_EQ(n.properties.at("k"), Value("v"));
}

}  // namespace
}  // namespace parley
