#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// Materialises all input before yielding any, so that a later clause's writes cannot
// change what an earlier clause reads (and reads see all earlier writes).
class EagerOp final : public Operator {
 public:
  EagerOp(ExecContext* ctx, OperatorPtr child) : Operator(ctx), child_(std::move(child)) {}
  void Reset(const Row* argument) override {
    child_->Reset(argument);
    rows_.clear();
    done_ = false;
    next_ = 0;
    ctx_->Release(charged_);
    charged_ = 0;
  }
  bool Next(Row* row) override {
    if (!done_) {
      done_ = true;
      Row in;
      while (Pull(*child_, &in)) {
        std::uint64_t size = ApproxSize(in);
        charged_ += size;
        ctx_->Charge(size);
        rows_.push_back(in);
      }
    }
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

 private:
  OperatorPtr child_;
  std::vector<Row> rows_;
  bool done_ = false;
  std::size_t next_ = 0;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeEager(ExecContext* ctx, OperatorPtr child) {
  return std::make_unique<EagerOp>(ctx, std::move(child));
}

}  // namespace parley::execution
