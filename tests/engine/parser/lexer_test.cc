// The hand-written lexer against the grammar's generated one: same tokens (type, text,
// line, column, indices) and the same first error, on every TCK query and on edge cases.
#include "engine/parser/lexer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "CypherLexer.h"

namespace parley::parser {
namespace {

// Collects "line:column message" of the first error.
class FirstError : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, std::size_t line, std::size_t column,
                   const std::string& msg, std::exception_ptr) override {
    if (first.empty()) first = std::to_string(line) + ":" + std::to_string(column) + " " + msg;
  }
  std::string first;
};

std::string Describe(antlr4::TokenSource& source, std::string* error, FirstError& errors) {
  std::string out;
  while (true) {
    std::unique_ptr<antlr4::Token> t = source.nextToken();
    if (t->getType() == antlr4::Token::EOF) {
      out +=
          "EOF@" + std::to_string(t->getLine()) + ":" + std::to_string(t->getCharPositionInLine());
      break;
    }
    out += std::to_string(t->getType()) + "[" + t->getText() + "]@" + std::to_string(t->getLine()) +
           ":" + std::to_string(t->getCharPositionInLine()) + "#" +
           std::to_string(t->getStartIndex()) + "-" + std::to_string(t->getStopIndex()) + " ";
  }
  *error = errors.first;
  return out;
}

std::string WithGeneratedLexer(const std::string& text, std::string* error) {
  antlr4::ANTLRInputStream input(text.data(), text.size());
  grammar::CypherLexer lexer(&input);
  FirstError errors;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&errors);
  return Describe(lexer, error, errors);
}

std::string WithLexer(const std::string& text, std::string* error) {
  CodePointStream input(text.data(), text.size());
  FirstError errors;
  Lexer lexer(&input, &errors, nullptr);
  return Describe(lexer, error, errors);
}

void ExpectSameTokens(const std::string& text) {
  std::string expected_error, error;
  std::string expected = WithGeneratedLexer(text, &expected_error);
  std::string actual = WithLexer(text, &error);
  EXPECT_EQ(actual, expected) << "for: " << text;
  EXPECT_EQ(error, expected_error) << "for: " << text;
}

TEST(LexerTest, AgreesWithGeneratedLexerOnEdgeCases) {
  for (const char* text : {
           "",
           "   ",
           "MATCH (n) RETURN n",
           "match (n:Person {name: 'x'}) return n.name;",
           "RETURN 1, 1.5, .5, 1e9, 1E-5, .1e+3, 0x1F, 0XAB, 0o17, 0O7, 012, 1..3, [1..]",
           "RETURN 9223372h54775808, 1.5x, 1.5e3x, 0x, 0xZZ, 0o8, 1_000, 1.5_, 3abc",
           "RETURN 'a\\'b', \"c\\\"d\", '\\u00e9', 'tab\\there', ''",
           "RETURN `a``b`, `x y`, `` ",
           "RETURN a$b, _x, x_1, ñandú, café, Ωmega, x\u00B7y",
           "// comment\nRETURN 1 /* block\n comment */ + 2 // end",
           "RETURN 1 /* unterminated",
           "RETURN 'unterminated",
           "RETURN `unterminated",
           "RETURN 42 \u2014 41",
           "RETURN 9223372#54775808",
           "RETURN 1 \u00A0+\u3000 2",
           "a<>b<=c>=d=~e+=f+g-h*i/j%k^l..m.n:o|p$q;",
           "x<-->y-->z<--w",
           "RETURN 'line1\nline2', x",
           "RETURN 1\r\n+ 2\r\n",
           "/*/ x */ RETURN 1",
           "MATCHES MATCH_ XMATCH matchx",
           "NULL null Null TRUE false",
           "RETURN 'é' + \"ü\"",
           "CALL db.labels() YIELD label",
           "x/*a*//*b*/y",
           "RETURN 'abc\\",
           "RETURN #",
       }) {
    ExpectSameTokens(text);
  }
}

std::vector<std::string> TckQueries() {
  std::filesystem::path dir = std::filesystem::path(PARLEY_SHARED_DIR) / "tck" / "features";
  if (const char* env = std::getenv("PARLEY_TCK_DIR")) dir = env;
  std::vector<std::string> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".feature") continue;
    std::ifstream in(entry.path());
    std::string line, block;
    bool inside = false;
    while (std::getline(in, line)) {
      std::size_t first = line.find_first_not_of(" \t");
      if (first != std::string::npos && line.compare(first, 3, "\"\"\"") == 0) {
        if (inside) out.push_back(block);
        block.clear();
        inside = !inside;
      } else if (inside) {
        block += line + "\n";
      }
    }
  }
  return out;
}

TEST(LexerTest, AgreesWithGeneratedLexerOnTheTck) {
  std::vector<std::string> queries = TckQueries();
  if (queries.empty()) GTEST_SKIP() << "no TCK features found";
  int differences = 0;
  for (const std::string& q : queries) {
    std::string expected_error, error;
    if (WithLexer(q, &error) != WithGeneratedLexer(q, &expected_error) || error != expected_error) {
      if (++differences <= 5) ExpectSameTokens(q);
    }
  }
  EXPECT_EQ(differences, 0) << "of " << queries.size() << " query texts";
}

}  // namespace
}  // namespace parley::parser
