// What every operator of one running statement shares: the storage transaction, the
// compiled sub-plans of pattern expressions, counters, the cancellation flag and the
// memory budget. Owned by the statement's runner (engine/main); single-threaded.
#ifndef PARLEY_ENGINE_EXECUTION_EXEC_CONTEXT_H_
#define PARLEY_ENGINE_EXECUTION_EXEC_CONTEXT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <unordered_set>
#include <vector>

#include "engine/common/ids.h"
#include "engine/common/value_size.h"
#include "engine/execution/progress_board.h"
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

// A small direct-mapped cache of node records (properties, labels) for read-only
// statements: one storage read serves every property and label test of a node that
// consecutive rows touch. Statements that write bypass it (records could change), and
// so do reads the storage serves from memory anyway (Txn::NodeReadsInMemory). It starts
// small and grows with its misses, so that a statement reading one node does not pay for
// the slots a scan wants. A returned reference is valid until the next call.
class NodeCache {
 public:
  const storage::PropertyMap& Properties(const storage::Txn& txn, NodeId id);
  const std::vector<LabelId>& Labels(const storage::Txn& txn, NodeId id);

 private:
  static constexpr std::size_t kFirstSlots = 64;
  static constexpr std::size_t kSlots = 4096;  // at most
  struct Entry {
    std::uint64_t id = ~0ull;
    bool has_props = false;
    bool has_labels = false;
    storage::PropertyMap props;
    std::vector<LabelId> labels;
  };
  Entry& Slot(NodeId id);
  std::vector<Entry> entries_;  // a power of two long
  int index_shift_ = 64;        // the slot of an id: its hash's top bits
  std::size_t misses_ = 0;      // since the last growth
};

struct ExecContext {
  storage::Txn* txn = nullptr;
  bool read_only = false;  // enables node_cache
  NodeCache node_cache;
  const ProcedureSource* procedures = nullptr;
  const std::atomic<bool>* interrupted = nullptr;
  ProgressBoard* progress = nullptr;  // where long work reports its progress; may be null
  // The parameter values of this run when the plan is reused from an earlier one
  // (PreparedStatement); null: the values the binder put into the plan.
  const Map* params = nullptr;
  std::uint64_t memory_limit = 0;  // bytes; 0 = none
  std::uint64_t timeout_ms = 0;    // 0 = none
  std::chrono::steady_clock::time_point deadline;
  std::uint64_t memory_used = 0;
  int num_slots = 0;
  QueryStats stats;
  std::unordered_set<NodeId> deleted_nodes;
  std::unordered_set<RelId> deleted_rels;
  // Whether this statement deleted the entity earlier: cursors opened before the delete
  // may still yield it, and reading it is an EntityNotFound error.
  bool IsDeleted(NodeId id) const { return !deleted_nodes.empty() && deleted_nodes.count(id) > 0; }
  bool IsDeleted(RelId id) const { return !deleted_rels.empty() && deleted_rels.count(id) > 0; }
  // Sub-plans of pattern predicates/comprehensions/EXISTS, by bound::Query subquery index.
  std::vector<std::unique_ptr<Operator>> subplans;

  // Throws RuntimeError QueryCancelled when the statement was interrupted, and
  // QueryTimedOut once it has run past its time limit.
  void CheckInterrupt() const {
    if (interrupted != nullptr && interrupted->load(std::memory_order_relaxed)) {
      throw Error(ErrorKind::kRuntimeError, "QueryCancelled", "query cancelled");
    }
    if (timeout_ms != 0 && std::chrono::steady_clock::now() > deadline) ThrowTimedOut();
  }
  // Starts the statement's clock: it may run `milliseconds` from now (0: without limit).
  void SetTimeout(std::uint64_t milliseconds) {
    timeout_ms = milliseconds;
    deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  }
  [[noreturn]] void ThrowTimedOut() const;
  // Charges `bytes` of working memory; throws RuntimeError MemoryLimitExceeded past the limit.
  void Charge(std::uint64_t bytes);
  void Release(std::uint64_t bytes) { memory_used -= bytes < memory_used ? bytes : memory_used; }
  // Throws as Charge would if `bytes` more were charged, without charging them: for a
  // value about to be built whole whose lifetime the operators do not track.
  void RequireRoom(std::uint64_t bytes) const;

  // Storage reads through the node cache when the statement is read-only.
  Value NodeProperty(NodeId id, PropKeyId key);
  // Whether node reads skip node_cache: the Txn serves them from memory. Once true it stays
  // true for the Txn (Txn::NodeReadsInMemory), so it is asked until then only.
  bool UncachedNodeReads() {
    if (!node_reads_in_memory) node_reads_in_memory = txn->NodeReadsInMemory();
    return node_reads_in_memory;
  }
  bool node_reads_in_memory = false;
  bool NodeHasLabel(NodeId id, LabelId label);
};

// A rough size in bytes of a value / row, for the memory budget.
using parley::ApproxSize;  // of a Value (engine/common/value_size.h)
std::uint64_t ApproxSize(const Row& row);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_EXEC_CONTEXT_H_
