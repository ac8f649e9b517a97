#include "engine/planner/planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "parley/error.h"

namespace parley::planner {

using logical::Op;
using logical::OpKind;
using logical::OpPtr;

OpPtr MakeOp(OpKind kind, OpPtr child) {
  auto op = std::make_unique<Op>(kind);
  if (child) op->children.push_back(std::move(child));
  return op;
}

logical::Plan Planner::Plan(std::shared_ptr<bound::Query> query) {
  logical::Plan plan;
  plan.query = query;
  plan.columns = query->columns;
  plan.output_slots = query->output_slots;
  plan.num_slots = query->num_slots;
  plan.updating = query->updating;
  plan_ = &plan;
  plan.subplans.resize(query->subqueries.size());
  for (std::size_t i = 0; i < query->subqueries.size(); ++i) {
    plan.subplans[i] = PlanSubquery(query->subqueries[i]);
  }
  if (query->parts.size() == 1) {
    plan.root = PlanPart(query->parts[0]);
  } else {
    auto u = MakeOp(OpKind::kUnion);
    for (const bound::SingleQuery& part : query->parts) u->children.push_back(PlanPart(part));
    if (!query->union_all.empty() && !query->union_all[0]) {
      u = MakeOp(OpKind::kDistinct, std::move(u));
      u->slots = query->output_slots;
    }
    plan.root = std::move(u);
  }
  plan_ = nullptr;
  CheckPlanDepth(plan);
  // Every operator gets an estimate, including those under ones the pattern planner made.
  std::vector<logical::Op*> pending;
  if (plan.root) pending.push_back(plan.root.get());
  for (OpPtr& sub : plan.subplans) {
    if (sub) pending.push_back(sub.get());
  }
  while (!pending.empty()) {
    logical::Op* op = pending.back();
    pending.pop_back();
    if (op->est_rows < 0) EstimateRows(*op);
    for (OpPtr& child : op->children) pending.push_back(child.get());
  }
  return plan;
}

namespace {

// The value of a LIMIT or top-N count known when planning (a literal or parameter).
std::optional<double> KnownCount(const bound::Expr* e) {
  if (e == nullptr) return std::nullopt;
  if (e->kind != bound::ExprKind::kLiteral && e->kind != bound::ExprKind::kParameter) {
    return std::nullopt;
  }
  if (!e->value.is_number()) return std::nullopt;
  return std::max(e->value.as_number(), 0.0);
}

// Distinct groups among `rows` input rows when nothing is known of the keys' values.
double Groups(double rows) { return rows <= 1 ? rows : std::sqrt(rows); }

}  // namespace

double EstimateRows(logical::Op& op) {
  // Walks down the chain of first children without recursion (plans can be deep), then
  // estimates back up.
  std::vector<logical::Op*> chain;
  for (logical::Op* at = &op; at != nullptr && at->est_rows < 0;
       at = at->children.empty() ? nullptr : at->children[0].get()) {
    chain.push_back(at);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    logical::Op& o = **it;
    double in = o.children.empty() ? 1.0 : o.children[0]->est_rows;
    for (std::size_t i = 1; i < o.children.size(); ++i) EstimateRows(*o.children[i]);
    double rows = in;
    switch (o.kind) {
      case OpKind::kArgument: rows = 1; break;
      case OpKind::kFilter: rows = in * 0.5; break;  // unknown selectivity
      case OpKind::kAggregate:
        rows = o.projection->group_keys.empty() ? 1.0 : Groups(in);
        break;
      case OpKind::kDistinct: rows = Groups(in); break;
      case OpKind::kSort:
      case OpKind::kLimit:
        if (std::optional<double> n = KnownCount(o.expr)) rows = std::min(in, *n);
        break;
      case OpKind::kUnwind: {
        double size = o.expr->kind == bound::ExprKind::kList
                          ? static_cast<double>(o.expr->args.size())
                          : 10.0;  // unknown list length
        rows = in * size;
        break;
      }
      case OpKind::kOptional:
        rows = in * std::max(1.0, o.children[1]->est_rows);
        break;
      case OpKind::kUnion:
        rows = 0;
        for (const OpPtr& c : o.children) rows += c->est_rows;
        break;
      default: break;  // one row out per row in
    }
    o.est_rows = rows;
  }
  return op.est_rows;
}

namespace {

// The depth of the deepest operator under `root`, found without recursion.
std::size_t PlanDepth(const logical::Op& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const logical::Op*, std::size_t>> pending{{&root, 1}};
  while (!pending.empty()) {
    auto [op, depth] = pending.back();
    pending.pop_back();
    deepest = std::max(deepest, depth);
    for (const OpPtr& child : op->children) pending.emplace_back(child.get(), depth + 1);
  }
  return deepest;
}

}  // namespace

void Planner::CheckPlanDepth(const logical::Plan& plan) {
  std::size_t depth = plan.root ? PlanDepth(*plan.root) : 0;
  for (const OpPtr& sub : plan.subplans) {
    if (sub) depth = std::max(depth, PlanDepth(*sub));
  }
  if (depth > kMaxPlanDepth) {
    throw Error(ErrorKind::kSyntaxError, "QueryTooComplex",
                fmt::format("The query is too long to run: its plan is {} operators deep, more "
                            "than {} (a pattern or a chain of clauses that long); split it into "
                            "several statements",
                            depth, kMaxPlanDepth));
  }
}

OpPtr Planner::PlanSubquery(const bound::Subquery& sub) {
  bool saved_read = pending_read_, saved_write = pending_write_;
  in_subquery_ = true;
  OpPtr op = PlanClauses(MakeOp(OpKind::kArgument), sub.clauses);
  in_subquery_ = false;
  pending_read_ = saved_read;
  pending_write_ = saved_write;
  return op;
}

OpPtr Planner::PlanPart(const bound::SingleQuery& part) {
  pending_read_ = pending_write_ = wrote_ = false;
  return PlanClauses(MakeOp(OpKind::kArgument), part.clauses);
}

namespace {

bool IsWrite(const bound::Clause& c) {
  return std::holds_alternative<bound::Create>(c) || std::holds_alternative<bound::Merge>(c) ||
         std::holds_alternative<bound::SetClause>(c) || std::holds_alternative<bound::Remove>(c) ||
         std::holds_alternative<bound::Delete>(c);
}

bool IsRead(const bound::Clause& c) {
  return std::holds_alternative<bound::Match>(c) || std::holds_alternative<bound::Merge>(c) ||
         std::holds_alternative<bound::Call>(c);
}

}  // namespace

OpPtr Planner::PlanClauses(OpPtr cur, const std::vector<bound::Clause>& clauses) {
  for (const bound::Clause& c : clauses) {
    // Every clause is applied to all the rows it receives before the next clause sees any
    // of them: a write is made eager before any clause other than another write (a later
    // projection may stop pulling early, under LIMIT, or read what the write changed), and
    // a write after reads before it starts.
    bool eager = (IsWrite(c) && pending_read_) || (!IsWrite(c) && pending_write_) ||
                 (std::holds_alternative<bound::Merge>(c) && pending_write_);
    if (eager) {
      cur = MakeOp(OpKind::kEager, std::move(cur));
      pending_read_ = pending_write_ = false;
    }
    if (IsRead(c)) pending_read_ = true;
    if (IsWrite(c)) pending_write_ = wrote_ = true;
    if (const auto* m = std::get_if<bound::Match>(&c)) {
      cur = PlanMatch(std::move(cur), *m);
    } else if (const auto* u = std::get_if<bound::Unwind>(&c)) {
      cur = MakeOp(OpKind::kUnwind, std::move(cur));
      cur->expr = u->list.get();
      cur->slot = u->slot;
    } else if (const auto* p = std::get_if<bound::Projection>(&c)) {
      cur = PlanProjection(std::move(cur), *p);
    } else if (const auto* cr = std::get_if<bound::Create>(&c)) {
      cur = MakeOp(OpKind::kCreate, std::move(cur));
      cur->create = cr;
    } else if (const auto* mg = std::get_if<bound::Merge>(&c)) {
      OpPtr match =
          PlanPattern(MakeOp(OpKind::kArgument), {&mg->part}, nullptr, mg->new_slots, false);
      cur = MakeOp(OpKind::kMerge, std::move(cur));
      cur->children.push_back(std::move(match));
      cur->merge = mg;
    } else if (const auto* s = std::get_if<bound::SetClause>(&c)) {
      cur = MakeOp(OpKind::kSet, std::move(cur));
      cur->set_items = &s->items;
    } else if (const auto* r = std::get_if<bound::Remove>(&c)) {
      cur = MakeOp(OpKind::kRemove, std::move(cur));
      cur->set_items = &r->items;
    } else if (const auto* d = std::get_if<bound::Delete>(&c)) {
      cur = MakeOp(OpKind::kDelete, std::move(cur));
      cur->del = d;
    } else if (const auto* call = std::get_if<bound::Call>(&c)) {
      cur = MakeOp(OpKind::kCall, std::move(cur));
      cur->call = call;
      if (call->where) {
        cur = MakeOp(OpKind::kFilter, std::move(cur));
        cur->expr = call->where.get();
      }
    }
  }
  return cur;
}

bool Planner::CountsOnlyRows(const bound::Projection& p) const {
  for (const auto& a : p.aggregates) {
    if (!a.count_star) return false;
  }
  return !p.aggregates.empty();
}

bool Planner::CountsDistinct(const bound::Projection& p, bound::Slot slot) const {
  if (!p.aggregating || !p.group_keys.empty() || p.aggregates.size() != 1) return false;
  const bound::AggregateCall& a = p.aggregates[0];
  return a.function == "count" && a.distinct && a.args.size() == 1 &&
         a.args[0]->kind == bound::ExprKind::kVariable && a.args[0]->slot == slot;
}

int Planner::UniqueGroupKey(const bound::Projection& p, const logical::Op& input) const {
  // Operators that pass on at most one row per row they read, down to a scan read once.
  const logical::Op* op = &input;
  while (op->kind == OpKind::kExpandCount || op->kind == OpKind::kFilter ||
         op->kind == OpKind::kNodeCheck) {
    op = op->children[0].get();
  }
  if (op->kind != OpKind::kLabelScan && op->kind != OpKind::kAllNodesScan) return -1;
  if (op->children[0]->kind != OpKind::kArgument) return -1;
  auto is_node = [&](const bound::Expr* e) {
    return e != nullptr && e->kind == bound::ExprKind::kVariable && e->slot == op->node;
  };
  for (std::size_t k = 0; k < p.group_keys.size(); ++k) {
    const bound::Expr& key = *p.group_keys[k].expr;
    if (is_node(&key)) return static_cast<int>(k);
    if (key.kind != bound::ExprKind::kProperty || key.args.empty() ||
        !is_node(key.args[0].get()) || op->kind != OpKind::kLabelScan) {
      continue;
    }
    auto label = txn_.FindLabel(op->labels[0].name);
    auto prop = txn_.FindPropKey(key.prop.name);
    if (!label || !prop) continue;
    for (const storage::IndexInfo& index : txn_.Indexes()) {
      if (index.unique && index.label == *label && index.key == *prop) {
        return static_cast<int>(k);
      }
    }
  }
  return -1;
}

bool Planner::CountableExpand(const logical::Op& op) const {
  const bound::Query& q = *plan_->query;
  auto anonymous = [&](bound::Slot s) { return q.slot_names[s].starts_with("  "); };
  return op.kind == OpKind::kExpand && !op.into && !op.rel_bound && op.target_labels.empty() &&
         op.distinct_from.empty() && anonymous(op.rel) && anonymous(op.target) && !q.updating;
}

namespace {

bool ReadsSubquery(const bound::Expr& e) {
  if (e.kind == bound::ExprKind::kSubquery) return true;
  for (const auto& a : e.args) {
    if (a && ReadsSubquery(*a)) return true;
  }
  return false;
}

}  // namespace

std::vector<const bound::ProjectionItem*> Planner::LateItems(
    const bound::Projection& p, std::vector<const bound::ProjectionItem*>* items) const {
  if (p.aggregating || p.distinct || p.order_by.empty() || !p.limit || plan_->query->updating) {
    return {};
  }
  std::vector<bound::Slot> sorted_by;
  for (const bound::SortItem& s : p.order_by) {
    if (ReadsSubquery(*s.expr)) return {};
    bound::CollectSlots(*s.expr, &sorted_by);
  }
  auto read_by_sort = [&](const bound::ProjectionItem* item) {
    return std::find(sorted_by.begin(), sorted_by.end(), item->slot) != sorted_by.end();
  };
  std::vector<const bound::ProjectionItem*> early, late;
  for (const bound::ProjectionItem* item : *items) {
    (read_by_sort(item) ? early : late).push_back(item);
  }
  // A late item must read what it would have read before the sort: no slot an early one
  // writes.
  std::vector<bound::Slot> read_late;
  for (const bound::ProjectionItem* item : late) {
    if (ReadsSubquery(*item->expr) && !early.empty()) return {};
    bound::CollectSlots(*item->expr, &read_late);
  }
  for (const bound::ProjectionItem* item : early) {
    if (std::find(read_late.begin(), read_late.end(), item->slot) != read_late.end()) return {};
  }
  *items = std::move(early);
  return late;
}

OpPtr Planner::PlanProjection(OpPtr cur, const bound::Projection& p) {
  std::vector<bound::Slot> out_slots;
  bound::Slot weight = bound::kNoSlot;
  if (DuplicatesDoNotMatter(p)) {
    logical::Op* reach = FoldDistinctReach(cur);
    if (reach != nullptr && reach == cur.get() && CountsDistinct(p, reach->target)) {
      // count(DISTINCT end) alone: the operator counts the ends, one row in all.
      reach->distinct = true;
      reach->est_rows = 1;
      weight = reach->target;
    }
  }
  if (p.aggregating) {
    if (CountsOnlyRows(p) && CountableExpand(*cur)) {
      // count(*) over an expansion whose far end and relationship nobody reads: count the
      // node's relationships instead of producing a row for each.
      cur->kind = OpKind::kExpandCount;
      weight = cur->rel;
    }
    int unique_key = UniqueGroupKey(p, *cur);
    cur = MakeOp(OpKind::kAggregate, std::move(cur));
    cur->weight = weight;
    cur->unique_group_key = unique_key;
    cur->projection = &p;
    for (const auto& k : p.group_keys) out_slots.push_back(k.slot);
  }
  std::vector<const bound::ProjectionItem*> items;
  for (const auto& item : p.items) {
    out_slots.push_back(item.slot);
    bool identity = item.expr->kind == bound::ExprKind::kVariable && item.expr->slot == item.slot;
    if (!identity) items.push_back(&item);
  }
  std::vector<const bound::ProjectionItem*> late = LateItems(p, &items);
  if (!items.empty()) {
    cur = MakeOp(OpKind::kProjection, std::move(cur));
    cur->items = std::move(items);
  }
  if (p.distinct) {
    cur = MakeOp(OpKind::kDistinct, std::move(cur));
    cur->slots = out_slots;
  }
  if (!p.order_by.empty()) {
    cur = MakeOp(OpKind::kSort, std::move(cur));
    cur->sort_items = &p.order_by;
    if (p.limit && !p.skip) cur->expr = p.limit.get();  // top-N
  }
  if (p.skip) {
    cur = MakeOp(OpKind::kSkip, std::move(cur));
    cur->expr = p.skip.get();
  }
  if (p.limit) {
    cur = MakeOp(OpKind::kLimit, std::move(cur));
    cur->expr = p.limit.get();
    // LIMIT 0 pulls nothing, and a LIMIT stops pulling once reached: over writes, its
    // input is run to the end all the same, so that every row's update is made.
    cur->drain_input = wrote_;
  }
  if (!late.empty()) {
    cur = MakeOp(OpKind::kProjection, std::move(cur));
    cur->items = std::move(late);
  }
  if (p.where) {
    cur = MakeOp(OpKind::kFilter, std::move(cur));
    cur->expr = p.where.get();
  }
  return cur;
}

OpPtr Planner::PlanMatch(OpPtr cur, const bound::Match& m) {
  std::vector<const bound::PatternPart*> parts;
  for (const auto& p : m.parts) parts.push_back(&p);
  if (!m.optional) {
    // A hash join reads its build side ahead of the rows that come in: only in statements
    // that do not write, and not in sub-plans run once per row.
    bool allow_join = !plan_->query->updating && !in_subquery_;
    return PlanPattern(std::move(cur), parts, m.where.get(), m.new_slots, allow_join);
  }
  // OPTIONAL MATCH runs per input row and nulls its slots when nothing matches: expanding
  // from the bound nodes serves it; a join's build side would be rebuilt for every row.
  OpPtr inner = PlanPattern(MakeOp(OpKind::kArgument), parts, m.where.get(), m.new_slots, false);
  auto op = MakeOp(OpKind::kOptional, std::move(cur));
  op->children.push_back(std::move(inner));
  op->slots = m.new_slots;
  return op;
}

logical::Plan Rewrite(logical::Plan plan) { return plan; }

}  // namespace parley::planner
