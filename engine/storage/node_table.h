// NodeTable: an immutable in-memory image of the committed node records (labels and
// properties), indexed by node id.
//
// Why: a property read through RocksDB is a lookup plus a decode of the whole record
// (one to three microseconds); scans and traversals that read a property or test a label
// on every row spend nearly all their time there. The table answers the same reads with
// two array accesses.
//
// Layout: pages of kPageSize consecutive node ids; a slot per id holds the record, or is
// empty for an id never used or deleted. Each page also lists the labels occurring in
// it (a superset once labels are removed), so a label scan skips pages that cannot hold
// the label.
//
// Copy-on-write: UpdatedWith() makes the table of the next commit, sharing every page
// that commit did not touch, so keeping the table current costs O(changed nodes + pages)
// per commit instead of a rebuild.
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
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "engine/common/ids.h"
#include "engine/storage/property_column.h"
#include "engine/storage/value_codec.h"

namespace parley::storage {

struct NodeTablePage;        // below
class NodeTablePageEditor;   // node_table.cc

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
    // REQUIRES: ids strictly ascending across calls.
    void Add(NodeId id, const NodeRecord& record);
    std::shared_ptr<const NodeTable> Finish(std::uint64_t version);

   private:
    void FlushPage();
    std::vector<std::shared_ptr<const NodeTablePage>> pages_;
    std::unique_ptr<NodeTablePageEditor> editor_;
    std::uint64_t editor_page_ = 0;
    std::uint64_t node_count_ = 0;
  };

  // The node version of the store this table reflects.
  std::uint64_t version() const { return version_; }
  std::uint64_t node_count() const { return node_count_; }

  bool Contains(NodeId id) const { return Page(id) != nullptr; }
  // REQUIRE: Contains(id).
  bool HasLabel(NodeId id, LabelId label) const;
  Value Property(NodeId id, PropKeyId key) const;  // null when absent
  NodeRecord Record(NodeId id) const;

  // The first node with id >= `from` (and with `label`, when given); nullopt at the end.
  std::optional<NodeId> NextNode(std::uint64_t from, std::optional<LabelId> label) const;

  // This table with `changes` applied, at `version`. REQUIRES: ids in `changes` unique.
  std::shared_ptr<const NodeTable> UpdatedWith(std::uint64_t version,
                                               std::vector<Change> changes) const;

  // Approximate heap bytes held, for diagnostics and tests.
  std::uint64_t ApproxBytes() const;

 private:
  using PagePtr = std::shared_ptr<const NodeTablePage>;
  NodeTable(std::uint64_t version, std::vector<PagePtr> pages, std::uint64_t node_count);
  // The page holding node `id`; nullptr when `id` is not a node of the table.
  const NodeTablePage* Page(NodeId id) const;

  std::uint64_t version_;
  std::vector<PagePtr> pages_;
  std::uint64_t node_count_;
};

// One page of a NodeTable: kPageSize consecutive node ids. Internal to NodeTable.
struct NodeTablePage {
  std::bitset<NodeTable::kPageSize> present;
  // Labels with ids below 64 as one bit each; the rare others per slot in `high_labels`.
  std::array<std::uint64_t, NodeTable::kPageSize> low_labels{};
  std::vector<std::pair<std::uint32_t, std::vector<LabelId>>> high_labels;  // by slot
  // Every label some present node of the page has (a superset once labels go away).
  std::uint64_t low_summary = 0;
  std::vector<LabelId> high_summary;  // sorted
  // One column per property key any node of the page has, sorted by key; columns are
  // shared between tables until a commit changes them.
  std::vector<std::pair<PropKeyId, std::shared_ptr<const PropertyColumn>>> columns;

  bool MayHold(LabelId label) const;
  bool HasLabel(std::uint32_t slot, LabelId label) const;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_NODE_TABLE_H_
