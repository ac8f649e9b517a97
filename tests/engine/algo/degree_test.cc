#include "tests/engine/algo/algo_test_util.h"

namespace parley::algo_test {
namespace {

class DegreeTest : public AlgoTest {
 protected:
  // a -> b, a -> c, c -> a, a -[:S]-> a (a self-loop), d alone.
  void SetUp() override {
    conn_.Execute(
        "CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:M {name: 'c'}), (d:N {name: 'd'}), "
        "(a)-[:R]->(b), (a)-[:R]->(c), (c)-[:R]->(a), (a)-[:S]->(a)");
  }
};

TEST_F(DegreeTest, CountsInTheDirection) {
  auto out = ByName("CALL algo.degree()", "degree");
  EXPECT_EQ(out["a"].as_int(), 3);
  EXPECT_EQ(out["b"].as_int(), 0);
  EXPECT_EQ(out["c"].as_int(), 1);
  EXPECT_EQ(out["d"].as_int(), 0);
  auto in = ByName("CALL algo.degree({direction: 'INCOMING'})", "degree");
  EXPECT_EQ(in["a"].as_int(), 2);
  EXPECT_EQ(in["b"].as_int(), 1);
  auto both = ByName("CALL algo.degree({direction: 'both'})", "degree");
  EXPECT_EQ(both["a"].as_int(), 5);  // the self-loop from both ends
  EXPECT_EQ(both["c"].as_int(), 2);
}

TEST_F(DegreeTest, RestrictionsCountOnlyWhatRemains) {
  auto r = ByName("CALL algo.degree({relationshipTypes: ['R'], labels: ['N']})", "degree");
  EXPECT_EQ(r.size(), 3u);  // c has label M only
  EXPECT_EQ(r["a"].as_int(), 1);
  auto none = ByName("CALL algo.degree({labels: ['NoSuchLabel']})", "degree");
  EXPECT_TRUE(none.empty());
}

TEST_F(DegreeTest, SeesTheTransactionsOwnWrites) {
  conn_.Begin();
  conn_.Execute("MATCH (b {name: 'b'}), (d {name: 'd'}) CREATE (b)-[:R]->(d)");
  auto out = ByName("CALL algo.degree()", "degree");
  EXPECT_EQ(out["b"].as_int(), 1);
  conn_.Rollback();
  out = ByName("CALL algo.degree()", "degree");
  EXPECT_EQ(out["b"].as_int(), 0);
}

}  // namespace
}  // namespace parley::algo_test
