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
                                 {Value("person_id"), Value("P"), Value(List{Value("id")}),
                                  Value()},
                                 {Value("index_P_x"), Value("P"), Value(List{Value("x")}),
                                  Value()}}));
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

// The error `cypher` fails with; fails the test when it succeeds.
Error Failure(Connection& conn, const std::string& cypher) {
  try {
    conn.Execute(cypher);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error from " << cypher;
  return Error(ErrorKind::kRuntimeError, "", "no error");
}

std::int64_t Count(Connection& conn, const std::string& cypher) {
  return conn.Execute(cypher).rows().at(0).at(0).as_int();
}

TEST(StatementRunnerTest, ConstraintErrorsNameTheLabelPropertyAndValue) {
  DatabaseOptions options;
  options.in_memory = true;
  Database db("constraint_errors", options);
  Connection conn(db);
  conn.Execute("CREATE (:City {id: 7, name: 'Oslo'}), (:City {id: 7, name: 'Bergen'})");
  Error refused = Failure(conn, "CREATE CONSTRAINT ON (c:City) ASSERT c.id IS UNIQUE");
  EXPECT_EQ(refused.kind(), ErrorKind::kConstraintVerificationFailed);
  EXPECT_EQ(refused.detail(), "ConstraintCreationFailed");
  EXPECT_EQ(std::string(refused.what()),
            "cannot create the uniqueness constraint constraint_City_id on :City(id): nodes 0 "
            "and 1 both have id = 7");
  EXPECT_TRUE(conn.Execute("SHOW CONSTRAINTS").rows().empty());
  EXPECT_TRUE(Indexes(conn).empty());

  conn.Execute("MATCH (c:City {name: 'Bergen'}) SET c.id = 8");
  conn.Execute("CREATE CONSTRAINT ON (c:City) ASSERT c.id IS UNIQUE");
  Error violation = Failure(conn, "CREATE (:City {id: 8, name: 'Copy'})");
  EXPECT_EQ(violation.kind(), ErrorKind::kConstraintVerificationFailed);
  EXPECT_EQ(violation.detail(), "ConstraintValidationFailed");
  EXPECT_EQ(std::string(violation.what()),
            "Node(1) already exists with label `City` and property `id` = 8");
  Error text = Failure(conn, "MATCH (c:City {id: 7}) SET c.id = 8");
  EXPECT_EQ(text.detail(), "ConstraintValidationFailed");
}

TEST(StatementRunnerTest, AViolationInATransactionUndoesOnlyItsStatement) {
  DatabaseOptions options;
  options.in_memory = true;
  Database db("constraint_txn", options);
  Connection conn(db);
  conn.Execute("CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE");
  conn.Begin();
  conn.Execute("CREATE (:Person {id: 1})");
  // The transaction's own writes count: a second node with id 1 is refused ...
  EXPECT_EQ(Failure(conn, "CREATE (:Person {id: 2}), (:Person {id: 1})").detail(),
            "ConstraintValidationFailed");
  // ... and the failed statement left nothing, not even its first node.
  EXPECT_EQ(Count(conn, "MATCH (p:Person) RETURN count(p)"), 1);
  conn.Execute("CREATE (:Person {id: 2})");
  // A value freed in the transaction can be taken again in it.
  conn.Execute("MATCH (p:Person {id: 1}) DELETE p");
  conn.Execute("CREATE (:Person {id: 1, again: true})");
  EXPECT_EQ(Failure(conn, "MATCH (p:Person {id: 2}) SET p.id = 1").detail(),
            "ConstraintValidationFailed");
  conn.Commit();
  Result rows = conn.Execute("MATCH (p:Person) RETURN p.id, p.again ORDER BY p.id");
  EXPECT_EQ(rows.rows(), (std::vector<std::vector<Value>>{{Value(1), Value(true)},
                                                          {Value(2), Value()}}));
  // A constraint created in a transaction that rolls back leaves nothing.
  conn.Begin();
  conn.Execute("CREATE CONSTRAINT FOR (c:City) REQUIRE c.id IS UNIQUE");
  EXPECT_EQ(conn.Execute("SHOW CONSTRAINTS").rows().size(), 2u);
  conn.Rollback();
  EXPECT_EQ(conn.Execute("SHOW CONSTRAINTS").rows().size(), 1u);
  EXPECT_EQ(Indexes(conn).size(), 1u);
}

TEST(StatementRunnerTest, ConstraintsAreKeptAcrossReopen) {
  std::string dir = ::testing::TempDir() + "/statement_runner_constraints";
  std::filesystem::remove_all(dir);
  {
    Database db(dir);
    Connection conn(db);
    conn.Execute("CREATE (:P {id: 1})");
    conn.Execute("CREATE CONSTRAINT p_id FOR (p:P) REQUIRE p.id IS UNIQUE");
  }
  {
    Database db(dir);
    Connection conn(db);
    EXPECT_EQ(conn.Execute("SHOW CONSTRAINTS").rows(),
              (std::vector<std::vector<Value>>{{Value("p_id"), Value("UNIQUENESS"),
                                                Value("NODE"), Value(List{Value("P")}),
                                                Value(List{Value("id")}), Value("p_id")}}));
    EXPECT_EQ(Failure(conn, "CREATE (:P {id: 1})").detail(), "ConstraintValidationFailed");
    EXPECT_EQ(Failure(conn, "DROP INDEX p_id").detail(), "IndexBelongsToConstraint");
    conn.Execute("DROP CONSTRAINT p_id");
  }
  {
    Database db(dir);
    Connection conn(db);
    EXPECT_TRUE(conn.Execute("SHOW CONSTRAINTS").rows().empty());
    EXPECT_TRUE(Indexes(conn).empty());
    conn.Execute("CREATE (:P {id: 1})");
    EXPECT_EQ(Count(conn, "MATCH (p:P {id: 1}) RETURN count(p)"), 2);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace
}  // namespace parley
