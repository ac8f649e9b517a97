// The parser's prediction cache: parses fill it, a check past its bound empties it, and
// parses before, during and after emptying give the same statements.
#include "engine/parser/prediction_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "engine/parser/ast.h"
#include "engine/parser/parser.h"

namespace parley::parser {
namespace {

const std::vector<std::string>& Statements() {
  static const std::vector<std::string> statements = {
      "MATCH (a:A {x: 1})-[:T*1..2]->(b) WHERE b.y > 2 RETURN a, count(*) ORDER BY a.z",
      "UNWIND [1, [2, [3, [4]]]] AS x WITH x WHERE x IS NOT NULL RETURN collect(x) AS xs",
      "MERGE (n:L {k: $k}) ON CREATE SET n.c = timestamp() RETURN n",
      "RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x * x] AS squares, {a: [1, {b: 2}]} AS m",
      "MATCH p = shortestPath((a)-[*]-(b)) RETURN CASE WHEN length(p) > 2 THEN 1 END",
  };
  return statements;
}

std::vector<std::string> Printed() {
  std::vector<std::string> printed;
  for (const std::string& statement : Statements()) {
    printed.push_back(ast::ToString(Parse(statement)));
  }
  return printed;
}

// Empties the cache: kCheckInterval finished parses with a bound of 0.
void Empty(PredictionCache& cache) {
  for (std::size_t i = 0; i < PredictionCache::kCheckInterval; ++i) cache.ParseFinished(0);
}

TEST(PredictionCacheTest, ParsesFillItAndACheckPastTheBoundEmptiesIt) {
  PredictionCache& cache = PredictionCache::Shared();
  std::vector<std::string> before = Printed();
  EXPECT_GT(cache.StateCount(), 0u);
  std::size_t clears = cache.clears();
  Empty(cache);
  EXPECT_EQ(cache.clears(), clears + 1);
  EXPECT_EQ(cache.StateCount(), 0u);
  EXPECT_EQ(Printed(), before);
  EXPECT_GT(cache.StateCount(), 0u);
  // Within its bound, a check keeps it.
  for (std::size_t i = 0; i < PredictionCache::kCheckInterval; ++i) cache.ParseFinished();
  EXPECT_EQ(cache.clears(), clears + 1);
  EXPECT_GT(cache.StateCount(), 0u);
}

TEST(PredictionCacheTest, ParsesWhileItIsEmptiedGiveTheSameStatements) {
  const std::vector<std::string> expected = Printed();
  std::vector<std::thread> parsers;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    parsers.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        if (Printed() != expected) ++mismatches[t];
      }
    });
  }
  for (int i = 0; i < 20; ++i) Empty(PredictionCache::Shared());
  for (std::thread& parser : parsers) parser.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace parley::parser
