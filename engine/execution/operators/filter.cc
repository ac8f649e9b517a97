#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

class FilterOp final : public Operator {
 public:
  FilterOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    while (Pull(*child_, row)) {
      if (eval_.Test(*op_.expr, *row) && PassesTheRest(*row)) return true;
    }
    return false;
  }

 private:
  bool PassesTheRest(Row& row) {
    for (const bound::Expr* e : op_.more_conjuncts) {
      if (!eval_.Test(*e, row)) return false;
    }
    return true;
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
};

}  // namespace

OperatorPtr MakeFilter(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<FilterOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
