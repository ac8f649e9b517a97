#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// OPTIONAL MATCH: runs the inner plan per input row; when it finds nothing, yields the
// input row once with the clause's new slots null.
class OptionalOp final : public Operator {
 public:
  OptionalOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child, OperatorPtr inner)
      : Operator(ctx), op_(op), child_(std::move(child)), inner_(std::move(inner)) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    active_ = false;
  }

  bool Next(Row* row) override {
    for (;;) {
      if (!active_) {
        if (!Pull(*child_, &outer_)) return false;
        inner_->Reset(&outer_);
        active_ = true;
        matched_ = false;
      }
      if (Pull(*inner_, row)) {
        matched_ = true;
        return true;
      }
      active_ = false;
      if (!matched_) {
        *row = outer_;
        for (bound::Slot s : op_.slots) (*row)[s] = Value();
        return true;
      }
    }
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  OperatorPtr inner_;
  Row outer_;
  bool active_ = false;
  bool matched_ = false;
};

}  // namespace

OperatorPtr MakeOptional(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                         OperatorPtr inner) {
  return std::make_unique<OptionalOp>(ctx, op, std::move(child), std::move(inner));
}

}  // namespace parley::execution
