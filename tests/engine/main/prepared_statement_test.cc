#include "parley/prepared_statement.h"

#include <gtest/gtest.h>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

using testing::InMemory;

class PreparedStatementTest : public ::testing::Test {
 protected:
  PreparedStatementTest() : db_("prepared", InMemory()), conn_(db_) {
    conn_.Execute("UNWIND range(1, 50) AS i CREATE (:N {x: i, name: 'n' + toString(i)})");
  }
  Database db_;
  Connection conn_;
};

TEST_F(PreparedStatementTest, RunsWithEachRunsParametersFromOnePlan) {
  PreparedStatement find = conn_.Prepare("MATCH (n:N) WHERE n.x = $x RETURN n.name AS name");
  EXPECT_EQ(find.plans_made(), 0u);
  for (std::int64_t x : {3, 17, 50, 99}) {
    Result r = find.Execute({{"x", Value(x)}});
    if (x > 50) {
      EXPECT_EQ(r.row_count(), 0u);
      continue;
    }
    ASSERT_EQ(r.row_count(), 1u) << x;
    EXPECT_EQ(r.rows()[0][0], Value("n" + std::to_string(x)));
  }
  EXPECT_EQ(find.plans_made(), 1u);
  EXPECT_EQ(find.query(), "MATCH (n:N) WHERE n.x = $x RETURN n.name AS name");
}

TEST_F(PreparedStatementTest, InlinePropertyMapsReadTheRunsParameters) {
  PreparedStatement find = conn_.Prepare("MATCH (n:N {x: $x}) RETURN n.x AS x");
  for (std::int64_t x : {5, 6, 7}) {
    Result r = find.Execute({{"x", Value(x)}});
    ASSERT_EQ(r.row_count(), 1u);
    EXPECT_EQ(r.rows()[0][0], Value(x));
  }
  EXPECT_EQ(find.plans_made(), 1u);
}

TEST_F(PreparedStatementTest, AParameterOfAnotherTypeIsPlannedAgain) {
  PreparedStatement find = conn_.Prepare("MATCH (n:N) WHERE n.x = $x RETURN count(n) AS c");
  EXPECT_EQ(find.Execute({{"x", Value(4)}}).rows()[0][0], Value(1));
  EXPECT_EQ(find.Execute({{"x", Value("4")}}).rows()[0][0], Value(0));
  EXPECT_EQ(find.plans_made(), 2u);
  // Unused parameters do not matter.
  EXPECT_EQ(find.Execute({{"x", Value("4")}, {"y", Value(1)}}).rows()[0][0], Value(0));
  EXPECT_EQ(find.plans_made(), 2u);
}

TEST_F(PreparedStatementTest, AMissingParameterIsReportedAtEveryRun) {
  PreparedStatement find = conn_.Prepare("MATCH (n:N) WHERE n.x = $x RETURN n");
  find.Execute({{"x", Value(1)}});
  try {
    find.Execute({});
    FAIL() << "expected ParameterMissing";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kParameterMissing);
    EXPECT_EQ(e.pos().line, 1u);
  }
}

TEST_F(PreparedStatementTest, SyntaxErrorsAreThrownByPrepare) {
  try {
    conn_.Prepare("MATCH (n RETURN n");
    FAIL() << "expected a SyntaxError";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
    EXPECT_TRUE(e.pos().known());
  }
}

TEST_F(PreparedStatementTest, ANewIndexIsPlannedFor) {
  PreparedStatement find = conn_.Prepare("MATCH (n:N) WHERE n.x = $x RETURN n.x AS x");
  find.Execute({{"x", Value(2)}});
  conn_.Execute("CREATE INDEX FOR (n:N) ON (n.x)");
  Result r = find.Execute({{"x", Value(9)}});
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0][0], Value(9));
  EXPECT_EQ(find.plans_made(), 2u);
  find.Execute({{"x", Value(10)}});
  EXPECT_EQ(find.plans_made(), 2u);
}

TEST_F(PreparedStatementTest, WritesRunAtomicallyEachTime) {
  PreparedStatement add = conn_.Prepare("CREATE (p:P {name: $name}) RETURN p.name AS name");
  for (const char* name : {"a", "b", "c"}) {
    Result r = add.Execute({{"name", Value(name)}});
    EXPECT_EQ(r.stats().nodes_created, 1);
    EXPECT_EQ(r.rows()[0][0], Value(name));
  }
  Result r = conn_.Execute("MATCH (p:P) RETURN p.name AS name ORDER BY name");
  ASSERT_EQ(r.row_count(), 3u);
  EXPECT_EQ(r.rows()[2][0], Value("c"));
  EXPECT_EQ(add.plans_made(), 1u);
}

TEST_F(PreparedStatementTest, StandaloneCallArgumentsAreTakenFromEachRun) {
  db_.RegisterProcedure(TableProcedure{"test.proc",
                                       {{"in", "INTEGER?"}},
                                       {{"out", "STRING?"}},
                                       {{Value(1), Value("one")}, {Value(2), Value("two")}}});
  PreparedStatement call = conn_.Prepare("CALL test.proc");
  EXPECT_EQ(call.Execute({{"in", Value(1)}}).rows()[0][0], Value("one"));
  EXPECT_EQ(call.Execute({{"in", Value(2)}}).rows()[0][0], Value("two"));
}

TEST_F(PreparedStatementTest, RunsInsideTheConnectionsTransaction) {
  PreparedStatement add = conn_.Prepare("CREATE (:T {i: $i})");
  {
    Transaction txn(conn_);
    add.Execute({{"i", Value(1)}});
    add.Execute({{"i", Value(2)}});
  }  // rolled back
  EXPECT_EQ(conn_.Execute("MATCH (t:T) RETURN count(t)").rows()[0][0], Value(0));
}

TEST_F(PreparedStatementTest, StreamsWithParameters) {
  PreparedStatement upto = conn_.Prepare("UNWIND range(1, $n) AS i RETURN i");
  for (std::int64_t n : {3, 2000}) {
    ResultStream s = upto.Stream({{"n", Value(n)}});
    std::int64_t expected = 1;
    for (const auto& row : s) EXPECT_EQ(row[0], Value(expected++));
    EXPECT_EQ(expected, n + 1);
  }
  EXPECT_EQ(upto.plans_made(), 1u);
}

}  // namespace
}  // namespace parley
