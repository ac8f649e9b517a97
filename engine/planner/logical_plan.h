// The logical plan: a tree of operators over slot-indexed rows, produced by the planner
// from a bound::Query and turned into physical operators by execution::BuildOperators.
//
// Every operator is a flat-map over its input (children[0]); leaves are Argument, which
// yields the argument row once. Sub-plans (OPTIONAL MATCH, MERGE's match, pattern
// expressions) start from their own Argument and are run per input row; so does a
// HashJoin's build side (children[1]), run once per Reset of the join. Ops point into
// the bound::Query they were planned from (expressions, patterns, clauses), which must
// outlive the plan; Plan keeps it alive through `query`.
#ifndef PARLEY_ENGINE_PLANNER_LOGICAL_PLAN_H_
#define PARLEY_ENGINE_PLANNER_LOGICAL_PLAN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/binder/bound_query.h"

namespace parley::logical {

enum class OpKind : std::uint8_t {
  kArgument,      // yields the argument row once
  kAllNodesScan,  // node := every node
  kLabelScan,     // node := every node with labels[0]
  kIndexSeek,     // node := nodes with labels[0].key = expr (any of, when in_list; or in
                  // [lower, upper])
  kNodeCheck,     // node is bound: keep rows whose node has `labels` (no scan)
  kExpand,        // node -[rel:types]- target (into: target already bound)
  kVarExpand,     // node -[rel:types*min..max]- target; rel gets the list of relationships
  kShortestPath,  // path between bound node and target
  kFilter,        // expr
  kProjection,    // items: slot := expr
  kAggregate,     // projection->group_keys, projection->aggregates
  kDistinct,      // slots
  kSort,          // sort_items (top-N when expr is the limit)
  kSkip,          // expr
  kLimit,         // expr
  kUnwind,        // slot := each element of expr
  kOptional,      // children[1] per input row; slots nulled when it yields nothing
  kUnion,         // children in order (rows already projected into `slots`)
  kCreate,        // create->parts
  kMerge,         // children[1] is the match sub-plan of merge->part
  kSet,           // set_items
  kRemove,        // set_items
  kDelete,        // del
  kCall,          // call
  kEager,         // materialises its input before yielding
  kProjectPath,   // slot := the path of `part`
  kHashJoin,      // children[0] (probe, streamed) joined with children[1] (build, hashed)
                  // on the node ids in `keys`; copies the build row's `slots` into the row
  kExpandCount,   // rel := the number of node's relationships (types, direction); drops 0
  kReachDistinct,  // target := each distinct node the `hops` reach from node, once per row;
                   // with `distinct`: one row in all, target := the number of distinct ends
                   // over all input rows
};

// One step of a kReachDistinct chain: an expansion (var-length when min_hops/max_hops say
// so) whose relationships, and whose far node unless it is the last step, nobody reads.
struct Hop {
  std::vector<bound::Token> types;
  std::vector<bound::Token> target_labels;
  Direction direction = Direction::kOut;
  std::int64_t min_hops = 1;
  std::int64_t max_hops = 1;  // negative: unbounded
};

struct Op {
  explicit Op(OpKind k) : kind(k) {}
  OpKind kind;
  std::vector<std::unique_ptr<Op>> children;

  bound::Slot node = bound::kNoSlot;
  bound::Slot rel = bound::kNoSlot;
  bound::Slot target = bound::kNoSlot;
  bound::Slot slot = bound::kNoSlot;
  std::vector<bound::Token> labels;
  std::vector<bound::Token> types;
  std::vector<bound::Token> target_labels;
  bound::Token key;
  Direction direction = Direction::kOut;
  bool into = false;
  bool rel_bound = false;
  bool all_shortest = false;
  bool distinct = false;
  bool reverse = false;  // var-length expanded right to left: list the rels reversed
  bool drain_input = false;  // kLimit over writes: runs its input to the end once reached
  bool in_list = false;  // kIndexSeek: `expr` is a list; nodes equal to any element
  // kVarExpand: nothing reads the list of relationships (an anonymous relationship outside
  // any named path, not needed for later uniqueness checks): `rel` is left unset.
  bool rel_unused = false;
  std::int64_t min_hops = 1;
  std::int64_t max_hops = 1;
  std::vector<bound::Slot> distinct_from;  // relationship slots already bound in the MATCH
  // kHashJoin: node slots both sides bind (the key), and the relationship slots the build
  // side binds, which must differ from the probe side's (`distinct_from`).
  std::vector<bound::Slot> keys;
  std::vector<bound::Slot> build_rels;
  std::vector<bound::Slot> slots;
  // kReachDistinct: the chain of expansions from `node` to `target`, in order, matched with
  // relationship isomorphism like the expansions it replaces.
  std::vector<Hop> hops;
  // kAggregate: count(*) adds this slot's integer; so does count(DISTINCT x) over a
  // kReachDistinct that counts (its `distinct`).
  bound::Slot weight = bound::kNoSlot;
  // kAggregate: the index of a group key no two input rows share unless it is null (the
  // node of a scan each row holds a different one of, or its property a uniqueness
  // constraint covers); rows where it is not null are groups of their own. -1: none.
  int unique_group_key = -1;
  const bound::Expr* expr = nullptr;
  // kFilter: further predicates every row must also pass (many conjuncts ready at one
  // point are one Filter, not a chain of as many operators).
  std::vector<const bound::Expr*> more_conjuncts;
  const bound::Expr* lower = nullptr;
  const bound::Expr* upper = nullptr;
  bool lower_inclusive = true;
  bool upper_inclusive = true;
  const bound::Expr* rel_properties = nullptr;  // var-length: a map each rel must match
  std::vector<const bound::ProjectionItem*> items;
  const bound::Projection* projection = nullptr;
  const std::vector<bound::SortItem>* sort_items = nullptr;
  const bound::PatternPart* part = nullptr;
  const bound::Create* create = nullptr;
  const bound::Merge* merge = nullptr;
  const std::vector<bound::SetItem>* set_items = nullptr;
  const bound::Delete* del = nullptr;
  const bound::Call* call = nullptr;
  std::string note;  // extra text for EXPLAIN
  // The planner's estimate of the rows this operator yields over the whole run (per run of
  // its sub-plan, for a sub-plan); negative when none was made. Shown by EXPLAIN and PROFILE.
  double est_rows = -1;
};

using OpPtr = std::unique_ptr<Op>;

struct Plan {
  std::shared_ptr<bound::Query> query;
  OpPtr root;
  std::vector<OpPtr> subplans;  // by bound::Query subquery index
  std::vector<bound::ExprPtr> exprs;  // predicates the planner made (inline properties, labels)
  std::vector<std::string> columns;
  std::vector<bound::Slot> output_slots;
  int num_slots = 0;
  bool updating = false;
};

// One line per operator, children indented under their parent, e.g.
//   Projection m.name AS name  (estimated rows: 40)
//     Expand(All) (n)-[anon_1:KNOWS]->(m)  (estimated rows: 40)
//       NodeByLabelScan n:Person  (estimated rows: 20)
// each line with the operator's estimated rows when `estimates`; then each sub-plan (the
// subquery#N of expressions) under a line naming it. With `ops`, it gets the operator of
// each line (nullptr for a sub-plan's name line).
std::vector<std::string> ExplainLines(const Plan& plan, bool estimates = true,
                                      std::vector<const Op*>* ops = nullptr);
// An estimate of rows as EXPLAIN prints it: whole rows from 10 up, two digits below.
std::string EstimateText(double rows);
std::string OpName(OpKind kind);
std::string Describe(const Op& op, const bound::Query& query);

}  // namespace parley::logical

#endif  // PARLEY_ENGINE_PLANNER_LOGICAL_PLAN_H_
