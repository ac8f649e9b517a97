// The scalar function registry, the statement clock and the helpers the function files
// share.
#include "engine/function/scalar.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/common/temporal_math.h"
#include "engine/function/scalar_internal.h"

namespace parley::function {
namespace internal {

void ThrowArgType(std::string_view fn, const Value& arg) {
  throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
              fmt::format("{}() does not accept an argument of type {}", fn, TypeName(arg.type())));
}

void ThrowArgValue(std::string message) {
  throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue", std::move(message));
}

bool AnyNull(Args args) {
  return std::any_of(args.begin(), args.end(), [](const Value& v) { return v.is_null(); });
}

std::int64_t IntArg(std::string_view fn, const Value& v) {
  if (!v.is_int()) ThrowArgType(fn, v);
  return v.as_int();
}

double NumberArg(std::string_view fn, const Value& v) {
  if (!v.is_number()) ThrowArgType(fn, v);
  return v.as_number();
}

const std::string& StringArg(std::string_view fn, const Value& v) {
  if (!v.is_string()) ThrowArgType(fn, v);
  return v.as_string();
}

const List& ListArg(std::string_view fn, const Value& v) {
  if (!v.is_list()) ThrowArgType(fn, v);
  return v.as_list();
}

std::vector<char32_t> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = len == 1 ? c : c & (0x7f >> len);
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string EncodeUtf8(std::span<const char32_t> cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t cp : cps) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  return out;
}

}  // namespace internal

namespace {

Value Coalesce(std::span<const Value> args) {
  for (const Value& v : args) {
    if (!v.is_null()) return v;
  }
  return {};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

struct Registry {
  std::vector<ScalarFunction> functions;
  std::unordered_map<std::string, std::size_t> by_lower_name;

  Registry() {
    functions.push_back({"coalesce", 1, kVariadic, Coalesce, true});
    internal::AddConversionFunctions(functions);
    internal::AddMathFunctions(functions);
    internal::AddStringFunctions(functions);
    internal::AddListFunctions(functions);
    internal::AddTemporalFunctions(functions);
    for (std::size_t i = 0; i < functions.size(); ++i) {
      by_lower_name.emplace(Lower(functions[i].name), i);
    }
  }
};

const Registry& GetRegistry() {
  static const Registry registry;
  return registry;
}

thread_local std::optional<DateTime> statement_time;

DateTime SystemNow() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  DateTime t;
  t.seconds = temporal::FloorDiv(nanos, temporal::kNanosPerSecond);
  t.nanos = static_cast<std::int32_t>(nanos - t.seconds * temporal::kNanosPerSecond);
  return t;
}

}  // namespace

const ScalarFunction* FindScalarFunction(std::string_view name) {
  const Registry& r = GetRegistry();
  auto it = r.by_lower_name.find(Lower(name));
  return it == r.by_lower_name.end() ? nullptr : &r.functions[it->second];
}

std::span<const ScalarFunction> AllScalarFunctions() { return GetRegistry().functions; }

ScopedStatementClock::ScopedStatementClock() : ScopedStatementClock(SystemNow()) {}

ScopedStatementClock::ScopedStatementClock(DateTime instant)
    : had_previous_(statement_time.has_value()), previous_(statement_time.value_or(DateTime{})) {
  statement_time = std::move(instant);
}

ScopedStatementClock::~ScopedStatementClock() {
  if (had_previous_) {
    statement_time = previous_;
  } else {
    statement_time.reset();
  }
}

DateTime StatementTime() { return statement_time ? *statement_time : SystemNow(); }

namespace internal {
DateTime RealTime() { return SystemNow(); }
}  // namespace internal

}  // namespace parley::function
