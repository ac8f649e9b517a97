#include "engine/execution/operator_builder.h"

#include <fmt/format.h>

#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// Where an operator's work is written in the query, as far as its logical op tells.
SourcePos PositionOf(const logical::Op& op);

using logical::OpKind;

class Builder {
 public:
  Builder(ExecContext* ctx, bool profile, PhysicalPlan* out)
      : ctx_(ctx), profile_(profile), out_(out) {}

  OperatorPtr Build(const logical::Op& op) {
    OperatorPtr built = BuildOne(op);
    built->set_profiling(profile_);
    built->set_position(PositionOf(op));
    out_->ops.emplace_back(&op, built.get());
    return built;
  }

 private:
  OperatorPtr Child(const logical::Op& op, std::size_t i = 0) { return Build(*op.children[i]); }

  OperatorPtr BuildOne(const logical::Op& op) {
    switch (op.kind) {
      case OpKind::kArgument: return MakeArgument(ctx_);
      case OpKind::kAllNodesScan:
      case OpKind::kLabelScan: return MakeNodeScan(ctx_, op, Child(op));
      case OpKind::kIndexSeek: return MakeIndexSeek(ctx_, op, Child(op));
      case OpKind::kNodeCheck: return MakeFilter(ctx_, op, Child(op));
      case OpKind::kExpand:
      case OpKind::kExpandCount: return MakeExpand(ctx_, op, Child(op));
      case OpKind::kVarExpand: return MakeVarExpand(ctx_, op, Child(op));
      case OpKind::kReachDistinct: return MakeReachDistinct(ctx_, op, Child(op));
      case OpKind::kShortestPath: return MakeShortestPath(ctx_, op, Child(op));
      case OpKind::kFilter: {
        const logical::Op& below = *op.children[0];
        if (!profile_ && op.more_conjuncts.empty() && FoldsIntoExpand(op, below)) {
          return MakeFilteredExpand(ctx_, below, Child(below), op.expr);
        }
        return MakeFilter(ctx_, op, Child(op));
      }
      case OpKind::kProjection: return MakeProjection(ctx_, op, Child(op));
      case OpKind::kAggregate: {
        const logical::Op& below = *op.children[0];
        bool direct = !profile_ && ReadsScanColumns(op, below);
        return MakeAggregate(ctx_, op, Child(op), direct ? &below : nullptr);
      }
      case OpKind::kDistinct: return MakeDistinct(ctx_, op, Child(op));
      case OpKind::kSort: return MakeSort(ctx_, op, Child(op));
      case OpKind::kSkip:
      case OpKind::kLimit: return MakeSkipLimit(ctx_, op, Child(op));
      case OpKind::kUnwind: return MakeUnwind(ctx_, op, Child(op));
      case OpKind::kOptional: {
        OperatorPtr input = Child(op, 0);
        return MakeOptional(ctx_, op, std::move(input), Child(op, 1));
      }
      case OpKind::kUnion: {
        std::vector<OperatorPtr> children;
        for (const auto& c : op.children) children.push_back(Build(*c));
        return MakeUnion(ctx_, std::move(children));
      }
      case OpKind::kCreate: return MakeCreate(ctx_, op, Child(op));
      case OpKind::kMerge: {
        OperatorPtr input = Child(op, 0);
        return MakeMerge(ctx_, op, std::move(input), Child(op, 1));
      }
      case OpKind::kSet:
      case OpKind::kRemove: return MakeSet(ctx_, op, Child(op));
      case OpKind::kDelete: return MakeDelete(ctx_, op, Child(op));
      case OpKind::kCall: return MakeCall(ctx_, op, Child(op));
      case OpKind::kEager: return MakeEager(ctx_, Child(op));
      case OpKind::kProjectPath: return MakeProjectPath(ctx_, op, Child(op));
      case OpKind::kHashJoin: {
        OperatorPtr probe = Child(op, 0);
        return MakeHashJoin(ctx_, op, std::move(probe), Child(op, 1));
      }
    }
    throw Error(ErrorKind::kRuntimeError, "", "unsupported plan operator");
  }

  // A Filter right above a plain Expand can be tested inside it, before the relationship
  // value is made, when it does not read the relationship. Only simple expressions
  // qualify: subqueries and comprehensions could reach the relationship indirectly.
  // Not under PROFILE, which reports each logical operator on its own.
  static bool FoldsIntoExpand(const logical::Op& filter, const logical::Op& below) {
    if (below.kind != OpKind::kExpand || below.into || filter.expr == nullptr) return false;
    return ReadsOnlySimply(*filter.expr, below.rel);
  }

  static bool ReadsOnlySimply(const bound::Expr& e, bound::Slot excluded) {
    switch (e.kind) {
      case bound::ExprKind::kVariable:
        if (e.slot == excluded) return false;
        break;
      case bound::ExprKind::kListComprehension:
      case bound::ExprKind::kQuantifier:
      case bound::ExprKind::kReduce:
      case bound::ExprKind::kMapProjection:
      case bound::ExprKind::kSubquery:
      case bound::ExprKind::kGraphFunction:
        return false;
      default:
        break;
    }
    for (const auto& arg : e.args) {
      if (arg && !ReadsOnlySimply(*arg, excluded)) return false;
    }
    return true;
  }

  // An aggregation straight over a scan of nodes whose keys and arguments are properties
  // of the scanned node can read the properties column by column (MakeAggregate).
  static bool ReadsScanColumns(const logical::Op& aggregate, const logical::Op& scan) {
    if (aggregate.weight != bound::kNoSlot) return false;
    if (scan.kind != OpKind::kLabelScan && scan.kind != OpKind::kAllNodesScan) return false;
    if (scan.children.empty() || scan.children[0]->kind != OpKind::kArgument) return false;
    auto of_node = [&](const bound::Expr* e) {
      return e != nullptr && e->kind == bound::ExprKind::kProperty &&
             e->args[0]->kind == bound::ExprKind::kVariable && e->args[0]->slot == scan.node;
    };
    const bound::Projection& p = *aggregate.projection;
    for (const auto& k : p.group_keys) {
      if (!of_node(k.expr.get())) return false;
    }
    for (const auto& call : p.aggregates) {
      if (call.count_star) continue;
      bool simple = call.function == "count" || call.function == "sum" ||
                    call.function == "avg" || call.function == "min" || call.function == "max";
      if (!simple || call.distinct || call.args.size() != 1 || !of_node(call.args[0].get())) {
        return false;
      }
    }
    return true;
  }

  ExecContext* ctx_;
  bool profile_;
  PhysicalPlan* out_;
};

}  // namespace

namespace {

std::uint64_t CountOps(const logical::Op& root) {
  std::uint64_t count = 0;
  std::vector<const logical::Op*> pending{&root};
  while (!pending.empty()) {
    const logical::Op* op = pending.back();
    pending.pop_back();
    ++count;
    for (const auto& child : op->children) pending.push_back(child.get());
  }
  return count;
}

}  // namespace

namespace {

SourcePos PositionOf(const logical::Op& op) {
  auto first_known = [](SourcePos a, SourcePos b) { return a.known() ? a : b; };
  SourcePos pos;
  if (op.expr != nullptr) pos = op.expr->pos;
  if (op.del != nullptr && !op.del->targets.empty()) {
    pos = first_known(op.del->targets[0]->pos, pos);
  }
  if (op.set_items != nullptr && !op.set_items->empty()) {
    pos = first_known(op.set_items->front().pos, pos);
  }
  if (op.create != nullptr && !op.create->parts.empty() && !op.create->parts[0].nodes.empty()) {
    pos = first_known(op.create->parts[0].nodes[0].pos, pos);
  }
  if (op.merge != nullptr && !op.merge->part.nodes.empty()) {
    pos = first_known(op.merge->part.nodes[0].pos, pos);
  }
  if (op.projection != nullptr) {
    for (const bound::AggregateCall& call : op.projection->aggregates) {
      if (!call.args.empty() && call.args[0]) pos = first_known(pos, call.args[0]->pos);
    }
  }
  if (op.sort_items != nullptr && !op.sort_items->empty()) {
    pos = first_known(pos, op.sort_items->front().expr->pos);
  }
  if (!op.items.empty()) pos = first_known(pos, op.items.front()->expr->pos);
  return pos;
}

}  // namespace

PhysicalPlan BuildOperators(const logical::Plan& plan, ExecContext* ctx, bool profile) {
  PhysicalPlan out;
  ctx->num_slots = plan.num_slots;
  // Every operator keeps a row or two as wide as the whole statement's slots: with
  // thousands of UNION branches (each adding slots and operators) that is quadratic, and
  // is charged before anything is built.
  std::uint64_t ops = plan.root ? CountOps(*plan.root) : 0;
  for (const auto& sub : plan.subplans) ops += sub ? CountOps(*sub) : 0;
  ctx->Charge(2 * ops * static_cast<std::uint64_t>(plan.num_slots) * sizeof(Value));
  Builder builder(ctx, profile, &out);
  ctx->subplans.clear();
  for (const auto& sub : plan.subplans) {
    ctx->subplans.push_back(sub ? builder.Build(*sub) : nullptr);
  }
  out.root = builder.Build(*plan.root);
  return out;
}

std::vector<std::vector<Value>> Drain(const logical::Plan& plan, Operator& root,
                                      ExecContext* ctx, const RowConsumer& consume) {
  std::vector<std::vector<Value>> rows;
  root.Reset(nullptr);
  Row row;
  std::uint64_t n = 0;
  while (Pull(root, &row)) {
    if ((++n & 255) == 0) ctx->CheckInterrupt();
    if (plan.output_slots.empty()) continue;  // no RETURN: the statement yields no rows
    std::vector<Value> out;
    out.reserve(plan.output_slots.size());
    if (consume) {
      for (bound::Slot s : plan.output_slots) {
        out.push_back(row[s]);
        Materialize(*ctx, &out.back());
      }
      consume(std::move(out));
      continue;
    }
    std::uint64_t bytes = sizeof(out) + plan.output_slots.size() * sizeof(Value);
    for (bound::Slot s : plan.output_slots) {
      out.push_back(row[s]);
      bytes += ApproxSize(out.back()) - sizeof(Value);
    }
    // The result is held whole until the statement ends: it counts against the bound.
    ctx->Charge(bytes);
    rows.push_back(std::move(out));
  }
  for (auto& r : rows) {
    for (Value& v : r) Materialize(*ctx, &v);
  }
  return rows;
}

std::string PlanText(const logical::Plan& plan, const PhysicalPlan* physical) {
  std::vector<const logical::Op*> order;
  std::vector<std::string> lines = logical::ExplainLines(plan, physical == nullptr, &order);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (physical != nullptr && order[i] != nullptr) {
      std::string estimate;
      if (order[i]->est_rows >= 0) {
        estimate = "estimated rows: " + logical::EstimateText(order[i]->est_rows) + ", ";
      }
      for (const auto& [lop, pop] : physical->ops) {
        if (lop == order[i]) {
          out += fmt::format("  ({}rows: {}, time: {:.3f} ms)", estimate, pop->rows_produced(),
                             pop->elapsed_ms());
          break;
        }
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace parley::execution
