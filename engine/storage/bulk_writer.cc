#include "engine/storage/bulk_writer.h"

#include <fmt/format.h>
#include <rocksdb/convenience.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <optional>
#include <thread>

#include "engine/storage/key_codec.h"
#include "engine/storage/store_impl.h"
#include "engine/storage/value_codec.h"
#include "parley/error.h"

namespace parley::storage {

// Where one family's keys of a load go, in key order: an SST file to ingest, or the
// WriteBatch of a small load. Throws Error on any failure.
class KeyOut {
 public:
  virtual ~KeyOut() = default;
  virtual void Put(std::string_view key, std::string_view value) = 0;
  virtual void Finish() = 0;
};

namespace {

constexpr int Family(Cf cf) { return static_cast<int>(cf); }
constexpr std::string_view kSstPrefix = "bulk-";    // file names of bulk SSTs in the db dir
constexpr std::size_t kChunkValueBytes = 64 << 20;  // a chunk's values stay below 4 GiB

std::string EncodeUint64(std::uint64_t v) {
  std::string out;
  AppendBigEndian64(&out, v);
  return out;
}

// Big-endian stores into fixed key buffers: the same bytes as key_codec's encoders, without
// a std::string per key (the adjacency keys are too long for the small-string buffer).
char* Put64(char* out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) *out++ = static_cast<char>(v >> (8 * i));
  return out;
}
char* Put32(char* out, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) *out++ = static_cast<char>(v >> (8 * i));
  return out;
}

// Options of the bulk SSTs. LZ4 where the library has it: files about the size of Snappy's
// for markedly less CPU (the SSTs are most of an import's cost). The families read only by
// prefix scans (`out`, `in`, `label`, `type`, `index`) get no Bloom filter: no point read
// ever consults it, and building it costs a hash per key.
rocksdb::Options BulkOptions(const rocksdb::Options& base, bool point_reads) {
  rocksdb::Options options = base;
  static const bool has_lz4 = [] {
    auto supported = rocksdb::GetSupportedCompressions();
    return std::find(supported.begin(), supported.end(), rocksdb::kLZ4Compression) !=
           supported.end();
  }();
  if (has_lz4 && base.compression != rocksdb::kNoCompression) {
    options.compression = rocksdb::kLZ4Compression;
  }
  if (!point_reads) {
    rocksdb::BlockBasedTableOptions table =
        *base.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>();
    table.filter_policy.reset();
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  }
  return options;
}

// One SST file being written. The file's pages stay in the page cache (SstFileWriter
// would drop them every megabyte): the store reads the load right after ingesting it, and
// checking the size for that on every key costs CPU too.
class SstOut final : public KeyOut {
 public:
  SstOut(RocksHandle& rocks, const std::string& path, bool point_reads)
      : rocks_(rocks),
        writer_(rocksdb::EnvOptions(), BulkOptions(rocks.options(), point_reads), nullptr,
                /*invalidate_page_cache=*/false) {
    ThrowIfError(writer_.Open(path), "cannot create a bulk-load file", rocks_.path());
  }
  void Put(std::string_view key, std::string_view value) override {
    ThrowIfError(writer_.Put(rocksdb::Slice(key.data(), key.size()),
                             rocksdb::Slice(value.data(), value.size())),
                 "cannot write a bulk-load file", rocks_.path());
  }
  void Finish() override {
    ThrowIfError(writer_.Finish(), "cannot finish a bulk-load file", rocks_.path());
  }

 private:
  RocksHandle& rocks_;
  rocksdb::SstFileWriter writer_;
};

// One family's part of a small load's WriteBatch.
class BatchOut final : public KeyOut {
 public:
  BatchOut(RocksHandle& rocks, rocksdb::WriteBatch& batch, int family)
      : rocks_(rocks), batch_(batch), cf_(rocks.cf(static_cast<Cf>(family))) {}
  void Put(std::string_view key, std::string_view value) override {
    ThrowIfError(batch_.Put(cf_, rocksdb::Slice(key.data(), key.size()),
                            rocksdb::Slice(value.data(), value.size())),
                 "cannot add to the load's batch", rocks_.path());
  }
  void Finish() override {}

 private:
  RocksHandle& rocks_;
  rocksdb::WriteBatch& batch_;
  rocksdb::ColumnFamilyHandle* cf_;
};

// Runs the jobs on up to two threads (the caller's and one more); rethrows the first
// failure after all have stopped. Families are independent files, so their sorting and
// writing (block building, compression, checksums) parallelise without coordination.
void RunJobs(std::vector<std::function<void()>>& jobs) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(jobs.size());
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      try {
        jobs[i]();
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  unsigned threads = std::min<unsigned>(2, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads && t < jobs.size(); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

// An entry of one node's run in the `out` (or `in`) family: the node is the run's. 16
// bytes, so that the sort moves and scatters little.
struct AdjSlot {
  std::uint64_t other;
  std::uint32_t type;
  std::uint32_t rel;  // relationship id - the run's first (run_first_rel_)
};
bool SameNodeLess(const AdjSlot& a, const AdjSlot& b) {
  if (a.type != b.type) return a.type < b.type;
  if (a.other != b.other) return a.other < b.other;
  return a.rel < b.rel;
}

// The map as stored: sorted by key, a later duplicate winning, no nulls. Throws
// InvalidPropertyType for a value that cannot be a property. The rows of an import come
// sorted and without nulls: their map is kept as it is, without a copy.
PropertyMap StoredMap(PropertyMap properties) {
  bool stored_form = true;
  for (std::size_t i = 0; i < properties.size(); ++i) {
    const Value& value = properties[i].second;
    if (!value.is_null()) CheckPropertyValue(value);
    stored_form = stored_form && !value.is_null() &&
                  (i == 0 || properties[i - 1].first < properties[i].first);
  }
  if (stored_form) return properties;
  PropertyMap map;
  for (const auto& [key, value] : properties) SetInMap(&map, key, value);
  return map;
}

}  // namespace

// Key id, value the encoded relationship: the `rel` keys of `chunk`, whose first
// relationship has id `first_id`.
void BulkWriter::PutRelKeys(const RelChunk& chunk, std::uint64_t first_id, KeyOut& out) {
  std::string_view values(chunk.values);
  char key[8];
  std::uint32_t begin = 0;
  for (std::size_t i = 0; i < chunk.ends.size(); ++i) {
    Put64(key, first_id + i);
    out.Put(std::string_view(key, sizeof key), values.substr(begin, chunk.value_ends[i] - begin));
    begin = chunk.value_ends[i];
  }
}

// The background writer of the `rel` file, and of the `type` file while every
// relationship has the load's first type (keys type | id then come in id order too).
// Chunks arrive in id order; each chunk's values are freed once written. A failure is
// kept and rethrown to the loading thread by the next Submit or by Close.
class BulkWriter::RelStream {
 public:
  explicit RelStream(BulkWriter& writer) : writer_(writer), next_id_(writer.first_rel_) {
    thread_ = std::thread([this] { Run(); });
  }
  ~RelStream() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      abandon_ = true;  // Close was not called: the load is being dropped
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  // REQUIRES: `chunk` outlives the stream; chunks in id order, each submitted once.
  void Submit(RelChunk* chunk) {
    std::lock_guard lock(mutex_);
    if (error_) std::rethrow_exception(error_);
    queue_.push_back(chunk);
    wake_.notify_one();
  }

  // Waits until every submitted chunk is written (their ends may then be freed).
  void Drain() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return (queue_.empty() && !busy_) || error_; });
    if (error_) std::rethrow_exception(error_);
  }

  // Waits for every submitted chunk to be written and finishes the files. Returns the
  // `rel` file and the `type` file, which holds the relationships before the first chunk
  // with a second type (empty when that is the first chunk).
  std::pair<std::string, std::string> Close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    wake_.notify_all();
    thread_.join();
    if (error_) std::rethrow_exception(error_);
    return {rel_path_, type_path_};
  }

 private:
  void Run() {
    try {
      while (RelChunk* chunk = NextChunk()) {
        Write(*chunk);
        std::lock_guard lock(mutex_);
        busy_ = false;
        idle_.notify_all();
      }
      {
        std::lock_guard lock(mutex_);
        if (abandon_) return;
      }
      if (rel_out_) rel_out_->Finish();
      if (type_out_ && type_ok_) type_out_->Finish();
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      idle_.notify_all();
    }
  }

  RelChunk* NextChunk() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return closed_ || !queue_.empty(); });
    if (queue_.empty() || abandon_) return nullptr;
    RelChunk* chunk = queue_.front();
    queue_.pop_front();
    busy_ = true;
    return chunk;
  }

  void Write(RelChunk& chunk) {
    if (!rel_out_) {
      rel_path_ = writer_.NewSstPath(Family(Cf::kRel));
      rel_out_.emplace(writer_.store_.rocks(), rel_path_, true);
      type_path_ = writer_.NewSstPath(Family(Cf::kType));
      type_out_.emplace(writer_.store_.rocks(), type_path_, false);
      first_type_ = chunk.ends.front().type;
    }
    if (type_ok_) {
      type_ok_ = std::all_of(chunk.ends.begin(), chunk.ends.end(),
                             [this](const RelEnds& r) { return r.type == first_type_; });
      // From this chunk on, BulkWriter writes the `type` keys from the ends; the file
      // keeps those before it.
      if (!type_ok_ && next_id_ > writer_.first_rel_) type_out_->Finish();
      if (!type_ok_ && next_id_ == writer_.first_rel_) type_path_.clear();
      if (!type_ok_) type_out_.reset();
    }
    BulkWriter::PutRelKeys(chunk, next_id_, *rel_out_);
    if (type_ok_) {
      char type_key[12], ends[16];
      std::uint64_t id = next_id_;
      for (const RelEnds& r : chunk.ends) {
        Put64(Put32(type_key, r.type), id++);
        Put64(Put64(ends, r.start), r.end);
        type_out_->Put(std::string_view(type_key, sizeof type_key),
                       std::string_view(ends, sizeof ends));
      }
    }
    next_id_ += chunk.ends.size();
    std::string().swap(chunk.values);  // the file holds them now
    std::vector<std::uint32_t>().swap(chunk.value_ends);
  }

  BulkWriter& writer_;
  std::uint64_t next_id_;
  std::optional<SstOut> rel_out_, type_out_;  // used by the thread only
  std::string rel_path_, type_path_;
  std::uint32_t first_type_ = 0;
  bool type_ok_ = true;
  std::mutex mutex_;  // guards the fields below
  std::condition_variable wake_;
  std::deque<RelChunk*> queue_;
  std::condition_variable idle_;
  bool busy_ = false;  // a chunk is being written
  bool closed_ = false;
  bool abandon_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

void BulkWriter::Buffer::Add(std::string_view key, std::string_view value) {
  std::uint64_t prefix = 0;
  std::uint64_t prefix2 = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
    prefix2 = (prefix2 << 8) | (i + 8 < key.size() ? static_cast<unsigned char>(key[i + 8]) : 0u);
  }
  entries.push_back({prefix, prefix2, arena.size(), static_cast<std::uint32_t>(key.size()),
                     static_cast<std::uint32_t>(value.size())});
  arena.append(key);
  arena.append(value);
}

BulkWriter::BulkWriter(GraphStoreImpl& store, std::unique_lock<std::mutex> writer_lock)
    : store_(store), writer_lock_(std::move(writer_lock)) {
  std::shared_lock state_lock(store_.state_mutex());
  const CommittedState& state = store_.committed();
  schema_ = std::make_shared<Schema>(*state.schema);
  base_labels_ = schema_->labels.size();
  base_types_ = schema_->rel_types.size();
  base_keys_ = schema_->prop_keys.size();
  next_node_ = state.next_node;
  first_node_ = next_node_;
  next_rel_ = state.next_rel;
  first_rel_ = next_rel_;
  run_first_rel_ = next_rel_;
  chunk_first_rel_ = next_rel_;
  state_lock.unlock();
  sst_prefix_ = fmt::format("{}/{}", store_.rocks().path(), kSstPrefix);
  RemoveBulkFiles();
}

BulkWriter::~BulkWriter() {
  stream_.reset();  // stops the background writer
  RemoveBulkFiles();
}

LabelId BulkWriter::GetOrCreateLabel(std::string_view name) {
  if (auto id = schema_->labels.Find(name)) return LabelId(*id);
  return LabelId(schema_->labels.Add(std::string(name)));
}

RelTypeId BulkWriter::GetOrCreateRelType(std::string_view name) {
  if (auto id = schema_->rel_types.Find(name)) return RelTypeId(*id);
  return RelTypeId(schema_->rel_types.Add(std::string(name)));
}

PropKeyId BulkWriter::GetOrCreatePropKey(std::string_view name) {
  if (auto id = schema_->prop_keys.Find(name)) return PropKeyId(*id);
  return PropKeyId(schema_->prop_keys.Add(std::string(name)));
}

const std::string& BulkWriter::LabelName(LabelId label) const {
  return schema_->labels.Name(label.value, "label");
}

const std::string& BulkWriter::PropKeyName(PropKeyId key) const {
  return schema_->prop_keys.Name(key.value, "property key");
}

bool BulkWriter::HasIndex(LabelId label, PropKeyId key) const {
  return schema_->HasIndex(label, key);
}

bool BulkWriter::HasUniqueConstraint(LabelId label, PropKeyId key) const {
  return schema_->IsUnique(label, key);
}

std::vector<std::pair<LabelId, PropKeyId>> BulkWriter::UniqueConstraints() const {
  std::vector<std::pair<LabelId, PropKeyId>> out;
  for (const auto& [def, constraint] : schema_->unique) out.push_back(def);
  return out;
}

bool BulkWriter::CreateUniqueConstraint(LabelId label, PropKeyId key, const std::string& name) {
  bool new_index = !schema_->HasIndex(label, key);
  if (new_index) {
    schema_->indexes.emplace(std::make_pair(label, key), name);
    new_indexes_.emplace_back(label, key);
  }
  schema_->unique.emplace(std::make_pair(label, key), UniqueConstraint{name, new_index});
  new_constraints_.emplace_back(label, key);
  return new_index;
}

void BulkWriter::AddIndexEntry(LabelId label, PropKeyId key, const Value& value, NodeId node) {
  buffer(Family(Cf::kIndex)).Add(EncodeIndexKey(label, key, value, node), {});
}

bool BulkWriter::SchemaNameTaken(std::string_view name) const {
  for (const auto& [def, index] : schema_->indexes) {
    if (index == name) return true;
  }
  for (const auto& [def, constraint] : schema_->unique) {
    if (constraint.name == name) return true;
  }
  return false;
}

NodeId BulkWriter::CreateNode(std::span<const LabelId> labels, PropertyMap properties) {
  NodeRecord record;
  record.labels.assign(labels.begin(), labels.end());
  std::sort(record.labels.begin(), record.labels.end());
  record.labels.erase(std::unique(record.labels.begin(), record.labels.end()), record.labels.end());
  record.properties = StoredMap(std::move(properties));
  NodeId id(next_node_++);
  char key[8];
  Put64(key, id.value);
  buffer(Family(Cf::kNode)).Add(std::string_view(key, 8), EncodeNodeRecord(record));
  for (LabelId label : record.labels) {
    char label_key[12];
    Put64(Put32(label_key, label.value), id.value);
    buffer(Family(Cf::kLabel)).Add(std::string_view(label_key, 12), {});
    if (label.value >= label_counts_.size()) label_counts_.resize(label.value + 1, 0);
    ++label_counts_[label.value];
    if (!schema_->LabelHasIndexes(label)) continue;
    for (const auto& [key, value] : record.properties) {
      if (schema_->HasIndex(label, key)) {
        buffer(Family(Cf::kIndex)).Add(EncodeIndexKey(label, key, value, id), {});
      }
    }
  }
  ++nodes_created_;
  return id;
}

RelId BulkWriter::CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties) {
  RelValue rel{type, start, end, StoredMap(std::move(properties))};
  if (chunks_.empty() || chunks_.back()->ends.size() == kRelChunk ||
      chunks_.back()->values.size() >= kChunkValueBytes) {
    // The values of the previous chunk size this one's buffer (no growth by copying).
    // Read before the chunk goes to the stream, which frees them.
    std::size_t expected_values = chunks_.empty() ? 0 : chunks_.back()->values.size();
    if (!chunks_.empty()) {
      if (!stream_) stream_ = std::make_unique<RelStream>(*this);
      stream_->Submit(chunks_.back().get());
      if (run_rels_ >= rel_run_limit_) SpillRun();
    }
    chunk_first_rel_ = next_rel_;
    chunks_.push_back(std::make_unique<RelChunk>());
    chunks_.back()->ends.reserve(kRelChunk);
    chunks_.back()->value_ends.reserve(kRelChunk);
    chunks_.back()->values.reserve(expected_values + expected_values / 8);
  }
  RelChunk& chunk = *chunks_.back();
  chunk.values += EncodeRelValue(rel);
  chunk.value_ends.push_back(static_cast<std::uint32_t>(chunk.values.size()));
  chunk.ends.push_back({start.value, end.value, type.value});
  if (type.value >= type_counts_.size()) type_counts_.resize(type.value + 1, 0);
  if (rels_created_ == 0) first_type_ = type.value;
  if (!mixed_types_ && type.value != first_type_) {
    mixed_types_ = true;
    type_stream_end_ = chunk_first_rel_;  // RelStream stops before this chunk too
  }
  ++type_counts_[type.value];
  ++rels_created_;
  ++run_rels_;
  return RelId(next_rel_++);
}

// Catalog names, id counters and counts (committed value + this load's delta).
void BulkWriter::WriteMeta() {
  RocksHandle& rocks = store_.rocks();
  std::map<std::string, std::string> meta;
  for (std::uint32_t id = base_labels_; id < schema_->labels.size(); ++id) {
    meta[EncodeNameKey(NameKind::kLabel, id)] = schema_->labels.Name(id, "label");
  }
  for (std::uint32_t id = base_types_; id < schema_->rel_types.size(); ++id) {
    meta[EncodeNameKey(NameKind::kRelType, id)] = schema_->rel_types.Name(id, "type");
  }
  for (std::uint32_t id = base_keys_; id < schema_->prop_keys.size(); ++id) {
    meta[EncodeNameKey(NameKind::kPropKey, id)] = schema_->prop_keys.Name(id, "key");
  }
  for (const auto& [label, key] : new_indexes_) {
    meta[EncodeIndexDefKey(label, key)] = schema_->indexes.at({label, key});
  }
  for (const auto& [label, key] : new_constraints_) {
    const UniqueConstraint& constraint = schema_->unique.at({label, key});
    meta[EncodeConstraintDefKey(label, key)] =
        EncodeConstraintDef(constraint.name, constraint.owns_index);
  }
  meta[EncodeCounterKey(CounterKind::kNextNode)] = EncodeUint64(next_node_);
  meta[EncodeCounterKey(CounterKind::kNextRel)] = EncodeUint64(next_rel_);
  std::map<std::string, std::int64_t> deltas;
  deltas[EncodeNodeCountKey()] = static_cast<std::int64_t>(nodes_created_);
  deltas[EncodeRelCountKey()] = static_cast<std::int64_t>(rels_created_);
  for (std::uint32_t id = 0; id < label_counts_.size(); ++id) {
    if (label_counts_[id] != 0) deltas[EncodeLabelCountKey(LabelId(id))] = label_counts_[id];
  }
  for (std::uint32_t id = 0; id < type_counts_.size(); ++id) {
    if (type_counts_[id] != 0) deltas[EncodeTypeCountKey(RelTypeId(id))] = type_counts_[id];
  }
  for (const auto& [key, delta] : deltas) {
    std::string value;
    rocksdb::Status status =
        rocks.db()->Get(rocksdb::ReadOptions(), rocks.cf(Cf::kMeta), key, &value);
    if (!status.IsNotFound()) ThrowIfError(status, "cannot read a count", rocks.path());
    std::uint64_t count = value.size() == 8 ? ReadBigEndian64(value) : 0;
    meta[key] = EncodeUint64(count + static_cast<std::uint64_t>(delta));
  }
  Buffer& buffer = buffers_[Family(Cf::kMeta)];
  for (const auto& [key, value] : meta) buffer.Add(key, value);
}

std::unique_ptr<KeyOut> BulkWriter::OpenOut(int family, bool point_reads, std::string* file) {
  if (batch_) {
    file->clear();
    return std::make_unique<BatchOut>(store_.rocks(), *batch_, family);
  }
  *file = NewSstPath(family);
  return std::make_unique<SstOut>(store_.rocks(), *file, point_reads);
}

std::string BulkWriter::NewSstPath(int family) {
  static std::atomic<std::uint64_t> sequence{0};
  return fmt::format("{}{}-{}.sst", sst_prefix_, kCfNames[family], ++sequence);
}

// The files of a load that was dropped, failed, or whose process was killed before its
// ingestion: RocksDB does not know them, so nothing else would ever remove them. (An
// ingested file is RocksDB's under another name.) The writer slot and the directory lock
// guarantee that no other bulk load of this database is writing any.
void BulkWriter::RemoveBulkFiles() {
  RocksHandle& rocks = store_.rocks();
  rocksdb::Env* env = rocks.options().env;
  std::vector<std::string> children;
  if (!env->GetChildren(rocks.path(), &children).ok()) return;
  for (const std::string& name : children) {
    if (name.starts_with(kSstPrefix) && name.ends_with(".sst")) {
      env->DeleteFile(rocks.path() + "/" + name).PermitUncheckedError();
    }
  }
}

std::string BulkWriter::WriteBufferKeys(int family, Buffer& buffer) {
  auto key_of = [&buffer](const Buffer::Entry& e) {
    return std::string_view(buffer.arena).substr(e.offset, e.key_size);
  };
  // Byte order: the 8-byte prefixes compare as numbers (a shorter key is zero-padded,
  // so equal prefixes fall through to the full comparison).
  auto less = [&](const Buffer::Entry& a, const Buffer::Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (a.prefix2 != b.prefix2) return a.prefix2 < b.prefix2;
    return key_of(a) < key_of(b);
  };
  if (!std::is_sorted(buffer.entries.begin(), buffer.entries.end(), less)) {
    std::sort(buffer.entries.begin(), buffer.entries.end(), less);
  }
  std::string file;
  auto out = OpenOut(family, family == Family(Cf::kNode) || family == Family(Cf::kMeta), &file);
  std::string_view arena(buffer.arena);
  for (const Buffer::Entry& e : buffer.entries) {
    out->Put(arena.substr(e.offset, e.key_size), arena.substr(e.offset + e.key_size, e.value_size));
  }
  out->Finish();
  buffer = Buffer();  // free the memory as soon as the file holds it
  return file;
}

// Sorted like the keys: node, type, other end, relationship. A counting sort on the node
// (its bucket: the offset from the lowest node, or its rank among the distinct nodes when
// the ids are sparse, e.g. a load touching few nodes of a large store). The relationships
// come in id order and the sort is stable, so each node's run is sorted by id already and
// only runs with several types or repeated other ends need a sort of their own.
std::string BulkWriter::WriteAdjacencyKeys(bool outgoing) {
  std::uint64_t low = std::numeric_limits<std::uint64_t>::max(), high = 0;
  for (const auto& chunk : chunks_) {
    for (const RelEnds& r : chunk->ends) {
      std::uint64_t node = outgoing ? r.start : r.end;
      low = std::min(low, node);
      high = std::max(high, node);
    }
  }
  // Calls fn(node, slot) for every relationship, in id order.
  auto for_each = [&](auto&& fn) {
    std::uint32_t rel = 0;
    for (const auto& chunk : chunks_) {
      for (const RelEnds& r : chunk->ends) {
        fn(outgoing ? r.start : r.end, AdjSlot{outgoing ? r.end : r.start, r.type, rel++});
      }
    }
  };
  std::vector<std::uint64_t> nodes;  // bucket -> node, when sparse
  bool dense = high - low <= 4 * run_rels_ + 1024;
  if (!dense) {
    nodes.reserve(run_rels_);
    for_each([&](std::uint64_t node, const AdjSlot&) { nodes.push_back(node); });
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  }
  auto bucket_of = [&](std::uint64_t node) -> std::size_t {
    if (dense) return node - low;
    return std::lower_bound(nodes.begin(), nodes.end(), node) - nodes.begin();
  };
  std::vector<std::uint64_t> begin((dense ? high - low + 1 : nodes.size()) + 1, 0);
  for_each([&](std::uint64_t node, const AdjSlot&) { ++begin[bucket_of(node) + 1]; });
  for (std::size_t n = 1; n < begin.size(); ++n) begin[n] += begin[n - 1];
  std::vector<AdjSlot> slots(run_rels_);
  {
    std::vector<std::uint64_t> fill(begin.begin(), begin.end() - 1);
    for_each(
        [&](std::uint64_t node, const AdjSlot& slot) { slots[fill[bucket_of(node)]++] = slot; });
  }
  std::string file;
  auto out = OpenOut(Family(outgoing ? Cf::kOut : Cf::kIn), false, &file);
  char key[kAdjacencyKeySize];
  for (std::size_t n = 0; n + 1 < begin.size(); ++n) {
    auto first = slots.begin() + begin[n], last = slots.begin() + begin[n + 1];
    if (first == last) continue;
    if (last - first > 1 && !std::is_sorted(first, last, SameNodeLess)) {
      std::sort(first, last, SameNodeLess);
    }
    char* tail = Put64(key, dense ? low + n : nodes[n]);
    for (auto it = first; it != last; ++it) {
      Put64(Put64(Put32(tail, it->type), it->other), run_first_rel_ + it->rel);
      out->Put(std::string_view(key, sizeof key), {});
    }
  }
  out->Finish();
  return file;
}

// Key type | rel, value start | end: by type, then id. For the held relationships from
// `from_id` on (RelStream writes the keys of a one-type load, and those before the first
// chunk with a second type).
std::string BulkWriter::WriteTypeKeys(std::uint64_t from_id) {
  struct Entry {
    std::uint64_t id;
    const RelEnds* rel;
  };
  std::vector<std::uint64_t> begin(type_counts_.size() + 1, 0);
  std::uint64_t id = run_first_rel_;
  for (const auto& chunk : chunks_) {
    for (const RelEnds& r : chunk->ends) begin[r.type + 1] += id++ >= from_id;
  }
  for (std::size_t t = 1; t < begin.size(); ++t) begin[t] += begin[t - 1];
  std::vector<Entry> order(begin.back());
  id = run_first_rel_;
  for (const auto& chunk : chunks_) {
    for (const RelEnds& r : chunk->ends) {
      if (id >= from_id) order[begin[r.type]++] = {id, &r};
      ++id;
    }
  }
  std::string file;
  auto out = OpenOut(Family(Cf::kType), false, &file);
  char key[12], value[16];
  for (const Entry& e : order) {
    Put64(Put32(key, e.rel->type), e.id);
    Put64(Put64(value, e.rel->start), e.rel->end);
    out->Put(std::string_view(key, sizeof key), std::string_view(value, sizeof value));
  }
  out->Finish();
  return file;
}

void BulkWriter::SetRelRunLimit(std::uint64_t rels) {
  rel_run_limit_ = std::clamp<std::uint64_t>(
      rels, 1, std::numeric_limits<std::uint32_t>::max() - kRelChunk);  // AdjSlot::rel
}

std::vector<std::pair<int, std::function<std::string()>>> BulkWriter::RunWriters() {
  std::vector<std::pair<int, std::function<std::string()>>> writers;
  if (run_rels_ == 0) return writers;
  writers.emplace_back(Family(Cf::kOut), [this] { return WriteAdjacencyKeys(true); });
  writers.emplace_back(Family(Cf::kIn), [this] { return WriteAdjacencyKeys(false); });
  std::uint64_t from = std::max(type_stream_end_, run_first_rel_);
  if (from < run_first_rel_ + run_rels_) {
    writers.emplace_back(Family(Cf::kType), [this, from] { return WriteTypeKeys(from); });
  }
  return writers;
}

void BulkWriter::WriteFiles(
    const std::vector<std::pair<int, std::function<std::string()>>>& writers) {
  std::vector<std::string> files(writers.size());
  std::vector<std::function<void()>> jobs;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    jobs.emplace_back([&, i] { files[i] = writers[i].second(); });
  }
  RunJobs(jobs);
  for (std::size_t i = 0; i < writers.size(); ++i) {
    run_files_.emplace_back(writers[i].first, files[i]);
  }
}

// Writes the held relationships' files once RelStream is done with their chunks, and
// frees their ends.
void BulkWriter::SpillRun() {
  stream_->Drain();
  auto writers = RunWriters();
  WriteFiles(writers);
  chunks_.clear();
  run_first_rel_ = next_rel_;
  run_rels_ = 0;
}

void BulkWriter::SetBatchLimit(std::uint64_t bytes) { batch_limit_ = bytes; }

std::uint64_t BulkWriter::HeldBytes() const {
  std::uint64_t bytes = 0;
  for (const Buffer& b : buffers_) bytes += b.arena.size();
  for (const auto& chunk : chunks_) bytes += chunk->values.size();
  // Each relationship's keys (`rel`, `type`, `out`, `in`) and `type` value; its `rel`
  // value is among the chunks' values.
  return bytes + run_rels_ * (8 + 12 + 16 + 2 * kAdjacencyKeySize);
}

void BulkWriter::Finish() {
  if (finished_) return;
  finished_ = true;
  WriteMeta();
  if (!stream_ && run_files_.empty() && HeldBytes() <= batch_limit_) {
    FinishAsBatch();
    return;
  }
  RocksHandle& rocks = store_.rocks();
  if (!chunks_.empty()) {  // the last chunk, however full
    if (!stream_) stream_ = std::make_unique<RelStream>(*this);
    stream_->Submit(chunks_.back().get());
  }
  // The largest files first, so that the two threads end close together.
  auto writers = RunWriters();
  for (Cf cf : {Cf::kNode, Cf::kLabel, Cf::kIndex, Cf::kMeta}) {
    if (buffers_[Family(cf)].entries.empty()) continue;
    writers.emplace_back(Family(cf),
                         [this, cf] { return WriteBufferKeys(Family(cf), buffers_[Family(cf)]); });
  }
  WriteFiles(writers);
  if (stream_) {
    auto [rel_file, type_file] = stream_->Close();
    run_files_.emplace_back(Family(Cf::kRel), rel_file);
    if (!type_file.empty()) run_files_.emplace_back(Family(Cf::kType), type_file);
    stream_.reset();
  }
  chunks_.clear();
  // One argument per family, with every file of that family.
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int family = 0; family < static_cast<int>(Cf::kCount); ++family) {
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = rocks.cf(static_cast<Cf>(family));
    arg.options.move_files = true;
    for (const auto& [f, file] : run_files_) {
      if (f == family) arg.external_files.push_back(file);
    }
    if (!arg.external_files.empty()) args.push_back(std::move(arg));
  }
  std::unique_lock state_lock(store_.state_mutex());
  // A failure may come after the MANIFEST got the record naming the tables (a failed
  // sync): the guard keeps the tables, and the next open decides (ingest_guard.h).
  rocks.ingest_guard().BeginIngestion();
  rocksdb::Status status = rocks.db()->IngestExternalFiles(args);
  rocks.ingest_guard().EndIngestion(status.ok());
  ThrowIfError(status, "cannot ingest the bulk load (once reopened, the database has all of it "
                       "or none)", rocks.path());
  rocks.RecordDurable();
  PublishLoad();
  state_lock.unlock();
  try {
    rocks.TidyAfterBulkLoad();
  } catch (const Error&) {
    // The load is committed; what failed leaves only more files than needed, and a
    // failing disk fails the next write with its own error.
  }
}

// A small load is one WriteBatch, written like a transaction's: atomic across families
// through the log. No files, no MANIFEST records and nothing for compactions to merge,
// which for a few rows cost far more than the rows.
void BulkWriter::FinishAsBatch() {
  RocksHandle& rocks = store_.rocks();
  batch_ = std::make_unique<rocksdb::WriteBatch>();
  std::string unused;
  if (run_rels_ > 0) {
    auto rel_out = OpenOut(Family(Cf::kRel), true, &unused);
    std::uint64_t id = first_rel_;
    for (const auto& chunk : chunks_) {
      PutRelKeys(*chunk, id, *rel_out);
      id += chunk->ends.size();
    }
    WriteAdjacencyKeys(true);
    WriteAdjacencyKeys(false);
    WriteTypeKeys(first_rel_);
  }
  chunks_.clear();
  for (Cf cf : {Cf::kNode, Cf::kLabel, Cf::kIndex, Cf::kMeta}) {
    if (!buffers_[Family(cf)].entries.empty()) WriteBufferKeys(Family(cf), buffers_[Family(cf)]);
  }
  std::unique_lock state_lock(store_.state_mutex());
  ThrowIfError(rocks.db()->Write(rocks.durable_write(), batch_.get()),
               "cannot write the load (once reopened, the database has all of it or none)",
               rocks.path());
  batch_.reset();
  rocks.RecordDurable();
  PublishLoad();
}

// REQUIRES: the state mutex held; the load durable.
void BulkWriter::PublishLoad() {
  CommittedState state = store_.committed();
  state.schema = std::move(schema_);
  state.next_node = next_node_;
  state.next_rel = next_rel_;
  if (nodes_created_ + rels_created_ > 0) ++state.topology_version;
  if (nodes_created_ > 0) ++state.node_version;  // stales the NodeTable
  store_.Publish(std::move(state));
}

}  // namespace parley::storage
