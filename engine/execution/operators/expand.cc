#include "engine/execution/operators/expand_common.h"

namespace parley::execution {
namespace {

// (node)-[rel]-(target) for each input row, from the node's adjacency.
class ExpandOp final : public Operator {
 public:
  ExpandOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
           const bound::Expr* target_filter)
      : Operator(ctx),
        op_(op),
        child_(std::move(child)),
        target_filter_(target_filter),
        eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    cursor_.reset();
    filter_.Resolve(*ctx_->txn, op_);
  }

  bool Next(Row* row) override {
    if (filter_.impossible) return false;
    for (;;) {
      if (op_.kind == logical::OpKind::kExpandCount) return NextCount(row);
      if (!cursor_) {
        if (!Pull(*child_, row)) return false;
        const Value& from = (*row)[op_.node];
        if (!from.is_node()) continue;  // null from an OPTIONAL MATCH
        if (op_.into && !(*row)[op_.target].is_node()) continue;
        from_ = NodeId(from.as_node().id);
        if (ctx_->IsDeleted(from_)) continue;
        cursor_ = ctx_->txn->Expand(from_, op_.direction, filter_.types);
      }
      storage::EdgeRef e;
      while (cursor_->Next(&e)) {
        if (!Accept(*row, e)) continue;
        if (!op_.into) SetNode(&(*row)[op_.target], e.other);
        if (target_filter_ != nullptr && !eval_.Test(*target_filter_, *row)) continue;
        SetRel(&(*row)[op_.rel], *ctx_->txn, ToRecord(from_, e));
        return true;
      }
      cursor_.reset();
    }
  }

 private:
  bool NextCount(Row* row) {
    while (Pull(*child_, row)) {
      const Value& from = (*row)[op_.node];
      if (!from.is_node()) continue;
      NodeId id(from.as_node().id);
      std::uint64_t n = 0;
      if (op_.direction == Direction::kBoth) {
        // Counted as Next would: a self-loop matches an undirected pattern once.
        from_ = id;
        auto cursor = ctx_->txn->Expand(id, Direction::kBoth, filter_.types);
        storage::EdgeRef e;
        while (cursor->Next(&e)) {
          if (!(!e.outgoing && e.other == id)) ++n;
        }
      } else {
        n = ctx_->txn->Degree(id, op_.direction, filter_.types);
      }
      if (n == 0) continue;
      (*row)[op_.rel] = static_cast<std::int64_t>(n);
      return true;
    }
    return false;
  }

  bool Accept(const Row& row, const storage::EdgeRef& e) const {
    // kBoth lists a self-loop once per direction; an undirected pattern matches it once.
    if (op_.direction == Direction::kBoth && !e.outgoing && e.other == from_) return false;
    if (ctx_->IsDeleted(e.rel)) return false;
    if (op_.rel_bound) {
      const Value& r = row[op_.rel];
      if (!r.is_relationship() || r.as_relationship().id != e.rel.value) return false;
    }
    if (op_.into) {
      if (row[op_.target].as_node().id != e.other.value) return false;
    } else if (!filter_.TargetOk(*ctx_, e.other)) {
      return false;
    }
    return !RelUsed(row, op_.distinct_from, e.rel);
  }

  const logical::Op& op_;
  OperatorPtr child_;
  const bound::Expr* target_filter_;  // may be null
  Evaluator eval_;
  ExpandFilter filter_;
  NodeId from_;
  std::unique_ptr<storage::EdgeCursor> cursor_;
};

}  // namespace

OperatorPtr MakeExpand(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ExpandOp>(ctx, op, std::move(child), nullptr);
}

OperatorPtr MakeFilteredExpand(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                               const bound::Expr* target_filter) {
  return std::make_unique<ExpandOp>(ctx, op, std::move(child), target_filter);
}

}  // namespace parley::execution
