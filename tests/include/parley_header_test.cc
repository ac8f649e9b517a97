// Compiles the umbrella header parley/parley.h on its own and runs a statement through it.
#include "parley/parley.h"

#include <gtest/gtest.h>

TEST(ParleyHeaderTest, RunsAStatement) {
  parley::DatabaseOptions options;
  options.in_memory = true;
  parley::Database db("header_test", options);
  parley::Connection conn(db);
  parley::Result r = conn.Execute("RETURN 1 + 1 AS two");
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0][0], parley::Value(2));
}
