#include "engine/parser/literals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/engine/parser/parse_test_util.h"

namespace parley::parser {
namespace {

Value LiteralOf(std::string_view expr) {
  ast::Statement s = Parse("RETURN " + std::string(expr));
  const auto& e =
      *std::get<ast::ReturnClause>(s.query().parts[0].clauses[0]).projection.items[0].expr;
  EXPECT_EQ(e.kind, ast::ExprKind::kLiteral) << expr;
  return e.literal;
}

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

TEST(LiteralsTest, DecimalIntegers) {
  EXPECT_EQ(LiteralOf("0"), Value(0));
  EXPECT_EQ(LiteralOf("42"), Value(42));
  EXPECT_EQ(LiteralOf("-1"), Value(-1));
  EXPECT_EQ(LiteralOf("9223372036854775807"), Value(kMax));
  EXPECT_EQ(LiteralOf("-9223372036854775808"), Value(kMin));
}

TEST(LiteralsTest, HexAndOctalIntegers) {
  EXPECT_EQ(LiteralOf("0xA4C"), Value(0xA4C));
  EXPECT_EQ(LiteralOf("0XFF"), Value(255));
  EXPECT_EQ(LiteralOf("-0x162CD4F6"), Value(-0x162CD4F6));
  EXPECT_EQ(LiteralOf("0o77"), Value(077));
  EXPECT_EQ(LiteralOf("0o777777777777777777777"), Value(kMax));
  EXPECT_EQ(LiteralOf("-0o1000000000000000000000"), Value(kMin));
  EXPECT_EQ(LiteralOf("-0x8000000000000000"), Value(kMin));
}

TEST(LiteralsTest, IntegerOverflow) {
  for (const char* q : {"9223372036854775808", "-9223372036854775809", "0o1000000000000000000000",
                        "-0o1000000000000000000001", "0x8000000000000000"}) {
    Error e = ParseError("RETURN " + std::string(q));
    EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError) << q;
    EXPECT_EQ(e.detail(), "IntegerOverflow") << q;
    EXPECT_EQ(e.pos(), (SourcePos{1, 8})) << q;
  }
}

TEST(LiteralsTest, NumberRunIntoLettersIsInvalidNumberLiteral) {
  Error e = ParseError("RETURN 9223372h54775808 AS literal");
  EXPECT_EQ(e.detail(), "InvalidNumberLiteral");
  EXPECT_EQ(e.pos(), (SourcePos{1, 8}));
  EXPECT_EQ(ParseError("RETURN 0x1G").detail(), "InvalidNumberLiteral");
}

TEST(LiteralsTest, Floats) {
  EXPECT_EQ(LiteralOf("1.5"), Value(1.5));
  EXPECT_EQ(LiteralOf(".1"), Value(0.1));
  EXPECT_EQ(LiteralOf("-.1e-5"), Value(-.1e-5));
  EXPECT_EQ(LiteralOf("1e9"), Value(1e9));
  EXPECT_EQ(LiteralOf("1E9"), Value(1e9));
  EXPECT_EQ(LiteralOf("123456789e300"), Value(1.23456789e308));
  EXPECT_EQ(LiteralOf("0.0"), Value(0.0));
  Value neg_zero = LiteralOf("-0.0");
  EXPECT_TRUE(std::signbit(neg_zero.as_float()));
}

TEST(LiteralsTest, TinyFloatsUnderflowToZeroAndHugeOnesOverflow) {
  EXPECT_EQ(LiteralOf("1e-400"), Value(0.0));
  Error e = ParseError("RETURN 1.34E999");
  EXPECT_EQ(e.detail(), "FloatingPointOverflow");
  EXPECT_EQ(e.pos(), (SourcePos{1, 8}));
  EXPECT_EQ(DecodeFloat("1e308", false, {}), 1e308);
  EXPECT_THROW(DecodeFloat("1e309", false, {}), Error);
}

TEST(LiteralsTest, StringQuotesAndEscapes) {
  EXPECT_EQ(LiteralOf("'single'"), Value("single"));
  EXPECT_EQ(LiteralOf("\"double\""), Value("double"));
  EXPECT_EQ(LiteralOf(R"('it\'s "x"')"), Value("it's \"x\""));
  EXPECT_EQ(LiteralOf(R"("a\tb\nc\\d\re\bf\fg")"), Value("a\tb\nc\\d\re\bf\fg"));
  EXPECT_EQ(LiteralOf(R"('\u00e9\U0001F600')"), Value("\u00e9\U0001F600"));
  EXPECT_EQ(LiteralOf("'Malmö'"), Value("Malmö"));
}

TEST(LiteralsTest, BadEscapes) {
  Error bad_unicode = ParseError(R"(RETURN 'ab\u12G4')");
  EXPECT_EQ(bad_unicode.detail(), "InvalidUnicodeLiteral");
  EXPECT_EQ(bad_unicode.pos(), (SourcePos{1, 11}));
  EXPECT_EQ(ParseError(R"(RETURN '\UFFFFFFFF')").detail(), "InvalidUnicodeLiteral");
  EXPECT_EQ(ParseError(R"(RETURN '\uD800')").detail(), "InvalidUnicodeLiteral");
  EXPECT_EQ(ParseError(R"(RETURN '\q')").detail(), "UnexpectedSyntax");
}

TEST(LiteralsTest, DecodeNameUndoublesBackticks) {
  EXPECT_EQ(DecodeName("plain"), "plain");
  EXPECT_EQ(DecodeName("`a b`"), "a b");
  EXPECT_EQ(DecodeName("`a``b`"), "a`b");
}

TEST(LiteralsTest, BooleansAndNull) {
  EXPECT_EQ(LiteralOf("true"), Value(true));
  EXPECT_EQ(LiteralOf("FALSE"), Value(false));
  EXPECT_TRUE(LiteralOf("null").is_null());
}

}  // namespace
}  // namespace parley::parser
