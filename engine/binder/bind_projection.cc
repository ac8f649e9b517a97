// WITH, RETURN (items, DISTINCT, aggregation, ORDER BY, SKIP, LIMIT, WHERE) and UNWIND.
#include <fmt/format.h>

#include "engine/binder/binder.h"

namespace parley::binder {

namespace {

[[noreturn]] void Fail(std::string detail, std::string message, SourcePos pos) {
  throw Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos);
}

struct Item {
  const ast::Expr* expr = nullptr;     // null for a `*` variable
  const Variable* star_var = nullptr;  // for `*`
  std::string name;
  SourcePos pos;
};

}  // namespace

void Binder::BindUnwind(const ast::UnwindClause& u, bound::SingleQuery* out) {
  bound::Unwind unwind;
  unwind.list = BindExpr(*u.list);
  if (Find(u.variable)) {
    Fail("VariableAlreadyBound", fmt::format("variable `{}` is already bound", u.variable),
         u.variable_pos);
  }
  unwind.slot = Declare(u.variable, VarKind::kAny, u.variable_pos).slot;
  out->clauses.emplace_back(std::move(unwind));
}

bound::ExprPtr Binder::BindCount(const ast::Expr& e, const char* what) {
  std::vector<Variable> saved;
  saved.swap(scope_);  // SKIP and LIMIT cannot read variables
  bound::ExprPtr b;
  try {
    b = BindExpr(e);
  } catch (const Error& err) {
    scope_.swap(saved);
    if (err.detail() == "UndefinedVariable") {
      Fail("NonConstantExpression", fmt::format("{} must not depend on variables", what), e.pos);
    }
    throw;
  }
  scope_.swap(saved);
  if (b->kind == bound::ExprKind::kLiteral || b->kind == bound::ExprKind::kParameter) {
    const Value& v = b->value;
    if (v.is_int() && v.as_int() < 0) {
      Fail("NegativeIntegerArgument",
           fmt::format("{} expects a non-negative integer, got {}", what, v.as_int()), e.pos);
    }
    if (!v.is_int() && b->kind == bound::ExprKind::kLiteral) {
      Fail("InvalidArgumentType",
           fmt::format("{} expects an integer, not {}", what, TypeName(v.type())), e.pos);
    }
  }
  return b;
}

// An ORDER BY item after aggregation that itself aggregates may read only aliases outside
// its aggregates (unless it repeats a projected item exactly).
bound::ExprPtr Binder::BindSortExpr(const ast::Expr& e, bool aggregating, const Scope& old_scope,
                                    const Scope& new_scope,
                                    const std::vector<std::pair<std::string, bound::Slot>>& keys) {
  (void)old_scope;
  (void)new_scope;
  (void)keys;
  if (!aggregating || !ContainsAggregate(e)) return BindExpr(e);
  sort_with_aggregate_ = true;
  try {
    bound::ExprPtr b = BindExpr(e);
    sort_with_aggregate_ = false;
    return b;
  } catch (...) {
    sort_with_aggregate_ = false;
    throw;
  }
}

void Binder::BindProjection(const ast::Projection& p, const ast::Expr* where, bool is_return,
                            SourcePos pos, bound::SingleQuery* out) {
  bound::Projection proj;
  proj.is_return = is_return;
  proj.distinct = p.distinct;
  Scope old_scope = scope_;

  std::vector<Item> items;
  std::optional<Error> alias_error;  // reported after ORDER BY, whose errors come first
  if (p.star) {
    for (const Variable& v : old_scope) {
      if (!v.name.empty()) items.push_back(Item{nullptr, &v, v.name, pos});
    }
    if (items.empty() && p.items.empty()) {
      Fail("NoVariablesInScope", "RETURN * / WITH * needs at least one variable in scope", pos);
    }
  }
  for (const ast::ProjectionItem& it : p.items) {
    if (!is_return && !it.has_alias() && it.expr->kind != ast::ExprKind::kVariable &&
        !alias_error) {
      alias_error = Error(ErrorKind::kSyntaxError, "NoExpressionAlias",
                          fmt::format("expression `{}` in WITH needs an alias", it.text), it.pos);
    }
    items.push_back(Item{it.expr.get(), nullptr, it.column_name(), it.pos});
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (items[i].name == items[j].name) {
        Fail("ColumnNameConflict",
             fmt::format("multiple result columns with the same name `{}`", items[i].name),
             items[i].pos);
      }
    }
  }

  bool aggregating = false;
  for (const Item& it : items) {
    if (it.expr && ContainsAggregate(*it.expr)) aggregating = true;
  }
  proj.aggregating = aggregating;

  std::vector<Variable> new_scope;
  std::vector<std::pair<std::string, bound::Slot>> keys;  // expression text -> slot
  for (const Item& it : items) {
    bool agg = it.expr && ContainsAggregate(*it.expr);
    if (agg) continue;
    bound::ExprPtr e = it.star_var ? bound::MakeVariable(it.star_var->slot, it.pos)
                                   : BindExpr(*it.expr);
    Variable v{it.name, bound::kNoSlot, VarKind::kAny, StaticType(*e)};
    if (e->kind == bound::ExprKind::kVariable) {
      for (const Variable& src : old_scope) {
        if (src.slot == e->slot) {
          v.kind = src.kind;
          v.type = src.type;
        }
      }
    }
    // WITH n (same name) keeps n's slot: nothing to copy.
    bool reuse = !is_return && e->kind == bound::ExprKind::kVariable &&
                 query_.slot_names[e->slot] == it.name;
    v.slot = reuse ? e->slot : NewSlot(it.name);
    if (it.expr) keys.emplace_back(ast::ToString(*it.expr), v.slot);
    bound::ProjectionItem pi{std::move(e), v.slot, it.name};
    if (aggregating) {
      proj.group_keys.push_back(std::move(pi));
    } else {
      proj.items.push_back(std::move(pi));  // the planner skips identity items
    }
    new_scope.push_back(v);
  }
  if (aggregating) {
    for (const Item& it : items) {
      if (!it.expr || !ContainsAggregate(*it.expr)) continue;
      aggregates_ = &proj.aggregates;
      group_keys_ = &keys;
      ambiguous_below_ = scope_.size();
      bound::ExprPtr e;
      try {
        e = BindExpr(*it.expr);
      } catch (...) {
        aggregates_ = nullptr;
        group_keys_ = nullptr;
        ambiguous_below_ = 0;
        throw;
      }
      aggregates_ = nullptr;
      group_keys_ = nullptr;
      ambiguous_below_ = 0;
      Variable v{it.name, NewSlot(it.name), VarKind::kAny, StaticType(*e)};
      proj.items.push_back(bound::ProjectionItem{std::move(e), v.slot, it.name});
      new_scope.push_back(v);
    }
  }
  // Items whose text later clauses (ORDER BY) may repeat.
  for (const Item& it : items) {
    if (it.expr && ContainsAggregate(*it.expr)) {
      for (const Variable& v : new_scope) {
        if (v.name == it.name) keys.emplace_back(ast::ToString(*it.expr), v.slot);
      }
    }
  }

  // ORDER BY sees the new variables; without DISTINCT or aggregation also the old ones.
  if (!p.order_by.empty()) {
    if (aggregating || p.distinct) {
      scope_ = new_scope;
      group_keys_ = &keys;
      if (aggregating) aggregates_ = &proj.aggregates;
    } else {
      scope_ = old_scope;
      for (const Variable& v : new_scope) scope_.push_back(v);
    }
    try {
      for (const ast::SortItem& s : p.order_by) {
        proj.order_by.push_back(bound::SortItem{BindSortExpr(*s.expr, aggregating, old_scope,
                                                             new_scope, keys),
                                                s.descending});
      }
    } catch (...) {
      group_keys_ = nullptr;
      aggregates_ = nullptr;
      ambiguous_below_ = 0;
      throw;
    }
    group_keys_ = nullptr;
    aggregates_ = nullptr;
  }
  if (alias_error) throw *alias_error;
  if (p.skip) proj.skip = BindCount(*p.skip, "SKIP");
  if (p.limit) proj.limit = BindCount(*p.limit, "LIMIT");

  if (where != nullptr) {
    // WITH's WHERE also sees the variables the WITH was given, unless it aggregates.
    scope_ = aggregating ? new_scope : old_scope;
    if (!aggregating) scope_.insert(scope_.end(), new_scope.begin(), new_scope.end());
    proj.where = BindExpr(*where);
    CheckBoolean(*proj.where, where->pos);
  }
  scope_ = new_scope;
  if (is_return) {
    query_.columns.clear();
    query_.output_slots.clear();
    for (const Variable& v : new_scope) {
      query_.columns.push_back(v.name);
      query_.output_slots.push_back(v.slot);
    }
    // Columns in the order written.
    std::vector<std::string> names;
    std::vector<bound::Slot> slots;
    for (const Item& it : items) {
      for (const Variable& v : new_scope) {
        if (v.name == it.name) {
          names.push_back(v.name);
          slots.push_back(v.slot);
        }
      }
    }
    query_.columns = names;
    query_.output_slots = slots;
  }
  out->clauses.emplace_back(std::move(proj));
}

}  // namespace parley::binder
