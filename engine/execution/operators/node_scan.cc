#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// All nodes, or all nodes with one label, for each input row.
class NodeScanOp final : public Operator {
 public:
  NodeScanOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    cursor_.reset();
  }

  bool Next(Row* row) override {
    for (;;) {
      if (!cursor_) {
        if (!Pull(*child_, row)) return false;
        ctx_->CheckInterrupt();
        if (op_.kind == logical::OpKind::kLabelScan) {
          auto label = ResolveLabel(*ctx_->txn, op_.labels[0]);
          if (!label) continue;
          cursor_ = ctx_->txn->ScanLabel(*label);
        } else {
          cursor_ = ctx_->txn->ScanNodes();
        }
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
  const logical::Op& op_;
  OperatorPtr child_;
  std::unique_ptr<storage::NodeCursor> cursor_;
};

}  // namespace

OperatorPtr MakeNodeScan(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<NodeScanOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
