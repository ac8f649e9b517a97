// planner::Planner: turns a bound::Query into a logical::Plan.
//
// Each MATCH is planned by cost (pattern_planner.h): estimates from the catalog's counts
// choose where the pattern starts (an index seek, a label scan or all nodes), the order of
// its expansions, and whether two halves of a read-only MATCH are hash-joined on the nodes
// they share; each WHERE conjunct is applied as soon as the variables it reads are bound,
// and an OR whose every branch fixes one property of a node can seek that node's index with
// the values of the branches. A later MATCH continues from what the earlier ones bound. A
// MATCH binds each relationship at most once. OPTIONAL MATCH, MERGE and pattern expressions
// become sub-plans run per input row. Eager operators separate reads from later writes (and
// writes from later reads) so that every clause sees the effects of the whole previous
// clause. Every operator carries its estimated rows (logical::Op::est_rows).
//
// ORDER BY + LIMIT keeps the top N rows as they come (Top), and the projected values the
// order does not need are computed after the LIMIT, for the rows kept only.
//
// Where only the distinct far ends of a chain of expansions matter (count(DISTINCT d),
// RETURN DISTINCT d), the chain is one operator that finds each end once over dense node
// sets instead of producing a row per path (engine/execution/distinct_reach.h).
//
// Rewrite applies plan-to-plan improvements.
#ifndef PARLEY_ENGINE_PLANNER_PLANNER_H_
#define PARLEY_ENGINE_PLANNER_PLANNER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/planner/logical_plan.h"
#include "engine/storage/graph_store.h"

namespace parley::planner {

class Planner {
 public:
  // `txn` supplies statistics and index information; it must outlive the Planner.
  explicit Planner(const storage::Txn& txn) : txn_(txn) {}

  // Throws Error(kSyntaxError, "QueryTooComplex") when the plan would be more than
  // kMaxPlanDepth operators deep: building and running a plan recurse once per level.
  logical::Plan Plan(std::shared_ptr<bound::Query> query);
  static constexpr std::size_t kMaxPlanDepth = 1000;

 private:
  using OpPtr = logical::OpPtr;

  static void CheckPlanDepth(const logical::Plan& plan);
  OpPtr PlanPart(const bound::SingleQuery& part);
  OpPtr PlanClauses(OpPtr cur, const std::vector<bound::Clause>& clauses);
  OpPtr PlanProjection(OpPtr cur, const bound::Projection& p);
  // Under ORDER BY ... LIMIT (no aggregation, no DISTINCT): takes out of `items` those the
  // sort does not read, to be computed after the LIMIT for the rows it keeps only.
  std::vector<const bound::ProjectionItem*> LateItems(
      const bound::Projection& p, std::vector<const bound::ProjectionItem*>* items) const;
  OpPtr PlanMatch(OpPtr cur, const bound::Match& m);
  // Plans `parts` (with `where`) on top of `cur`; slots in `new_slots` are unbound. With
  // `allow_join` two halves of the pattern may be joined by a HashJoin (pattern_planner.h).
  OpPtr PlanPattern(OpPtr cur, const std::vector<const bound::PatternPart*>& parts,
                    const bound::Expr* where, const std::vector<bound::Slot>& new_slots,
                    bool allow_join);
  OpPtr PlanSubquery(const bound::Subquery& sub);
  bool CountsOnlyRows(const bound::Projection& p) const;
  bool CountableExpand(const logical::Op& op) const;
  // Whether `p` reads each distinct input row the same however often it comes: DISTINCT
  // rows, or aggregation by DISTINCT aggregates (but collect), min and max only.
  bool DuplicatesDoNotMatter(const bound::Projection& p) const;
  // Replaces the chain of expansions at the top of `cur` (under filters of its far end)
  // by one kReachDistinct when nothing reads the chain's relationships or inner nodes; for
  // projections where DuplicatesDoNotMatter (plan_reach.cc). A no-op otherwise.
  // Returns the kReachDistinct made, or nullptr.
  logical::Op* FoldDistinctReach(OpPtr& cur) const;
  // The index of a group key of `p` that differs between any two rows `input` yields
  // (logical::Op::unique_group_key), or -1.
  int UniqueGroupKey(const bound::Projection& p, const logical::Op& input) const;
  // Whether `p` is count(DISTINCT slot) and nothing else.
  bool CountsDistinct(const bound::Projection& p, bound::Slot slot) const;

  const storage::Txn& txn_;
  logical::Plan* plan_ = nullptr;
  // Labels the patterns planned so far required, by node slot (for estimates).
  std::map<bound::Slot, std::vector<std::string>> known_labels_;
  bool pending_read_ = false;
  bool pending_write_ = false;
  bool wrote_ = false;  // a write clause was planned in the current single query
  bool in_subquery_ = false;  // planning a pattern expression's sub-plan (run per row)
};

logical::Plan Rewrite(logical::Plan plan);

// Helpers shared by the planner's files.
logical::OpPtr MakeOp(logical::OpKind kind, logical::OpPtr child = nullptr);
// The estimated rows `op` yields, filling in `est_rows` of it and the operators under it
// that have none yet (those the pattern planner did not estimate), from their inputs.
double EstimateRows(logical::Op& op);
std::string ExprToString(const bound::Expr& e, const bound::Query& q);

}  // namespace parley::planner

#endif  // PARLEY_ENGINE_PLANNER_PLANNER_H_
