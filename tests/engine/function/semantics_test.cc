#include "engine/function/semantics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;

const Value kNaN(std::nan(""));

// An equality outcome as text: "true", "false" or "null".
std::string Tri(std::optional<bool> b) { return b ? (*b ? "true" : "false") : "null"; }

struct EqualsCase {
  const char* lhs;
  const char* rhs;
  const char* expected;
};

class EqualsTest : public ::testing::TestWithParam<EqualsCase> {};

TEST_P(EqualsTest, MatchesOpenCypher) {
  const EqualsCase& c = GetParam();
  EXPECT_EQ(Tri(Equals(E(c.lhs), E(c.rhs))), c.expected) << c.lhs << " = " << c.rhs;
  EXPECT_EQ(Tri(Equals(E(c.rhs), E(c.lhs))), c.expected) << c.rhs << " = " << c.lhs;
}

INSTANTIATE_TEST_SUITE_P(
    Values, EqualsTest,
    ::testing::Values(
        EqualsCase{"1", "1.0", "true"}, EqualsCase{"1", "2", "false"},
        EqualsCase{"'1'", "1", "false"}, EqualsCase{"null", "null", "null"},
        EqualsCase{"null", "1", "null"}, EqualsCase{"[1, 2]", "[1]", "false"},
        EqualsCase{"[null]", "[1]", "null"}, EqualsCase{"['a']", "[1]", "false"},
        EqualsCase{"[[1]]", "[[1], [null]]", "false"},
        EqualsCase{"[[1], [2]]", "[[1], [null]]", "null"},
        EqualsCase{"[[1], [2, 3]]", "[[1], [null]]", "false"}, EqualsCase{"{}", "{}", "true"},
        EqualsCase{"{k: 1.0}", "{k: 1}", "true"}, EqualsCase{"{}", "{k: null}", "false"},
        EqualsCase{"{k: 1}", "{k: 1, l: null}", "false"},
        EqualsCase{"{k: null}", "{k: null}", "null"},
        EqualsCase{"{k: 1, l: null}", "{k: null, l: 1}", "null"},
        EqualsCase{"{k: 1, l: null}", "{k: 1, l: 1}", "null"},
        EqualsCase{"4611686018427387905", "4611686018427387900", "false"},
        EqualsCase{"4611686018427387905", "4611686018427387904.0", "false"},
        EqualsCase{"date('2018-01-01')", "date('2018-01-01')", "true"},
        EqualsCase{"date('2018-01-01')", "localdatetime('2018-01-01')", "false"},
        EqualsCase{"datetime('2018-01-01T01:00+01:00')", "datetime('2018-01-01T00:00Z')", "true"},
        EqualsCase{"duration('P1D')", "duration('PT24H')", "false"},
        EqualsCase{"duration({minutes: 12, seconds: -60})", "duration('PT11M')", "true"}));

TEST(SemanticsTest, NaNIsUnequalToEverythingButNotNull) {
  EXPECT_EQ(Tri(Equals(kNaN, kNaN)), "false");
  EXPECT_EQ(Tri(Equals(kNaN, Value(1))), "false");
  EXPECT_EQ(Tri(Equals(kNaN, Value("a"))), "false");
}

TEST(SemanticsTest, NaNComparedWithNumbersIsFalseAndWithStringsNull) {
  for (auto op : {ComparisonOp::kLess, ComparisonOp::kLessEqual, ComparisonOp::kGreater,
                  ComparisonOp::kGreaterEqual}) {
    EXPECT_EQ(Tri(EvaluateComparison(op, kNaN, Value(1))), "false");
    EXPECT_EQ(Tri(EvaluateComparison(op, kNaN, Value(1.0))), "false");
    EXPECT_EQ(Tri(EvaluateComparison(op, kNaN, kNaN)), "false");
    EXPECT_EQ(Tri(EvaluateComparison(op, kNaN, Value("a"))), "null");
  }
}

struct CompareCase {
  const char* lhs;
  const char* rhs;
  const char* ge;  // lhs >= rhs
};

class CompareTest : public ::testing::TestWithParam<CompareCase> {};

TEST_P(CompareTest, GreaterEqualMatchesOpenCypher) {
  const CompareCase& c = GetParam();
  EXPECT_EQ(Tri(EvaluateComparison(ComparisonOp::kGreaterEqual, E(c.lhs), E(c.rhs))), c.ge)
      << c.lhs << " >= " << c.rhs;
}

INSTANTIATE_TEST_SUITE_P(
    Values, CompareTest,
    ::testing::Values(CompareCase{"[1, 0]", "[1]", "true"}, CompareCase{"[1, null]", "[1]", "true"},
                      CompareCase{"[1, 2]", "[1, null]", "null"},
                      CompareCase{"[1, 'a']", "[1, null]", "null"},
                      CompareCase{"[1, 2]", "[3, null]", "false"},
                      CompareCase{"'1.0'", "1.0", "null"}, CompareCase{"'b'", "'a'", "true"},
                      CompareCase{"true", "false", "true"}, CompareCase{"1", "3.14", "false"},
                      CompareCase{"{a: 1}", "{a: 1}", "null"},
                      CompareCase{"duration('P1D')", "duration('P1D')", "null"},
                      CompareCase{"time('10:00+01:00')", "time('09:35:14.645876123Z')", "false"},
                      CompareCase{"date('1984-10-11')", "date('1980-12-24')", "true"},
                      CompareCase{"date('1984-10-11')", "localdatetime('1984-10-11')", "null"}));

TEST(SemanticsTest, OrderCompareSortsAcrossTypesAsOpenCypher) {
  Node n{1, {}, {}};
  Relationship r{2, "REL", 1, 3, {}};
  Path p{{n, Node{3, {}, {}}}, {r}};
  List values = {Value(n),
                 Value(r),
                 Value(p),
                 Value(1.5),
                 E("['list']"),
                 Value("text"),
                 Value(),
                 Value(false),
                 kNaN,
                 E("{a: 'map'}"),
                 E("date('2020-01-01')"),
                 E("duration('P1D')"),
                 E("localtime('12:00')")};
  std::sort(values.begin(), values.end(), OrderLess());
  std::vector<ValueType> types;
  for (const Value& v : values) types.push_back(v.type());
  std::vector<ValueType> expected = {
      ValueType::kMap,    ValueType::kNode, ValueType::kRelationship, ValueType::kList,
      ValueType::kPath,   ValueType::kDate, ValueType::kLocalTime,    ValueType::kDuration,
      ValueType::kString, ValueType::kBool, ValueType::kFloat,        ValueType::kFloat,
      ValueType::kNull};
  EXPECT_EQ(types, expected);
  EXPECT_EQ(values[10].as_float(), 1.5);
  EXPECT_TRUE(std::isnan(values[11].as_float()));
}

TEST(SemanticsTest, OrderCompareMixesIntegersAndFloats) {
  List values = {Value(3),
                 Value(2.5),
                 Value(-std::numeric_limits<double>::infinity()),
                 Value(std::int64_t{-7}),
                 kNaN,
                 Value(2)};
  std::sort(values.begin(), values.end(), OrderLess());
  EXPECT_EQ(testing::Str(Value(values)), "[-Infinity, -7, 2, 2.5, 3, NaN]");
}

TEST(SemanticsTest, OrderCompareOrdersTimesByInstant) {
  List values = {E("time('10:35-08:00')"), E("time('12:31:14.645876123+01:00')"),
                 E("time('12:35:15+05:00')"), E("time('12:30:14.645876123+01:01')")};
  std::sort(values.begin(), values.end(), OrderLess());
  EXPECT_EQ(testing::Str(Value(values)),
            "[12:35:15+05:00, 12:30:14.645876123+01:01, 12:31:14.645876123+01:00, "
            "10:35-08:00]");
}

TEST(SemanticsTest, EquivalenceTreatsNullsAndNaNsAsEqual) {
  EXPECT_TRUE(Equivalent(Value(), Value()));
  EXPECT_TRUE(Equivalent(kNaN, kNaN));
  EXPECT_TRUE(Equivalent(Value(1), Value(1.0)));
  EXPECT_TRUE(Equivalent(E("[1, null]"), E("[1.0, null]")));
  EXPECT_FALSE(Equivalent(Value(), Value(0)));
  EXPECT_FALSE(Equivalent(Value("1"), Value(1)));
}

TEST(SemanticsTest, HashAgreesWithEquivalence) {
  std::vector<std::pair<Value, Value>> pairs = {
      {Value(1), Value(1.0)},
      {E("[1, null]"), E("[1.0, null]")},
      {E("{a: 2}"), E("{a: 2.0}")},
      {kNaN, Value(-std::nan(""))},
      {E("datetime('2018-01-01T01:00+01:00')"), E("datetime('2018-01-01T00:00Z')")}};
  for (const auto& [a, b] : pairs) {
    ASSERT_TRUE(Equivalent(a, b)) << a.ToString();
    EXPECT_EQ(Hash(a), Hash(b)) << a.ToString();
  }
  EXPECT_NE(Hash(Value(1)), Hash(Value(2)));
}

TEST(SemanticsTest, InIsThreeValued) {
  EXPECT_EQ(Tri(In(Value(1), E("[1, null]").as_list())), "true");
  EXPECT_EQ(Tri(In(Value(2), E("[1, null]").as_list())), "null");
  EXPECT_EQ(Tri(In(Value(2), E("[1, 3]").as_list())), "false");
  EXPECT_EQ(Tri(In(Value(), E("[]").as_list())), "false");
  EXPECT_EQ(Tri(In(Value(), E("[1]").as_list())), "null");
  EXPECT_EQ(Tri(In(E("[1, 2]"), E("[[1, 2], 3]").as_list())), "true");
}

}  // namespace
}  // namespace parley::function
