// Compound atoms: collections, CASE, comprehensions, quantifiers, reduce, EXISTS,
// function calls and map projections.
#include "engine/parser/ast_builder.h"
#include "engine/parser/literals.h"

namespace parley::parser {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;

ExprPtr AstBuilder::BuildList(P::ListLiteralContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kList, PosOf(ctx));
  for (P::ExpressionContext* item : ctx->expression()) e->children.push_back(BuildExpression(item));
  return e;
}

ExprPtr AstBuilder::BuildMap(P::MapLiteralContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kMap, PosOf(ctx));
  auto keys = ctx->schemaName();
  auto values = ctx->expression();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    e->keys.push_back(Name(keys[i]));
    e->children.push_back(BuildExpression(values[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildParameter(P::ParameterContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kParameter, PosOf(ctx));
  e->name = ctx->schemaName() ? Name(ctx->schemaName()) : ctx->DecimalInteger()->getText();
  return e;
}

ExprPtr AstBuilder::BuildCase(P::CaseExpressionContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kCase, PosOf(ctx));
  if (ctx->subject) e->case_subject = BuildExpression(ctx->subject);
  for (P::CaseAlternativeContext* alt : ctx->caseAlternative()) {
    e->children.push_back(BuildExpression(alt->expression(0)));
    e->children.push_back(BuildExpression(alt->expression(1)));
  }
  if (ctx->elseExpr) e->case_else = BuildExpression(ctx->elseExpr);
  return e;
}

ExprPtr AstBuilder::BuildListComprehension(P::ListComprehensionContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kListComprehension, PosOf(ctx));
  e->variable = Name(ctx->variable());
  e->variable_pos = PosOf(ctx->variable());
  e->children.push_back(BuildExpression(ctx->expression(0)));
  e->children.push_back(ctx->where ? BuildWhere(ctx->where) : nullptr);
  e->children.push_back(ctx->projection ? BuildExpression(ctx->projection) : nullptr);
  return e;
}

ExprPtr AstBuilder::BuildPatternComprehension(P::PatternComprehensionContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kPatternComprehension, PosOf(ctx));
  ast::PatternPart part = BuildRelationshipsPattern(ctx->relationshipsPattern());
  if (ctx->variable()) {
    part.path_variable = Name(ctx->variable());
    part.path_variable_pos = PosOf(ctx->variable());
    part.pos = part.path_variable_pos;
  }
  e->pattern.push_back(std::move(part));
  e->children.push_back(ctx->where ? BuildWhere(ctx->where) : nullptr);
  e->children.push_back(BuildExpression(ctx->projection));
  return e;
}

ExprPtr AstBuilder::BuildQuantifier(P::QuantifierContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kQuantifier, PosOf(ctx));
  if (ctx->ALL()) e->quantifier = ast::QuantifierOp::kAll;
  if (ctx->ANY()) e->quantifier = ast::QuantifierOp::kAny;
  if (ctx->NONE()) e->quantifier = ast::QuantifierOp::kNone;
  if (ctx->SINGLE()) e->quantifier = ast::QuantifierOp::kSingle;
  e->variable = Name(ctx->variable());
  e->variable_pos = PosOf(ctx->variable());
  e->children.push_back(BuildExpression(ctx->expression(0)));
  e->children.push_back(ctx->WHERE() ? BuildWhere(ctx->expression(1)) : nullptr);
  return e;
}

ExprPtr AstBuilder::BuildReduce(P::ReduceExpressionContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kReduce, PosOf(ctx));
  e->accumulator = Name(ctx->accumulator);
  e->accumulator_pos = PosOf(ctx->accumulator);
  e->variable = Name(ctx->element);
  e->variable_pos = PosOf(ctx->element);
  e->children.push_back(BuildExpression(ctx->init));
  e->children.push_back(BuildExpression(ctx->list));
  e->children.push_back(BuildExpression(ctx->body));
  return e;
}

ExprPtr AstBuilder::BuildExists(P::ExistsExpressionContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kExists, PosOf(ctx));
  if (ctx->singleQuery()) {
    e->subquery = std::make_unique<ast::Query>(BuildQuery(ctx->singleQuery(), ctx->unionPart()));
    return e;
  }
  e->pattern = BuildPattern(ctx->pattern());
  P::WhereClauseContext* where = ctx->whereClause();
  e->children.push_back(where ? BuildWhere(where->expression()) : nullptr);
  return e;
}

ExprPtr AstBuilder::BuildFunction(P::FunctionInvocationContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kFunctionCall, PosOf(ctx));
  P::FunctionNameContext* name = ctx->functionName();
  for (P::SymbolicNameContext* part : name->symbolicName()) {
    if (!e->name.empty()) e->name += '.';
    e->name += Name(part);
  }
  if (name->EXISTS()) {
    if (!e->name.empty()) e->name += '.';
    e->name += name->EXISTS()->getText();
  }
  e->distinct = ctx->DISTINCT() != nullptr;
  for (P::ExpressionContext* arg : ctx->expression()) e->children.push_back(BuildExpression(arg));
  return e;
}

ExprPtr AstBuilder::BuildMapProjection(P::MapProjectionContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kMapProjection, PosOf(ctx));
  e->children.push_back(ast::MakeVariable(Name(ctx->variable()), PosOf(ctx->variable())));
  for (P::MapProjectionItemContext* item : ctx->mapProjectionItem()) {
    ast::MapProjectionItem out;
    out.pos = PosOf(item);
    if (auto* p = dynamic_cast<P::ProjectPropertyContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kProperty;
      out.key = Name(p->schemaName());
    } else if (dynamic_cast<P::ProjectAllPropertiesContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kAllProperties;
    } else if (auto* p = dynamic_cast<P::ProjectLiteralContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kLiteral;
      out.key = Name(p->schemaName());
      out.value = BuildExpression(p->expression());
    } else {
      auto* v = static_cast<P::ProjectVariableContext*>(item);
      out.kind = ast::MapProjectionItem::Kind::kVariable;
      out.key = Name(v->variable());
    }
    e->projection_items.push_back(std::move(out));
  }
  return e;
}

}  // namespace parley::parser
