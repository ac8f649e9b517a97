// The canonical printer. Every operator application is parenthesised so that tests can
// read the tree's shape (precedence, associativity) straight off the string.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "engine/parser/ast.h"

namespace parley::ast {
namespace {

bool IsPlainName(const std::string& name) {
  if (name.empty()) return false;
  auto alpha = [](unsigned char c) { return c == '_' || c >= 0x80 || std::isalpha(c); };
  if (!alpha(static_cast<unsigned char>(name[0]))) return false;
  for (unsigned char c : name) {
    if (!alpha(c) && !std::isdigit(c)) return false;
  }
  return true;
}

std::string QuoteName(const std::string& name) {
  if (IsPlainName(name)) return name;
  std::string out = "`";
  for (char c : name) {
    out.push_back(c);
    if (c == '`') out.push_back('`');
  }
  return out + "`";
}

std::string Opt(const ExprPtr& e) { return e ? ToString(*e) : ""; }

std::string_view UnaryText(UnaryOp op) {
  switch (op) {
    case UnaryOp::kNot:
      return "NOT ";
    case UnaryOp::kNegate:
      return "-";
    case UnaryOp::kPlus:
      return "+";
  }
  return "?";
}

std::string_view QuantifierText(QuantifierOp op) {
  switch (op) {
    case QuantifierOp::kAll:
      return "all";
    case QuantifierOp::kAny:
      return "any";
    case QuantifierOp::kNone:
      return "none";
    case QuantifierOp::kSingle:
      return "single";
  }
  return "?";
}

std::string_view StringOpText(StringOp op) {
  switch (op) {
    case StringOp::kStartsWith:
      return "STARTS WITH";
    case StringOp::kEndsWith:
      return "ENDS WITH";
    case StringOp::kContains:
      return "CONTAINS";
  }
  return "?";
}

std::string LabelsText(const std::vector<std::string>& labels, std::string_view sep = ":") {
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    out += i == 0 ? ":" : std::string(sep);
    out += QuoteName(labels[i]);
  }
  return out;
}

std::string MapProjectionText(const Expr& e) {
  std::vector<std::string> items;
  for (const MapProjectionItem& item : e.projection_items) {
    switch (item.kind) {
      case MapProjectionItem::Kind::kProperty:
        items.push_back("." + QuoteName(item.key));
        break;
      case MapProjectionItem::Kind::kAllProperties:
        items.push_back(".*");
        break;
      case MapProjectionItem::Kind::kVariable:
        items.push_back(QuoteName(item.key));
        break;
      case MapProjectionItem::Kind::kLiteral:
        items.push_back(QuoteName(item.key) + ": " + ToString(*item.value));
        break;
    }
  }
  return ToString(*e.children[0]) + " {" + fmt::to_string(fmt::join(items, ", ")) + "}";
}

std::string CaseText(const Expr& e) {
  std::string out = "CASE";
  if (e.case_subject) out += " " + ToString(*e.case_subject);
  for (std::size_t i = 0; i + 1 < e.children.size(); i += 2) {
    out += " WHEN " + ToString(*e.children[i]) + " THEN " + ToString(*e.children[i + 1]);
  }
  if (e.case_else) out += " ELSE " + ToString(*e.case_else);
  return out + " END";
}

std::string ExistsText(const Expr& e) {
  if (e.subquery) return "EXISTS { " + ToString(*e.subquery) + " }";
  std::string out = "EXISTS { " + ToString(e.pattern);
  if (e.children[0]) out += " WHERE " + ToString(*e.children[0]);
  return out + " }";
}

std::string ComprehensionText(const Expr& e) {
  std::string out = "[" + QuoteName(e.variable) + " IN " + ToString(*e.children[0]);
  if (e.children[1]) out += " WHERE " + ToString(*e.children[1]);
  if (e.children[2]) out += " | " + ToString(*e.children[2]);
  return out + "]";
}

std::string PatternComprehensionText(const Expr& e) {
  std::string out = "[" + ToString(e.pattern[0]);
  if (e.children[0]) out += " WHERE " + ToString(*e.children[0]);
  return out + " | " + ToString(*e.children[1]) + "]";
}

std::string CallText(const Expr& e) {
  std::vector<std::string> args;
  for (const ExprPtr& a : e.children) args.push_back(ToString(*a));
  return e.name + "(" + (e.distinct ? "DISTINCT " : "") + fmt::to_string(fmt::join(args, ", ")) +
         ")";
}

std::string ListOrMapText(const Expr& e) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < e.children.size(); ++i) {
    items.push_back(e.kind == ExprKind::kMap
                        ? QuoteName(e.keys[i]) + ": " + ToString(*e.children[i])
                        : ToString(*e.children[i]));
  }
  return e.kind == ExprKind::kMap ? "{" + fmt::to_string(fmt::join(items, ", ")) + "}"
                                  : "[" + fmt::to_string(fmt::join(items, ", ")) + "]";
}

std::string OperatorText(const Expr& e) {
  const auto& c = e.children;
  switch (e.kind) {
    case ExprKind::kUnary:
      return fmt::format("({}{})", UnaryText(e.unary_op), ToString(*c[0]));
    case ExprKind::kBinary:
      return fmt::format("({} {} {})", ToString(*c[0]), ToString(e.binary_op), ToString(*c[1]));
    case ExprKind::kComparison: {
      std::string out = "(" + ToString(*c[0]);
      for (std::size_t i = 0; i < e.compare_ops.size(); ++i) {
        out += fmt::format(" {} {}", ToString(e.compare_ops[i]), ToString(*c[i + 1]));
      }
      return out + ")";
    }
    case ExprKind::kIsNull:
      return "(" + ToString(*c[0]) + " IS NULL)";
    case ExprKind::kIsNotNull:
      return "(" + ToString(*c[0]) + " IS NOT NULL)";
    case ExprKind::kIn:
      return fmt::format("({} IN {})", ToString(*c[0]), ToString(*c[1]));
    case ExprKind::kStringOp:
      return fmt::format("({} {} {})", ToString(*c[0]), StringOpText(e.string_op), ToString(*c[1]));
    case ExprKind::kRegex:
      return fmt::format("({} =~ {})", ToString(*c[0]), ToString(*c[1]));
    default:
      return "?";
  }
}

}  // namespace

std::string_view ToString(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "OR";
    case BinaryOp::kXor:
      return "XOR";
    case BinaryOp::kAnd:
      return "AND";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kPow:
      return "^";
  }
  return "?";
}

std::string_view ToString(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "<>";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

std::string ToString(const Expr& e) {
  const auto& c = e.children;
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal.ToString();
    case ExprKind::kParameter:  // $0 is positional; other names quote as variables do
      return "$" +
             (std::all_of(e.name.begin(), e.name.end(), ::isdigit) ? e.name : QuoteName(e.name));
    case ExprKind::kVariable:
      return QuoteName(e.name);
    case ExprKind::kProperty:
      return ToString(*c[0]) + "." + QuoteName(e.name);
    case ExprKind::kIndex:
      return ToString(*c[0]) + "[" + ToString(*c[1]) + "]";
    case ExprKind::kSlice:
      return ToString(*c[0]) + "[" + Opt(c[1]) + ".." + Opt(c[2]) + "]";
    case ExprKind::kLabelPredicate:
      return "(" + ToString(*c[0]) + LabelsText(e.labels) + ")";
    case ExprKind::kFunctionCall:
      return CallText(e);
    case ExprKind::kCountStar:
      return "count(*)";
    case ExprKind::kCase:
      return CaseText(e);
    case ExprKind::kList:
    case ExprKind::kMap:
      return ListOrMapText(e);
    case ExprKind::kListComprehension:
      return ComprehensionText(e);
    case ExprKind::kPatternComprehension:
      return PatternComprehensionText(e);
    case ExprKind::kQuantifier: {
      std::string out = fmt::format("{}({} IN {}", QuantifierText(e.quantifier),
                                    QuoteName(e.variable), ToString(*c[0]));
      if (c[1]) out += " WHERE " + ToString(*c[1]);
      return out + ")";
    }
    case ExprKind::kReduce:
      return fmt::format("reduce({} = {}, {} IN {} | {})", QuoteName(e.accumulator),
                         ToString(*c[0]), QuoteName(e.variable), ToString(*c[1]), ToString(*c[2]));
    case ExprKind::kExists:
      return ExistsText(e);
    case ExprKind::kPatternPredicate:
      return ToString(e.pattern[0]);
    case ExprKind::kMapProjection:
      return MapProjectionText(e);
    default:
      return OperatorText(e);
  }
}

}  // namespace parley::ast
