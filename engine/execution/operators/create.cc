#include <fmt/format.h>

#include "engine/execution/operators/operators.h"

namespace parley::execution {

void CheckPropertyValue(const Value& v) {
  switch (v.type()) {
    case ValueType::kMap:
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      throw Error(ErrorKind::kTypeError, "InvalidPropertyType",
                  fmt::format("a property cannot hold a {}", TypeName(v.type())));
    case ValueType::kList:
      for (const Value& e : v.as_list()) {
        if (e.is_list() || e.is_map() || e.is_node() || e.is_relationship() || e.is_path()) {
          throw Error(ErrorKind::kTypeError, "InvalidPropertyType",
                      fmt::format("a property list cannot hold a {}", TypeName(e.type())));
        }
      }
      break;
    default: break;
  }
}

namespace {

storage::PropertyMap EvalProperties(ExecContext* ctx, Evaluator* eval, const bound::Expr* e,
                                    Row* row) {
  storage::PropertyMap props;
  if (e == nullptr) return props;
  Value m = eval->Eval(*e, *row);
  if (m.is_null()) return props;
  if (!m.is_map()) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                fmt::format("properties must be a map, not {}", TypeName(m.type())), e->pos);
  }
  for (auto& [k, v] : m.as_map()) {
    if (v.is_null()) continue;
    CheckPropertyValue(v);
    props.emplace_back(ctx->txn->GetOrCreatePropKey(k), std::move(v));
  }
  std::sort(props.begin(), props.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return props;
}

}  // namespace

void CreatePart(ExecContext* ctx, Evaluator* eval, const bound::PatternPart& part, Row* row) {
  storage::Txn& txn = *ctx->txn;
  for (const bound::NodePattern& n : part.nodes) {
    if (n.bound) {
      const Value& v = (*row)[n.slot];
      if (!v.is_node()) {
        throw Error(ErrorKind::kSemanticError, "CreatingNullNode",
                    "cannot create a relationship to a node that is null", n.pos);
      }
      continue;
    }
    std::vector<LabelId> labels;
    for (const bound::Token& l : n.labels) labels.push_back(txn.GetOrCreateLabel(l.name));
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    storage::PropertyMap props = EvalProperties(ctx, eval, n.properties.get(), row);
    ctx->stats.properties_set += static_cast<std::int64_t>(props.size());
    ctx->stats.labels_added += static_cast<std::int64_t>(labels.size());
    NodeId id = txn.CreateNode(labels, std::move(props));
    ++ctx->stats.nodes_created;
    SetNode(&(*row)[n.slot], id);
  }
  for (std::size_t i = 0; i < part.rels.size(); ++i) {
    const bound::RelPattern& r = part.rels[i];
    NodeId a((*row)[part.nodes[i].slot].as_node().id);
    NodeId b((*row)[part.nodes[i + 1].slot].as_node().id);
    if (r.direction == Direction::kIn) std::swap(a, b);
    RelTypeId type = txn.GetOrCreateRelType(r.types[0].name);
    storage::PropertyMap props = EvalProperties(ctx, eval, r.properties.get(), row);
    ctx->stats.properties_set += static_cast<std::int64_t>(props.size());
    RelId id = txn.CreateRel(a, type, b, std::move(props));
    ++ctx->stats.relationships_created;
    SetRel(&(*row)[r.slot], txn, storage::RelRecord{id, type, a, b});
  }
  if (part.path_slot != bound::kNoSlot) (*row)[part.path_slot] = BuildPath(*ctx, part, *row);
}

namespace {

class CreateOp final : public Operator {
 public:
  CreateOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    if (!Pull(*child_, row)) return false;
    ctx_->CheckInterrupt();
    for (const bound::PatternPart& part : op_.create->parts) CreatePart(ctx_, &eval_, part, row);
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
};


}  // namespace

OperatorPtr MakeCreate(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<CreateOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
