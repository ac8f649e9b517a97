// AstBuilder: turns an ANTLR parse tree of grammar/Cypher.g4 into parley::ast.
//
// Internal to engine/parser (it exposes generated ANTLR types); parser.h is the public
// entry point. One builder per parse; it reads the tree and the character stream, which
// must outlive it. Methods throw parley::Error (kSyntaxError) for literal values the grammar
// accepts but Cypher does not (integer overflow, bad escapes, malformed numbers).
//
// The methods are spread by area: ast_builder_expressions.cc and ast_builder_atoms.cc
// (expressions and literals), ast_builder_patterns.cc (patterns), ast_builder_clauses.cc (clauses,
// queries, statements).
#ifndef PARLEY_ENGINE_PARSER_AST_BUILDER_H_
#define PARLEY_ENGINE_PARSER_AST_BUILDER_H_

#include <string>
#include <string_view>

#include "CypherParser.h"
#include "engine/parser/ast.h"

namespace parley::parser {

class AstBuilder {
 public:
  using P = grammar::CypherParser;

  // REQUIRES: `input` is the stream the tree was parsed from; `text` is its source text.
  AstBuilder(antlr4::CharStream* input, std::string_view text) : input_(input), text_(text) {}

  ast::Statement BuildStatement(P::StatementContext* ctx);

  // Clauses and queries (ast_builder_clauses.cc).
  ast::Query BuildQuery(P::SingleQueryContext* first,
                        const std::vector<P::UnionPartContext*>& unions);
  ast::SingleQuery BuildSingleQuery(P::SingleQueryContext* ctx);
  ast::Clause BuildClause(P::ClauseContext* ctx);
  ast::SchemaCommand BuildSchemaCommand(P::SchemaCommandContext* ctx);

  // Patterns (ast_builder_patterns.cc).
  ast::Pattern BuildPattern(P::PatternContext* ctx);
  ast::PatternPart BuildPatternPart(P::PatternPartContext* ctx);
  ast::PatternPart BuildRelationshipsPattern(P::RelationshipsPatternContext* ctx);

  // Expressions (ast_builder_expressions.cc).
  ast::ExprPtr BuildExpression(P::ExpressionContext* ctx);

  // Names and positions.
  static SourcePos PosOf(antlr4::Token* token);
  static SourcePos PosOf(antlr4::ParserRuleContext* ctx) { return PosOf(ctx->getStart()); }
  static std::string Name(P::SymbolicNameContext* ctx);
  static std::string Name(P::SchemaNameContext* ctx);
  static std::string Name(P::VariableContext* ctx);
  // The source text of `ctx`, exactly as written.
  std::string TextOf(antlr4::ParserRuleContext* ctx) const;

 private:
  // Clauses.
  ast::MatchClause BuildMatch(P::MatchClauseContext* ctx);
  ast::UnwindClause BuildUnwind(P::UnwindClauseContext* ctx);
  ast::WithClause BuildWith(P::WithClauseContext* ctx);
  ast::ReturnClause BuildReturn(P::ReturnClauseContext* ctx);
  ast::CreateClause BuildCreate(P::CreateClauseContext* ctx);
  ast::MergeClause BuildMerge(P::MergeClauseContext* ctx);
  ast::SetClause BuildSet(P::SetClauseContext* ctx);
  ast::RemoveClause BuildRemove(P::RemoveClauseContext* ctx);
  ast::DeleteClause BuildDelete(P::DeleteClauseContext* ctx);
  ast::CallClause BuildCall(P::CallClauseContext* ctx);
  ast::Projection BuildProjection(P::ProjectionBodyContext* ctx);
  ast::SetItem BuildSetItem(P::SetItemContext* ctx);
  ast::ExprPtr BuildPropertyExpression(P::PropertyExpressionContext* ctx);

  // Patterns.
  void AppendPatternElement(P::PatternElementContext* ctx, ast::PatternPart& part);
  ast::NodePattern BuildNodePattern(P::NodePatternContext* ctx);
  ast::RelPattern BuildRelPattern(P::RelationshipPatternContext* ctx);
  ast::ExprPtr BuildProperties(P::PropertiesContext* ctx);
  ast::VarLength BuildRange(P::RangeLiteralContext* ctx);

  // A predicate after WHERE: the only place a bare pattern may serve as an expression.
  ast::ExprPtr BuildWhere(P::ExpressionContext* ctx);

  // Expressions: ast_builder_expressions.cc (operators, operands, simple atoms) and
  // ast_builder_atoms.cc (compound atoms).
  class ExpressionFolder;
  ast::ExprPtr BuildOperand(P::OperandContext* ctx);
  ast::ExprPtr BuildPostfix(P::PostfixExpressionContext* ctx);
  ast::ExprPtr BuildAtom(P::AtomContext* ctx);
  ast::ExprPtr BuildNumber(antlr4::Token* token, bool negative, SourcePos pos);
  ast::ExprPtr BuildList(P::ListLiteralContext* ctx);
  ast::ExprPtr BuildMap(P::MapLiteralContext* ctx);
  ast::ExprPtr BuildParameter(P::ParameterContext* ctx);
  ast::ExprPtr BuildCase(P::CaseExpressionContext* ctx);
  ast::ExprPtr BuildListComprehension(P::ListComprehensionContext* ctx);
  ast::ExprPtr BuildPatternComprehension(P::PatternComprehensionContext* ctx);
  ast::ExprPtr BuildQuantifier(P::QuantifierContext* ctx);
  ast::ExprPtr BuildReduce(P::ReduceExpressionContext* ctx);
  ast::ExprPtr BuildExists(P::ExistsExpressionContext* ctx);
  ast::ExprPtr BuildFunction(P::FunctionInvocationContext* ctx);
  ast::ExprPtr BuildMapProjection(P::MapProjectionContext* ctx);
  // Measures `e`'s height (ast::Expr::height) from its children's and returns it; throws a
  // SyntaxError at `e`'s position past kMaxExpressionHeight. Every expression node that
  // gets children is measured as it is built, so that no stage after the parser (the
  // binder, the evaluator, the planner, printing, destruction: all recursive) ever meets
  // a deeper tree than the bound.
  static ast::ExprPtr Measured(ast::ExprPtr e);
  // The number token a sign applies to directly, if any (for -9223372036854775808).
  static antlr4::tree::TerminalNode* BareNumber(P::PostfixExpressionContext* ctx);

  antlr4::CharStream* input_;
  std::string_view text_;
  int where_depth_ = 0;  // > 0 while building a WHERE predicate
};

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_AST_BUILDER_H_
