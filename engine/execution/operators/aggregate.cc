#include <unordered_map>

#include "engine/execution/operators/operators.h"
#include "engine/function/aggregate.h"
#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// Hash aggregation: groups by the key expressions (under equivalence), folds each
// aggregate per group, and emits one row per group in first-seen order. With no keys an
// empty input still gives one row.
class AggregateOp final : public Operator {
 public:
  AggregateOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    if (argument != nullptr) {
      arg_ = *argument;
    } else {
      arg_.assign(ctx_->num_slots, Value());
    }
    arg_.resize(ctx_->num_slots);
    done_ = false;
    groups_.clear();
    index_.clear();
    next_ = 0;
    ctx_->Release(charged_);
    charged_ = 0;
  }

  bool Next(Row* row) override {
    if (!done_) Consume();
    if (next_ >= groups_.size()) return false;
    Group& g = groups_[next_++];
    *row = arg_;
    const bound::Projection& p = *op_.projection;
    for (std::size_t i = 0; i < p.group_keys.size(); ++i) {
      (*row)[p.group_keys[i].slot] = std::move(g.keys[i]);
    }
    for (std::size_t i = 0; i < p.aggregates.size(); ++i) {
      (*row)[p.aggregates[i].slot] = g.aggs[i]->Finish();
    }
    return true;
  }

 private:
  struct Group {
    List keys;
    std::vector<std::unique_ptr<function::Aggregator>> aggs;
  };

  void Consume() {
    done_ = true;
    const bound::Projection& p = *op_.projection;
    Row in;
    List key;
    std::vector<Value> args;
    std::uint64_t rows = 0;
    while (Pull(*child_, &in)) {
      if ((++rows & 1023) == 0) ctx_->CheckInterrupt();
      key.clear();
      for (const bound::ProjectionItem& k : p.group_keys) key.push_back(eval_.Eval(*k.expr, in));
      auto it = index_.find(key);
      std::size_t gi;
      if (it == index_.end()) {
        gi = NewGroup(key);
      } else {
        gi = it->second;
      }
      Group& g = groups_[gi];
      for (std::size_t i = 0; i < p.aggregates.size(); ++i) {
        const bound::AggregateCall& call = p.aggregates[i];
        args.clear();
        for (const auto& a : call.args) args.push_back(eval_.Eval(*a, in));
        if (call.function == "collect" && !args.empty()) Charge(ApproxSize(args[0]));
        if (call.count_star && op_.weight != bound::kNoSlot) args.push_back(in[op_.weight]);
        g.aggs[i]->Add(args);
      }
    }
    if (groups_.empty() && p.group_keys.empty()) NewGroup(key);
  }

  std::size_t NewGroup(const List& key) {
    const bound::Projection& p = *op_.projection;
    Group g;
    g.keys = key;
    for (const bound::AggregateCall& call : p.aggregates) {
      if (call.count_star && op_.weight != bound::kNoSlot) {
        g.aggs.push_back(function::MakeAggregator("sum", false));  // adds each row's count
      } else {
        g.aggs.push_back(call.count_star ? function::MakeCountStar()
                                         : function::MakeAggregator(call.function,
                                                                    call.distinct));
      }
    }
    Charge(ApproxSize(Value(key)) + 64 * (p.aggregates.size() + 1));
    groups_.push_back(std::move(g));
    index_.emplace(key, groups_.size() - 1);
    return groups_.size() - 1;
  }

  void Charge(std::uint64_t bytes) {
    charged_ += bytes;
    ctx_->Charge(bytes);
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  Row arg_;
  bool done_ = false;
  std::vector<Group> groups_;
  std::unordered_map<List, std::size_t, function::RowHash, function::RowEquivalent> index_;
  std::size_t next_ = 0;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeAggregate(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<AggregateOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
