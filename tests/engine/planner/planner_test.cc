// Planner rewrites, observed through EXPLAIN.
#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

class PlannerTest : public ::testing::Test {
 protected:
  PlannerTest() : db_("planner_test", testing::InMemory()), conn_(db_) {}
  std::string Explain(std::string_view query) {
    return conn_.Execute("EXPLAIN " + std::string(query)).plan();
  }
  // 20 :Person nodes with ids 1..20, indexed on id.
  void IndexedPersons() {
    conn_.Execute("UNWIND range(1, 20) AS i CREATE (:Person {id: i})");
    conn_.Execute("CREATE INDEX FOR (p:Person) ON (p.id)");
  }
  // Index in `plan` of the first line containing `what` (npos if none).
  static std::size_t LineOf(const std::string& plan, std::string_view what) {
    std::size_t at = plan.find(what);
    if (at == std::string::npos) return at;
    return static_cast<std::size_t>(std::count(plan.begin(), plan.begin() + at, '\n'));
  }
  Database db_;
  Connection conn_;
};

TEST_F(PlannerTest, StartsFromTheSmallestLabel) {
  conn_.Execute("UNWIND range(1, 50) AS i CREATE (:Big {i: i})");
  conn_.Execute("CREATE (:Small)");
  std::string plan = Explain("MATCH (a:Big)-[:R]->(b:Small) RETURN a");
  EXPECT_NE(plan.find("NodeByLabelScan b:Small"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Expand(All) (b)<-[anon_"), std::string::npos) << plan;
}

TEST_F(PlannerTest, ManySeparatePatternsStartFromTheSmallestLabelsAndAnswerRight) {
  // Past a few dozen separate nodes the starts are weighed by their labels alone.
  conn_.Execute("UNWIND range(1, 5) AS i CREATE (:Big {i: i})");
  conn_.Execute("CREATE (:Small {i: 0})");
  std::string pattern = "(s:Small)";
  for (int i = 0; i < 40; ++i) pattern += fmt::format(", (b{}:Big)", i);
  std::string query = "MATCH " + pattern + " WHERE b0.i = 1 AND b1.i = 2 RETURN count(*)";
  std::string plan = Explain(query);
  // The single :Small node is the first start (the deepest scan of the plan).
  std::size_t small = LineOf(plan, "NodeByLabelScan s:Small");
  ASSERT_NE(small, std::string::npos) << plan;
  EXPECT_GT(small, LineOf(plan, "NodeByLabelScan b39:Big")) << plan;
  // 38 unfiltered :Big nodes of 5 each: 5^38 rows would not fit; count a smaller product.
  std::string small_query = "MATCH (s:Small)";
  for (int i = 0; i < 40; ++i) small_query += fmt::format(", (b{}:Big {{i: 1}})", i);
  small_query += " RETURN count(*)";
  EXPECT_EQ(conn_.Execute(small_query).rows().at(0).at(0).as_int(), 1);
}

TEST_F(PlannerTest, UsesAnIndexForEquality) {
  IndexedPersons();
  std::string plan = Explain("MATCH (p:Person {id: 7}) RETURN p");
  EXPECT_NE(plan.find("NodeIndexSeek p:Person(id) = 7"), std::string::npos) << plan;
  Result r = conn_.Execute("MATCH (p:Person) WHERE p.id = 7 RETURN p.id");
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0][0], Value(7));
}

TEST_F(PlannerTest, AnEqualitySeekNeedsNoFilterOfItsPredicate) {
  IndexedPersons();
  std::string plan = Explain("MATCH (p:Person) WHERE p.id = 7 RETURN p");
  EXPECT_NE(plan.find("NodeIndexSeek p:Person(id) = 7"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("Filter"), std::string::npos) << plan;
  // A range seek keeps its Filter: the range is checked again per type.
  plan = Explain("MATCH (p:Person) WHERE p.id > 7 RETURN p");
  EXPECT_NE(plan.find("Filter p.id > 7"), std::string::npos) << plan;
}

TEST_F(PlannerTest, PushesPredicatesDownToWhereTheirVariablesAreBound) {
  std::string plan = Explain("MATCH (a)-[:R]->(b) WHERE a.x = 1 AND b.y = 2 RETURN a");
  // The filter on the start node sits below the expansion (printed after it).
  std::size_t expand = LineOf(plan, "Expand");
  std::size_t filter_a = LineOf(plan, "Filter a.x = 1");
  std::size_t filter_b = LineOf(plan, "Filter b.y = 2");
  ASSERT_NE(expand, std::string::npos) << plan;
  EXPECT_GT(filter_a, expand) << plan;
  EXPECT_LT(filter_b, expand) << plan;
}

TEST_F(PlannerTest, ExpandsFromBoundNodesInsteadOfScanning) {
  std::string plan = Explain("MATCH (a) WITH a MATCH (a)-[:R]->(b) RETURN b");
  EXPECT_EQ(plan.find("AllNodesScan b"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Expand(All) (a)-[anon_"), std::string::npos) << plan;
}

TEST_F(PlannerTest, ExplainReturnsThePlanAsRows) {
  Result r = conn_.Execute("EXPLAIN MATCH (n) RETURN n");
  EXPECT_EQ(r.columns(), std::vector<std::string>{"plan"});
  EXPECT_GE(r.row_count(), 2u);
  EXPECT_FALSE(r.plan().empty());
}

TEST_F(PlannerTest, ProfileCountsRowsPerOperator) {
  conn_.Execute("CREATE (), (), ()");
  Result r = conn_.Execute("PROFILE MATCH (n) RETURN n");
  EXPECT_EQ(r.row_count(), 3u);
  EXPECT_NE(r.plan().find("AllNodesScan n  (estimated rows: 3, rows: 3, time: "),
            std::string::npos)
      << r.plan();
}

// A variable-length relationship nobody names is not listed per row, but the relationships
// it follows still may not be used again in the same MATCH, in either expansion order.
TEST_F(PlannerTest, UnnamedVariableLengthRelationshipsStillCountForUniqueness) {
  conn_.Execute("CREATE (a:A)-[:R]->(b:B)-[:R]->(a)");
  for (std::string q : {"MATCH (x:A)-[*2]->(y)-[:R]->(z) RETURN count(*) AS n",
                        "MATCH (z)<-[:R]-(y)<-[*2]-(x:A) RETURN count(*) AS n",
                        "MATCH (x)-[*2]->(y:A)-[:R]->(z) RETURN count(*) AS n"}) {
    EXPECT_EQ(conn_.Execute(q).rows()[0][0], Value(0)) << q << "\n" << Explain(q);
  }
  Result r = conn_.Execute("MATCH (x:A)-[*1..2]->(y) RETURN count(*) AS n");
  EXPECT_EQ(r.rows()[0][0], Value(2));
  r = conn_.Execute("MATCH p = (x:A)-[*1..2]->(y) RETURN max(length(p)) AS n");
  EXPECT_EQ(r.rows()[0][0], Value(2));
}

// 20 people, 400 messages each made by person i % 20, ids indexed; people know the next.
class CostPlannerTest : public PlannerTest {
 protected:
  CostPlannerTest() {
    conn_.Execute("UNWIND range(0, 19) AS i CREATE (:Person {id: i})");
    conn_.Execute(
        "MATCH (p:Person) UNWIND range(0, 19) AS j "
        "CREATE (:Message {id: p.id + 20 * j})-[:HAS_CREATOR]->(p)");
    conn_.Execute(
        "MATCH (a:Person), (b:Person) WHERE b.id = (a.id + 1) % 20 CREATE (a)-[:KNOWS]->(b)");
    conn_.Execute("CREATE INDEX FOR (m:Message) ON (m.id)");
    conn_.Execute("CREATE INDEX FOR (p:Person) ON (p.id)");
  }
  // The plan's line that contains `what`, or "" when none.
  static std::string Line(const std::string& plan, std::string_view what) {
    std::size_t at = plan.find(what);
    if (at == std::string::npos) return "";
    std::size_t begin = plan.rfind('\n', at);
    begin = begin == std::string::npos ? 0 : begin + 1;
    return plan.substr(begin, plan.find('\n', at) - begin);
  }
};

TEST_F(CostPlannerTest, AnIndexSeekBeatsAScanOfASmallerLabel) {
  std::string q = "MATCH (m:Message {id: 47})-[:HAS_CREATOR]->(p:Person) RETURN p.id";
  std::string plan = Explain(q);
  EXPECT_NE(plan.find("NodeIndexSeek m:Message(id) = 47"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("NodeByLabelScan"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Expand(All) (m)-[anon_"), std::string::npos) << plan;
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0][0], Value(7));
}

TEST_F(CostPlannerTest, ASeekInTheMiddleOfAChainStartsThePlan) {
  std::string q =
      "MATCH (m:Message)-[:HAS_CREATOR]->(p:Person)-[:KNOWS]->(f:Person {id: 3}) "
      "RETURN count(m) AS messages, min(p.id) AS author";
  std::string plan = Explain(q);
  EXPECT_NE(plan.find("NodeIndexSeek f:Person(id) = 3"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("NodeByLabelScan"), std::string::npos) << plan;
  EXPECT_LT(LineOf(plan, "HAS_CREATOR"), LineOf(plan, "KNOWS")) << plan;  // KNOWS first
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0], (std::vector<Value>{Value(20), Value(2)}));
}

TEST_F(CostPlannerTest, ExpansionStartsFromTheBoundSide) {
  std::string q =
      "MATCH (p:Person {id: 3}) WITH p "
      "MATCH (m:Message)-[:HAS_CREATOR]->(p) RETURN count(*) AS n";
  std::string plan = Explain(q);
  EXPECT_NE(plan.find("Expand(All) (p)<-[anon_"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("NodeByLabelScan m:Message"), std::string::npos) << plan;
  Result r = conn_.Execute(q);
  EXPECT_EQ(r.rows()[0][0], Value(20));
}

// An index seek per incoming row costs more than following the one relationship that
// reaches the same node.
TEST_F(CostPlannerTest, PerRowAnExpansionBeatsAnIndexSeek) {
  std::string q =
      "MATCH (p:Person {id: 3})<-[:HAS_CREATOR]-(m:Message) WITH m "
      "MATCH (m)-[:HAS_CREATOR]->(q:Person {id: 3}) RETURN count(*) AS n";
  std::string plan = Explain(q);
  EXPECT_EQ(plan.find("NodeIndexSeek q:Person"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Expand(All) (m)-[anon_"), std::string::npos) << plan;
  EXPECT_EQ(conn_.Execute(q).rows()[0][0], Value(20));
}

TEST_F(CostPlannerTest, ExplainShowsEstimatesFromTheCatalog) {
  std::string plan = Explain("MATCH (p:Person)<-[:HAS_CREATOR]-(m) RETURN m");
  // 20 people; 400 HAS_CREATOR relationships over 20 people: 20 per person.
  EXPECT_NE(Line(plan, "NodeByLabelScan p:Person").find("(estimated rows: 20)"),
            std::string::npos)
      << plan;
  EXPECT_NE(Line(plan, "Expand(All) (p)").find("(estimated rows: 400)"), std::string::npos)
      << plan;
  // An equality seek on integer ids spread over a range as wide as their count: one row.
  plan = Explain("MATCH (m:Message {id: 5}) RETURN m");
  EXPECT_NE(Line(plan, "NodeIndexSeek").find("(estimated rows: 1)"), std::string::npos)
      << plan;
}

TEST_F(CostPlannerTest, ProfileShowsEstimatedAgainstActualRows) {
  Result r = conn_.Execute("PROFILE MATCH (p:Person)<-[:HAS_CREATOR]-(m) RETURN m.id");
  EXPECT_EQ(r.row_count(), 400u);
  EXPECT_NE(Line(r.plan(), "Expand(All) (p)").find("(estimated rows: 400, rows: 400, time: "),
            std::string::npos)
      << r.plan();
}

TEST_F(CostPlannerTest, SeveralMatchClausesContinueFromWhatIsBound) {
  std::string q =
      "MATCH (a:Person) MATCH (a)-[:KNOWS]->(b:Person {id: 0}) "
      "MATCH (m:Message {id: 1})-[:HAS_CREATOR]->(c) RETURN a.id, c.id";
  std::string plan = Explain(q);
  EXPECT_NE(plan.find("NodeIndexSeek m:Message(id) = 1"), std::string::npos) << plan;
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0], (std::vector<Value>{Value(19), Value(1)}));
}

TEST_F(CostPlannerTest, AnEqualityOnAUniqueKeyIsEstimatedAtOneRow) {
  conn_.Execute("UNWIND range(0, 99) AS i CREATE (:Tag {name: 'tag' + toString(i % 50)})");
  conn_.Execute("CREATE INDEX FOR (t:Tag) ON (t.name)");
  std::string seek = Line(Explain("MATCH (t:Tag {name: 'tag7'}) RETURN t"), "NodeIndexSeek");
  EXPECT_NE(seek.find("(estimated rows: 10)"), std::string::npos) << seek;  // default share
  conn_.Execute("MATCH (t:Tag) WHERE t.name > 'tag4' DETACH DELETE t");
  conn_.Execute("MATCH (t:Tag) WITH t.name AS name, collect(t) AS ts "
                "UNWIND ts[1..] AS extra DETACH DELETE extra");
  conn_.Execute("CREATE CONSTRAINT FOR (t:Tag) REQUIRE t.name IS UNIQUE");
  seek = Line(Explain("MATCH (t:Tag {name: 'tag7'}) RETURN t"), "NodeIndexSeek");
  EXPECT_NE(seek.find("(estimated rows: 1)"), std::string::npos) << seek;
}

TEST_F(CostPlannerTest, AnOrFixingOneKeyInEveryBranchSeeksEachValue) {
  std::string q =
      "MATCH (a:Person)-[:KNOWS]->(b:Person) "
      "WHERE (a.id = 3 AND b.id = 4) OR (b.id = 16 AND a.id = 15) OR (a.id = 7 AND b.id = 9) "
      "RETURN a.id, b.id ORDER BY a.id";
  std::string plan = Explain(q);
  EXPECT_TRUE(plan.find("NodeIndexSeek a:Person(id) IN [3, 15, 7]") != std::string::npos ||
              plan.find("NodeIndexSeek b:Person(id) IN [4, 16, 9]") != std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("NodeByLabelScan"), std::string::npos) << plan;
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 2u);
  EXPECT_EQ(r.rows()[0], (std::vector<Value>{Value(3), Value(4)}));
  EXPECT_EQ(r.rows()[1], (std::vector<Value>{Value(15), Value(16)}));
  // A branch that does not fix the key: no seek on it.
  plan = Explain("MATCH (a:Person) WHERE a.id = 3 OR a.id > 17 RETURN a.id");
  EXPECT_EQ(plan.find("IN ["), std::string::npos) << plan;
  EXPECT_EQ(conn_.Execute("MATCH (a:Person) WHERE a.id = 3 OR a.id > 17 RETURN a.id").row_count(),
            3u);
}

TEST_F(CostPlannerTest, InAListSeeksEachElementAndYieldsEachNodeOnce) {
  std::string q = "MATCH (m:Message) WHERE m.id IN [5, 2, 5, null, 2.0] RETURN m.id ORDER BY m.id";
  EXPECT_NE(Explain(q).find("NodeIndexSeek m:Message(id) IN [5, 2, 5, null, 2.0]"),
            std::string::npos)
      << Explain(q);
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 2u);
  EXPECT_EQ(r.rows()[0][0], Value(2));
  EXPECT_EQ(r.rows()[1][0], Value(5));
  Params params;
  params["ids"] = Value(List{Value(7), Value(8), Value(1000)});
  r = conn_.Execute("MATCH (m:Message) WHERE m.id IN $ids RETURN count(*) AS n", params);
  EXPECT_EQ(r.rows()[0][0], Value(2));
  r = conn_.Execute("MATCH (m:Message) WHERE m.id IN [] RETURN count(*) AS n");
  EXPECT_EQ(r.rows()[0][0], Value(0));
}

TEST_F(CostPlannerTest, UnderOrderByLimitWhatTheOrderDoesNotReadIsComputedAfterTheLimit) {
  std::string q =
      "MATCH (m:Message)-[:HAS_CREATOR]->(p:Person) "
      "RETURN p.id * 100 AS author, m.id AS id ORDER BY id DESC, p.id LIMIT 3";
  std::string plan = Explain(q);
  std::size_t late = LineOf(plan, "Projection (p.id * 100) AS author");
  ASSERT_NE(late, std::string::npos) << plan;
  EXPECT_LT(late, LineOf(plan, "Limit 3")) << plan;
  EXPECT_GT(LineOf(plan, "Projection m.id AS id"), LineOf(plan, "Top id DESC")) << plan;
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 3u);
  EXPECT_EQ(r.rows()[0], (std::vector<Value>{Value(1900), Value(399)}));
  EXPECT_EQ(r.rows()[2], (std::vector<Value>{Value(1700), Value(397)}));
  // Without a LIMIT every row is projected anyway: one Projection, below the Sort.
  plan = Explain("MATCH (m:Message) RETURN m.id * 2 AS twice, m.id AS id ORDER BY id");
  EXPECT_GT(LineOf(plan, "Projection (m.id * 2) AS twice, m.id AS id"), LineOf(plan, "Sort"))
      << plan;
}

// Past the size searched exhaustively the greedy plan still gives every answer.
TEST_F(CostPlannerTest, LargePatternsArePlannedGreedily) {
  std::string chain = "MATCH (p0:Person {id: 0})";
  for (int i = 0; i < 10; ++i) chain += fmt::format("-[:KNOWS]->(p{})", i + 1);
  std::string q = chain + " RETURN p10.id";
  std::string plan = Explain(q);
  EXPECT_NE(plan.find("NodeIndexSeek p0:Person(id) = 0"), std::string::npos) << plan;
  Result r = conn_.Execute(q);
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.rows()[0][0], Value(10));
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// With the spread of a property's values known, a range filter that keeps few nodes
// makes its node the start, and the plan reads fewer relationships for the same answer.
TEST_F(PlannerTest, StartsFromTheNodeWhoseRangeFilterKeepsFewest) {
  conn_.Execute("UNWIND range(0, 999) AS i CREATE (:P {i: i, age: 18 + i % 73})");
  conn_.Execute("MATCH (a:P), (b:P) WHERE b.i = (a.i * 7 + 3) % 1000 CREATE (a)-[:K]->(b)");
  std::string q = "MATCH (a:P)-[:K]->(b:P) WHERE a.age > 60 AND b.age < 20 RETURN count(*)";
  conn_.Execute("MATCH (n:P) RETURN count(n)");  // a full scan: the values' spread is known
  std::string plan = Explain(q);
  EXPECT_NE(plan.find("NodeByLabelScan b:P"), std::string::npos) << plan;
  // Plans print the first operator last: b's filter runs before the expansion, a's after.
  EXPECT_GT(LineOf(plan, "Filter b.age < 20"), LineOf(plan, "Expand(All)")) << plan;
  EXPECT_LT(LineOf(plan, "Filter a.age > 60"), LineOf(plan, "Expand(All)")) << plan;
  // The same filters the other way round start from a: the values decide, not the order.
  std::string mirrored =
      Explain("MATCH (a:P)-[:K]->(b:P) WHERE a.age < 20 AND b.age > 60 RETURN count(*)");
  EXPECT_NE(mirrored.find("NodeByLabelScan a:P"), std::string::npos) << mirrored;
  // Same answer either way (the reference: a filter the planner cannot see through).
  Result got = conn_.Execute(q);
  Result expected = conn_.Execute(
      "MATCH (a:P)-[:K]->(b:P) WITH a, b WHERE a.age > 60 AND b.age < 20 RETURN count(*)");
  EXPECT_EQ(got.rows(), expected.rows());
  EXPECT_GT(got.rows()[0][0].as_int(), 0);
}

}  // namespace
}  // namespace parley
