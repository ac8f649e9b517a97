#include "engine/function/arithmetic.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/function/scalar.h"
#include "engine/function/temporal.h"
#include "parley/error.h"

namespace parley::function {
namespace {

[[noreturn]] void ThrowOverflow() {
  throw Error(ErrorKind::kRuntimeError, "IntegerOverflow", "integer arithmetic overflow");
}

[[noreturn]] void ThrowOperandTypes(std::string_view op, const Value& a, const Value& b) {
  throw Error(
      ErrorKind::kTypeError, "InvalidArgumentType",
      fmt::format("cannot apply `{}` to {} and {}", op, TypeName(a.type()), TypeName(b.type())));
}

bool IsTimePoint(const Value& v) {
  return v.type() >= ValueType::kDate && v.type() <= ValueType::kDateTime;
}

bool IsDuration(const Value& v) { return v.type() == ValueType::kDuration; }

const Duration& AsDuration(const Value& v) { return std::get<Duration>(v.storage()); }

// Applies an integer op or a float op depending on the operand types. REQUIRES: numbers.
template <typename IntOp, typename FloatOp>
Value Numeric(const Value& a, const Value& b, IntOp int_op, FloatOp float_op) {
  if (a.is_int() && b.is_int()) return Value(int_op(a.as_int(), b.as_int()));
  return Value(float_op(a.as_number(), b.as_number()));
}

void CheckDivisor(std::int64_t b) {
  if (b == 0) throw Error(ErrorKind::kArgumentError, "DivisionByZero", "/ by zero");
}

}  // namespace

std::int64_t CheckedAdd(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) ThrowOverflow();
  return r;
}

std::int64_t CheckedSub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) ThrowOverflow();
  return r;
}

std::int64_t CheckedMul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) ThrowOverflow();
  return r;
}

Value Add(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return {};
  if (a.is_number() && b.is_number()) {
    return Numeric(a, b, CheckedAdd, [](double x, double y) { return x + y; });
  }
  if (a.is_list() || b.is_list()) {
    List out;
    if (a.is_list()) {
      out = a.as_list();
    } else {
      out.push_back(a);
    }
    if (b.is_list()) {
      out.insert(out.end(), b.as_list().begin(), b.as_list().end());
    } else {
      out.push_back(b);
    }
    return Value(std::move(out));
  }
  if (a.is_string() && (b.is_string() || b.is_number() || IsTemporal(b))) {
    return Value(a.as_string() + ToCypherString(b));
  }
  if (b.is_string() && (a.is_number() || IsTemporal(a)))
    return Value(ToCypherString(a) + b.as_string());
  if (IsTimePoint(a) && IsDuration(b)) return AddDuration(a, AsDuration(b));
  if (IsDuration(a) && IsTimePoint(b)) return AddDuration(b, AsDuration(a));
  if (IsDuration(a) && IsDuration(b)) return Value(AddDurations(AsDuration(a), AsDuration(b)));
  ThrowOperandTypes("+", a, b);
}

Value Subtract(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return {};
  if (a.is_number() && b.is_number()) {
    return Numeric(a, b, CheckedSub, [](double x, double y) { return x - y; });
  }
  if (IsTimePoint(a) && IsDuration(b)) return AddDuration(a, NegateDuration(AsDuration(b)));
  if (IsDuration(a) && IsDuration(b)) {
    return Value(AddDurations(AsDuration(a), NegateDuration(AsDuration(b))));
  }
  ThrowOperandTypes("-", a, b);
}

Value Multiply(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return {};
  if (a.is_number() && b.is_number()) {
    return Numeric(a, b, CheckedMul, [](double x, double y) { return x * y; });
  }
  if (IsDuration(a) && b.is_number()) {
    return b.is_int() ? Value(MultiplyDuration(AsDuration(a), b.as_int()))
                      : Value(MultiplyDuration(AsDuration(a), b.as_float()));
  }
  if (a.is_number() && IsDuration(b)) return Multiply(b, a);
  ThrowOperandTypes("*", a, b);
}

Value Divide(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return {};
  if (a.is_number() && b.is_number()) {
    return Numeric(
        a, b,
        [](std::int64_t x, std::int64_t y) {
          CheckDivisor(y);
          if (x == INT64_MIN && y == -1) ThrowOverflow();
          return x / y;
        },
        [](double x, double y) { return x / y; });
  }
  if (IsDuration(a) && b.is_number()) {
    if (b.is_int()) CheckDivisor(b.as_int());
    return Value(DivideDuration(AsDuration(a), b.as_number()));
  }
  ThrowOperandTypes("/", a, b);
}

Value Modulo(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return {};
  if (a.is_number() && b.is_number()) {
    return Numeric(
        a, b,
        [](std::int64_t x, std::int64_t y) {
          CheckDivisor(y);
          return y == -1 ? std::int64_t{0} : x % y;
        },
        [](double x, double y) { return std::fmod(x, y); });
  }
  ThrowOperandTypes("%", a, b);
}

Value Power(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return {};
  if (a.is_number() && b.is_number()) return Value(std::pow(a.as_number(), b.as_number()));
  ThrowOperandTypes("^", a, b);
}

Value Negate(const Value& a) {
  if (a.is_null()) return {};
  if (a.is_int()) return Value(CheckedSub(0, a.as_int()));
  if (a.is_float()) return Value(-a.as_float());
  if (IsDuration(a)) return Value(NegateDuration(AsDuration(a)));
  throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
              fmt::format("cannot negate {}", TypeName(a.type())));
}

}  // namespace parley::function
