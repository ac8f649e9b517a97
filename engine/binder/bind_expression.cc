// Expressions: names to slots, operators to bound kinds, static type checks.
#include <fmt/format.h>

#include "engine/binder/binder.h"
#include "engine/function/aggregate.h"

namespace parley::binder {

using bound::ExprKind;
using bound::ExprPtr;

namespace {

[[noreturn]] void Fail(std::string detail, std::string message, SourcePos pos) {
  throw Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos);
}

ExprPtr Make(ExprKind kind, SourcePos pos, std::uint8_t op = 0) {
  auto e = std::make_unique<bound::Expr>(kind, pos);
  e->op = op;
  return e;
}

bool IsScalarType(ValueType t) {
  return t == ValueType::kBool || t == ValueType::kInt || t == ValueType::kFloat ||
         t == ValueType::kString;
}

}  // namespace

bool Binder::ContainsAggregate(const ast::Expr& e) const {
  if (e.kind == ast::ExprKind::kCountStar) return true;
  if (e.kind == ast::ExprKind::kFunctionCall && function::IsAggregateFunction(e.name)) {
    return true;
  }
  // Comprehensions and sub-queries have their own scope; aggregates there are theirs.
  if (e.kind == ast::ExprKind::kPatternComprehension || e.kind == ast::ExprKind::kExists) {
    return false;
  }
  bool found = false;
  ast::ForEachChild(e, [&](const ast::Expr& c) { found = found || ContainsAggregate(c); });
  return found;
}

std::optional<ValueType> Binder::StaticType(const bound::Expr& e) const {
  switch (e.kind) {
    case ExprKind::kLiteral:
      if (e.value.is_null()) return std::nullopt;
      return e.value.type();
    case ExprKind::kList:
    case ExprKind::kListComprehension: return ValueType::kList;
    case ExprKind::kMap:
    case ExprKind::kMapProjection: return ValueType::kMap;
    case ExprKind::kNot:
    case ExprKind::kAnd:
    case ExprKind::kOr:
    case ExprKind::kXor:
    case ExprKind::kCompare:
    case ExprKind::kIsNull:
    case ExprKind::kIsNotNull:
    case ExprKind::kStartsWith:
    case ExprKind::kEndsWith:
    case ExprKind::kContains:
    case ExprKind::kRegex:
    case ExprKind::kHasLabels:
    case ExprKind::kQuantifier: return ValueType::kBool;
    case ExprKind::kVariable:
      for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
        if (it->slot != e.slot) continue;
        switch (it->kind) {
          case VarKind::kNode: return ValueType::kNode;
          case VarKind::kRel: return ValueType::kRelationship;
          case VarKind::kRelList: return ValueType::kList;
          case VarKind::kPath: return ValueType::kPath;
          default: return it->type;
        }
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

void Binder::CheckBoolean(const bound::Expr& e, SourcePos pos) const {
  auto t = StaticType(e);
  if (t && *t != ValueType::kBool) {
    Fail("InvalidArgumentType",
         fmt::format("expected a boolean expression, got {}", TypeName(*t)), pos);
  }
}

ExprPtr Binder::BindExpr(const ast::Expr& e) {
  if (group_keys_ != nullptr && !in_aggregate_args_ && e.kind != ast::ExprKind::kLiteral &&
      e.kind != ast::ExprKind::kParameter) {
    std::string text = ast::ToString(e);
    for (const auto& [t, slot] : *group_keys_) {
      if (t != text) continue;
      bool simple = e.kind == ast::ExprKind::kVariable || e.kind == ast::ExprKind::kProperty ||
                    e.kind == ast::ExprKind::kFunctionCall || e.kind == ast::ExprKind::kCountStar;
      if (sort_with_aggregate_ && !simple) {
        Fail("AmbiguousAggregationExpression",
             fmt::format("`{}` cannot be combined with an aggregate in ORDER BY", text), e.pos);
      }
      return bound::MakeVariable(slot, e.pos);
    }
  }
  return BindExprInner(e);
}

ExprPtr Binder::BindVariable(const ast::Expr& e) {
  for (std::size_t i = scope_.size(); i-- > 0;) {
    if (scope_[i].name != e.name) continue;
    if (!in_aggregate_args_ && i < ambiguous_below_) {
      Fail("AmbiguousAggregationExpression",
           fmt::format("`{}` is neither a grouping key nor inside an aggregate", e.name),
           e.pos);
    }
    return bound::MakeVariable(scope_[i].slot, e.pos);
  }
  Fail("UndefinedVariable", fmt::format("variable `{}` is not defined", e.name), e.pos);
}

ExprPtr Binder::BindExprInner(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::kLiteral: return bound::MakeLiteral(e.literal, e.pos);
    case ast::ExprKind::kParameter: {
      auto it = params_.find(e.name);
      if (it == params_.end()) {
        throw Error(ErrorKind::kParameterMissing, "MissingParameter",
                    fmt::format("expected a value for parameter ${}", e.name), e.pos);
      }
      NoteParameter(e.name);
      auto b = Make(ExprKind::kParameter, e.pos);
      b->name = e.name;
      b->value = it->second;
      return b;
    }
    case ast::ExprKind::kVariable: return BindVariable(e);
    case ast::ExprKind::kProperty: {
      auto b = Make(ExprKind::kProperty, e.pos);
      b->args.push_back(BindExpr(*e.children[0]));
      auto t = StaticType(*b->args[0]);
      if (t && *t == ValueType::kPath) {
        Fail("InvalidArgumentType", fmt::format("a path has no property `{}`", e.name), e.pos);
      }
      if (t && (IsScalarType(*t) || *t == ValueType::kList)) {
        throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                    fmt::format("cannot read property `{}` of a {}", e.name, TypeName(*t)),
                    e.pos);
      }
      b->prop = KeyToken(e.name);
      return b;
    }
    case ast::ExprKind::kIndex:
    case ast::ExprKind::kSlice: {
      auto b = Make(e.kind == ast::ExprKind::kIndex ? ExprKind::kIndex : ExprKind::kSlice, e.pos);
      for (const auto& c : e.children) b->args.push_back(c ? BindExpr(*c) : nullptr);
      return b;
    }
    case ast::ExprKind::kUnary: {
      ExprPtr x = BindExpr(*e.children[0]);
      if (e.unary_op == ast::UnaryOp::kPlus) return x;
      if (e.unary_op == ast::UnaryOp::kNot) {
        CheckBoolean(*x, e.children[0]->pos);
        auto b = Make(ExprKind::kNot, e.pos);
        b->args.push_back(std::move(x));
        return b;
      }
      auto b = Make(ExprKind::kNegate, e.pos);
      b->args.push_back(std::move(x));
      return b;
    }
    case ast::ExprKind::kBinary: {
      ExprPtr a = BindExpr(*e.children[0]);
      ExprPtr c = BindExpr(*e.children[1]);
      ExprKind kind = ExprKind::kArith;
      std::uint8_t op = 0;
      switch (e.binary_op) {
        case ast::BinaryOp::kOr: kind = ExprKind::kOr; break;
        case ast::BinaryOp::kXor: kind = ExprKind::kXor; break;
        case ast::BinaryOp::kAnd: kind = ExprKind::kAnd; break;
        case ast::BinaryOp::kAdd: op = static_cast<std::uint8_t>(bound::ArithOp::kAdd); break;
        case ast::BinaryOp::kSub: op = static_cast<std::uint8_t>(bound::ArithOp::kSub); break;
        case ast::BinaryOp::kMul: op = static_cast<std::uint8_t>(bound::ArithOp::kMul); break;
        case ast::BinaryOp::kDiv: op = static_cast<std::uint8_t>(bound::ArithOp::kDiv); break;
        case ast::BinaryOp::kMod: op = static_cast<std::uint8_t>(bound::ArithOp::kMod); break;
        case ast::BinaryOp::kPow: op = static_cast<std::uint8_t>(bound::ArithOp::kPow); break;
      }
      if (kind != ExprKind::kArith) {
        CheckBoolean(*a, e.children[0]->pos);
        CheckBoolean(*c, e.children[1]->pos);
      } else if (e.binary_op != ast::BinaryOp::kAdd) {
        for (const ExprPtr* x : {&a, &c}) {
          auto t = StaticType(**x);
          if (t && (*t == ValueType::kBool || *t == ValueType::kString || *t == ValueType::kList ||
                    *t == ValueType::kMap || *t == ValueType::kNode ||
                    *t == ValueType::kRelationship || *t == ValueType::kPath)) {
            Fail("InvalidArgumentType",
                 fmt::format("`{}` does not apply to {}", ast::ToString(e.binary_op),
                             TypeName(*t)),
                 (*x)->pos);
          }
        }
      }
      auto b = Make(kind, e.pos, op);
      b->args.push_back(std::move(a));
      b->args.push_back(std::move(c));
      return b;
    }
    case ast::ExprKind::kComparison: {
      std::vector<ExprPtr> operands;
      for (const auto& c : e.children) operands.push_back(BindExpr(*c));
      ExprPtr result;
      for (std::size_t i = 0; i < e.compare_ops.size(); ++i) {
        auto cmp = Make(ExprKind::kCompare, e.pos, static_cast<std::uint8_t>(e.compare_ops[i]));
        cmp->args.push_back(i == 0 ? std::move(operands[0]) : bound::CloneExpr(*operands[i]));
        cmp->args.push_back(i + 1 < e.compare_ops.size() ? bound::CloneExpr(*operands[i + 1])
                                                         : std::move(operands[i + 1]));
        if (!result) {
          result = std::move(cmp);
        } else {
          auto both = Make(ExprKind::kAnd, e.pos);
          both->args.push_back(std::move(result));
          both->args.push_back(std::move(cmp));
          result = std::move(both);
        }
      }
      return result;
    }
    case ast::ExprKind::kIsNull:
    case ast::ExprKind::kIsNotNull: {
      auto b = Make(e.kind == ast::ExprKind::kIsNull ? ExprKind::kIsNull : ExprKind::kIsNotNull,
                    e.pos);
      b->args.push_back(BindExpr(*e.children[0]));
      return b;
    }
    case ast::ExprKind::kIn: {
      auto b = Make(ExprKind::kIn, e.pos);
      b->args.push_back(BindExpr(*e.children[0]));
      b->args.push_back(BindExpr(*e.children[1]));
      auto t = StaticType(*b->args[1]);
      if (t && *t != ValueType::kList) {
        Fail("InvalidArgumentType", fmt::format("IN expects a list, not {}", TypeName(*t)),
             e.children[1]->pos);
      }
      return b;
    }
    case ast::ExprKind::kStringOp: {
      ExprKind k = e.string_op == ast::StringOp::kStartsWith ? ExprKind::kStartsWith
                   : e.string_op == ast::StringOp::kEndsWith ? ExprKind::kEndsWith
                                                             : ExprKind::kContains;
      auto b = Make(k, e.pos);
      b->args.push_back(BindExpr(*e.children[0]));
      b->args.push_back(BindExpr(*e.children[1]));
      return b;
    }
    case ast::ExprKind::kRegex: {
      auto b = Make(ExprKind::kRegex, e.pos);
      b->args.push_back(BindExpr(*e.children[0]));
      b->args.push_back(BindExpr(*e.children[1]));
      return b;
    }
    case ast::ExprKind::kLabelPredicate: {
      auto b = Make(ExprKind::kHasLabels, e.pos);
      b->args.push_back(BindExpr(*e.children[0]));
      for (const std::string& l : e.labels) b->labels.push_back(LabelToken(l));
      return b;
    }
    case ast::ExprKind::kFunctionCall: return BindFunction(e);
    case ast::ExprKind::kCountStar: return BindAggregate(e);
    case ast::ExprKind::kCase: {
      auto b = Make(ExprKind::kCase, e.pos, e.case_subject ? 1 : 0);
      if (e.case_subject) b->args.push_back(BindExpr(*e.case_subject));
      for (const auto& c : e.children) b->args.push_back(BindExpr(*c));
      if (e.case_else) {
        b->args.push_back(BindExpr(*e.case_else));
        b->has_else = true;
      }
      return b;
    }
    case ast::ExprKind::kList: {
      auto b = Make(ExprKind::kList, e.pos);
      for (const auto& c : e.children) b->args.push_back(BindExpr(*c));
      if (std::all_of(b->args.begin(), b->args.end(),
                      [](const ExprPtr& a) { return a->kind == ExprKind::kLiteral; })) {
        List l;
        for (const auto& a : b->args) l.push_back(a->value);
        return bound::MakeLiteral(std::move(l), e.pos);
      }
      return b;
    }
    case ast::ExprKind::kMap: {
      auto b = Make(ExprKind::kMap, e.pos);
      for (std::size_t i = 0; i < e.children.size(); ++i) {
        b->names.push_back(e.keys[i]);
        b->args.push_back(BindExpr(*e.children[i]));
      }
      return b;
    }
    case ast::ExprKind::kListComprehension:
    case ast::ExprKind::kQuantifier:
    case ast::ExprKind::kReduce: return BindScoped(e);
    case ast::ExprKind::kPatternComprehension:
    case ast::ExprKind::kExists:
    case ast::ExprKind::kPatternPredicate: return BindSubquery(e);
    case ast::ExprKind::kMapProjection: return BindMapProjection(e);
  }
  Fail("UnexpectedSyntax", "unsupported expression", e.pos);
}

ExprPtr Binder::BindScoped(const ast::Expr& e) {
  std::size_t depth = scope_.size();
  auto restore = [&] { scope_.resize(depth); };
  if (e.kind == ast::ExprKind::kReduce) {
    auto b = Make(ExprKind::kReduce, e.pos);
    b->args.push_back(BindExpr(*e.children[0]));
    b->args.push_back(BindExpr(*e.children[1]));
    b->slot2 = Declare(e.accumulator, VarKind::kAny, e.accumulator_pos).slot;
    b->slot = Declare(e.variable, VarKind::kAny, e.variable_pos).slot;
    try {
      b->args.push_back(BindExpr(*e.children[2]));
    } catch (...) {
      restore();
      throw;
    }
    restore();
    return b;
  }
  bool quant = e.kind == ast::ExprKind::kQuantifier;
  auto b = Make(quant ? ExprKind::kQuantifier : ExprKind::kListComprehension, e.pos,
                quant ? static_cast<std::uint8_t>(e.quantifier) : 0);
  b->args.push_back(BindExpr(*e.children[0]));
  auto t = StaticType(*b->args[0]);
  if (t && *t != ValueType::kList) {
    Fail("InvalidArgumentType", fmt::format("expected a list, not {}", TypeName(*t)),
         e.children[0]->pos);
  }
  std::optional<ValueType> element;
  if (b->args[0]->kind == ExprKind::kLiteral && b->args[0]->value.is_list()) {
    const List& l = b->args[0]->value.as_list();
    for (const Value& v : l) {
      if (v.is_null()) continue;
      if (element && *element != v.type()) {
        element.reset();
        break;
      }
      element = v.type();
    }
  }
  b->slot = Declare(e.variable, VarKind::kAny, e.variable_pos, element).slot;
  auto* saved_aggregates = aggregates_;
  aggregates_ = nullptr;  // aggregates cannot run per list element
  try {
    for (std::size_t i = 1; i < e.children.size(); ++i) {
      b->args.push_back(e.children[i] ? BindExpr(*e.children[i]) : nullptr);
      if (quant && b->args.back()) CheckBoolean(*b->args.back(), e.children[i]->pos);
    }
    while (b->args.size() < (quant ? 2u : 3u)) b->args.push_back(nullptr);
  } catch (...) {
    aggregates_ = saved_aggregates;
    restore();
    throw;
  }
  aggregates_ = saved_aggregates;
  restore();
  return b;
}

ExprPtr Binder::BindMapProjection(const ast::Expr& e) {
  auto b = Make(ExprKind::kMapProjection, e.pos);
  b->args.push_back(BindExpr(*e.children[0]));
  for (const ast::MapProjectionItem& item : e.projection_items) {
    bound::MapProjectionItem bi;
    bi.kind = static_cast<bound::MapProjectionItem::Kind>(item.kind);
    bi.key = item.key;
    switch (item.kind) {
      case ast::MapProjectionItem::Kind::kProperty: bi.prop = KeyToken(item.key); break;
      case ast::MapProjectionItem::Kind::kLiteral:
        bi.arg = static_cast<int>(b->args.size());
        b->args.push_back(BindExpr(*item.value));
        break;
      case ast::MapProjectionItem::Kind::kVariable: {
        bi.arg = static_cast<int>(b->args.size());
        b->args.push_back(BindVariable(*ast::MakeVariable(item.key, item.pos)));
        break;
      }
      case ast::MapProjectionItem::Kind::kAllProperties: break;
    }
    b->map_items.push_back(std::move(bi));
  }
  return b;
}

ExprPtr Binder::BindSubquery(const ast::Expr& e) {
  bound::Subquery sub;
  Scope saved = scope_;
  auto restore = [&] { scope_ = saved; };
  try {
    if (e.kind == ast::ExprKind::kExists && e.subquery) {
      sub.kind = bound::SubqueryKind::kExists;
      const ast::Query& q = *e.subquery;
      bound::SingleQuery part;
      for (const ast::Clause& c : q.parts[0].clauses) {
        ast::ClauseKind k = ast::KindOf(c);
        if (k == ast::ClauseKind::kCreate || k == ast::ClauseKind::kMerge ||
            k == ast::ClauseKind::kSet || k == ast::ClauseKind::kRemove ||
            k == ast::ClauseKind::kDelete) {
          Fail("InvalidClauseComposition", "EXISTS { } cannot change the graph", ast::PosOf(c));
        }
        if (k == ast::ClauseKind::kReturn) continue;  // only whether rows exist matters
        BindClause(c, false, &part);
      }
      sub.clauses = std::move(part.clauses);
    } else {
      sub.kind = e.kind == ast::ExprKind::kPatternComprehension
                     ? bound::SubqueryKind::kComprehension
                     : bound::SubqueryKind::kExists;
      bound::Match m;
      if (e.kind == ast::ExprKind::kPatternPredicate) {
        for (const ast::PatternPart& p : e.pattern) {
          for (const ast::NodePattern& n : p.nodes) {
            if (!n.variable.empty() && !Find(n.variable)) {
              Fail("UndefinedVariable", fmt::format("variable `{}` is not defined", n.variable),
                   n.variable_pos);
            }
          }
          for (const ast::RelPattern& r : p.rels) {
            if (!r.variable.empty() && !Find(r.variable)) {
              Fail("UndefinedVariable", fmt::format("variable `{}` is not defined", r.variable),
                   r.variable_pos);
            }
          }
        }
      }
      for (const ast::PatternPart& p : e.pattern) DeclarePatternVariables(p, false, &m.new_slots);
      for (const ast::PatternPart& p : e.pattern) {
        m.parts.push_back(BindPatternPart(p, false, &m.new_slots));
      }
      const ast::Expr* where = e.children.empty() ? nullptr : e.children[0].get();
      if (e.kind != ast::ExprKind::kPatternPredicate && where != nullptr) {
        m.where = BindExpr(*where);
      }
      sub.clauses.emplace_back(std::move(m));
    }
    auto b = Make(ExprKind::kSubquery, e.pos, static_cast<std::uint8_t>(sub.kind));
    if (sub.kind == bound::SubqueryKind::kComprehension) {
      b->args.push_back(BindExpr(*e.children[1]));
    }
    b->subquery = static_cast<int>(query_.subqueries.size());
    query_.subqueries.push_back(std::move(sub));
    restore();
    return b;
  } catch (...) {
    restore();
    throw;
  }
}

}  // namespace parley::binder
