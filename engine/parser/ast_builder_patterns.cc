// Patterns: chains of node and relationship patterns, flattened into PatternPart.
#include "engine/parser/ast_builder.h"
#include "engine/parser/literals.h"

namespace parley::parser {

ast::Pattern AstBuilder::BuildPattern(P::PatternContext* ctx) {
  ast::Pattern pattern;
  for (P::PatternPartContext* part : ctx->patternPart()) {
    pattern.push_back(BuildPatternPart(part));
  }
  return pattern;
}

ast::PatternPart AstBuilder::BuildPatternPart(P::PatternPartContext* ctx) {
  ast::PatternPart part;
  part.pos = PosOf(ctx);
  if (ctx->variable()) {
    part.path_variable = Name(ctx->variable());
    part.path_variable_pos = PosOf(ctx->variable());
  }
  P::AnonymousPatternPartContext* anonymous = ctx->anonymousPatternPart();
  if (anonymous->SHORTESTPATH()) part.path_kind = ast::PathKind::kShortestPath;
  if (anonymous->ALLSHORTESTPATHS()) part.path_kind = ast::PathKind::kAllShortestPaths;
  AppendPatternElement(anonymous->patternElement(), part);
  return part;
}

ast::PatternPart AstBuilder::BuildRelationshipsPattern(P::RelationshipsPatternContext* ctx) {
  ast::PatternPart part;
  part.pos = PosOf(ctx);
  part.nodes.push_back(BuildNodePattern(ctx->nodePattern()));
  for (P::PatternElementChainContext* chain : ctx->patternElementChain()) {
    part.rels.push_back(BuildRelPattern(chain->relationshipPattern()));
    part.nodes.push_back(BuildNodePattern(chain->nodePattern()));
  }
  return part;
}

void AstBuilder::AppendPatternElement(P::PatternElementContext* ctx, ast::PatternPart& part) {
  if (ctx->patternElement()) {  // ( element ): parentheses only group
    AppendPatternElement(ctx->patternElement(), part);
    return;
  }
  part.nodes.push_back(BuildNodePattern(ctx->nodePattern()));
  for (P::PatternElementChainContext* chain : ctx->patternElementChain()) {
    part.rels.push_back(BuildRelPattern(chain->relationshipPattern()));
    part.nodes.push_back(BuildNodePattern(chain->nodePattern()));
  }
}

ast::NodePattern AstBuilder::BuildNodePattern(P::NodePatternContext* ctx) {
  ast::NodePattern node;
  node.pos = PosOf(ctx);
  if (ctx->variable()) {
    node.variable = Name(ctx->variable());
    node.variable_pos = PosOf(ctx->variable());
  }
  if (P::NodeLabelsContext* labels = ctx->nodeLabels()) {
    for (P::SchemaNameContext* label : labels->schemaName()) {
      node.labels.push_back(Name(label));
    }
  }
  if (ctx->properties()) node.properties = BuildProperties(ctx->properties());
  return node;
}

ast::RelPattern AstBuilder::BuildRelPattern(P::RelationshipPatternContext* ctx) {
  ast::RelPattern rel;
  rel.pos = PosOf(ctx);
  bool left = ctx->leftArrow != nullptr;
  bool right = ctx->rightArrow != nullptr;
  rel.direction = left && right ? ast::RelDirection::kBoth
                  : left        ? ast::RelDirection::kLeft
                  : right       ? ast::RelDirection::kRight
                                : ast::RelDirection::kNone;
  P::RelationshipDetailContext* detail = ctx->relationshipDetail();
  if (detail == nullptr) return rel;
  if (detail->variable()) {
    rel.variable = Name(detail->variable());
    rel.variable_pos = PosOf(detail->variable());
  }
  if (P::RelationshipTypesContext* types = detail->relationshipTypes()) {
    for (P::SchemaNameContext* type : types->schemaName()) {
      rel.types.push_back(Name(type));
    }
  }
  if (P::RangeLiteralContext* range = detail->rangeLiteral()) {
    rel.var_length = BuildRange(range);
  }
  if (detail->properties()) rel.properties = BuildProperties(detail->properties());
  return rel;
}

ast::VarLength AstBuilder::BuildRange(P::RangeLiteralContext* ctx) {
  if (ctx->STAR() == nullptr) {
    throw MakeSyntaxError("InvalidRelationshipPattern",
                          "A variable-length relationship needs '*' before its bounds", PosOf(ctx));
  }
  auto bound = [this](P::RangeBoundContext* b) -> std::optional<std::int64_t> {
    if (b == nullptr) return std::nullopt;
    if (b->MINUS()) {
      throw MakeSyntaxError("InvalidRelationshipPattern",
                            "A variable-length bound cannot be negative", PosOf(b));
    }
    return DecodeInteger(b->integerLiteral()->getText(), false, PosOf(b));
  };
  ast::VarLength length;
  length.min = bound(ctx->lower);
  length.max = bound(ctx->upper);
  if (ctx->DOTDOT() == nullptr) length.max = length.min;  // *3 is exactly 3 hops
  return length;
}

ast::ExprPtr AstBuilder::BuildProperties(P::PropertiesContext* ctx) {
  if (ctx->mapLiteral()) return BuildMap(ctx->mapLiteral());
  return BuildParameter(ctx->parameter());
}

}  // namespace parley::parser
