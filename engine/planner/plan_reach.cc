// Folding a chain of expansions into one kReachDistinct where only the distinct far ends
// matter (planner.h).
#include <algorithm>

#include "engine/planner/planner.h"

namespace parley::planner {
namespace {

using logical::Op;
using logical::OpKind;
using logical::OpPtr;

bool Anonymous(const bound::Query& q, bound::Slot s) {
  return q.slot_names[s].starts_with("  ");
}

bool ReadsSubquery(const bound::Expr& e) {
  if (e.kind == bound::ExprKind::kSubquery) return true;
  for (const auto& a : e.args) {
    if (a && ReadsSubquery(*a)) return true;
  }
  return false;
}

// An expansion the chain may take in: it binds a new far node, and nothing reads its
// relationships (anonymous, outside any path, no property map to test).
bool Foldable(const bound::Query& q, const Op& op) {
  if (op.kind != OpKind::kExpand && op.kind != OpKind::kVarExpand) return false;
  if (op.kind == OpKind::kVarExpand && op.rel_properties != nullptr) return false;
  return !op.into && !op.rel_bound && Anonymous(q, op.rel);
}

}  // namespace

bool Planner::DuplicatesDoNotMatter(const bound::Projection& p) const {
  if (!p.aggregating) return p.distinct;
  for (const bound::AggregateCall& a : p.aggregates) {
    // collect(DISTINCT x) keeps the order rows came in, which folding changes.
    bool set_like = (a.distinct && a.function != "collect") || a.function == "min" ||
                    a.function == "max";
    if (!set_like) return false;
  }
  return !p.aggregates.empty();
}

Op* Planner::FoldDistinctReach(OpPtr& cur) const {
  const bound::Query& q = *plan_->query;
  if (q.updating) return nullptr;
  // Filters over the chain's far end stay above it.
  OpPtr* top = &cur;
  std::vector<const Op*> filters;
  while ((*top)->kind == OpKind::kFilter) {
    filters.push_back(top->get());
    top = &(*top)->children[0];
  }
  std::vector<Op*> chain;  // from the last expansion down to the first
  OpPtr* below = top;
  while (Foldable(q, **below) && (chain.empty() || chain.back()->node == (*below)->target)) {
    chain.push_back(below->get());
    below = &(*below)->children[0];
  }
  // Every far node but the last is anonymous: nothing else reads it.
  while (!chain.empty()) {
    bool inner_anonymous = true;
    for (std::size_t i = 1; i < chain.size(); ++i) {
      inner_anonymous = inner_anonymous && Anonymous(q, chain[i]->target);
    }
    if (inner_anonymous) break;
    chain.pop_back();
  }
  if (chain.empty()) return nullptr;
  below = &chain.back()->children[0];
  // The chain's relationships differ only from each other, not from others the MATCH bound.
  std::vector<bound::Slot> rels;
  std::int64_t longest = 0;
  for (const Op* op : chain) {
    rels.push_back(op->rel);
    longest += op->max_hops < 0 ? 2 : op->max_hops;
  }
  for (const Op* op : chain) {
    for (bound::Slot s : op->distinct_from) {
      if (std::find(rels.begin(), rels.end(), s) == rels.end()) return nullptr;
    }
  }
  // One single expansion gains nothing from it.
  if (longest < 2 && chain.size() == 1 && chain[0]->kind == OpKind::kExpand) return nullptr;
  std::vector<bound::Slot> inner;
  for (std::size_t i = 1; i < chain.size(); ++i) inner.push_back(chain[i]->target);
  for (const Op* f : filters) {
    std::vector<const bound::Expr*> exprs{f->expr};
    exprs.insert(exprs.end(), f->more_conjuncts.begin(), f->more_conjuncts.end());
    for (const bound::Expr* e : exprs) {
      if (ReadsSubquery(*e)) return nullptr;
      std::vector<bound::Slot> read;
      bound::CollectSlots(*e, &read);
      for (bound::Slot s : read) {
        if (std::find(inner.begin(), inner.end(), s) != inner.end()) return nullptr;
        if (std::find(rels.begin(), rels.end(), s) != rels.end()) return nullptr;
      }
    }
  }

  auto reach = std::make_unique<Op>(OpKind::kReachDistinct);
  reach->node = chain.back()->node;
  reach->target = chain.front()->target;
  reach->est_rows = chain.front()->est_rows;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Op& op = **it;
    logical::Hop hop;
    hop.types = op.types;
    hop.target_labels = op.target_labels;
    hop.direction = op.direction;
    if (op.kind == OpKind::kVarExpand) {
      hop.min_hops = op.min_hops;
      hop.max_hops = op.max_hops;
    }
    reach->hops.push_back(std::move(hop));
  }
  reach->children.push_back(std::move(*below));
  Op* made = reach.get();
  *top = std::move(reach);  // frees the expansions it replaces
  return made;
}

}  // namespace parley::planner
