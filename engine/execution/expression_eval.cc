#include "engine/execution/expression_eval.h"

#include <re2/re2.h>

#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "engine/execution/operator.h"
#include "engine/function/arithmetic.h"
#include "engine/function/scalar.h"
#include "engine/function/semantics.h"

namespace parley::execution {

using bound::ExprKind;

Evaluator::Evaluator(ExecContext* ctx) : ctx_(ctx) {}
Evaluator::~Evaluator() = default;

const Value& Evaluator::Parameter(const bound::Expr& e) const {
  if (ctx_ == nullptr || ctx_->params == nullptr) return e.value;
  auto it = ctx_->params->find(e.name);
  if (it == ctx_->params->end()) {
    throw Error(ErrorKind::kParameterMissing, "MissingParameter",
                fmt::format("expected a value for parameter ${}", e.name), e.pos);
  }
  return it->second;
}

bool IsTrue(const Value& v, SourcePos pos) {
  if (v.is_null()) return false;
  if (!v.is_bool()) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                fmt::format("expected a boolean but got {}", TypeName(v.type())), pos);
  }
  return v.as_bool();
}

bool Evaluator::Test(const bound::Expr& e, Row& row) { return IsTrue(Eval(e, row), e.pos); }

Value Evaluator::Eval(const bound::Expr& e, Row& row) {
  switch (e.kind) {  // the hot, trivial cases first, without a try block
    case ExprKind::kLiteral: return e.value;
    case ExprKind::kParameter: return Parameter(e);
    case ExprKind::kVariable: return row[e.slot];
    default: break;
  }
  try {
    return EvalInner(e, row);
  } catch (const Error& err) {
    if (err.pos().known()) throw;
    throw err.WithPosition(e.pos);
  }
}

namespace {

// Three-valued logic: nullopt is null.
std::optional<bool> ToTri(const Value& v, SourcePos pos) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_bool()) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                fmt::format("expected a boolean but got {}", TypeName(v.type())), pos);
  }
  return v.as_bool();
}

Value FromTri(std::optional<bool> b) { return b ? Value(*b) : Value(); }

}  // namespace

Value Evaluator::EvalInner(const bound::Expr& e, Row& row) {
  switch (e.kind) {
    case ExprKind::kLiteral: return e.value;
    case ExprKind::kParameter: return Parameter(e);
    case ExprKind::kVariable: return row[e.slot];
    case ExprKind::kProperty: return EvalProperty(e, row);
    case ExprKind::kList: {
      List out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) out.push_back(Eval(*a, row));
      return out;
    }
    case ExprKind::kMap: {
      Map out;
      for (std::size_t i = 0; i < e.args.size(); ++i) out[e.names[i]] = Eval(*e.args[i], row);
      return out;
    }
    case ExprKind::kNot: {
      auto b = ToTri(Eval(*e.args[0], row), e.pos);
      return b ? Value(!*b) : Value();
    }
    case ExprKind::kAnd:
    case ExprKind::kOr:
    case ExprKind::kXor: return EvalLogic(e, row);
    case ExprKind::kCompare: return EvalCompare(e, row);
    case ExprKind::kArith: return EvalArith(e, row);
    case ExprKind::kNegate: return function::Negate(Eval(*e.args[0], row));
    case ExprKind::kIsNull: return Eval(*e.args[0], row).is_null();
    case ExprKind::kIsNotNull: return !Eval(*e.args[0], row).is_null();
    case ExprKind::kIn: {
      Value x = Eval(*e.args[0], row);
      Value list = Eval(*e.args[1], row);
      if (list.is_null()) return Value();
      if (!list.is_list()) {
        throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                    fmt::format("IN expects a list but got {}", TypeName(list.type())), e.pos);
      }
      return FromTri(function::In(x, list.as_list()));
    }
    case ExprKind::kStartsWith:
    case ExprKind::kEndsWith:
    case ExprKind::kContains: return EvalStringOp(e, row);
    case ExprKind::kRegex: return EvalRegex(e, row);
    case ExprKind::kIndex: return EvalIndex(e, row);
    case ExprKind::kSlice: return EvalSlice(e, row);
    case ExprKind::kFunction: return EvalFunction(e, row);
    case ExprKind::kGraphFunction: return EvalGraphFunction(e, row);
    case ExprKind::kCase: return EvalCase(e, row);
    case ExprKind::kListComprehension: return EvalComprehension(e, row);
    case ExprKind::kQuantifier: return EvalQuantifier(e, row);
    case ExprKind::kReduce: return EvalReduce(e, row);
    case ExprKind::kHasLabels: return EvalHasLabels(e, row);
    case ExprKind::kMapProjection: return EvalMapProjection(e, row);
    case ExprKind::kSubquery: return EvalSubquery(e, row);
  }
  return Value();
}

Value Evaluator::EvalLogic(const bound::Expr& e, Row& row) {
  // Both sides are evaluated (no short-circuit past a type error would be observable
  // either way, and openCypher's truth tables need both for null handling).
  std::optional<bool> a = ToTri(Eval(*e.args[0], row), e.pos);
  if (e.kind == ExprKind::kAnd && a == false) {
    ToTri(Eval(*e.args[1], row), e.pos);
    return false;
  }
  if (e.kind == ExprKind::kOr && a == true) {
    ToTri(Eval(*e.args[1], row), e.pos);
    return true;
  }
  std::optional<bool> b = ToTri(Eval(*e.args[1], row), e.pos);
  switch (e.kind) {
    case ExprKind::kAnd:
      if (b == false) return false;
      if (a && b) return true;
      return Value();
    case ExprKind::kOr:
      if (b == true) return true;
      if (a && b) return false;
      return Value();
    default:
      if (!a || !b) return Value();
      return *a != *b;
  }
}

Value Evaluator::EvalCompare(const bound::Expr& e, Row& row) {
  Value a = Eval(*e.args[0], row);
  Value b = Eval(*e.args[1], row);
  auto op = static_cast<bound::CompareOp>(e.op);
  if (op == bound::CompareOp::kEq) return FromTri(function::Equals(a, b));
  if (op == bound::CompareOp::kNe) {
    auto eq = function::Equals(a, b);
    return eq ? Value(!*eq) : Value();
  }
  std::optional<int> c = function::Compare(a, b);
  if (!c) {
    // NaN is unordered: every comparison with it is false (null stays null).
    bool nan = (a.is_float() && std::isnan(a.as_float()) && b.is_number()) ||
               (b.is_float() && std::isnan(b.as_float()) && a.is_number());
    return nan ? Value(false) : Value();
  }
  switch (op) {
    case bound::CompareOp::kLt: return *c < 0;
    case bound::CompareOp::kLe: return *c <= 0;
    case bound::CompareOp::kGt: return *c > 0;
    default: return *c >= 0;
  }
}

namespace {

// What an operand adds to a concatenation: a string's bytes, a list's elements (shallow:
// their own contents are shared, not copied, by the engine's values only in part, so this
// is a floor), or one element.
std::uint64_t ConcatenatedBytes(const Value& v) {
  if (v.is_string()) return v.as_string().size();
  if (v.is_list()) return v.as_list().size() * sizeof(Value);
  return sizeof(Value);
}

}  // namespace

Value Evaluator::EvalArith(const bound::Expr& e, Row& row) {
  Value a = Eval(*e.args[0], row);
  Value b = Eval(*e.args[1], row);
  switch (static_cast<bound::ArithOp>(e.op)) {
    case bound::ArithOp::kAdd:
      // Concatenation may double a value at each step (reduce(s = 'a', x IN ... | s + s)):
      // the result must fit the memory bound before it is built.
      if (a.is_string() || a.is_list() || b.is_string() || b.is_list()) {
        ctx_->RequireRoom(ConcatenatedBytes(a) + ConcatenatedBytes(b));
      }
      return function::Add(a, b);
    case bound::ArithOp::kSub: return function::Subtract(a, b);
    case bound::ArithOp::kMul: return function::Multiply(a, b);
    case bound::ArithOp::kDiv: return function::Divide(a, b);
    case bound::ArithOp::kMod: return function::Modulo(a, b);
    case bound::ArithOp::kPow: return function::Power(a, b);
  }
  return Value();
}

Value Evaluator::EvalStringOp(const bound::Expr& e, Row& row) {
  Value a = Eval(*e.args[0], row);
  Value b = Eval(*e.args[1], row);
  if (!a.is_string() || !b.is_string()) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (e.kind) {
    case ExprKind::kStartsWith: return s.starts_with(t);
    case ExprKind::kEndsWith: return s.ends_with(t);
    default: return s.find(t) != std::string::npos;
  }
}

Value Evaluator::EvalRegex(const bound::Expr& e, Row& row) {
  Value a = Eval(*e.args[0], row);
  Value b = Eval(*e.args[1], row);
  if (!a.is_string() || !b.is_string()) return Value();
  auto& cached = regex_cache_[&e];
  if (!cached || cached->pattern() != b.as_string()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_dot_nl(false);
    cached = std::make_unique<RE2>(b.as_string(), options);
    if (!cached->ok()) {
      throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                  fmt::format("invalid regular expression: {}", cached->error()), e.pos);
    }
  }
  return RE2::FullMatch(a.as_string(), *cached);
}

Value Evaluator::EvalFunction(const bound::Expr& e, Row& row) {
  std::vector<Value> args;
  args.reserve(e.args.size());
  for (const auto& a : e.args) args.push_back(Eval(*a, row));
  if (function::IsRange(e.fn)) {
    // range() builds its list whole: a list past the memory bound is refused up front
    // rather than allocated (UNWIND range(...) streams instead; see unwind.cc).
    if (std::optional<function::IntegerRange> range = function::RangeOf(args)) {
      constexpr std::uint64_t kNoRoom = std::numeric_limits<std::uint64_t>::max();
      std::uint64_t size = range->size();
      ctx_->RequireRoom(size > kNoRoom / sizeof(Value) ? kNoRoom : size * sizeof(Value));
    }
  }
  return e.fn->fn(args);
}

Value Evaluator::EvalCase(const bound::Expr& e, Row& row) {
  std::size_t i = 0;
  std::size_t end = e.args.size() - (e.has_else ? 1 : 0);
  if (e.op == 1) {
    Value test = Eval(*e.args[0], row);
    for (i = 1; i + 1 < end + 1 && i < end; i += 2) {
      if (function::Equals(test, Eval(*e.args[i], row)) == true) {
        return Eval(*e.args[i + 1], row);
      }
    }
  } else {
    for (i = 0; i < end; i += 2) {
      Value w = Eval(*e.args[i], row);
      if (w.is_bool() && w.as_bool()) return Eval(*e.args[i + 1], row);
    }
  }
  return e.has_else ? Eval(*e.args.back(), row) : Value();
}

Value Evaluator::EvalSubquery(const bound::Expr& e, Row& row) {
  Operator& plan = *ctx_->subplans[e.subquery];
  plan.Reset(&row);
  Row sub;
  auto kind = static_cast<bound::SubqueryKind>(e.op);
  if (kind == bound::SubqueryKind::kExists) return plan.Next(&sub);
  if (kind == bound::SubqueryKind::kCount) {
    std::int64_t n = 0;
    while (plan.Next(&sub)) ++n;
    return n;
  }
  List out;
  while (plan.Next(&sub)) out.push_back(Eval(*e.args[0], sub));
  return out;
}

}  // namespace parley::execution
