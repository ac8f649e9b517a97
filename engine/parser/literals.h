// Decoding of literal tokens: numbers, strings and backtick-quoted names.
//
// Used by the AST builder; separate so the rules can be tested on their own. Every function
// throws parley::Error (kSyntaxError, with the TCK's detail code) positioned at `pos` (or
// inside the token, for a bad escape) when the token's value is not representable.
#ifndef PARLEY_ENGINE_PARSER_LITERALS_H_
#define PARLEY_ENGINE_PARSER_LITERALS_H_

#include <parley/error.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::parser {

// A kSyntaxError with `detail`, whose message ends with " (line L, column C)" when `pos`
// is known.
Error MakeSyntaxError(std::string detail, std::string_view message, SourcePos pos);

// A decimal ("42"), hexadecimal ("0x2A") or octal ("0o52") integer token, negated when
// `negative` (so "-9223372036854775808" is representable). Throws IntegerOverflow when the
// value is outside int64.
std::int64_t DecodeInteger(std::string_view token, bool negative, SourcePos pos);

// A float token ("1.5", ".5", "1e9", "1.5E-3"), negated when `negative`. Throws
// FloatingPointOverflow when the value's magnitude exceeds the largest double; values too
// small to represent become 0.
double DecodeFloat(std::string_view token, bool negative, SourcePos pos);

// The value of a quoted string token, quotes included in `token`. Escapes: \\ \' \" \b \f
// \n \r \t, \uXXXX and \UXXXXXXXX (code points, written out as UTF-8). Throws
// InvalidUnicodeLiteral for a malformed or out-of-range \u / \U escape and
// UnexpectedSyntax for an unknown escape.
std::string DecodeString(std::string_view token, SourcePos pos);

// A name token: an identifier as written, or a backtick-quoted one with the quotes removed
// and each doubled backtick made single.
std::string DecodeName(std::string_view token);

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_LITERALS_H_
