// BulkWriter: loads many nodes and relationships in one atomic step, outside transactions.
//
// Everything written is buffered in memory and written as SST files (one per column
// family, more when relationship runs are spilled, see below), which Finish ingests with
// one IngestExternalFiles call. RocksDB records that
// call atomically across families: after a crash the load is either wholly there or not
// at all, and readers see nothing of it before Finish returns. So too after a failed
// Finish: when RocksDB's record reached its MANIFEST although the sync failed, the
// reopened store has the whole load (ingest_guard.h keeps its tables), else none of it.
// The counts, id counters and new catalog names go into the same ingestion, so they stay
// consistent with the data. No WAL is written.
//
// Work is spread over two threads. Relationships get consecutive ids, so the `rel` family
// (and the `type` family while the load has one type) is written in key order by a
// background thread as relationships arrive, in runs of kRelChunk. At Finish the `out`
// and `in` keys are derived from the relationships' ends by a counting sort on the node id
// (on its rank among the nodes when the ids are sparse), and the remaining families are
// sorted and written two at a time.
//
// Memory: about 24 bytes per relationship (its ends and type; its value is freed once the
// `rel` file holds it) plus, while they are sorted, 16 bytes per relationship for each of
// `out` and `in`; a node's encoded record plus about 40 bytes. The relationships' ends
// held at once are bounded (SetRelRunLimit): past the limit, the `out` and `in` keys of
// those held are sorted and written as a run of files, and the ends freed. Runs overlap
// in key range, so RocksDB ingests them into level 0, and compactions merge them later;
// the ingestion stays one atomic call. Node records stay in memory until Finish.
//
// A small load (up to SetBatchLimit bytes of keys and values, about 4 MB by default, and no
// relationship run spilled) is written instead as one WriteBatch through the log, like a
// transaction's commit, and so just as atomic: files, MANIFEST records and compactions
// would cost a few rows far more than the rows.
//
// Obtained from GraphStore::BeginBulk(); holds the store's writer slot for its lifetime,
// so no write Txn runs meanwhile. Not thread-safe: one thread calls it (it runs threads of
// its own). Dropping it without Finish discards everything, files included.
#ifndef PARLEY_ENGINE_STORAGE_BULK_WRITER_H_
#define PARLEY_ENGINE_STORAGE_BULK_WRITER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph_store.h"

namespace rocksdb {
class WriteBatch;
}

namespace parley::storage {

class GraphStoreImpl;
class KeyOut;
struct Schema;

class BulkWriter {
 public:
  // Relationships per run handed to the background writer.
  static constexpr std::size_t kRelChunk = 1 << 16;
  // Relationships whose ends are held before a run is written: about 800 MB of ends, and
  // as much again while they are sorted.
  static constexpr std::uint64_t kDefaultRelRunLimit = std::uint64_t{1} << 25;

  // Use GraphStore::BeginBulk().
  BulkWriter(GraphStoreImpl& store, std::unique_lock<std::mutex> writer_lock);
  ~BulkWriter();
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;

  LabelId GetOrCreateLabel(std::string_view name);
  RelTypeId GetOrCreateRelType(std::string_view name);
  PropKeyId GetOrCreatePropKey(std::string_view name);
  // REQUIRE: an id that GetOrCreate* or the store gave out.
  const std::string& LabelName(LabelId label) const;
  const std::string& PropKeyName(PropKeyId key) const;

  // Throws Error(kTypeError, "InvalidPropertyType") for a value that is not a property.
  NodeId CreateNode(std::span<const LabelId> labels, PropertyMap properties);
  // REQUIRES: both nodes exist (committed, or created by this writer); not checked.
  // Throws Error(kTypeError, "InvalidPropertyType") for a value that is not a property,
  // and the background writer's error (StorageError) if it failed.
  RelId CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties);

  // Indexes and uniqueness constraints (schema.h) as the load will leave them.
  bool HasIndex(LabelId label, PropKeyId key) const;
  bool HasUniqueConstraint(LabelId label, PropKeyId key) const;
  std::vector<std::pair<LabelId, PropKeyId>> UniqueConstraints() const;  // sorted
  // Adds a uniqueness constraint named `name`, backed by the index on (label, key): the
  // existing one, else a new one of the same name. Nodes created from now on get its index
  // entries; the BulkWriter checks no values: the caller makes sure that the committed
  // nodes and the created ones hold no value twice, and adds the entries of committed
  // nodes when the index is new (AddIndexEntry). Returns true when the index is new.
  // REQUIRES: !HasUniqueConstraint(label, key); `name` names no index or constraint.
  bool CreateUniqueConstraint(LabelId label, PropKeyId key, const std::string& name);
  // The index entry of a committed node. REQUIRES: HasIndex(label, key); `value` not null.
  void AddIndexEntry(LabelId label, PropKeyId key, const Value& value, NodeId node);
  // True when an index or constraint has this name.
  bool SchemaNameTaken(std::string_view name) const;
  // The id of the first node this load creates: ids below it are committed nodes.
  NodeId first_node() const { return NodeId(first_node_); }
  // The id the next CreateNode gives.
  NodeId next_node() const { return NodeId(next_node_); }

  // Writes a run once about `rels` relationships are held (rounded up to whole
  // kRelChunk; clamped to [1, 2^32 - kRelChunk]). Smaller runs use less memory and leave
  // more files for compactions to merge.
  void SetRelRunLimit(std::uint64_t rels);

  // Loads of up to `bytes` of keys and values (estimated) are written as one WriteBatch
  // rather than as files; 0 makes every load write files.
  void SetBatchLimit(std::uint64_t bytes);
  static constexpr std::uint64_t kDefaultBatchLimit = std::uint64_t{4} << 20;

  // Makes everything durable and visible at once. REQUIRES: called at most once.
  void Finish();

  std::uint64_t nodes_created() const { return nodes_created_; }
  std::uint64_t rels_created() const { return rels_created_; }

 private:
  // Key/value pairs of one family (node, label, index, meta), packed into one arena.
  struct Buffer {
    std::string arena;
    struct Entry {
      std::uint64_t prefix;  // the key's first 8 bytes, big-endian: most comparisons end here
      // The next 8 bytes: `index` keys all start with the same (label, key) prefix, and
      // their sort would otherwise read every compared key from the arena.
      std::uint64_t prefix2;
      std::uint64_t offset;
      std::uint32_t key_size;
      std::uint32_t value_size;
    };
    std::vector<Entry> entries;
    void Add(std::string_view key, std::string_view value);
  };
  // One relationship of the load.
  struct RelEnds {
    std::uint64_t start;
    std::uint64_t end;
    std::uint32_t type;
  };
  // Relationships first_rel_ + i * kRelChunk onwards. The ends stay until Finish; the
  // values go once the background writer has written them.
  struct RelChunk {
    std::vector<RelEnds> ends;
    std::string values;
    std::vector<std::uint32_t> value_ends;  // end offset of each value in `values`
  };
  class RelStream;  // the background writer of the `rel` and `type` files

  Buffer& buffer(int family) { return buffers_[family]; }
  void WriteMeta();
  // Where a family's keys go: a new SST file (its path in `file`) or, while a small load
  // is being finished, batch_ (`file` empty).
  std::unique_ptr<KeyOut> OpenOut(int family, bool point_reads, std::string* file);
  // The `rel` keys of `chunk`, whose first relationship has id `first_id`.
  static void PutRelKeys(const RelChunk& chunk, std::uint64_t first_id, KeyOut& out);
  // Each writes one family's keys, to an SST file whose path it returns, or to batch_
  // (returning "").
  std::string WriteBufferKeys(int family, Buffer& buffer);
  std::string WriteAdjacencyKeys(bool outgoing);
  std::string WriteTypeKeys(std::uint64_t from_id);
  // The writers of the held relationships' `out`, `in` (and, past the streamed ones,
  // `type`) files.
  // (Families as rocks_db.h Cf values.)
  std::vector<std::pair<int, std::function<std::string()>>> RunWriters();
  // Runs `writers` (family, file writer) two at a time and records their files in
  // run_files_ for the final ingestion.
  void WriteFiles(const std::vector<std::pair<int, std::function<std::string()>>>& writers);
  void SpillRun();
  // Keys and values the load holds, estimated (for the batch limit).
  std::uint64_t HeldBytes() const;
  void FinishAsBatch();
  // Publishes the load's committed state. REQUIRES: the store's state mutex; the load durable.
  void PublishLoad();
  std::string NewSstPath(int family);
  void RemoveBulkFiles();

  GraphStoreImpl& store_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_ptr<Schema> schema_;
  std::uint32_t base_labels_, base_types_, base_keys_;  // names that existed before
  std::uint64_t next_node_, next_rel_;
  std::uint64_t first_node_;  // next_node_ at the start
  // Index and constraint definitions the load adds, for WriteMeta.
  std::vector<std::pair<LabelId, PropKeyId>> new_indexes_;
  std::vector<std::pair<LabelId, PropKeyId>> new_constraints_;
  std::uint64_t first_rel_;  // the id of the load's first relationship
  std::uint64_t nodes_created_ = 0;
  std::uint64_t rels_created_ = 0;
  std::vector<std::int64_t> label_counts_;  // nodes created per LabelId
  std::vector<std::int64_t> type_counts_;   // relationships created per RelTypeId
  std::uint32_t first_type_ = 0;            // the type of the load's first relationship
  bool mixed_types_ = false;                // the relationships have more than one type
  // The `type` keys of relationships below this id are in RelStream's file (all of them
  // while the load has one type); the others are written from their ends.
  std::uint64_t type_stream_end_ = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t rel_run_limit_ = kDefaultRelRunLimit;
  std::uint64_t run_first_rel_;    // the id of the first relationship held (in chunks_)
  std::uint64_t run_rels_ = 0;     // relationships held
  std::uint64_t chunk_first_rel_;  // the id of the first relationship of chunks_.back()
  std::vector<std::pair<int, std::string>> run_files_;  // written runs: family, file
  std::array<Buffer, 8> buffers_;  // node, label, index and meta (rocks_db.h Cf)
  std::vector<std::unique_ptr<RelChunk>> chunks_;
  std::unique_ptr<RelStream> stream_;  // started by the first full chunk
  std::string sst_prefix_;             // path prefix of the SST files (in the db directory)
  std::uint64_t batch_limit_ = kDefaultBatchLimit;
  std::unique_ptr<rocksdb::WriteBatch> batch_;  // while a small load is being finished
  bool finished_ = false;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_BULK_WRITER_H_
