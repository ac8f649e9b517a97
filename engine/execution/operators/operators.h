// Factories of the physical operators, one per file in this folder. Each takes its
// children and the logical op it implements (which, with the bound query it points into,
// must outlive the operator).
#ifndef PARLEY_ENGINE_EXECUTION_OPERATORS_OPERATORS_H_
#define PARLEY_ENGINE_EXECUTION_OPERATORS_OPERATORS_H_

#include "engine/execution/expression_eval.h"
#include "engine/execution/operator.h"
#include "engine/execution/operators/hash_join.h"
#include "engine/planner/logical_plan.h"

namespace parley::execution {

OperatorPtr MakeArgument(ExecContext* ctx);
OperatorPtr MakeNodeScan(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeIndexSeek(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeExpand(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
// An Expand that also applies `target_filter` (a Filter folded into it; it reads no slot
// but those bound before the expansion and the target's), testing each candidate before
// the relationship value is made, so rejected edges cost no row update.
OperatorPtr MakeFilteredExpand(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                               const bound::Expr* target_filter);
OperatorPtr MakeVarExpand(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
// The distinct far ends of a chain of expansions (logical kReachDistinct).
OperatorPtr MakeReachDistinct(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeShortestPath(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeFilter(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeProjection(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
// With `direct_scan` (the label or all-nodes scan that is `child`, when every group key
// and aggregate argument is a property of its node and every aggregate is count, sum, avg,
// min or max without DISTINCT), the aggregation reads those properties from the storage's
// columns, and pulls from `child` only when the storage cannot serve that.
OperatorPtr MakeAggregate(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                          const logical::Op* direct_scan = nullptr);
OperatorPtr MakeDistinct(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeSort(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeSkipLimit(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeUnwind(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeOptional(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                         OperatorPtr inner);
OperatorPtr MakeUnion(ExecContext* ctx, std::vector<OperatorPtr> children);
OperatorPtr MakeCreate(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeMerge(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                      OperatorPtr match);
OperatorPtr MakeSet(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeDelete(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeCall(ExecContext* ctx, const logical::Op& op, OperatorPtr child);
OperatorPtr MakeEager(ExecContext* ctx, OperatorPtr child);
OperatorPtr MakeProjectPath(ExecContext* ctx, const logical::Op& op, OperatorPtr child);

// Shared by CREATE and MERGE: creates the unbound nodes and the relationships of `part`,
// writing their slots (and the path slot) in `row`.
void CreatePart(ExecContext* ctx, Evaluator* eval, const bound::PatternPart& part, Row* row);
// Shared by SET, REMOVE and MERGE's ON CREATE / ON MATCH.
void ApplySetItem(ExecContext* ctx, Evaluator* eval, const bound::SetItem& item, Row* row,
                  bool remove);
// The path value of `part` from the slots of a matched row.
Value BuildPath(const ExecContext& ctx, const bound::PatternPart& part, const Row& row);
// Converts a property value for storage; throws TypeError InvalidPropertyType for values
// that cannot be stored (maps, nodes, lists of mixed or nested types).
void CheckPropertyValue(const Value& v);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_OPERATORS_OPERATORS_H_
