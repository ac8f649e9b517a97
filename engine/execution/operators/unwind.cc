#include <optional>
#include <vector>

#include "engine/execution/operators/operators.h"
#include "engine/function/scalar.h"

namespace parley::execution {
namespace {

// UNWIND: one row per element of the list, per input row. `UNWIND range(a, b[, step])`
// walks the integers without building the list, so a range of any length streams in
// constant memory and can be cancelled between elements.
class UnwindOp final : public Operator {
 public:
  UnwindOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx),
        op_(op),
        child_(std::move(child)),
        eval_(ctx),
        walks_range_(op.expr->kind == bound::ExprKind::kFunction &&
                     function::IsRange(op.expr->fn)) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    list_.clear();
    next_ = 0;
    left_ = 0;
  }

  bool Next(Row* row) override {
    if (walks_range_) return NextOfRange(row);
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
    if ((next_ & 1023) == 1023) ctx_->CheckInterrupt();
    (*row)[op_.slot] = list_[next_++];
    return true;
  }

 private:
  bool NextOfRange(Row* row) {
    while (left_ == 0) {
      if (!Pull(*child_, row)) return false;
      std::vector<Value> args;
      for (const auto& arg : op_.expr->args) args.push_back(eval_.Eval(*arg, *row));
      std::optional<function::IntegerRange> range = function::RangeOf(args);
      if (!range) continue;  // range(null, ...) is null: no rows
      range_ = *range;
      left_ = range_.size();
      current_ = range_.start;
    }
    if ((left_ & 1023) == 0) ctx_->CheckInterrupt();
    (*row)[op_.slot] = Value(current_);
    if (--left_ > 0) current_ += range_.step;  // still within [start, end]: no overflow
    return true;
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  const bool walks_range_;
  List list_;
  std::size_t next_ = 0;
  // While walking a range: the next value and how many are left.
  function::IntegerRange range_{0, 0, 1};
  std::int64_t current_ = 0;
  std::uint64_t left_ = 0;
};

}  // namespace

OperatorPtr MakeUnwind(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<UnwindOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
