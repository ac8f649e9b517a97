// Mathematical functions: abs, ceil, floor, round, sign, sqrt, exp, log, log10, the
// trigonometric functions, pi, e, rand.
#include <cmath>
#include <numbers>
#include <random>

#include "engine/function/arithmetic.h"
#include "engine/function/scalar_internal.h"

namespace parley::function {
namespace {

using internal::Args;
using internal::NumberArg;

template <double (*F)(double)>
Value Unary(Args a) {
  if (a[0].is_null()) return {};
  return Value(F(NumberArg("function", a[0])));
}

double Sqrt(double x) { return std::sqrt(x); }
double Exp(double x) { return std::exp(x); }
double Log(double x) { return std::log(x); }
double Log10(double x) { return std::log10(x); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Cot(double x) { return 1.0 / std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Degrees(double x) { return x * 180.0 / std::numbers::pi; }
double Radians(double x) { return x * std::numbers::pi / 180.0; }
double Haversin(double x) { return (1 - std::cos(x)) / 2; }

Value Abs(Args a) {
  if (a[0].is_null()) return {};
  if (a[0].is_int()) return a[0].as_int() < 0 ? Negate(a[0]) : a[0];
  return Value(std::fabs(NumberArg("abs", a[0])));
}

Value Ceil(Args a) {
  if (a[0].is_null()) return {};
  return Value(std::ceil(NumberArg("ceil", a[0])));
}

Value Floor(Args a) {
  if (a[0].is_null()) return {};
  return Value(std::floor(NumberArg("floor", a[0])));
}

// Rounds `x` to `precision` decimals with a java.math.RoundingMode name.
double RoundWithMode(double x, std::int64_t precision, std::string_view mode) {
  double scale = std::pow(10.0, static_cast<double>(precision));
  double y = x * scale;
  double r;
  if (mode == "HALF_UP") {
    r = std::round(y);  // half away from zero
  } else if (mode == "HALF_DOWN") {
    r = std::fabs(y - std::trunc(y)) > 0.5 ? std::round(y) : std::trunc(y);
  } else if (mode == "HALF_EVEN") {
    r = std::nearbyint(y);
  } else if (mode == "UP") {
    r = y < 0 ? std::floor(y) : std::ceil(y);
  } else if (mode == "DOWN") {
    r = std::trunc(y);
  } else if (mode == "CEILING") {
    r = std::ceil(y);
  } else if (mode == "FLOOR") {
    r = std::floor(y);
  } else {
    internal::ThrowArgValue("unknown rounding mode " + std::string(mode));
  }
  return r / scale;
}

Value Round(Args a) {
  if (internal::AnyNull(a)) return {};
  double x = NumberArg("round", a[0]);
  if (a.size() == 1) return Value(std::floor(x + 0.5));  // Java Math.round: half up
  std::int64_t precision = internal::IntArg("round", a[1]);
  std::string mode = a.size() > 2 ? internal::StringArg("round", a[2]) : "HALF_UP";
  return Value(RoundWithMode(x, precision, mode));
}

Value SignFn(Args a) {
  if (a[0].is_null()) return {};
  if (a[0].is_int()) return Value(std::int64_t{(a[0].as_int() > 0) - (a[0].as_int() < 0)});
  double x = NumberArg("sign", a[0]);
  return Value(std::int64_t{(x > 0) - (x < 0)});
}

Value Atan2(Args a) {
  if (internal::AnyNull(a)) return {};
  return Value(std::atan2(NumberArg("atan2", a[0]), NumberArg("atan2", a[1])));
}

Value Pi(Args) { return Value(std::numbers::pi); }
Value E(Args) { return Value(std::numbers::e); }

Value Rand(Args) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return Value(std::uniform_real_distribution<double>(0.0, 1.0)(engine));
}

}  // namespace

namespace internal {

void AddMathFunctions(std::vector<ScalarFunction>& out) {
  out.insert(out.end(), {
                            {"abs", 1, 1, Abs, true},
                            {"ceil", 1, 1, Ceil, true},
                            {"floor", 1, 1, Floor, true},
                            {"round", 1, 3, Round, true},
                            {"sign", 1, 1, SignFn, true},
                            {"sqrt", 1, 1, Unary<Sqrt>, true},
                            {"exp", 1, 1, Unary<Exp>, true},
                            {"log", 1, 1, Unary<Log>, true},
                            {"log10", 1, 1, Unary<Log10>, true},
                            {"sin", 1, 1, Unary<Sin>, true},
                            {"cos", 1, 1, Unary<Cos>, true},
                            {"tan", 1, 1, Unary<Tan>, true},
                            {"cot", 1, 1, Unary<Cot>, true},
                            {"asin", 1, 1, Unary<Asin>, true},
                            {"acos", 1, 1, Unary<Acos>, true},
                            {"atan", 1, 1, Unary<Atan>, true},
                            {"atan2", 2, 2, Atan2, true},
                            {"degrees", 1, 1, Unary<Degrees>, true},
                            {"radians", 1, 1, Unary<Radians>, true},
                            {"haversin", 1, 1, Unary<Haversin>, true},
                            {"pi", 0, 0, Pi, true},
                            {"e", 0, 0, E, true},
                            {"rand", 0, 0, Rand, false},
                        });
}

}  // namespace internal
}  // namespace parley::function
