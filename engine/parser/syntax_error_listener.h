// SyntaxErrorListener: collects lexer and parser errors and keeps the one that comes first
// in the text, as a parley::Error with a readable message.
//
// Internal to engine/parser. Attach one instance to both the lexer and the parser of one
// parse. Messages name the offending input and what could have come there instead:
//   Invalid input 'RETRUN': expected MATCH, RETURN, ... (line 1, column 1)
// Columns are 1-based code points. Detail codes: UnexpectedSyntax, except
// InvalidUnicodeCharacter for a character outside ASCII that no token can start with.
#ifndef PARLEY_ENGINE_PARSER_SYNTAX_ERROR_LISTENER_H_
#define PARLEY_ENGINE_PARSER_SYNTAX_ERROR_LISTENER_H_

#include <parley/error.h>

#include <optional>
#include <string>

#include "antlr4-runtime.h"

namespace parley::parser {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending_symbol,
                   std::size_t line, std::size_t char_position_in_line, const std::string& msg,
                   std::exception_ptr e) override;

  // Records an error found outside ANTLR (e.g. by scanning the tokens); the earliest wins.
  void Report(Error error) { Keep(std::move(error)); }

  bool has_error() const { return error_.has_value(); }
  // The earliest error seen. REQUIRES: has_error().
  const Error& error() const { return *error_; }

 private:
  void Keep(Error error);
  static std::string ParserMessage(antlr4::Parser* parser, antlr4::Token* offending,
                                   std::exception_ptr e);
  static std::string LexerMessage(const std::string& antlr_message, std::string* detail);

  std::optional<Error> error_;
};

// "MATCH, RETURN, '(' or an identifier": a readable list of the token types in `set`.
std::string DescribeExpected(const antlr4::dfa::Vocabulary& vocabulary,
                             const antlr4::misc::IntervalSet& set);

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_SYNTAX_ERROR_LISTENER_H_
