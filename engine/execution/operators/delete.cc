#include <fmt/format.h>

#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// DELETE / DETACH DELETE: consumes its whole input first, then deletes relationships
// before nodes (so `DELETE a, r, b` works whatever the row order), then yields the rows.
class DeleteOp final : public Operator {
 public:
  DeleteOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override {
    child_->Reset(argument);
    rows_.clear();
    done_ = false;
    next_ = 0;
  }
  bool Next(Row* row) override {
    if (!done_) Run();
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

 private:
  void Collect(const Value& v, SourcePos pos) {
    switch (v.type()) {
      case ValueType::kNull: return;
      case ValueType::kNode: nodes_.push_back(NodeId(v.as_node().id)); return;
      case ValueType::kRelationship: rels_.push_back(RelId(v.as_relationship().id)); return;
      case ValueType::kPath:
        for (const Relationship& r : v.as_path().rels) rels_.push_back(RelId(r.id));
        for (const Node& n : v.as_path().nodes) nodes_.push_back(NodeId(n.id));
        return;
      default:
        throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                    fmt::format("DELETE needs a node, relationship or path, not {}",
                                TypeName(v.type())),
                    pos);
    }
  }

  void Run() {
    done_ = true;
    Row in;
    while (Pull(*child_, &in)) {
      for (const auto& e : op_.del->targets) Collect(eval_.Eval(*e, in), e->pos);
      rows_.push_back(in);
    }
    storage::Txn& txn = *ctx_->txn;
    for (RelId r : rels_) {
      if (ctx_->IsDeleted(r) || !txn.GetRel(r)) continue;
      txn.DeleteRel(r);
      ctx_->deleted_rels.insert(r);
      ++ctx_->stats.relationships_deleted;
    }
    for (NodeId n : nodes_) {
      if (ctx_->IsDeleted(n) || !txn.NodeExists(n)) continue;
      if (op_.del->detach) {
        auto cursor = txn.Expand(n, Direction::kBoth, {});
        storage::EdgeRef e;
        while (cursor->Next(&e)) ctx_->deleted_rels.insert(e.rel);
      }
      ctx_->stats.relationships_deleted +=
          static_cast<std::int64_t>(txn.DeleteNode(n, op_.del->detach));
      ctx_->deleted_nodes.insert(n);
      ++ctx_->stats.nodes_deleted;
    }
    nodes_.clear();
    rels_.clear();
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::vector<Row> rows_;
  std::vector<NodeId> nodes_;
  std::vector<RelId> rels_;
  bool done_ = false;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeDelete(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<DeleteOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
