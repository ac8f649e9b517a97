// Type conversion functions: toString, toInteger, toFloat, toBoolean and their *OrNull
// forms.
#include <charconv>
#include <cmath>
#include <optional>

#include "engine/function/scalar_internal.h"

namespace parley::function {
namespace {

using internal::Args;

bool IsStructured(const Value& v) {
  return v.is_list() || v.is_map() || v.is_node() || v.is_relationship() || v.is_path();
}

[[noreturn]] void ThrowConversion(std::string_view fn, const Value& v) {
  throw Error(
      ErrorKind::kTypeError, "InvalidArgumentValue",
      std::string(fn) + "() cannot convert a value of type " + std::string(TypeName(v.type())));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<double> ParseFloat(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || end != s.data() + s.size()) {
    if (s == "NaN") return std::nan("");
    if (s == "Infinity") return HUGE_VAL;
    if (s == "-Infinity") return -HUGE_VAL;
    return std::nullopt;
  }
  return d;
}

std::optional<std::int64_t> FloatToInt(double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(d);  // truncates toward zero
}

std::optional<std::int64_t> ParseInt(std::string_view s) {
  s = Trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::int64_t i = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
  if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return i;
  if (auto d = ParseFloat(s)) return FloatToInt(*d);
  return std::nullopt;
}

// Conversions return nullopt for "null"; `strict` throws for unconvertible types.
Value ToIntegerImpl(const Value& v, bool strict) {
  if (v.is_int()) return v;
  if (v.is_float()) {
    auto i = FloatToInt(v.as_float());
    return i ? Value(*i) : Value();
  }
  if (v.is_bool()) return Value(std::int64_t{v.as_bool()});
  if (v.is_string()) {
    auto i = ParseInt(v.as_string());
    return i ? Value(*i) : Value();
  }
  if (strict && !v.is_null()) ThrowConversion("toInteger", v);
  return {};
}

Value ToFloatImpl(const Value& v, bool strict) {
  if (v.is_float()) return v;
  if (v.is_int()) return Value(static_cast<double>(v.as_int()));
  if (v.is_string()) {
    auto d = ParseFloat(v.as_string());
    return d ? Value(*d) : Value();
  }
  if (strict && !v.is_null()) ThrowConversion("toFloat", v);
  return {};
}

Value ToBooleanImpl(const Value& v, bool strict) {
  if (v.is_bool()) return v;
  if (v.is_string()) {
    std::string_view s = Trim(v.as_string());
    if (s.size() == 4 && (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'r' && (s[2] | 0x20) == 'u' &&
        (s[3] | 0x20) == 'e') {
      return Value(true);
    }
    if (s.size() == 5 && (s[0] | 0x20) == 'f' && (s[1] | 0x20) == 'a' && (s[2] | 0x20) == 'l' &&
        (s[3] | 0x20) == 's' && (s[4] | 0x20) == 'e') {
      return Value(false);
    }
    return {};
  }
  if (v.is_int()) return Value(v.as_int() != 0);
  if (strict && !v.is_null()) ThrowConversion("toBoolean", v);
  return {};
}

Value ToStringFn(Args a) {
  if (a[0].is_null()) return {};
  if (IsStructured(a[0])) ThrowConversion("toString", a[0]);
  return Value(ToCypherString(a[0]));
}
Value ToStringOrNull(Args a) {
  if (a[0].is_null() || IsStructured(a[0])) return {};
  return Value(ToCypherString(a[0]));
}
Value ToInteger(Args a) { return ToIntegerImpl(a[0], true); }
Value ToIntegerOrNull(Args a) { return ToIntegerImpl(a[0], false); }
Value ToFloat(Args a) { return ToFloatImpl(a[0], true); }
Value ToFloatOrNull(Args a) { return ToFloatImpl(a[0], false); }
Value ToBoolean(Args a) { return ToBooleanImpl(a[0], true); }
Value ToBooleanOrNull(Args a) { return ToBooleanImpl(a[0], false); }

// Doubles as Java's Double.toString prints them: plain decimals in [1e-3, 1e7), otherwise
// computerized scientific notation (1.0E10); always at least one fractional digit.
std::string JavaDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  double a = std::fabs(d);
  if (a >= 1e-3 && a < 1e7) {
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    std::string s(buf, r.ptr);
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
  }
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, r.ptr);  // e.g. 1.5e+20, 1e-05
  std::size_t e = s.find('e');
  std::string mantissa = s.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  int exponent = std::stoi(s.substr(e + 1));
  return mantissa + "E" + std::to_string(exponent);
}

}  // namespace

std::string ToCypherString(const Value& v) {
  switch (v.type()) {
    case ValueType::kString:
      return v.as_string();
    case ValueType::kInt:
      return std::to_string(v.as_int());
    case ValueType::kFloat:
      return JavaDouble(v.as_float());
    case ValueType::kBool:
      return v.as_bool() ? "true" : "false";
    case ValueType::kDate:
      return ToString(std::get<Date>(v.storage()));
    case ValueType::kLocalTime:
      return ToString(std::get<LocalTime>(v.storage()));
    case ValueType::kTime:
      return ToString(std::get<Time>(v.storage()));
    case ValueType::kLocalDateTime:
      return ToString(std::get<LocalDateTime>(v.storage()));
    case ValueType::kDateTime:
      return ToString(std::get<DateTime>(v.storage()));
    case ValueType::kDuration:
      return ToString(std::get<Duration>(v.storage()));
    case ValueType::kNull:
      return "null";
    default:
      ThrowConversion("toString", v);
  }
}

namespace internal {

void AddConversionFunctions(std::vector<ScalarFunction>& out) {
  out.insert(out.end(), {
                            {"toString", 1, 1, ToStringFn, true},
                            {"toStringOrNull", 1, 1, ToStringOrNull, true},
                            {"toInteger", 1, 1, ToInteger, true},
                            {"toIntegerOrNull", 1, 1, ToIntegerOrNull, true},
                            {"toFloat", 1, 1, ToFloat, true},
                            {"toFloatOrNull", 1, 1, ToFloatOrNull, true},
                            {"toBoolean", 1, 1, ToBoolean, true},
                            {"toBooleanOrNull", 1, 1, ToBooleanOrNull, true},
                        });
}

}  // namespace internal
}  // namespace parley::function
