#include <fmt/format.h>

#include "engine/execution/operators/operators.h"

namespace parley::execution {
namespace {

// Writes one property of a node or relationship, counting as Neo4j does.
void WriteProperty(ExecContext* ctx, const Value& entity, const std::string& name,
                   const Value& value) {
  storage::Txn& txn = *ctx->txn;
  std::optional<PropKeyId> key =
      value.is_null() ? txn.FindPropKey(name) : std::optional(txn.GetOrCreatePropKey(name));
  if (!key) return;
  if (!value.is_null()) CheckPropertyValue(value);
  if (entity.is_node()) {
    NodeId id(entity.as_node().id);
    if (value.is_null()) {
      if (txn.NodeProperty(id, *key).is_null()) return;
      ++ctx->stats.properties_removed;
    } else {
      ++ctx->stats.properties_set;
    }
    txn.SetNodeProperty(id, *key, value);
  } else {
    RelId id(entity.as_relationship().id);
    if (value.is_null()) {
      if (txn.RelProperty(id, *key).is_null()) return;
      ++ctx->stats.properties_removed;
    } else {
      ++ctx->stats.properties_set;
    }
    txn.SetRelProperty(id, *key, value);
  }
}

Map SourceMap(ExecContext* ctx, const Value& v, SourcePos pos) {
  if (v.is_null()) return Map();
  if (v.is_map()) return v.as_map();
  if (v.is_node() || v.is_relationship()) return EntityProperties(*ctx, v);
  throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
              fmt::format("SET needs a map, node or relationship, not {}", TypeName(v.type())),
              pos);
}

void CheckEntity(ExecContext* ctx, const Value& target, SourcePos pos) {
  if (!target.is_node() && !target.is_relationship()) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                fmt::format("cannot set properties on a {}", TypeName(target.type())), pos);
  }
  bool deleted = target.is_node() ? ctx->IsDeleted(NodeId(target.as_node().id))
                                  : ctx->IsDeleted(RelId(target.as_relationship().id));
  if (deleted) {
    throw Error(ErrorKind::kEntityNotFound, "DeletedEntityAccess",
                "cannot set properties on an entity deleted earlier in this statement", pos);
  }
}

}  // namespace

void ApplySetItem(ExecContext* ctx, Evaluator* eval, const bound::SetItem& item, Row* row,
                  bool remove) {
  Value target = eval->Eval(*item.target, *row);
  if (target.is_null()) return;
  storage::Txn& txn = *ctx->txn;
  switch (item.kind) {
    case bound::SetItem::Kind::kProperty: {
      Value v = remove ? Value() : eval->Eval(*item.value, *row);
      CheckEntity(ctx, target, item.pos);
      WriteProperty(ctx, target, item.prop.name, v);
      return;
    }
    case bound::SetItem::Kind::kReplaceProperties:
    case bound::SetItem::Kind::kMergeProperties: {
      Map m = SourceMap(ctx, eval->Eval(*item.value, *row), item.pos);
      CheckEntity(ctx, target, item.pos);
      if (item.kind == bound::SetItem::Kind::kReplaceProperties) {
        for (const auto& [k, v] : EntityProperties(*ctx, target)) {
          if (!m.count(k)) WriteProperty(ctx, target, k, Value());
        }
      }
      for (const auto& [k, v] : m) WriteProperty(ctx, target, k, v);
      return;
    }
    case bound::SetItem::Kind::kLabels: {
      if (!target.is_node()) {
        throw Error(ErrorKind::kTypeError, "InvalidArgumentType", "labels belong to nodes",
                    item.pos);
      }
      NodeId id(target.as_node().id);
      for (const bound::Token& l : item.labels) {
        if (remove) {
          auto label = txn.FindLabel(l.name);
          if (label && txn.RemoveNodeLabel(id, *label)) ++ctx->stats.labels_removed;
        } else if (txn.AddNodeLabel(id, txn.GetOrCreateLabel(l.name))) {
          ++ctx->stats.labels_added;
        }
      }
      return;
    }
  }
}

namespace {

class SetOp final : public Operator {
 public:
  SetOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}
  void Reset(const Row* argument) override { child_->Reset(argument); }
  bool Next(Row* row) override {
    if (!Pull(*child_, row)) return false;
    bool remove = op_.kind == logical::OpKind::kRemove;
    for (const bound::SetItem& item : *op_.set_items) ApplySetItem(ctx_, &eval_, item, row, remove);
    return true;
  }

 private:
  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
};


}  // namespace

OperatorPtr MakeSet(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<SetOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
