#include "engine/import/unique_values.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace parley::import {
namespace {

TEST(UniqueValuesTest, FindsWhatWasInsertedWithItsNode) {
  UniqueValues values;
  values.Insert(Value(5), NodeId(10));
  values.Insert(Value("5"), NodeId(11));
  values.Insert(Value(true), NodeId(12));
  values.Insert(Value(List{Value(1), Value(2)}), NodeId(13));
  EXPECT_EQ(values.Find(Value(5)), NodeId(10));
  EXPECT_EQ(values.Find(Value("5")), NodeId(11));  // a string is not the number
  EXPECT_EQ(values.Find(Value(true)), NodeId(12));
  EXPECT_EQ(values.Find(Value(List{Value(1), Value(2)})), NodeId(13));
  EXPECT_FALSE(values.Find(Value(6)).has_value());
  EXPECT_FALSE(values.Find(Value(false)).has_value());
  EXPECT_FALSE(values.Find(Value(List{Value(2), Value(1)})).has_value());
}

TEST(UniqueValuesTest, NumbersAreEqualAcrossIntegerAndFloatAsInTheIndex) {
  UniqueValues values;
  values.Insert(Value(1), NodeId(1));
  values.Insert(Value(2.5), NodeId(2));
  values.Insert(Value(-0.0), NodeId(3));
  EXPECT_EQ(values.Find(Value(1.0)), NodeId(1));
  EXPECT_EQ(values.Find(Value(2.5)), NodeId(2));
  EXPECT_EQ(values.Find(Value(0)), NodeId(3));
  EXPECT_FALSE(values.Find(Value(2)).has_value());
  // 2^53 + 1 has no float equal to it.
  std::int64_t big = (std::int64_t{1} << 53) + 1;
  values.Insert(Value(big), NodeId(4));
  EXPECT_FALSE(values.Find(Value(static_cast<double>(big))).has_value());
  EXPECT_FALSE(values.Find(Value(9.3e18)).has_value());  // past int64: kept encoded
  values.Insert(Value(9.3e18), NodeId(5));
  EXPECT_EQ(values.Find(Value(9.3e18)), NodeId(5));
}

TEST(UniqueValuesTest, NullAndNaNAreNotConstrained) {
  EXPECT_FALSE(UniqueValues::Constrained(Value()));
  EXPECT_FALSE(UniqueValues::Constrained(Value(std::numeric_limits<double>::quiet_NaN())));
  EXPECT_TRUE(UniqueValues::Constrained(Value(0)));
  EXPECT_TRUE(UniqueValues::Constrained(Value("")));
}

}  // namespace
}  // namespace parley::import
