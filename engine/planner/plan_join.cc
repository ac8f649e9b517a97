// Hash joins where two independently planned halves of a pattern meet, and the statistics
// the pattern estimates use.
#include <algorithm>
#include <cmath>

#include "engine/planner/pattern_planner.h"

namespace parley::planner {

using logical::OpKind;
using logical::OpPtr;

namespace {

// Splits are enumerated exhaustively; past this many relationships the greedy plan stands.
constexpr std::size_t kMaxJoinRels = 8;
// Materialising a build row costs more than streaming a probe row.
constexpr double kBuildRowCost = 2.0;

}  // namespace

double Statistics::Nodes() {
  if (nodes_ < 0) nodes_ = static_cast<double>(txn_.NodeCount());
  return nodes_;
}

double Statistics::Rels() {
  if (rels_ < 0) rels_ = static_cast<double>(txn_.RelCount());
  return rels_;
}

double Statistics::Label(const std::string& label) {
  auto it = labels_.find(label);
  if (it != labels_.end()) return it->second;
  auto id = txn_.FindLabel(label);
  return labels_[label] = id ? static_cast<double>(txn_.LabelCount(*id)) : 0.0;
}

double Statistics::Type(const std::string& type) {
  auto it = types_.find(type);
  if (it != types_.end()) return it->second;
  auto id = txn_.FindRelType(type);
  return types_[type] = id ? static_cast<double>(txn_.RelTypeCount(*id)) : 0.0;
}

bool Statistics::Indexed(const std::string& label, const std::string& key) {
  auto at = std::make_pair(label, key);
  auto it = indexes_.find(at);
  if (it != indexes_.end()) return it->second;
  auto label_id = txn_.FindLabel(label);
  auto key_id = txn_.FindPropKey(key);
  return indexes_[at] = label_id && key_id && txn_.HasIndex(*label_id, *key_id);
}

std::optional<storage::NumericRange> Statistics::Range(const std::string& key) {
  auto it = ranges_.find(key);
  if (it == ranges_.end()) {
    auto id = txn_.FindPropKey(key);
    it = ranges_.emplace(key, id ? txn_.NumericPropertyRange(*id) : std::nullopt).first;
  }
  return it->second;
}

double Statistics::EqualitySeekRows(const std::string& label, const std::string& key) {
  double nodes = Label(label);
  if (nodes <= 1) return nodes;
  auto label_id = txn_.FindLabel(label);
  auto key_id = txn_.FindPropKey(key);
  if (label_id && key_id && txn_.HasUniqueConstraint(*label_id, *key_id)) return 1;
  // Distinct values: integer keys take at most as many as their range is wide (ids spread
  // over a wide range are close to unique); otherwise unknown, and a default applies.
  double distinct = 1.0 / kEqualitySelectivity;
  if (std::optional<storage::NumericRange> range = Range(key)) {
    bool integral = range->min == std::floor(range->min) && range->max == std::floor(range->max);
    if (integral) {
      double width = range->max - range->min + 1;
      distinct = std::min(static_cast<double>(range->count), width);
    }
  }
  return std::clamp(nodes / std::max(distinct, 1.0), 1.0, nodes);
}

std::optional<double> Statistics::RangeFraction(const std::string& key, bound::CompareOp cmp,
                                                const bound::Expr& value) {
  if (cmp == bound::CompareOp::kEq || cmp == bound::CompareOp::kNe) return std::nullopt;
  if (value.kind != bound::ExprKind::kLiteral && value.kind != bound::ExprKind::kParameter) {
    return std::nullopt;
  }
  if (!value.value.is_number()) return std::nullopt;
  std::optional<storage::NumericRange> known = Range(key);
  if (!known) return std::nullopt;
  const storage::NumericRange& range = *known;
  double v = value.value.as_number();
  if (std::isnan(v)) return std::nullopt;
  // Integers are counted as points: `< 20` over 18..90 keeps 2 of 73 values.
  bool integral = range.min == std::floor(range.min) && range.max == std::floor(range.max) &&
                  v == std::floor(v);
  double step = integral ? 1.0 : 0.0;
  double width = range.max - range.min + step;
  double kept;
  switch (cmp) {
    case bound::CompareOp::kLt: kept = v - range.min; break;
    case bound::CompareOp::kLe: kept = v - range.min + step; break;
    case bound::CompareOp::kGt: kept = range.max - v; break;
    default: kept = range.max - v + step; break;  // kGe
  }
  double fraction = width > 0 ? kept / width : (kept >= 0 ? 1.0 : 0.0);
  // Never certain: the spread is of committed values and ignores this statement's writes.
  double floor = 0.5 / static_cast<double>(std::max<std::uint64_t>(range.count, 1));
  return std::clamp(fraction, floor, 1.0);
}

double PatternPlanner::LabelFraction(const bound::Token& label) const {
  double nodes = stats_.Nodes();
  return nodes > 0 ? stats_.Label(label.name) / nodes : 0.0;
}

double PatternPlanner::NodesOf(const State& st, bound::Slot node) const {
  double nodes = stats_.Nodes();
  for (const Conjunct& c : st.conj) {
    if (c.label_slot == node) nodes = std::min(nodes, stats_.Label(c.expr->labels[0].name));
  }
  if (auto it = known_labels_.find(node); it != known_labels_.end() && st.bound[node]) {
    for (const std::string& label : it->second) nodes = std::min(nodes, stats_.Label(label));
  }
  return nodes;
}

double PatternPlanner::Degree(const State& st, const RelRef& ref, bool from_left) const {
  const bound::RelPattern& r = ref.rel();
  double rels = 0;
  if (r.types.empty()) {
    rels = stats_.Rels();
  } else {
    for (const bound::Token& t : r.types) rels += stats_.Type(t.name);
  }
  double from = NodesOf(st, from_left ? ref.left() : ref.right());
  double degree = rels / std::max(from, 1.0);
  if (r.direction == Direction::kBoth) degree *= 2;
  if (r.var_length) {
    std::int64_t hops = r.max_hops < 0 ? 3 : std::clamp<std::int64_t>(r.max_hops, 1, 3);
    degree = std::pow(std::max(degree, 1.0), static_cast<double>(hops));
  }
  return degree;
}

double PatternPlanner::Selectivity(const Conjunct& c) const {
  if (c.seek || c.all_nodes) return 1.0;
  if (c.label_slot != bound::kNoSlot) return LabelFraction(c.expr->labels[0]);
  if (c.prop_slot != bound::kNoSlot) {
    if (c.in_list) {
      double size = static_cast<double>(c.value->kind == bound::ExprKind::kList
                                            ? c.value->args.size()
                                            : c.value->value.as_list().size());
      return std::min(1.0, size * Statistics::kEqualitySelectivity);
    }
    if (c.cmp == bound::CompareOp::kEq) return Statistics::kEqualitySelectivity;
    return stats_.RangeFraction(c.key->name, c.cmp, *c.value).value_or(1.0 / 3);
  }
  return 0.5;
}

bool PatternPlanner::IsRelSlot(bound::Slot slot) const {
  return std::any_of(rels_.begin(), rels_.end(),
                     [&](const RelRef& ref) { return ref.rel().slot == slot; });
}

bool PatternPlanner::Connected(const std::vector<bool>& subset) const {
  // Grows one component from the first relationship until nothing joins it.
  std::vector<bound::Slot> nodes;
  std::vector<bool> in(rels_.size(), false);
  std::size_t members = 0, total = 0;
  for (std::size_t i = 0; i < rels_.size(); ++i) {
    if (!subset[i]) continue;
    ++total;
    if (nodes.empty()) {
      nodes = {rels_[i].left(), rels_[i].right()};
      in[i] = true;
      ++members;
    }
  }
  auto has = [&](bound::Slot s) { return std::find(nodes.begin(), nodes.end(), s) != nodes.end(); };
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < rels_.size(); ++i) {
      if (!subset[i] || in[i] || !(has(rels_[i].left()) || has(rels_[i].right()))) continue;
      nodes.push_back(rels_[i].left());
      nodes.push_back(rels_[i].right());
      in[i] = true;
      ++members;
      grew = true;
    }
  }
  return members == total;
}

OpPtr PatternPlanner::BestJoin(const State& base, double greedy_cost, State* out) const {
  std::size_t n = rels_.size();
  if (n < 2 || n > kMaxJoinRels) return nullptr;
  for (const RelRef& ref : rels_) {
    if (ref.part->kind != bound::PathKind::kNormal || ref.rel().var_length) return nullptr;
  }
  OpPtr best;
  double best_cost = greedy_cost;
  for (std::uint32_t mask = 1; mask + 1 < (1u << n); ++mask) {
    std::vector<bool> build(n), probe(n);
    bool valid = true;
    for (std::size_t i = 0; i < n; ++i) {
      build[i] = (mask >> i) & 1;
      probe[i] = !build[i];
      // The build side runs once, apart from the incoming rows: it may not use what they bind.
      if (build[i] && (base.bound[rels_[i].left()] || base.bound[rels_[i].right()] ||
                       base.bound[rels_[i].rel().slot])) {
        valid = false;
      }
    }
    if (!valid || !Connected(build) || !Connected(probe)) continue;
    State st;
    OpPtr join = PlanJoin(base, build, &st);
    if (join && st.est.cost < best_cost) {
      best_cost = st.est.cost;
      best = std::move(join);
      *out = std::move(st);
    }
  }
  return best;
}

OpPtr PatternPlanner::PlanJoin(const State& base, const std::vector<bool>& build,
                               State* out) const {
  State probe = base;
  OpPtr probe_op = MakeOp(OpKind::kArgument);
  std::vector<bool> probe_set(build.size());
  for (std::size_t i = 0; i < build.size(); ++i) probe_set[i] = !build[i];
  Greedy(probe_op, probe, probe_set);

  State side = base;
  side.bound.assign(base.bound.size(), false);  // nothing from the incoming rows
  side.match_rels.clear();
  side.est = Estimate{};
  OpPtr build_op = MakeOp(OpKind::kArgument);
  Greedy(build_op, side, build);

  auto join = MakeOp(OpKind::kHashJoin, std::move(probe_op));
  join->children.push_back(std::move(build_op));
  double key_nodes = 1;
  State& m = probe;  // becomes the state after the join
  for (std::size_t s = 0; s < m.bound.size(); ++s) {
    if (!side.bound[s]) continue;
    if (m.bound[s]) {
      if (IsRelSlot(static_cast<bound::Slot>(s))) return nullptr;  // keys are node ids
      join->keys.push_back(static_cast<bound::Slot>(s));
      key_nodes *= std::max(NodesOf(base, static_cast<bound::Slot>(s)), 1.0);
    } else {
      join->slots.push_back(static_cast<bound::Slot>(s));
      m.bound[s] = true;
    }
  }
  if (join->keys.empty()) return nullptr;
  join->distinct_from = m.match_rels;
  join->build_rels = side.match_rels;
  for (std::size_t i = 0; i < m.planned.size(); ++i) m.planned[i] = m.planned[i] || side.planned[i];
  for (std::size_t i = 0; i < m.conj.size(); ++i) {
    m.conj[i].used = m.conj[i].used || side.conj[i].used;
  }
  m.match_rels.insert(m.match_rels.end(), side.match_rels.begin(), side.match_rels.end());
  double rows = m.est.rows * side.est.rows / key_nodes;
  m.est.cost += side.est.cost + kBuildRowCost * side.est.rows + m.est.rows + rows;
  m.est.rows = rows;
  join->est_rows = rows;
  ApplyFilters(join, m);
  Greedy(join, m, {});  // nodes the relationships do not reach, if any
  *out = std::move(m);
  return join;
}

}  // namespace parley::planner
