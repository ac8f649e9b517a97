#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

class ProjectionOp final : public Operator {
 public:
  ProjectionOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    if (!Pull(*child_, row)) return false;
    values_.clear();
    // Evaluate every item before writing any: `WITH a AS b, b AS a` reads the old slots.
    for (const bound::ProjectionItem* item : op_.items) {
      values_.push_back(eval_.Eval(*item->expr, *row));
    }
    for (std::size_t i = 0; i < values_.size(); ++i) {
      (*row)[op_.items[i]->slot] = std::move(values_[i]);
    }
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::vector<Value> values_;
};

}  // namespace

OperatorPtr MakeProjection(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ProjectionOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
