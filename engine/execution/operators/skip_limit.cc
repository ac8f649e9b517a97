#include <fmt/format.h>

#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// SKIP n / LIMIT n: n is evaluated once per Reset and must be a non-negative integer.
class SkipLimitOp final : public Operator {
 public:
  SkipLimitOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    Row r = argument != nullptr ? *argument : Row(ctx_->num_slots);
    r.resize(ctx_->num_slots);
    Value v = eval_.Eval(*op_.expr, r);
    const char* what = op_.kind == logical::OpKind::kSkip ? "SKIP" : "LIMIT";
    if (!v.is_int()) {
      throw Error(ErrorKind::kSyntaxError, "InvalidArgumentType",
                  fmt::format("{} expects a non-negative integer, not {}", what,
                              TypeName(v.type())),
                  op_.expr->pos);
    }
    if (v.as_int() < 0) {
      throw Error(ErrorKind::kSyntaxError, "NegativeIntegerArgument",
                  fmt::format("{} expects a non-negative integer, got {}", what, v.as_int()),
                  op_.expr->pos);
    }
    n_ = v.as_int();
    seen_ = 0;
  }

  bool Next(Row* row) override {
    if (op_.kind == logical::OpKind::kLimit) {
      if (seen_ >= n_) {
        if (op_.drain_input) {
          // Into the same buffer: the child keeps its input row in it (Operator::Next);
          // a fresh one made a scan write into an empty row.
          while (Pull(*child_, row)) {
          }
        }
        return false;
      }
      if (!Pull(*child_, row)) return false;
      ++seen_;
      return true;
    }
    while (seen_ < n_) {
      if (!Pull(*child_, row)) return false;
      ++seen_;
    }
    return Pull(*child_, row);
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::int64_t n_ = 0;
  std::int64_t seen_ = 0;
};

}  // namespace

OperatorPtr MakeSkipLimit(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<SkipLimitOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
