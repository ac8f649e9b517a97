#include "engine/storage/bulk_writer.h"

#include <fmt/format.h>
#include <rocksdb/convenience.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <limits>
#include <thread>

#include "engine/storage/key_codec.h"
#include "engine/storage/store_impl.h"
#include "engine/storage/value_codec.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

constexpr int Family(Cf cf) { return static_cast<int>(cf); }
constexpr std::string_view kSstPrefix = "bulk-";  // file names of bulk SSTs in the db dir

std::string EncodeUint64(std::uint64_t v) {
  std::string out;
  AppendBigEndian64(&out, v);
  return out;
}

// Big-endian stores into fixed key buffers: the same bytes as key_codec's
// encoders, without a std::string per key (the adjacency keys are too long for
// the small-string buffer).
char *Put64(char *out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) *out++ = static_cast<char>(v >> (8 * i));
  return out;
}
char *Put32(char *out, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) *out++ = static_cast<char>(v >> (8 * i));
  return out;
}

// Options of the bulk SSTs. LZ4 where the library has it: files about the size
// of Snappy's for markedly less CPU (the SSTs are most of an import's cost).
// The families read only by prefix scans (`out`, `in`, `label`, `type`,
// `index`) get no Bloom filter: no point read ever consults it, and building it
// costs a hash per key.
rocksdb::Options BulkOptions(const rocksdb::Options &base, bool point_reads) {
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

// One SST file being written; throws Error on any failure.
class SstOut {
 public:
  SstOut(RocksHandle &rocks, const std::string &path, bool point_reads)
      : rocks_(rocks), writer_(rocksdb::EnvOptions(), BulkOptions(rocks.options(), point_reads)) {
    ThrowIfError(writer_.Open(path), "cannot create a bulk-load file", rocks_.path());
  }
  void Put(std::string_view key, std::string_view value) {
    ThrowIfError(writer_.Put(rocksdb::Slice(key.data(), key.size()),
                             rocksdb::Slice(value.data(), value.size())),
                 "cannot write a bulk-load file", rocks_.path());
  }
  void Finish() { ThrowIfError(writer_.Finish(), "cannot finish a bulk-load file", rocks_.path()); }

 private:
  RocksHandle &rocks_;
  rocksdb::SstFileWriter writer_;
};

// Runs the jobs on up to two threads (the caller's and one more); rethrows the
// first failure after all have stopped. Families are independent files, so
// their sorting and writing (block building, compression, checksums)
// parallelise without coordination.
void RunJobs(std::vector<std::function<void()>> &jobs) {
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
  for (std::thread &t : helpers) t.join();
  for (const auto &failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

// An adjacency entry of the `out` (or `in`) family, ordered like its key.
struct AdjSlot {
  std::uint64_t node;
  std::uint64_t other;
  std::uint64_t rel;
  std::uint32_t type;
};
bool SameNodeLess(const AdjSlot &a, const AdjSlot &b) {
  if (a.type != b.type) return a.type < b.type;
  if (a.other != b.other) return a.other < b.other;
  return a.rel < b.rel;
}

}  // namespace

void BulkWriter::Buffer::Add(std::string_view key, std::string_view value) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  }
  entries.push_back({prefix, arena.size(), static_cast<std::uint32_t>(key.size()),
                     static_cast<std::uint32_t>(value.size())});
  arena.append(key);
  arena.append(value);
}

BulkWriter::BulkWriter(GraphStoreImpl &store, std::unique_lock<std::mutex> writer_lock)
    : store_(store), writer_lock_(std::move(writer_lock)) {
  std::shared_lock state_lock(store_.state_mutex());
  const CommittedState &state = store_.committed();
  schema_ = std::make_shared<Schema>(*state.schema);
  base_labels_ = schema_->labels.size();
  base_types_ = schema_->rel_types.size();
  base_keys_ = schema_->prop_keys.size();
  next_node_ = state.next_node;
  next_rel_ = state.next_rel;
  first_rel_ = next_rel_;
}

BulkWriter::~BulkWriter() = default;

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

NodeId BulkWriter::CreateNode(std::span<const LabelId> labels, PropertyMap properties) {
  NodeRecord record;
  record.labels.assign(labels.begin(), labels.end());
  std::sort(record.labels.begin(), record.labels.end());
  record.labels.erase(std::unique(record.labels.begin(), record.labels.end()), record.labels.end());
  for (auto &[key, value] : properties) {
    if (!value.is_null()) CheckPropertyValue(value);
    SetInMap(&record.properties, key, value);
  }
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
    for (const auto &[key, value] : record.properties) {
      if (schema_->HasIndex(label, key)) {
        buffer(Family(Cf::kIndex)).Add(EncodeIndexKey(label, key, value, id), {});
      }
    }
  }
  ++nodes_created_;
  return id;
}

RelId BulkWriter::CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties) {
  RelValue rel{type, start, end, {}};
  for (auto &[key, value] : properties) {
    if (!value.is_null()) CheckPropertyValue(value);
    SetInMap(&rel.properties, key, value);
  }
  RelId id(next_rel_++);
  rel_values_ += EncodeRelValue(rel);
  rel_value_ends_.push_back(rel_values_.size());
  rels_.push_back({start.value, end.value, type.value});
  if (type.value >= type_counts_.size()) type_counts_.resize(type.value + 1, 0);
  ++type_counts_[type.value];
  ++rels_created_;
  return id;
}

// Catalog names, id counters and counts (committed value + this load's delta).
void BulkWriter::WriteMeta() {
  RocksHandle &rocks = store_.rocks();
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
  for (const auto &[key, delta] : deltas) {
    std::string value;
    rocksdb::Status status =
        rocks.db()->Get(rocksdb::ReadOptions(), rocks.cf(Cf::kMeta), key, &value);
    if (!status.IsNotFound()) ThrowIfError(status, "cannot read a count", rocks.path());
    std::uint64_t count = value.size() == 8 ? ReadBigEndian64(value) : 0;
    meta[key] = EncodeUint64(count + static_cast<std::uint64_t>(delta));
  }
  Buffer &buffer = buffers_[Family(Cf::kMeta)];
  for (const auto &[key, value] : meta) buffer.Add(key, value);
}

std::string BulkWriter::NewSstPath(int family) {
  static std::atomic<std::uint64_t> sequence{0};
  return fmt::format("{}{}-{}.sst", sst_prefix_, kCfNames[family], ++sequence);
}

// Files a writer killed before its ingestion left behind: RocksDB does not know
// them, so nothing else would ever remove them. The writer slot and the
// directory lock guarantee that no other bulk load of this database is writing
// any.
void BulkWriter::RemoveStaleFiles() {
  RocksHandle &rocks = store_.rocks();
  rocksdb::Env *env = rocks.options().env;
  std::vector<std::string> children;
  if (!env->GetChildren(rocks.path(), &children).ok()) return;
  for (const std::string &name : children) {
    if (name.starts_with(kSstPrefix) && name.ends_with(".sst")) {
      env->DeleteFile(rocks.path() + "/" + name).PermitUncheckedError();
    }
  }
}

std::string BulkWriter::WriteBufferSst(int family, Buffer &buffer) {
  auto key_of = [&buffer](const Buffer::Entry &e) {
    return std::string_view(buffer.arena).substr(e.offset, e.key_size);
  };
  // Byte order: the 8-byte prefixes compare as numbers (a shorter key is
  // zero-padded, so equal prefixes fall through to the full comparison).
  auto less = [&](const Buffer::Entry &a, const Buffer::Entry &b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return key_of(a) < key_of(b);
  };
  if (!std::is_sorted(buffer.entries.begin(), buffer.entries.end(), less)) {
    std::sort(buffer.entries.begin(), buffer.entries.end(), less);
  }
  std::string file = NewSstPath(family);
  SstOut out(store_.rocks(), file, family == Family(Cf::kNode) || family == Family(Cf::kMeta));
  std::string_view arena(buffer.arena);
  for (const Buffer::Entry &e : buffer.entries) {
    out.Put(arena.substr(e.offset, e.key_size), arena.substr(e.offset + e.key_size, e.value_size));
  }
  out.Finish();
  buffer = Buffer();  // free the memory as soon as the file holds it
  return file;
}

// Relationship ids are consecutive in creation order: the values are already
// sorted.
std::string BulkWriter::WriteRelSst() {
  std::string file = NewSstPath(Family(Cf::kRel));
  SstOut out(store_.rocks(), file, true);
  std::string_view values(rel_values_);
  char key[8];
  std::uint64_t begin = 0;
  for (std::size_t i = 0; i < rels_.size(); ++i) {
    Put64(key, first_rel_ + i);
    out.Put(std::string_view(key, 8), values.substr(begin, rel_value_ends_[i] - begin));
    begin = rel_value_ends_[i];
  }
  out.Finish();
  return file;
}

// Sorted like the keys: node, type, other end, relationship. The relationships
// come in id order, so a stable counting sort on the node leaves each node's
// run sorted by id, and only runs with several types or repeated other ends
// need a sort of their own. Sparse node ids (a load touching few nodes of a
// large store) fall back to a comparison sort.
std::string BulkWriter::WriteAdjacencySst(bool outgoing) {
  std::vector<AdjSlot> slots(rels_.size());
  std::uint64_t low = std::numeric_limits<std::uint64_t>::max(), high = 0;
  for (const RelEnds &r : rels_) {
    std::uint64_t node = outgoing ? r.start : r.end;
    low = std::min(low, node);
    high = std::max(high, node);
  }
  auto slot_of = [&](std::size_t i) {
    const RelEnds &r = rels_[i];
    return outgoing ? AdjSlot{r.start, r.end, first_rel_ + i, r.type}
                    : AdjSlot{r.end, r.start, first_rel_ + i, r.type};
  };
  if (!rels_.empty() && high - low <= 4 * rels_.size() + 1024) {
    std::vector<std::uint64_t> begin(high - low + 2, 0);
    for (const RelEnds &r : rels_) ++begin[(outgoing ? r.start : r.end) - low + 1];
    for (std::size_t n = 1; n < begin.size(); ++n) begin[n] += begin[n - 1];
    std::vector<std::uint64_t> fill(begin.begin(), begin.end() - 1);
    for (std::size_t i = 0; i < rels_.size(); ++i) {
      AdjSlot slot = slot_of(i);
      slots[fill[slot.node - low]++] = slot;
    }
    for (std::size_t n = 0; n + 1 < begin.size(); ++n) {
      auto first = slots.begin() + begin[n], last = slots.begin() + begin[n + 1];
      if (last - first > 1 && !std::is_sorted(first, last, SameNodeLess)) {
        std::sort(first, last, SameNodeLess);
      }
    }
  } else {
    for (std::size_t i = 0; i < rels_.size(); ++i) slots[i] = slot_of(i);
    std::sort(slots.begin(), slots.end(), [](const AdjSlot &a, const AdjSlot &b) {
      return a.node != b.node ? a.node < b.node : SameNodeLess(a, b);
    });
  }
  std::string file = NewSstPath(Family(outgoing ? Cf::kOut : Cf::kIn));
  SstOut out(store_.rocks(), file, false);
  char key[kAdjacencyKeySize];
  for (const AdjSlot &s : slots) {
    Put64(Put64(Put32(Put64(key, s.node), s.type), s.other), s.rel);
    out.Put(std::string_view(key, sizeof key), {});
  }
  out.Finish();
  return file;
}

// Key type | rel, value start | end: by type, then id (creation order within a
// type).
std::string BulkWriter::WriteTypeSst() {
  std::vector<std::uint64_t> begin(type_counts_.size() + 1, 0);
  for (std::size_t t = 0; t < type_counts_.size(); ++t) {
    begin[t + 1] = begin[t] + static_cast<std::uint64_t>(type_counts_[t]);
  }
  std::vector<std::uint32_t> order;  // relationship indexes by type, when several types
  bool one_type = std::count_if(type_counts_.begin(), type_counts_.end(),
                                [](std::int64_t n) { return n != 0; }) <= 1;
  if (!one_type) {
    order.resize(rels_.size());
    std::vector<std::uint64_t> fill(begin.begin(), begin.end() - 1);
    for (std::size_t i = 0; i < rels_.size(); ++i) {
      order[fill[rels_[i].type]++] = static_cast<std::uint32_t>(i);
    }
  }
  std::string file = NewSstPath(Family(Cf::kType));
  SstOut out(store_.rocks(), file, false);
  char key[12], value[16];
  for (std::size_t k = 0; k < rels_.size(); ++k) {
    std::size_t i = one_type ? k : order[k];
    const RelEnds &r = rels_[i];
    Put64(Put32(key, r.type), first_rel_ + i);
    Put64(Put64(value, r.start), r.end);
    out.Put(std::string_view(key, sizeof key), std::string_view(value, sizeof value));
  }
  out.Finish();
  return file;
}

void BulkWriter::Finish() {
  if (finished_) return;
  finished_ = true;
  if (rels_.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Error(ErrorKind::kRuntimeError, "StorageError",
                "a bulk load holds at most 4294967295 relationships");
  }
  WriteMeta();
  RocksHandle &rocks = store_.rocks();
  sst_prefix_ = fmt::format("{}/{}", rocks.path(), kSstPrefix);
  RemoveStaleFiles();
  // The largest files first, so that the two threads end close together.
  std::vector<std::pair<Cf, std::function<std::string()>>> writers;
  if (!rels_.empty()) {
    writers.emplace_back(Cf::kRel, [this] { return WriteRelSst(); });
    writers.emplace_back(Cf::kOut, [this] { return WriteAdjacencySst(true); });
    writers.emplace_back(Cf::kIn, [this] { return WriteAdjacencySst(false); });
    writers.emplace_back(Cf::kType, [this] { return WriteTypeSst(); });
  }
  for (Cf cf : {Cf::kNode, Cf::kLabel, Cf::kIndex, Cf::kMeta}) {
    if (buffers_[Family(cf)].entries.empty()) continue;
    writers.emplace_back(cf,
                         [this, cf] { return WriteBufferSst(Family(cf), buffers_[Family(cf)]); });
  }
  std::vector<rocksdb::IngestExternalFileArg> args(writers.size());
  std::vector<std::function<void()>> jobs;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    args[i].column_family = rocks.cf(writers[i].first);
    args[i].options.move_files = true;
    jobs.emplace_back([&, i] { args[i].external_files.push_back(writers[i].second()); });
  }
  try {
    RunJobs(jobs);
  } catch (...) {
    RemoveStaleFiles();
    throw;
  }
  rels_ = {};
  rel_values_ = {};
  rel_value_ends_ = {};
  std::unique_lock state_lock(store_.state_mutex());
  rocksdb::Status ingested = rocks.db()->IngestExternalFiles(args);
  if (!ingested.ok()) RemoveStaleFiles();
  ThrowIfError(ingested, "cannot ingest the bulk load", rocks.path());
  CommittedState state = store_.committed();
  state.schema = std::move(schema_);
  state.next_node = next_node_;
  state.next_rel = next_rel_;
  if (nodes_created_ + rels_created_ > 0) ++state.topology_version;
  if (nodes_created_ > 0) ++state.node_version;  // stales the NodeTable
  store_.Publish(std::move(state));
}

}  // namespace parley::storage
