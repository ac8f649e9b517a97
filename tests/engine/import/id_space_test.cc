#include "engine/import/id_space.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <vector>

namespace parley::import {
namespace {

// Inserts `ids` with consecutive nodes from `first_node` and checks every lookup, and some
// misses, against a plain map.
void CheckAgainstMap(const std::vector<std::int64_t>& ids, std::uint64_t first_node) {
  IdSpace space;
  std::map<std::int64_t, NodeId> expected;
  std::uint64_t node = first_node;
  for (std::int64_t id : ids) {
    ASSERT_FALSE(space.Find(id).has_value()) << id;
    space.Insert(id, NodeId(node));
    expected.emplace(id, NodeId(node++));
    ASSERT_EQ(space.Find(id), NodeId(node - 1)) << id;
  }
  for (const auto& [id, want] : expected) ASSERT_EQ(space.Find(id), want) << id;
  for (std::int64_t probe : {std::int64_t{-1}, std::int64_t{1} << 40, std::int64_t{123456789},
                             std::numeric_limits<std::int64_t>::min()}) {
    if (!expected.contains(probe)) {
      EXPECT_FALSE(space.Find(probe).has_value()) << probe;
    }
  }
}

TEST(IdSpaceTest, ConsecutiveIdsMapArithmetically) {
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 0; i < 1000; ++i) ids.push_back(i);
  CheckAgainstMap(ids, 0);
  ids.clear();
  for (std::int64_t i = 0; i < 1000; ++i) ids.push_back(500 + i);  // a run not from 0
  CheckAgainstMap(ids, 77);
}

TEST(IdSpaceTest, RunBrokenLaterKeepsEveryId) {
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 0; i < 300; ++i) ids.push_back(i);
  ids.push_back(5000);  // leaves the run: the run so far moves into the table
  for (std::int64_t i = 300; i < 400; ++i) ids.push_back(i);
  ids.push_back(-3);
  ids.push_back(std::int64_t{1} << 40);  // beyond the dense table
  CheckAgainstMap(ids, 10);
}

TEST(IdSpaceTest, ShuffledAndExtremeIds) {
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 0; i < 2000; ++i) ids.push_back(i * 3);
  std::shuffle(ids.begin(), ids.end(), std::mt19937(5));
  ids.push_back(std::numeric_limits<std::int64_t>::max());
  ids.push_back(std::numeric_limits<std::int64_t>::min() + 1);
  CheckAgainstMap(ids, 1);
  CheckAgainstMap(
      {std::numeric_limits<std::int64_t>::max() - 1, std::numeric_limits<std::int64_t>::max()},
      0);  // a run at the top of the range
}

TEST(IdSpaceTest, StringIds) {
  IdSpace space;
  space.Insert(Value("a"), NodeId(4));
  space.Insert(Value("b"), NodeId(9));
  EXPECT_EQ(space.Find(std::string_view("a")), NodeId(4));
  EXPECT_EQ(space.Find(Value("b")), NodeId(9));
  EXPECT_FALSE(space.Find(std::string_view("c")).has_value());
  EXPECT_FALSE(space.Find(std::int64_t{0}).has_value());
}

}  // namespace
}  // namespace parley::import
