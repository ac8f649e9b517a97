// Operator behaviour through the public API.
#include <algorithm>
#include <thread>

#include <gtest/gtest.h>

#include "parley/parley.h"

namespace parley {
namespace {

DatabaseOptions InMemory(std::uint64_t memory_limit = 4ull << 30) {
  DatabaseOptions o;
  o.in_memory = true;
  o.query_memory_limit = memory_limit;
  return o;
}

// A result's rows as text, sorted: for comparing results as multisets.
std::vector<std::string> SortedRows(const Result& r) {
  std::vector<std::string> rows;
  for (const auto& row : r.rows()) rows.push_back(Value(List(row)).ToString());
  std::sort(rows.begin(), rows.end());
  return rows;
}

Value Single(Connection& conn, std::string_view query) {
  Result r = conn.Execute(query);
  EXPECT_EQ(r.row_count(), 1u) << query;
  return r.row_count() == 1 ? r.rows()[0][0] : Value();
}

// The parley::Error `query` throws; fails the test if it throws none.
Error ErrorOf(Connection& conn, std::string_view query) {
  try {
    conn.Execute(query);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error from " << query;
  return Error(ErrorKind::kRuntimeError, "", "no error");
}

// The error of `query` when the connection is interrupted 100 ms after it starts.
Error ErrorWhenInterrupted(Connection& conn, std::string_view query) {
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    conn.Interrupt();
  });
  Error e = ErrorOf(conn, query);
  stopper.join();
  return e;
}

TEST(ExecutionTest, VarLengthExpandBindsEachRelationshipOncePerPath) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute("CREATE (a:N {i: 0})-[:R]->(b:N {i: 1})-[:R]->(a)");
  // Around the two-cycle: paths of length 1 and 2 from each node, never reusing a rel.
  EXPECT_EQ(Single(conn, "MATCH (a:N {i: 0})-[:R*]->(x) RETURN count(*)"), Value(2));
  EXPECT_EQ(Single(conn, "MATCH (a:N {i: 0})-[:R*0..]->(x) RETURN count(*)"), Value(3));
}

TEST(ExecutionTest, OptionalMatchYieldsNullsWhenNothingMatches) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute("CREATE (:A)");
  Result r = conn.Execute("MATCH (a:A) OPTIONAL MATCH (a)-->(b) RETURN a, b");
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_TRUE(r.rows()[0][0].is_node());
  EXPECT_TRUE(r.rows()[0][1].is_null());
}

TEST(ExecutionTest, ReadingADeletedNodeIsEntityNotFound) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute("CREATE ({x: 1})");
  Error e = ErrorOf(conn, "MATCH (n) DELETE n RETURN n.x");
  EXPECT_EQ(e.kind(), ErrorKind::kEntityNotFound);
  EXPECT_EQ(e.detail(), "DeletedEntityAccess");
  // The failed statement changed nothing.
  EXPECT_EQ(Single(conn, "MATCH (n) RETURN count(n)"), Value(1));
}

TEST(ExecutionTest, MaterialisingPastTheMemoryLimitFails) {
  Database db("exec", InMemory(1 << 20));
  Connection conn(db);
  Error e = ErrorOf(conn, "UNWIND range(1, 200000) AS x RETURN collect(x) AS xs");
  EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
  EXPECT_EQ(e.detail(), "MemoryLimitExceeded");
  EXPECT_EQ(Single(conn, "UNWIND range(1, 1000) AS x RETURN size(collect(x))"), Value(1000));
}

TEST(ExecutionTest, InterruptCancelsARunningQuery) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute("UNWIND range(1, 400) AS i CREATE ()");
  Error e = ErrorWhenInterrupted(conn, "MATCH (a), (b), (c) RETURN count(*)");  // 64M rows
  EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
  EXPECT_EQ(e.detail(), "QueryCancelled");
}

// UNWIND range(...) walks the integers instead of building the list: a range far past
// any memory streams, and stops when interrupted.
TEST(ExecutionTest, UnwindOfAHugeRangeStreamsUntilInterrupted) {
  Database db("exec", InMemory());
  Connection conn(db);
  Error e =
      ErrorWhenInterrupted(conn, "UNWIND range(1, 9223372036854775807) AS x RETURN count(x)");
  EXPECT_EQ(e.detail(), "QueryCancelled") << e.what();
}

TEST(ExecutionTest, UnwindOfARangeGivesTheElementsOfTheList) {
  Database db("exec", InMemory());
  Connection conn(db);
  const char* kMax = "9223372036854775807";
  const char* kMin = "-9223372036854775808";
  std::vector<std::string> ranges = {
      "1, 5",       "5, 1",         "1, 1",  "0, 10, 3", "10, 0, -3", "10, 0, 3", "-5, -1, 2",
      std::string(kMax) + " - 2, " + kMax, std::string(kMin) + ", " + kMin + " + 4, 2",
      std::string(kMin) + ", " + kMax + ", " + kMax, std::string(kMax) + ", " + kMin + ", " + kMin};
  for (const std::string& args : ranges) {
    Value listed = Single(conn, "RETURN range(" + args + ")");
    Value walked = Single(conn, "UNWIND range(" + args + ") AS x RETURN collect(x)");
    EXPECT_EQ(walked, listed) << args;
  }
  Result rows = conn.Execute("UNWIND [1, null, 3] AS n UNWIND range(n, 3) AS x RETURN n, x");
  EXPECT_EQ(rows.row_count(), 4u);  // n = 1: 1, 2, 3; n = null: none; n = 3: 3
  EXPECT_EQ(ErrorOf(conn, "UNWIND range(1, 3, 0) AS x RETURN x").kind(),
            ErrorKind::kArgumentError);
}

TEST(ExecutionTest, ARangeListPastTheMemoryLimitIsRefusedBeforeItIsBuilt) {
  Database db("exec", InMemory());
  Connection conn(db);
  Error limited = ErrorOf(conn, "RETURN size(range(1, 9000000000)) AS n");
  EXPECT_EQ(limited.detail(), "MemoryLimitExceeded") << limited.what();
  EXPECT_EQ(Single(conn, "RETURN size(range(1, 100000)) AS n"), Value(100000));

  Database unlimited("exec", InMemory(/*memory_limit=*/0));
  Connection unbounded(unlimited);
  Error too_long = ErrorOf(unbounded, "RETURN size(range(1, 9223372036854775807)) AS n");
  EXPECT_EQ(too_long.detail(), "OutOfMemory") << too_long.what();
}

TEST(ExecutionTest, ShortestPathFindsAllShortestRoutes) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute(
      "CREATE (s:S)-[:R]->(:M)-[:R]->(t:T), (s)-[:R]->(:M)-[:R]->(t), (s)-[:R]->(:M)-[:R]->(:M)-[:R]->(t)");
  EXPECT_EQ(Single(conn, "MATCH p = allShortestPaths((:S)-[*]->(:T)) RETURN count(p)"), Value(2));
  EXPECT_EQ(Single(conn, "MATCH p = shortestPath((:S)-[*]->(:T)) RETURN length(p)"), Value(2));
}

TEST(ExecutionTest, RegexUsesFullMatch) {
  Database db("exec", InMemory());
  Connection conn(db);
  EXPECT_EQ(Single(conn, "RETURN 'abc' =~ 'a.c'"), Value(true));
  EXPECT_EQ(Single(conn, "RETURN 'abcd' =~ 'a.c'"), Value(false));
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// Top-N keeps only the best rows; the result must equal a full sort cut afterwards,
// including the order of ties (ORDER BY is stable in arrival order).
TEST(ExecutionTest, TopNEqualsAFullSortCutToTheLimit) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute("UNWIND range(0, 999) AS i CREATE (:N {i: i, k: (i * 37) % 11})");
  for (int limit : {0, 1, 7, 50, 999, 1000, 2000}) {
    std::string order = "MATCH (n:N) RETURN n.k AS k, n.i AS i ORDER BY k DESC";
    Result top = conn.Execute(order + " LIMIT " + std::to_string(limit));
    Result all = conn.Execute(order);
    std::size_t expected = std::min<std::size_t>(limit, all.row_count());
    ASSERT_EQ(top.row_count(), expected) << limit;
    for (std::size_t r = 0; r < expected; ++r) {
      EXPECT_EQ(top.rows()[r], all.rows()[r]) << "limit " << limit << " row " << r;
    }
  }
}

TEST(ExecutionTest, GroupingKeepsFirstSeenOrderAndTreatsEquivalentKeysAsOne) {
  Database db("exec", InMemory());
  Connection conn(db);
  // Equivalence puts numbers of equal value (1 and 1.0) in one group, and nulls in one.
  Result r = conn.Execute(
      "UNWIND [3, 1, 3, 1.0, null, 2, null, 3] AS x RETURN x, count(*) AS n");
  ASSERT_EQ(r.row_count(), 4u);
  EXPECT_EQ(r.rows()[0], (std::vector<Value>{Value(3), Value(3)}));
  EXPECT_EQ(r.rows()[1][1], Value(2));  // 1 and 1.0
  EXPECT_TRUE(r.rows()[2][0].is_null());
  EXPECT_EQ(r.rows()[2][1], Value(2));
  EXPECT_EQ(r.rows()[3], (std::vector<Value>{Value(2), Value(1)}));
}

TEST(ExecutionTest, ManyGroupsGrowTheGroupTableWithoutLosingCounts) {
  Database db("exec", InMemory());
  Connection conn(db);
  Result r = conn.Execute(
      "UNWIND range(0, 49999) AS i WITH i % 20000 AS g RETURN g, count(*) AS n ORDER BY g");
  ASSERT_EQ(r.row_count(), 20000u);
  for (std::size_t g = 0; g < r.row_count(); ++g) {
    ASSERT_EQ(r.rows()[g][0], Value(static_cast<std::int64_t>(g)));
    ASSERT_EQ(r.rows()[g][1], Value(g < 10000 ? 3 : 2)) << g;
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// A filter on the far end of an expansion is tested inside the expansion; it must give
// what the same filter gives after a projection, where it cannot be folded.
TEST(ExecutionTest, FilterFoldedIntoExpandGivesTheUnfoldedRows) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute(
      "UNWIND range(0, 199) AS i CREATE (:P {i: i, age: (i * 13) % 70})");
  conn.Execute(
      "MATCH (a:P), (b:P) WHERE (a.i * 7 + b.i) % 23 = 0 AND a <> b "
      "CREATE (a)-[:K {w: (a.i + b.i) % 5}]->(b)");
  struct Case {
    std::string folded, unfolded;
  };
  std::vector<Case> cases = {
      {"MATCH (a:P)-[:K]->(b:P) WHERE a.age > 40 AND b.age < 20 RETURN a.i, b.i",
       "MATCH (a:P)-[:K]->(b:P) WITH a, b WHERE a.age > 40 AND b.age < 20 RETURN a.i, b.i"},
      // Reads the relationship: not folded, and must still filter on it.
      {"MATCH (a:P)-[r:K]->(b:P) WHERE b.age < 30 AND r.w = 2 RETURN a.i, b.i",
       "MATCH (a:P)-[r:K]->(b:P) WITH a, r, b WHERE b.age < 30 AND r.w = 2 RETURN a.i, b.i"},
      // Two hops: relationship uniqueness still applies to folded expansions.
      {"MATCH (a:P)-[:K]->(b:P)-[:K]->(c:P) WHERE c.age = a.age RETURN a.i, b.i, c.i",
       "MATCH (a:P)-[:K]->(b:P)-[:K]->(c:P) WITH a, b, c WHERE c.age = a.age "
       "RETURN a.i, b.i, c.i"},
  };
  // The two forms may be planned from different ends: compare the rows as multisets.
  for (const Case& c : cases) {
    Result folded = conn.Execute(c.folded);
    Result unfolded = conn.Execute(c.unfolded);
    EXPECT_GT(unfolded.row_count(), 0u) << c.unfolded;
    EXPECT_EQ(SortedRows(folded), SortedRows(unfolded)) << c.folded;
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// An aggregation straight over a node scan reads the properties column by column; PROFILE
// runs the row-by-row operators, so the two must agree on every shape of data.
TEST(ExecutionTest, AggregationOverAScanReadsColumnsWithTheRowByRowAnswer) {
  Database db("exec", InMemory());
  Connection conn(db);
  conn.Execute(
      "UNWIND range(0, 999) AS i "
      "CREATE (:N {k: i % 7, s: 'g' + toString(i % 5), v: i, f: i / 4.0, "
      "            u: CASE WHEN i % 11 = 0 THEN null ELSE 'u' + toString(i % 300) END})");
  conn.Execute("UNWIND range(0, 99) AS i CREATE (:N {k: 'seven', v: null}), (:M {k: i})");
  conn.Execute("CREATE (:N), (:N {k: 1.0, v: 2.5})");  // no properties; a float key equal to 1
  conn.Execute("MATCH (n:N) RETURN count(n)");  // a large scan: the columns exist now
  std::vector<std::string> queries = {
      "MATCH (n:N) RETURN n.k AS k, count(*) AS c, sum(n.v) AS s, avg(n.f) AS a",
      "MATCH (n:N) RETURN n.s AS s, n.k AS k, min(n.v) AS lo, max(n.v) AS hi, count(n.v) AS c",
      "MATCH (n) RETURN count(*) AS c, count(n.k) AS ck, max(n.k) AS m",
      "MATCH (n:N) RETURN n.nosuchkey AS x, count(*) AS c",
      "MATCH (n:NoSuchLabel) RETURN count(*) AS c, sum(n.v) AS s",
      "MATCH (n:NoSuchLabel) RETURN n.k AS k, count(*) AS c",
      "MATCH (n:M) RETURN avg(n.k) AS a, sum(n.k) AS s",
      // One string key: read through each page's dictionary, nulls in a group of their own.
      "MATCH (n:N) RETURN n.s AS s, count(*) AS c, avg(n.v) AS a, sum(n.f) AS f",
      "MATCH (n) RETURN n.u AS u, count(*) AS c, min(n.f) AS lo, max(n.k) AS hi",
  };
  for (const std::string& q : queries) {
    Result columns = conn.Execute(q);
    Result rows = conn.Execute("PROFILE " + q);
    EXPECT_EQ(SortedRows(columns), SortedRows(rows)) << q;
  }
  Result r = conn.Execute("MATCH (n:N) RETURN n.k AS k, count(*) AS c ORDER BY c DESC LIMIT 1");
  // k = 1: 143 of 0..999, and the node whose k is 1.0 (equivalent, so the same group).
  EXPECT_EQ(r.rows()[0], (std::vector<Value>{Value(1), Value(144)}));
}

}  // namespace
}  // namespace parley
