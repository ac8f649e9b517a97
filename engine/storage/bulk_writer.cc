#include "engine/storage/bulk_writer.h"

#include <fmt/format.h>
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <atomic>

#include "engine/storage/key_codec.h"
#include "engine/storage/store_impl.h"
#include "engine/storage/value_codec.h"

namespace parley::storage {
namespace {

constexpr int Family(Cf cf) { return static_cast<int>(cf); }

std::string EncodeUint64(std::uint64_t v) {
  std::string out;
  AppendBigEndian64(&out, v);
  return out;
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

BulkWriter::BulkWriter(GraphStoreImpl& store, std::unique_lock<std::mutex> writer_lock)
    : store_(store), writer_lock_(std::move(writer_lock)) {
  std::shared_lock state_lock(store_.state_mutex());
  const CommittedState& state = store_.committed();
  schema_ = std::make_shared<Schema>(*state.schema);
  base_labels_ = schema_->labels.size();
  base_types_ = schema_->rel_types.size();
  base_keys_ = schema_->prop_keys.size();
  next_node_ = state.next_node;
  next_rel_ = state.next_rel;
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
  for (auto& [key, value] : properties) {
    if (!value.is_null()) CheckPropertyValue(value);
    SetInMap(&record.properties, key, value);
  }
  NodeId id(next_node_++);
  buffer(Family(Cf::kNode)).Add(EncodeNodeKey(id), EncodeNodeRecord(record));
  for (LabelId label : record.labels) {
    buffer(Family(Cf::kLabel)).Add(EncodeLabelKey(label, id), {});
    count_deltas_[EncodeLabelCountKey(label)] += 1;
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
  RelValue rel{type, start, end, {}};
  for (auto& [key, value] : properties) {
    if (!value.is_null()) CheckPropertyValue(value);
    SetInMap(&rel.properties, key, value);
  }
  RelId id(next_rel_++);
  buffer(Family(Cf::kRel)).Add(EncodeRelKey(id), EncodeRelValue(rel));
  buffer(Family(Cf::kOut)).Add(EncodeAdjacencyKey(start, type, end, id), {});
  buffer(Family(Cf::kIn)).Add(EncodeAdjacencyKey(end, type, start, id), {});
  std::string ends = EncodeUint64(start.value) + EncodeUint64(end.value);
  buffer(Family(Cf::kType)).Add(EncodeTypeKey(type, id), ends);
  count_deltas_[EncodeTypeCountKey(type)] += 1;
  ++rels_created_;
  return id;
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
  meta[EncodeCounterKey(CounterKind::kNextNode)] = EncodeUint64(next_node_);
  meta[EncodeCounterKey(CounterKind::kNextRel)] = EncodeUint64(next_rel_);
  count_deltas_[EncodeNodeCountKey()] += static_cast<std::int64_t>(nodes_created_);
  count_deltas_[EncodeRelCountKey()] += static_cast<std::int64_t>(rels_created_);
  for (const auto& [key, delta] : count_deltas_) {
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

std::string BulkWriter::WriteSst(int family, Buffer& buffer) {
  RocksHandle& rocks = store_.rocks();
  auto key_of = [&buffer](const Buffer::Entry& e) {
    return std::string_view(buffer.arena).substr(e.offset, e.key_size);
  };
  // Byte order: the 8-byte prefixes compare as numbers (a shorter key is zero-padded,
  // so equal prefixes fall through to the full comparison).
  auto less = [&](const Buffer::Entry& a, const Buffer::Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return key_of(a) < key_of(b);
  };
  if (!std::is_sorted(buffer.entries.begin(), buffer.entries.end(), less)) {
    std::sort(buffer.entries.begin(), buffer.entries.end(), less);
  }
  static std::atomic<std::uint64_t> sequence{0};
  std::string file = fmt::format("{}/bulk-{}-{}.sst", rocks.path(), kCfNames[family], ++sequence);
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), rocks.options());
  ThrowIfError(writer.Open(file), "cannot create a bulk-load file", rocks.path());
  for (const Buffer::Entry& e : buffer.entries) {
    std::string_view arena(buffer.arena);
    ThrowIfError(writer.Put(rocksdb::Slice(arena.data() + e.offset, e.key_size),
                            rocksdb::Slice(arena.data() + e.offset + e.key_size, e.value_size)),
                 "cannot write a bulk-load file", rocks.path());
  }
  ThrowIfError(writer.Finish(), "cannot finish a bulk-load file", rocks.path());
  buffer = Buffer();  // free the memory as soon as the file holds it
  return file;
}

void BulkWriter::Finish() {
  if (finished_) return;
  finished_ = true;
  WriteMeta();
  RocksHandle& rocks = store_.rocks();
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int family = 0; family < static_cast<int>(buffers_.size()); ++family) {
    if (buffers_[family].entries.empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = rocks.cf(static_cast<Cf>(family));
    arg.external_files.push_back(WriteSst(family, buffers_[family]));
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  std::unique_lock state_lock(store_.state_mutex());
  ThrowIfError(rocks.db()->IngestExternalFiles(args), "cannot ingest the bulk load", rocks.path());
  CommittedState state = store_.committed();
  state.schema = std::move(schema_);
  state.next_node = next_node_;
  state.next_rel = next_rel_;
  if (nodes_created_ + rels_created_ > 0) ++state.topology_version;
  store_.Publish(std::move(state));
}

}  // namespace parley::storage
