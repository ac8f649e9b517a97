// Runs one parsed statement inside a storage Txn: bind, plan, build operators, drain.
// The caller owns the Txn and decides commit or rollback.
#ifndef PARLEY_ENGINE_MAIN_STATEMENT_RUNNER_H_
#define PARLEY_ENGINE_MAIN_STATEMENT_RUNNER_H_

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/execution/progress_board.h"
#include "engine/main/database_impl.h"
#include "engine/parser/ast.h"
#include "engine/planner/logical_plan.h"
#include "parley/connection.h"
#include "parley/result.h"

namespace parley {

// What bounds one statement's run.
struct StatementLimits {
  std::uint64_t memory_bytes = 0;  // 0: none
  std::uint64_t timeout_ms = 0;    // 0: none; counted from the call
};

// The plan of one statement kept for the runs to come (a PreparedStatement's). It serves
// a run whose parameters the statement reads have the same value types as when it was
// made, while the database has the same indexes; otherwise the statement is bound and
// planned again (from its parsed form) and the new plan kept. A plan into which binding
// copied parameter values as constants is never kept.
struct PlanCache {
  std::shared_ptr<const logical::Plan> plan;
  std::vector<std::pair<std::string, ValueType>> parameter_types;
  std::vector<std::pair<LabelId, PropKeyId>> indexes;
  std::uint64_t plans_made = 0;  // how often the statement was bound and planned
};

// Throws parley::Error. `interrupted` is polled by the operators. With a `sink`, rows go
// to it as they are produced and the Result holds none. With a `cache`, its plan is used
// when it fits the run (see PlanCache) and replaced when it does not.
Result RunStatement(Database::Impl& db, storage::Txn& txn, const ast::Statement& stmt,
                    const Params& params, const std::atomic<bool>& interrupted,
                    const StatementLimits& limits, RowSink* sink = nullptr,
                    PlanCache* cache = nullptr, execution::ProgressBoard* progress = nullptr);

}  // namespace parley

#endif  // PARLEY_ENGINE_MAIN_STATEMENT_RUNNER_H_
