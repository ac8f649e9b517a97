#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// MERGE: per input row, every match of the pattern (then ON MATCH SET), or, when there is
// none, the pattern created (then ON CREATE SET).
class MergeOp final : public Operator {
 public:
  MergeOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child, OperatorPtr match)
      : Operator(ctx), op_(op), child_(std::move(child)), match_(std::move(match)),
        eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    pending_.clear();
    next_ = 0;
  }

  bool Next(Row* row) override {
    while (next_ >= pending_.size()) {
      pending_.clear();
      next_ = 0;
      if (!Pull(*child_, &in_)) return false;
      Row in = in_;
      ctx_->CheckInterrupt();
      match_->Reset(&in);
      Row m;
      while (Pull(*match_, &m)) pending_.push_back(m);
      const bound::Merge& merge = *op_.merge;
      if (pending_.empty()) {
        CheckNoNullProperties(merge.part, &in);
        CreatePart(ctx_, &eval_, merge.part, &in);
        for (const bound::SetItem& item : merge.on_create) {
          ApplySetItem(ctx_, &eval_, item, &in, false);
        }
        pending_.push_back(std::move(in));
      } else {
        for (Row& r : pending_) {
          for (const bound::SetItem& item : merge.on_match) {
            ApplySetItem(ctx_, &eval_, item, &r, false);
          }
        }
      }
    }
    *row = std::move(pending_[next_++]);
    return true;
  }

 private:
  // MERGE ({k: null}) could never match what it creates.
  void CheckNoNullProperties(const bound::PatternPart& part, Row* row) {
    auto check = [&](const bound::Expr* props) {
      if (props == nullptr) return;
      Value m = eval_.Eval(*props, *row);
      if (!m.is_map()) return;
      for (const auto& [k, v] : m.as_map()) {
        if (v.is_null()) {
          throw Error(ErrorKind::kSemanticError, "MergeReadOwnWrites",
                      "cannot MERGE with a null property value (key `" + k + "`)", props->pos);
        }
      }
    };
    for (const bound::NodePattern& n : part.nodes) {
      if (!n.bound) check(n.properties.get());
    }
    for (const bound::RelPattern& r : part.rels) check(r.properties.get());
  }

  const logical::Op& op_;
  OperatorPtr child_;
  OperatorPtr match_;
  Evaluator eval_;
  Row in_;  // the child's buffer: kept between pulls
  std::vector<Row> pending_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeMerge(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                      OperatorPtr match) {
  return std::make_unique<MergeOp>(ctx, op, std::move(child), std::move(match));
}

}  // namespace parley::execution
