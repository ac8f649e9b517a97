// Pattern planning: predicates, start points, expansion order and their estimates.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "engine/planner/pattern_planner.h"

namespace parley::planner {

using bound::ExprKind;
using logical::Op;
using logical::OpKind;
using logical::OpPtr;

namespace {

// The work of reading one adjacency entry, relative to producing one row.
constexpr double kEdgeCost = 0.2;
// The work of one index seek (a probe of the storage's sorted keys), relative to producing
// one row: measured on LDBC IC6, 4,524 seeks took 25 times as long as expanding to the
// 4,524 rows they were made for.
constexpr double kIndexSeekCost = 10;

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

// A list whose elements are known when the plan starts: written out, or a parameter.
bool KnownList(const bound::Expr& e) {
  return e.kind == ExprKind::kList ||
         ((e.kind == ExprKind::kParameter || e.kind == ExprKind::kLiteral) && e.value.is_list());
}

// The number of elements of a KnownList.
double ListSize(const bound::Expr& e) {
  return static_cast<double>(e.kind == ExprKind::kList ? e.args.size()
                                                        : e.value.as_list().size());
}

bool OfVariable(const bound::Expr& e) {
  return e.kind == ExprKind::kProperty && e.args[0]->kind == ExprKind::kVariable;
}

void SplitOr(const bound::Expr* e, std::vector<const bound::Expr*>* out) {
  if (e->kind == ExprKind::kOr) {
    SplitOr(e->args[0].get(), out);
    SplitOr(e->args[1].get(), out);
    return;
  }
  out->push_back(e);
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
  if (e->kind == ExprKind::kIn && KnownList(*e->args[1]) && OfVariable(*e->args[0])) {
    const bound::Expr& p = *e->args[0];
    std::vector<bound::Slot> vdeps;
    bound::CollectSlots(*e->args[1], &vdeps);
    bound::Slot s = p.args[0]->slot;
    if (std::find(vdeps.begin(), vdeps.end(), s) == vdeps.end() && !HasSubquery(*e->args[1])) {
      c.prop_slot = s;
      c.key = &p.prop;
      c.property = &p;
      c.value = e->args[1].get();
      c.in_list = true;
    }
  }
  if (e->kind == ExprKind::kCompare &&
      static_cast<bound::CompareOp>(e->op) != bound::CompareOp::kNe) {
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
      c.property = &p;
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

// Puts `cur` in place of the leaf an alternative was planned on: the end of the chain of
// first children (a HashJoin's probe side).
void Graft(OpPtr& tree, OpPtr cur) {
  OpPtr* at = &tree;
  while (!(*at)->children.empty()) at = &(*at)->children[0];
  *at = std::move(cur);
}

}  // namespace

OpPtr Planner::PlanPattern(OpPtr cur, const std::vector<const bound::PatternPart*>& parts,
                           const bound::Expr* where, const std::vector<bound::Slot>& new_slots,
                           bool allow_join) {
  double input_rows = EstimateRows(*cur);
  OpPtr out = PatternPlanner(txn_, plan_, parts, where, new_slots, known_labels_)
                  .Plan(std::move(cur), allow_join, input_rows);
  for (const bound::PatternPart* part : parts) {
    for (const bound::NodePattern& n : part->nodes) {
      std::vector<std::string>& known = known_labels_[n.slot];
      for (const bound::Token& l : n.labels) known.push_back(l.name);
    }
  }
  return out;
}

PatternPlanner::PatternPlanner(const storage::Txn& txn, logical::Plan* plan,
                               const std::vector<const bound::PatternPart*>& parts,
                               const bound::Expr* where,
                               const std::vector<bound::Slot>& new_slots,
                               const KnownLabels& known_labels)
    : txn_(txn),
      stats_(txn),
      plan_(plan),
      q_(*plan->query),
      parts_(parts),
      new_slots_(new_slots),
      known_labels_(known_labels) {
  init_.bound.assign(q_.num_slots, true);
  for (bound::Slot s : new_slots) init_.bound[s] = false;
  for (const bound::PatternPart* part : parts) {
    for (std::size_t i = 0; i < part->rels.size(); ++i) rels_.push_back({part, i});
    for (const bound::NodePattern& n : part->nodes) {
      if (std::find(nodes_.begin(), nodes_.end(), n.slot) == nodes_.end()) {
        nodes_.push_back(n.slot);
      }
    }
  }
  init_.planned.assign(rels_.size(), false);
  CollectPredicates(where);
}

// Inline labels and properties become conjuncts like WHERE's.
void PatternPlanner::CollectPredicates(const bound::Expr* where) {
  std::vector<const bound::Expr*> preds;
  SplitAnd(where, &preds);
  for (const bound::PatternPart* part : parts_) {
    for (const bound::NodePattern& n : part->nodes) {
      for (const bound::Token& l : n.labels) {
        auto e = bound::MakeExpr(ExprKind::kHasLabels, n.pos, {});
        e->args.push_back(bound::MakeVariable(n.slot));
        e->labels.push_back(l);
        plan_->exprs.push_back(std::move(e));
        preds.push_back(plan_->exprs.back().get());
      }
      AddProperties(n.slot, n.properties.get(), &preds);
    }
    for (const bound::RelPattern& r : part->rels) {
      if (!r.var_length) AddProperties(r.slot, r.properties.get(), &preds);
    }
  }
  std::size_t written = preds.size();
  for (std::size_t i = 0; i < written; ++i) {
    if (preds[i]->kind == ExprKind::kOr) AddImpliedIn(*preds[i], &preds);
  }
  for (const bound::Expr* e : preds) init_.conj.push_back(Analyze(e, new_slots_));
  if (!q_.updating) {
    // In a read-only statement a label every node carries filters nothing; keep it only
    // where it could choose a start (a label scan is no worse than all nodes).
    for (Conjunct& c : init_.conj) {
      if (c.label_slot == bound::kNoSlot || init_.bound[c.label_slot]) continue;
      if (txn_.FindLabel(c.expr->labels[0].name) &&
          stats_.Label(c.expr->labels[0].name) == stats_.Nodes()) {
        c.all_nodes = true;
      }
    }
  }
}

void PatternPlanner::AddImpliedIn(const bound::Expr& disjunction,
                                  std::vector<const bound::Expr*>* preds) {
  if (HasSubquery(disjunction)) return;
  std::vector<const bound::Expr*> disjuncts;
  SplitOr(&disjunction, &disjuncts);
  // Per (slot, key) that every disjunct so far constrains: the value each one requires.
  struct Candidate {
    bound::Slot slot;
    const bound::Expr* property;
    std::vector<const bound::Expr*> values;
  };
  std::vector<Candidate> common;
  for (std::size_t d = 0; d < disjuncts.size(); ++d) {
    std::vector<const bound::Expr*> parts;
    SplitAnd(disjuncts[d], &parts);
    std::vector<Candidate> found;
    for (const bound::Expr* part : parts) {
      Conjunct c = Analyze(part, {});
      if (c.prop_slot == bound::kNoSlot || c.in_list || c.cmp != bound::CompareOp::kEq) continue;
      const bound::Expr* property = c.property;
      auto same = [&](const Candidate& k) {
        return k.slot == c.prop_slot && k.property->prop.name == c.key->name;
      };
      if (std::any_of(found.begin(), found.end(), same)) continue;  // one value a disjunct
      if (d == 0) {
        found.push_back({c.prop_slot, property, {c.value}});
      } else {
        auto it = std::find_if(common.begin(), common.end(), same);
        if (it == common.end()) continue;
        Candidate k = *it;
        k.values.push_back(c.value);
        found.push_back(std::move(k));
      }
    }
    common = std::move(found);
    if (common.empty()) return;
  }
  if (disjuncts.size() < 2) return;
  for (const Candidate& k : common) {
    std::vector<bound::ExprPtr> values;
    for (const bound::Expr* v : k.values) values.push_back(bound::CloneExpr(*v));
    std::vector<bound::ExprPtr> args;
    args.push_back(bound::CloneExpr(*k.property));
    args.push_back(bound::MakeExpr(ExprKind::kList, disjunction.pos, std::move(values)));
    plan_->exprs.push_back(bound::MakeExpr(ExprKind::kIn, disjunction.pos, std::move(args)));
    preds->push_back(plan_->exprs.back().get());
  }
}

void PatternPlanner::AddProperties(bound::Slot slot, const bound::Expr* props,
                                   std::vector<const bound::Expr*>* preds) {
  if (props == nullptr) return;
  auto add = [&](const std::string& name, bound::ExprPtr value) {
    auto prop = bound::MakeExpr(ExprKind::kProperty, props->pos, {});
    prop->args.push_back(bound::MakeVariable(slot));
    auto id = txn_.FindPropKey(name);
    prop->prop = bound::Token{name, id ? std::optional<std::uint32_t>(id->value) : std::nullopt};
    std::vector<bound::ExprPtr> args;
    args.push_back(std::move(prop));
    args.push_back(std::move(value));
    auto eq = bound::MakeExpr(ExprKind::kCompare, props->pos, std::move(args));
    eq->op = static_cast<std::uint8_t>(bound::CompareOp::kEq);
    plan_->exprs.push_back(std::move(eq));
    preds->push_back(plan_->exprs.back().get());
  };
  if (props->kind == ExprKind::kMap) {
    for (std::size_t i = 0; i < props->args.size(); ++i) {
      add(props->names[i], bound::CloneExpr(*props->args[i]));
    }
  } else if (props->value.is_map()) {
    plan_->query->bakes_parameters = true;  // the map's entries become constants
    for (const auto& [k, v] : props->value.as_map()) add(k, bound::MakeLiteral(v, props->pos));
  }
}

OpPtr PatternPlanner::Plan(OpPtr cur, bool allow_join, double input_rows) {
  State before = init_;
  // Costs scale with the incoming rows; at least one, so that alternatives still compare.
  before.est.rows = std::max(input_rows, 1.0);
  ApplyFilters(cur, before);  // predicates on what earlier clauses bound
  // Alternatives are planned on a placeholder leaf; the chosen one gets `cur` there.
  State st = before;
  OpPtr plan = MakeOp(OpKind::kArgument);
  plan->est_rows = before.est.rows;
  std::vector<Step> steps;
  if (Search(before, &steps)) {
    for (const Step& step : steps) Apply(plan, st, step);
  } else {
    Greedy(plan, st, {});
  }
  if (allow_join) {
    State joined;
    if (OpPtr join = BestJoin(before, st.est.cost, &joined)) {
      plan = std::move(join);
      st = std::move(joined);
    }
  }
  Graft(plan, std::move(cur));
  cur = std::move(plan);
  for (const bound::PatternPart* part : parts_) {
    if (part->path_slot == bound::kNoSlot) continue;
    cur = MakeOp(OpKind::kProjectPath, std::move(cur));
    cur->est_rows = st.est.rows;
    cur->slot = part->path_slot;
    cur->part = part;
    st.bound[part->path_slot] = true;
  }
  for (bound::Slot s : new_slots_) st.bound[s] = true;
  ApplyFilters(cur, st);
  MarkUnusedRelLists(*cur);
  return cur;
}

void PatternPlanner::MarkUnusedRelLists(logical::Op& root) const {
  std::vector<bound::Slot> needed;  // by a named path or a later uniqueness check
  std::vector<logical::Op*> ops;
  std::vector<logical::Op*> pending{&root};
  while (!pending.empty()) {
    logical::Op* op = pending.back();
    pending.pop_back();
    ops.push_back(op);
    needed.insert(needed.end(), op->distinct_from.begin(), op->distinct_from.end());
    needed.insert(needed.end(), op->build_rels.begin(), op->build_rels.end());
    for (const OpPtr& child : op->children) pending.push_back(child.get());
  }
  for (const RelRef& ref : rels_) {
    bound::Slot rel = ref.rel().slot;
    if (!ref.rel().var_length || ref.part->path_slot != bound::kNoSlot) continue;
    if (!q_.slot_names[rel].starts_with("  ")) continue;  // named: the query may read it
    if (std::find(needed.begin(), needed.end(), rel) != needed.end()) continue;
    for (logical::Op* op : ops) {
      if (op->kind == OpKind::kVarExpand && op->rel == rel && !op->rel_bound) {
        op->rel_unused = true;
      }
    }
  }
}

void PatternPlanner::ApplyFilters(OpPtr& cur, State& st) const {
  auto is_bound = [&](bound::Slot s) { return static_cast<bool>(st.bound[s]); };
  // Up to kFilterChain conjuncts ready here get a Filter each (EXPLAIN shows each); more
  // (thousands of inline labels or properties) share one, so the plan stays shallow.
  constexpr std::size_t kFilterChain = 16;
  std::vector<const Conjunct*> ready;
  std::vector<double> rows_after;  // the estimate after each of `ready`
  for (Conjunct& c : st.conj) {
    if (c.used || !std::all_of(c.deps.begin(), c.deps.end(), is_bound)) continue;
    c.used = true;
    if (c.all_nodes) continue;
    ready.push_back(&c);
    st.est.cost += st.est.rows;
    st.est.rows *= Selectivity(c);
    rows_after.push_back(st.est.rows);
  }
  if (ready.size() > kFilterChain) {
    cur = MakeOp(OpKind::kFilter, std::move(cur));
    cur->expr = ready[0]->expr;
    cur->est_rows = st.est.rows;
    for (std::size_t i = 1; i < ready.size(); ++i) cur->more_conjuncts.push_back(ready[i]->expr);
    return;
  }
  for (std::size_t i = 0; i < ready.size(); ++i) {
    cur = MakeOp(OpKind::kFilter, std::move(cur));
    cur->expr = ready[i]->expr;
    cur->est_rows = rows_after[i];
  }
}

std::vector<bound::Token> PatternPlanner::TakeLabels(State& st, bound::Slot node) const {
  std::vector<bound::Token> out;
  for (Conjunct& c : st.conj) {
    if (!c.used && c.label_slot == node) {
      if (!c.all_nodes) out.push_back(c.expr->labels[0]);
      c.used = true;
    }
  }
  return out;
}

void PatternPlanner::Greedy(OpPtr& cur, State& st, const std::vector<bool>& subset) const {
  auto in_subset = [&](std::size_t i) { return subset.empty() || subset[i]; };
  for (;;) {
    bool progressed = false;
    // 1. A relationship with a bound end: both bound first (it only filters), else the
    // expansion estimated to yield the fewest rows.
    std::optional<Step> next;
    double fewest = std::numeric_limits<double>::max();
    for (const Step& step : NextSteps(st, false)) {
      if (!in_subset(step.rel)) continue;
      const RelRef& ref = rels_[step.rel];
      if (st.bound[ref.left()] && st.bound[ref.right()]) {
        next = step;
        break;
      }
      State trial = st;
      OpPtr scratch = MakeOp(OpKind::kArgument);
      PlanExpand(scratch, trial, step.rel, step.from_left);
      if (trial.est.rows < fewest) {
        fewest = trial.est.rows;
        next = step;
      }
    }
    if (next) {
      PlanExpand(cur, st, next->rel, next->from_left);
      progressed = true;
    }
    if (!progressed) {
      // 2. A start node: the cheapest among the unbound nodes. Past kMaxWeighedStarts
      // candidates (a MATCH of hundreds of separate nodes) each is weighed by its nodes
      // alone: weighing its filters copies the state, which made planning cubic in the
      // pattern's size (a second for 250 patterns).
      constexpr std::size_t kMaxWeighedStarts = 32;
      bound::Slot best = bound::kNoSlot;
      double best_cost = std::numeric_limits<double>::max();
      std::vector<bound::Slot> candidates;
      auto collect = [&](bound::Slot node) {
        if (!st.bound[node] &&
            std::find(candidates.begin(), candidates.end(), node) == candidates.end()) {
          candidates.push_back(node);
        }
      };
      if (subset.empty()) {
        for (const bound::PatternPart* part : parts_) {
          for (const bound::NodePattern& n : part->nodes) collect(n.slot);
        }
      } else {
        for (std::size_t i = 0; i < rels_.size(); ++i) {
          if (!in_subset(i)) continue;
          collect(rels_[i].left());
          collect(rels_[i].right());
        }
      }
      bool weigh = candidates.size() <= kMaxWeighedStarts;
      for (bound::Slot node : candidates) {
        double cost = weigh ? StartCost(st, node) : NodesOf(st, node);
        if (cost < best_cost) {
          best_cost = cost;
          best = node;
        }
      }
      if (best == bound::kNoSlot) break;
      PlanStart(cur, st, best);
    }
    ApplyFilters(cur, st);
  }
}

double PatternPlanner::StartCost(const State& st, bound::Slot node) const {
  // The rows left once the start and the filters it allows are planned: rows a filter
  // removes at the start are rows no expansion has to follow.
  State trial = st;
  OpPtr scratch = MakeOp(OpKind::kArgument);
  Apply(scratch, trial, Step{false, node, 0, true});
  return trial.est.rows;
}

std::vector<PatternPlanner::Step> PatternPlanner::NextSteps(const State& st, bool starts) const {
  std::vector<Step> out;
  for (std::size_t i = 0; i < rels_.size(); ++i) {
    if (st.planned[i]) continue;
    bool l = st.bound[rels_[i].left()], r = st.bound[rels_[i].right()];
    // A shortest path is searched between two bound ends.
    bool shortest = rels_[i].part->kind != bound::PathKind::kNormal;
    if ((l && r) || (!shortest && (l || r))) out.push_back(Step{true, bound::kNoSlot, i, l});
  }
  if (starts) {
    for (bound::Slot node : nodes_) {
      if (!st.bound[node]) out.push_back(Step{false, node, 0, true});
    }
  }
  return out;
}

void PatternPlanner::Apply(OpPtr& cur, State& st, const Step& step) const {
  if (step.expand) {
    PlanExpand(cur, st, step.rel, step.from_left);
  } else {
    PlanStart(cur, st, step.node);
  }
  ApplyFilters(cur, st);
}

bool PatternPlanner::Search(const State& start, std::vector<Step>* steps) const {
  // Past these sizes the number of partial plans grows too fast to weigh them all.
  constexpr std::size_t kMaxPartials = 20000;
  // A second start only where nothing expands (a pattern of separate parts): two starts
  // that meet are a hash join's halves, which BestJoin weighs.
  constexpr std::size_t kMaxStarts = 1;
  if (rels_.size() > kMaxSearchRels || nodes_.size() > 2 * kMaxSearchRels) return false;
  struct Partial {
    State st;
    std::vector<Step> steps;
    std::size_t starts = 0;
  };
  auto key = [&](const State& st) {
    std::uint64_t k = 0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (st.bound[nodes_[i]]) k |= std::uint64_t{1} << i;
    }
    for (std::size_t i = 0; i < rels_.size(); ++i) {
      if (st.planned[i]) k |= std::uint64_t{1} << (32 + i);
    }
    return k;
  };
  std::map<std::uint64_t, Partial> layer;
  layer.emplace(key(start), Partial{start, {}, 0});
  std::optional<Partial> best;
  std::size_t weighed = 0;
  while (!layer.empty()) {
    std::map<std::uint64_t, Partial> next;
    for (auto& [k, p] : layer) {
      std::vector<Step> options = NextSteps(p.st, true);
      if (options.empty()) {  // everything is bound
        if (!best || p.st.est.cost < best->st.est.cost) best = std::move(p);
        continue;
      }
      bool expands = std::any_of(options.begin(), options.end(),
                                 [](const Step& s) { return s.expand; });
      for (const Step& step : options) {
        if (!step.expand && expands && p.starts >= kMaxStarts) continue;
        if (++weighed > kMaxPartials) return false;
        Partial q{p.st, p.steps, p.starts + (step.expand ? 0 : 1)};
        OpPtr scratch = MakeOp(OpKind::kArgument);
        Apply(scratch, q.st, step);
        q.steps.push_back(step);
        std::uint64_t qk = key(q.st);
        auto it = next.find(qk);
        if (it == next.end()) {
          next.emplace(qk, std::move(q));
        } else if (q.st.est.cost < it->second.st.est.cost) {
          it->second = std::move(q);
        }
      }
    }
    layer = std::move(next);
  }
  if (!best) return false;
  *steps = std::move(best->steps);
  return true;
}

void PatternPlanner::PlanStart(OpPtr& cur, State& st, bound::Slot node) const {
  // Cheapest access: index seek < smallest label < all nodes.
  auto is_bound = [&](bound::Slot s) { return static_cast<bool>(st.bound[s]); };
  double best = stats_.Nodes() + 1;
  double scanned = stats_.Nodes();
  Conjunct* best_label = nullptr;
  Conjunct* best_index = nullptr;
  for (Conjunct& c : st.conj) {
    if (c.used || c.label_slot != node) continue;
    double count = stats_.Label(c.expr->labels[0].name);
    if (count < best) {
      best = scanned = count;
      best_label = &c;
    }
  }
  for (Conjunct& lc : st.conj) {
    if (lc.label_slot != node) continue;
    const std::string& label = lc.expr->labels[0].name;
    for (Conjunct& c : st.conj) {
      if (c.used || c.prop_slot != node) continue;
      std::vector<bound::Slot> vdeps;
      bound::CollectSlots(*c.value, &vdeps);
      if (!std::all_of(vdeps.begin(), vdeps.end(), is_bound)) continue;
      if (!stats_.Indexed(label, c.key->name)) continue;
      double cost = c.cmp == bound::CompareOp::kEq
                        ? stats_.EqualitySeekRows(label, c.key->name)
                        : stats_.Label(label) *
                              stats_.RangeFraction(c.key->name, c.cmp, *c.value).value_or(1.0 / 3);
      if (c.in_list) cost = std::min(cost * ListSize(*c.value), stats_.Label(label));
      if (cost < best || (best_index == nullptr && cost <= best)) {
        best = scanned = cost;
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
      case bound::CompareOp::kEq:
        cur->expr = best_index->value;
        cur->in_list = best_index->in_list;
        break;
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
    if (best_index->cmp == bound::CompareOp::kEq && !best_index->in_list) {
      // An equality seek yields exactly the nodes whose value is `=` to the one sought
      // (numbers across integer and float, never NaN or null: Txn::IndexSeek): its
      // predicate needs no Filter.
      best_index->used = true;
    } else {
      // The predicate stays a Filter above the seek; for the estimate it keeps every row.
      best_index->seek = true;
    }
  } else if (best_label != nullptr) {
    cur = MakeOp(OpKind::kLabelScan, std::move(cur));
    cur->labels.push_back(best_label->expr->labels[0]);
    best_label->used = true;
  } else {
    cur = MakeOp(OpKind::kAllNodesScan, std::move(cur));
  }
  cur->node = node;
  st.bound[node] = true;
  double probe = best_index != nullptr ? kIndexSeekCost : 0.0;
  st.est.cost += st.est.rows * (probe + std::max(scanned, 1.0));
  st.est.rows *= scanned;
  cur->est_rows = st.est.rows;
}

void PatternPlanner::PlanExpand(OpPtr& cur, State& st, std::size_t index, bool from_left) const {
  const RelRef& ref = rels_[index];
  const bound::RelPattern& r = ref.rel();
  bound::Slot from = from_left ? ref.left() : ref.right();
  bound::Slot to = from_left ? ref.right() : ref.left();
  bool shortest = ref.part->kind != bound::PathKind::kNormal;
  double degree = Degree(st, ref, from_left);
  double to_nodes = NodesOf(st, to);
  OpKind kind = shortest ? OpKind::kShortestPath
                : r.var_length ? OpKind::kVarExpand : OpKind::kExpand;
  cur = MakeOp(kind, std::move(cur));
  cur->node = from;
  cur->rel = r.slot;
  cur->target = to;
  cur->types = r.types;
  cur->direction = from_left ? r.direction : Reverse(r.direction);
  cur->into = st.bound[to];
  cur->rel_bound = st.bound[r.slot];
  cur->min_hops = r.min_hops;
  cur->max_hops = r.max_hops;
  cur->all_shortest = ref.part->kind == bound::PathKind::kAllShortest;
  cur->distinct_from = st.match_rels;
  if (r.var_length) cur->rel_properties = r.properties.get();
  cur->reverse = !from_left;
  if (!cur->into) cur->target_labels = TakeLabels(st, to);
  // Every adjacency entry is read; only the matching ones cost a row.
  double fanout = cur->into ? std::min(1.0, degree / std::max(to_nodes, 1.0)) : degree;
  double out = st.est.rows * fanout;
  st.est.cost += st.est.rows * (1 + degree * kEdgeCost) + out;
  st.est.rows = out;
  if (r.types.empty()) {
    // A relationship type usually implies its end's labels; without one, labels filter.
    for (const bound::Token& l : cur->target_labels) st.est.rows *= LabelFraction(l);
  }
  cur->est_rows = st.est.rows;
  st.bound[to] = true;
  st.bound[r.slot] = true;
  st.match_rels.push_back(r.slot);
  st.planned[index] = true;
}

}  // namespace parley::planner
