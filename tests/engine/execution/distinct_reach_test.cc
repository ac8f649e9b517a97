// The distinct ends of chains of expansions (engine/execution/distinct_reach.h), through
// queries: each answer the folded plan gives is checked against the same query planned as
// a row per path (a count(*) beside the DISTINCT keeps the planner from folding), on
// random small graphs with self-loops, reciprocal and parallel relationships, over the CSR
// snapshot and over the transaction's cursors.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

class DistinctReachTest : public ::testing::Test {
 protected:
  DistinctReachTest() : db_("distinct_reach_test", testing::InMemory()), conn_(db_) {}
  std::int64_t Int(const std::string& query) {
    Result r = conn_.Execute(query);
    EXPECT_EQ(r.row_count(), 1u) << query;
    return r.row_count() == 1 ? r.rows()[0][0].as_int() : -1;
  }
  std::string Plan(const std::string& query) {
    return conn_.Execute("EXPLAIN " + query).plan();
  }
  // The sorted ids of `query`'s single column.
  std::vector<std::int64_t> Ids(const std::string& query) {
    std::vector<std::int64_t> ids;
    Result r = conn_.Execute(query);
    for (const auto& row : r.rows()) ids.push_back(row[0].as_int());
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  Database db_;
  Connection conn_;
};

TEST_F(DistinctReachTest, CountDistinctOverAChainIsOneCountingOperator) {
  conn_.Execute("CREATE (a:P {id: 0})-[:K]->(:P {id: 1})-[:K]->(:P {id: 2})");
  std::string q = "MATCH (a:P {id: 0})-[:K]->()-[:K]->(d) RETURN count(DISTINCT d)";
  std::string plan = Plan(q);
  EXPECT_NE(plan.find("DistinctReach(Count) (a)-[:K]->()-[:K]->(d)"), std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("Expand"), std::string::npos) << plan;
  EXPECT_EQ(Int(q), 1);
}

TEST_F(DistinctReachTest, OnlyWhereNothingReadsThePathsIsTheChainFolded) {
  conn_.Execute("CREATE (:P {id: 0})-[:K]->(:P {id: 1})-[:K]->(:P {id: 2})");
  auto folded = [&](const std::string& q) {
    return Plan(q).find("DistinctReach") != std::string::npos;
  };
  EXPECT_TRUE(folded("MATCH (a {id: 0})-[:K*1..2]->(d) RETURN DISTINCT d.id"));
  EXPECT_TRUE(folded("MATCH (a {id: 0})-[:K]->()-[:K]->(d) RETURN a.id, max(d.id)"));
  EXPECT_TRUE(folded("MATCH (a)-[:K]->()-[:K]->(d) WHERE d.id > 0 RETURN count(DISTINCT d)"));
  // A row per path is what these read.
  EXPECT_FALSE(folded("MATCH (a)-[:K]->()-[:K]->(d) RETURN count(d)"));
  EXPECT_FALSE(folded("MATCH (a)-[:K]->()-[:K]->(d) RETURN count(DISTINCT d), count(*)"));
  EXPECT_FALSE(folded("MATCH (a)-[:K]->()-[:K]->(d) RETURN collect(DISTINCT d)"));
  // The inner node or a relationship is read.
  EXPECT_FALSE(folded("MATCH (a)-[:K]->(b)-[:K]->(d) RETURN count(DISTINCT b)"));
  EXPECT_FALSE(folded("MATCH (a)-[r:K]->()-[:K]->(d) RETURN DISTINCT r"));
  EXPECT_FALSE(folded("MATCH p = (a)-[:K]->()-[:K]->(d) RETURN DISTINCT length(p)"));
  EXPECT_FALSE(folded("MATCH (a)-[:K]->({id: 1})-[:K]->(d) RETURN DISTINCT d"));
  // One relationship: nothing to gain.
  EXPECT_FALSE(folded("MATCH (a)-[:K]->(d) RETURN DISTINCT d"));
  // The chain must not reuse a relationship bound outside it.
  EXPECT_FALSE(folded("MATCH (x)-[:K]->(a), (a)-[:K]->()-[:K]->(d) RETURN DISTINCT d"));
}

// Walks that are not paths: a->b->a->b uses a->b twice; a self-loop used twice.
TEST_F(DistinctReachTest, ARelationshipIsNeverUsedTwiceOnOnePath) {
  conn_.Execute("CREATE (a:P {id: 0})-[:K]->(b:P {id: 1}), (b)-[:K]->(a)");
  conn_.Execute("CREATE (:P {id: 10})-[:K]->(c:P {id: 11}), (c)-[:K]->(c)");
  // From 0: 0->1->0->1 would repeat; the paths of three end nowhere.
  EXPECT_EQ(Int("MATCH (a {id: 0})-[:K]->()-[:K]->()-[:K]->(d) RETURN count(DISTINCT d)"), 0);
  EXPECT_EQ(Ids("MATCH (a {id: 0})-[:K*1..3]->(d) RETURN DISTINCT d.id"),
            (std::vector<std::int64_t>{0, 1}));
  // From 10: 10->11->11 is a path; 10->11->11->11 repeats the loop.
  EXPECT_EQ(Int("MATCH (a {id: 10})-[:K]->()-[:K]->(d) RETURN count(DISTINCT d)"), 1);
  EXPECT_EQ(Int("MATCH (a {id: 10})-[:K]->()-[:K]->()-[:K]->(d) RETURN count(DISTINCT d)"), 0);
}

TEST_F(DistinctReachTest, ZeroLengthHopsReachTheStartEvenWithoutTheirType) {
  conn_.Execute("CREATE (:P {id: 0})-[:K]->(:P {id: 1})");
  EXPECT_EQ(Ids("MATCH (a {id: 0})-[:K*0..1]->(d) RETURN DISTINCT d.id"),
            (std::vector<std::int64_t>{0, 1}));
  // No relationship has the type, and a path of none still matches: for the folded chain
  // and for the variable-length expansion alike.
  EXPECT_EQ(Ids("MATCH (a {id: 0})-[:NONE*0..2]->(d) RETURN DISTINCT d.id"),
            (std::vector<std::int64_t>{0}));
  EXPECT_EQ(Ids("MATCH (a {id: 0})-[:NONE*0..2]->(d) RETURN d.id"),
            (std::vector<std::int64_t>{0}));
  EXPECT_EQ(Int("MATCH (a {id: 0})-[:NONE*1..2]->(d) RETURN count(DISTINCT d)"), 0);
}

// A random graph of `nodes` nodes with ids 0..nodes-1, labels A or B, relationships of
// types K or L, among them self-loops, reciprocal pairs and parallel relationships.
void MakeGraph(Connection& conn, std::mt19937& rng, int nodes, int rels) {
  conn.Execute("MATCH (n) DETACH DELETE n");
  conn.Execute("CREATE INDEX IF NOT EXISTS FOR (n:N) ON (n.id)");  // chains start at a
  for (int i = 0; i < nodes; ++i) {
    conn.Execute(fmt::format("CREATE (:N:{} {{id: {}}})", rng() % 3 == 0 ? "B" : "A", i));
  }
  for (int r = 0; r < rels; ++r) {
    int a = static_cast<int>(rng() % nodes);
    int b = rng() % 8 == 0 ? a : static_cast<int>(rng() % nodes);
    conn.Execute(fmt::format("MATCH (a {{id: {}}}), (b {{id: {}}}) CREATE (a)-[:{}]->(b)", a,
                             b, rng() % 3 == 0 ? "L" : "K"));
  }
}

// A random chain of one to three hops from `a` to `d`; `folds` tells whether the planner
// folds it (all but a single relationship of fixed length).
std::string RandomChain(std::mt19937& rng, bool* folds) {
  static const char* kTypes[] = {"", ":K", ":L", ":K|L"};
  static const char* kLabels[] = {"", "", ":A", ":B"};
  int hops = 1 + static_cast<int>(rng() % 3);
  *folds = hops > 1;
  std::string out = "(a:N {id: $start})";
  for (int h = 0; h < hops; ++h) {
    std::string range;
    if (rng() % 2 == 0) {
      int min = static_cast<int>(rng() % 3);
      int max = min + static_cast<int>(rng() % 3);
      range = rng() % 20 == 0 ? fmt::format("*{}..", min) : fmt::format("*{}..{}", min, max);
      *folds = true;
    }
    int direction = static_cast<int>(rng() % 4);  // out twice as often
    std::string body = fmt::format("[{}{}]", kTypes[rng() % 4], range);
    std::string far = (h + 1 == hops ? "d" : "") + std::string(kLabels[rng() % 4]);
    out += (direction == 2 ? "<-" : "-") + body + (direction == 3 || direction == 2 ? "-" : "->") +
           "(" + far + ")";
  }
  return out;
}

// Compares folded and unfolded answers for random chains on the current graph; returns how
// many of the chains were folded (the planner may start elsewhere than at `a`).
int CompareRandomChains(Connection& conn, std::mt19937& rng, int nodes, int chains) {
  int folded = 0;
  for (int c = 0; c < chains; ++c) {
    bool folds = false;
    std::string match = "MATCH " + RandomChain(rng, &folds);
    Params params{{"start", Value(static_cast<std::int64_t>(rng() % nodes))}};
    std::string counted = match + " RETURN count(DISTINCT d) AS n";
    std::string reference = match + " RETURN count(DISTINCT d) AS n, count(*) AS paths";
    std::string plan = conn.Execute("EXPLAIN " + counted, params).plan();
    bool was_folded = plan.find("DistinctReach") != std::string::npos;
    EXPECT_TRUE(folds || !was_folded) << counted << plan;
    folded += was_folded;
    Result got = conn.Execute(counted, params);
    Result want = conn.Execute(reference, params);
    EXPECT_EQ(got.rows()[0][0], want.rows()[0][0])
        << counted << " from " << params["start"].ToString();
    // The same ends as rows.
    std::string listed = match + " RETURN DISTINCT d.id";
    std::string listed_reference = match + " RETURN d.id, count(*)";
    std::vector<std::int64_t> ends, expected;
    Result listed_rows = conn.Execute(listed, params);
    Result reference_rows = conn.Execute(listed_reference, params);
    for (const auto& row : listed_rows.rows()) ends.push_back(row[0].as_int());
    for (const auto& row : reference_rows.rows()) expected.push_back(row[0].as_int());
    std::sort(ends.begin(), ends.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(ends, expected) << listed << " from " << params["start"].ToString();
  }
  return folded;
}

TEST_F(DistinctReachTest, RandomChainsMatchARowPerPath) {
  std::mt19937 rng(20261206);
  int folded = 0;
  for (int graph = 0; graph < 10; ++graph) {
    int nodes = 3 + static_cast<int>(rng() % 7);
    MakeGraph(conn_, rng, nodes, nodes * 2);
    // The first read builds the CSR snapshot: the search reads it.
    folded += CompareRandomChains(conn_, rng, nodes, 20);
    // A commit after it: the search reads the transaction's cursors (snapshot + delta).
    conn_.Execute("MATCH (a {id: 0}), (b {id: 1}) CREATE (a)-[:K]->(b)");
    folded += CompareRandomChains(conn_, rng, nodes, 20);
  }
  EXPECT_GT(folded, 200);  // of 400 chains, about four in five fold where they start at a
}

TEST_F(DistinctReachTest, ACancelledSearchStops) {
  // A complete graph and an unbounded chain: far more paths than any test would wait for.
  conn_.Execute("UNWIND range(0, 11) AS i CREATE (:P {id: i})");
  conn_.Execute("MATCH (a:P), (b:P) WHERE a <> b CREATE (a)-[:K]->(b)");
  conn_.set_query_timeout_ms(200);
  try {
    conn_.Execute("MATCH (a {id: 0})-[:K*]->(d) RETURN count(DISTINCT d)");
    ADD_FAILURE() << "the search should have timed out";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "QueryTimedOut") << e.what();
  }
}

}  // namespace
}  // namespace parley
