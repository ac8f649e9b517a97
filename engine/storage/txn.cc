// RocksTxn: construction, catalog, counts and outcome (commit, rollback, save points).
#include <fmt/format.h>

#include <algorithm>

#include "engine/storage/key_codec.h"
#include "engine/storage/txn_impl.h"

namespace parley::storage {

RocksTxn::RocksTxn(GraphStoreImpl& store, TxnMode mode, std::unique_lock<std::mutex> writer_lock)
    : store_(store), rocks_(store.rocks()), mode_(mode), writer_lock_(std::move(writer_lock)) {
  std::shared_lock state_lock(store_.state_mutex());
  base_ = store_.committed();
  schema_ = base_.schema;
  next_node_ = base_.next_node;
  next_rel_ = base_.next_rel;
  if (mode_ == TxnMode::kReadWrite) {
    // overwrite_key false: a write is one insert into the batch's index, where overwriting
    // first searches for an earlier entry of the key. A key written twice then has two
    // entries; reads and merged iterators (RocksDB >= 6.20) show only the latest.
    batch_ = std::make_unique<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(), 0,
                                                            /*overwrite_key=*/false);
    unindexed_ = std::make_unique<FamilyWrites>();
  } else {
    snapshot_ = rocks_.db()->GetSnapshot();
    read_options_.snapshot = snapshot_;
  }
}

RocksTxn::~RocksTxn() {
  if (!finished_) Finish();
}

void RocksTxn::Finish() {
  finished_ = true;
  index_iterator_.reset();  // before its snapshot goes
  batch_.reset();  // uncommitted changes exist only here and in unindexed_
  unindexed_.reset();
  if (snapshot_ != nullptr) rocks_.db()->ReleaseSnapshot(snapshot_);
  snapshot_ = nullptr;
  if (writer_lock_.owns_lock()) writer_lock_.unlock();
}

void RocksTxn::RequireOpen() const {
  if (finished_) {
    throw Error(ErrorKind::kRuntimeError, "TransactionClosed",
                "the transaction has already been committed or rolled back");
  }
}

void RocksTxn::RequireWritable(const char* what) const {
  RequireOpen();
  if (mode_ != TxnMode::kReadWrite) {
    throw Error(ErrorKind::kRuntimeError, "ReadOnlyTransaction",
                fmt::format("cannot {} in a read-only transaction", what));
  }
}

bool RocksTxn::Get(Cf cf, const std::string& key, std::string* value) const {
  RequireOpen();
  if (batch_) IndexWrites(cf);
  rocksdb::Status status =
      batch_ ? batch_->GetFromBatchAndDB(rocks_.db(), read_options_, rocks_.cf(cf), key, value)
             : rocks_.db()->Get(read_options_, rocks_.cf(cf), key, value);
  if (status.IsNotFound()) return false;
  ThrowIfError(status, "cannot read", rocks_.path());
  return true;
}

void RocksTxn::Put(Cf cf, const std::string& key, const std::string& value) {
  ThrowIfError((*unindexed_)[static_cast<int>(cf)].Put(key, value), "cannot write", rocks_.path());
}

void RocksTxn::Delete(Cf cf, const std::string& key) {
  ThrowIfError((*unindexed_)[static_cast<int>(cf)].Delete(key), "cannot delete", rocks_.path());
}

void RocksTxn::MoveWrites(Cf cf, rocksdb::WriteBatchBase* to) const {
  rocksdb::WriteBatch& writes = (*unindexed_)[static_cast<int>(cf)];
  if (writes.Count() == 0) return;
  // Replays the family's writes (made without a family, so under id 0) into `to`.
  class Replay : public rocksdb::WriteBatch::Handler {
   public:
    Replay(rocksdb::WriteBatchBase* to, rocksdb::ColumnFamilyHandle* cf) : to_(to), cf_(cf) {}
    rocksdb::Status PutCF(std::uint32_t, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
      return to_->Put(cf_, key, value);
    }
    rocksdb::Status DeleteCF(std::uint32_t, const rocksdb::Slice& key) override {
      return to_->Delete(cf_, key);
    }

   private:
    rocksdb::WriteBatchBase* to_;
    rocksdb::ColumnFamilyHandle* cf_;
  } replay(to, rocks_.cf(cf));
  ThrowIfError(writes.Iterate(&replay), "cannot write", rocks_.path());
  writes.Clear();
}

void RocksTxn::IndexWrites(Cf cf) const { MoveWrites(cf, batch_.get()); }

void RocksTxn::IndexAllWrites() const {
  for (int cf = 0; cf < static_cast<int>(Cf::kCount); ++cf) IndexWrites(static_cast<Cf>(cf));
}

std::unique_ptr<rocksdb::Iterator> RocksTxn::NewIterator(Cf cf,
                                                         const rocksdb::Slice* upper_bound) const {
  RequireOpen();
  rocksdb::ReadOptions options = read_options_;
  options.iterate_upper_bound = upper_bound;
  rocksdb::Iterator* base = rocks_.db()->NewIterator(options, rocks_.cf(cf));
  if (!batch_) return std::unique_ptr<rocksdb::Iterator>(base);
  IndexWrites(cf);
  // The merged iterator owns `base`; it does not apply the upper bound to the batch's own
  // entries, so cursors check their end themselves.
  return std::unique_ptr<rocksdb::Iterator>(
      batch_->NewIteratorWithBase(rocks_.cf(cf), base, &options));
}

// --- Catalog.

std::optional<LabelId> RocksTxn::FindLabel(std::string_view name) const {
  auto id = schema_->labels.Find(name);
  return id ? std::optional<LabelId>(LabelId(*id)) : std::nullopt;
}

std::optional<RelTypeId> RocksTxn::FindRelType(std::string_view name) const {
  auto id = schema_->rel_types.Find(name);
  return id ? std::optional<RelTypeId>(RelTypeId(*id)) : std::nullopt;
}

std::optional<PropKeyId> RocksTxn::FindPropKey(std::string_view name) const {
  auto id = schema_->prop_keys.Find(name);
  return id ? std::optional<PropKeyId>(PropKeyId(*id)) : std::nullopt;
}

Schema& RocksTxn::MutableSchema() {
  if (!schema_owned_) {
    retired_schemas_.push_back(schema_);
    schema_ = std::make_shared<Schema>(*schema_);
    schema_owned_ = true;
  }
  return const_cast<Schema&>(*schema_);
}

std::uint32_t RocksTxn::GetOrCreateName(NameTable Schema::*table, NameKind kind,
                                        std::string_view name) {
  if (auto id = ((*schema_).*table).Find(name)) return *id;
  RequireWritable("create a name");
  std::uint32_t id = (MutableSchema().*table).Add(std::string(name));
  Put(Cf::kMeta, EncodeNameKey(kind, id), std::string(name));
  return id;
}

LabelId RocksTxn::GetOrCreateLabel(std::string_view name) {
  return LabelId(GetOrCreateName(&Schema::labels, NameKind::kLabel, name));
}

RelTypeId RocksTxn::GetOrCreateRelType(std::string_view name) {
  return RelTypeId(GetOrCreateName(&Schema::rel_types, NameKind::kRelType, name));
}

PropKeyId RocksTxn::GetOrCreatePropKey(std::string_view name) {
  return PropKeyId(GetOrCreateName(&Schema::prop_keys, NameKind::kPropKey, name));
}

const std::string& RocksTxn::LabelName(LabelId id) const {
  return schema_->labels.Name(id.value, "label");
}

const std::string& RocksTxn::RelTypeName(RelTypeId id) const {
  return schema_->rel_types.Name(id.value, "relationship type");
}

const std::string& RocksTxn::PropKeyName(PropKeyId id) const {
  return schema_->prop_keys.Name(id.value, "property key");
}

template <typename Id>
static std::vector<Id> AllIds(const NameTable& table) {
  std::vector<Id> ids;
  for (std::uint32_t i = 0; i < table.size(); ++i) ids.emplace_back(i);
  return ids;
}

std::vector<LabelId> RocksTxn::AllLabels() const { return AllIds<LabelId>(schema_->labels); }
std::vector<RelTypeId> RocksTxn::AllRelTypes() const {
  return AllIds<RelTypeId>(schema_->rel_types);
}
std::vector<PropKeyId> RocksTxn::AllPropKeys() const {
  return AllIds<PropKeyId>(schema_->prop_keys);
}

// --- Counts: the committed value in `meta` plus this Txn's delta.

std::uint64_t RocksTxn::ReadCount(const std::string& key) const {
  std::string value;
  std::uint64_t count =
      Get(Cf::kMeta, key, &value) && value.size() == 8 ? ReadBigEndian64(value) : 0;
  auto it = count_deltas_.find(key);
  if (it != count_deltas_.end()) count += static_cast<std::uint64_t>(it->second);
  return count;
}

void RocksTxn::AddCount(const std::string& key, std::int64_t delta) { count_deltas_[key] += delta; }

std::uint64_t RocksTxn::NodeCount() const { return ReadCount(EncodeNodeCountKey()); }
std::uint64_t RocksTxn::RelCount() const { return ReadCount(EncodeRelCountKey()); }
std::uint64_t RocksTxn::LabelCount(LabelId label) const {
  return ReadCount(EncodeLabelCountKey(label));
}
std::uint64_t RocksTxn::RelTypeCount(RelTypeId type) const {
  return ReadCount(EncodeTypeCountKey(type));
}

// Folds the deltas into `meta` just before the commit: the values written include the
// Txn's own changes and disappear with it on rollback.
void RocksTxn::WriteCounts() {
  std::map<std::string, std::int64_t> deltas;
  deltas.swap(count_deltas_);
  for (const auto& [key, delta] : deltas) {
    if (delta == 0) continue;
    std::string value;
    std::uint64_t count =
        Get(Cf::kMeta, key, &value) && value.size() == 8 ? ReadBigEndian64(value) : 0;
    std::string encoded;
    AppendBigEndian64(&encoded, count + static_cast<std::uint64_t>(delta));
    Put(Cf::kMeta, key, encoded);
  }
}

// --- Outcome.

void RocksTxn::SetSavePoint() {
  RequireWritable("set a save point");
  IndexAllWrites();  // so that everything unindexed comes after the latest save point
  batch_->SetSavePoint();
  save_points_.push_back({schema_, count_deltas_, topology_changed_, rel_changes_.size()});
  schema_owned_ = false;  // the save point shares it now; copy before the next change
}

void RocksTxn::RollbackToSavePoint() {
  RequireWritable("roll back to a save point");
  if (save_points_.empty()) {
    throw Error(ErrorKind::kRuntimeError, "NoSavePoint", "there is no save point to roll back to");
  }
  ThrowIfError(batch_->RollbackToSavePoint(), "cannot roll back to a save point", rocks_.path());
  for (rocksdb::WriteBatch& writes : *unindexed_) writes.Clear();  // all after the save point
  pending_mode_ = Pending::kOff;  // the records kept may be undone: the batch rules now
  pending_nodes_.clear();
  SavePoint& point = save_points_.back();
  retired_schemas_.push_back(schema_);
  schema_ = point.schema;
  schema_owned_ = false;
  count_deltas_ = std::move(point.count_deltas);
  topology_changed_ = point.topology_changed;
  rel_changes_.resize(point.rel_changes);
  save_points_.pop_back();
}

void RocksTxn::PopSavePoint() {
  RequireWritable("release a save point");
  if (save_points_.empty()) {
    throw Error(ErrorKind::kRuntimeError, "NoSavePoint", "there is no save point to release");
  }
  ThrowIfError(batch_->PopSavePoint(), "cannot release a save point", rocks_.path());
  save_points_.pop_back();
}

void RocksTxn::Commit() {
  RequireOpen();
  if (mode_ == TxnMode::kReadOnly) {
    Finish();
    return;
  }
  WriteCounts();
  std::string encoded;
  if (next_node_ != base_.next_node) {
    AppendBigEndian64(&encoded, next_node_);
    Put(Cf::kMeta, EncodeCounterKey(CounterKind::kNextNode), encoded);
  }
  if (next_rel_ != base_.next_rel) {
    encoded.clear();
    AppendBigEndian64(&encoded, next_rel_);
    Put(Cf::kMeta, EncodeCounterKey(CounterKind::kNextRel), encoded);
  }
  // The next NodeTable is made before taking the state lock, so readers starting
  // meanwhile do not wait for it. No other writer can commit in between.
  bool nodes_changed = !touched_nodes_.empty();
  std::shared_ptr<const NodeTable> nodes;
  if (nodes_changed) {
    if (auto table = store_.NodeTableIfBuilt(base_.node_version))
      nodes = table->UpdatedWith(base_.node_version + 1, NodeChanges());
  }
  // Writes never read back join the batch unindexed: the index is of no use any more.
  for (int cf = 0; cf < static_cast<int>(Cf::kCount); ++cf) {
    MoveWrites(static_cast<Cf>(cf), batch_->GetWriteBatch());
  }
  bool deleted = false;
  {
    std::unique_lock state_lock(store_.state_mutex());
    rocksdb::Status written = rocks_.db()->Write(rocks_.durable_write(), batch_->GetWriteBatch());
    if (!written.ok()) {
      Finish();  // the batch's index no longer matches it: the Txn ends, rolled back
      ThrowIfError(written, "cannot commit", rocks_.path());
    }
    rocks_.RecordDurable();
    deleted = batch_->GetWriteBatch()->HasDelete();
    CommittedState state{schema_, next_node_, next_rel_, base_.topology_version,
                         base_.node_version};
    if (topology_changed_) {
      ++state.topology_version;
      store_.ApplyToCsr(rel_changes_, state.topology_version);
    }
    if (nodes_changed) ++state.node_version;
    store_.Publish(std::move(state), std::move(nodes));
  }
  schema_owned_ = false;
  Finish();
  if (deleted) rocks_.FlushDeletionHeavyMemtables();
}

void RocksTxn::Rollback() {
  RequireOpen();
  Finish();
}

}  // namespace parley::storage
