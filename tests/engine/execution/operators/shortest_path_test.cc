// shortestPath and allShortestPaths read the CSR snapshot's arrays when it is exactly what
// the transaction sees, and Expand cursors otherwise: both ways give the same answers.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

// For every pair: the length of a shortest path and the number of shortest paths, in one
// direction of one type and undirected over both types.
std::vector<std::int64_t> Answers(Connection& conn, int nodes) {
  std::vector<std::int64_t> out;
  for (int a = 0; a < nodes; ++a) {
    for (int b = 0; b < nodes; ++b) {
      if (a == b) continue;
      std::string pair = fmt::format("MATCH (a:N {{id: {}}}), (b:N {{id: {}}}) ", a, b);
      Result one = conn.Execute(pair + "MATCH p = shortestPath((a)-[:K*]->(b)) RETURN length(p)");
      out.push_back(one.row_count() == 0 ? -1 : one.rows()[0][0].as_int());
      Result all =
          conn.Execute(pair + "MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN count(p)");
      out.push_back(all.rows()[0][0].as_int());
    }
  }
  return out;
}

TEST(ShortestPathTest, TheSnapshotAndTheCursorsGiveTheSameAnswers) {
  Database db("shortest_path_test", testing::InMemory());
  Connection conn(db);
  std::mt19937 rng(61206);
  const int nodes = 9;
  conn.Execute(fmt::format("UNWIND range(0, {}) AS i CREATE (:N {{id: i}})", nodes - 1));
  for (int r = 0; r < 22; ++r) {
    int a = static_cast<int>(rng() % nodes), b = static_cast<int>(rng() % nodes);
    conn.Execute(fmt::format("MATCH (a:N {{id: {}}}), (b:N {{id: {}}}) CREATE (a)-[:{}]->(b)",
                             a, b, rng() % 3 == 0 ? "L" : "K"));
  }
  // The first reads build the snapshot and read it.
  std::vector<std::int64_t> over_snapshot = Answers(conn, nodes);
  // A relationship between two new nodes changes no answer, but the snapshot is no longer
  // exact: the same reads go through cursors over it and the commit's delta.
  conn.Execute("CREATE (:M)-[:K]->(:M)");
  EXPECT_EQ(Answers(conn, nodes), over_snapshot);
}

}  // namespace
}  // namespace parley
