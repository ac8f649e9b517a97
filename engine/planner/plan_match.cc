// Pattern planning: start point, expansion order, predicate placement.
#include <algorithm>
#include <limits>

#include "engine/planner/planner.h"

namespace parley::planner {

using bound::ExprKind;
using logical::Op;
using logical::OpKind;
using logical::OpPtr;

namespace {

struct Conjunct {
  const bound::Expr* expr;
  std::vector<bound::Slot> deps;
  bool used = false;
  // For start-point choice: `slot.key <op> value` with `value` independent of `slot`.
  bound::Slot prop_slot = bound::kNoSlot;
  const bound::Token* key = nullptr;
  const bound::Expr* value = nullptr;
  bound::CompareOp cmp = bound::CompareOp::kEq;
  // For label conjuncts: slot has label.
  bound::Slot label_slot = bound::kNoSlot;
  bool all_nodes = false;  // a label every node has (read-only statements)
};

bool HasSubquery(const bound::Expr& e) {
  if (e.kind == ExprKind::kSubquery) return true;
  for (const auto& a : e.args) {
    if (a && HasSubquery(*a)) return true;
  }
  return false;
}

void SplitAnd(const bound::Expr* e, std::vector<const bound::Expr*>* out) {
  if (e == nullptr) return;
  if (e->kind == ExprKind::kAnd) {
    SplitAnd(e->args[0].get(), out);
    SplitAnd(e->args[1].get(), out);
    return;
  }
  out->push_back(e);
}

bound::CompareOp Flip(bound::CompareOp op) {
  switch (op) {
    case bound::CompareOp::kLt: return bound::CompareOp::kGt;
    case bound::CompareOp::kLe: return bound::CompareOp::kGe;
    case bound::CompareOp::kGt: return bound::CompareOp::kLt;
    case bound::CompareOp::kGe: return bound::CompareOp::kLe;
    default: return op;
  }
}

Conjunct Analyze(const bound::Expr* e, const std::vector<bound::Slot>& all_new) {
  Conjunct c{e, {}};
  if (HasSubquery(*e)) {
    c.deps = all_new;
  } else {
    bound::CollectSlots(*e, &c.deps);
  }
  if (e->kind == ExprKind::kHasLabels && e->args[0]->kind == ExprKind::kVariable &&
      e->labels.size() == 1) {
    c.label_slot = e->args[0]->slot;
  }
  if (e->kind == ExprKind::kCompare && static_cast<bound::CompareOp>(e->op) != bound::CompareOp::kNe) {
    for (int side = 0; side < 2; ++side) {
      const bound::Expr& p = *e->args[side];
      const bound::Expr& v = *e->args[1 - side];
      if (p.kind != ExprKind::kProperty || p.args[0]->kind != ExprKind::kVariable) continue;
      std::vector<bound::Slot> vdeps;
      bound::CollectSlots(v, &vdeps);
      bound::Slot s = p.args[0]->slot;
      if (std::find(vdeps.begin(), vdeps.end(), s) != vdeps.end() || HasSubquery(v)) continue;
      c.prop_slot = s;
      c.key = &p.prop;
      c.value = &v;
      auto op = static_cast<bound::CompareOp>(e->op);
      c.cmp = side == 0 ? op : Flip(op);
      break;
    }
  }
  return c;
}

Direction Reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

}  // namespace

OpPtr Planner::PlanPattern(OpPtr cur, const std::vector<const bound::PatternPart*>& parts,
                           const bound::Expr* where,
                           const std::vector<bound::Slot>& new_slots) {
  const bound::Query& q = *plan_->query;
  std::vector<bool> bound(q.num_slots, true);
  for (bound::Slot s : new_slots) bound[s] = false;
  auto is_bound = [&](bound::Slot s) { return bound[s]; };

  // Inline labels and properties become conjuncts like WHERE's.
  std::vector<const bound::Expr*> preds;
  SplitAnd(where, &preds);
  auto own = [&](bound::ExprPtr e) {
    plan_->exprs.push_back(std::move(e));
    return plan_->exprs.back().get();
  };
  auto add_props = [&](bound::Slot slot, const bound::Expr* props) {
    if (props == nullptr) return;
    if (props->kind == ExprKind::kMap) {
      for (std::size_t i = 0; i < props->args.size(); ++i) {
        auto prop = bound::MakeExpr(ExprKind::kProperty, props->pos, {});
        prop->args.push_back(bound::MakeVariable(slot));
        prop->prop = bound::Token{props->names[i], txn_.FindPropKey(props->names[i])
                                                       ? std::optional<std::uint32_t>(
                                                             txn_.FindPropKey(props->names[i])->value)
                                                       : std::nullopt};
        std::vector<bound::ExprPtr> args;
        args.push_back(std::move(prop));
        args.push_back(bound::CloneExpr(*props->args[i]));
        auto eq = bound::MakeExpr(ExprKind::kCompare, props->pos, std::move(args));
        eq->op = static_cast<std::uint8_t>(bound::CompareOp::kEq);
        preds.push_back(own(std::move(eq)));
      }
    } else if (props->value.is_map()) {
      for (const auto& [k, v] : props->value.as_map()) {
        auto prop = bound::MakeExpr(ExprKind::kProperty, props->pos, {});
        prop->args.push_back(bound::MakeVariable(slot));
        auto id = txn_.FindPropKey(k);
        prop->prop = bound::Token{k, id ? std::optional<std::uint32_t>(id->value) : std::nullopt};
        std::vector<bound::ExprPtr> args;
        args.push_back(std::move(prop));
        args.push_back(bound::MakeLiteral(v, props->pos));
        auto eq = bound::MakeExpr(ExprKind::kCompare, props->pos, std::move(args));
        preds.push_back(own(std::move(eq)));
      }
    }
  };
  for (const bound::PatternPart* part : parts) {
    for (const bound::NodePattern& n : part->nodes) {
      for (const bound::Token& l : n.labels) {
        auto e = bound::MakeExpr(ExprKind::kHasLabels, n.pos, {});
        e->args.push_back(bound::MakeVariable(n.slot));
        e->labels.push_back(l);
        preds.push_back(own(std::move(e)));
      }
      add_props(n.slot, n.properties.get());
    }
    for (const bound::RelPattern& r : part->rels) {
      if (!r.var_length) add_props(r.slot, r.properties.get());
    }
  }
  std::vector<Conjunct> conj;
  for (const bound::Expr* e : preds) conj.push_back(Analyze(e, new_slots));
  if (!q.updating) {
    // In a read-only statement a label every node carries filters nothing; keep it only
    // where it could choose a start (a label scan is no worse than all nodes).
    std::uint64_t nodes = txn_.NodeCount();
    for (Conjunct& c : conj) {
      if (c.label_slot == bound::kNoSlot || is_bound(c.label_slot)) continue;
      auto id = txn_.FindLabel(c.expr->labels[0].name);
      if (id && txn_.LabelCount(*id) == nodes) c.all_nodes = true;
    }
  }

  auto apply_filters = [&]() {
    for (Conjunct& c : conj) {
      if (c.used || !std::all_of(c.deps.begin(), c.deps.end(), is_bound)) continue;
      c.used = true;
      if (c.all_nodes) continue;
      cur = MakeOp(OpKind::kFilter, std::move(cur));
      cur->expr = c.expr;
    }
  };

  struct RelRef {
    const bound::PatternPart* part;
    std::size_t index;
    bool planned = false;
  };
  std::vector<RelRef> rels;
  for (const bound::PatternPart* part : parts) {
    for (std::size_t i = 0; i < part->rels.size(); ++i) rels.push_back({part, i});
  }
  std::vector<bound::Slot> match_rels;  // relationship slots bound so far in this MATCH

  auto labels_of = [&](bound::Slot node) {
    std::vector<bound::Token> out;
    for (Conjunct& c : conj) {
      if (!c.used && c.label_slot == node) {
        if (!c.all_nodes) out.push_back(c.expr->labels[0]);
        c.used = true;
      }
    }
    return out;
  };

  auto plan_start = [&](bound::Slot node) {
    // Cheapest access: index seek < smallest label < all nodes.
    double best = static_cast<double>(txn_.NodeCount()) + 1;
    Conjunct* best_label = nullptr;
    Conjunct* best_index = nullptr;
    for (Conjunct& c : conj) {
      if (c.used || c.label_slot != node) continue;
      auto id = txn_.FindLabel(c.expr->labels[0].name);
      double count = id ? static_cast<double>(txn_.LabelCount(*id)) : 0;
      if (count < best) {
        best = count;
        best_label = &c;
      }
    }
    for (Conjunct& lc : conj) {
      if (lc.label_slot != node) continue;
      auto label = txn_.FindLabel(lc.expr->labels[0].name);
      if (!label) continue;
      for (Conjunct& c : conj) {
        if (c.used || c.prop_slot != node) continue;
        std::vector<bound::Slot> vdeps;
        bound::CollectSlots(*c.value, &vdeps);
        if (!std::all_of(vdeps.begin(), vdeps.end(), is_bound)) continue;
        auto key = txn_.FindPropKey(c.key->name);
        if (!key || !txn_.HasIndex(*label, *key)) continue;
        double cost = c.cmp == bound::CompareOp::kEq ? 1.0
                                                      : static_cast<double>(txn_.LabelCount(*label)) / 3;
        if (cost < best || (best_index == nullptr && cost <= best)) {
          best = cost;
          best_index = &c;
          best_label = &lc;
        }
      }
    }
    if (best_index != nullptr) {
      cur = MakeOp(OpKind::kIndexSeek, std::move(cur));
      cur->labels.push_back(best_label->expr->labels[0]);
      cur->key = *best_index->key;
      switch (best_index->cmp) {
        case bound::CompareOp::kEq: cur->expr = best_index->value; break;
        case bound::CompareOp::kLt:
        case bound::CompareOp::kLe:
          cur->upper = best_index->value;
          cur->upper_inclusive = best_index->cmp == bound::CompareOp::kLe;
          break;
        default:
          cur->lower = best_index->value;
          cur->lower_inclusive = best_index->cmp == bound::CompareOp::kGe;
          break;
      }
      best_label->used = true;  // the index holds only nodes with the label
    } else if (best_label != nullptr) {
      cur = MakeOp(OpKind::kLabelScan, std::move(cur));
      cur->labels.push_back(best_label->expr->labels[0]);
      best_label->used = true;
    } else {
      cur = MakeOp(OpKind::kAllNodesScan, std::move(cur));
    }
    cur->node = node;
    bound[node] = true;
  };

  auto plan_expand = [&](RelRef& ref, bool from_left) {
    const bound::RelPattern& r = ref.part->rels[ref.index];
    bound::Slot from = ref.part->nodes[ref.index + (from_left ? 0 : 1)].slot;
    bound::Slot to = ref.part->nodes[ref.index + (from_left ? 1 : 0)].slot;
    bool shortest = ref.part->kind != bound::PathKind::kNormal;
    OpKind kind = shortest ? OpKind::kShortestPath
                  : r.var_length ? OpKind::kVarExpand : OpKind::kExpand;
    cur = MakeOp(kind, std::move(cur));
    cur->node = from;
    cur->rel = r.slot;
    cur->target = to;
    cur->types = r.types;
    cur->direction = from_left ? r.direction : Reverse(r.direction);
    cur->into = bound[to];
    cur->rel_bound = bound[r.slot];
    cur->min_hops = r.min_hops;
    cur->max_hops = r.max_hops;
    cur->all_shortest = ref.part->kind == bound::PathKind::kAllShortest;
    cur->distinct_from = match_rels;
    if (r.var_length) cur->rel_properties = r.properties.get();
    cur->reverse = !from_left;
    if (!cur->into) cur->target_labels = labels_of(to);
    bound[to] = true;
    bound[r.slot] = true;
    match_rels.push_back(r.slot);
    ref.planned = true;
  };

  apply_filters();
  for (;;) {
    bool progressed = false;
    // 1. A relationship with a bound end (both bound first: cheapest).
    for (int want_both = 1; want_both >= 0 && !progressed; --want_both) {
      for (RelRef& ref : rels) {
        if (ref.planned) continue;
        bound::Slot l = ref.part->nodes[ref.index].slot;
        bound::Slot r = ref.part->nodes[ref.index + 1].slot;
        bool shortest = ref.part->kind != bound::PathKind::kNormal;
        bool both = is_bound(l) && is_bound(r);
        if (want_both ? both : (!shortest && (is_bound(l) || is_bound(r)))) {
          plan_expand(ref, is_bound(l));
          progressed = true;
          break;
        }
      }
    }
    if (!progressed) {
      // 2. A start node: the cheapest among the unbound nodes.
      bound::Slot best = bound::kNoSlot;
      double best_cost = std::numeric_limits<double>::max();
      for (const bound::PatternPart* part : parts) {
        for (const bound::NodePattern& n : part->nodes) {
          if (is_bound(n.slot)) continue;
          double cost = static_cast<double>(txn_.NodeCount());
          for (const Conjunct& c : conj) {
            if (c.used) continue;
            if (c.label_slot == n.slot) {
              auto id = txn_.FindLabel(c.expr->labels[0].name);
              cost = std::min(cost, id ? static_cast<double>(txn_.LabelCount(*id)) : 0.0);
            }
            if (c.prop_slot == n.slot && c.cmp == bound::CompareOp::kEq) {
              cost = std::min(cost, 1.0 + cost / 10);
            }
          }
          if (cost < best_cost) {
            best_cost = cost;
            best = n.slot;
          }
        }
      }
      if (best == bound::kNoSlot) break;
      plan_start(best);
      progressed = true;
    }
    apply_filters();
  }
  for (const bound::PatternPart* part : parts) {
    if (part->path_slot == bound::kNoSlot) continue;
    cur = MakeOp(OpKind::kProjectPath, std::move(cur));
    cur->slot = part->path_slot;
    cur->part = part;
    bound[part->path_slot] = true;
  }
  for (bound::Slot s : new_slots) bound[s] = true;
  apply_filters();
  return cur;
}

}  // namespace parley::planner
