#include "tests/engine/algo/algo_test_util.h"

namespace parley::algo_test {
namespace {

class TriangleTest : public AlgoTest {
 protected:
  // K4 on a, b, c, d (a-c of type X; a parallel and a reversed duplicate of a-b and a
  // self-loop on c, which must not count), e hanging off a, f off e.
  void SetUp() override {
    conn_.Execute(
        "CREATE (a:K {name: 'a'}), (b:K {name: 'b'}), (c:K {name: 'c'}), (d:K {name: 'd'}), "
        "(e:T {name: 'e'}), (f:T {name: 'f'}), "
        "(a)-[:R]->(b), (b)-[:R]->(a), (a)-[:R]->(b), (a)-[:X]->(c), (a)-[:R]->(d), "
        "(b)-[:R]->(c), (b)-[:R]->(d), (c)-[:R]->(d), (c)-[:R]->(c), "
        "(a)-[:S]->(e), (e)-[:S]->(f)");
  }
};

TEST_F(TriangleTest, EachCornerOfAK4IsInThree) {
  auto t = ByName("CALL algo.triangleCount()", "triangles");
  for (const char* k : {"a", "b", "c", "d"}) EXPECT_EQ(t[k].as_int(), 3) << k;
  EXPECT_EQ(t["e"].as_int(), 0);
  EXPECT_EQ(t["f"].as_int(), 0);
}

TEST_F(TriangleTest, TypeRestrictionKeepsOnlyItsTriangles) {
  // Without a-c (type X), only the triangles abd and bcd remain.
  auto t = ByName("CALL algo.triangleCount({relationshipTypes: 'R'})", "triangles");
  EXPECT_EQ(t["a"].as_int(), 1);
  EXPECT_EQ(t["b"].as_int(), 2);
  EXPECT_EQ(t["c"].as_int(), 1);
  EXPECT_EQ(t["d"].as_int(), 2);
}

TEST_F(TriangleTest, LocalClusteringCoefficient) {
  auto c = ByName("CALL algo.lcc()", "coefficient");
  EXPECT_DOUBLE_EQ(c["b"].as_float(), 1.0);  // neighbours a, c, d all linked
  EXPECT_DOUBLE_EQ(c["a"].as_float(), 0.5);  // b, c, d, e: 3 of 6 pairs linked
  EXPECT_DOUBLE_EQ(c["e"].as_float(), 0.0);  // a and f are not linked
  EXPECT_DOUBLE_EQ(c["f"].as_float(), 0.0);  // one neighbour
  // Directed: for b (neighbours a, c, d) the arcs among them are a->c, a->d, c->d: 3 of 6.
  c = ByName("CALL algo.lcc({direction: 'OUTGOING'})", "coefficient");
  EXPECT_DOUBLE_EQ(c["b"].as_float(), 0.5);
  // Labels: without e and f, a's neighbours are b, c, d, all linked.
  c = ByName("CALL algo.lcc({labels: ['K']})", "coefficient");
  EXPECT_EQ(c.size(), 4u);
  EXPECT_DOUBLE_EQ(c["a"].as_float(), 1.0);
}

TEST_F(TriangleTest, CoreNumbers) {
  auto k = ByName("CALL algo.kCore()", "coreNumber");
  for (const char* n : {"a", "b", "c", "d"}) EXPECT_EQ(k[n].as_int(), 3) << n;
  EXPECT_EQ(k["e"].as_int(), 1);
  EXPECT_EQ(k["f"].as_int(), 1);
  // Only the S relationships: a path a-e-f, every core number 1.
  k = ByName("CALL algo.kCore({relationshipTypes: ['S']})", "coreNumber");
  EXPECT_EQ(k["a"].as_int(), 1);
  EXPECT_EQ(k["e"].as_int(), 1);
  EXPECT_EQ(k["b"].as_int(), 0);
}

// A hub h pointing at a directed 3-cycle s1 -> s2 -> s3 -> s1: undirected, a K4.
class DirectedCycleTest : public AlgoTest {
 protected:
  void SetUp() override {
    conn_.Execute(
        "CREATE (h {name: 'h'}), (s1 {name: 's1'}), (s2 {name: 's2'}), (s3 {name: 's3'}), "
        "(h)-[:R]->(s1), (h)-[:R]->(s2), (h)-[:R]->(s3), "
        "(s1)-[:R]->(s2), (s2)-[:R]->(s3), (s3)-[:R]->(s1)");
  }
};

TEST_F(DirectedCycleTest, DirectedTrianglesAreCycles) {
  auto t = ByName("CALL algo.triangleCount()", "triangles");
  for (const char* n : {"h", "s1", "s2", "s3"}) EXPECT_EQ(t[n].as_int(), 3) << n;
  // h's triangles h->s1->s2 and so on are not cycles; s1->s2->s3->s1 is.
  for (const char* direction : {"OUTGOING", "INCOMING"}) {
    t = ByName(std::string("CALL algo.triangleCount({direction: '") + direction + "'})",
               "triangles");
    EXPECT_EQ(t["h"].as_int(), 0) << direction;
    for (const char* n : {"s1", "s2", "s3"}) EXPECT_EQ(t[n].as_int(), 1) << n << direction;
  }
}

TEST_F(DirectedCycleTest, CoresByInOrOutDegree) {
  auto k = ByName("CALL algo.kCore()", "coreNumber");
  for (const char* n : {"h", "s1", "s2", "s3"}) EXPECT_EQ(k[n].as_int(), 3) << n;
  // Out-neighbours: h has three, each s one (the next on the cycle): one core of 1.
  k = ByName("CALL algo.kCore({direction: 'OUTGOING'})", "coreNumber");
  for (const char* n : {"h", "s1", "s2", "s3"}) EXPECT_EQ(k[n].as_int(), 1) << n;
  // In-neighbours: h has none (core 0); each s keeps its predecessor on the cycle.
  k = ByName("CALL algo.kCore({direction: 'INCOMING'})", "coreNumber");
  EXPECT_EQ(k["h"].as_int(), 0);
  for (const char* n : {"s1", "s2", "s3"}) EXPECT_EQ(k[n].as_int(), 1) << n;
}

TEST_F(DirectedCycleTest, WeakComponentsRefuseADirection) {
  EXPECT_NE(ErrorOf("CALL algo.wcc({direction: 'OUTGOING'}) YIELD node RETURN node")
                .find("algo.scc"),
            std::string::npos);
  auto c = ByName("CALL algo.wcc({direction: 'BOTH'})", "componentId");
  EXPECT_EQ(c["h"], c["s3"]);
}

}  // namespace
}  // namespace parley::algo_test
