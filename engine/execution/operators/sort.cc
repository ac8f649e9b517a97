#include <algorithm>
#include <numeric>

#include "engine/execution/operators/operators.h"
#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// ORDER BY: materialises its input, then yields it sorted (stable). With a limit (top-N)
// only the first `limit` rows are ordered.
class SortOp final : public Operator {
 public:
  SortOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    rows_.clear();
    keys_.clear();
    order_.clear();
    done_ = false;
    next_ = 0;
    ctx_->Release(charged_);
    charged_ = 0;
  }

  bool Next(Row* row) override {
    if (!done_) Consume();
    if (next_ >= order_.size()) return false;
    *row = std::move(rows_[order_[next_++]]);
    return true;
  }

 private:
  void Consume() {
    done_ = true;
    Row in;
    const auto& items = *op_.sort_items;
    while (Pull(*child_, &in)) {
      if ((rows_.size() & 1023) == 0) ctx_->CheckInterrupt();
      List key;
      key.reserve(items.size());
      for (const bound::SortItem& item : items) key.push_back(eval_.Eval(*item.expr, in));
      std::uint64_t size = ApproxSize(in) + ApproxSize(Value(key));
      charged_ += size;
      ctx_->Charge(size);
      keys_.push_back(std::move(key));
      rows_.push_back(in);
    }
    order_.resize(rows_.size());
    std::iota(order_.begin(), order_.end(), 0);
    auto less = [&](std::size_t a, std::size_t b) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        int c = function::OrderCompare(keys_[a][i], keys_[b][i]);
        if (c != 0) return items[i].descending ? c > 0 : c < 0;
      }
      return a < b;
    };
    std::size_t limit = order_.size();
    if (op_.expr != nullptr) {
      Row empty(ctx_->num_slots);
      Value v = eval_.Eval(*op_.expr, empty);
      if (v.is_int() && v.as_int() >= 0) {
        limit = std::min<std::size_t>(limit, static_cast<std::size_t>(v.as_int()));
      }
    }
    if (limit < order_.size()) {
      std::partial_sort(order_.begin(), order_.begin() + limit, order_.end(), less);
      order_.resize(limit);
    } else {
      std::sort(order_.begin(), order_.end(), less);
    }
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::vector<Row> rows_;
  std::vector<List> keys_;
  std::vector<std::size_t> order_;
  bool done_ = false;
  std::size_t next_ = 0;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeSort(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<SortOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
