#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

class UnwindOp final : public Operator {
 public:
  UnwindOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override {
    child_->Reset(argument);
    list_.clear();
    next_ = 0;
  }
  bool Next(Row* row) override {
    while (next_ >= list_.size()) {
      if (!Pull(*child_, row)) return false;
      Value v = eval_.Eval(*op_.expr, *row);
      next_ = 0;
      list_.clear();
      if (v.is_list()) {
        list_ = std::move(v.as_list());
      } else if (!v.is_null()) {
        list_.push_back(std::move(v));
      }
    }
    (*row)[op_.slot] = list_[next_++];
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  List list_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeUnwind(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<UnwindOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
