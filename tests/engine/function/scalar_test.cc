#include "engine/function/scalar.h"

#include <gtest/gtest.h>

#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;
using testing::Str;

struct ScalarCase {
  const char* expr;
  const char* expected;  // Str() of the result
};

class ScalarTest : public ::testing::TestWithParam<ScalarCase> {};

TEST_P(ScalarTest, ComputesExpectedValue) {
  EXPECT_EQ(Str(E(GetParam().expr)), GetParam().expected) << GetParam().expr;
}

INSTANTIATE_TEST_SUITE_P(
    Conversion, ScalarTest,
    ::testing::Values(
        ScalarCase{"toString(42)", "42"}, ScalarCase{"toString(true)", "true"},
        ScalarCase{"toString(2.3)", "2.3"}, ScalarCase{"toString(1.0)", "1.0"},
        ScalarCase{"toString(1.0e20)", "1.0E20"}, ScalarCase{"toString(0.00001)", "1.0E-5"},
        ScalarCase{"toString('apa')", "apa"}, ScalarCase{"toString(null)", "null"},
        ScalarCase{"toString(date('2018-01-01'))", "2018-01-01"},
        ScalarCase{"toInteger(82.9)", "82"}, ScalarCase{"toInteger(-82.9)", "-82"},
        ScalarCase{"toInteger('2.9')", "2"}, ScalarCase{"toInteger('42')", "42"},
        ScalarCase{"toInteger('foo')", "null"}, ScalarCase{"toInteger('')", "null"},
        ScalarCase{"toInteger(true)", "1"}, ScalarCase{"toFloat('2.5')", "2.5"},
        ScalarCase{"toFloat(3)", "3.0"}, ScalarCase{"toFloat('x')", "null"},
        ScalarCase{"toBoolean('true')", "true"}, ScalarCase{"toBoolean(' FALSE ')", "false"},
        ScalarCase{"toBoolean('yes')", "null"}, ScalarCase{"toBoolean(0)", "false"},
        ScalarCase{"toIntegerOrNull([1])", "null"}, ScalarCase{"coalesce(null, 2, 3)", "2"},
        ScalarCase{"coalesce(null, null)", "null"}));

INSTANTIATE_TEST_SUITE_P(
    Maths, ScalarTest,
    ::testing::Values(ScalarCase{"abs(-3)", "3"}, ScalarCase{"abs(-3.5)", "3.5"},
                      ScalarCase{"ceil(1.2)", "2.0"}, ScalarCase{"floor(-1.2)", "-2.0"},
                      ScalarCase{"round(2.5)", "3.0"}, ScalarCase{"round(-2.5)", "-2.0"},
                      ScalarCase{"round(3.14159, 2)", "3.14"},
                      ScalarCase{"round(2.5, 0, 'HALF_EVEN')", "2.0"},
                      ScalarCase{"round(-1.55, 1, 'HALF_UP')", "-1.6"},
                      ScalarCase{"sign(-4)", "-1"}, ScalarCase{"sign(0.5)", "1"},
                      ScalarCase{"sqrt(16)", "4.0"}, ScalarCase{"exp(0)", "1.0"},
                      ScalarCase{"log10(1000)", "3.0"}, ScalarCase{"atan2(0, 1)", "0.0"},
                      ScalarCase{"degrees(pi())", "180.0"}, ScalarCase{"abs(null)", "null"}));

INSTANTIATE_TEST_SUITE_P(
    Strings, ScalarTest,
    ::testing::Values(
        ScalarCase{"toLower('AbC')", "abc"}, ScalarCase{"toUpper('AbC')", "ABC"},
        ScalarCase{"toUpper('\xc3\xa4\xc3\xb6')", "\xc3\x84\xc3\x96"},
        ScalarCase{"toLower('\xc3\x84\xce\xa3')", "\xc3\xa4\xcf\x83"},
        ScalarCase{"trim('  a b  ')", "a b"}, ScalarCase{"ltrim('  a ')", "a "},
        ScalarCase{"rtrim('  a ')", "  a"}, ScalarCase{"replace('hello', 'l', 'L')", "heLLo"},
        ScalarCase{"substring('0123456789', 1)", "123456789"},
        ScalarCase{"substring('0123456789', 1, 3)", "123"}, ScalarCase{"substring('abc', 5)", ""},
        ScalarCase{"substring('h\xc3\xa9llo', 1, 2)", "\xc3\xa9l"},
        ScalarCase{"left('hello', 2)", "he"}, ScalarCase{"right('hello', 2)", "lo"},
        ScalarCase{"right('hello', 10)", "hello"},
        ScalarCase{"split('a,b,,c', ',')", "[a, b, , c]"}, ScalarCase{"reverse('raksO')", "Oskar"},
        ScalarCase{"size('h\xc3\xa9llo')", "5"}, ScalarCase{"toLower(null)", "null"}));

INSTANTIATE_TEST_SUITE_P(
    Lists, ScalarTest,
    ::testing::Values(ScalarCase{"size([1, 2, 3])", "3"}, ScalarCase{"head([1, 2])", "1"},
                      ScalarCase{"head([])", "null"}, ScalarCase{"last([1, 2])", "2"},
                      ScalarCase{"tail([1, 2, 3])", "[2, 3]"}, ScalarCase{"tail([])", "[]"},
                      ScalarCase{"range(0, 5)", "[0, 1, 2, 3, 4, 5]"},
                      ScalarCase{"range(0, 10, 3)", "[0, 3, 6, 9]"},
                      ScalarCase{"range(5, 1, -2)", "[5, 3, 1]"}, ScalarCase{"range(2, 1)", "[]"},
                      ScalarCase{"reverse([1, 2, 3])", "[3, 2, 1]"},
                      ScalarCase{"keys({b: 1, a: null})", "[a, b]"},
                      ScalarCase{"properties({a: 1})", "{a: 1}"}, ScalarCase{"isEmpty([])", "true"},
                      ScalarCase{"isEmpty('a')", "false"}, ScalarCase{"size(null)", "null"}));

TEST(ScalarFunctionTest, LookupIsCaseInsensitive) {
  const ScalarFunction* f = FindScalarFunction("TOINTEGER");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "toInteger");
  EXPECT_EQ(FindScalarFunction("Date.Truncate"), FindScalarFunction("date.truncate"));
  EXPECT_EQ(FindScalarFunction("count"), nullptr);
  EXPECT_EQ(FindScalarFunction("nosuchfunction"), nullptr);
  EXPECT_FALSE(FindScalarFunction("rand")->deterministic);
  EXPECT_EQ(FindScalarFunction("coalesce")->max_args, kVariadic);
}

void ExpectError(const char* expr, ErrorKind kind, const char* detail) {
  try {
    Value v = E(expr);
    ADD_FAILURE() << expr << " gave " << Str(v);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << expr << ": " << e.what();
    EXPECT_EQ(e.detail(), detail) << expr << ": " << e.what();
  }
}

TEST(ScalarFunctionTest, ConversionOfStructuredValuesIsInvalidArgumentValue) {
  for (const char* expr : {"toString([])", "toString({})", "toInteger([])", "toInteger({})",
                           "toBoolean([])", "toBoolean(1.0)", "toFloat({})"}) {
    ExpectError(expr, ErrorKind::kTypeError, "InvalidArgumentValue");
  }
}

TEST(ScalarFunctionTest, WrongArgumentTypesAreTypeErrors) {
  for (const char* expr : {"toLower(1)", "abs('a')", "size(1)", "head('a')", "range(1, 'a')",
                           "keys(1)", "split(1, ',')", "sqrt(true)"}) {
    ExpectError(expr, ErrorKind::kTypeError, "InvalidArgumentType");
  }
}

TEST(ScalarFunctionTest, BadArgumentValuesAreArgumentErrors) {
  ExpectError("range(1, 5, 0)", ErrorKind::kArgumentError, "InvalidArgumentValue");
  ExpectError("substring('abc', -1)", ErrorKind::kArgumentError, "NegativeIntegerArgument");
  ExpectError("round(1.5, 0, 'SIDEWAYS')", ErrorKind::kArgumentError, "InvalidArgumentValue");
}

TEST(ScalarFunctionTest, RandIsInUnitInterval) {
  for (int i = 0; i < 100; ++i) {
    double r = E("rand()").as_float();
    EXPECT_GE(r, 0.0);
    EXPECT_LT(r, 1.0);
  }
}

}  // namespace
}  // namespace parley::function
