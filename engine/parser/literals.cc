#include "engine/parser/literals.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace parley::parser {
namespace {

Error SyntaxError(std::string detail, std::string message, SourcePos pos) {
  return MakeSyntaxError(std::move(detail), message, pos);
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// The position of byte `offset` of a token that starts at `start`, counting code points,
// as long as the token has no line break before it (else the token's own position).
SourcePos PosInToken(std::string_view token, std::size_t offset, SourcePos start) {
  std::uint32_t column = start.column;
  for (std::size_t i = 0; i < offset && i < token.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    if (c == '\n' || c == '\r') return start;
    if ((c & 0xC0) != 0x80) ++column;  // not a UTF-8 continuation byte
  }
  return SourcePos{start.line, start.line == 0 ? 0 : column};
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

Error MakeSyntaxError(std::string detail, std::string_view message, SourcePos pos) {
  std::string text(message);
  if (pos.known()) text += fmt::format(" (line {}, column {})", pos.line, pos.column);
  return Error(ErrorKind::kSyntaxError, std::move(detail), std::move(text), pos);
}

std::int64_t DecodeInteger(std::string_view token, bool negative, SourcePos pos) {
  int base = 10;
  std::string_view digits = token;
  if (token.size() > 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X')) {
    base = 16;
    digits.remove_prefix(2);
  } else if (token.size() > 2 && token[0] == '0' && (token[1] == 'o' || token[1] == 'O')) {
    base = 8;
    digits.remove_prefix(2);
  }
  // Accumulate the magnitude in 64 unsigned bits; the limit is 2^63 - 1, or 2^63 negated.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  std::uint64_t value = 0;
  for (char c : digits) {
    int d = DigitValue(c);
    if (d >= base) {
      throw SyntaxError("InvalidNumberLiteral", fmt::format("Invalid number literal '{}'", token),
                        pos);
    }
    if (value > (limit - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
      throw SyntaxError("IntegerOverflow",
                        fmt::format("Integer literal {}{} is too large to be an integer "
                                    "(the range is -2^63 to 2^63 - 1)",
                                    negative ? "-" : "", token),
                        pos);
    }
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
  }
  if (negative) {
    // -(2^63) does not fit the positive range, so negate in unsigned arithmetic.
    return static_cast<std::int64_t>(~value + 1);
  }
  return static_cast<std::int64_t>(value);
}

double DecodeFloat(std::string_view token, bool negative, SourcePos pos) {
  double value = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Out of range is either overflow or underflow: tell them apart by the decimal
    // exponent of the first significant digit.
    long exponent = 0;
    std::size_t e = token.find_first_of("eE");
    std::string_view mantissa = token.substr(0, e);
    if (e != std::string_view::npos) {
      std::from_chars(token.data() + e + 1 + (token[e + 1] == '+' ? 1 : 0),
                      token.data() + token.size(), exponent);
    }
    std::size_t first = mantissa.find_first_of("123456789");
    std::size_t dot = mantissa.find('.');
    if (dot == std::string_view::npos) dot = mantissa.size();
    long magnitude = exponent + (first == std::string_view::npos
                                     ? 0
                                     : static_cast<long>(dot) - static_cast<long>(first) -
                                           (first > dot ? 0 : 1));
    if (first == std::string_view::npos || magnitude < 0) {
      value = 0;
    } else {
      throw SyntaxError(
          "FloatingPointOverflow",
          fmt::format("Float literal {}{} is too large to be a float", negative ? "-" : "", token),
          pos);
    }
  } else if (ec != std::errc() || end != token.data() + token.size()) {
    throw SyntaxError("InvalidNumberLiteral", fmt::format("Invalid number literal '{}'", token),
                      pos);
  }
  if (std::isinf(value)) {
    throw SyntaxError("FloatingPointOverflow",
                      fmt::format("Float literal {} is too large to be a float", token), pos);
  }
  return negative ? -value : value;
}

std::string DecodeString(std::string_view token, SourcePos pos) {
  std::string out;
  if (token.size() < 2) return out;
  std::string_view body = token.substr(1, token.size() - 2);
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    // Only an error needs the position, and finding it scans the token: computed then, so
    // that decoding stays linear in the token's length.
    const std::size_t escape = i + 1;
    auto at_escape = [&] { return PosInToken(token, escape, pos); };
    if (i + 1 >= body.size()) {
      throw SyntaxError("UnexpectedSyntax", "Incomplete escape sequence in string literal", at_escape());
    }
    char e = body[++i];
    switch (e) {
      case '\\':
        out.push_back('\\');
        break;
      case '\'':
        out.push_back('\'');
        break;
      case '"':
        out.push_back('"');
        break;
      case 'b':
      case 'B':
        out.push_back('\b');
        break;
      case 'f':
      case 'F':
        out.push_back('\f');
        break;
      case 'n':
      case 'N':
        out.push_back('\n');
        break;
      case 'r':
      case 'R':
        out.push_back('\r');
        break;
      case 't':
      case 'T':
        out.push_back('\t');
        break;
      case 'u':
      case 'U': {
        std::size_t width = e == 'u' ? 4 : 8;
        char32_t cp = 0;
        bool ok = true;
        for (std::size_t k = 1; ok && k <= width; ++k) {
          int d = i + k < body.size() ? DigitValue(body[i + k]) : 99;
          if (d >= 16)
            ok = false;
          else
            cp = cp * 16 + static_cast<char32_t>(d);
        }
        if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          throw SyntaxError(
              "InvalidUnicodeLiteral",
              fmt::format("Invalid unicode escape '\\{}{}': expected {} hexadecimal digits "
                          "naming a code point",
                          e, body.substr(i + 1, std::min(width, body.size() - i - 1)), width),
              at_escape());
        }
        AppendUtf8(cp, out);
        i += width;
        break;
      }
      default:
        throw SyntaxError("UnexpectedSyntax",
                          fmt::format("Invalid escape sequence '\\{}' in string literal", e), at_escape());
    }
  }
  return out;
}

std::string DecodeName(std::string_view token) {
  if (token.size() < 2 || token.front() != '`') return std::string(token);
  std::string out;
  std::string_view body = token.substr(1, token.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    out.push_back(body[i]);
    if (body[i] == '`' && i + 1 < body.size() && body[i + 1] == '`') ++i;
  }
  return out;
}

}  // namespace parley::parser
