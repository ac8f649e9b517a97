// Checks shared by the expanding operators.
#ifndef PARLEY_ENGINE_EXECUTION_OPERATORS_EXPAND_COMMON_H_
#define PARLEY_ENGINE_EXECUTION_OPERATORS_EXPAND_COMMON_H_

#include <vector>

#include "engine/execution/operators/operators.h"

namespace parley::execution {

// Relationship types and target labels of an expanding op, resolved when it opens.
struct ExpandFilter {
  std::vector<RelTypeId> types;
  std::vector<LabelId> labels;
  bool impossible = false;  // a type or label that does not exist: nothing matches
  // None of the named types exists: no relationship matches (a zero-length path still may).
  bool no_types = false;

  void Resolve(const storage::Txn& txn, const logical::Op& op) {
    types.clear();
    labels.clear();
    impossible = false;
    no_types = false;
    bool any_type = op.types.empty();
    for (const bound::Token& t : op.types) {
      if (auto id = ResolveType(txn, t)) {
        types.push_back(*id);
        any_type = true;
      }
    }
    for (const bound::Token& l : op.target_labels) {
      if (auto id = ResolveLabel(txn, l)) {
        labels.push_back(*id);
      } else {
        impossible = true;
      }
    }
    no_types = !any_type;
    // Only zero-length paths are left: impossible unless the op allows them (it checks).
    if (no_types) impossible = true;
  }

  bool TargetOk(ExecContext& ctx, NodeId node) const {
    for (LabelId l : labels) {
      if (!ctx.NodeHasLabel(node, l)) return false;
    }
    return true;
  }
};

// True if relationship `rel` is already bound in one of `slots` of `row` (a relationship
// or a list of them): a MATCH binds each relationship at most once.
inline bool RelUsed(const Row& row, const std::vector<bound::Slot>& slots, RelId rel) {
  for (bound::Slot s : slots) {
    const Value& v = row[s];
    if (v.is_relationship()) {
      if (v.as_relationship().id == rel.value) return true;
    } else if (v.is_list()) {
      for (const Value& e : v.as_list()) {
        if (e.is_relationship() && e.as_relationship().id == rel.value) return true;
      }
    }
  }
  return false;
}

inline storage::RelRecord ToRecord(NodeId from, const storage::EdgeRef& e) {
  return e.outgoing ? storage::RelRecord{e.rel, e.type, from, e.other}
                    : storage::RelRecord{e.rel, e.type, e.other, from};
}

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_OPERATORS_EXPAND_COMMON_H_
