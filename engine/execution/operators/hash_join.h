// HashJoin: the physical operator for logical::OpKind::kHashJoin.
//
// Joins two independently planned parts of one MATCH on the nodes they share. The build
// side (logical children[1]) runs once per Reset, from the same argument row, and is kept in
// a hash table keyed on the node ids of `op.keys`, holding only the slots it binds
// (`op.slots`). The probe side (children[0]) is then streamed: each probe row is emitted once
// per build row with the same key, with the build row's slots written into it. Rows whose
// key slots are not all nodes (null) never match. A build row whose relationships
// (`op.build_rels`) are already bound in the probe row's `op.distinct_from` is skipped: a
// MATCH binds each relationship at most once. When the build side is empty the probe side
// is not run at all.
//
// The table is charged to ExecContext's memory budget (throws RuntimeError
// MemoryLimitExceeded past it) and released on the next Reset or destruction; building
// and probing check for cancellation (RuntimeError QueryCancelled). The build side is read
// ahead of the probe side, so the planner uses it only in statements that do not write.
#ifndef PARLEY_ENGINE_EXECUTION_OPERATORS_HASH_JOIN_H_
#define PARLEY_ENGINE_EXECUTION_OPERATORS_HASH_JOIN_H_

#include "engine/execution/operator.h"
#include "engine/planner/logical_plan.h"

namespace parley::execution {

// REQUIRES: `op` (kind kHashJoin) outlives the operator; `probe` and `build` are the
// operators of op.children[0] and op.children[1].
OperatorPtr MakeHashJoin(ExecContext* ctx, const logical::Op& op, OperatorPtr probe,
                         OperatorPtr build);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_OPERATORS_HASH_JOIN_H_
