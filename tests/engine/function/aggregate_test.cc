#include "engine/function/aggregate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;
using testing::Str;

// Runs aggregate `name` over the elements of the list literal `values`.
std::string Aggregate(const char* name, const char* values, bool distinct = false,
                      Value extra = Value()) {
  std::unique_ptr<Aggregator> agg = MakeAggregator(name, distinct);
  EXPECT_NE(agg, nullptr) << name;
  Value list = E(values);
  for (const Value& v : list.as_list()) {
    std::vector<Value> args = {v};
    if (!extra.is_null()) args.push_back(extra);
    agg->Add(args);
  }
  return Str(agg->Finish());
}

struct AggCase {
  const char* name;
  const char* values;
  bool distinct;
  const char* expected;
};

class AggregateTest : public ::testing::TestWithParam<AggCase> {};

TEST_P(AggregateTest, ComputesExpectedValue) {
  const AggCase& c = GetParam();
  EXPECT_EQ(Aggregate(c.name, c.values, c.distinct), c.expected)
      << c.name << (c.distinct ? " DISTINCT " : " ") << c.values;
}

INSTANTIATE_TEST_SUITE_P(
    Values, AggregateTest,
    ::testing::Values(AggCase{"count", "[1, null, 2, 2]", false, "3"},
                      AggCase{"count", "[1, null, 2, 2, 2.0]", true, "2"},
                      AggCase{"count", "[]", false, "0"},
                      AggCase{"sum", "[1, 2, null, 3]", false, "6"},
                      AggCase{"sum", "[1, 2.5]", false, "3.5"}, AggCase{"sum", "[]", false, "0"},
                      AggCase{"sum", "[1, 1, 2]", true, "3"},
                      AggCase{"sum", "[duration('P1D'), duration('PT1H')]", false, "P1DT1H"},
                      AggCase{"avg", "[1, 2]", false, "1.5"}, AggCase{"avg", "[]", false, "null"},
                      AggCase{"avg", "[duration('P2D'), duration('PT2H')]", false, "P1DT1H"},
                      AggCase{"max", "[1, 2.0, 5, null, 3.2, 0.1]", false, "5"},
                      AggCase{"min", "[1, 2.0, 5, null, 3.2, 0.1]", false, "0.1"},
                      AggCase{"max", "['a', 'b', 'B', null, 'abc', 'abc1']", false, "b"},
                      AggCase{"min", "['a', 'b', 'B', null, 'abc', 'abc1']", false, "B"},
                      AggCase{"max", "[[1], [2], [2, 1]]", false, "[2, 1]"},
                      AggCase{"min", "[[1], [2], [2, 1]]", false, "[1]"},
                      AggCase{"max", "[1, 'a', null, [1, 2], 0.2, 'b']", false, "1"},
                      AggCase{"min", "[1, 'a', null, [1, 2], 0.2, 'b']", false, "[1, 2]"},
                      AggCase{"max", "[]", false, "null"},
                      AggCase{"collect", "[1, null, 2, 1]", false, "[1, 2, 1]"},
                      AggCase{"collect", "[1, null, 2, 1, 1.0]", true, "[1, 2]"},
                      AggCase{"collect", "[null, null]", true, "[]"},
                      AggCase{"stDev", "[2, 4, 4, 4, 5, 5, 7, 9]", false, "2.138089935299395"},
                      AggCase{"stDevP", "[2, 4, 4, 4, 5, 5, 7, 9]", false, "2.0"}));

TEST(AggregateFunctionTest, PercentilesReadTheirSecondArgument) {
  EXPECT_EQ(Aggregate("percentileDisc", "[10, 20, 30, 40]", false, Value(0.5)), "20");
  EXPECT_EQ(Aggregate("percentileCont", "[10, 20, 30, 40]", false, Value(0.5)), "25.0");
  EXPECT_EQ(Aggregate("percentileCont", "[10, 20, 30, 40]", false, Value(1.0)), "40.0");
  EXPECT_EQ(Aggregate("percentileDisc", "[10, 20, 30, 40]", false, Value(0.0)), "10");
}

TEST(AggregateFunctionTest, PercentileOutOfRangeIsAnArgumentError) {
  try {
    Aggregate("percentileDisc", "[1]", false, Value(1.5));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kArgumentError);
  }
}

TEST(AggregateFunctionTest, SumOverflowAndWrongTypesAreErrors) {
  EXPECT_THROW(Aggregate("sum", "[9223372036854775807, 1]"), Error);
  EXPECT_THROW(Aggregate("sum", "['a']"), Error);
  EXPECT_THROW(Aggregate("avg", "[1, duration('P1D')]"), Error);
}

// Folds `values` into a fresh `name` aggregate through Add, or through AddInt/AddFloat;
// the outcome is the result, or the error's detail code.
std::string FoldNumbers(const char* name, bool distinct, const List& values, bool typed) {
  std::unique_ptr<Aggregator> agg = MakeAggregator(name, distinct);
  try {
    for (const Value& v : values) {
      if (!typed) {
        agg->Add(std::vector<Value>{v});
      } else if (v.is_int()) {
        agg->AddInt(v.as_int());
      } else {
        agg->AddFloat(v.as_float());
      }
    }
    return Str(agg->Finish());
  } catch (const Error& e) {
    return "error " + e.detail();
  }
}

TEST(AggregateFunctionTest, TypedAddsGiveWhatAddGives) {
  const std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  const std::vector<List> inputs = {
      {Value(3), Value(-4), Value(3), Value(10)},
      {Value(1), Value(2.5), Value(2), Value(0.25)},
      {Value(2.5), Value(1), Value(1)},
      {Value(kMax), Value(1), Value(-5)},  // sum: overflow; avg: continues in floats
      {Value(kMax), Value(kMax), Value(0.5)},
      {Value(-0.0), Value(0.0), Value(std::nan(""))},
      {}};
  for (const char* name : {"count", "sum", "avg", "min", "max", "collect", "stDev", "stDevP"}) {
    for (bool distinct : {false, true}) {
      for (const List& values : inputs) {
        EXPECT_EQ(FoldNumbers(name, distinct, values, true),
                  FoldNumbers(name, distinct, values, false))
            << name << (distinct ? " DISTINCT " : " ") << Str(Value(values));
      }
    }
  }
}

TEST(AggregateFunctionTest, CountStarCountsRowsIncludingNulls) {
  auto agg = MakeCountStar();
  for (int i = 0; i < 3; ++i) agg->Add({});
  EXPECT_EQ(Str(agg->Finish()), "3");
}

TEST(AggregateFunctionTest, NamesAreRecognisedCaseInsensitively) {
  EXPECT_TRUE(IsAggregateFunction("COUNT"));
  EXPECT_TRUE(IsAggregateFunction("percentileCont"));
  EXPECT_FALSE(IsAggregateFunction("size"));
  EXPECT_EQ(MakeAggregator("size", false), nullptr);
  EXPECT_EQ(AggregateArity("percentileDisc"), 2);
  EXPECT_EQ(AggregateArity("collect"), 1);
}

}  // namespace
}  // namespace parley::function
