#include <algorithm>

#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// The nodes of a list, in order.
class ListCursor final : public storage::NodeCursor {
 public:
  explicit ListCursor(std::vector<NodeId> nodes) : nodes_(std::move(nodes)) {}
  bool Next(NodeId* id) override {
    if (at_ == nodes_.size()) return false;
    *id = nodes_[at_++];
    return true;
  }

 private:
  std::vector<NodeId> nodes_;
  std::size_t at_ = 0;
};

// Nodes from a property index: equality (with any element of a list), or a range.
class IndexSeekOp final : public Operator {
 public:
  IndexSeekOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    cursor_.reset();
  }

  bool Next(Row* row) override {
    for (;;) {
      if (!cursor_) {
        if (!Pull(*child_, row)) return false;
        ctx_->CheckInterrupt();
        if (!Open(row)) continue;
      }
      NodeId id;
      while (cursor_->Next(&id)) {
        if (ctx_->IsDeleted(id)) continue;
        SetNode(&(*row)[op_.node], id);
        return true;
      }
      cursor_.reset();
    }
  }

 private:
  bool Open(Row* row) {
    auto label = ResolveLabel(*ctx_->txn, op_.labels[0]);
    auto key = ResolveKey(*ctx_->txn, op_.key);
    if (!label || !key || !ctx_->txn->HasIndex(*label, *key)) return false;
    if (op_.expr != nullptr && op_.in_list) {
      Value list = eval_.Eval(*op_.expr, *row);
      if (!list.is_list()) return false;  // the planner seeks only lists known as such
      // Each node once, however many elements it equals.
      std::vector<NodeId> nodes;
      for (const Value& v : list.as_list()) {
        if (v.is_null()) continue;
        std::unique_ptr<storage::NodeCursor> seek = ctx_->txn->IndexSeek(*label, *key, v);
        for (NodeId id; seek->Next(&id);) nodes.push_back(id);
      }
      std::sort(nodes.begin(), nodes.end());
      nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
      cursor_ = std::make_unique<ListCursor>(std::move(nodes));
      return true;
    }
    if (op_.expr != nullptr) {
      Value v = eval_.Eval(*op_.expr, *row);
      if (v.is_null()) return false;
      cursor_ = ctx_->txn->IndexSeek(*label, *key, v);
      return true;
    }
    std::optional<storage::IndexBound> lower, upper;
    if (op_.lower != nullptr) {
      Value v = eval_.Eval(*op_.lower, *row);
      if (v.is_null()) return false;
      lower = storage::IndexBound{std::move(v), op_.lower_inclusive};
    }
    if (op_.upper != nullptr) {
      Value v = eval_.Eval(*op_.upper, *row);
      if (v.is_null()) return false;
      upper = storage::IndexBound{std::move(v), op_.upper_inclusive};
    }
    cursor_ = ctx_->txn->IndexRange(*label, *key, lower, upper);
    return true;
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::unique_ptr<storage::NodeCursor> cursor_;
};

}  // namespace

OperatorPtr MakeIndexSeek(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<IndexSeekOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
