// Function calls: aggregates, graph functions, and the scalar function library.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/binder/binder.h"
#include "engine/function/aggregate.h"
#include "engine/function/scalar.h"

namespace parley::binder {

using bound::ExprKind;
using bound::ExprPtr;
using bound::GraphFunction;

namespace {

[[noreturn]] void Fail(std::string detail, std::string message, SourcePos pos) {
  throw Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<GraphFunction> FindGraphFunction(const std::string& lower) {
  static const std::pair<const char*, GraphFunction> kFunctions[] = {
      {"id", GraphFunction::kId},
      {"elementid", GraphFunction::kElementId},
      {"labels", GraphFunction::kLabels},
      {"type", GraphFunction::kType},
      {"properties", GraphFunction::kProperties},
      {"keys", GraphFunction::kKeys},
      {"startnode", GraphFunction::kStartNode},
      {"endnode", GraphFunction::kEndNode},
      {"nodes", GraphFunction::kNodes},
      {"relationships", GraphFunction::kRelationships},
      {"length", GraphFunction::kLength},
  };
  for (const auto& [name, fn] : kFunctions) {
    if (lower == name) return fn;
  }
  return std::nullopt;
}

}  // namespace

ExprPtr Binder::BindAggregate(const ast::Expr& e) {
  if (aggregates_ == nullptr) {
    Fail("InvalidAggregation", "aggregate functions are only allowed in RETURN and WITH items",
         e.pos);
  }
  if (in_aggregate_args_) {
    Fail("InvalidAggregation",
         "aggregate functions cannot be nested", e.pos);
  }
  bound::AggregateCall call;
  if (e.kind == ast::ExprKind::kCountStar) {
    call.function = "count";
    call.count_star = true;
  } else {
    call.function = Lower(e.name);
    call.distinct = e.distinct;
    int arity = function::AggregateArity(call.function);
    if (static_cast<int>(e.children.size()) != arity) {
      Fail("InvalidNumberOfArguments",
           fmt::format("{}() takes {} argument(s), got {}", e.name, arity, e.children.size()),
           e.pos);
    }
    in_aggregate_args_ = true;
    try {
      for (const auto& c : e.children) call.args.push_back(BindExpr(*c));
    } catch (...) {
      in_aggregate_args_ = false;
      throw;
    }
    in_aggregate_args_ = false;
  }
  call.slot = NewSlot(ast::ToString(e));
  bound::Slot slot = call.slot;
  aggregates_->push_back(std::move(call));
  return bound::MakeVariable(slot, e.pos);
}

ExprPtr Binder::BindGraphFunction(const ast::Expr& e, GraphFunction fn) {
  if (e.children.size() != 1) {
    Fail("InvalidNumberOfArguments",
         fmt::format("{}() takes 1 argument, got {}", e.name, e.children.size()), e.pos);
  }
  auto b = std::make_unique<bound::Expr>(ExprKind::kGraphFunction, e.pos);
  b->op = static_cast<std::uint8_t>(fn);
  b->name = e.name;
  b->args.push_back(BindExpr(*e.children[0]));
  auto t = StaticType(*b->args[0]);
  bool bad = false;
  if (t) {
    switch (fn) {
      case GraphFunction::kType: bad = *t != ValueType::kRelationship; break;
      case GraphFunction::kLabels: bad = *t != ValueType::kNode; break;
      case GraphFunction::kStartNode:
      case GraphFunction::kEndNode: bad = *t != ValueType::kRelationship; break;
      case GraphFunction::kNodes:
      case GraphFunction::kRelationships: bad = *t != ValueType::kPath; break;
      case GraphFunction::kLength: bad = *t != ValueType::kPath; break;
      case GraphFunction::kProperties:
      case GraphFunction::kKeys:
        bad = *t != ValueType::kNode && *t != ValueType::kRelationship && *t != ValueType::kMap;
        break;
      default: break;
    }
  }
  if (bad) {
    Fail("InvalidArgumentType", fmt::format("{}() does not accept {}", e.name, TypeName(*t)),
         e.children[0]->pos);
  }
  return b;
}

ExprPtr Binder::BindFunction(const ast::Expr& e) {
  std::string lower = Lower(e.name);
  if (function::IsAggregateFunction(lower)) return BindAggregate(e);
  if (lower == "exists") {
    if (e.children.size() != 1) {
      Fail("InvalidNumberOfArguments", "exists() takes 1 argument", e.pos);
    }
    const ast::Expr& arg = *e.children[0];
    if (arg.kind == ast::ExprKind::kPatternPredicate) return BindSubquery(arg);
    if (arg.kind != ast::ExprKind::kProperty) {
      Fail("InvalidArgumentType", "exists() takes a property or a pattern", arg.pos);
    }
    auto b = std::make_unique<bound::Expr>(ExprKind::kIsNotNull, e.pos);
    b->args.push_back(BindExpr(arg));
    return b;
  }
  if (lower == "size" && e.children.size() == 1 &&
      e.children[0]->kind == ast::ExprKind::kPatternPredicate) {
    ExprPtr b = BindSubquery(*e.children[0]);
    b->op = static_cast<std::uint8_t>(bound::SubqueryKind::kCount);
    query_.subqueries[b->subquery].kind = bound::SubqueryKind::kCount;
    return b;
  }
  if (auto g = FindGraphFunction(lower)) return BindGraphFunction(e, *g);
  const function::ScalarFunction* fn = function::FindScalarFunction(e.name);
  if (fn == nullptr) {
    Fail("UnknownFunction", fmt::format("unknown function `{}`", e.name), e.pos);
  }
  int n = static_cast<int>(e.children.size());
  if (n < fn->min_args || (fn->max_args != function::kVariadic && n > fn->max_args)) {
    Fail("InvalidNumberOfArguments",
         fmt::format("{}() does not take {} argument(s)", fn->name, n), e.pos);
  }
  auto b = std::make_unique<bound::Expr>(ExprKind::kFunction, e.pos);
  b->fn = fn;
  b->name = std::string(fn->name);
  for (const auto& c : e.children) b->args.push_back(BindExpr(*c));
  return b;
}

}  // namespace parley::binder
