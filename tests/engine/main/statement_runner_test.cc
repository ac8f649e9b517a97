// Schema commands (indexes) through the public API.
#include <gtest/gtest.h>

#include <filesystem>

#include "parley/parley.h"

namespace parley {
namespace {

std::vector<std::vector<Value>> Indexes(Connection& conn) {
  return conn.Execute("SHOW INDEXES").rows();
}

TEST(StatementRunnerTest, IndexesKeepTheirNamesAcrossReopen) {
  std::string dir = ::testing::TempDir() + "/statement_runner_names";
  std::filesystem::remove_all(dir);
  {
    Database db(dir);
    Connection conn(db);
    conn.Execute("CREATE (:P {id: 1, x: 2})");
    conn.Execute("CREATE INDEX person_id FOR (p:P) ON (p.id)");
    conn.Execute("CREATE INDEX FOR (p:P) ON (p.x)");
  }
  {
    Database db(dir);
    Connection conn(db);
    EXPECT_EQ(Indexes(conn), (std::vector<std::vector<Value>>{
                                 {Value("person_id"), Value("P"), Value(List{Value("id")})},
                                 {Value("index_P_x"), Value("P"), Value(List{Value("x")})}}));
    Result procedure = conn.Execute("CALL db.indexes() YIELD name RETURN name ORDER BY name");
    EXPECT_EQ(procedure.rows(), (std::vector<std::vector<Value>>{{Value("index_P_x")},
                                                                 {Value("person_id")}}));
    conn.Execute("DROP INDEX person_id");
    conn.Execute("DROP INDEX index_P_x");
    EXPECT_TRUE(Indexes(conn).empty());
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TEST(StatementRunnerTest, ASecondIndexWithTheSameNameIsRefusedUnlessIfNotExists) {
  DatabaseOptions options;
  options.in_memory = true;
  Database db("names", options);
  Connection conn(db);
  conn.Execute("CREATE INDEX by_id FOR (p:P) ON (p.id)");
  try {
    conn.Execute("CREATE INDEX by_id FOR (q:Q) ON (q.id)");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "IndexAlreadyExists");
    EXPECT_NE(std::string(e.what()).find("by_id"), std::string::npos) << e.what();
  }
  conn.Execute("CREATE INDEX by_id IF NOT EXISTS FOR (q:Q) ON (q.id)");
  EXPECT_EQ(Indexes(conn).size(), 1u);
  try {
    conn.Execute("DROP INDEX no_such_index");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "IndexNotFound");
  }
  conn.Execute("DROP INDEX no_such_index IF EXISTS");
}

}  // namespace
}  // namespace parley
