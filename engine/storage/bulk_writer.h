// BulkWriter: loads many nodes and relationships in one atomic step, outside
// transactions.
//
// Everything written is buffered in memory, sorted per column family at Finish,
// written as SST files (one per family, several families at once on separate
// threads) and ingested with one IngestExternalFiles call, which RocksDB
// records atomically across families: after a crash the load is either wholly
// there or not at all, and readers see nothing of it before Finish returns. The
// counts, id counters and new catalog names go into the same ingestion, so they
// stay consistent with the data. No WAL is written.
//
// Relationships are kept compactly (ends, type and the encoded value: about 45
// bytes each plus property data); the `out`, `in` and `type` keys are derived
// from them at Finish, by a counting sort on the node id where the ids are
// dense. Nodes cost their encoded record plus about 40 bytes. Memory grows with
// the load: meant for imports that fit in memory.
//
// Obtained from GraphStore::BeginBulk(); holds the store's writer slot for its
// lifetime, so no write Txn runs meanwhile. Not thread-safe (Finish uses
// threads of its own). Dropping it without Finish discards everything it
// buffered.
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
  // Use GraphStore::BeginBulk().
  BulkWriter(GraphStoreImpl &store, std::unique_lock<std::mutex> writer_lock);
  ~BulkWriter();
  BulkWriter(const BulkWriter &) = delete;
  BulkWriter &operator=(const BulkWriter &) = delete;

  LabelId GetOrCreateLabel(std::string_view name);
  RelTypeId GetOrCreateRelType(std::string_view name);
  PropKeyId GetOrCreatePropKey(std::string_view name);

  // Throws Error(kTypeError, "InvalidPropertyType") for a value that is not a
  // property.
  NodeId CreateNode(std::span<const LabelId> labels, PropertyMap properties);
  // REQUIRES: both nodes exist (committed, or created by this writer); not
  // checked.
  RelId CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties);

  // Makes everything durable and visible at once. REQUIRES: called at most
  // once.
  void Finish();

  std::uint64_t nodes_created() const { return nodes_created_; }
  std::uint64_t rels_created() const { return rels_created_; }

 private:
  // Key/value pairs of one family (node, label, index, meta), packed into one
  // arena.
  struct Buffer {
    std::string arena;
    struct Entry {
      std::uint64_t prefix;  // the key's first 8 bytes, big-endian: most
                             // comparisons end here
      std::uint64_t offset;
      std::uint32_t key_size;
      std::uint32_t value_size;
    };
    std::vector<Entry> entries;
    void Add(std::string_view key, std::string_view value);
  };
  // One relationship of the load; its id is first_rel_ + its index in rels_.
  struct RelEnds {
    std::uint64_t start;
    std::uint64_t end;
    std::uint32_t type;
  };

  Buffer &buffer(int family) { return buffers_[family]; }
  void WriteMeta();
  // Each writes one family's SST file and returns its path.
  std::string WriteBufferSst(int family, Buffer &buffer);
  std::string WriteRelSst();
  std::string WriteAdjacencySst(bool outgoing);
  std::string WriteTypeSst();
  std::string NewSstPath(int family);
  void RemoveStaleFiles();

  GraphStoreImpl &store_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_ptr<Schema> schema_;
  std::uint32_t base_labels_, base_types_,
      base_keys_;  // names that existed before
  std::uint64_t next_node_, next_rel_;
  std::uint64_t first_rel_;
  std::uint64_t nodes_created_ = 0;
  std::uint64_t rels_created_ = 0;
  std::vector<std::int64_t> label_counts_;  // nodes created per LabelId
  std::vector<std::int64_t> type_counts_;   // relationships created per RelTypeId
  std::array<Buffer, 8> buffers_;           // node, label, index and meta (rocks_db.h Cf)
  std::vector<RelEnds> rels_;
  std::string rel_values_;                     // the `rel` values, one after another
  std::vector<std::uint64_t> rel_value_ends_;  // end offset of each in rel_values_
  std::string sst_prefix_;                     // path prefix of this writer's SST files
  bool finished_ = false;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_BULK_WRITER_H_
