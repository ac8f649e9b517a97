// Runs one parsed statement inside a storage Txn: bind, plan, build operators, drain.
// The caller owns the Txn and decides commit or rollback.
#ifndef PARLEY_ENGINE_MAIN_STATEMENT_RUNNER_H_
#define PARLEY_ENGINE_MAIN_STATEMENT_RUNNER_H_

#include <atomic>

#include "engine/main/database_impl.h"
#include "engine/parser/ast.h"
#include "parley/connection.h"
#include "parley/result.h"

namespace parley {

// What bounds one statement's run.
struct StatementLimits {
  std::uint64_t memory_bytes = 0;  // 0: none
  std::uint64_t timeout_ms = 0;    // 0: none; counted from the call
};

// Throws parley::Error. `interrupted` is polled by the operators. With a `sink`, rows go
// to it as they are produced and the Result holds none.
Result RunStatement(Database::Impl& db, storage::Txn& txn, const ast::Statement& stmt,
                    const Params& params, const std::atomic<bool>& interrupted,
                    const StatementLimits& limits, RowSink* sink = nullptr);

}  // namespace parley

#endif  // PARLEY_ENGINE_MAIN_STATEMENT_RUNNER_H_
