// The query memory bound covers everything that grows with the data: DISTINCT
// aggregates, collect, percentiles, concatenation in reduce, the result held for the
// caller, and plans made wide by thousands of UNION branches. Each fails with
// MemoryLimitExceeded, and the same statements run under a larger bound.
#include <gtest/gtest.h>

#include <string>

#include "parley/parley.h"

namespace parley {
namespace {

class MemoryBoundTest : public ::testing::Test {
 protected:
  MemoryBoundTest() : db_("memory", Options()), conn_(db_) {}
  static DatabaseOptions Options() {
    DatabaseOptions o;
    o.in_memory = true;
    o.query_memory_limit = 8 << 20;
    return o;
  }
  std::string DetailOf(const std::string& query) {
    try {
      conn_.Execute(query);
    } catch (const Error& e) {
      return e.detail();
    }
    return "no error";
  }

  Database db_;
  Connection conn_;
};

TEST_F(MemoryBoundTest, EverythingThatGrowsIsBounded) {
  const std::string statements[] = {
      "UNWIND range(1, 1000000) AS x RETURN count(DISTINCT x)",
      "UNWIND range(1, 1000000) AS x RETURN size(collect(DISTINCT x))",
      "UNWIND range(1, 1000000) AS x RETURN size(collect(x))",
      "UNWIND range(1, 1000000) AS x RETURN percentileDisc(x, 0.5)",
      "RETURN size(reduce(s = 'a', x IN range(1, 60) | s + s))",
      "RETURN size(reduce(l = [1], x IN range(1, 60) | l + l))",
      "UNWIND range(1, 1000000) AS x RETURN x",
  };
  for (const std::string& query : statements) {
    EXPECT_EQ(DetailOf(query), "MemoryLimitExceeded") << query;
  }
  conn_.set_query_memory_limit(0);
  EXPECT_EQ(conn_.Execute(statements[0]).rows()[0][0].as_int(), 1000000);
  EXPECT_EQ(conn_.Execute(statements[6]).row_count(), 1000000u);
}

TEST_F(MemoryBoundTest, ThousandsOfUnionBranchesAreRefusedBeforeTheyAreBuilt) {
  std::string query;
  for (int i = 0; i < 5000; ++i) {
    query += (i ? " UNION " : "") + ("RETURN " + std::to_string(i) + " AS x");
  }
  EXPECT_EQ(DetailOf(query), "MemoryLimitExceeded");
  std::string few;
  for (int i = 0; i < 50; ++i) {
    few += (i ? " UNION " : "") + ("RETURN " + std::to_string(i) + " AS x");
  }
  EXPECT_EQ(conn_.Execute(few).row_count(), 50u);
}

// Rows handed to a sink as they are made are not held: any number passes under the bound.
TEST_F(MemoryBoundTest, StreamedRowsAreNotHeld) {
  struct Counter final : RowSink {
    void OnColumns(const std::vector<std::string>& names) override { columns = names; }
    void OnRow(std::vector<Value>&& row) override {
      EXPECT_EQ(row[0].as_int(), ++rows);
    }
    std::vector<std::string> columns;
    std::int64_t rows = 0;
  } counter;
  Result r = conn_.Execute("UNWIND range(1, 1000000) AS x RETURN x", {}, counter);
  EXPECT_EQ(counter.rows, 1000000);
  EXPECT_EQ(counter.columns, std::vector<std::string>{"x"});
  EXPECT_EQ(r.row_count(), 0u);
  EXPECT_EQ(r.columns(), std::vector<std::string>{"x"});
  // Writes are committed when Execute returns, as without a sink.
  counter.rows = 0;
  Result w = conn_.Execute("UNWIND range(1, 3) AS i CREATE (n:S {i: i}) RETURN n.i", {}, counter);
  EXPECT_EQ(w.stats().nodes_created, 3);
  EXPECT_EQ(conn_.Execute("MATCH (n:S) RETURN count(n)").rows()[0][0].as_int(), 3);
}

}  // namespace
}  // namespace parley
