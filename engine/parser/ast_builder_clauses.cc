// Statements, queries and clauses.
#include "engine/parser/ast_builder.h"
#include "engine/parser/literals.h"

namespace parley::parser {

using ast::ExprPtr;

SourcePos AstBuilder::PosOf(antlr4::Token* token) {
  if (token == nullptr) return {};
  return SourcePos{static_cast<std::uint32_t>(token->getLine()),
                   static_cast<std::uint32_t>(token->getCharPositionInLine() + 1)};
}

std::string AstBuilder::Name(P::SymbolicNameContext* ctx) {
  return DecodeName(ctx->getStart()->getText());
}

std::string AstBuilder::Name(P::VariableContext* ctx) {
  return DecodeName(ctx->getStart()->getText());
}

std::string AstBuilder::Name(P::SchemaNameContext* ctx) {
  return DecodeName(ctx->getStart()->getText());
}

std::string AstBuilder::TextOf(antlr4::ParserRuleContext* ctx) const {
  std::size_t start = ctx->getStart()->getStartIndex();
  std::size_t stop = ctx->getStop()->getStopIndex();
  if (stop < start || stop == INVALID_INDEX) return "";
  return input_->getText(antlr4::misc::Interval(start, stop));
}

ast::Statement AstBuilder::BuildStatement(P::StatementContext* ctx) {
  ast::Statement stmt;
  stmt.text = std::string(text_);
  if (ctx->EXPLAIN()) stmt.explain = ast::ExplainMode::kExplain;
  if (ctx->PROFILE()) stmt.explain = ast::ExplainMode::kProfile;
  if (ctx->schemaCommand()) {
    stmt.body = BuildSchemaCommand(ctx->schemaCommand());
  } else {
    stmt.body = BuildQuery(ctx->query()->singleQuery(), ctx->query()->unionPart());
  }
  return stmt;
}

ast::Query AstBuilder::BuildQuery(P::SingleQueryContext* first,
                                  const std::vector<P::UnionPartContext*>& unions) {
  ast::Query query;
  query.pos = PosOf(first);
  query.parts.push_back(BuildSingleQuery(first));
  for (P::UnionPartContext* u : unions) {
    query.union_all.push_back(u->ALL() != nullptr);
    query.union_pos.push_back(PosOf(u));
    query.parts.push_back(BuildSingleQuery(u->singleQuery()));
  }
  return query;
}

ast::SingleQuery AstBuilder::BuildSingleQuery(P::SingleQueryContext* ctx) {
  ast::SingleQuery query;
  query.pos = PosOf(ctx);
  for (P::ClauseContext* clause : ctx->clause()) query.clauses.push_back(BuildClause(clause));
  // YIELD * belongs to a CALL that is the whole query.
  if (query.clauses.size() > 1) {
    for (const ast::Clause& c : query.clauses) {
      const auto* call = std::get_if<ast::CallClause>(&c);
      if (call != nullptr && call->yield_star) {
        throw MakeSyntaxError("UnexpectedSyntax",
                              "YIELD * is allowed only when CALL is the whole query", call->pos);
      }
    }
  }
  return query;
}

ast::Clause AstBuilder::BuildClause(P::ClauseContext* ctx) {
  // A clause has exactly one child; dispatch on its rule rather than probing each kind.
  auto* child = static_cast<antlr4::ParserRuleContext*>(ctx->children[0]);
  switch (child->getRuleIndex()) {
    case P::RuleMatchClause:
      return BuildMatch(static_cast<P::MatchClauseContext*>(child));
    case P::RuleReturnClause:
      return BuildReturn(static_cast<P::ReturnClauseContext*>(child));
    case P::RuleWithClause:
      return BuildWith(static_cast<P::WithClauseContext*>(child));
    case P::RuleUnwindClause:
      return BuildUnwind(static_cast<P::UnwindClauseContext*>(child));
    case P::RuleCreateClause:
      return BuildCreate(static_cast<P::CreateClauseContext*>(child));
    case P::RuleMergeClause:
      return BuildMerge(static_cast<P::MergeClauseContext*>(child));
    case P::RuleSetClause:
      return BuildSet(static_cast<P::SetClauseContext*>(child));
    case P::RuleRemoveClause:
      return BuildRemove(static_cast<P::RemoveClauseContext*>(child));
    case P::RuleDeleteClause:
      return BuildDelete(static_cast<P::DeleteClauseContext*>(child));
    default:
      return BuildCall(static_cast<P::CallClauseContext*>(child));
  }
}

ast::MatchClause AstBuilder::BuildMatch(P::MatchClauseContext* ctx) {
  ast::MatchClause match;
  match.pos = PosOf(ctx);
  match.optional = ctx->OPTIONAL() != nullptr;
  match.pattern = BuildPattern(ctx->pattern());
  if (ctx->whereClause()) match.where = BuildWhere(ctx->whereClause()->expression());
  return match;
}

ast::UnwindClause AstBuilder::BuildUnwind(P::UnwindClauseContext* ctx) {
  ast::UnwindClause unwind;
  unwind.pos = PosOf(ctx);
  unwind.list = BuildExpression(ctx->expression());
  unwind.variable = Name(ctx->variable());
  unwind.variable_pos = PosOf(ctx->variable());
  return unwind;
}

ast::WithClause AstBuilder::BuildWith(P::WithClauseContext* ctx) {
  ast::WithClause with;
  with.pos = PosOf(ctx);
  with.projection = BuildProjection(ctx->projectionBody());
  if (ctx->whereClause()) with.where = BuildWhere(ctx->whereClause()->expression());
  return with;
}

ast::ReturnClause AstBuilder::BuildReturn(P::ReturnClauseContext* ctx) {
  ast::ReturnClause ret;
  ret.pos = PosOf(ctx);
  ret.projection = BuildProjection(ctx->projectionBody());
  return ret;
}

ast::Projection AstBuilder::BuildProjection(P::ProjectionBodyContext* ctx) {
  ast::Projection projection;
  projection.distinct = ctx->DISTINCT() != nullptr;
  P::ProjectionItemsContext* items = ctx->projectionItems();
  projection.star = items->STAR() != nullptr;
  for (P::ProjectionItemContext* item : items->projectionItem()) {
    ast::ProjectionItem out;
    out.pos = PosOf(item);
    out.expr = BuildExpression(item->expression());
    out.text = TextOf(item->expression());
    if (item->variable()) {
      out.alias = Name(item->variable());
      out.alias_pos = PosOf(item->variable());
    }
    projection.items.push_back(std::move(out));
  }
  if (P::OrderByContext* order = ctx->orderBy()) {
    for (P::SortItemContext* sort : order->sortItem()) {
      ast::SortItem out;
      out.pos = PosOf(sort);
      out.expr = BuildExpression(sort->expression());
      out.descending = sort->DESC() != nullptr || sort->DESCENDING() != nullptr;
      projection.order_by.push_back(std::move(out));
    }
  }
  if (ctx->skipPart()) projection.skip = BuildExpression(ctx->skipPart()->expression());
  if (ctx->limitPart()) projection.limit = BuildExpression(ctx->limitPart()->expression());
  return projection;
}

ast::CreateClause AstBuilder::BuildCreate(P::CreateClauseContext* ctx) {
  ast::CreateClause create;
  create.pos = PosOf(ctx);
  create.pattern = BuildPattern(ctx->pattern());
  return create;
}

ast::MergeClause AstBuilder::BuildMerge(P::MergeClauseContext* ctx) {
  ast::MergeClause merge;
  merge.pos = PosOf(ctx);
  merge.pattern = BuildPatternPart(ctx->patternPart());
  for (P::MergeActionContext* action : ctx->mergeAction()) {
    std::vector<ast::SetItem>& target = action->CREATE() ? merge.on_create : merge.on_match;
    for (P::SetItemContext* item : action->setItem()) target.push_back(BuildSetItem(item));
  }
  return merge;
}

ast::SetClause AstBuilder::BuildSet(P::SetClauseContext* ctx) {
  ast::SetClause set;
  set.pos = PosOf(ctx);
  for (P::SetItemContext* item : ctx->setItem()) set.items.push_back(BuildSetItem(item));
  return set;
}

ast::SetItem AstBuilder::BuildSetItem(P::SetItemContext* ctx) {
  ast::SetItem item;
  item.pos = PosOf(ctx);
  if (auto* p = dynamic_cast<P::SetPropertyContext*>(ctx)) {
    item.kind = ast::SetItem::Kind::kProperty;
    item.target = BuildPropertyExpression(p->propertyExpression());
    item.value = BuildExpression(p->expression());
  } else if (auto* p = dynamic_cast<P::SetReplaceContext*>(ctx)) {
    item.kind = ast::SetItem::Kind::kReplace;
    item.variable = Name(p->variable());
    item.value = BuildExpression(p->expression());
  } else if (auto* p = dynamic_cast<P::SetMergeContext*>(ctx)) {
    item.kind = ast::SetItem::Kind::kMerge;
    item.variable = Name(p->variable());
    item.value = BuildExpression(p->expression());
  } else {
    auto* l = static_cast<P::SetLabelsContext*>(ctx);
    item.kind = ast::SetItem::Kind::kLabels;
    item.variable = Name(l->variable());
    for (P::SchemaNameContext* label : l->nodeLabels()->schemaName()) {
      item.labels.push_back(Name(label));
    }
  }
  return item;
}

ExprPtr AstBuilder::BuildPropertyExpression(P::PropertyExpressionContext* ctx) {
  ExprPtr e = BuildAtom(ctx->atom());
  SourcePos pos = e->pos;
  for (P::SchemaNameContext* key : ctx->schemaName()) {
    e = ast::MakeProperty(std::move(e), Name(key), pos);
  }
  return e;
}

ast::RemoveClause AstBuilder::BuildRemove(P::RemoveClauseContext* ctx) {
  ast::RemoveClause remove;
  remove.pos = PosOf(ctx);
  for (P::RemoveItemContext* item : ctx->removeItem()) {
    ast::RemoveItem out;
    out.pos = PosOf(item);
    if (auto* l = dynamic_cast<P::RemoveLabelsContext*>(item)) {
      out.kind = ast::RemoveItem::Kind::kLabels;
      out.variable = Name(l->variable());
      for (P::SchemaNameContext* label : l->nodeLabels()->schemaName()) {
        out.labels.push_back(Name(label));
      }
    } else {
      out.kind = ast::RemoveItem::Kind::kProperty;
      out.target = BuildPropertyExpression(
          static_cast<P::RemovePropertyContext*>(item)->propertyExpression());
    }
    remove.items.push_back(std::move(out));
  }
  return remove;
}

ast::DeleteClause AstBuilder::BuildDelete(P::DeleteClauseContext* ctx) {
  ast::DeleteClause del;
  del.pos = PosOf(ctx);
  del.detach = ctx->DETACH() != nullptr;
  for (P::ExpressionContext* e : ctx->expression()) del.exprs.push_back(BuildExpression(e));
  return del;
}

ast::CallClause AstBuilder::BuildCall(P::CallClauseContext* ctx) {
  ast::CallClause call;
  call.pos = PosOf(ctx);
  call.procedure_pos = PosOf(ctx->procedureName());
  for (P::SymbolicNameContext* part : ctx->procedureName()->symbolicName()) {
    if (!call.procedure.empty()) call.procedure += '.';
    call.procedure += Name(part);
  }
  call.has_args = ctx->LPAREN() != nullptr;
  for (P::ExpressionContext* arg : ctx->expression()) call.args.push_back(BuildExpression(arg));
  if (P::YieldClauseContext* yield = ctx->yieldClause()) {
    call.has_yield = true;
    call.yield_star = yield->STAR() != nullptr;
    for (P::YieldItemContext* item : yield->yieldItem()) {
      ast::YieldItem out;
      out.pos = PosOf(item);
      out.name = Name(item->symbolicName());
      if (item->variable()) out.alias = Name(item->variable());
      call.yield_items.push_back(std::move(out));
    }
    if (yield->whereClause()) call.where = BuildWhere(yield->whereClause()->expression());
  }
  return call;
}

ast::SchemaCommand AstBuilder::BuildSchemaCommand(P::SchemaCommandContext* ctx) {
  using Kind = ast::SchemaCommand::Kind;
  ast::SchemaCommand cmd;
  cmd.pos = PosOf(ctx);
  if (auto* c = dynamic_cast<P::CreateIndexOnContext*>(ctx)) {
    cmd.kind = Kind::kCreateIndex;
    auto names = c->schemaName();  // the label, then the property keys
    cmd.label = Name(names[0]);
    for (std::size_t i = 1; i < names.size(); ++i) cmd.properties.push_back(Name(names[i]));
  } else if (auto* c = dynamic_cast<P::CreateIndexForContext*>(ctx)) {
    cmd.kind = Kind::kCreateIndex;
    if (c->indexName) cmd.index_name = Name(c->indexName);
    cmd.if_exists = c->IF() != nullptr;
    cmd.label = Name(c->schemaName());
    for (auto* p : c->indexProperty()) {
      cmd.properties.push_back(Name(p->schemaName()));
    }
  } else if (auto* c = dynamic_cast<P::DropIndexOnContext*>(ctx)) {
    cmd.kind = Kind::kDropIndex;
    auto names = c->schemaName();  // the label, then the property keys
    cmd.label = Name(names[0]);
    for (std::size_t i = 1; i < names.size(); ++i) cmd.properties.push_back(Name(names[i]));
  } else if (auto* c = dynamic_cast<P::DropIndexNamedContext*>(ctx)) {
    cmd.kind = Kind::kDropIndex;
    cmd.index_name = Name(c->symbolicName());
    cmd.if_exists = c->IF() != nullptr;
  } else if (auto* c = dynamic_cast<P::CreateConstraintContext*>(ctx)) {
    cmd.kind = Kind::kCreateConstraint;
    // Neo4j 5 writes FOR ... REQUIRE, Neo4j 4 ON ... ASSERT; the two do not mix.
    if ((c->FOR() != nullptr) != (c->REQUIRE() != nullptr)) {
      antlr4::Token* at =
          c->FOR() != nullptr ? c->ASSERT()->getSymbol() : c->REQUIRE()->getSymbol();
      throw MakeSyntaxError("UnexpectedSyntax",
                            c->FOR() != nullptr ? "expected REQUIRE after FOR (...), not ASSERT"
                                                : "expected ASSERT after ON (...), not REQUIRE",
                            PosOf(at));
    }
    if (c->constraintName) cmd.index_name = Name(c->constraintName);
    cmd.if_exists = c->IF() != nullptr;
    cmd.label = Name(c->schemaName());
    for (auto* p : c->indexProperty()) {
      // The property must be the pattern's variable's: `n.p` with `(n:L)`.
      if (Name(p->variable()) != Name(c->variable())) {
        throw Error(ErrorKind::kSemanticError, "UndefinedVariable",
                    "variable `" + Name(p->variable()) + "` not defined (the constraint's " +
                        "property must be one of `" + Name(c->variable()) + "`)",
                    PosOf(p->getStart()));
      }
      cmd.properties.push_back(Name(p->schemaName()));
    }
  } else if (auto* c = dynamic_cast<P::DropConstraintContext*>(ctx)) {
    cmd.kind = Kind::kDropConstraint;
    cmd.index_name = Name(c->symbolicName());
    cmd.if_exists = c->IF() != nullptr;
  } else if (dynamic_cast<P::ShowIndexesContext*>(ctx)) {
    cmd.kind = Kind::kShowIndexes;
  } else if (dynamic_cast<P::ShowConstraintsContext*>(ctx)) {
    cmd.kind = Kind::kShowConstraints;
  } else if (dynamic_cast<P::ShowLabelsContext*>(ctx)) {
    cmd.kind = Kind::kShowLabels;
  } else if (dynamic_cast<P::ShowTypesContext*>(ctx)) {
    cmd.kind = Kind::kShowRelationshipTypes;
  } else if (dynamic_cast<P::ShowPropertyKeysContext*>(ctx)) {
    cmd.kind = Kind::kShowPropertyKeys;
  } else if (dynamic_cast<P::ShowProceduresContext*>(ctx)) {
    cmd.kind = Kind::kShowProcedures;
  } else {
    cmd.kind = Kind::kShowFunctions;
  }
  return cmd;
}

}  // namespace parley::parser
