#include "engine/binder/binder.h"

#include <gtest/gtest.h>

#include "engine/parser/parser.h"

namespace parley::binder {
namespace {

class BinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.in_memory = true;
    store_ = storage::GraphStore::Open("binder_test", options);
    txn_ = store_->Begin(storage::TxnMode::kReadWrite);
    txn_->GetOrCreateLabel("Person");
  }

  bound::Query Bind(std::string_view text, const Map& params = {}) {
    ast::Statement stmt = parser::Parse(text);
    return Binder(*txn_, params).Bind(stmt);
  }

  Error BindError(std::string_view text) {
    try {
      Bind(text);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "no error for " << text;
    return Error(ErrorKind::kRuntimeError, "", "");
  }

  std::unique_ptr<storage::GraphStore> store_;
  std::unique_ptr<storage::Txn> txn_;
};

TEST_F(BinderTest, UnknownVariableIsSyntaxErrorAtItsColumn) {
  Error e = BindError("MATCH (a) RETURN b");
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(e.detail(), "UndefinedVariable");
  EXPECT_EQ(e.pos().line, 1u);
  EXPECT_EQ(e.pos().column, 18u);
}

TEST_F(BinderTest, ColumnsKeepTheExpressionText) {
  bound::Query q = Bind("MATCH (n) RETURN n.name, count(*) AS c");
  EXPECT_EQ(q.columns, (std::vector<std::string>{"n.name", "c"}));
  ASSERT_EQ(q.output_slots.size(), 2u);
  EXPECT_NE(q.output_slots[0], q.output_slots[1]);
}

TEST_F(BinderTest, NonAggregateItemsBecomeGroupingKeys) {
  bound::Query q = Bind("MATCH (n) RETURN n.name AS name, n.age AS age, count(*) AS c");
  const auto& proj = std::get<bound::Projection>(q.parts[0].clauses.back());
  EXPECT_TRUE(proj.aggregating);
  EXPECT_EQ(proj.group_keys.size(), 2u);
  ASSERT_EQ(proj.aggregates.size(), 1u);
  EXPECT_TRUE(proj.aggregates[0].count_star);
}

TEST_F(BinderTest, KnownLabelsResolveToCatalogIds) {
  bound::Query q = Bind("MATCH (n:Person), (m:Unknown) RETURN n, m");
  const auto& match = std::get<bound::Match>(q.parts[0].clauses[0]);
  ASSERT_TRUE(match.parts[0].nodes[0].labels[0].id.has_value());
  EXPECT_FALSE(match.parts[1].nodes[0].labels[0].id.has_value());
}

TEST_F(BinderTest, ParametersAreBoundToTheirValues) {
  bound::Query q = Bind("RETURN $x AS x", Map{{"x", Value(5)}});
  const auto& proj = std::get<bound::Projection>(q.parts[0].clauses.back());
  EXPECT_EQ(proj.items[0].expr->value, Value(5));
  Error e = BindError("RETURN $missing");
  EXPECT_EQ(e.kind(), ErrorKind::kParameterMissing);
  EXPECT_EQ(e.detail(), "MissingParameter");
}

TEST_F(BinderTest, WithHidesVariablesItDoesNotProject) {
  EXPECT_EQ(BindError("MATCH (a), (b) WITH a RETURN b").detail(), "UndefinedVariable");
}

TEST_F(BinderTest, ReportsTheTckDetailCodes) {
  EXPECT_EQ(BindError("MATCH (n)-[n]->() RETURN n").detail(), "VariableTypeConflict");
  EXPECT_EQ(BindError("MATCH (a) CREATE (a:L)").detail(), "VariableAlreadyBound");
  EXPECT_EQ(BindError("RETURN count(count(*))").detail(), "InvalidAggregation");
  EXPECT_EQ(BindError("MATCH (n) RETURN n.x, n.y + count(*)").detail(),
            "AmbiguousAggregationExpression");
  EXPECT_EQ(BindError("CREATE ()-[:A|B]->()").detail(), "NoSingleRelationshipType");
  EXPECT_EQ(BindError("CREATE ()-[*]->()").detail(), "CreatingVarLength");
  EXPECT_EQ(BindError("CREATE ()-[:A]-()").detail(), "RequiresDirectedRelationship");
  EXPECT_EQ(BindError("RETURN 1 AS a UNION RETURN 1 AS b").detail(), "DifferentColumnsInUnion");
  EXPECT_EQ(BindError("RETURN 1 AS a, 2 AS a").detail(), "ColumnNameConflict");
  EXPECT_EQ(BindError("WITH 1 + 1 RETURN 1").detail(), "NoExpressionAlias");
  EXPECT_EQ(BindError("RETURN *").detail(), "NoVariablesInScope");
  EXPECT_EQ(BindError("RETURN NOT 1").detail(), "InvalidArgumentType");
  EXPECT_EQ(BindError("RETURN abs()").detail(), "InvalidNumberOfArguments");
  EXPECT_EQ(BindError("RETURN nope(1)").detail(), "UnknownFunction");
  EXPECT_EQ(BindError("RETURN 1 SKIP -1").detail(), "NegativeIntegerArgument");
  EXPECT_EQ(BindError("MATCH (n) RETURN n LIMIT n.x").detail(), "NonConstantExpression");
  EXPECT_EQ(BindError("MATCH (n $p) RETURN n").detail(), "InvalidParameterUse");
  EXPECT_EQ(BindError("CALL no.such()").detail(), "ProcedureNotFound");
}

}  // namespace
}  // namespace parley::binder
