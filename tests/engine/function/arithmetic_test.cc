#include "engine/function/arithmetic.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;
using testing::Str;

struct BinaryCase {
  Value (*op)(const Value&, const Value&);
  const char* lhs;
  const char* rhs;
  const char* expected;  // Str() of the result
};

class BinaryTest : public ::testing::TestWithParam<BinaryCase> {};

TEST_P(BinaryTest, ComputesExpectedValue) {
  const BinaryCase& c = GetParam();
  Value result = c.op(E(c.lhs), E(c.rhs));
  EXPECT_EQ(Str(result), c.expected) << c.lhs << " op " << c.rhs;
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, BinaryTest,
    ::testing::Values(BinaryCase{Add, "1", "2", "3"}, BinaryCase{Add, "1", "2.5", "3.5"},
                      BinaryCase{Add, "null", "2", "null"}, BinaryCase{Subtract, "1", "3", "-2"},
                      BinaryCase{Multiply, "4", "2.5", "10.0"}, BinaryCase{Divide, "7", "2", "3"},
                      BinaryCase{Divide, "-7", "2", "-3"}, BinaryCase{Divide, "7.0", "2", "3.5"},
                      BinaryCase{Divide, "1.0", "0", "Infinity"},
                      BinaryCase{Modulo, "-7", "3", "-1"}, BinaryCase{Modulo, "7.5", "2", "1.5"},
                      BinaryCase{Power, "2", "3", "8.0"}, BinaryCase{Power, "4", "0.5", "2.0"}));

INSTANTIATE_TEST_SUITE_P(
    StringsAndLists, BinaryTest,
    ::testing::Values(BinaryCase{Add, "'ab'", "'cd'", "abcd"}, BinaryCase{Add, "'a'", "1", "a1"},
                      BinaryCase{Add, "1.5", "'a'", "1.5a"},
                      BinaryCase{Add, "'on '", "date('2015-07-21')", "on 2015-07-21"},
                      BinaryCase{Add, "[1, 2]", "[3]", "[1, 2, 3]"},
                      BinaryCase{Add, "[1]", "2", "[1, 2]"}, BinaryCase{Add, "0", "[1]", "[0, 1]"},
                      BinaryCase{Add, "[1]", "null", "null"},
                      BinaryCase{Add, "[1]", "[null]", "[1, null]"}));

INSTANTIATE_TEST_SUITE_P(
    Temporal, BinaryTest,
    ::testing::Values(BinaryCase{Add, "date('2018-01-31')", "duration('P1M')", "2018-02-28"},
                      BinaryCase{Add, "duration('P1M1D')", "date('2016-01-31')", "2016-03-01"},
                      BinaryCase{Subtract, "date('2018-03-31')", "duration('P1M')", "2018-02-28"},
                      BinaryCase{Add, "date('2018-01-01')", "duration('PT47H')", "2018-01-02"},
                      BinaryCase{Add, "localtime('23:00')", "duration('PT2H30M')", "01:30"},
                      BinaryCase{Add, "time('23:00+01:00')", "duration('P5DT2H')", "01:00+01:00"},
                      BinaryCase{Add, "localdatetime('2018-01-31T23:00')", "duration('P1MT2H')",
                                 "2018-03-01T01:00"},
                      BinaryCase{Add, "datetime('2017-10-28T12:00+02:00[Europe/Stockholm]')",
                                 "duration('P1D')", "2017-10-29T12:00+01:00[Europe/Stockholm]"},
                      BinaryCase{Add, "datetime('2017-10-28T12:00+02:00[Europe/Stockholm]')",
                                 "duration('PT24H')", "2017-10-29T11:00+01:00[Europe/Stockholm]"},
                      BinaryCase{Add, "duration('P1Y2M3DT4H')", "duration('P1MT-5H')",
                                 "P1Y3M3DT-1H"},
                      BinaryCase{Subtract, "duration('PT1S')", "duration('PT1.5S')", "PT-0.5S"},
                      BinaryCase{Multiply, "duration('P1DT1H')", "3", "P3DT3H"},
                      BinaryCase{Multiply, "0.5", "duration('P1M')", "P15DT5H14M33S"},
                      BinaryCase{Divide, "duration('P3D')", "2", "P1DT12H"}));

TEST(ArithmeticTest, IntegerOverflowIsAnError) {
  Value max(std::int64_t{INT64_MAX});
  for (auto op : {Add, Multiply}) {
    try {
      op(max, Value(2));
      FAIL() << "expected overflow";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
      EXPECT_EQ(e.detail(), "IntegerOverflow");
    }
  }
  EXPECT_THROW(Subtract(Value(std::int64_t{INT64_MIN}), Value(1)), Error);
  EXPECT_THROW(Negate(Value(std::int64_t{INT64_MIN})), Error);
  EXPECT_THROW(Divide(Value(std::int64_t{INT64_MIN}), Value(-1)), Error);
}

TEST(ArithmeticTest, IntegerDivisionByZeroIsAnError) {
  EXPECT_THROW(Divide(Value(1), Value(0)), Error);
  EXPECT_THROW(Modulo(Value(1), Value(0)), Error);
  EXPECT_TRUE(std::isnan(Divide(Value(0.0), Value(0.0)).as_float()));
}

TEST(ArithmeticTest, WrongOperandTypesRaiseTypeError) {
  try {
    Add(Value(true), Value(1));
    FAIL() << "expected a type error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kTypeError);
    EXPECT_EQ(e.detail(), "InvalidArgumentType");
  }
  EXPECT_THROW(Subtract(Value("a"), Value(1)), Error);
  EXPECT_THROW(Multiply(E("{}"), Value(1)), Error);
  EXPECT_THROW(Negate(Value("a")), Error);
}

TEST(ArithmeticTest, NegateKeepsType) {
  EXPECT_EQ(Str(Negate(Value(3))), "-3");
  EXPECT_EQ(Str(Negate(Value(1.5))), "-1.5");
  EXPECT_EQ(Str(Negate(E("duration('P1DT1.5S')"))), "P-1DT-1.5S");
  EXPECT_TRUE(Negate(Value()).is_null());
}

}  // namespace
}  // namespace parley::function
