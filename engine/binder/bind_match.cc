// MATCH and the pattern parts shared with CREATE and MERGE.
#include <fmt/format.h>

#include "engine/binder/binder.h"

namespace parley::binder {

namespace {

[[noreturn]] void Fail(std::string detail, std::string message, SourcePos pos) {
  throw Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos);
}

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode: return "a node";
    case VarKind::kRel: return "a relationship";
    case VarKind::kRelList: return "a list of relationships";
    case VarKind::kPath: return "a path";
    default: return "a value";
  }
}

// Whether a variable of kind `have` (with static type `type`) can be used as `want`.
bool Compatible(const Variable& v, VarKind want) {
  if (v.kind == want) return true;
  if (v.kind == VarKind::kAny) {
    if (!v.type) return true;
    switch (want) {
      case VarKind::kNode: return *v.type == ValueType::kNode;
      case VarKind::kRel: return *v.type == ValueType::kRelationship;
      case VarKind::kRelList: return *v.type == ValueType::kList;
      default: return false;
    }
  }
  return false;
}

Direction ToDirection(ast::RelDirection d) {
  switch (d) {
    case ast::RelDirection::kRight: return Direction::kOut;
    case ast::RelDirection::kLeft: return Direction::kIn;
    default: return Direction::kBoth;
  }
}

}  // namespace

void Binder::DeclarePatternVariables(const ast::PatternPart& p, bool for_create,
                                     std::vector<bound::Slot>* new_slots) {
  auto is_new = [&](const Variable* v) {
    return std::find(new_slots->begin(), new_slots->end(), v->slot) != new_slots->end();
  };
  if (!p.path_variable.empty()) {
    if (Find(p.path_variable)) {
      Fail("VariableAlreadyBound",
           fmt::format("variable `{}` is already bound", p.path_variable), p.path_variable_pos);
    }
  }
  for (const ast::NodePattern& n : p.nodes) {
    if (n.variable.empty()) continue;
    if (const Variable* v = Find(n.variable)) {
      if (!Compatible(*v, VarKind::kNode)) {
        Fail("VariableTypeConflict",
             fmt::format("variable `{}` is {}, not a node", n.variable, KindName(v->kind)),
             n.variable_pos);
      }
      if (for_create && !is_new(v) && (!n.labels.empty() || n.properties) &&
          p.nodes.size() >= 1) {
        Fail("VariableAlreadyBound",
             fmt::format("variable `{}` is already bound and cannot be created again",
                         n.variable),
             n.variable_pos);
      }
      if (for_create && is_new(v) && (!n.labels.empty() || n.properties)) {
        Fail("VariableAlreadyBound",
             fmt::format("variable `{}` is already declared in this pattern", n.variable),
             n.variable_pos);
      }
      continue;
    }
    new_slots->push_back(Declare(n.variable, VarKind::kNode, n.variable_pos).slot);
  }
  for (const ast::RelPattern& r : p.rels) {
    if (r.variable.empty()) continue;
    VarKind want = r.var_length ? VarKind::kRelList : VarKind::kRel;
    if (const Variable* v = Find(r.variable)) {
      if (!Compatible(*v, want)) {
        Fail("VariableTypeConflict",
             fmt::format("variable `{}` is {}, not {}", r.variable, KindName(v->kind),
                         KindName(want)),
             r.variable_pos);
      }
      if (for_create || is_new(v)) {
        Fail("VariableAlreadyBound",
             fmt::format("relationship variable `{}` is already bound", r.variable),
             r.variable_pos);
      }
      continue;
    }
    new_slots->push_back(Declare(r.variable, want, r.variable_pos).slot);
  }
  if (!p.path_variable.empty()) {
    new_slots->push_back(Declare(p.path_variable, VarKind::kPath, p.path_variable_pos).slot);
  }
}

bound::ExprPtr Binder::BindPropertiesMap(const ast::Expr* e) {
  if (e == nullptr) return nullptr;
  return BindExpr(*e);
}

bound::PatternPart Binder::BindPatternPart(const ast::PatternPart& p, bool for_create,
                                           std::vector<bound::Slot>* new_slots) {
  auto check_param = [&](const ast::Expr* props) {
    if (!for_create && props != nullptr && props->kind == ast::ExprKind::kParameter) {
      Fail("InvalidParameterUse", "a parameter cannot be used as a property map in MATCH",
           props->pos);
    }
  };
  auto pre_bound = [&](bound::Slot s) {
    return std::find(new_slots->begin(), new_slots->end(), s) == new_slots->end();
  };
  bound::PatternPart part;
  part.kind = static_cast<bound::PathKind>(p.path_kind);
  if (!p.path_variable.empty()) part.path_slot = Find(p.path_variable)->slot;
  std::vector<bound::Slot> seen;
  for (const ast::NodePattern& n : p.nodes) {
    bound::NodePattern np;
    np.pos = n.pos;
    if (n.variable.empty()) {
      np.slot = NewSlot("  anon_node");
      new_slots->push_back(np.slot);
    } else {
      np.slot = Find(n.variable)->slot;
      np.bound = pre_bound(np.slot);
    }
    for (const std::string& l : n.labels) np.labels.push_back(LabelToken(l));
    check_param(n.properties.get());
    np.properties = BindPropertiesMap(n.properties.get());
    part.nodes.push_back(std::move(np));
  }
  for (const ast::RelPattern& r : p.rels) {
    bound::RelPattern rp;
    rp.pos = r.pos;
    if (r.variable.empty()) {
      rp.slot = NewSlot("  anon_rel");
      new_slots->push_back(rp.slot);
    } else {
      rp.slot = Find(r.variable)->slot;
      rp.bound = pre_bound(rp.slot);
    }
    for (const std::string& t : r.types) rp.types.push_back(TypeToken(t));
    rp.direction = ToDirection(r.direction);
    if (r.var_length) {
      rp.var_length = true;
      rp.min_hops = r.var_length->min.value_or(1);
      rp.max_hops = r.var_length->max.value_or(-1);
    }
    check_param(r.properties.get());
    rp.properties = BindPropertiesMap(r.properties.get());
    part.rels.push_back(std::move(rp));
  }
  return part;
}

void Binder::BindMatch(const ast::MatchClause& m, bound::SingleQuery* out) {
  bound::Match match;
  match.optional = m.optional;
  for (const ast::PatternPart& p : m.pattern) {
    DeclarePatternVariables(p, false, &match.new_slots);
  }
  for (const ast::PatternPart& p : m.pattern) {
    match.parts.push_back(BindPatternPart(p, false, &match.new_slots));
  }
  if (m.where) {
    match.where = BindExpr(*m.where);
    CheckBoolean(*match.where, m.where->pos);
  }
  out->clauses.emplace_back(std::move(match));
}

}  // namespace parley::binder
