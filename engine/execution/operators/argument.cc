#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// The leaf of every plan and sub-plan: yields the argument row once.
class ArgumentOp final : public Operator {
 public:
  using Operator::Operator;
  void Reset(const Row* argument) override {
    if (argument != nullptr) {
      arg_ = *argument;
      arg_.resize(ctx_->num_slots);
    } else {
      arg_.assign(ctx_->num_slots, Value());
    }
    done_ = false;
  }
  bool Next(Row* row) override {
    if (done_) return false;
    done_ = true;
    *row = arg_;
    return true;
  }

 private:
  Row arg_;
  bool done_ = true;
};

}  // namespace

OperatorPtr MakeArgument(ExecContext* ctx) { return std::make_unique<ArgumentOp>(ctx); }

}  // namespace parley::execution
