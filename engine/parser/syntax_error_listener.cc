#include "engine/parser/syntax_error_listener.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

#include "CypherParser.h"

namespace parley::parser {
namespace {

using grammar::CypherParser;

// Keywords that are also identifiers: once "an identifier" is listed they add nothing.
bool IsSoftKeyword(std::size_t type) {
  switch (type) {
    case CypherParser::COUNT:
    case CypherParser::ANY:
    case CypherParser::NONE:
    case CypherParser::SINGLE:
    case CypherParser::REDUCE:
    case CypherParser::EXPLAIN:
    case CypherParser::PROFILE:
    case CypherParser::FOR:
    case CypherParser::IF:
    case CypherParser::INDEX:
    case CypherParser::INDEXES:
    case CypherParser::SHOW:
    case CypherParser::LABELS:
    case CypherParser::TYPES:
    case CypherParser::KEYS:
    case CypherParser::PROCEDURES:
    case CypherParser::FUNCTIONS:
    case CypherParser::RELATIONSHIP:
    case CypherParser::PROPERTY:
    case CypherParser::SHORTESTPATH:
    case CypherParser::ALLSHORTESTPATHS:
    case CypherParser::DROP:
      return true;
    default:
      return false;
  }
}

std::string DisplayName(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF:
      return "end of input";
    case CypherParser::UnescapedSymbolicName:
    case CypherParser::EscapedSymbolicName:
      return "an identifier";
    case CypherParser::StringLiteral:
      return "a string";
    case CypherParser::HexInteger:
    case CypherParser::OctalInteger:
    case CypherParser::DecimalInteger:
      return "an integer";
    case CypherParser::FloatLiteral:
      return "a float";
    case CypherParser::InvalidNumberLiteral:
      return "";
    default:
      break;
  }
  std::string name = vocabulary.getDisplayName(type);
  if (!name.empty() && name.back() == '_') name.pop_back();  // SKIP_, NULL_, ...
  return name;
}

// Tokens that continue an expression; a long run of them reads better as "an operator".
bool IsOperator(std::size_t type) {
  switch (type) {
    case CypherParser::AND:
    case CypherParser::OR:
    case CypherParser::XOR:
    case CypherParser::CONTAINS:
    case CypherParser::STARTS:
    case CypherParser::ENDS:
    case CypherParser::IN:
    case CypherParser::IS:
    case CypherParser::EQ:
    case CypherParser::NE:
    case CypherParser::LT:
    case CypherParser::GT:
    case CypherParser::LE:
    case CypherParser::GE:
    case CypherParser::REGEX:
    case CypherParser::PLUS:
    case CypherParser::MINUS:
    case CypherParser::STAR:
    case CypherParser::SLASH:
    case CypherParser::PERCENT:
    case CypherParser::CARET:
    case CypherParser::DOT:
    case CypherParser::LBRACKET:
    case CypherParser::COLON:
      return true;
    default:
      return false;
  }
}

std::string JoinAlternatives(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string Quote(const std::string& text) { return "'" + text + "'"; }

}  // namespace

std::string DescribeExpected(const antlr4::dfa::Vocabulary& vocabulary,
                             const antlr4::misc::IntervalSet& set) {
  bool identifier = set.contains(static_cast<std::size_t>(CypherParser::UnescapedSymbolicName));
  std::size_t operators = 0;
  for (ssize_t type : set.toList()) operators += IsOperator(static_cast<std::size_t>(type)) ? 1 : 0;
  bool collapse_operators = operators >= 8;
  std::vector<std::string> keywords, others;
  std::set<std::string> seen;
  for (ssize_t type : set.toList()) {
    std::size_t t = static_cast<std::size_t>(type);  // EOF is -1, as size_t
    if (type < 0 && t != antlr4::Token::EOF) continue;
    if (identifier && IsSoftKeyword(t)) continue;
    if (collapse_operators && IsOperator(t)) continue;
    std::string name = DisplayName(vocabulary, t);
    if (name.empty() || !seen.insert(name).second) continue;
    bool keyword = std::all_of(name.begin(), name.end(),
                               [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
    (keyword ? keywords : others).push_back(name);
  }
  // Where any name may stand (a property key, a label), every reserved word is allowed
  // too; listing them all says less than "an identifier".
  if (identifier && keywords.size() > 20) keywords.clear();
  keywords.insert(keywords.end(), others.begin(), others.end());
  if (collapse_operators) keywords.push_back("an operator");
  return JoinAlternatives(keywords);
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer,
                                      antlr4::Token* offending_symbol, std::size_t line,
                                      std::size_t char_position_in_line, const std::string& msg,
                                      std::exception_ptr e) {
  SourcePos pos{static_cast<std::uint32_t>(line),
                static_cast<std::uint32_t>(char_position_in_line + 1)};
  std::string detail = "UnexpectedSyntax";
  std::string message;
  if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
    message = ParserMessage(parser, offending_symbol, e);
  } else {
    message = LexerMessage(msg, &detail);
  }
  message += fmt::format(" (line {}, column {})", pos.line, pos.column);
  Keep(Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos));
}

void SyntaxErrorListener::Keep(Error error) {
  if (error_.has_value()) {
    SourcePos a = error_->pos(), b = error.pos();
    if (a.line < b.line || (a.line == b.line && a.column <= b.column)) return;
  }
  error_.emplace(std::move(error));
}

void ExpectingErrorStrategy::sync(antlr4::Parser* recognizer) {
  if (!inErrorRecoveryMode(recognizer)) {
    std::size_t index = recognizer->getCurrentToken()->getTokenIndex();
    if (index != index_) {
      index_ = index;
      expected_.clear();
    }
    expected_.addAll(recognizer->getExpectedTokens());
  }
  antlr4::DefaultErrorStrategy::sync(recognizer);
}

void ExpectingErrorStrategy::reportError(antlr4::Parser* recognizer,
                                         const antlr4::RecognitionException& e) {
  antlr4::DefaultErrorStrategy::reportError(recognizer, e);
  throw antlr4::ParseCancellationException();
}

void ExpectingErrorStrategy::reportUnwantedToken(antlr4::Parser* recognizer) {
  antlr4::DefaultErrorStrategy::reportUnwantedToken(recognizer);
  throw antlr4::ParseCancellationException();
}

void ExpectingErrorStrategy::reportMissingToken(antlr4::Parser* recognizer) {
  antlr4::DefaultErrorStrategy::reportMissingToken(recognizer);
  throw antlr4::ParseCancellationException();
}

antlr4::misc::IntervalSet ExpectingErrorStrategy::ExpectedAt(std::size_t index) const {
  return index == index_ ? expected_ : antlr4::misc::IntervalSet();
}

std::string SyntaxErrorListener::ParserMessage(antlr4::Parser* parser, antlr4::Token* offending,
                                               std::exception_ptr e) const {
  std::string input = offending == nullptr || offending->getType() == antlr4::Token::EOF
                          ? std::string()
                          : offending->getText();
  antlr4::misc::IntervalSet set;
  bool have_set = false;
  if (e) {
    try {
      std::rethrow_exception(e);
    } catch (const antlr4::NoViableAltException& nva) {
      // The parser stands where the decision began; its expectations only describe the
      // offending token when that is also where the decision began.
      if (nva.getStartToken() == nva.getOffendingToken()) {
        set = parser->getExpectedTokens();
        have_set = true;
      }
    } catch (const antlr4::RecognitionException& re) {
      set = re.getExpectedTokens();
      have_set = true;
    } catch (...) {
    }
  } else {
    set = parser->getExpectedTokens();
    have_set = true;
  }
  if (have_set && strategy_ != nullptr && offending != nullptr) {
    set.addAll(strategy_->ExpectedAt(offending->getTokenIndex()));
  }
  set.remove(static_cast<ssize_t>(antlr4::Token::EPSILON));
  std::string expected = have_set ? DescribeExpected(parser->getVocabulary(), set) : "";
  std::string head = input.empty() ? "Unexpected end of input" : "Invalid input " + Quote(input);
  return expected.empty() ? head : head + ": expected " + expected;
}

std::string SyntaxErrorListener::LexerMessage(const std::string& antlr_message,
                                              std::string* detail) {
  // ANTLR says: token recognition error at: 'TEXT'
  std::string text;
  std::size_t open = antlr_message.find('\'');
  std::size_t close = antlr_message.rfind('\'');
  if (open != std::string::npos && close > open) {
    text = antlr_message.substr(open + 1, close - open - 1);
  }
  if (text.empty()) return "Invalid input";
  unsigned char first = static_cast<unsigned char>(text[0]);
  if (first >= 0x80) {
    *detail = "InvalidUnicodeCharacter";
    return "Invalid input " + Quote(text) + ": this Unicode character cannot appear here";
  }
  switch (first) {
    case '\'':
    case '"':
      return "Invalid input: a string literal is not terminated";
    case '`':
      return "Invalid input: a quoted name is not terminated";
    case '/':
      return "Invalid input: a comment is not terminated";
    default:
      return "Invalid input " + Quote(text.substr(0, 1));
  }
}

}  // namespace parley::parser
