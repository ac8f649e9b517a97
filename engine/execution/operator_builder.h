// Turns a logical plan into physical operators, and drains the root into a Result.
#ifndef PARLEY_ENGINE_EXECUTION_OPERATOR_BUILDER_H_
#define PARLEY_ENGINE_EXECUTION_OPERATOR_BUILDER_H_

#include <functional>
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

// Takes each output row as it is produced (Drain with a consumer).
using RowConsumer = std::function<void(std::vector<Value>&&)>;

// Runs the plan to completion: resets the root, pulls every row, and takes the output
// columns, materialising nodes and relationships (labels, properties). Without `consume`
// the rows are kept and returned, charged to the memory bound; with it each goes to
// `consume` as soon as it is made, and none is returned.
std::vector<std::vector<Value>> Drain(const logical::Plan& plan, Operator& root,
                                      ExecContext* ctx, const RowConsumer& consume = {});

// EXPLAIN / PROFILE text of a plan (logical::ExplainLines); with `physical`, each line gets
// the estimated rows, the rows produced and the time.
std::string PlanText(const logical::Plan& plan, const PhysicalPlan* physical);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_OPERATOR_BUILDER_H_
