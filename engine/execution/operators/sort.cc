#include <algorithm>
#include <optional>

#include "engine/execution/operators/operators.h"
#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// ORDER BY: materialises its input, then yields it sorted (stable). With a limit (top-N)
// it keeps only the best `limit` rows seen so far, in a heap, so memory and sorting work
// follow the limit rather than the input.
class SortOp final : public Operator {
 public:
  SortOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    entries_.clear();
    done_ = false;
    next_ = 0;
    ctx_->Release(charged_);
    charged_ = 0;
  }

  bool Next(Row* row) override {
    if (!done_) Consume();
    if (next_ >= entries_.size()) return false;
    *row = std::move(entries_[next_++].row);
    return true;
  }

 private:
  struct Entry {
    List key;
    Row row;
    std::uint64_t seq;    // arrival order: ties keep it (a stable sort)
    std::uint64_t bytes;  // charged to the memory bound
  };

  // Strict "comes before" in the output order.
  bool Before(const Entry& a, const Entry& b) const {
    const auto& items = *op_.sort_items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      int c = function::OrderCompare(a.key[i], b.key[i]);
      if (c != 0) return items[i].descending ? c > 0 : c < 0;
    }
    return a.seq < b.seq;
  }

  std::optional<std::size_t> Limit() {
    if (op_.expr == nullptr) return std::nullopt;
    Row empty(ctx_->num_slots);
    Value v = eval_.Eval(*op_.expr, empty);
    if (v.is_int() && v.as_int() >= 0) return static_cast<std::size_t>(v.as_int());
    return std::nullopt;
  }

  void Consume() {
    done_ = true;
    std::optional<std::size_t> limit = Limit();
    auto before = [this](const Entry& a, const Entry& b) { return Before(a, b); };
    Row in;
    std::uint64_t seq = 0;
    const auto& items = *op_.sort_items;
    // A candidate is built in place and kept only if it makes the cut, so rows that do
    // not cost no allocation.
    Entry entry{List(items.size()), Row(), 0, 0};
    while (Pull(*child_, &in)) {
      if ((seq & 1023) == 0) ctx_->CheckInterrupt();
      entry.seq = seq++;
      for (std::size_t i = 0; i < items.size(); ++i) entry.key[i] = eval_.Eval(*items[i].expr, in);
      if (limit && entries_.size() == *limit) {
        // A max-heap on the output order: its top is the worst row kept.
        if (*limit == 0 || !Before(entry, entries_.front())) continue;
        std::pop_heap(entries_.begin(), entries_.end(), before);
        Forget(entries_.back());
        entries_.pop_back();
      }
      entry.row = in;
      entry.bytes = ApproxSize(in) + ApproxSize(Value(entry.key));
      charged_ += entry.bytes;
      ctx_->Charge(entry.bytes);
      entries_.push_back(std::move(entry));
      entry = Entry{List(items.size()), Row(), 0, 0};
      if (limit) std::push_heap(entries_.begin(), entries_.end(), before);
    }
    if (limit) {
      std::sort_heap(entries_.begin(), entries_.end(), before);
    } else {
      std::sort(entries_.begin(), entries_.end(), before);
    }
  }

  void Forget(const Entry& entry) {
    charged_ -= entry.bytes;
    ctx_->Release(entry.bytes);
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::vector<Entry> entries_;
  bool done_ = false;
  std::size_t next_ = 0;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeSort(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<SortOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
