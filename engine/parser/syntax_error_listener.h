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

// The default error strategy, remembering every token the parser would have accepted at
// the current position as it leaves optional parts and loops there. When the input then
// fails further out (MATCH (n) WHER ...: the error surfaces at the statement level), the
// message can still list WHERE and ',' among the alternatives.
//
// The first error ends the parse: once it is reported, the strategy throws
// antlr4::ParseCancellationException. Errors come in the order of the text, only the
// earliest is kept, and recovering from one nested deep in brackets took time quadratic
// in the depth (seconds for a statement of 500 bytes).
class ExpectingErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  void sync(antlr4::Parser* recognizer) override;
  void reportError(antlr4::Parser* recognizer, const antlr4::RecognitionException& e) override;
  void reportUnwantedToken(antlr4::Parser* recognizer) override;
  void reportMissingToken(antlr4::Parser* recognizer) override;
  // Tokens acceptable at token index `index`, as far as seen; empty if unknown.
  antlr4::misc::IntervalSet ExpectedAt(std::size_t index) const;

 private:
  std::size_t index_ = static_cast<std::size_t>(-1);
  antlr4::misc::IntervalSet expected_;
};

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  // Optional: the strategy of the parse, whose expectations widen parser messages.
  void set_strategy(const ExpectingErrorStrategy* strategy) { strategy_ = strategy; }

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
  std::string ParserMessage(antlr4::Parser* parser, antlr4::Token* offending,
                            std::exception_ptr e) const;
  static std::string LexerMessage(const std::string& antlr_message, std::string* detail);

  std::optional<Error> error_;
  const ExpectingErrorStrategy* strategy_ = nullptr;
};

// "MATCH, RETURN, '(' or an identifier": a readable list of the token types in `set`.
std::string DescribeExpected(const antlr4::dfa::Vocabulary& vocabulary,
                             const antlr4::misc::IntervalSet& set);

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_SYNTAX_ERROR_LISTENER_H_
