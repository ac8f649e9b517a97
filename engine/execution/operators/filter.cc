#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

class FilterOp final : public Operator {
 public:
  FilterOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    while (Pull(*child_, row)) {
      if (eval_.Test(*op_.expr, *row)) return true;
    }
    return false;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
};

class ProjectionOp final : public Operator {
 public:
  ProjectionOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    if (!Pull(*child_, row)) return false;
    values_.clear();
    // Evaluate every item before writing any: `WITH a AS b, b AS a` reads the old slots.
    for (const bound::ProjectionItem* item : op_.items) {
      values_.push_back(eval_.Eval(*item->expr, *row));
    }
    for (std::size_t i = 0; i < values_.size(); ++i) {
      (*row)[op_.items[i]->slot] = std::move(values_[i]);
    }
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  std::vector<Value> values_;
};

class UnwindOp final : public Operator {
 public:
  UnwindOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override {
    child_->Reset(argument);
    list_.clear();
    next_ = 0;
  }
  bool Next(Row* row) override {
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
    (*row)[op_.slot] = list_[next_++];
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  List list_;
  std::size_t next_ = 0;
};

class ProjectPathOp final : public Operator {
 public:
  ProjectPathOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    if (!Pull(*child_, row)) return false;
    (*row)[op_.slot] = BuildPath(*ctx_, *op_.part, *row);
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
};

}  // namespace

Value BuildPath(const ExecContext& ctx, const bound::PatternPart& part, const Row& row) {
  (void)ctx;
  Path path;
  const Value& first = row[part.nodes[0].slot];
  if (!first.is_node()) return Value();
  path.nodes.push_back(first.as_node());
  for (std::size_t i = 0; i < part.rels.size(); ++i) {
    const Value& r = row[part.rels[i].slot];
    auto add = [&](const Relationship& rel) {
      std::uint64_t at = path.nodes.back().id;
      Node next;
      next.id = rel.start == at ? rel.end : rel.start;
      path.rels.push_back(rel);
      path.nodes.push_back(std::move(next));
    };
    if (r.is_relationship()) {
      add(r.as_relationship());
    } else if (r.is_list()) {
      for (const Value& e : r.as_list()) add(e.as_relationship());
    } else {
      return Value();
    }
  }
  return path;
}

OperatorPtr MakeFilter(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<FilterOp>(ctx, op, std::move(child));
}
OperatorPtr MakeProjection(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ProjectionOp>(ctx, op, std::move(child));
}
OperatorPtr MakeUnwind(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<UnwindOp>(ctx, op, std::move(child));
}
OperatorPtr MakeProjectPath(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ProjectPathOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
