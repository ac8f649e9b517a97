// PatternPlanner: plans the pattern parts of one MATCH (or MERGE, or pattern expression)
// on top of the rows that come before it. Internal to the planner.
//
// The plan is chosen by cost. Each step either starts from an unbound node (an index seek,
// a label scan or all nodes) or expands a relationship from a bound end; filters go in as
// soon as their variables are bound. For patterns of up to kMaxSearchRels relationships
// every order of steps is weighed by dynamic programming over what the steps have bound
// (partial plans that bind the same variables differ only in cost: the cheapest is kept);
// larger patterns are planned greedily, each step the one yielding the fewest rows. When
// the pattern has relationships from two ends that can each be reached cheaply, the
// planner also plans two connected halves independently and joins them with a HashJoin on
// the nodes they share, and keeps it when it is cheaper.
//
// Estimates come from the catalog's counts (Statistics): label counts, relationship counts
// per type over the count of the expanded end's label (the average degree in that
// direction), index seeks (at most one row on a unique key, else the label's count over the
// key's distinct values), and default selectivities for other predicates. Costs are in
// rows touched: a rough unit, good for comparing plans of the same pattern, not for
// predicting time. Every operator the planner makes carries its estimated rows.
#ifndef PARLEY_ENGINE_PLANNER_PATTERN_PLANNER_H_
#define PARLEY_ENGINE_PLANNER_PATTERN_PLANNER_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/planner/planner.h"

namespace parley::planner {

// One WHERE conjunct (or inline label / property), with what the planner knows about it.
struct Conjunct {
  const bound::Expr* expr;
  std::vector<bound::Slot> deps;
  bool used = false;
  // For start-point choice: `slot.key <op> value` with `value` independent of `slot`.
  bound::Slot prop_slot = bound::kNoSlot;
  const bound::Token* key = nullptr;
  const bound::Expr* property = nullptr;  // the `slot.key` expression
  const bound::Expr* value = nullptr;
  bound::CompareOp cmp = bound::CompareOp::kEq;
  // `slot.key IN value` with `value` a list known now: an equality on any of its elements.
  bool in_list = false;
  // For label conjuncts: slot has label.
  bound::Slot label_slot = bound::kNoSlot;
  bool all_nodes = false;  // a label every node has (read-only statements)
  bool seek = false;       // an index seek already applies it: the filter keeps every row
};

// The catalog counts a pattern's plan reads, each read from the Txn once: every count is a
// storage lookup, and trying alternative plans asks for the same ones many times.
class Statistics {
 public:
  // Of a label's nodes, the share an equality on a property of unknown spread keeps.
  static constexpr double kEqualitySelectivity = 0.1;

  explicit Statistics(const storage::Txn& txn) : txn_(txn) {}
  double Nodes();
  double Rels();
  double Label(const std::string& label);  // nodes with it; 0 when it does not exist
  double Type(const std::string& type);    // relationships of it; 0 when it does not exist
  bool Indexed(const std::string& label, const std::string& key);
  // Estimated nodes an index seek for `label.key = value` yields: at most one when the key
  // is unique for the label, else the label's nodes over the key's distinct values (for
  // integer keys at most the width of their range, else unknown: a default selectivity).
  double EqualitySeekRows(const std::string& label, const std::string& key);
  // The fraction of nodes with a numeric `key` that `key <cmp> value` keeps, from the
  // spread of the key's committed values, when `value` is a number known now (a literal
  // or parameter) and the storage knows the spread; nullopt otherwise. Assumes values
  // spread evenly between the smallest and the largest.
  std::optional<double> RangeFraction(const std::string& key, bound::CompareOp cmp,
                                      const bound::Expr& value);

 private:
  const storage::Txn& txn_;
  double nodes_ = -1;
  double rels_ = -1;
  std::map<std::string, double, std::less<>> labels_;
  std::map<std::string, double, std::less<>> types_;
  std::map<std::pair<std::string, std::string>, bool> indexes_;
  std::optional<storage::NumericRange> Range(const std::string& key);

  std::map<std::string, std::optional<storage::NumericRange>, std::less<>> ranges_;
};

// Labels a pattern required of a node, by the node's slot.
using KnownLabels = std::map<bound::Slot, std::vector<std::string>>;

// Estimated output rows and work of a partial plan, per input row.
struct Estimate {
  double rows = 1;
  double cost = 0;
};

class PatternPlanner {
 public:
  // `parts`, `where` and the statement `txn` must outlive the planner; predicates it makes
  // are owned by `plan`. Slots in `new_slots` are unbound before the pattern.
  // `known_labels` holds, by slot, labels that earlier patterns required of bound nodes
  // (for estimates; it must outlive the planner too).
  PatternPlanner(const storage::Txn& txn, logical::Plan* plan,
                 const std::vector<const bound::PatternPart*>& parts, const bound::Expr* where,
                 const std::vector<bound::Slot>& new_slots, const KnownLabels& known_labels);

  // The pattern's operators on top of `cur`. With `allow_join` the planner may choose a
  // HashJoin; callers pass false where the pattern is re-run per row (OPTIONAL MATCH,
  // MERGE, pattern expressions) or where the statement writes.
  // `input_rows` is the estimated number of rows `cur` yields.
  logical::OpPtr Plan(logical::OpPtr cur, bool allow_join, double input_rows = 1);

  // Past this many relationships a pattern is planned greedily, not by exhaustive search.
  static constexpr std::size_t kMaxSearchRels = 8;

 private:
  struct RelRef {
    const bound::PatternPart* part;
    std::size_t index;
    bound::Slot left() const { return part->nodes[index].slot; }
    bound::Slot right() const { return part->nodes[index + 1].slot; }
    const bound::RelPattern& rel() const { return part->rels[index]; }
  };
  // What a partial plan has bound and used; copied to try alternatives.
  struct State {
    std::vector<bool> bound;    // by slot
    std::vector<bool> planned;  // by index in rels_
    std::vector<Conjunct> conj;
    std::vector<bound::Slot> match_rels;  // relationship slots bound so far
    Estimate est;
  };
  // One step of a plan: a start at `node`, or an expansion of rels_[rel].
  struct Step {
    bool expand = false;
    bound::Slot node = bound::kNoSlot;
    std::size_t rel = 0;
    bool from_left = true;
  };
  using OpPtr = logical::OpPtr;

  void CollectPredicates(const bound::Expr* where);
  void AddProperties(bound::Slot slot, const bound::Expr* props,
                     std::vector<const bound::Expr*>* preds);
  // For `d1 OR d2 OR ...` where every disjunct requires `x.key = v_i` (of one x and key),
  // the implied `x.key IN [v_1, v_2, ...]`, which an index can seek.
  void AddImpliedIn(const bound::Expr& disjunction, std::vector<const bound::Expr*>* preds);

  // The greedy plan over the relationships in `subset` (all when empty) and, when `subset`
  // is empty, every node of the pattern.
  void Greedy(OpPtr& cur, State& st, const std::vector<bool>& subset) const;
  // The cheapest order of steps binding every node and relationship of the pattern, from
  // `st` (dynamic programming); false when the pattern is too large to search.
  bool Search(const State& st, std::vector<Step>* steps) const;
  // The steps `st` allows next; every start when `starts`, else only expansions.
  std::vector<Step> NextSteps(const State& st, bool starts) const;
  void Apply(OpPtr& cur, State& st, const Step& step) const;
  void ApplyFilters(OpPtr& cur, State& st) const;
  // Marks the variable-length expansions under `root` whose relationship lists nobody
  // reads (logical::Op::rel_unused).
  void MarkUnusedRelLists(logical::Op& root) const;
  void PlanStart(OpPtr& cur, State& st, bound::Slot node) const;
  void PlanExpand(OpPtr& cur, State& st, std::size_t rel, bool from_left) const;
  std::vector<bound::Token> TakeLabels(State& st, bound::Slot node) const;
  double StartCost(const State& st, bound::Slot node) const;

  // Statistics (plan_join.cc).
  double NodesOf(const State& st, bound::Slot node) const;  // count of its smallest label
  double Degree(const State& st, const RelRef& ref, bool from_left) const;
  double Selectivity(const Conjunct& c) const;
  double LabelFraction(const bound::Token& label) const;  // of all nodes

  // Hash-join alternatives (plan_join.cc): the cheapest split of the relationships into a
  // probe and a build half, or nullptr when none beats `greedy_cost`.
  OpPtr BestJoin(const State& base, double greedy_cost, State* out) const;
  bool Connected(const std::vector<bool>& subset) const;
  bool IsRelSlot(bound::Slot slot) const;
  OpPtr PlanJoin(const State& base, const std::vector<bool>& build, State* out) const;

  const storage::Txn& txn_;
  mutable Statistics stats_;
  logical::Plan* plan_;
  const bound::Query& q_;
  const std::vector<const bound::PatternPart*>& parts_;
  const std::vector<bound::Slot>& new_slots_;
  const KnownLabels& known_labels_;
  std::vector<RelRef> rels_;
  std::vector<bound::Slot> nodes_;  // the pattern's node slots, each once
  State init_;
};

}  // namespace parley::planner

#endif  // PARLEY_ENGINE_PLANNER_PATTERN_PLANNER_H_
