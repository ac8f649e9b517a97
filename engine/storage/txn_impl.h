// RocksTxn: the Txn of GraphStoreImpl. Internal to engine/storage.
//
// A read Txn reads through a RocksDB snapshot taken at Begin. A write Txn buffers its
// changes in a rocksdb::WriteBatchWithIndex and reads the latest committed state merged
// with them (GetFromBatchAndDB, NewIteratorWithBase); Commit writes the batch atomically
// with a synced WAL. This is what a rocksdb::TransactionDB transaction with concurrency
// control skipped does; the store does not use TransactionDB because GraphStoreImpl's
// writer mutex already makes each write Txn the only writer (so key locks would be pure
// cost), and because opening a TransactionDB rewrites RocksDB's OPTIONS file once per
// column family, which made opening a tiny database ten times slower.
// Schema changes and count deltas live in the Txn until Commit and are captured by save
// points together with RocksDB's own save points.
//
// Writes are indexed lazily, per column family: a write goes to a plain WriteBatch of its
// family and moves into the indexed batch only when the Txn next reads that family (or
// sets a save point); Commit appends what was never read back without indexing it. A
// CREATE writes seven families and reads one or two of them back, and indexing a write
// costs several times what making it does.
//
// The relationships a write Txn creates and deletes are also listed, in order, for the
// CSR's delta (CsrDelta), which Commit extends so that traversals after it need no
// rebuild.
#ifndef PARLEY_ENGINE_STORAGE_TXN_IMPL_H_
#define PARLEY_ENGINE_STORAGE_TXN_IMPL_H_

#include <rocksdb/utilities/write_batch_with_index.h>
#include <rocksdb/write_batch.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/storage/node_table.h"
#include "engine/storage/store_impl.h"
#include "engine/storage/value_codec.h"

namespace parley::storage {

// A cursor over a materialised list: ListCursor<NodeCursor, NodeId> or
// ListCursor<EdgeCursor, EdgeRef>.
template <typename Cursor, typename Item>
class ListCursor final : public Cursor {
 public:
  explicit ListCursor(std::vector<Item> items) : items_(std::move(items)) {}
  bool Next(Item* item) override {
    if (next_ == items_.size()) return false;
    *item = items_[next_++];
    return true;
  }

 private:
  std::vector<Item> items_;
  std::size_t next_ = 0;
};

class RocksTxn final : public Txn {
 public:
  // For kReadWrite, `writer_lock` holds the store's writer mutex until the Txn ends.
  RocksTxn(GraphStoreImpl& store, TxnMode mode, std::unique_lock<std::mutex> writer_lock);
  ~RocksTxn() override;

  std::optional<LabelId> FindLabel(std::string_view name) const override;
  std::optional<RelTypeId> FindRelType(std::string_view name) const override;
  std::optional<PropKeyId> FindPropKey(std::string_view name) const override;
  LabelId GetOrCreateLabel(std::string_view name) override;
  RelTypeId GetOrCreateRelType(std::string_view name) override;
  PropKeyId GetOrCreatePropKey(std::string_view name) override;
  const std::string& LabelName(LabelId id) const override;
  const std::string& RelTypeName(RelTypeId id) const override;
  const std::string& PropKeyName(PropKeyId id) const override;
  std::vector<LabelId> AllLabels() const override;
  std::vector<RelTypeId> AllRelTypes() const override;
  std::vector<PropKeyId> AllPropKeys() const override;

  NodeId CreateNode(std::span<const LabelId> labels, PropertyMap properties) override;
  bool NodeExists(NodeId id) const override;
  std::vector<LabelId> NodeLabels(NodeId id) const override;
  bool NodeHasLabel(NodeId id, LabelId label) const override;
  Value NodeProperty(NodeId id, PropKeyId key) const override;
  PropertyMap NodeProperties(NodeId id) const override;
  void SetNodeProperty(NodeId id, PropKeyId key, const Value& value) override;
  bool AddNodeLabel(NodeId id, LabelId label) override;
  bool RemoveNodeLabel(NodeId id, LabelId label) override;
  std::uint64_t DeleteNode(NodeId id, bool detach) override;

  RelId CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties) override;
  std::optional<RelRecord> GetRel(RelId id) const override;
  Value RelProperty(RelId id, PropKeyId key) const override;
  PropertyMap RelProperties(RelId id) const override;
  void SetRelProperty(RelId id, PropKeyId key, const Value& value) override;
  void DeleteRel(RelId id) override;

  std::unique_ptr<NodeCursor> ScanNodes() const override;
  std::unique_ptr<NodeCursor> ScanLabel(LabelId label) const override;
  std::unique_ptr<RelCursor> ScanRels() const override;
  std::unique_ptr<RelCursor> ScanRelType(RelTypeId type) const override;
  std::unique_ptr<EdgeCursor> Expand(NodeId node, Direction direction,
                                     std::span<const RelTypeId> types) const override;
  std::uint64_t Degree(NodeId node, Direction direction,
                       std::span<const RelTypeId> types) const override;
  std::shared_ptr<const CsrSnapshot> ExactCsr() const override;

  using Txn::CreateIndex;
  void CreateIndex(LabelId label, PropKeyId key, const std::string& name) override;
  void DropIndex(LabelId label, PropKeyId key) override;
  bool HasIndex(LabelId label, PropKeyId key) const override;
  std::vector<IndexInfo> Indexes() const override;
  void CreateUniqueConstraint(LabelId label, PropKeyId key, const std::string& name) override;
  void DropUniqueConstraint(LabelId label, PropKeyId key) override;
  bool HasUniqueConstraint(LabelId label, PropKeyId key) const override;
  std::vector<ConstraintInfo> Constraints() const override;
  std::unique_ptr<NodeCursor> IndexSeek(LabelId label, PropKeyId key,
                                        const Value& equal_to) const override;
  std::unique_ptr<NodeCursor> IndexRange(LabelId label, PropKeyId key,
                                         const std::optional<IndexBound>& lower,
                                         const std::optional<IndexBound>& upper) const override;

  bool VisitNodeColumns(std::optional<LabelId> label, std::span<const PropKeyId> keys,
                        const std::function<void(const NodeColumnPage&)>& visit) const override;
  std::optional<NumericRange> NumericPropertyRange(PropKeyId key) const override;

  std::uint64_t NodeCount() const override;
  std::uint64_t LabelCount(LabelId label) const override;
  std::uint64_t RelCount() const override;
  std::uint64_t RelTypeCount(RelTypeId type) const override;

  void SetSavePoint() override;
  void RollbackToSavePoint() override;
  void PopSavePoint() override;
  void Commit() override;
  void Rollback() override;
  bool read_only() const override { return mode_ == TxnMode::kReadOnly; }
  bool NodeReadsInMemory() const override;

  // For this Txn's cursors: an iterator over `cf` that sees the Txn's view, stopping
  // before `*upper_bound` (which must outlive the iterator).
  std::unique_ptr<rocksdb::Iterator> NewIterator(Cf cf, const rocksdb::Slice* upper_bound) const;

 private:
  struct SavePoint {
    std::shared_ptr<const Schema> schema;
    std::map<std::string, std::int64_t> count_deltas;
    bool topology_changed;
    std::size_t rel_changes;  // rel_changes_.size() then
  };

  bool Get(Cf cf, const std::string& key, std::string* value) const;
  void Put(Cf cf, const std::string& key, const std::string& value);
  void Delete(Cf cf, const std::string& key);
  // Moves the family's unindexed writes into batch_, in order; every read of `cf` through
  // batch_ calls it first, so reads see all of the Txn's writes.
  void IndexWrites(Cf cf) const;
  void IndexAllWrites() const;
  // Appends the unindexed writes of `cf` to `to`, in order, and forgets them.
  void MoveWrites(Cf cf, rocksdb::WriteBatchBase* to) const;
  void RequireWritable(const char* what) const;
  void RequireOpen() const;
  NodeRecord ReadNode(NodeId id) const;  // throws EntityNotFound when absent
  RelValue ReadRel(RelId id) const;      // throws EntityNotFound when absent
  Schema& MutableSchema();
  std::uint32_t GetOrCreateName(NameTable Schema::*table, NameKind kind, std::string_view name);
  void AddCount(const std::string& key, std::int64_t delta);
  std::uint64_t ReadCount(const std::string& key) const;
  // Adds (or removes) the index entries of a node's (label, key, value) triples; adding
  // REQUIRES that CheckUniqueEntries passed for them.
  void UpdateIndexEntries(NodeId id, std::span<const LabelId> labels, const PropertyMap& properties,
                          bool add);
  // Throws ConstraintValidationFailed when node `id` having `labels` and `properties` would
  // repeat a value of a uniqueness constraint; writers call it before changing anything.
  void CheckUniqueEntries(NodeId id, std::span<const LabelId> labels,
                          const PropertyMap& properties) const;
  // Throws ConstraintValidationFailed when a node other than `id` has `value` in the
  // index of (label, key).
  void CheckUnique(LabelId label, PropKeyId key, const Value& value, NodeId id) const;
  void WriteCounts();
  void Finish();
  // The CSR when it serves this Txn's snapshot and the Txn has not changed the topology;
  // a null snapshot otherwise. A reference: expansions ask for it per node, and copying
  // its two shared_ptrs each time cost more than the expansion of a small node.
  const CsrView& UsableCsr() const;
  // The Txn's reusable iterator over the committed `index` family (see IndexSeek).
  rocksdb::Iterator* IndexIterator() const;

  // The NodeTable of this Txn's snapshot, when one is built; nullptr otherwise.
  const NodeTable* UsableNodeTable() const;
  // For a scan of all nodes or of those with `label`: the NodeTable, built now when the
  // scan covers enough nodes to pay for it, or nullptr (then scan RocksDB). Never for a
  // Txn that has changed nodes: the table would miss its changes.
  const NodeTable* NodeTableForScan(std::optional<LabelId> label) const;
  // Counts a node read that found no NodeTable; once such reads reach a good part of the
  // nodes, builds the table (as a scan would) and returns it; nullptr until then.
  const NodeTable* NodeTableAfterManyReads() const;
  // The NodeTable when it answers for node `id` (whether or not the node exists); nullptr
  // when RocksDB must: no table, or this Txn has changed the node.
  const NodeTable* TableFor(NodeId id) const;
  // Writes node `id`'s record (or its deletion, for nullopt) to the batch, and notes the
  // node as changed by this Txn.
  void WriteNodeRecord(NodeId id, std::optional<NodeRecord> record);
  // This Txn's own record of node `id` when it changed the node: *record is set (nullptr
  // when it deleted it) and true is returned. False: not changed, or not remembered.
  bool PendingRecord(NodeId id, const NodeRecord** record) const;
  // The final state of every node this Txn changed, for the next NodeTable.
  std::vector<NodeTable::Change> NodeChanges();

  GraphStoreImpl& store_;
  RocksHandle& rocks_;
  TxnMode mode_;
  std::unique_lock<std::mutex> writer_lock_;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> batch_;  // write Txns
  // Per family: writes made since the family was last read (see the file comment). All
  // of them come after the latest save point, since SetSavePoint indexes them first.
  using FamilyWrites = std::array<rocksdb::WriteBatch, static_cast<int>(Cf::kCount)>;
  std::unique_ptr<FamilyWrites> unindexed_;  // write Txns
  const rocksdb::Snapshot* snapshot_ = nullptr;          // read Txns
  rocksdb::ReadOptions read_options_;
  std::shared_ptr<const Schema> schema_;
  bool schema_owned_ = false;  // true when schema_ is this Txn's private copy
  std::vector<std::shared_ptr<const Schema>> retired_schemas_;  // keep names valid
  std::map<std::string, std::int64_t> count_deltas_;            // meta count key -> delta
  CommittedState base_;
  std::uint64_t next_node_;
  std::uint64_t next_rel_;
  bool topology_changed_ = false;
  std::vector<SavePoint> save_points_;
  bool finished_ = false;
  mutable CsrView csr_;  // a usable CSR, once found
  // The relationships created and deleted, in order, for the CSR's delta at commit.
  std::vector<CsrDelta::Change> rel_changes_;
  // Ids of the nodes this Txn has written (a superset after a rollback to a save point).
  std::unordered_set<std::uint64_t> touched_nodes_;
  // The records this Txn wrote, by node id (nullopt: deleted), kept while a NodeTable is
  // there to carry them into at commit: reading them back from the batch would cost a
  // lookup and a decode each. Off after a rollback to a save point (the batch then rules).
  enum class Pending : std::uint8_t { kUndecided, kKept, kOff };
  Pending pending_mode_ = Pending::kUndecided;
  std::unordered_map<std::uint64_t, std::optional<NodeRecord>> pending_nodes_;
  mutable std::shared_ptr<const NodeTable> node_table_;  // of base_.node_version, once found
  mutable bool node_table_looked_up_ = false;
  mutable std::uint64_t reads_without_table_ = 0;  // NodeTableAfterManyReads
  mutable std::unique_ptr<rocksdb::Iterator> index_iterator_;  // released in Finish
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_TXN_IMPL_H_
