#include "engine/binder/binder.h"

#include <algorithm>

#include <fmt/format.h>

namespace parley::binder {

namespace {

[[noreturn]] void Fail(std::string detail, std::string message, SourcePos pos) {
  throw Error(ErrorKind::kSyntaxError, std::move(detail), std::move(message), pos);
}

bool IsUpdating(const ast::Clause& c) {
  switch (ast::KindOf(c)) {
    case ast::ClauseKind::kCreate:
    case ast::ClauseKind::kMerge:
    case ast::ClauseKind::kSet:
    case ast::ClauseKind::kRemove:
    case ast::ClauseKind::kDelete: return true;
    default: return false;
  }
}

}  // namespace

Binder::Binder(const storage::Txn& txn, const Map& params, ProcedureLookup procedures)
    : txn_(txn), params_(params), procedures_(std::move(procedures)) {}

void Binder::NoteParameter(const std::string& name) {
  auto& names = query_.parameters;
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

bound::Query Binder::Bind(const ast::Statement& stmt) {
  const ast::Query& q = stmt.query();
  query_ = bound::Query();
  query_.explain = static_cast<bound::ExplainMode>(stmt.explain);
  text_ = &stmt.text;
  for (std::size_t i = 1; i < q.union_all.size(); ++i) {
    if (q.union_all[i] != q.union_all[0]) {
      Fail("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed", q.union_pos[i]);
    }
  }
  query_.union_all = q.union_all;
  for (std::size_t i = 0; i < q.parts.size(); ++i) {
    scope_.clear();
    bound::SingleQuery part;
    std::vector<std::string> before = query_.columns;
    std::vector<bound::Slot> slots_before = query_.output_slots;
    query_.columns.clear();
    query_.output_slots.clear();
    BindSingle(q.parts[i], &part, i + 1 == q.parts.size());
    if (i > 0) {
      if (query_.columns != before) {
        Fail("DifferentColumnsInUnion", "all parts of a UNION must return the same columns",
             q.union_pos[i - 1]);
      }
      // Every part writes its RETURN into the first part's output slots. Parts that
      // return nothing (updating parts without RETURN, as the columns agree) have none.
      auto* proj = part.clauses.empty() ? nullptr
                                        : std::get_if<bound::Projection>(&part.clauses.back());
      auto retarget = [&](bound::Slot from, bound::Slot to) {
        for (auto& item : proj->items) {
          if (item.slot == from) item.slot = to;
        }
        for (auto& key : proj->group_keys) {
          if (key.slot == from) key.slot = to;
        }
      };
      if (proj != nullptr) {
        for (std::size_t c = 0; c < before.size(); ++c) {
          retarget(query_.output_slots[c], slots_before[c]);
        }
      }
      query_.output_slots = slots_before;
    }
    query_.parts.push_back(std::move(part));
  }
  query_.num_slots = static_cast<int>(query_.slot_names.size());
  return std::move(query_);
}

void Binder::BindSingle(const ast::SingleQuery& q, bound::SingleQuery* out, bool last_part) {
  const auto& clauses = q.clauses;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const ast::Clause& c = clauses[i];
    bool is_last = i + 1 == clauses.size();
    ast::ClauseKind kind = ast::KindOf(c);
    if (kind == ast::ClauseKind::kReturn && !is_last) {
      Fail("InvalidClauseComposition", "RETURN can only be the last clause", ast::PosOf(c));
    }
    if (is_last && !IsUpdating(c) && kind != ast::ClauseKind::kReturn &&
        !(kind == ast::ClauseKind::kCall && (clauses.size() == 1 || true))) {
      Fail("InvalidClauseComposition",
           fmt::format("a query cannot end with {}", ast::ClauseName(c)), ast::PosOf(c));
    }
    if (IsUpdating(c)) query_.updating = true;
    BindClause(c, is_last, out);
  }
  (void)last_part;
}

void Binder::BindClause(const ast::Clause& c, bool is_last, bound::SingleQuery* out) {
  switch (ast::KindOf(c)) {
    case ast::ClauseKind::kMatch: return BindMatch(std::get<ast::MatchClause>(c), out);
    case ast::ClauseKind::kUnwind: return BindUnwind(std::get<ast::UnwindClause>(c), out);
    case ast::ClauseKind::kWith: {
      const auto& w = std::get<ast::WithClause>(c);
      return BindProjection(w.projection, w.where.get(), false, w.pos, out);
    }
    case ast::ClauseKind::kReturn: {
      const auto& r = std::get<ast::ReturnClause>(c);
      return BindProjection(r.projection, nullptr, true, r.pos, out);
    }
    case ast::ClauseKind::kCreate: return BindCreate(std::get<ast::CreateClause>(c), out);
    case ast::ClauseKind::kMerge: return BindMerge(std::get<ast::MergeClause>(c), out);
    case ast::ClauseKind::kSet: return BindSet(std::get<ast::SetClause>(c), out);
    case ast::ClauseKind::kRemove: return BindRemove(std::get<ast::RemoveClause>(c), out);
    case ast::ClauseKind::kDelete: return BindDelete(std::get<ast::DeleteClause>(c), out);
    case ast::ClauseKind::kCall:
      return BindCall(std::get<ast::CallClause>(c), is_last && out->clauses.empty(), out);
  }
}

const Variable* Binder::Find(const std::string& name) const {
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (it->name == name) return &*it;
  }
  return nullptr;
}

bound::Slot Binder::NewSlot(const std::string& name) {
  query_.slot_names.push_back(name);
  return static_cast<bound::Slot>(query_.slot_names.size() - 1);
}

const Variable& Binder::Declare(const std::string& name, VarKind kind, SourcePos pos,
                                std::optional<ValueType> type) {
  (void)pos;
  Variable v{name, NewSlot(name.empty() ? "  anon" : name), kind, type};
  scope_.push_back(std::move(v));
  return scope_.back();
}

bound::Token Binder::LabelToken(const std::string& name) const {
  auto id = txn_.FindLabel(name);
  return bound::Token{name, id ? std::optional<std::uint32_t>(id->value) : std::nullopt};
}
bound::Token Binder::TypeToken(const std::string& name) const {
  auto id = txn_.FindRelType(name);
  return bound::Token{name, id ? std::optional<std::uint32_t>(id->value) : std::nullopt};
}
bound::Token Binder::KeyToken(const std::string& name) const {
  auto id = txn_.FindPropKey(name);
  return bound::Token{name, id ? std::optional<std::uint32_t>(id->value) : std::nullopt};
}

}  // namespace parley::binder
