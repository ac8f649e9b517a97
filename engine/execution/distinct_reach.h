// DistinctReach: the distinct far ends of a chain of expansions from one node, as
// `MATCH (a)-[:T]->()-[:T*1..2]->(d) RETURN count(DISTINCT d)` needs them, without
// producing a row per path.
//
// Semantics are the pattern's: a node is an end when some path through the hops reaches
// it using each relationship at most once (relationship isomorphism), with each hop's
// count of relationships in its range and each hop's far node carrying its labels.
//
// Two ways to find them. Level by level over dense node sets (each node expanded once per
// hop, like a breadth-first search) when walks and paths reach the same nodes: the hops
// all go one way (both out or both in), at most three relationships long in all, and the
// start has no self-loop nor (at three) a neighbour with a self-loop or an edge back to
// it; those are the only ways a walk of three relationships can repeat one. Otherwise a
// depth-first search over paths, marking the ends it meets (exponential in the worst case,
// like the expansion it replaces, but without making rows).
//
// Reads the transaction's CSR snapshot directly when it is exactly what the transaction
// sees (storage::Txn::ExactCsr), else the transaction's Expand cursors. One instance per
// operator; single-threaded; ctx must outlive it. Throws what ctx.CheckInterrupt and
// ctx.Charge throw.
#ifndef PARLEY_ENGINE_EXECUTION_DISTINCT_REACH_H_
#define PARLEY_ENGINE_EXECUTION_DISTINCT_REACH_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/common/ids.h"
#include "engine/execution/exec_context.h"

namespace parley::execution {

// One hop of the chain, resolved against the statement's transaction.
struct ReachHop {
  std::vector<RelTypeId> types;  // empty: any type (unless no_relationships)
  bool no_relationships = false;  // its types were named but none exists: zero-length only
  std::vector<LabelId> labels;   // the hop's far node has all of them
  Direction direction = Direction::kOut;
  std::int64_t min_hops = 1;
  std::int64_t max_hops = 1;  // negative: unbounded
};

class DistinctReach {
 public:
  // REQUIRES: `hops` is not empty.
  DistinctReach(ExecContext* ctx, std::vector<ReachHop> hops);
  ~DistinctReach();
  DistinctReach(const DistinctReach&) = delete;
  DistinctReach& operator=(const DistinctReach&) = delete;

  // Fills `ends` with the distinct ends reached from `start`, each once, in the order
  // they were first found.
  void From(NodeId start, std::vector<NodeId>* ends);

  // Whether the last From went level by level (for tests).
  bool last_was_by_levels() const { return by_levels_; }

  class Search;  // the search over one way of reading the graph (distinct_reach.cc)

 private:
  ExecContext* ctx_;
  std::vector<ReachHop> hops_;
  bool by_levels_ = false;
  const storage::CsrSnapshot* csr_ = nullptr;  // the one csr_search_ reads
  std::unique_ptr<Search> csr_search_;
  std::unique_ptr<Search> cursor_search_;
};

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_DISTINCT_REACH_H_
