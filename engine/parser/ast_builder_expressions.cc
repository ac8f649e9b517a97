// Expressions: one method per precedence level of the grammar, each folding its operands
// left to right (openCypher's operators are all left-associative, ^ included).
#include <fmt/format.h>

#include "engine/parser/ast_builder.h"
#include "engine/parser/literals.h"

namespace parley::parser {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;

namespace {

ExprPtr MakeBinary(ast::BinaryOp op, ExprPtr lhs, ExprPtr rhs) {
  auto e = std::make_unique<Expr>(ExprKind::kBinary, lhs->pos);
  e->binary_op = op;
  e->children.push_back(std::move(lhs));
  e->children.push_back(std::move(rhs));
  return e;
}

ExprPtr MakeUnary(ast::UnaryOp op, ExprPtr operand, SourcePos pos) {
  auto e = std::make_unique<Expr>(ExprKind::kUnary, pos);
  e->unary_op = op;
  e->children.push_back(std::move(operand));
  return e;
}

ExprPtr MakeOf(ExprKind kind, SourcePos pos, ExprPtr a, ExprPtr b = nullptr) {
  auto e = std::make_unique<Expr>(kind, pos);
  e->children.push_back(std::move(a));
  if (b) e->children.push_back(std::move(b));
  return e;
}

}  // namespace

ExprPtr AstBuilder::BuildExpression(P::ExpressionContext* ctx) {
  return BuildOr(ctx->orExpression());
}

ExprPtr AstBuilder::BuildWhere(P::ExpressionContext* ctx) {
  ++where_depth_;
  ExprPtr e = BuildExpression(ctx);
  --where_depth_;
  return e;
}

ExprPtr AstBuilder::BuildOr(P::OrExpressionContext* ctx) {
  auto operands = ctx->xorExpression();
  ExprPtr e = BuildXor(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    e = MakeBinary(ast::BinaryOp::kOr, std::move(e), BuildXor(operands[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildXor(P::XorExpressionContext* ctx) {
  auto operands = ctx->andExpression();
  ExprPtr e = BuildAnd(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    e = MakeBinary(ast::BinaryOp::kXor, std::move(e), BuildAnd(operands[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildAnd(P::AndExpressionContext* ctx) {
  auto operands = ctx->notExpression();
  ExprPtr e = BuildNot(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    e = MakeBinary(ast::BinaryOp::kAnd, std::move(e), BuildNot(operands[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildNot(P::NotExpressionContext* ctx) {
  ExprPtr e = BuildComparison(ctx->comparisonExpression());
  auto nots = ctx->NOT();
  for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
    e = MakeUnary(ast::UnaryOp::kNot, std::move(e), PosOf((*it)->getSymbol()));
  }
  return e;
}

ExprPtr AstBuilder::BuildComparison(P::ComparisonExpressionContext* ctx) {
  auto operands = ctx->predicateExpression();
  ExprPtr first = BuildPredicate(operands[0]);
  if (operands.size() == 1) return first;
  auto e = std::make_unique<Expr>(ExprKind::kComparison, first->pos);
  e->children.push_back(std::move(first));
  for (std::size_t i = 1; i < operands.size(); ++i) {
    switch (ctx->comparisonOperator(i - 1)->getStart()->getType()) {
      case P::EQ:
        e->compare_ops.push_back(ast::CompareOp::kEq);
        break;
      case P::NE:
        e->compare_ops.push_back(ast::CompareOp::kNe);
        break;
      case P::LT:
        e->compare_ops.push_back(ast::CompareOp::kLt);
        break;
      case P::LE:
        e->compare_ops.push_back(ast::CompareOp::kLe);
        break;
      case P::GT:
        e->compare_ops.push_back(ast::CompareOp::kGt);
        break;
      default:
        e->compare_ops.push_back(ast::CompareOp::kGe);
        break;
    }
    e->children.push_back(BuildPredicate(operands[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildPredicate(P::PredicateExpressionContext* ctx) {
  ExprPtr e = BuildAdd(ctx->addExpression());
  for (P::PredicateSuffixContext* suffix : ctx->predicateSuffix()) {
    SourcePos pos = e->pos;
    if (auto* s = dynamic_cast<P::StartsWithContext*>(suffix)) {
      e = MakeOf(ExprKind::kStringOp, pos, std::move(e), BuildAdd(s->addExpression()));
      e->string_op = ast::StringOp::kStartsWith;
    } else if (auto* s = dynamic_cast<P::EndsWithContext*>(suffix)) {
      e = MakeOf(ExprKind::kStringOp, pos, std::move(e), BuildAdd(s->addExpression()));
      e->string_op = ast::StringOp::kEndsWith;
    } else if (auto* s = dynamic_cast<P::ContainsContext*>(suffix)) {
      e = MakeOf(ExprKind::kStringOp, pos, std::move(e), BuildAdd(s->addExpression()));
      e->string_op = ast::StringOp::kContains;
    } else if (auto* s = dynamic_cast<P::InListContext*>(suffix)) {
      e = MakeOf(ExprKind::kIn, pos, std::move(e), BuildAdd(s->addExpression()));
    } else if (auto* s = dynamic_cast<P::RegexMatchContext*>(suffix)) {
      e = MakeOf(ExprKind::kRegex, pos, std::move(e), BuildAdd(s->addExpression()));
    } else if (dynamic_cast<P::IsNullContext*>(suffix)) {
      e = MakeOf(ExprKind::kIsNull, pos, std::move(e));
    } else {
      e = MakeOf(ExprKind::kIsNotNull, pos, std::move(e));
    }
  }
  return e;
}

ExprPtr AstBuilder::BuildAdd(P::AddExpressionContext* ctx) {
  auto operands = ctx->multiplyExpression();
  ExprPtr e = BuildMultiply(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    bool plus = ctx->addOperator(i - 1)->getStart()->getType() == P::PLUS;
    e = MakeBinary(plus ? ast::BinaryOp::kAdd : ast::BinaryOp::kSub, std::move(e),
                   BuildMultiply(operands[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildMultiply(P::MultiplyExpressionContext* ctx) {
  auto operands = ctx->powerExpression();
  ExprPtr e = BuildPower(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    ast::BinaryOp op = ast::BinaryOp::kMod;
    switch (ctx->multiplyOperator(i - 1)->getStart()->getType()) {
      case P::STAR:
        op = ast::BinaryOp::kMul;
        break;
      case P::SLASH:
        op = ast::BinaryOp::kDiv;
        break;
      default:
        break;
    }
    e = MakeBinary(op, std::move(e), BuildPower(operands[i]));
  }
  return e;
}

ExprPtr AstBuilder::BuildPower(P::PowerExpressionContext* ctx) {
  auto operands = ctx->unaryExpression();
  ExprPtr e = BuildUnary(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    e = MakeBinary(ast::BinaryOp::kPow, std::move(e), BuildUnary(operands[i]));
  }
  return e;
}

AstBuilder::P::NumberLiteralContext* AstBuilder::BareNumber(P::UnaryExpressionContext* ctx) {
  P::PostfixExpressionContext* postfix = ctx->postfixExpression();
  if (postfix == nullptr || !postfix->postfix().empty() || postfix->nodeLabels() != nullptr) {
    return nullptr;
  }
  P::LiteralContext* literal = postfix->atom()->literal();
  return literal == nullptr ? nullptr : literal->numberLiteral();
}

ExprPtr AstBuilder::BuildUnary(P::UnaryExpressionContext* ctx) {
  if (ctx->postfixExpression() != nullptr) return BuildPostfix(ctx->postfixExpression());
  SourcePos pos = PosOf(ctx);
  if (ctx->MINUS() != nullptr) {
    // A negated number literal is one literal, so that -9223372036854775808 fits.
    if (P::NumberLiteralContext* number = BareNumber(ctx->unaryExpression())) {
      return BuildNumber(number, /*negative=*/true, pos);
    }
    return MakeUnary(ast::UnaryOp::kNegate, BuildUnary(ctx->unaryExpression()), pos);
  }
  return MakeUnary(ast::UnaryOp::kPlus, BuildUnary(ctx->unaryExpression()), pos);
}

ExprPtr AstBuilder::BuildPostfix(P::PostfixExpressionContext* ctx) {
  ExprPtr e = BuildAtom(ctx->atom());
  SourcePos pos = e->pos;
  for (P::PostfixContext* postfix : ctx->postfix()) {
    if (auto* p = dynamic_cast<P::PropertyLookupContext*>(postfix)) {
      e = ast::MakeProperty(std::move(e), Name(p->propertyKeyName()->schemaName()), pos);
    } else if (auto* p = dynamic_cast<P::IndexLookupContext*>(postfix)) {
      e = MakeOf(ExprKind::kIndex, pos, std::move(e), BuildExpression(p->expression()));
    } else {
      auto* s = static_cast<P::SliceLookupContext*>(postfix);
      auto slice = std::make_unique<Expr>(ExprKind::kSlice, pos);
      slice->children.push_back(std::move(e));
      slice->children.push_back(s->from ? BuildExpression(s->from) : nullptr);
      slice->children.push_back(s->to ? BuildExpression(s->to) : nullptr);
      e = std::move(slice);
    }
  }
  if (P::NodeLabelsContext* labels = ctx->nodeLabels()) {
    e = MakeOf(ExprKind::kLabelPredicate, pos, std::move(e));
    for (P::LabelNameContext* label : labels->labelName()) {
      e->labels.push_back(Name(label->schemaName()));
    }
  }
  return e;
}

ExprPtr AstBuilder::BuildAtom(P::AtomContext* ctx) {
  SourcePos pos = PosOf(ctx);
  if (ctx->literal()) return BuildLiteral(ctx->literal());
  if (ctx->parameter()) return BuildParameter(ctx->parameter());
  if (ctx->variable()) return ast::MakeVariable(Name(ctx->variable()), pos);
  if (ctx->functionInvocation()) return BuildFunction(ctx->functionInvocation());
  if (ctx->parenthesizedExpression()) {
    return BuildExpression(ctx->parenthesizedExpression()->expression());
  }
  if (ctx->countStar()) return std::make_unique<Expr>(ExprKind::kCountStar, pos);
  if (ctx->caseExpression()) return BuildCase(ctx->caseExpression());
  if (ctx->listComprehension()) return BuildListComprehension(ctx->listComprehension());
  if (ctx->patternComprehension()) return BuildPatternComprehension(ctx->patternComprehension());
  if (ctx->quantifier()) return BuildQuantifier(ctx->quantifier());
  if (ctx->reduceExpression()) return BuildReduce(ctx->reduceExpression());
  if (ctx->existsExpression()) return BuildExists(ctx->existsExpression());
  if (ctx->mapProjection()) return BuildMapProjection(ctx->mapProjection());
  if (where_depth_ == 0) {
    // openCypher allows a bare pattern only as a WHERE predicate; elsewhere it must be
    // written as EXISTS { ... } or a pattern comprehension.
    throw MakeSyntaxError("UnexpectedSyntax",
                          "A pattern can be used as an expression only in a WHERE predicate "
                          "(use EXISTS { ... } or a pattern comprehension instead)",
                          pos);
  }
  auto e = std::make_unique<Expr>(ExprKind::kPatternPredicate, pos);
  e->pattern.push_back(BuildRelationshipsPattern(ctx->relationshipsPattern()));
  return e;
}

ExprPtr AstBuilder::BuildLiteral(P::LiteralContext* ctx) {
  SourcePos pos = PosOf(ctx);
  if (ctx->numberLiteral()) return BuildNumber(ctx->numberLiteral(), false, pos);
  if (ctx->StringLiteral()) {
    return ast::MakeLiteral(Value(DecodeString(ctx->StringLiteral()->getText(), pos)), pos);
  }
  if (ctx->TRUE_()) return ast::MakeLiteral(Value(true), pos);
  if (ctx->FALSE_()) return ast::MakeLiteral(Value(false), pos);
  if (ctx->NULL_()) return ast::MakeLiteral(Value(), pos);
  if (ctx->mapLiteral()) return BuildMap(ctx->mapLiteral());
  return BuildList(ctx->listLiteral());
}

ExprPtr AstBuilder::BuildNumber(P::NumberLiteralContext* ctx, bool negative, SourcePos pos) {
  std::string token = ctx->getText();
  if (ctx->FloatLiteral()) return ast::MakeLiteral(Value(DecodeFloat(token, negative, pos)), pos);
  if (ctx->integerLiteral()) {
    return ast::MakeLiteral(Value(DecodeInteger(token, negative, pos)), pos);
  }
  throw MakeSyntaxError("InvalidNumberLiteral", fmt::format("Invalid number literal '{}'", token),
                        PosOf(ctx));
}

ExprPtr AstBuilder::BuildList(P::ListLiteralContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kList, PosOf(ctx));
  for (P::ExpressionContext* item : ctx->expression()) e->children.push_back(BuildExpression(item));
  return e;
}

ExprPtr AstBuilder::BuildMap(P::MapLiteralContext* ctx) {
  auto e = std::make_unique<Expr>(ExprKind::kMap, PosOf(ctx));
  auto keys = ctx->propertyKeyName();
  auto values = ctx->expression();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    e->keys.push_back(Name(keys[i]->schemaName()));
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
      out.key = Name(p->propertyKeyName()->schemaName());
    } else if (dynamic_cast<P::ProjectAllPropertiesContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kAllProperties;
    } else if (auto* p = dynamic_cast<P::ProjectLiteralContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kLiteral;
      out.key = Name(p->propertyKeyName()->schemaName());
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
