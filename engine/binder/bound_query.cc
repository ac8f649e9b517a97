#include "engine/binder/bound_query.h"

#include <algorithm>

namespace parley::bound {

ExprPtr MakeLiteral(Value v, SourcePos pos) {
  auto e = std::make_unique<Expr>(ExprKind::kLiteral, pos);
  e->value = std::move(v);
  return e;
}

ExprPtr MakeVariable(Slot slot, SourcePos pos) {
  auto e = std::make_unique<Expr>(ExprKind::kVariable, pos);
  e->slot = slot;
  return e;
}

ExprPtr MakeExpr(ExprKind kind, SourcePos pos, std::vector<ExprPtr> args) {
  auto e = std::make_unique<Expr>(kind, pos);
  e->args = std::move(args);
  return e;
}

ExprPtr CloneExpr(const Expr& e) {
  auto c = std::make_unique<Expr>(e.kind, e.pos);
  c->op = e.op;
  c->has_else = e.has_else;
  c->distinct = e.distinct;
  c->slot = e.slot;
  c->slot2 = e.slot2;
  c->subquery = e.subquery;
  c->name = e.name;
  c->prop = e.prop;
  c->labels = e.labels;
  c->names = e.names;
  c->map_items = e.map_items;
  c->value = e.value;
  c->fn = e.fn;
  for (const auto& a : e.args) c->args.push_back(a ? CloneExpr(*a) : nullptr);
  return c;
}

void CollectSlots(const Expr& e, std::vector<Slot>* out) {
  if (e.kind == ExprKind::kVariable) {
    out->push_back(e.slot);
    return;
  }
  std::size_t before = out->size();
  for (const auto& a : e.args) {
    if (a) CollectSlots(*a, out);
  }
  // Comprehension-local slots are not read from the row the expression is given.
  if (e.kind == ExprKind::kListComprehension || e.kind == ExprKind::kQuantifier ||
      e.kind == ExprKind::kReduce) {
    auto local = [&](Slot s) { return s == e.slot || s == e.slot2; };
    out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(before), out->end(),
                              local),
               out->end());
  }
}

}  // namespace parley::bound
