#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// UNION: the children's rows one after the other (each child already projects into the
// shared output slots).
class UnionOp final : public Operator {
 public:
  UnionOp(ExecContext* ctx, std::vector<OperatorPtr> children)
      : Operator(ctx), children_(std::move(children)) {}
  void Reset(const Row* argument) override {
    for (auto& c : children_) c->Reset(argument);
    current_ = 0;
  }
  bool Next(Row* row) override {
    while (current_ < children_.size()) {
      if (Pull(*children_[current_], row)) return true;
      ++current_;
    }
    return false;
  }

 private:
  std::vector<OperatorPtr> children_;
  std::size_t current_ = 0;
};

}  // namespace

OperatorPtr MakeUnion(ExecContext* ctx, std::vector<OperatorPtr> children) {
  return std::make_unique<UnionOp>(ctx, std::move(children));
}

}  // namespace parley::execution
