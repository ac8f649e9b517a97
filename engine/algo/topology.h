// Topology: the graph one algorithm call runs on, as dense node indexes 0..n-1 with the
// adjacency of both directions in compressed-sparse-row form.
//
// Without a label or relationship-type restriction, and when the statement's transaction
// sees exactly the CSR snapshot (storage::Txn::ExactCsr), the Topology borrows the
// snapshot's arrays: no copy of the graph per call. Otherwise it builds its own arrays
// once per call: the nodes with one of the labels, the relationships of the types between
// them, renumbered densely. A dense copy rather than a filter applied on every edge visit
// because the algorithms here visit each edge many times (PageRank once per iteration,
// betweenness once per source), and because a filtered view still reports the unfiltered
// node count, which PageRank's 1/|V| and component counting depend on. The same build
// reads the graph through Txn::ScanNodes and Txn::Expand when no exact snapshot exists
// (the transaction wrote relationships, or commits came after the snapshot).
//
// Ownership: holds the snapshot alive (shared_ptr) or owns its arrays; the memory of its
// own arrays is charged to the call's RunContext while it lives. Immutable once built;
// not thread-safe to build, safe to read from one thread.
#ifndef PARLEY_ENGINE_ALGO_TOPOLOGY_H_
#define PARLEY_ENGINE_ALGO_TOPOLOGY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "engine/algo/run_context.h"
#include "engine/common/ids.h"
#include "engine/storage/csr_snapshot.h"

namespace parley::algo {

// One direction's adjacency: node i's edges are [offsets[i], offsets[i + 1]).
struct CsrArrays {
  std::span<const std::uint64_t> offsets;
  std::span<const std::uint32_t> targets;  // dense index of the far node
  std::span<const RelId> rels;             // empty in a simplified Topology
};

// Which part of the graph a call sees. nullopt: no restriction.
struct Restriction {
  std::optional<std::vector<LabelId>> labels;   // nodes with at least one of them
  std::optional<std::vector<RelTypeId>> types;  // relationships of one of them
};

class Topology {
 public:
  static constexpr std::uint32_t kNoIndex = 0xffffffffu;

  // The graph `ctx.txn()` sees, restricted by `restriction`. Throws what RunContext
  // throws (cancellation, memory bound) and storage errors.
  static Topology Load(RunContext& ctx, const Restriction& restriction);
  // A simple graph over the same nodes: node i's out-edges go to the distinct nodes it
  // reaches through `t`'s edges in `direction` (kBoth: either way), without i itself,
  // sorted by index; `in` is the transpose. No relationship ids.
  static Topology Simplify(RunContext& ctx, const Topology& t, Direction direction);

  std::uint32_t node_count() const { return node_count_; }
  std::uint64_t rel_count() const { return out_.targets.size(); }
  const CsrArrays& out() const { return out_; }
  const CsrArrays& in() const { return in_; }
  // REQUIRES: index < node_count().
  NodeId NodeAt(std::uint32_t index) const {
    return snapshot_ ? snapshot_->NodeAt(index) : nodes_[index];
  }
  // kNoIndex when `id` is not a node of this Topology.
  std::uint32_t IndexOf(NodeId id) const;
  // True when the arrays are the CSR snapshot's own (no copy was made).
  bool borrowed() const { return borrowed_; }

 private:
  struct Owned {
    std::vector<std::uint64_t> out_offsets, in_offsets;
    std::vector<std::uint32_t> out_targets, in_targets;
    std::vector<RelId> out_rels, in_rels;
  };
  explicit Topology(RunContext* ctx) : held_(ctx) {}
  // Fills in_ from out_ (a counting sort by target), then points the spans at owned_.
  void Finish(RunContext& ctx);

  // Node index <-> NodeId: the snapshot's when the indexes are its own, else nodes_.
  std::shared_ptr<const storage::CsrSnapshot> snapshot_;
  std::vector<NodeId> nodes_;  // ascending, when the indexes are not the snapshot's
  bool borrowed_ = false;
  std::unique_ptr<Owned> owned_;
  std::uint32_t node_count_ = 0;
  CsrArrays out_;
  CsrArrays in_;
  HeldMemory held_;
};

}  // namespace parley::algo

#endif  // PARLEY_ENGINE_ALGO_TOPOLOGY_H_
