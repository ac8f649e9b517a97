// CsrSnapshot: an immutable compressed-sparse-row adjacency of the committed graph.
//
// Nodes get dense indexes 0..node_count()-1 in ascending NodeId order (node ids may be
// sparse). For each node and direction, its edges sit contiguously, sorted as the `out`
// and `in` families sort them: by relationship type, then far node, then relationship id.
// So a type filter is a binary search, and Expand over the CSR yields what a RocksDB
// prefix scan yields, in the same order.
//
// Kept current incrementally: each commit that creates or deletes relationships records
// them in the CsrDelta beside the snapshot, and Txn::Expand merges the two for the nodes
// the delta touched, at the Txn's own version. A rebuild (one sequential pass over the
// `node`, `out` and `in` families) happens only when no snapshot exists yet or the delta
// has grown large beside it (GraphStore::RefreshCsr), or when GraphStore::Csr() is asked
// for the exact snapshot. Txn::Expand never triggers a build, and reads RocksDB instead
// once the Txn has changed the topology itself.
//
// Thread-safety: immutable after construction; share it freely through shared_ptr.
#ifndef PARLEY_ENGINE_STORAGE_CSR_SNAPSHOT_H_
#define PARLEY_ENGINE_STORAGE_CSR_SNAPSHOT_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/common/ids.h"

namespace parley::storage {

class CsrSnapshot {
 public:
  static constexpr std::uint32_t kNoIndex = 0xffffffffu;

  // One direction's adjacency: for node index i, edges [offsets[i], offsets[i + 1]).
  struct Adjacency {
    std::vector<std::uint64_t> offsets;  // node_count() + 1 entries
    std::vector<std::uint32_t> targets;  // dense index of the far node
    std::vector<RelId> rels;
    std::vector<RelTypeId> types;
  };

  // The edges of one node in one direction, as parallel spans.
  struct Edges {
    std::span<const std::uint32_t> targets;
    std::span<const RelId> rels;
    std::span<const RelTypeId> types;
    std::size_t size() const { return rels.size(); }
  };

  // REQUIRES: `nodes` ascending; out/in built over the same dense indexes.
  CsrSnapshot(std::uint64_t topology_version, std::vector<NodeId> nodes, Adjacency out,
              Adjacency in);

  // The store's topology version this snapshot reflects.
  std::uint64_t topology_version() const { return topology_version_; }
  std::uint32_t node_count() const { return static_cast<std::uint32_t>(nodes_.size()); }
  std::uint64_t rel_count() const { return out_.rels.size(); }

  // kNoIndex when `id` is not a node of this snapshot.
  std::uint32_t IndexOf(NodeId id) const;
  NodeId NodeAt(std::uint32_t index) const { return identity_ ? NodeId(index) : nodes_[index]; }
  std::span<const NodeId> nodes() const { return nodes_; }

  // REQUIRES: index < node_count().
  Edges Out(std::uint32_t index) const { return Slice(out_, index); }
  Edges In(std::uint32_t index) const { return Slice(in_, index); }
  // The sub-range of `edges` with relationship type `type`.
  static Edges OfType(const Edges& edges, RelTypeId type);

  // Calls f(edges, outgoing) for each run of the relationships of node `index` in
  // `direction` whose type is one of `types` (any type when empty), outgoing runs first,
  // type by type, until f returns false; returns false if it did. In the order Expand
  // yields when `types` is ascending and each once. Under kBoth the incoming runs still
  // hold the node's self-loops: callers skip them there, to yield each loop once.
  // REQUIRES: index < node_count().
  template <class F>
  bool ForEachRun(std::uint32_t index, Direction direction, std::span<const RelTypeId> types,
                  F&& f) const {
    for (bool outgoing : {true, false}) {
      if (direction == (outgoing ? Direction::kIn : Direction::kOut)) continue;
      Edges all = outgoing ? Out(index) : In(index);
      if (types.empty()) {
        if (!f(all, outgoing)) return false;
        continue;
      }
      for (RelTypeId type : types) {
        if (!f(OfType(all, type), outgoing)) return false;
      }
    }
    return true;
  }

  const Adjacency& out() const { return out_; }
  const Adjacency& in() const { return in_; }

 private:
  static Edges Slice(const Adjacency& adjacency, std::uint32_t index);

  std::uint64_t topology_version_;
  std::vector<NodeId> nodes_;
  std::vector<std::uint32_t> direct_;  // id -> index when ids are dense enough; else empty
  // True when the ids are exactly 0..node_count()-1 (a graph without deletions): then an
  // id is its own index, and mapping costs no memory access.
  bool identity_ = false;
  Adjacency out_;
  Adjacency in_;
};

// `types` in ascending order, each once: as ForEachRun wants them, and as a multi-type
// expansion over the adjacency keys needs them to keep key order. None or one type (nearly
// every expansion) is returned as it is, without a copy; `storage` holds the sorted copy
// otherwise.
std::span<const RelTypeId> SortedTypes(std::span<const RelTypeId> types,
                                       std::vector<RelTypeId>* storage);

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_CSR_SNAPSHOT_H_
