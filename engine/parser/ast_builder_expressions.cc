// Expressions: the grammar gives a flat sequence of operands and operators; this file
// applies openCypher's precedence to it (precedence climbing) and builds operands.
#include <fmt/format.h>

#include <algorithm>

#include "engine/parser/ast_builder.h"
#include "engine/parser/literals.h"
#include "engine/parser/parser.h"

namespace parley::parser {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;

namespace {

using P = grammar::CypherParser;

// Binding strength, loosest first. Each infix level is left-associative.
enum Precedence : int {
  kOr = 1,
  kXor,
  kAnd,
  kNot,
  kComparison,
  kPredicate,  // STARTS WITH, ENDS WITH, CONTAINS, IN, =~, IS [NOT] NULL
  kAdditive,
  kMultiplicative,
  kPower,
};

struct Infix {
  Precedence precedence;
  ExprKind kind;
  ast::BinaryOp binary = ast::BinaryOp::kOr;
  ast::CompareOp compare = ast::CompareOp::kEq;
  ast::StringOp string = ast::StringOp::kStartsWith;
};

Infix InfixOf(std::size_t token) {
  using B = ast::BinaryOp;
  using C = ast::CompareOp;
  switch (token) {
    case P::OR:
      return {kOr, ExprKind::kBinary, B::kOr};
    case P::XOR:
      return {kXor, ExprKind::kBinary, B::kXor};
    case P::AND:
      return {kAnd, ExprKind::kBinary, B::kAnd};
    case P::EQ:
      return {kComparison, ExprKind::kComparison, B::kOr, C::kEq};
    case P::NE:
      return {kComparison, ExprKind::kComparison, B::kOr, C::kNe};
    case P::LT:
      return {kComparison, ExprKind::kComparison, B::kOr, C::kLt};
    case P::GT:
      return {kComparison, ExprKind::kComparison, B::kOr, C::kGt};
    case P::LE:
      return {kComparison, ExprKind::kComparison, B::kOr, C::kLe};
    case P::GE:
      return {kComparison, ExprKind::kComparison, B::kOr, C::kGe};
    case P::STARTS:
      return {kPredicate, ExprKind::kStringOp, B::kOr, C::kEq, ast::StringOp::kStartsWith};
    case P::ENDS:
      return {kPredicate, ExprKind::kStringOp, B::kOr, C::kEq, ast::StringOp::kEndsWith};
    case P::CONTAINS:
      return {kPredicate, ExprKind::kStringOp, B::kOr, C::kEq, ast::StringOp::kContains};
    case P::IN:
      return {kPredicate, ExprKind::kIn};
    case P::REGEX:
      return {kPredicate, ExprKind::kRegex};
    case P::PLUS:
      return {kAdditive, ExprKind::kBinary, B::kAdd};
    case P::MINUS:
      return {kAdditive, ExprKind::kBinary, B::kSub};
    case P::STAR:
      return {kMultiplicative, ExprKind::kBinary, B::kMul};
    case P::SLASH:
      return {kMultiplicative, ExprKind::kBinary, B::kDiv};
    case P::PERCENT:
      return {kMultiplicative, ExprKind::kBinary, B::kMod};
    default:
      return {kPower, ExprKind::kBinary, B::kPow};
  }
}

std::size_t RuleOf(antlr4::tree::ParseTree* node) {
  return static_cast<antlr4::ParserRuleContext*>(node)->getRuleIndex();
}

// The error for an expression past kMaxExpressionHeight, at `pos`.
Error TooDeep(SourcePos pos);

}  // namespace

// Folds one ExpressionContext's children: operand (infixOperator operand | nullCheck)*.
// The NOT prefixes of an operand are operators too (looser than comparisons), so the
// position within the current operand's NOTs is part of the state.
class AstBuilder::ExpressionFolder {
 public:
  ExpressionFolder(AstBuilder& builder, P::ExpressionContext* ctx)
      : builder_(builder), items_(ctx->children) {}

  ExprPtr Fold() { return Level(kOr); }

 private:
  // Everything from the current position that binds at least as tightly as `min`.
  ExprPtr Level(int min) {
    ExprPtr lhs = Prefix(min);
    bool open_chain = false;  // lhs is a comparison chain this loop may extend
    while (next_ < items_.size()) {
      antlr4::tree::ParseTree* item = items_[next_];
      if (RuleOf(item) == P::RuleNullCheck) {
        if (kPredicate < min) break;
        auto* check = static_cast<P::NullCheckContext*>(item);
        auto e = std::make_unique<Expr>(check->NOT() ? ExprKind::kIsNotNull : ExprKind::kIsNull,
                                        lhs->pos);
        e->children.push_back(std::move(lhs));
        lhs = Measured(std::move(e));
        open_chain = false;
        ++next_;
        continue;
      }
      Infix op = InfixOf(static_cast<antlr4::ParserRuleContext*>(item)->getStart()->getType());
      if (op.precedence < min) break;
      ++next_;
      ExprPtr rhs = Level(op.precedence + 1);
      if (op.kind == ExprKind::kComparison && open_chain) {
        // a < b < c means a < b AND b < c: each link adds a level of AND above the
        // operands. Counted link by link, not by measuring the operands already there
        // again (quadratic in the chain's length).
        std::uint32_t height = std::max(lhs->height + 1, rhs->height + 2);
        lhs->compare_ops.push_back(op.compare);
        lhs->children.push_back(std::move(rhs));
        lhs->height = height;
        if (height > kMaxExpressionHeight) throw TooDeep(lhs->pos);
        continue;
      }
      auto e = std::make_unique<Expr>(op.kind, lhs->pos);
      e->binary_op = op.binary;
      e->string_op = op.string;
      if (op.kind == ExprKind::kComparison) e->compare_ops.push_back(op.compare);
      e->children.push_back(std::move(lhs));
      e->children.push_back(std::move(rhs));
      lhs = Measured(std::move(e));
      open_chain = op.kind == ExprKind::kComparison;
    }
    return lhs;
  }

  // The operand at the current position, with as many of its NOTs as `min` allows.
  ExprPtr Prefix(int min) {
    auto* operand = static_cast<P::OperandContext*>(items_[next_]);
    std::vector<antlr4::tree::TerminalNode*> nots = operand->NOT();
    if (nots_used_ < nots.size()) {
      antlr4::Token* not_token = nots[nots_used_]->getSymbol();
      if (min > kNot) {
        // openCypher has no NOT inside a comparison or arithmetic: a = NOT b.
        throw MakeSyntaxError("UnexpectedSyntax",
                              "Invalid input 'NOT': NOT cannot be an operand here; "
                              "add parentheses",
                              PosOf(not_token));
      }
      ++nots_used_;
      ExprPtr inner = Level(kNot);
      auto e = std::make_unique<Expr>(ExprKind::kUnary, PosOf(not_token));
      e->unary_op = ast::UnaryOp::kNot;
      e->children.push_back(std::move(inner));
      return Measured(std::move(e));
    }
    nots_used_ = 0;
    ++next_;
    return builder_.BuildOperand(operand);
  }

  AstBuilder& builder_;
  const std::vector<antlr4::tree::ParseTree*>& items_;
  std::size_t next_ = 0;
  std::size_t nots_used_ = 0;  // NOTs of items_[next_] already applied
};

namespace {

// `e`'s height, measuring (and recording) those of its descendants not measured yet: the
// few nodes a builder function makes around measured sub-expressions.
std::uint32_t HeightOf(ast::Expr& e) {
  if (e.height != 0) return e.height;
  std::uint32_t below = 0;
  ast::ForEachChild(e, [&below](const ast::Expr& child) {
    below = std::max(below, HeightOf(const_cast<ast::Expr&>(child)));
  });
  e.height = below + 1;
  return e.height;
}

Error TooDeep(SourcePos pos) {
  return MakeSyntaxError("UnexpectedSyntax",
                         fmt::format("The expression is nested too deeply (more than {} "
                                     "levels); split it, or pass the values as parameters",
                                     kMaxExpressionHeight),
                         pos);
}

}  // namespace

ExprPtr AstBuilder::Measured(ExprPtr e) {
  e->height = 0;  // children may have been added since it was last measured
  if (HeightOf(*e) > kMaxExpressionHeight) throw TooDeep(e->pos);
  return e;
}

ExprPtr AstBuilder::BuildExpression(P::ExpressionContext* ctx) {
  if (ctx->children.size() == 1) {  // a lone operand: the common case
    auto* operand = static_cast<P::OperandContext*>(ctx->children[0]);
    if (operand->children.size() == 1) {
      return BuildPostfix(static_cast<P::PostfixExpressionContext*>(operand->children[0]));
    }
  }
  return ExpressionFolder(*this, ctx).Fold();
}

ExprPtr AstBuilder::BuildWhere(P::ExpressionContext* ctx) {
  ++where_depth_;
  ExprPtr e = BuildExpression(ctx);
  --where_depth_;
  return e;
}

// The signs of an operand (its NOTs are the folder's business): +/- bind tighter than any
// infix operator, innermost last.
ExprPtr AstBuilder::BuildOperand(P::OperandContext* ctx) {
  const auto& children = ctx->children;
  auto* postfix = static_cast<P::PostfixExpressionContext*>(children.back());
  std::size_t first_sign = 0;
  while (first_sign + 1 < children.size() &&
         static_cast<antlr4::tree::TerminalNode*>(children[first_sign])->getSymbol()->getType() ==
             P::NOT) {
    ++first_sign;
  }
  std::size_t end = children.size() - 1;  // one past the last sign
  ExprPtr e;
  if (end > first_sign) {
    antlr4::Token* last = static_cast<antlr4::tree::TerminalNode*>(children[end - 1])->getSymbol();
    antlr4::tree::TerminalNode* number = BareNumber(postfix);
    if (last->getType() == P::MINUS && number != nullptr) {
      // A negated number literal is one literal, so that -9223372036854775808 fits.
      e = BuildNumber(number->getSymbol(), /*negative=*/true, PosOf(last));
      --end;
    }
  }
  if (!e) e = BuildPostfix(postfix);
  for (std::size_t i = end; i > first_sign; --i) {
    antlr4::Token* sign = static_cast<antlr4::tree::TerminalNode*>(children[i - 1])->getSymbol();
    auto u = std::make_unique<Expr>(ExprKind::kUnary, PosOf(sign));
    u->unary_op = sign->getType() == P::MINUS ? ast::UnaryOp::kNegate : ast::UnaryOp::kPlus;
    u->children.push_back(std::move(e));
    e = Measured(std::move(u));
  }
  return e;
}

antlr4::tree::TerminalNode* AstBuilder::BareNumber(P::PostfixExpressionContext* ctx) {
  if (ctx->children.size() != 1) return nullptr;  // has postfix operators or labels
  auto* atom = static_cast<P::AtomContext*>(ctx->children[0]);
  auto* token = dynamic_cast<antlr4::tree::TerminalNode*>(atom->children[0]);
  if (token == nullptr) return nullptr;
  switch (token->getSymbol()->getType()) {
    case P::HexInteger:
    case P::OctalInteger:
    case P::DecimalInteger:
    case P::FloatLiteral:
    case P::InvalidNumberLiteral:
      return token;
    default:
      return nullptr;
  }
}

ExprPtr AstBuilder::BuildPostfix(P::PostfixExpressionContext* ctx) {
  ExprPtr e = Measured(BuildAtom(static_cast<P::AtomContext*>(ctx->children[0])));
  if (ctx->children.size() == 1) return e;
  SourcePos pos = e->pos;
  for (P::PostfixContext* postfix : ctx->postfix()) {
    if (auto* p = dynamic_cast<P::PropertyLookupContext*>(postfix)) {
      e = Measured(ast::MakeProperty(std::move(e), Name(p->schemaName()), pos));
    } else if (auto* p = dynamic_cast<P::IndexLookupContext*>(postfix)) {
      auto index = std::make_unique<Expr>(ExprKind::kIndex, pos);
      index->children.push_back(std::move(e));
      index->children.push_back(BuildExpression(p->expression()));
      e = Measured(std::move(index));
    } else {
      auto* s = static_cast<P::SliceLookupContext*>(postfix);
      auto slice = std::make_unique<Expr>(ExprKind::kSlice, pos);
      slice->children.push_back(std::move(e));
      slice->children.push_back(s->from ? BuildExpression(s->from) : nullptr);
      slice->children.push_back(s->to ? BuildExpression(s->to) : nullptr);
      e = Measured(std::move(slice));
    }
  }
  if (P::NodeLabelsContext* labels = ctx->nodeLabels()) {
    auto predicate = std::make_unique<Expr>(ExprKind::kLabelPredicate, pos);
    predicate->children.push_back(std::move(e));
    for (P::SchemaNameContext* label : labels->schemaName()) {
      predicate->labels.push_back(Name(label));
    }
    e = Measured(std::move(predicate));
  }
  return e;
}

ExprPtr AstBuilder::BuildNumber(antlr4::Token* token, bool negative, SourcePos pos) {
  std::string text = token->getText();
  switch (token->getType()) {
    case P::FloatLiteral:
      return ast::MakeLiteral(Value(DecodeFloat(text, negative, pos)), pos);
    case P::InvalidNumberLiteral:
      throw MakeSyntaxError("InvalidNumberLiteral",
                            fmt::format("Invalid number literal '{}'", text), PosOf(token));
    default:
      return ast::MakeLiteral(Value(DecodeInteger(text, negative, pos)), pos);
  }
}

ExprPtr AstBuilder::BuildAtom(P::AtomContext* ctx) {
  SourcePos pos = PosOf(ctx);
  auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(ctx->children[0]);
  if (rule == nullptr) {  // a token: a literal, or '(' expression ')'
    antlr4::Token* token = ctx->getStart();
    switch (token->getType()) {
      case P::LPAREN:
        return BuildExpression(static_cast<P::ExpressionContext*>(ctx->children[1]));
      case P::StringLiteral:
        return ast::MakeLiteral(Value(DecodeString(token->getText(), pos)), pos);
      case P::TRUE_:
        return ast::MakeLiteral(Value(true), pos);
      case P::FALSE_:
        return ast::MakeLiteral(Value(false), pos);
      case P::NULL_:
        return ast::MakeLiteral(Value(), pos);
      default:
        return BuildNumber(token, /*negative=*/false, pos);
    }
  }
  switch (rule->getRuleIndex()) {
    case P::RuleVariable:
      return ast::MakeVariable(Name(static_cast<P::VariableContext*>(rule)), pos);
    case P::RuleFunctionInvocation:
      return BuildFunction(static_cast<P::FunctionInvocationContext*>(rule));
    case P::RuleParameter:
      return BuildParameter(static_cast<P::ParameterContext*>(rule));
    case P::RuleListLiteral:
      return BuildList(static_cast<P::ListLiteralContext*>(rule));
    case P::RuleMapLiteral:
      return BuildMap(static_cast<P::MapLiteralContext*>(rule));
    case P::RuleCountStar:
      return std::make_unique<Expr>(ExprKind::kCountStar, pos);
    case P::RuleCaseExpression:
      return BuildCase(static_cast<P::CaseExpressionContext*>(rule));
    case P::RuleListComprehension:
      return BuildListComprehension(static_cast<P::ListComprehensionContext*>(rule));
    case P::RulePatternComprehension:
      return BuildPatternComprehension(static_cast<P::PatternComprehensionContext*>(rule));
    case P::RuleQuantifier:
      return BuildQuantifier(static_cast<P::QuantifierContext*>(rule));
    case P::RuleReduceExpression:
      return BuildReduce(static_cast<P::ReduceExpressionContext*>(rule));
    case P::RuleExistsExpression:
      return BuildExists(static_cast<P::ExistsExpressionContext*>(rule));
    case P::RuleMapProjection:
      return BuildMapProjection(static_cast<P::MapProjectionContext*>(rule));
    default:
      break;
  }
  if (where_depth_ == 0) {
    // openCypher allows a bare pattern only as a WHERE predicate; elsewhere it must be
    // written as EXISTS { ... } or a pattern comprehension.
    throw MakeSyntaxError("UnexpectedSyntax",
                          "A pattern can be used as an expression only in a WHERE predicate "
                          "(use EXISTS { ... } or a pattern comprehension instead)",
                          pos);
  }
  auto e = std::make_unique<Expr>(ExprKind::kPatternPredicate, pos);
  e->pattern.push_back(
      BuildRelationshipsPattern(static_cast<P::RelationshipsPatternContext*>(rule)));
  return e;
}

}  // namespace parley::parser
