// String functions: toLower, toUpper, trim, ltrim, rtrim, replace, substring, left, right,
// split, char_length. Positions and lengths count Unicode code points.
#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "engine/function/scalar_internal.h"

namespace parley::function {
namespace {

using internal::Args;
using internal::StringArg;

// Case mapping per code point (simple Unicode case mapping, as Java's per-character rules
// do for all but a few special cases such as the German sharp s).
std::string MapCase(const std::string& s, utf8proc_int32_t (*f)(utf8proc_int32_t)) {
  std::vector<char32_t> cps = internal::DecodeUtf8(s);
  for (char32_t& c : cps) c = static_cast<char32_t>(f(static_cast<utf8proc_int32_t>(c)));
  return internal::EncodeUtf8(cps);
}

Value ToLower(Args a) {
  if (a[0].is_null()) return {};
  return Value(MapCase(StringArg("toLower", a[0]), utf8proc_tolower));
}

Value ToUpper(Args a) {
  if (a[0].is_null()) return {};
  return Value(MapCase(StringArg("toUpper", a[0]), utf8proc_toupper));
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

Value TrimImpl(Args a, std::string_view fn, bool left, bool right) {
  if (a[0].is_null()) return {};
  std::string_view s = StringArg(fn, a[0]);
  while (left && !s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (right && !s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return Value(s);
}

Value Trim(Args a) { return TrimImpl(a, "trim", true, true); }
Value LTrim(Args a) { return TrimImpl(a, "ltrim", true, false); }
Value RTrim(Args a) { return TrimImpl(a, "rtrim", false, true); }

Value Replace(Args a) {
  if (internal::AnyNull(a)) return {};
  const std::string& s = StringArg("replace", a[0]);
  const std::string& from = StringArg("replace", a[1]);
  const std::string& to = StringArg("replace", a[2]);
  if (from.empty()) {  // Java inserts `to` around every character
    auto cps = internal::DecodeUtf8(s);
    std::string out = to;
    for (char32_t c : cps) out += internal::EncodeUtf8(std::span(&c, 1)) + to;
    return Value(out);
  }
  std::string out;
  std::size_t pos = 0;
  for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    out.append(s, pos, hit - pos);
    out += to;
  }
  out.append(s, pos);
  return Value(out);
}

std::int64_t NonNegative(std::string_view fn, const Value& v) {
  std::int64_t i = internal::IntArg(fn, v);
  if (i < 0) {
    throw Error(ErrorKind::kArgumentError, "NegativeIntegerArgument",
                std::string(fn) + "() needs a non-negative integer, got " + std::to_string(i));
  }
  return i;
}

std::string Slice(const std::string& s, std::int64_t start, std::int64_t length) {
  auto cps = internal::DecodeUtf8(s);
  auto n = static_cast<std::int64_t>(cps.size());
  start = std::min(start, n);
  length = std::min(length, n - start);
  return internal::EncodeUtf8(std::span(cps).subspan(start, length));
}

Value Substring(Args a) {
  if (a[0].is_null()) return {};
  if (a[1].is_null() || (a.size() > 2 && a[2].is_null())) return {};
  const std::string& s = StringArg("substring", a[0]);
  std::int64_t start = NonNegative("substring", a[1]);
  std::int64_t length = a.size() > 2 ? NonNegative("substring", a[2]) : INT64_MAX;
  return Value(Slice(s, start, length));
}

Value Left(Args a) {
  if (a[0].is_null()) return {};
  if (a[1].is_null()) internal::ThrowArgValue("left() needs a length");
  return Value(Slice(StringArg("left", a[0]), 0, NonNegative("left", a[1])));
}

Value Right(Args a) {
  if (a[0].is_null()) return {};
  if (a[1].is_null()) internal::ThrowArgValue("right() needs a length");
  const std::string& s = StringArg("right", a[0]);
  std::int64_t length = NonNegative("right", a[1]);
  auto n = static_cast<std::int64_t>(internal::DecodeUtf8(s).size());
  length = std::min(length, n);
  return Value(Slice(s, n - length, length));
}

Value Split(Args a) {
  if (internal::AnyNull(a)) return {};
  const std::string& s = StringArg("split", a[0]);
  const std::string& sep = StringArg("split", a[1]);
  List out;
  if (sep.empty()) {
    for (char32_t c : internal::DecodeUtf8(s))
      out.emplace_back(internal::EncodeUtf8(std::span(&c, 1)));
    return Value(std::move(out));
  }
  std::size_t pos = 0;
  for (std::size_t hit; (hit = s.find(sep, pos)) != std::string::npos; pos = hit + sep.size()) {
    out.emplace_back(s.substr(pos, hit - pos));
  }
  out.emplace_back(s.substr(pos));
  return Value(std::move(out));
}

Value CharLength(Args a) {
  if (a[0].is_null()) return {};
  auto n = internal::DecodeUtf8(StringArg("char_length", a[0])).size();
  return Value(static_cast<std::int64_t>(n));
}

}  // namespace

namespace internal {

void AddStringFunctions(std::vector<ScalarFunction>& out) {
  out.insert(out.end(), {
                            {"toLower", 1, 1, ToLower, true},
                            {"toUpper", 1, 1, ToUpper, true},
                            {"lower", 1, 1, ToLower, true},
                            {"upper", 1, 1, ToUpper, true},
                            {"trim", 1, 1, Trim, true},
                            {"ltrim", 1, 1, LTrim, true},
                            {"rtrim", 1, 1, RTrim, true},
                            {"replace", 3, 3, Replace, true},
                            {"substring", 2, 3, Substring, true},
                            {"left", 2, 2, Left, true},
                            {"right", 2, 2, Right, true},
                            {"split", 2, 2, Split, true},
                            {"char_length", 1, 1, CharLength, true},
                            {"character_length", 1, 1, CharLength, true},
                        });
}

}  // namespace internal
}  // namespace parley::function
