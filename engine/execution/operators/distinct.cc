#include <unordered_set>

#include "engine/execution/operators/operators.h"
#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// Keeps the first row of each distinct combination of `slots`.
class DistinctOp final : public Operator {
 public:
  DistinctOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)) {}
  void Reset(const Row* argument) override {
    child_->Reset(argument);
    seen_.clear();
    ctx_->Release(charged_);
    charged_ = 0;
  }
  bool Next(Row* row) override {
    while (Pull(*child_, row)) {
      List key;
      key.reserve(op_.slots.size());
      for (bound::Slot s : op_.slots) key.push_back((*row)[s]);
      std::uint64_t size = ApproxSize(Value(key));
      if (seen_.insert(std::move(key)).second) {
        charged_ += size;
        ctx_->Charge(size);
        return true;
      }
    }
    return false;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  std::unordered_set<List, function::RowHash, function::RowEquivalent> seen_;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeDistinct(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<DistinctOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
