#include "tests/engine/algo/algo_test_util.h"

namespace parley::algo_test {
namespace {

class BetweennessTest : public AlgoTest {
 protected:
  // a -> b -> c and a -> d -> c: two shortest paths from a to c, one through b, one
  // through d; e -> a hangs off the front.
  void SetUp() override {
    conn_.Execute(
        "CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), (d:M {name: 'd'}), "
        "(e:N {name: 'e'}), (a)-[:R]->(b), (b)-[:R]->(c), (a)-[:R]->(d), (d)-[:R]->(c), "
        "(e)-[:S]->(a)");
  }
};

TEST_F(BetweennessTest, DirectedSplitsCreditBetweenEqualPaths) {
  auto s = ByName("CALL algo.betweenness()", "score");
  // (a,c): b 1/2, d 1/2; (e,b): a; (e,d): a; (e,c): a, b 1/2, d 1/2.
  EXPECT_DOUBLE_EQ(s["a"].as_float(), 3.0);
  EXPECT_DOUBLE_EQ(s["b"].as_float(), 1.0);
  EXPECT_DOUBLE_EQ(s["d"].as_float(), 1.0);
  EXPECT_DOUBLE_EQ(s["c"].as_float(), 0.0);
  EXPECT_DOUBLE_EQ(s["e"].as_float(), 0.0);
}

TEST_F(BetweennessTest, BothCountsEachUndirectedPairOnce) {
  auto s = ByName("CALL algo.betweenness({direction: 'BOTH'})", "score");
  // Undirected pairs and the share of their shortest paths through each node:
  // (a,c) b 1/2, d 1/2; (b,d) a 1/2, c 1/2; (b,e) a; (c,e) a, b 1/2, d 1/2; (d,e) a.
  EXPECT_DOUBLE_EQ(s["a"].as_float(), 3.5);
  EXPECT_DOUBLE_EQ(s["b"].as_float(), 1.0);
  EXPECT_DOUBLE_EQ(s["d"].as_float(), 1.0);
  EXPECT_DOUBLE_EQ(s["c"].as_float(), 0.5);
  EXPECT_DOUBLE_EQ(s["e"].as_float(), 0.0);
}

TEST_F(BetweennessTest, RestrictionsRemoveNodesAndRelationships) {
  // Without label M, d is gone: every a-to-c path runs through b.
  auto s = ByName("CALL algo.betweenness({labels: ['N']})", "score");
  EXPECT_EQ(s.size(), 4u);
  EXPECT_DOUBLE_EQ(s["b"].as_float(), 2.0);  // (a,c), (e,c)
  EXPECT_DOUBLE_EQ(s["a"].as_float(), 2.0);  // (e,b), (e,c)
  // Without type S, e is cut off.
  s = ByName("CALL algo.betweenness({relationshipTypes: ['R']})", "score");
  EXPECT_DOUBLE_EQ(s["a"].as_float(), 0.0);
  EXPECT_DOUBLE_EQ(s["b"].as_float(), 0.5);
}

TEST_F(BetweennessTest, SamplingEveryNodeAgreesWithBoost) {
  auto all = ByName("CALL algo.betweenness()", "score");
  auto sampled = ByName("CALL algo.betweenness({sampleSize: 5})", "score");
  for (const auto& [name, score] : all) {
    EXPECT_DOUBLE_EQ(sampled[name].as_float(), score.as_float()) << name;
  }
  // Fewer sources: an estimate, scaled up, never negative.
  auto few = ByName("CALL algo.betweenness({sampleSize: 2})", "score");
  EXPECT_EQ(few.size(), 5u);
  for (const auto& [name, score] : few) EXPECT_GE(score.as_float(), 0.0);
}

}  // namespace
}  // namespace parley::algo_test
