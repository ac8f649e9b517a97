#include "tests/engine/algo/algo_test_util.h"

namespace parley::algo_test {
namespace {

class ShortestPathTest : public AlgoTest {
 protected:
  // a -> b -> c costs 2 by weight, a -> c costs 5 in one hop; b has label M.
  void SetUp() override {
    conn_.Execute(
        "CREATE (a:N {name: 'a'}), (b:M {name: 'b'}), (c:N {name: 'c'}), (d:N {name: 'd'}), "
        "(a)-[:R {w: 1}]->(b), (b)-[:R {w: 1.0}]->(c), (a)-[:S {w: 5}]->(c)");
  }
  // "names|cost|relationship types" of the one path from `from` to `to`.
  std::string Path(const std::string& from, const std::string& to, const std::string& config) {
    Result r = conn_.Execute(
        "MATCH (s {name: '" + from + "'}), (t {name: '" + to + "'}) "
        "CALL algo.shortestPath(s, t, " + config + ") YIELD path, nodes, cost "
        "RETURN [n IN nodes | n.name], cost, [r IN relationships(path) | type(r)], "
        "length(path)");
    if (r.row_count() == 0) return "none";
    std::string out;
    for (const Value& n : r.rows()[0][0].as_list()) out += n.as_string();
    out += "|" + std::to_string(static_cast<int>(r.rows()[0][1].as_float())) + "|";
    for (const Value& t : r.rows()[0][2].as_list()) out += t.as_string();
    EXPECT_EQ(r.rows()[0][3].as_int() + 1,
              static_cast<std::int64_t>(r.rows()[0][0].as_list().size()));
    return out;
  }
};

TEST_F(ShortestPathTest, WeightedAndUnweighted) {
  EXPECT_EQ(Path("a", "c", "{weight: 'w'}"), "abc|2|RR");
  EXPECT_EQ(Path("a", "c", "{}"), "ac|1|S");
  EXPECT_EQ(Path("a", "a", "{}"), "a|0|");
  EXPECT_EQ(Path("a", "d", "{}"), "none");
}

TEST_F(ShortestPathTest, DirectionAndRestrictions) {
  EXPECT_EQ(Path("c", "a", "{weight: 'w'}"), "none");
  EXPECT_EQ(Path("c", "a", "{weight: 'w', direction: 'INCOMING'}"), "cba|2|RR");
  EXPECT_EQ(Path("c", "a", "{weight: 'w', direction: 'BOTH'}"), "cba|2|RR");
  EXPECT_EQ(Path("a", "c", "{weight: 'w', labels: ['N']}"), "ac|5|S");
  EXPECT_EQ(Path("a", "c", "{relationshipTypes: ['R']}"), "abc|2|RR");
}

TEST_F(ShortestPathTest, SsspAndBfsReachWhatTheDirectionAllows) {
  auto d = ByName("MATCH (s {name: 'a'}) CALL algo.sssp(s, {weight: 'w'})", "distance");
  EXPECT_EQ(d.size(), 3u);
  EXPECT_DOUBLE_EQ(d["c"].as_float(), 2.0);
  d = ByName("MATCH (s {name: 'a'}) CALL algo.sssp(s)", "distance");
  EXPECT_DOUBLE_EQ(d["c"].as_float(), 1.0);
  auto b = ByName("MATCH (s {name: 'c'}) CALL algo.bfs(s, {direction: 'INCOMING'})", "depth");
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b["b"].as_int(), 1);
  EXPECT_EQ(b["a"].as_int(), 1);
  b = ByName("MATCH (s {name: 'a'}) CALL algo.bfs(s, {maxDepth: 0})", "depth");
  EXPECT_EQ(b.size(), 1u);
  b = ByName("MATCH (s {name: 'a'}) CALL algo.bfs(s, {relationshipTypes: ['R'], maxDepth: 1})",
             "depth");
  EXPECT_EQ(b.size(), 2u);
  EXPECT_EQ(b["b"].as_int(), 1);
}

TEST_F(ShortestPathTest, BadWeightsAreNamed) {
  conn_.Execute("MATCH (a {name: 'a'}), (d {name: 'd'}) CREATE (a)-[:R {w: -1}]->(d)");
  EXPECT_NE(ErrorOf("MATCH (s {name: 'a'}) CALL algo.sssp(s, {weight: 'w'}) YIELD node "
                    "RETURN node").find("weights must be finite and not negative"),
            std::string::npos);
  EXPECT_NE(ErrorOf("MATCH (s {name: 'a'}) CALL algo.sssp(s, {weight: 'nope'}) YIELD node "
                    "RETURN node").find("algo.sssp: config `weight`"),
            std::string::npos);
}

}  // namespace
}  // namespace parley::algo_test
