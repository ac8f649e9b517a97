// Registration, argument checking, cancellation and the memory bound, common to all the
// algorithm procedures (engine/algo/procedures.cc, config.cc).
#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "tests/engine/algo/algo_test_util.h"

namespace parley::algo_test {
namespace {

using ::testing::HasSubstr;

TEST_F(AlgoTest, EveryAlgorithmIsListedWithItsSignature) {
  Result r = conn_.Execute(
      "CALL db.procedures() YIELD name, signature WHERE name STARTS WITH 'algo.' "
      "RETURN name, signature ORDER BY name");
  std::map<std::string, std::string> sig;
  for (const auto& row : r.rows()) sig[row[0].as_string()] = row[1].as_string();
  for (const char* name : {"algo.bfs", "algo.sssp", "algo.shortestPath", "algo.pageRank",
                           "algo.wcc", "algo.scc", "algo.betweenness", "algo.degree",
                           "algo.triangleCount", "algo.lcc", "algo.labelPropagation",
                           "algo.kCore"}) {
    EXPECT_TRUE(sig.count(name)) << name;
  }
  EXPECT_EQ(sig["algo.bfs"],
            "algo.bfs(start :: NODE?, config = {} :: MAP?) :: (node :: NODE?, depth :: INTEGER?)");
  EXPECT_EQ(sig["algo.pageRank"],
            "algo.pageRank(config = {} :: MAP?) :: (node :: NODE?, score :: FLOAT?)");
}

TEST_F(AlgoTest, BadArgumentsNameTheProcedureAndTheArgument) {
  conn_.Execute("CREATE (:N {name: 'a'})-[:R]->(:N {name: 'b'})");
  EXPECT_THAT(ErrorOf("CALL algo.pageRank({iteration: 3}) YIELD node RETURN node"),
              HasSubstr("algo.pageRank: unknown config key `iteration`"));
  EXPECT_THAT(ErrorOf("CALL algo.pageRank({iterations: 'ten'}) YIELD node RETURN node"),
              HasSubstr("algo.pageRank: config `iterations` must be an INTEGER, got STRING"));
  EXPECT_THAT(ErrorOf("CALL algo.pageRank({damping: 2}) YIELD node RETURN node"),
              HasSubstr("config `damping` must be from 0 to 1"));
  EXPECT_THAT(ErrorOf("CALL algo.wcc({direction: 'UP'}) YIELD node RETURN node"),
              HasSubstr("algo.wcc: config `direction` must be 'OUTGOING', 'INCOMING' or 'BOTH'"));
  EXPECT_THAT(ErrorOf("CALL algo.wcc({labels: [1]}) YIELD node RETURN node"),
              HasSubstr("algo.wcc: config `labels` must be a LIST of STRING"));
  EXPECT_THAT(ErrorOf("CALL algo.wcc(3) YIELD node RETURN node"),
              HasSubstr("argument 1 of algo.wcc must be MAP?"));
  EXPECT_THAT(ErrorOf("WITH 3 AS x CALL algo.bfs(x) YIELD node RETURN node"),
              HasSubstr("argument 1 of algo.bfs must be NODE?"));
  EXPECT_THAT(ErrorOf("UNWIND [3] AS x CALL algo.bfs(x) YIELD node RETURN node"),
              HasSubstr("algo.bfs: argument `start` must be a NODE, got INTEGER"));
  EXPECT_THAT(ErrorOf("CALL algo.bfs(null) YIELD node RETURN node"),
              HasSubstr("algo.bfs: argument `start` is null"));
  EXPECT_THAT(ErrorOf("CALL algo.bfs() YIELD node RETURN node"),
              HasSubstr("algo.bfs takes 1 to 2 argument(s), got 0"));
  EXPECT_THAT(ErrorOf("MATCH (n {name: 'a'}) CALL algo.bfs(n, {labels: ['Other']}) "
                      "YIELD node RETURN node"),
              HasSubstr("algo.bfs: argument `start` (node 0) is not in the graph"));
  EXPECT_THAT(ErrorOf("CALL algo.degree() YIELD nothing RETURN nothing"),
              HasSubstr("algo.degree has no output `nothing`"));
}

TEST_F(AlgoTest, RunsOncePerInputRow) {
  conn_.Execute("CREATE (:N {name: 'a'})-[:R]->(:N {name: 'b'})-[:R]->(:N {name: 'c'})");
  Result r = conn_.Execute(
      "MATCH (s:N) CALL algo.bfs(s) YIELD node, depth "
      "RETURN s.name AS s, count(node) AS reached ORDER BY s");
  ASSERT_EQ(r.row_count(), 3u);
  EXPECT_EQ(r.rows()[0][1].as_int(), 3);
  EXPECT_EQ(r.rows()[1][1].as_int(), 2);
  EXPECT_EQ(r.rows()[2][1].as_int(), 1);
}

class AlgoLimitsTest : public AlgoTest {
 protected:
  // A star of 3000 leaves: betweenness over both directions runs 3001 searches of 6000
  // edges each.
  void SetUp() override {
    conn_.Execute("CREATE (c:Hub {name: 'hub'}) WITH c UNWIND range(1, 3000) AS i "
                  "CREATE (c)-[:R]->(:Leaf {name: toString(i)})");
  }
};

TEST_F(AlgoLimitsTest, ATimeLimitStopsALongRun) {
  conn_.set_query_timeout_ms(1);
  try {
    conn_.Execute("CALL algo.betweenness({direction: 'BOTH'}) YIELD node RETURN count(node)");
    FAIL() << "no timeout";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "QueryTimedOut");
  }
  conn_.set_query_timeout_ms(0);
  auto hub = ByName("CALL algo.betweenness({direction: 'BOTH'})", "score");
  EXPECT_DOUBLE_EQ(hub["hub"].as_float(), 3000.0 * 2999.0 / 2);
}

TEST_F(AlgoLimitsTest, TheMemoryBoundCoversTheRows) {
  conn_.set_query_memory_limit(64 << 10);
  try {
    conn_.Execute("CALL algo.pageRank() YIELD node, score RETURN count(node)");
    FAIL() << "no memory error";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "MemoryLimitExceeded");
  }
  conn_.set_query_memory_limit(64 << 20);
  Result r = conn_.Execute("CALL algo.pageRank() YIELD node, score RETURN sum(score)");
  EXPECT_NEAR(r.rows()[0][0].as_float(), 1.0, 1e-9);
}

// A long run reports where it is to another thread, and nothing once it has ended.
TEST_F(AlgoLimitsTest, ALongRunReportsItsProgress) {
  EXPECT_FALSE(conn_.progress().has_value());
  conn_.set_query_timeout_ms(1500);  // ends the run: a million iterations would not
  std::atomic<bool> running{true};
  std::optional<StatementProgress> seen;
  std::thread watcher([&] {
    while (running.load()) {
      if (auto p = conn_.progress()) seen = p;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  try {
    conn_.Execute("CALL algo.pageRank({iterations: 1000000}) YIELD node RETURN count(node)");
    ADD_FAILURE() << "no timeout";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "QueryTimedOut");
  }
  running = false;
  watcher.join();
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->task, "algo.pageRank iterations");
  EXPECT_EQ(seen->total, 1000000u);
  EXPECT_GT(seen->done, 0u);
  EXPECT_FALSE(conn_.progress().has_value());
}

}  // namespace
}  // namespace parley::algo_test
