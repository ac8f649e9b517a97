#include <gtest/gtest.h>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

using testing::InMemory;

using testing::CountNodes;

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

// Parts of a UNION that return nothing (updating parts) each run; none is a
// projection whose output slots could be retargeted (once an internal error).
TEST(ConnectionTest, UnionOfUpdatingPartsWithoutReturnRunsEveryPart) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Execute("CREATE (:Key {k: 1})");
  Result r = conn.Execute("MATCH (k:Key {k: 1}) CREATE (:M {id: 1})-[:SAW]->(k) "
                          "UNION ALL CREATE (:M {id: 2})");
  EXPECT_TRUE(r.columns().empty());
  conn.Execute("CREATE (:M {id: 3}) UNION CREATE (:M {id: 4}) UNION CREATE (:M {id: 5})");
  Result ids = conn.Execute("MATCH (m:M) RETURN m.id ORDER BY m.id");
  ASSERT_EQ(ids.row_count(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(ids.rows()[i][0].as_int(), std::int64_t(i + 1));
  EXPECT_EQ(conn.Execute("MATCH (:M)-[:SAW]->(:Key) RETURN count(*)").rows()[0][0].as_int(), 1);
}

// A LIMIT above a scan, under a write, drains the rest of its input when the limit is
// reached (once into a fresh, empty row: a crash as the scan wrote its slot there).
TEST(ConnectionTest, LimitOverAScanAfterAWriteDrainsWithoutCrashing) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Execute("UNWIND range(1, 6) AS i CREATE (:Scratch {id: i})");
  Result r = conn.Execute("CREATE (:Marker) WITH 1 AS one MATCH (s:Scratch) "
                          "WITH s LIMIT 3 DETACH DELETE s");
  EXPECT_EQ(r.stats().nodes_deleted, 3);
  EXPECT_EQ(conn.Execute("MATCH (s:Scratch) RETURN count(s)").rows()[0][0].as_int(), 3);
  EXPECT_EQ(conn.Execute("MATCH (m:Marker) RETURN count(m)").rows()[0][0].as_int(), 1);
}

TEST(ConnectionTest, AFailingStatementInATransactionUndoesOnlyItself) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Begin();
  conn.Execute("CREATE ()");
  EXPECT_THROW(conn.Execute("CREATE () WITH 1 AS x RETURN x / 0"), Error);
  conn.Execute("CREATE ()");
  EXPECT_EQ(CountNodes(conn), 2);
  conn.Commit();
  EXPECT_FALSE(conn.in_transaction());
  EXPECT_EQ(CountNodes(conn), 2);
}

TEST(ConnectionTest, RollbackDiscardsTheTransaction) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Begin();
  conn.Execute("CREATE ()");
  conn.Rollback();
  EXPECT_EQ(CountNodes(conn), 0);
  EXPECT_THROW(conn.Commit(), Error);
}

TEST(ConnectionTest, AFailingAutocommitStatementChangesNothing) {
  Database db("conn", InMemory());
  Connection conn(db);
  EXPECT_THROW(conn.Execute("UNWIND [1, 0] AS x CREATE ({v: 1 / x})"), Error);
  EXPECT_EQ(CountNodes(conn), 0);
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

// A statement past its time limit stops, and its writes are undone with it.
TEST(ConnectionTest, AStatementPastItsTimeoutStopsAndChangesNothing) {
  Database db("conn", InMemory());
  Connection conn(db);
  conn.Execute("UNWIND range(1, 60) AS i CREATE (:N {i: i})");
  conn.set_query_timeout_ms(50);
  EXPECT_EQ(conn.query_timeout_ms(), 50u);
  const char* slow = "MATCH (a), (b), (c), (d) SET a.x = 1 RETURN count(*)";
  try {
    conn.Execute(slow);
    ADD_FAILURE() << "the statement finished within its time limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "QueryTimedOut");
    EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
  }
  conn.set_query_timeout_ms(0);
  EXPECT_EQ(conn.Execute("MATCH (n) WHERE n.x IS NOT NULL RETURN count(n)").rows()[0][0].as_int(),
            0);
  // In an explicit transaction only the statement that ran too long is undone.
  conn.Begin();
  conn.Execute("CREATE (:Kept)");
  conn.set_query_timeout_ms(50);
  EXPECT_THROW(conn.Execute(slow), Error);
  conn.set_query_timeout_ms(0);
  conn.Commit();
  EXPECT_EQ(conn.Execute("MATCH (n:Kept) RETURN count(n)").rows()[0][0].as_int(), 1);
  EXPECT_EQ(conn.Execute("MATCH (n) WHERE n.x IS NOT NULL RETURN count(n)").rows()[0][0].as_int(),
            0);
}

TEST(ConnectionTest, TimeoutAndMemoryLimitComeFromTheDatabaseAndAreSetPerConnection) {
  DatabaseOptions options = InMemory();
  options.query_timeout_ms = 1234;
  options.query_memory_limit = 1 << 20;
  Database db("conn", options);
  Connection a(db), b(db);
  EXPECT_EQ(a.query_timeout_ms(), 1234u);
  EXPECT_EQ(a.query_memory_limit(), 1u << 20);
  try {
    a.Execute("UNWIND range(1, 300000) AS x RETURN x ORDER BY x DESC SKIP 299999");
    ADD_FAILURE() << "no memory limit error";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "MemoryLimitExceeded");
  }
  b.set_query_memory_limit(0);
  EXPECT_EQ(b.Execute("UNWIND range(1, 300000) AS x RETURN x ORDER BY x DESC SKIP 299999")
                .rows()[0][0]
                .as_int(),
            1);
  EXPECT_EQ(a.query_memory_limit(), 1u << 20);
}

// Runtime errors say where in the statement they arose: the clause or expression whose
// work failed.
TEST(ConnectionTest, RuntimeErrorsCarryTheirPosition) {
  DatabaseOptions options = InMemory();
  options.query_memory_limit = 1 << 20;
  Database db("conn", options);
  Connection conn(db);
  conn.Execute("CREATE (a)-[:R]->(b)");
  auto position = [&](const std::string& query) -> std::pair<int, int> {
    try {
      conn.Execute(query);
    } catch (const Error& e) {
      return {static_cast<int>(e.pos().line), static_cast<int>(e.pos().column)};
    }
    ADD_FAILURE() << "no error: " << query;
    return {0, 0};
  };
  EXPECT_EQ(position("MATCH (n)\nDELETE n"), std::make_pair(2, 8));
  EXPECT_EQ(position("UNWIND [1, 2] AS x\nRETURN percentileDisc(x, 1.5)"),
            std::make_pair(2, 23));
  EXPECT_EQ(position("MATCH (n)\n  SET n.x = {a: 1}"), std::make_pair(2, 7));
  EXPECT_EQ(position("UNWIND range(1, 100000) AS x\nRETURN x ORDER BY -x SKIP 5"),
            std::make_pair(2, 19));
  EXPECT_EQ(position("UNWIND range(1, 100000) AS x\nRETURN count(DISTINCT x)"),
            std::make_pair(2, 23));
  EXPECT_EQ(position("RETURN 1,\n  'ab\xff'"), std::make_pair(2, 6));
}

}  // namespace
}  // namespace parley
