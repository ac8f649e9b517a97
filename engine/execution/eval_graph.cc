// Graph-aware parts of the evaluator: properties of entities, labels, graph functions.
#include <fmt/format.h>

#include "engine/execution/expression_eval.h"
#include "engine/function/temporal.h"

namespace parley::execution {

using bound::GraphFunction;

Value NodeValue(NodeId id) {
  Node n;
  n.id = id.value;
  return Value(std::move(n));
}

Value RelValue(const storage::Txn& txn, const storage::RelRecord& rel) {
  Relationship r;
  r.id = rel.id.value;
  r.type = txn.RelTypeName(rel.type);
  r.start = rel.start.value;
  r.end = rel.end.value;
  return Value(std::move(r));
}

void SetNode(Value* slot, NodeId id) {
  if (slot->is_node()) {
    Node& n = slot->as_node();
    if (n.labels.empty() && n.properties.empty()) {
      n.id = id.value;
      return;
    }
  }
  *slot = NodeValue(id);
}

void SetRel(Value* slot, const storage::Txn& txn, const storage::RelRecord& rel) {
  if (slot->is_relationship() && slot->as_relationship().properties.empty()) {
    Relationship& r = slot->as_relationship();
    r.id = rel.id.value;
    const std::string& type = txn.RelTypeName(rel.type);
    if (r.type != type) r.type = type;
    r.start = rel.start.value;
    r.end = rel.end.value;
    return;
  }
  *slot = RelValue(txn, rel);
}

std::optional<PropKeyId> ResolveKey(const storage::Txn& txn, const bound::Token& key) {
  if (key.id) return PropKeyId(*key.id);
  return txn.FindPropKey(key.name);
}
std::optional<LabelId> ResolveLabel(const storage::Txn& txn, const bound::Token& label) {
  if (label.id) return LabelId(*label.id);
  return txn.FindLabel(label.name);
}
std::optional<RelTypeId> ResolveType(const storage::Txn& txn, const bound::Token& type) {
  if (type.id) return RelTypeId(*type.id);
  return txn.FindRelType(type.name);
}

namespace {

[[noreturn]] void ThrowDeleted(const char* what) {
  throw Error(ErrorKind::kEntityNotFound, "DeletedEntityAccess",
              fmt::format("the {} was deleted earlier in this statement", what));
}

void CheckNode(const ExecContext& ctx, std::uint64_t id) {
  if (ctx.IsDeleted(NodeId(id))) ThrowDeleted("node");
}
void CheckRel(const ExecContext& ctx, std::uint64_t id) {
  if (ctx.IsDeleted(RelId(id))) {
    ThrowDeleted("relationship");
  }
}

Map ToMap(const storage::Txn& txn, const storage::PropertyMap& props) {
  Map out;
  for (const auto& [k, v] : props) out.emplace(txn.PropKeyName(k), v);
  return out;
}

[[noreturn]] void WrongType(std::string_view fn, const Value& v) {
  throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
              fmt::format("{}() does not accept {}", fn, TypeName(v.type())));
}

}  // namespace

Value EntityProperty(ExecContext& ctx, const Value& entity, const bound::Token& key) {
  if (entity.is_node()) {
    CheckNode(ctx, entity.as_node().id);
    auto k = ResolveKey(*ctx.txn, key);
    return k ? ctx.NodeProperty(NodeId(entity.as_node().id), *k) : Value();
  }
  CheckRel(ctx, entity.as_relationship().id);
  auto k = ResolveKey(*ctx.txn, key);
  return k ? ctx.txn->RelProperty(RelId(entity.as_relationship().id), *k) : Value();
}

Map EntityProperties(const ExecContext& ctx, const Value& entity) {
  if (entity.is_node()) {
    CheckNode(ctx, entity.as_node().id);
    return ToMap(*ctx.txn, ctx.txn->NodeProperties(NodeId(entity.as_node().id)));
  }
  CheckRel(ctx, entity.as_relationship().id);
  return ToMap(*ctx.txn, ctx.txn->RelProperties(RelId(entity.as_relationship().id)));
}

namespace {

Value PropertyOf(ExecContext& ctx, const Value& base, const bound::Expr& e) {
  switch (base.type()) {
    case ValueType::kNull: return Value();
    case ValueType::kNode:
    case ValueType::kRelationship: return EntityProperty(ctx, base, e.prop);
    case ValueType::kMap: {
      auto it = base.as_map().find(e.prop.name);
      return it == base.as_map().end() ? Value() : it->second;
    }
    default:
      if (function::IsTemporal(base)) {
        if (auto v = function::TemporalProperty(base, e.prop.name)) return *v;
        throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                    fmt::format("{} has no field `{}`", TypeName(base.type()), e.prop.name),
                    e.pos);
      }
      throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                  fmt::format("cannot read property `{}` of a {}", e.prop.name,
                              TypeName(base.type())),
                  e.pos);
  }
}

}  // namespace

Value Evaluator::EvalProperty(const bound::Expr& e, Row& row) {
  // n.key on a variable reads the row in place: copying the node value first would cost
  // more than the read itself on scans.
  const bound::Expr& of = *e.args[0];
  if (of.kind != bound::ExprKind::kVariable) return PropertyOf(*ctx_, Eval(of, row), e);
  const Value& base = row[of.slot];
  if (base.is_node() && e.prop.id) {  // the common case, without the general dispatch
    CheckNode(*ctx_, base.as_node().id);
    return ctx_->NodeProperty(NodeId(base.as_node().id), PropKeyId(*e.prop.id));
  }
  return PropertyOf(*ctx_, base, e);
}

Value Evaluator::EvalHasLabels(const bound::Expr& e, Row& row) {
  Value base = Eval(*e.args[0], row);
  if (base.is_null()) return Value();
  if (!base.is_node()) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                fmt::format("label predicates need a node, got {}", TypeName(base.type())),
                e.pos);
  }
  NodeId id(base.as_node().id);
  CheckNode(*ctx_, id.value);
  for (const bound::Token& label : e.labels) {
    auto l = ResolveLabel(*ctx_->txn, label);
    if (!l || !ctx_->NodeHasLabel(id, *l)) return false;
  }
  return true;
}

namespace {

Value PathNodes(const Path& p) {
  List out;
  for (const Node& n : p.nodes) out.push_back(Value(n));
  return out;
}
Value PathRels(const Path& p) {
  List out;
  for (const Relationship& r : p.rels) out.push_back(Value(r));
  return out;
}

}  // namespace

Value Evaluator::EvalGraphFunction(const bound::Expr& e, Row& row) {
  Value v = Eval(*e.args[0], row);
  auto fn = static_cast<GraphFunction>(e.op);
  if (v.is_null()) return Value();
  storage::Txn& txn = *ctx_->txn;
  switch (fn) {
    case GraphFunction::kId:
    case GraphFunction::kElementId: {
      std::int64_t id;
      if (v.is_node()) {
        id = static_cast<std::int64_t>(v.as_node().id);
      } else if (v.is_relationship()) {
        id = static_cast<std::int64_t>(v.as_relationship().id);
      } else {
        WrongType("id", v);
      }
      return fn == GraphFunction::kId ? Value(id) : Value(std::to_string(id));
    }
    case GraphFunction::kLabels: {
      if (!v.is_node()) WrongType("labels", v);
      CheckNode(*ctx_, v.as_node().id);
      List out;
      for (LabelId l : txn.NodeLabels(NodeId(v.as_node().id))) out.push_back(txn.LabelName(l));
      return out;
    }
    case GraphFunction::kType:
      if (!v.is_relationship()) {
        throw Error(ErrorKind::kTypeError, "InvalidArgumentValue",
                    fmt::format("type() needs a relationship, not {}", TypeName(v.type())));
      }
      return v.as_relationship().type;
    case GraphFunction::kProperties:
      if (v.is_map()) return v;
      if (!v.is_node() && !v.is_relationship()) WrongType("properties", v);
      return EntityProperties(*ctx_, v);
    case GraphFunction::kKeys: {
      List out;
      if (v.is_map()) {
        for (const auto& [k, x] : v.as_map()) out.push_back(k);
        return out;
      }
      if (!v.is_node() && !v.is_relationship()) WrongType("keys", v);
      for (const auto& [k, x] : EntityProperties(*ctx_, v)) out.push_back(k);
      return out;
    }
    case GraphFunction::kStartNode:
      if (!v.is_relationship()) WrongType("startNode", v);
      return NodeValue(NodeId(v.as_relationship().start));
    case GraphFunction::kEndNode:
      if (!v.is_relationship()) WrongType("endNode", v);
      return NodeValue(NodeId(v.as_relationship().end));
    case GraphFunction::kNodes:
      if (!v.is_path()) WrongType("nodes", v);
      return PathNodes(v.as_path());
    case GraphFunction::kRelationships:
      if (!v.is_path()) WrongType("relationships", v);
      return PathRels(v.as_path());
    case GraphFunction::kLength:
      if (v.is_path()) return static_cast<std::int64_t>(v.as_path().rels.size());
      if (v.is_string() || v.is_list()) {
        throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                    "length() takes a path; use size() for strings and lists");
      }
      WrongType("length", v);
    case GraphFunction::kSize:
      if (v.is_path()) return static_cast<std::int64_t>(v.as_path().rels.size());
      WrongType("size", v);
    case GraphFunction::kExists:
      return !v.is_null();
    default: break;
  }
  return Value();
}

namespace {

void FillNode(const ExecContext& ctx, Node* n) {
  NodeId id(n->id);
  if (ctx.IsDeleted(id) || !ctx.txn->NodeExists(id)) return;
  n->labels.clear();
  for (LabelId l : ctx.txn->NodeLabels(id)) n->labels.push_back(ctx.txn->LabelName(l));
  n->properties = ToMap(*ctx.txn, ctx.txn->NodeProperties(id));
}

void FillRel(const ExecContext& ctx, Relationship* r) {
  RelId id(r->id);
  if (ctx.IsDeleted(id) || !ctx.txn->GetRel(id)) return;
  r->properties = ToMap(*ctx.txn, ctx.txn->RelProperties(id));
}

}  // namespace

void Materialize(const ExecContext& ctx, Value* v) {
  switch (v->type()) {
    case ValueType::kNode: FillNode(ctx, &v->as_node()); break;
    case ValueType::kRelationship: FillRel(ctx, &v->as_relationship()); break;
    case ValueType::kPath:
      for (Node& n : v->as_path().nodes) FillNode(ctx, &n);
      for (Relationship& r : v->as_path().rels) FillRel(ctx, &r);
      break;
    case ValueType::kList:
      for (Value& e : v->as_list()) Materialize(ctx, &e);
      break;
    case ValueType::kMap:
      for (auto& [k, e] : v->as_map()) Materialize(ctx, &e);
      break;
    default: break;
  }
}

}  // namespace parley::execution
