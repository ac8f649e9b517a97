#include "engine/parser/ast.h"

namespace parley::ast {

// Out of line: Expr holds PatternPart and Query, which are complete only here.
Expr::Expr(ExprKind k, SourcePos p) : kind(k), pos(p) {}
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

void ForEachChild(const Expr& e, const std::function<void(const Expr&)>& fn) {
  if (e.case_subject) fn(*e.case_subject);
  for (const ExprPtr& c : e.children) {
    if (c) fn(*c);
  }
  if (e.case_else) fn(*e.case_else);
  for (const PatternPart& part : e.pattern) {
    for (const NodePattern& n : part.nodes) {
      if (n.properties) fn(*n.properties);
    }
    for (const RelPattern& r : part.rels) {
      if (r.properties) fn(*r.properties);
    }
  }
  for (const MapProjectionItem& item : e.projection_items) {
    if (item.value) fn(*item.value);
  }
}

ExprPtr MakeLiteral(Value v, SourcePos pos) {
  auto e = std::make_unique<Expr>(ExprKind::kLiteral, pos);
  e->literal = std::move(v);
  return e;
}

ExprPtr MakeVariable(std::string name, SourcePos pos) {
  auto e = std::make_unique<Expr>(ExprKind::kVariable, pos);
  e->name = std::move(name);
  return e;
}

ExprPtr MakeProperty(ExprPtr subject, std::string key, SourcePos pos) {
  auto e = std::make_unique<Expr>(ExprKind::kProperty, pos);
  e->name = std::move(key);
  e->children.push_back(std::move(subject));
  return e;
}

SourcePos PosOf(const Clause& c) {
  return std::visit([](const auto& clause) { return clause.pos; }, c);
}

std::string ClauseName(const Clause& c) {
  switch (KindOf(c)) {
    case ClauseKind::kMatch:
      return std::get<MatchClause>(c).optional ? "OPTIONAL MATCH" : "MATCH";
    case ClauseKind::kUnwind:
      return "UNWIND";
    case ClauseKind::kWith:
      return "WITH";
    case ClauseKind::kReturn:
      return "RETURN";
    case ClauseKind::kCreate:
      return "CREATE";
    case ClauseKind::kMerge:
      return "MERGE";
    case ClauseKind::kSet:
      return "SET";
    case ClauseKind::kRemove:
      return "REMOVE";
    case ClauseKind::kDelete:
      return std::get<DeleteClause>(c).detach ? "DETACH DELETE" : "DELETE";
    case ClauseKind::kCall:
      return "CALL";
  }
  return "?";
}

namespace {

bool IsUpdating(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::kCreate:
    case ClauseKind::kMerge:
    case ClauseKind::kSet:
    case ClauseKind::kRemove:
    case ClauseKind::kDelete:
      return true;
    default:
      return false;
  }
}

bool QueryIsReadOnly(const Query& q) {
  for (const SingleQuery& part : q.parts) {
    for (const Clause& c : part.clauses) {
      if (IsUpdating(KindOf(c))) return false;
    }
  }
  return true;
}

}  // namespace

bool IsReadOnly(const Statement& stmt) {
  if (!stmt.is_query()) {
    const SchemaCommand& cmd = stmt.schema();
    return cmd.kind != SchemaCommand::Kind::kCreateIndex &&
           cmd.kind != SchemaCommand::Kind::kDropIndex &&
           cmd.kind != SchemaCommand::Kind::kCreateConstraint &&
           cmd.kind != SchemaCommand::Kind::kDropConstraint;
  }
  // Updating clauses can only appear at the top level or inside an EXISTS subquery, and
  // the binder rejects the latter; the top level decides.
  return QueryIsReadOnly(stmt.query());
}

}  // namespace parley::ast
