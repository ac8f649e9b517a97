// CREATE, MERGE, SET, REMOVE, DELETE and CALL.
#include <fmt/format.h>

#include "engine/binder/binder.h"
#include "engine/binder/procedures.h"

namespace parley::binder {

namespace {

[[noreturn]] void Fail(std::string detail, std::string message, SourcePos pos) {
  throw Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos);
}

}  // namespace

void Binder::CheckCreateRel(const ast::RelPattern& r, bool merge) {
  (void)merge;
  if (r.var_length) {
    Fail("CreatingVarLength", "variable-length relationships cannot be created", r.pos);
  }
  if (r.types.size() != 1) {
    Fail("NoSingleRelationshipType", "a created relationship needs exactly one type", r.pos);
  }
  if (!merge && r.direction != ast::RelDirection::kRight &&
      r.direction != ast::RelDirection::kLeft) {
    Fail("RequiresDirectedRelationship", "a created relationship needs a direction", r.pos);
  }
}

void Binder::BindCreate(const ast::CreateClause& c, bound::SingleQuery* out) {
  bound::Create create;
  std::vector<bound::Slot> new_slots;
  for (const ast::PatternPart& p : c.pattern) {
    if (p.nodes.size() == 1 && !p.nodes[0].variable.empty() && Find(p.nodes[0].variable)) {
      const Variable* v = Find(p.nodes[0].variable);
      if (std::find(new_slots.begin(), new_slots.end(), v->slot) == new_slots.end()) {
        Fail("VariableAlreadyBound",
             fmt::format("variable `{}` is already bound", p.nodes[0].variable),
             p.nodes[0].variable_pos);
      }
    }
    DeclarePatternVariables(p, true, &new_slots);
    for (const ast::RelPattern& r : p.rels) CheckCreateRel(r, false);
  }
  for (const ast::PatternPart& p : c.pattern) {
    create.parts.push_back(BindPatternPart(p, true, &new_slots));
  }
  // A node variable repeated inside CREATE is created once: later mentions are bound.
  std::vector<bound::Slot> created;
  for (bound::PatternPart& part : create.parts) {
    for (bound::NodePattern& n : part.nodes) {
      if (n.bound) continue;
      if (std::find(created.begin(), created.end(), n.slot) != created.end()) {
        n.bound = true;
      } else {
        created.push_back(n.slot);
      }
    }
  }
  out->clauses.emplace_back(std::move(create));
}

void Binder::BindMerge(const ast::MergeClause& m, bound::SingleQuery* out) {
  bound::Merge merge;
  if (m.pattern.nodes.size() == 1 && !m.pattern.nodes[0].variable.empty() &&
      Find(m.pattern.nodes[0].variable)) {
    Fail("VariableAlreadyBound",
         fmt::format("variable `{}` is already bound", m.pattern.nodes[0].variable),
         m.pattern.nodes[0].variable_pos);
  }
  DeclarePatternVariables(m.pattern, true, &merge.new_slots);
  for (const ast::RelPattern& r : m.pattern.rels) CheckCreateRel(r, true);
  for (const ast::NodePattern& n : m.pattern.nodes) {
    if (n.properties && n.properties->kind == ast::ExprKind::kParameter) {
      Fail("InvalidParameterUse", "a parameter cannot be used as a property map in MERGE",
           n.properties->pos);
    }
  }
  for (const ast::RelPattern& r : m.pattern.rels) {
    if (r.properties && r.properties->kind == ast::ExprKind::kParameter) {
      Fail("InvalidParameterUse", "a parameter cannot be used as a property map in MERGE",
           r.properties->pos);
    }
  }
  merge.part = BindPatternPart(m.pattern, true, &merge.new_slots);
  std::vector<bound::Slot> created;
  for (bound::NodePattern& n : merge.part.nodes) {
    if (n.bound) continue;
    if (std::find(created.begin(), created.end(), n.slot) != created.end()) {
      n.bound = true;
    } else {
      created.push_back(n.slot);
    }
  }
  for (const ast::SetItem& item : m.on_create) merge.on_create.push_back(BindSetItem(item));
  for (const ast::SetItem& item : m.on_match) merge.on_match.push_back(BindSetItem(item));
  out->clauses.emplace_back(std::move(merge));
}

bound::SetItem Binder::BindSetItem(const ast::SetItem& item) {
  bound::SetItem b;
  b.pos = item.pos;
  switch (item.kind) {
    case ast::SetItem::Kind::kProperty:
      b.kind = bound::SetItem::Kind::kProperty;
      b.target = BindExpr(*item.target->children[0]);
      b.prop = KeyToken(item.target->name);
      b.value = BindExpr(*item.value);
      break;
    case ast::SetItem::Kind::kReplace:
    case ast::SetItem::Kind::kMerge:
      b.kind = item.kind == ast::SetItem::Kind::kReplace
                   ? bound::SetItem::Kind::kReplaceProperties
                   : bound::SetItem::Kind::kMergeProperties;
      b.target = BindVariable(*ast::MakeVariable(item.variable, item.pos));
      b.value = BindExpr(*item.value);
      break;
    case ast::SetItem::Kind::kLabels:
      b.kind = bound::SetItem::Kind::kLabels;
      b.target = BindVariable(*ast::MakeVariable(item.variable, item.pos));
      for (const std::string& l : item.labels) b.labels.push_back(LabelToken(l));
      break;
  }
  return b;
}

void Binder::BindSet(const ast::SetClause& s, bound::SingleQuery* out) {
  bound::SetClause set;
  for (const ast::SetItem& item : s.items) set.items.push_back(BindSetItem(item));
  out->clauses.emplace_back(std::move(set));
}

void Binder::BindRemove(const ast::RemoveClause& r, bound::SingleQuery* out) {
  bound::Remove remove;
  for (const ast::RemoveItem& item : r.items) {
    bound::SetItem b;
    b.pos = item.pos;
    if (item.kind == ast::RemoveItem::Kind::kProperty) {
      b.kind = bound::SetItem::Kind::kProperty;
      b.target = BindExpr(*item.target->children[0]);
      b.prop = KeyToken(item.target->name);
    } else {
      b.kind = bound::SetItem::Kind::kLabels;
      b.target = BindVariable(*ast::MakeVariable(item.variable, item.pos));
      for (const std::string& l : item.labels) b.labels.push_back(LabelToken(l));
    }
    remove.items.push_back(std::move(b));
  }
  out->clauses.emplace_back(std::move(remove));
}

void Binder::BindDelete(const ast::DeleteClause& d, bound::SingleQuery* out) {
  bound::Delete del;
  del.detach = d.detach;
  for (const auto& e : d.exprs) {
    bound::ExprPtr b = BindExpr(*e);
    auto t = StaticType(*b);
    if (e->kind == ast::ExprKind::kLabelPredicate) {
      Fail("InvalidDelete", "DELETE takes nodes, relationships or paths, not labels", e->pos);
    }
    bool arith = e->kind == ast::ExprKind::kBinary || e->kind == ast::ExprKind::kUnary ||
                 e->kind == ast::ExprKind::kComparison;
    if (arith || (t && *t != ValueType::kNode && *t != ValueType::kRelationship &&
                  *t != ValueType::kPath && *t != ValueType::kList && *t != ValueType::kMap)) {
      Fail("InvalidArgumentType", "DELETE takes nodes, relationships or paths", e->pos);
    }
    del.targets.push_back(std::move(b));
  }
  out->clauses.emplace_back(std::move(del));
}

void Binder::BindCall(const ast::CallClause& c, bool standalone, bound::SingleQuery* out) {
  bound::Call call;
  call.procedure = c.procedure;
  call.standalone = standalone;
  const TableProcedure* proc = FindBuiltinProcedure(c.procedure, &call.builtin);
  if (proc == nullptr && procedures_) proc = procedures_(c.procedure);
  if (proc == nullptr) {
    throw Error(ErrorKind::kProcedureError, "ProcedureNotFound",
                fmt::format("there is no procedure `{}`", c.procedure), c.procedure_pos);
  }
  if (c.has_args) {
    const std::size_t required = RequiredArguments(*proc);
    if (c.args.size() < required || c.args.size() > proc->inputs.size()) {
      std::string takes = required == proc->inputs.size()
                              ? std::to_string(required)
                              : fmt::format("{} to {}", required, proc->inputs.size());
      Fail("InvalidNumberOfArguments",
           fmt::format("{} takes {} argument(s), got {}", c.procedure, takes, c.args.size()),
           c.pos);
    }
    for (std::size_t i = 0; i < c.args.size(); ++i) {
      bound::ExprPtr a = BindExpr(*c.args[i]);
      auto t = StaticType(*a);
      const std::string& want = proc->inputs[i].type;
      if (t) {
        bool ok = want.starts_with("ANY") ||
                  (want.starts_with("INTEGER") && *t == ValueType::kInt) ||
                  (want.starts_with("FLOAT") && (*t == ValueType::kFloat || *t == ValueType::kInt)) ||
                  (want.starts_with("NUMBER") && (*t == ValueType::kFloat || *t == ValueType::kInt)) ||
                  (want.starts_with("STRING") && *t == ValueType::kString) ||
                  (want.starts_with("BOOLEAN") && *t == ValueType::kBool) ||
                  (want.starts_with("LIST") && *t == ValueType::kList) ||
                  (want.starts_with("MAP") && *t == ValueType::kMap) ||
                  (want.starts_with("NODE") && *t == ValueType::kNode);
        if (!ok) {
          Fail("InvalidArgumentType",
               fmt::format("argument {} of {} must be {}", i + 1, c.procedure, want),
               c.args[i]->pos);
        }
      }
      call.args.push_back(std::move(a));
    }
    for (std::size_t i = c.args.size(); i < proc->inputs.size(); ++i) {
      call.args.push_back(bound::MakeLiteral(Value(), c.pos));  // left out: null
    }
  } else {
    if (!standalone && !proc->inputs.empty()) {
      Fail("InvalidArgumentPassingMode",
           fmt::format("{} inside a query needs its arguments in parentheses", c.procedure),
           c.pos);
    }
    for (const TableProcedure::Column& in : proc->inputs) {
      auto it = params_.find(in.name);
      if (it == params_.end()) {
        throw Error(ErrorKind::kParameterMissing, "MissingParameter",
                    fmt::format("expected a value for parameter ${}", in.name), c.pos);
      }
      NoteParameter(in.name);
      query_.bakes_parameters = true;
      call.args.push_back(bound::MakeLiteral(it->second, c.pos));
    }
  }
  auto output_index = [&](const std::string& name, SourcePos pos) {
    for (std::size_t i = 0; i < proc->outputs.size(); ++i) {
      if (proc->outputs[i].name == name) return static_cast<int>(i);
    }
    Fail("UndefinedVariable", fmt::format("{} has no output `{}`", c.procedure, name), pos);
  };
  std::vector<std::pair<std::string, int>> yields;
  if (c.has_yield && !c.yield_star) {
    for (const ast::YieldItem& y : c.yield_items) {
      int idx = output_index(y.name, y.pos);
      bool repeated = std::any_of(yields.begin(), yields.end(),
                                  [&](const auto& y2) { return y2.first == y.variable(); });
      if (repeated || Find(y.variable())) {
        Fail("VariableAlreadyBound", fmt::format("variable `{}` is already bound", y.variable()),
             y.pos);
      }
      yields.emplace_back(y.variable(), idx);
    }
  } else if (standalone || c.yield_star) {
    for (std::size_t i = 0; i < proc->outputs.size(); ++i) {
      yields.emplace_back(proc->outputs[i].name, static_cast<int>(i));
    }
  }
  for (const auto& [name, idx] : yields) {
    call.yield_columns.push_back(idx);
    call.yield_slots.push_back(Declare(name, VarKind::kAny, c.pos).slot);
  }
  if (c.where) {
    call.where = BindExpr(*c.where);
    CheckBoolean(*call.where, c.where->pos);
  }
  if (standalone) {
    query_.columns.clear();
    query_.output_slots.clear();
    for (std::size_t i = 0; i < yields.size(); ++i) {
      query_.columns.push_back(yields[i].first);
      query_.output_slots.push_back(call.yield_slots[i]);
    }
  }
  out->clauses.emplace_back(std::move(call));
}

}  // namespace parley::binder
