#include "engine/parser/lexer.h"

#include <utf8proc.h>

#include <unordered_map>

#include "CypherLexer.h"

namespace parley::parser {
namespace {

using L = grammar::CypherLexer;

// Keyword spellings by token type, read from the generated lexer's vocabulary: the keyword
// rules are the grammar's first lexer rules, ALL to YIELD, named as spelled (NULL_ etc.
// carry a '_' that C++ needs and Cypher does not).
const std::unordered_map<std::string, std::size_t>& Keywords() {
  static const auto* keywords = [] {
    auto* map = new std::unordered_map<std::string, std::size_t>();
    antlr4::ANTLRInputStream empty;
    L lexer(&empty);
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (std::size_t t = L::ALL; t <= L::YIELD; ++t) {
      std::string name = vocabulary.getSymbolicName(t);
      if (!name.empty() && name.back() == '_') name.pop_back();
      (*map)[name] = t;
    }
    return map;
  }();
  return *keywords;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char32_t c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsWhitespace(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case 0x0B:
    case 0x0C:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x1F:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

// Unicode ID_Start (by general category) or connector punctuation such as '_'.
bool IsIdentifierStart(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c) || c == '_';
  switch (c) {  // Other_ID_Start
    case 0x1885:
    case 0x1886:
    case 0x2118:
    case 0x212E:
    case 0x309B:
    case 0x309C:
      return true;
    default:
      break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

// Unicode ID_Continue (by general category) or a currency symbol.
bool IsIdentifierPart(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c) || IsDigit(c) || c == '_' || c == '$';
  if (IsIdentifierStart(c)) return true;
  if (c == 0xB7 || c == 0x387 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA) {
    return true;  // Other_ID_Continue
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_SC:
      return true;
    default:
      return false;
  }
}

}  // namespace

Lexer::Lexer(CodePointStream* input, antlr4::ANTLRErrorListener* listener,
             antlr4::Recognizer* recognizer)
    : input_(input), data_(input->code_points()), listener_(listener), recognizer_(recognizer) {
  Keywords();  // built once, before any token needs it
}

antlr4::TokenFactory<antlr4::CommonToken>* Lexer::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

void Lexer::Advance(std::size_t n) {
  for (std::size_t i = 0; i < n && pos_ < data_.size(); ++i, ++pos_) {
    if (data_[pos_] == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
}

void Lexer::SkipIgnored() {
  while (!AtEnd(pos_)) {
    char32_t c = data_[pos_];
    if (IsWhitespace(c)) {
      Advance(1);
    } else if (c == '/' && At(pos_ + 1) == '/') {
      std::size_t end = pos_ + 2;
      while (!AtEnd(end) && data_[end] != '\n' && data_[end] != '\r') ++end;
      Advance(end - pos_);
    } else if (c == '/' && At(pos_ + 1) == '*') {
      std::size_t close = data_.find(U"*/", pos_ + 2);
      if (close == std::u32string::npos) return;  // UNTERMINATED_COMMENT, a token
      Advance(close + 2 - pos_);
    } else {
      return;
    }
  }
}

std::unique_ptr<antlr4::Token> Lexer::nextToken() {
  while (true) {
    SkipIgnored();
    if (AtEnd(pos_)) {
      auto eof = std::make_unique<antlr4::CommonToken>(
          std::make_pair(static_cast<antlr4::TokenSource*>(this), input_), antlr4::Token::EOF,
          antlr4::Token::DEFAULT_CHANNEL, pos_, pos_ - 1);
      eof->setLine(line_);
      eof->setCharPositionInLine(column_);
      return eof;
    }
    std::size_t type = 0;
    std::size_t length = Scan(&type);
    if (length == 0) {
      ReportUnrecognised(1);
      continue;
    }
    if (type == 0) {  // an unterminated string or quoted name: reported, rest dropped
      ReportUnrecognised(length);
      continue;
    }
    auto token = std::make_unique<antlr4::CommonToken>(
        std::make_pair(static_cast<antlr4::TokenSource*>(this), input_), type,
        antlr4::Token::DEFAULT_CHANNEL, pos_, pos_ + length - 1);
    token->setLine(line_);
    token->setCharPositionInLine(column_);
    Advance(length);
    return token;
  }
}

void Lexer::ReportUnrecognised(std::size_t length) {
  if (listener_ != nullptr) {
    std::string text = input_->getText(antlr4::misc::Interval(pos_, pos_ + length - 1));
    std::string shown;
    for (char c : text) {  // as ANTLR shows it
      if (c == '\n')
        shown += "\\n";
      else if (c == '\t')
        shown += "\\t";
      else if (c == '\r')
        shown += "\\r";
      else
        shown += c;
    }
    listener_->syntaxError(recognizer_, nullptr, line_, column_,
                           "token recognition error at: '" + shown + "'", nullptr);
  }
  Advance(length);
}

std::size_t Lexer::Scan(std::size_t* type) const {
  char32_t c = data_[pos_];
  if (IsDigit(c) || (c == '.' && IsDigit(At(pos_ + 1)))) return ScanNumber(type);
  if (c == '\'' || c == '"' || c == '`') return ScanQuoted(c, type);
  if (c == '/' && At(pos_ + 1) == '*') {  // SkipIgnored found no end
    *type = L::UNTERMINATED_COMMENT;
    return data_.size() - pos_;
  }
  if (IsIdentifierStart(c)) return ScanWord(type);
  return ScanPunctuation(type);
}

// The longest of the number rules, ties going to the earliest rule, as ANTLR chooses.
std::size_t Lexer::ScanNumber(std::size_t* type) const {
  const std::size_t p = pos_;
  std::size_t best = 0;
  auto consider = [&](std::size_t length, std::size_t t) {
    if (length > best) {
      best = length;
      *type = t;
    }
  };
  auto digits = [&](std::size_t i) {  // index after a run of decimal digits from i
    while (IsDigit(At(i))) ++i;
    return i;
  };
  auto exponent = [&](std::size_t i) -> std::size_t {  // end of [eE][+-]?[0-9]+ at i, or i
    if (At(i) != 'e' && At(i) != 'E') return i;
    std::size_t j = i + 1;
    if (At(j) == '+' || At(j) == '-') ++j;
    return IsDigit(At(j)) ? digits(j) : i;
  };
  if (At(p) == '0' && (At(p + 1) == 'x' || At(p + 1) == 'X') && IsHexDigit(At(p + 2))) {
    std::size_t i = p + 2;
    while (IsHexDigit(At(i))) ++i;
    consider(i - p, L::HexInteger);
  }
  if (At(p) == '0' && (At(p + 1) == 'o' || At(p + 1) == 'O') && At(p + 2) >= '0' &&
      At(p + 2) <= '7') {
    std::size_t i = p + 2;
    while (At(i) >= '0' && At(i) <= '7') ++i;
    consider(i - p, L::OctalInteger);
  }
  std::size_t int_end = digits(p);
  if (int_end > p) consider(int_end - p, L::DecimalInteger);
  if (At(int_end) == '.' && IsDigit(At(int_end + 1))) {
    std::size_t frac_end = digits(int_end + 1);
    consider(exponent(frac_end) - p, L::FloatLiteral);
    if (int_end > p && (IsAsciiLetter(At(frac_end)) || At(frac_end) == '_')) {
      std::size_t i = frac_end;
      while (IsAsciiLetter(At(i)) || IsDigit(At(i)) || At(i) == '_') ++i;
      consider(i - p, L::InvalidNumberLiteral);
    }
  }
  if (int_end > p) {
    consider(exponent(int_end) - p, L::FloatLiteral);
    if (IsAsciiLetter(At(int_end)) || At(int_end) == '_') {
      std::size_t i = int_end;
      while (IsAsciiLetter(At(i)) || IsDigit(At(i)) || At(i) == '_') ++i;
      consider(i - p, L::InvalidNumberLiteral);
    }
  }
  return best;
}

std::size_t Lexer::ScanWord(std::size_t* type) const {
  std::size_t end = pos_ + 1;
  while (!AtEnd(end) && IsIdentifierPart(data_[end])) ++end;
  *type = L::UnescapedSymbolicName;
  std::size_t length = end - pos_;
  if (length > 16) return length;  // longer than any keyword
  std::string upper;
  for (std::size_t i = pos_; i < end; ++i) {
    char32_t c = data_[i];
    if (c >= 0x80) return length;
    upper.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  auto it = Keywords().find(upper);
  if (it != Keywords().end()) *type = it->second;
  return length;
}

// A string ('...' or "..." with backslash escapes) or a backtick-quoted name (doubled
// backticks inside). Unterminated: the length to the end of the text, with type 0.
std::size_t Lexer::ScanQuoted(char32_t quote, std::size_t* type) const {
  std::size_t i = pos_ + 1;
  if (quote == '`') {
    while (true) {
      std::size_t close = data_.find(U'`', i);
      if (close == std::u32string::npos) {
        *type = 0;
        return data_.size() - pos_;
      }
      if (At(close + 1) != '`') {
        *type = L::EscapedSymbolicName;
        return close + 1 - pos_;
      }
      i = close + 2;
    }
  }
  while (!AtEnd(i)) {
    if (data_[i] == '\\') {
      i += 2;
    } else if (data_[i] == quote) {
      *type = L::StringLiteral;
      return i + 1 - pos_;
    } else {
      ++i;
    }
  }
  *type = 0;
  return data_.size() - pos_;
}

std::size_t Lexer::ScanPunctuation(std::size_t* type) const {
  char32_t c = data_[pos_];
  char32_t n = At(pos_ + 1);
  auto two = [&](std::size_t t) {
    *type = t;
    return std::size_t{2};
  };
  auto one = [&](std::size_t t) {
    *type = t;
    return std::size_t{1};
  };
  switch (c) {
    case ';':
      return one(L::SEMI);
    case ',':
      return one(L::COMMA);
    case '.':
      return n == '.' ? two(L::DOTDOT) : one(L::DOT);
    case ':':
      return one(L::COLON);
    case '|':
      return one(L::PIPE);
    case '$':
      return one(L::DOLLAR);
    case '(':
      return one(L::LPAREN);
    case ')':
      return one(L::RPAREN);
    case '[':
      return one(L::LBRACKET);
    case ']':
      return one(L::RBRACKET);
    case '{':
      return one(L::LBRACE);
    case '}':
      return one(L::RBRACE);
    case '=':
      return n == '~' ? two(L::REGEX) : one(L::EQ);
    case '<':
      return n == '>' ? two(L::NE) : n == '=' ? two(L::LE) : one(L::LT);
    case '>':
      return n == '=' ? two(L::GE) : one(L::GT);
    case '+':
      return n == '=' ? two(L::PLUS_EQ) : one(L::PLUS);
    case '-':
      return one(L::MINUS);
    case '*':
      return one(L::STAR);
    case '/':
      return one(L::SLASH);
    case '%':
      return one(L::PERCENT);
    case '^':
      return one(L::CARET);
    default:
      return 0;
  }
}

}  // namespace parley::parser
