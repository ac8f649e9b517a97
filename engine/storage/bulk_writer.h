// BulkWriter: loads many nodes and relationships in one atomic step, outside transactions.
//
// Everything written is buffered in memory and written as SST files, one per column
// family, which Finish ingests with one IngestExternalFiles call. RocksDB records that
// call atomically across families: after a crash the load is either wholly there or not
// at all, and readers see nothing of it before Finish returns. The counts, id counters and
// new catalog names go into the same ingestion, so they stay consistent with the data. No
// WAL is written.
//
// Work is spread over two threads. Relationships get consecutive ids, so the `rel` family
// (and the `type` family while the load has one type) is written in key order by a
// background thread as relationships arrive, in runs of kRelChunk. At Finish the `out`
// and `in` keys are derived from the relationships' ends by a counting sort on the node id
// (a comparison sort when the ids are sparse), and the remaining families are sorted and
// written two at a time.
//
// Memory: about 24 bytes per relationship (its ends and type; its value is freed once the
// `rel` file holds it) plus, at Finish, 32 bytes per relationship for each of `out` and
// `in`; a node's encoded record plus about 40 bytes. Meant for loads that fit in memory.
//
// Obtained from GraphStore::BeginBulk(); holds the store's writer slot for its lifetime,
// so no write Txn runs meanwhile. Not thread-safe: one thread calls it (it runs threads of
// its own). Dropping it without Finish discards everything, files included.
#ifndef PARLEY_ENGINE_STORAGE_BULK_WRITER_H_
#define PARLEY_ENGINE_STORAGE_BULK_WRITER_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph_store.h"

namespace parley::storage {

class GraphStoreImpl;
struct Schema;

class BulkWriter {
 public:
  // Relationships per run handed to the background writer.
  static constexpr std::size_t kRelChunk = 1 << 16;

  // Use GraphStore::BeginBulk().
  BulkWriter(GraphStoreImpl& store, std::unique_lock<std::mutex> writer_lock);
  ~BulkWriter();
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;

  LabelId GetOrCreateLabel(std::string_view name);
  RelTypeId GetOrCreateRelType(std::string_view name);
  PropKeyId GetOrCreatePropKey(std::string_view name);

  // Throws Error(kTypeError, "InvalidPropertyType") for a value that is not a property.
  NodeId CreateNode(std::span<const LabelId> labels, PropertyMap properties);
  // REQUIRES: both nodes exist (committed, or created by this writer); not checked.
  // Throws Error(kTypeError, "InvalidPropertyType") for a value that is not a property,
  // and the background writer's error (StorageError) if it failed.
  RelId CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties);

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
  // Each writes one family's SST file and returns its path.
  std::string WriteBufferSst(int family, Buffer& buffer);
  std::string WriteAdjacencySst(bool outgoing);
  std::string WriteTypeSst();
  std::string NewSstPath(int family);
  void RemoveBulkFiles();

  GraphStoreImpl& store_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_ptr<Schema> schema_;
  std::uint32_t base_labels_, base_types_, base_keys_;  // names that existed before
  std::uint64_t next_node_, next_rel_;
  std::uint64_t first_rel_;  // the id of the load's first relationship
  std::uint64_t nodes_created_ = 0;
  std::uint64_t rels_created_ = 0;
  std::vector<std::int64_t> label_counts_;  // nodes created per LabelId
  std::vector<std::int64_t> type_counts_;   // relationships created per RelTypeId
  bool mixed_types_ = false;                // the relationships have more than one type
  std::array<Buffer, 8> buffers_;           // node, label, index and meta (rocks_db.h Cf)
  std::vector<std::unique_ptr<RelChunk>> chunks_;
  std::unique_ptr<RelStream> stream_;  // started by the first full chunk
  std::string sst_prefix_;             // path prefix of the SST files (in the db directory)
  bool finished_ = false;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_BULK_WRITER_H_
