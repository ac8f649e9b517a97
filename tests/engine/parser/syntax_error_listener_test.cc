#include "engine/parser/syntax_error_listener.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "CypherLexer.h"
#include "CypherParser.h"
#include "tests/engine/parser/parse_test_util.h"

namespace parley::parser {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

TEST(SyntaxErrorListenerTest, MisspelledFirstKeywordNamesTokenAndAlternatives) {
  Error e = ParseError("RETRUN 1");
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(e.detail(), "UnexpectedSyntax");
  EXPECT_EQ(e.pos(), (SourcePos{1, 1}));
  EXPECT_THAT(std::string(e.message()), StartsWith("Invalid input 'RETRUN': expected "));
  EXPECT_THAT(std::string(e.message()), HasSubstr("MATCH"));
  EXPECT_THAT(std::string(e.message()), HasSubstr("RETURN"));
  EXPECT_THAT(std::string(e.message()), HasSubstr("(line 1, column 1)"));
}

TEST(SyntaxErrorListenerTest, MisspelledKeywordOnSecondLine) {
  Error e = ParseError("MATCH (n)\n  RETRUN n");
  EXPECT_EQ(e.pos(), (SourcePos{2, 3}));
  EXPECT_THAT(std::string(e.message()), StartsWith("Invalid input 'RETRUN'"));
  EXPECT_THAT(std::string(e.message()), HasSubstr("RETURN"));
  EXPECT_THAT(std::string(e.message()), HasSubstr("(line 2, column 3)"));
}

TEST(SyntaxErrorListenerTest, AlternativesIncludeWhatCouldHaveContinuedEarlierParts) {
  // The error surfaces after MATCH's pattern has ended; WHERE and ',' were still possible.
  Error e = ParseError("MATCH (n) WHER n.x = 1 RETURN n");
  EXPECT_EQ(e.pos(), (SourcePos{1, 11}));
  std::string message(e.message());
  EXPECT_THAT(message, StartsWith("Invalid input 'WHER': expected "));
  EXPECT_THAT(message, HasSubstr("WHERE"));
  EXPECT_THAT(message, HasSubstr("','"));
  EXPECT_THAT(message, HasSubstr("RETURN"));
  Error limit = ParseError("MATCH (n) RETURN n.name AS name LIMT 5");
  EXPECT_THAT(std::string(limit.message()), HasSubstr("LIMIT"));
  EXPECT_THAT(std::string(limit.message()), HasSubstr("ORDER"));
}

TEST(SyntaxErrorListenerTest, LongOperatorListsAreSummarised) {
  Error e = ParseError("MATCH (n) WHERE n.x = 1 RETRUN n");
  EXPECT_THAT(std::string(e.message()), HasSubstr("an operator"));
  EXPECT_THAT(std::string(e.message()), Not(HasSubstr("'%'")));
}

TEST(SyntaxErrorListenerTest, MissingClosingParenthesis) {
  Error e = ParseError("MATCH (n RETURN n");
  EXPECT_EQ(e.pos(), (SourcePos{1, 10}));
  EXPECT_THAT(std::string(e.message()), HasSubstr("'RETURN'"));
  EXPECT_THAT(std::string(e.message()), HasSubstr("')'"));
}

TEST(SyntaxErrorListenerTest, UnexpectedEndOfInput) {
  Error e = ParseError("MATCH (n) WHERE n.x =");
  EXPECT_THAT(std::string(e.message()), StartsWith("Unexpected end of input"));
  EXPECT_EQ(e.pos(), (SourcePos{1, 22}));
}

TEST(SyntaxErrorListenerTest, ErrorDeepInMultiLineQuery) {
  Error e = ParseError("MATCH (a)\nWITH a\nWHERE a.x >\n  AND a.y\nRETURN a");
  EXPECT_EQ(e.pos(), (SourcePos{4, 3}));
  EXPECT_THAT(std::string(e.message()), HasSubstr("'AND'"));
}

TEST(SyntaxErrorListenerTest, MalformedListsAndMaps) {
  for (const char* q :
       {"RETURN [, ] AS literal", "RETURN [[[]] AS literal", "RETURN [[','[]',']] AS literal",
        "RETURN {1B2c3e67:1} AS literal", "RETURN {k1#k: 1} AS literal",
        "RETURN {k1.k: 1} AS literal", "RETURN {, } AS literal", "RETURN {1} AS literal",
        "RETURN {[]} AS literal", "RETURN {{}} AS literal", "RETURN {k: {k: {}} AS literal",
        "RETURN 9223372#54775808 AS literal"}) {
    Error e = ParseError(q);
    EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError) << q;
    EXPECT_EQ(e.detail(), "UnexpectedSyntax") << q;
    EXPECT_TRUE(e.pos().known()) << q;
  }
}

TEST(SyntaxErrorListenerTest, UnicodeDashIsInvalidUnicodeCharacter) {
  Error e = ParseError("RETURN 42 \u2014 41");
  EXPECT_EQ(e.detail(), "InvalidUnicodeCharacter");
  EXPECT_EQ(e.pos(), (SourcePos{1, 11}));
}

TEST(SyntaxErrorListenerTest, StrayAsciiCharacterIsUnexpectedSyntax) {
  Error e = ParseError("MATCH (n) RETURN n # comment");
  EXPECT_EQ(e.detail(), "UnexpectedSyntax");
  EXPECT_EQ(e.pos(), (SourcePos{1, 20}));
  EXPECT_THAT(std::string(e.message()), HasSubstr("'#'"));
}

TEST(SyntaxErrorListenerTest, EarliestErrorWinsBetweenLexerAndParser) {
  Error e = ParseError("RETRUN 42 \u2014 41");
  EXPECT_EQ(e.pos(), (SourcePos{1, 1}));
  EXPECT_EQ(e.detail(), "UnexpectedSyntax");
}

TEST(SyntaxErrorListenerTest, UnterminatedString) {
  Error e = ParseError("RETURN 'abc");
  EXPECT_EQ(e.pos(), (SourcePos{1, 8}));
  EXPECT_THAT(std::string(e.message()), HasSubstr("not terminated"));
}

TEST(SyntaxErrorListenerTest, UnterminatedComment) {
  Error e = ParseError("MATCH (n)\nRETURN n /* the end");
  EXPECT_EQ(e.pos(), (SourcePos{2, 10}));
  EXPECT_THAT(std::string(e.message()), HasSubstr("comment is not terminated"));
}

TEST(SyntaxErrorListenerTest, WhereAnyNameFitsTheMessageSaysIdentifier) {
  Error e = ParseError("MATCH (n) RETURN n.");
  EXPECT_THAT(std::string(e.message()), HasSubstr("expected an identifier"));
  EXPECT_THAT(std::string(e.message()), Not(HasSubstr("MATCH")));
}

TEST(SyntaxErrorListenerTest, InvalidUtf8IsRejected) {
  Error e = ParseError("RETURN '\xff'");
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
}

// The first error ends the parse: nothing after it is parsed or reported, as recovering
// from an error deep in brackets took time quadratic in the depth.
TEST(ExpectingErrorStrategyTest, TheFirstErrorEndsTheParse) {
  antlr4::ANTLRInputStream input("RETURN [[1 2]], [3 4], (5");
  grammar::CypherLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  grammar::CypherParser parser(&tokens);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<ExpectingErrorStrategy>();
  SyntaxErrorListener listener;
  listener.set_strategy(strategy.get());
  parser.setErrorHandler(strategy);
  parser.addErrorListener(&listener);
  EXPECT_THROW(parser.statement(), antlr4::ParseCancellationException);
  EXPECT_EQ(parser.getNumberOfSyntaxErrors(), 1u);
  ASSERT_TRUE(listener.has_error());
  EXPECT_EQ(listener.error().pos(), (SourcePos{1, 12}));  // the 2
}

// An error inside lists nested hundreds deep, after a name each level could have
// subscripted, is reported where it is, with the alternatives.
TEST(SyntaxErrorListenerTest, ErrorDeepInsideNestedListsIsReportedWhereItIs) {
  std::string query = "RETURN ";
  for (const char* name : {"", "a", "b"}) query += name + std::string(150, '[');
  std::size_t column = query.size() + 3;  // after "]]"
  query += "]]0" + std::string(448, ']');
  Error e = ParseError(query);
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(e.pos(), (SourcePos{1, static_cast<std::uint32_t>(column)}));
  EXPECT_THAT(std::string(e.message()), StartsWith("Invalid input '0'"));
}

}  // namespace
}  // namespace parley::parser
