#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

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

OperatorPtr MakeProjectPath(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ProjectPathOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
