// NodeTable: an immutable in-memory image of the committed node records (labels and
// properties), indexed by node id.
//
// Why: a property read through RocksDB is a lookup plus a decode of the whole record
// (one to three microseconds); scans and traversals that read a property or test a label
// on every row spend nearly all their time there. The table answers the same reads with
// a few array accesses.
//
// Layout: node ids are cut into pages of kPageSize. A page holds which of its ids are
// nodes and their labels, plus the labels occurring in it (a superset once labels are
// removed), so a label scan skips pages that cannot hold the label. Properties are
// stored by key, then by page: for each key, one typed PropertyColumn per page that has
// the key. Reading `n.key` for a random node is then two hops through small, hot arrays
// to one column, where a record layout would walk the node's whole property list.
//
// Copy-on-write: UpdatedWith() makes the table of the next commit, sharing every page,
// every column and every per-key column list the commit did not touch, so keeping the
// table current costs O(changed nodes + pages of the keys they touch) per commit rather
// than a rebuild.
//
// Lifecycle (see GraphStoreImpl): built from the `node` family by the first large node
// scan, then carried forward by every commit that changes nodes. A Txn reads it only
// for nodes it has not changed itself, and only while the table's version is the node
// version of the Txn's snapshot.
//
// Thread-safety: immutable after construction; share it through shared_ptr.
#ifndef PARLEY_ENGINE_STORAGE_NODE_TABLE_H_
#define PARLEY_ENGINE_STORAGE_NODE_TABLE_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/common/ids.h"
#include "engine/storage/graph_store.h"
#include "engine/storage/property_column.h"
#include "engine/storage/value_codec.h"

namespace parley::storage {

struct NodeTablePage;      // below
class NodeTableEditor;     // node_table.cc

class NodeTable {
 public:
  static constexpr unsigned kPageBits = 7;
  static constexpr std::uint64_t kPageSize = std::uint64_t{1} << kPageBits;
  static_assert(kPageSize <= PropertyColumn::kMaxSize);

  // One node changed by a commit: its record afterwards, or nullopt when deleted.
  struct Change {
    NodeId id;
    std::optional<NodeRecord> record;
  };

  // Collects records in ascending id order into a new table.
  class Builder {
   public:
    Builder();
    ~Builder();
    void Add(NodeId id, const NodeRecord& record);  // REQUIRES: each id once
    std::shared_ptr<const NodeTable> Finish(std::uint64_t version);

   private:
    std::unique_ptr<NodeTableEditor> editor_;
  };

  ~NodeTable();

  // The node version of the store this table reflects.
  std::uint64_t version() const { return version_; }
  std::uint64_t node_count() const { return node_count_; }

  bool Contains(NodeId id) const;
  // REQUIRE: Contains(id).
  bool HasLabel(NodeId id, LabelId label) const;
  NodeRecord Record(NodeId id) const;
  // The value of `key` on node `id` when the node exists and has it; nullopt otherwise
  // (tell the two apart with Contains). Reads only the key's column.
  std::optional<Value> FindProperty(NodeId id, PropKeyId key) const;
  // The column holding `key` for node `id`'s page, or nullptr; the node's value is
  // column->Get(SlotOf(id)) when column->Has(SlotOf(id)). For hot paths that return the
  // value straight from the column.
  const PropertyColumn* ColumnFor(NodeId id, PropKeyId key) const {  // inline: hot
    if (key.value >= columns_.size() || !columns_[key.value]) return nullptr;
    const KeyColumns& by_page = *columns_[key.value];
    std::uint64_t page = id.value >> kPageBits;
    return page < by_page.size() ? by_page[page].get() : nullptr;
  }
  static std::uint32_t SlotOf(NodeId id) {
    return static_cast<std::uint32_t>(id.value & (kPageSize - 1));
  }

  // Scanning page by page: the number of pages, and the nodes of page `page` (with
  // `label`, when given) appended to `out` in ascending order.
  std::uint64_t page_count() const { return pages_.size(); }
  void NodesOfPage(std::uint64_t page, std::optional<LabelId> label,
                   std::vector<NodeId>* out) const;

  // Calls visit(columns) for page `page` when it holds nodes (with `label`, when given),
  // with property keys[i] in columns[i] (see Txn::VisitNodeColumns). `columns` is
  // scratch space for the column pointers. REQUIRES: columns->size() == keys.size().
  void VisitPage(std::uint64_t page, std::optional<LabelId> label,
                 std::span<const PropKeyId> keys, std::vector<const PropertyColumn*>* columns,
                 const std::function<void(const NodeColumnPage&)>& visit) const;

  // This table with `changes` applied, at `version`. REQUIRES: ids in `changes` unique.
  std::shared_ptr<const NodeTable> UpdatedWith(std::uint64_t version,
                                               std::vector<Change> changes) const;

  // The spread of `key`'s numeric values over the table (see Txn::NumericPropertyRange);
  // computed once per key and table, then remembered. Thread-safe.
  std::optional<NumericRange> NumericRangeOf(PropKeyId key) const;

 private:
  friend class NodeTableEditor;
  using PagePtr = std::shared_ptr<const NodeTablePage>;
  using ColumnPtr = std::shared_ptr<const PropertyColumn>;
  using KeyColumns = std::vector<ColumnPtr>;  // by page; null where no node has the key

  NodeTable() = default;
  // The page holding node `id`; nullptr when `id` is not a node of the table.
  const NodeTablePage* Page(NodeId id) const;

  std::uint64_t version_ = 0;
  std::uint64_t node_count_ = 0;
  std::vector<PagePtr> pages_;
  std::vector<std::shared_ptr<const KeyColumns>> columns_;  // by property key id
  mutable std::mutex ranges_mutex_;
  mutable std::unordered_map<std::uint32_t, std::optional<NumericRange>> ranges_;
};

// One page of a NodeTable: presence and labels of kPageSize consecutive node ids.
struct NodeTablePage {
  std::bitset<NodeTable::kPageSize> present;
  // Labels with ids below 64 as one bit each; the rare others per slot in `high_labels`.
  std::array<std::uint64_t, NodeTable::kPageSize> low_labels{};
  std::vector<std::pair<std::uint32_t, std::vector<LabelId>>> high_labels;  // by slot
  // Every label some present node of the page has (a superset once labels go away).
  std::uint64_t low_summary = 0;
  std::vector<LabelId> high_summary;  // sorted

  bool MayHold(LabelId label) const;
  bool HasLabel(std::uint32_t slot, LabelId label) const;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_NODE_TABLE_H_
