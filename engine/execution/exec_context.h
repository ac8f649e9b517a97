// What every operator of one running statement shares: the storage transaction, the
// compiled sub-plans of pattern expressions, counters, the cancellation flag and the
// memory budget. Owned by the statement's runner (engine/main); single-threaded.
#ifndef PARLEY_ENGINE_EXECUTION_EXEC_CONTEXT_H_
#define PARLEY_ENGINE_EXECUTION_EXEC_CONTEXT_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_set>
#include <vector>

#include "engine/common/ids.h"
#include "engine/storage/graph_store.h"
#include "parley/database.h"
#include "parley/error.h"
#include "parley/result.h"
#include "parley/value.h"

namespace parley::execution {

using Row = std::vector<Value>;
class Operator;

// Looks up embedder-registered procedures (Database::Impl implements it).
class ProcedureSource {
 public:
  virtual ~ProcedureSource() = default;
  virtual const TableProcedure* FindProcedure(const std::string& name) const = 0;
  virtual std::vector<const TableProcedure*> AllProcedures() const = 0;
};

struct ExecContext {
  storage::Txn* txn = nullptr;
  const ProcedureSource* procedures = nullptr;
  const std::atomic<bool>* interrupted = nullptr;
  std::uint64_t memory_limit = 0;  // bytes; 0 = none
  std::uint64_t memory_used = 0;
  int num_slots = 0;
  QueryStats stats;
  std::unordered_set<NodeId> deleted_nodes;
  std::unordered_set<RelId> deleted_rels;
  // Sub-plans of pattern predicates/comprehensions/EXISTS, by bound::Query subquery index.
  std::vector<std::unique_ptr<Operator>> subplans;

  // Throws RuntimeError QueryCancelled when the statement was interrupted.
  void CheckInterrupt() const {
    if (interrupted != nullptr && interrupted->load(std::memory_order_relaxed)) {
      throw Error(ErrorKind::kRuntimeError, "QueryCancelled", "query cancelled");
    }
  }
  // Charges `bytes` of working memory; throws RuntimeError MemoryLimitExceeded past the limit.
  void Charge(std::uint64_t bytes);
  void Release(std::uint64_t bytes) { memory_used -= bytes < memory_used ? bytes : memory_used; }
};

// A rough size in bytes of a value / row, for the memory budget.
std::uint64_t ApproxSize(const Value& v);
std::uint64_t ApproxSize(const Row& row);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_EXEC_CONTEXT_H_
