// Lexer: a hand-written token source for the generated Cypher parser.
//
// It produces exactly the tokens of grammar/Cypher.g4's lexer rules (same token types,
// positions and text; whitespace and comments skipped), three to four times faster than the
// generated ANTLR lexer, which took a third of a statement's parse time. Keywords come from
// the grammar's vocabulary, so the two cannot drift apart in what they recognise as a
// keyword; tests/engine/parser/lexer_test.cc checks that the token streams agree on the
// whole TCK.
//
// Internal to engine/parser. One Lexer per parse; `input` must outlive it and the tokens.
// Characters no token can start with are reported to the error listener (as the ANTLR
// lexer would: "token recognition error at: '...'") and skipped.
#ifndef PARLEY_ENGINE_PARSER_LEXER_H_
#define PARLEY_ENGINE_PARSER_LEXER_H_

#include <memory>
#include <string>

#include "antlr4-runtime.h"

namespace parley::parser {

// An ANTLRInputStream whose code points the lexer may read directly.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  using antlr4::ANTLRInputStream::ANTLRInputStream;
  const std::u32string& code_points() const { return _data; }
};

class Lexer : public antlr4::TokenSource {
 public:
  // `listener` (may be null) receives recognition errors; `recognizer` is passed to it.
  Lexer(CodePointStream* input, antlr4::ANTLRErrorListener* listener,
        antlr4::Recognizer* recognizer);

  std::unique_ptr<antlr4::Token> nextToken() override;
  std::size_t getLine() const override { return line_; }
  std::size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream* getInputStream() override { return input_; }
  std::string getSourceName() override { return input_->getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

 private:
  char32_t At(std::size_t i) const { return i < data_.size() ? data_[i] : 0; }
  bool AtEnd(std::size_t i) const { return i >= data_.size(); }
  // Moves past `n` code points, keeping line and column.
  void Advance(std::size_t n);
  // Skips whitespace and complete comments; stops at an unterminated comment.
  void SkipIgnored();
  // The type and length of the token at pos_, or length 0 if no token starts there.
  std::size_t Scan(std::size_t* type) const;
  std::size_t ScanNumber(std::size_t* type) const;
  std::size_t ScanWord(std::size_t* type) const;
  std::size_t ScanQuoted(char32_t quote, std::size_t* type) const;
  std::size_t ScanPunctuation(std::size_t* type) const;
  void ReportUnrecognised(std::size_t length);

  CodePointStream* input_;
  const std::u32string& data_;
  antlr4::ANTLRErrorListener* listener_;
  antlr4::Recognizer* recognizer_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 0;  // 0-based, as ANTLR counts
};

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_LEXER_H_
