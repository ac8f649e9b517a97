#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// OPTIONAL MATCH: runs the inner plan per input row; when it finds nothing, yields the
// input row once with the clause's new slots null.
class OptionalOp final : public Operator {
 public:
  OptionalOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child, OperatorPtr inner)
      : Operator(ctx), op_(op), child_(std::move(child)), inner_(std::move(inner)) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    active_ = false;
  }

  bool Next(Row* row) override {
    for (;;) {
      if (!active_) {
        if (!Pull(*child_, &outer_)) return false;
        inner_->Reset(&outer_);
        active_ = true;
        matched_ = false;
      }
      if (Pull(*inner_, row)) {
        matched_ = true;
        return true;
      }
      active_ = false;
      if (!matched_) {
        *row = outer_;
        for (bound::Slot s : op_.slots) (*row)[s] = Value();
        return true;
      }
    }
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  OperatorPtr inner_;
  Row outer_;
  bool active_ = false;
  bool matched_ = false;
};

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

OperatorPtr MakeOptional(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                         OperatorPtr inner) {
  return std::make_unique<OptionalOp>(ctx, op, std::move(child), std::move(inner));
}
OperatorPtr MakeUnion(ExecContext* ctx, std::vector<OperatorPtr> children) {
  return std::make_unique<UnionOp>(ctx, std::move(children));
}
OperatorPtr MakeEager(ExecContext* ctx, OperatorPtr child) {
  return std::make_unique<EagerOp>(ctx, std::move(child));
}

}  // namespace parley::execution
