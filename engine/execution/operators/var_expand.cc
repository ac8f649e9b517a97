#include "engine/execution/operators/expand_common.h"
#include <algorithm>

#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// (node)-[rel:types*min..max]-(target): depth-first, each relationship at most once per
// path (and not one bound elsewhere in the MATCH). `rel` gets the list of relationships.
class VarExpandOp final : public Operator {
 public:
  VarExpandOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    stack_.clear();
    path_.clear();
    filter_.Resolve(*ctx_->txn, op_);
  }

  bool Next(Row* row) override {
    if (filter_.impossible && !ZeroLengthOnly()) return false;
    for (;;) {
      if (stack_.empty()) {
        if (!Start(row)) return false;
        bool zero = op_.rel_bound ? bound_ids_.empty() : op_.min_hops == 0;
        if (zero && TargetOk(*row, start_)) return Emit(row, start_);
      }
      Frame& f = stack_.back();
      std::int64_t depth = static_cast<std::int64_t>(path_.size());
      storage::EdgeRef e;
      bool more = false;
      std::int64_t max_hops = op_.rel_bound ? static_cast<std::int64_t>(bound_ids_.size())
                                            : op_.max_hops;
      if ((max_hops < 0 || depth < max_hops) && !filter_.no_types) {
        if (!f.cursor) f.cursor = ctx_->txn->Expand(f.node, op_.direction, filter_.types);
        while ((more = f.cursor->Next(&e))) {
          if (Accept(*row, f.node, e)) break;
        }
      }
      if (!more) {
        stack_.pop_back();
        if (!path_.empty()) path_.pop_back();
        continue;
      }
      ctx_->CheckInterrupt();
      NodeId from = f.node;
      path_.push_back(ToRecord(from, e));
      stack_.push_back(Frame{e.other, nullptr});
      std::int64_t min_hops = op_.rel_bound ? max_hops : op_.min_hops;
      if (depth + 1 >= min_hops && TargetOk(*row, e.other)) return Emit(row, e.other);
    }
  }

 private:
  struct Frame {
    NodeId node;
    std::unique_ptr<storage::EdgeCursor> cursor;
  };

  // No named type exists, but the pattern matches paths of no relationship: those only.
  bool ZeroLengthOnly() const {
    bool labels_exist = filter_.labels.size() == op_.target_labels.size();
    return filter_.no_types && labels_exist && !op_.rel_bound && op_.min_hops == 0;
  }

  bool Start(Row* row) {
    for (;;) {
      if (!Pull(*child_, row)) return false;
      const Value& from = (*row)[op_.node];
      if (!from.is_node()) continue;
      if (op_.into && !(*row)[op_.target].is_node()) continue;
      start_ = NodeId(from.as_node().id);
      if (op_.rel_bound) {
        // The relationships are given (a list bound earlier): follow exactly those.
        const Value& list = (*row)[op_.rel];
        if (!list.is_list()) continue;
        bound_ids_.clear();
        for (const Value& r : list.as_list()) {
          if (r.is_relationship()) bound_ids_.push_back(RelId(r.as_relationship().id));
        }
      }
      if (op_.rel_properties != nullptr) {
        Value m = eval_.Eval(*op_.rel_properties, *row);
        props_ = m.is_map() ? m.as_map() : Map();
      }
      stack_.push_back(Frame{start_, nullptr});
      return true;
    }
  }

  bool Accept(const Row& row, NodeId from, const storage::EdgeRef& e) {
    if (op_.direction == Direction::kBoth && !e.outgoing && e.other == from) return false;
    if (ctx_->IsDeleted(e.rel)) return false;
    if (op_.rel_bound) {
      std::size_t i = op_.reverse ? bound_ids_.size() - 1 - path_.size() : path_.size();
      if (bound_ids_[i] != e.rel) return false;
    }
    for (const storage::RelRecord& r : path_) {
      if (r.id == e.rel) return false;
    }
    if (RelUsed(row, op_.distinct_from, e.rel)) return false;
    for (const auto& [k, v] : props_) {
      auto key = ctx_->txn->FindPropKey(k);
      if (!key) return false;
      if (function::Equals(ctx_->txn->RelProperty(e.rel, *key), v) != true) return false;
    }
    return true;
  }

  bool TargetOk(const Row& row, NodeId node) {
    if (op_.into) return row[op_.target].as_node().id == node.value;
    return filter_.TargetOk(*ctx_, node);
  }

  bool Emit(Row* row, NodeId target) {
    if (!op_.into) SetNode(&(*row)[op_.target], target);
    if (op_.rel_unused) return true;  // nobody reads the list: not made
    List rels;
    rels.reserve(path_.size());
    for (const storage::RelRecord& r : path_) rels.push_back(RelValue(*ctx_->txn, r));
    if (op_.reverse) std::reverse(rels.begin(), rels.end());
    if (!op_.rel_bound) (*row)[op_.rel] = std::move(rels);
    return true;
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  ExpandFilter filter_;
  NodeId start_;
  Map props_;
  std::vector<Frame> stack_;
  std::vector<storage::RelRecord> path_;
  std::vector<RelId> bound_ids_;
};

}  // namespace

OperatorPtr MakeVarExpand(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<VarExpandOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
