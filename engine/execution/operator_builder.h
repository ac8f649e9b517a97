// Turns a logical plan into physical operators, and drains the root into a Result.
#ifndef PARLEY_ENGINE_EXECUTION_OPERATOR_BUILDER_H_
#define PARLEY_ENGINE_EXECUTION_OPERATOR_BUILDER_H_

#include <string>
#include <vector>

#include "engine/execution/operator.h"
#include "engine/planner/logical_plan.h"
#include "parley/result.h"

namespace parley::execution {

struct PhysicalPlan {
  OperatorPtr root;
  // Each logical op with the operator built for it (for PROFILE).
  std::vector<std::pair<const logical::Op*, Operator*>> ops;
};

// Builds the operators of `plan` (sub-plans go into ctx->subplans). `plan` and `ctx` must
// outlive the result. With `profile`, operators count rows and time.
PhysicalPlan BuildOperators(const logical::Plan& plan, ExecContext* ctx, bool profile = false);

// Runs the plan to completion: resets the root, pulls every row, and keeps the output
// columns, materialising nodes and relationships (labels, properties).
std::vector<std::vector<Value>> Drain(const logical::Plan& plan, Operator& root,
                                      ExecContext* ctx);

// EXPLAIN / PROFILE text of a plan; with `physical`, each line gets rows and time.
std::string PlanText(const logical::Plan& plan, const PhysicalPlan* physical);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_OPERATOR_BUILDER_H_
