// GraphStoreImpl: the RocksDB-backed GraphStore. Internal to engine/storage.
//
// State shared by Txns: the RocksDB handle, the writer mutex (one write Txn at a time),
// and the committed state (schema, id counters, topology version) that a Txn captures
// at Begin together with its RocksDB snapshot. `state_mutex_` makes that capture atomic
// with respect to a commit: a reader never sees a snapshot newer than its schema.
#ifndef PARLEY_ENGINE_STORAGE_STORE_IMPL_H_
#define PARLEY_ENGINE_STORAGE_STORE_IMPL_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>

#include "engine/storage/csr_delta.h"
#include "engine/storage/csr_snapshot.h"
#include "engine/storage/graph_store.h"
#include "engine/storage/node_table.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/schema.h"

namespace parley::storage {

struct CommittedState {
  std::shared_ptr<const Schema> schema;
  std::uint64_t next_node = 0;  // the next unused node id
  std::uint64_t next_rel = 0;
  // Bumped by each commit that creates or deletes nodes or relationships: the CSR
  // built at version v is current while the version is v.
  std::uint64_t topology_version = 0;
  // Bumped by each commit that creates, deletes or changes nodes (labels, properties):
  // the NodeTable of version v is current while the version is v.
  std::uint64_t node_version = 0;
};

// The CSR as a reader at one topology version uses it: the snapshot plus the delta of the
// commits since it was built (see CsrDelta). `snapshot` is null when none serves.
struct CsrView {
  std::shared_ptr<const CsrSnapshot> snapshot;
  std::shared_ptr<const CsrDelta> delta;
  std::uint64_t version = 0;
};

class GraphStoreImpl final : public GraphStore {
 public:
  GraphStoreImpl(const std::string& path, const StoreOptions& options);
  ~GraphStoreImpl() override;

  std::unique_ptr<Txn> Begin(TxnMode mode) override;
  std::shared_ptr<const CsrSnapshot> Csr() override;
  void RefreshCsr() override;
  const std::string& path() const override { return rocks_.path(); }
  std::unique_ptr<BulkWriter> BeginBulk() override;
  std::uint64_t IoErrorMark() const override { return rocks_.io_errors().count(); }
  void ThrowIfIoErrorSince(std::uint64_t mark) const override;

  RocksHandle& rocks() { return rocks_; }
  bool read_only() const { return read_only_; }

  // The committed state; REQUIRES: state_mutex() held (shared or exclusive).
  const CommittedState& committed() const { return committed_; }
  std::shared_mutex& state_mutex() { return state_mutex_; }
  // Installs a newly committed state, and with it `nodes`: the NodeTable of the new node
  // version, or nullptr when the writer had none to carry forward (a stale table is
  // dropped). REQUIRES: state_mutex() held exclusively, by the writer that has just
  // committed.
  void Publish(CommittedState state, std::shared_ptr<const NodeTable> nodes = nullptr);

  // The CSR with its delta when together they cover `topology_version`, else a null
  // snapshot. Never builds.
  CsrView CsrIfBuilt(std::uint64_t topology_version);
  // Records the relationship changes of the commit that made topology version `version`
  // in the CSR's delta, so the CSR stays usable, when the CSR covers `version - 1` and the
  // delta stays small beside it (else the CSR is left to be rebuilt). REQUIRES:
  // state_mutex() held exclusively, by the writer that has just committed.
  void ApplyToCsr(std::span<const CsrDelta::Change> changes, std::uint64_t version);

  // The NodeTable if one exists for `node_version`, else nullptr. Never builds.
  std::shared_ptr<const NodeTable> NodeTableIfBuilt(std::uint64_t node_version);
  // The NodeTable of `node_version`, built now from the `node` family if needed; nullptr
  // when `node_version` is no longer the committed one (a reader on an old snapshot:
  // building for it would serve nobody else). Builds are serialised; a reader never
  // waits on a writer, nor a writer on a build.
  std::shared_ptr<const NodeTable> BuildNodeTable(std::uint64_t node_version);

 private:
  void LoadCommittedState();
  // Builds the CSR of the committed graph unless `current(snapshot, version)` says the
  // one there serves; returns the one there or the one built.
  template <typename Serves>
  std::shared_ptr<const CsrSnapshot> BuildCsrUnless(Serves current);

  RocksHandle rocks_;
  bool read_only_;
  std::mutex writer_mutex_;
  std::shared_mutex state_mutex_;
  CommittedState committed_;
  std::mutex csr_build_mutex_;  // serialises CSR builds (held for a whole build)
  std::mutex csr_mutex_;  // guards the three below (held briefly; never during a build)
  std::shared_ptr<const CsrSnapshot> csr_;
  std::shared_ptr<CsrDelta> csr_delta_;  // the commits since csr_ was built
  std::uint64_t csr_version_ = 0;        // the topology version csr_ and csr_delta_ reach
  std::mutex node_table_build_mutex_;  // serialises NodeTable builds
  std::mutex node_table_mutex_;        // guards node_table_ only (held briefly)
  std::shared_ptr<const NodeTable> node_table_;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_STORE_IMPL_H_
