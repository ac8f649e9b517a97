// Hash joins chosen by the planner: plan shape through EXPLAIN and PROFILE, and answers
// equal to the same question asked without a join.
#include <algorithm>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

class HashJoinPlanTest : public ::testing::Test {
 protected:
  HashJoinPlanTest() : db_("hash_join_plan_test", testing::InMemory()), conn_(db_) {}
  std::string Explain(std::string_view query) {
    return conn_.Execute("EXPLAIN " + std::string(query)).plan();
  }
  // The rows of `query` as sorted text: a multiset, whatever the row order.
  std::vector<std::string> Rows(std::string_view query) {
    std::vector<std::string> out;
    Result result = conn_.Execute(query);
    for (const auto& row : result.rows()) {
      std::string line;
      for (const Value& v : row) line += v.ToString() + "|";
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  // 200 people with an index on id; person i knows the people j with (7i + 13j) % 20 == 0.
  void People() {
    conn_.Execute("UNWIND range(1, 200) AS i CREATE (:Person {id: i})");
    conn_.Execute("CREATE INDEX FOR (p:Person) ON (p.id)");
    conn_.Execute(
        "MATCH (a:Person), (b:Person) WHERE (a.id * 7 + b.id * 13) % 20 = 0 "
        "CREATE (a)-[:KNOWS]->(b)");
  }
  // Index in `plan` of the first line containing `what` (npos if none).
  static std::size_t LineOf(const std::string& plan, std::string_view what) {
    std::size_t at = plan.find(what);
    if (at == std::string::npos) return at;
    return static_cast<std::size_t>(std::count(plan.begin(), plan.begin() + at, '\n'));
  }
  static bool HasJoin(const std::string& plan) {
    return plan.find("HashJoin") != std::string::npos;
  }

  Database db_;
  Connection conn_;
};

constexpr std::string_view kTwoSeeks =
    "MATCH (a:Person {id: 1})-[:KNOWS]->(x:Person), (b:Person {id: 3})-[:KNOWS]->(x) "
    "RETURN x.id";

TEST_F(HashJoinPlanTest, JoinsTwoSeekedHalvesOnTheNodeTheyShare) {
  People();
  std::string plan = Explain(kTwoSeeks);
  std::size_t join = LineOf(plan, "HashJoin keys: [x]");
  ASSERT_NE(join, std::string::npos) << plan;
  EXPECT_GT(LineOf(plan, "NodeIndexSeek a:Person(id) = 1"), join) << plan;
  EXPECT_GT(LineOf(plan, "NodeIndexSeek b:Person(id) = 3"), join) << plan;
  EXPECT_EQ(plan.find("Expand(Into)"), std::string::npos) << plan;
  // Person 1 knows j with 13j = 13 (mod 20), person 3 with 13j = 19 (mod 20): none in common.
  EXPECT_EQ(Rows(kTwoSeeks), std::vector<std::string>{});
  std::string same =
      "MATCH (a:Person {id: 1})-[:KNOWS]->(x:Person), (b:Person {id: 21})-[:KNOWS]->(x) "
      "RETURN x.id";
  ASSERT_TRUE(HasJoin(Explain(same)));
  EXPECT_EQ(Rows(same).size(), 10u);  // 1 and 21 know the same ten people
}

TEST_F(HashJoinPlanTest, JoinsTwoLeadersAtTheSummitsBothMetAt) {
  conn_.Execute("UNWIND range(1, 40) AS i CREATE (:Leader {name: 'L' + toString(i)})");
  conn_.Execute("UNWIND range(1, 60) AS i CREATE (:Summit {id: i})");
  conn_.Execute("CREATE INDEX FOR (l:Leader) ON (l.name)");
  conn_.Execute(
      "MATCH (l:Leader), (s:Summit) WHERE (toInteger(substring(l.name, 1)) + s.id) % 6 = 0 "
      "CREATE (l)-[:MET_AT]->(s)");
  std::string q =
      "MATCH (a:Leader {name: 'L1'})-[:MET_AT]->(s:Summit)<-[:MET_AT]-(b:Leader {name: 'L7'}) "
      "RETURN s.id";
  std::string plan = Explain(q);
  std::size_t join = LineOf(plan, "HashJoin keys: [s]");
  ASSERT_NE(join, std::string::npos) << plan;
  EXPECT_GT(LineOf(plan, "NodeIndexSeek a:Leader(name) = 'L1'"), join) << plan;
  EXPECT_GT(LineOf(plan, "NodeIndexSeek b:Leader(name) = 'L7'"), join) << plan;
  std::string without =
      "MATCH (a:Leader {name: 'L1'})-[:MET_AT]->(s:Summit) WITH s "
      "MATCH (s)<-[:MET_AT]-(b:Leader {name: 'L7'}) RETURN s.id";
  ASSERT_FALSE(HasJoin(Explain(without)));
  EXPECT_EQ(Rows(q).size(), 10u);  // summits 5, 11, ..., 59
  EXPECT_EQ(Rows(q), Rows(without));
}

TEST_F(HashJoinPlanTest, JoinsFilteredScansOfAnUnlabelledPattern) {
  People();
  std::string q =
      "MATCH (a)-[:KNOWS]->(m), (m)<-[:KNOWS]-(b) WHERE a.id = 1 AND b.id = 21 RETURN m.id";
  std::string plan = Explain(q);
  std::size_t join = LineOf(plan, "HashJoin keys: [m]");
  ASSERT_NE(join, std::string::npos) << plan;
  EXPECT_GT(LineOf(plan, "Filter a.id = 1"), join) << plan;
  EXPECT_GT(LineOf(plan, "Filter b.id = 21"), join) << plan;
  EXPECT_EQ(Rows(q).size(), 10u);
}

TEST_F(HashJoinPlanTest, ExpandsFromTheBoundEndWhenTheOtherEndIsNotSelective) {
  People();
  std::string plan =
      Explain("MATCH (a:Person {id: 1})-[:KNOWS]->(x)<-[:KNOWS]-(b:Person) RETURN b.id");
  EXPECT_FALSE(HasJoin(plan)) << plan;
  EXPECT_NE(plan.find("Expand(All) (x)<-[anon_"), std::string::npos) << plan;
}

TEST_F(HashJoinPlanTest, OptionalMatchExpandsAndStillYieldsNullsWhenNothingMatches) {
  People();
  std::string q =
      "MATCH (c:Person {id: 5}) OPTIONAL MATCH (a:Person {id: 1})-[:KNOWS]->(x:Person), "
      "(b:Person {id: 3})-[:KNOWS]->(x) RETURN c.id, x";
  std::string plan = Explain(q);
  EXPECT_FALSE(HasJoin(plan)) << plan;
  EXPECT_EQ(Rows(q), std::vector<std::string>{"5|null|"});
}

TEST_F(HashJoinPlanTest, StatementsThatWriteExpandInstead) {
  People();
  std::string plan = Explain(
      "MATCH (a:Person {id: 1})-[:KNOWS]->(x), (b:Person {id: 21})-[:KNOWS]->(x) "
      "SET x.common = true");
  EXPECT_FALSE(HasJoin(plan)) << plan;
}

TEST_F(HashJoinPlanTest, TheBuildSideNeverReadsVariablesOfEarlierClauses) {
  People();
  // b.id = c.id reads c, bound per incoming row: it is applied above the join, if any.
  std::string q =
      "MATCH (c:Person) WHERE c.id IN [21, 41] WITH c "
      "MATCH (a:Person {id: 1})-[:KNOWS]->(x), (b:Person)-[:KNOWS]->(x) WHERE b.id = c.id "
      "RETURN c.id, x.id";
  std::string without =
      "MATCH (c:Person) WHERE c.id IN [21, 41] WITH c "
      "MATCH (a:Person {id: 1})-[r1:KNOWS]->(x) WITH c, x, r1 "
      "MATCH (b:Person)-[r2:KNOWS]->(x) WHERE b.id = c.id AND r1 <> r2 RETURN c.id, x.id";
  EXPECT_EQ(Rows(q).size(), 20u);
  EXPECT_EQ(Rows(q), Rows(without));
}

TEST_F(HashJoinPlanTest, ARelationshipIsNotBoundOnBothSidesOfTheJoin) {
  // a and b may be the same node; r1 and r2 must still be different relationships.
  conn_.Execute("UNWIND range(1, 300) AS i CREATE (:N {k: i % 100})");
  conn_.Execute("CREATE INDEX FOR (n:N) ON (n.k)");
  conn_.Execute("MATCH (a:N {k: 7}), (m:N {k: 8}) CREATE (a)-[:R]->(m)");
  conn_.Execute("MATCH (a:N {k: 7}), (m:N {k: 9}) CREATE (a)-[:R]->(m), (a)-[:R]->(m)");
  // Elsewhere the graph is dense: expanding back from m looks expensive to the planner.
  conn_.Execute(
      "MATCH (a:N), (m:N) WHERE a.k >= 20 AND m.k >= 20 AND (a.k + m.k) % 10 = 0 "
      "CREATE (a)-[:R]->(m)");
  std::string q =
      "MATCH (a:N {k: 7})-[r1:R]->(m), (b:N {k: 7})-[r2:R]->(m) RETURN a, r1, b, r2, m";
  ASSERT_TRUE(HasJoin(Explain(q))) << Explain(q);
  // Per m with k 8: 3 in-edges from 3 nodes, one each, 3 * 2 ordered pairs. Per m with
  // k 9: 6 in-edges, two per node: 6 * 5 ordered pairs.
  EXPECT_EQ(Rows(q).size(), 3u * (3 * 2 + 6 * 5));
  std::string without =
      "MATCH (a:N {k: 7})-[r1:R]->(m) WITH a, r1, m "
      "MATCH (b:N {k: 7})-[r2:R]->(m) WHERE r1 <> r2 RETURN a, r1, b, r2, m";
  EXPECT_EQ(Rows(q), Rows(without));
}

TEST_F(HashJoinPlanTest, ProfileCountsTheJoinsRows) {
  People();
  std::string q =
      "PROFILE MATCH (a:Person {id: 1})-[:KNOWS]->(x), (b:Person {id: 21})-[:KNOWS]->(x) "
      "RETURN x.id";
  Result r = conn_.Execute(q);
  EXPECT_EQ(r.row_count(), 10u);
  std::string plan = r.plan();
  std::size_t join = plan.find("HashJoin keys: [x]  (estimated rows: ");
  ASSERT_NE(join, std::string::npos) << plan;
  std::string line = plan.substr(join, plan.find('\n', join) - join);
  EXPECT_NE(line.find(", rows: 10, time: "), std::string::npos) << plan;
}

// Random graphs with parallel edges and self-loops; each join query is asked again one
// relationship per MATCH (which never joins), relationships kept distinct by hand.
TEST_F(HashJoinPlanTest, RandomGraphsAnswerAsWithoutTheJoin) {
  std::mt19937 rng(20240611);
  std::vector<int> joined(5);  // per query shape, how often it was planned as a join
  conn_.Execute("CREATE INDEX FOR (p:P) ON (p.k)");
  for (int graph = 0; graph < 3; ++graph) {
    conn_.Execute("MATCH (n) DETACH DELETE n");
    conn_.Execute("UNWIND range(0, 79) AS i CREATE (:P {id: i, k: i % 9})");
    std::uniform_int_distribution<int> node(0, 79);
    std::string edges;
    for (int e = 0; e < 400 << graph; ++e) {  // denser graphs make joins cheaper
      edges += fmt::format("{}[{}, {}, {}]", e ? ", " : "", node(rng), node(rng), e % 3);
    }
    for (std::string_view type : {"S", "R"}) {
      conn_.Execute(fmt::format("UNWIND [{}] AS e WITH e WHERE (e[2] = 0) = ('{}' = 'S') "
                                "MATCH (a:P {{id: e[0]}}), (b:P {{id: e[1]}}) "
                                "CREATE (a)-[:{}]->(b)", edges, type, type));
    }
    for (int ka = 0; ka < 9; ka += 4) {
      for (int kb = 0; kb < 9; kb += 3) {
        std::vector<std::pair<std::string, std::string>> cases = {
            {fmt::format("MATCH (a:P {{k: {0}}})-[r1:R]->(x), (b:P {{k: {1}}})-[r2:R]->(x) "
                         "RETURN a.id, b.id, x.id", ka, kb),
             fmt::format("MATCH (a:P {{k: {0}}})-[r1:R]->(x) WITH a, r1, x "
                         "MATCH (b:P {{k: {1}}})-[r2:R]->(x) WHERE r1 <> r2 "
                         "RETURN a.id, b.id, x.id", ka, kb)},
            {fmt::format("MATCH (a:P {{k: {0}}})-[r1]-(x)-[r2:S]->(y)<-[r3:R]-(b:P {{k: {1}}}) "
                         "RETURN a.id, x.id, y.id, b.id", ka, kb),
             fmt::format("MATCH (a:P {{k: {0}}})-[r1]-(x) WITH a, r1, x "
                         "MATCH (x)-[r2:S]->(y) WHERE r2 <> r1 WITH a, r1, x, r2, y "
                         "MATCH (y)<-[r3:R]-(b:P {{k: {1}}}) WHERE r3 <> r1 AND r3 <> r2 "
                         "RETURN a.id, x.id, y.id, b.id", ka, kb)},
            {fmt::format("MATCH (a)-[r1:R]->(m), (m)<-[r2:R|S]-(b) "
                         "WHERE a.k = {0} AND b.k = {1} AND a.id <> b.id RETURN a.id, m.id, b.id",
                         ka, kb),
             fmt::format("MATCH (a)-[r1:R]->(m) WHERE a.k = {0} WITH a, r1, m "
                         "MATCH (m)<-[r2:R|S]-(b) WHERE b.k = {1} AND a.id <> b.id AND r1 <> r2 "
                         "RETURN a.id, m.id, b.id", ka, kb)},
            {fmt::format("MATCH (a:P {{k: {0}}})-[r1:R]->(b)-[r2:R|S]->(c)-[r3]->(a) "
                         "WHERE b.k <> {1} RETURN a.id, b.id, c.id", ka, kb),
             fmt::format("MATCH (a:P {{k: {0}}})-[r1:R]->(b) WHERE b.k <> {1} WITH a, r1, b "
                         "MATCH (b)-[r2:R|S]->(c) WHERE r2 <> r1 WITH a, r1, b, r2, c "
                         "MATCH (c)-[r3]->(a) WHERE r3 <> r1 AND r3 <> r2 "
                         "RETURN a.id, b.id, c.id", ka, kb)},
            {fmt::format("MATCH p = (a:P {{k: {0}}})-[:R]->(x), q = (b:P {{k: {1}}})-[:S]->(x) "
                         "RETURN p, q", ka, kb),
             fmt::format("MATCH p = (a:P {{k: {0}}})-[:R]->(x) WITH p, x "
                         "MATCH q = (b:P {{k: {1}}})-[:S]->(x) RETURN p, q", ka, kb)},
        };
        for (std::size_t shape = 0; shape < cases.size(); ++shape) {
          const auto& [with_join, without] = cases[shape];
          if (HasJoin(Explain(with_join))) ++joined[shape];
          ASSERT_FALSE(HasJoin(Explain(without))) << without;
          EXPECT_EQ(Rows(with_join), Rows(without)) << with_join;
        }
      }
    }
  }
  for (int shape = 0; shape < 5; ++shape) EXPECT_GT(joined[shape], 0) << "shape " << shape;
}

}  // namespace
}  // namespace parley
