// The canonical printer for patterns, clauses, queries and statements.
#include <fmt/format.h>

#include "engine/parser/ast.h"

namespace parley::ast {
namespace {

std::string Name(const std::string& name) {
  // Same quoting rule as for expressions: a variable expression prints its name that way.
  return ToString(*MakeVariable(name));
}

std::string Labels(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) out += ":" + Name(l);
  return out;
}

std::string NodeText(const NodePattern& n) {
  std::string inner = n.variable.empty() ? "" : Name(n.variable);
  inner += Labels(n.labels);
  if (n.properties) inner += (inner.empty() ? "" : " ") + ToString(*n.properties);
  return "(" + inner + ")";
}

std::string RelText(const RelPattern& r) {
  std::string inner = r.variable.empty() ? "" : Name(r.variable);
  for (std::size_t i = 0; i < r.types.size(); ++i) {
    inner += (i == 0 ? ":" : "|") + Name(r.types[i]);
  }
  if (r.var_length) {
    inner += "*";
    const VarLength& v = *r.var_length;
    if (v.min && v.max && *v.min == *v.max) {
      inner += std::to_string(*v.min);
    } else if (v.min || v.max) {
      inner += (v.min ? std::to_string(*v.min) : "") + ".." + (v.max ? std::to_string(*v.max) : "");
    }
  }
  if (r.properties) inner += (inner.empty() ? "" : " ") + ToString(*r.properties);
  std::string body = inner.empty() ? "--" : "-[" + inner + "]-";
  switch (r.direction) {
    case RelDirection::kRight:
      return body + ">";
    case RelDirection::kLeft:
      return "<" + body;
    case RelDirection::kBoth:
      return "<" + body + ">";
    case RelDirection::kNone:
      return body;
  }
  return body;
}

std::string SetItemText(const SetItem& item) {
  switch (item.kind) {
    case SetItem::Kind::kProperty:
      return ToString(*item.target) + " = " + ToString(*item.value);
    case SetItem::Kind::kReplace:
      return Name(item.variable) + " = " + ToString(*item.value);
    case SetItem::Kind::kMerge:
      return Name(item.variable) + " += " + ToString(*item.value);
    case SetItem::Kind::kLabels:
      return Name(item.variable) + Labels(item.labels);
  }
  return "?";
}

std::string SetItemsText(const std::vector<SetItem>& items) {
  std::vector<std::string> parts;
  for (const SetItem& item : items) parts.push_back(SetItemText(item));
  return fmt::to_string(fmt::join(parts, ", "));
}

std::string ProjectionText(const Projection& p) {
  std::vector<std::string> items;
  if (p.star) items.push_back("*");
  for (const ProjectionItem& item : p.items) {
    items.push_back(ToString(*item.expr) + (item.has_alias() ? " AS " + Name(item.alias) : ""));
  }
  std::string out = (p.distinct ? "DISTINCT " : "") + fmt::to_string(fmt::join(items, ", "));
  if (!p.order_by.empty()) {
    std::vector<std::string> sorts;
    for (const SortItem& s : p.order_by) {
      sorts.push_back(ToString(*s.expr) + (s.descending ? " DESC" : ""));
    }
    out += " ORDER BY " + fmt::to_string(fmt::join(sorts, ", "));
  }
  if (p.skip) out += " SKIP " + ToString(*p.skip);
  if (p.limit) out += " LIMIT " + ToString(*p.limit);
  return out;
}

std::string CallText(const CallClause& c) {
  std::string out = "CALL " + c.procedure;
  if (c.has_args) {
    std::vector<std::string> args;
    for (const ExprPtr& a : c.args) args.push_back(ToString(*a));
    out += "(" + fmt::to_string(fmt::join(args, ", ")) + ")";
  }
  if (c.has_yield) {
    std::vector<std::string> items;
    if (c.yield_star) items.push_back("*");
    for (const YieldItem& y : c.yield_items) {
      items.push_back(Name(y.name) + (y.alias.empty() ? "" : " AS " + Name(y.alias)));
    }
    out += " YIELD " + fmt::to_string(fmt::join(items, ", "));
    if (c.where) out += " WHERE " + ToString(*c.where);
  }
  return out;
}

std::string SchemaText(const SchemaCommand& s) {
  using Kind = SchemaCommand::Kind;
  std::vector<std::string> props;
  for (const std::string& p : s.properties) props.push_back(Name(p));
  std::string on = s.label.empty() ? ""
                                   : " ON :" + Name(s.label) + "(" +
                                         fmt::to_string(fmt::join(props, ", ")) + ")";
  std::string name = s.index_name.empty() ? "" : " " + Name(s.index_name);
  switch (s.kind) {
    case Kind::kCreateIndex:
      return "CREATE INDEX" + name + on;
    case Kind::kDropIndex:
      return "DROP INDEX" + name + on;
    case Kind::kShowIndexes:
      return "SHOW INDEXES";
    case Kind::kCreateConstraint:
      for (std::string& p : props) p = "n." + p;
      return "CREATE CONSTRAINT" + name + (s.if_exists ? " IF NOT EXISTS" : "") + " FOR (n:" +
             Name(s.label) + ") REQUIRE (" + fmt::to_string(fmt::join(props, ", ")) +
             ") IS UNIQUE";
    case Kind::kDropConstraint:
      return "DROP CONSTRAINT" + name + (s.if_exists ? " IF EXISTS" : "");
    case Kind::kShowConstraints:
      return "SHOW CONSTRAINTS";
    case Kind::kShowLabels:
      return "SHOW LABELS";
    case Kind::kShowRelationshipTypes:
      return "SHOW RELATIONSHIP TYPES";
    case Kind::kShowPropertyKeys:
      return "SHOW PROPERTY KEYS";
    case Kind::kShowProcedures:
      return "SHOW PROCEDURES";
    case Kind::kShowFunctions:
      return "SHOW FUNCTIONS";
  }
  return "?";
}

}  // namespace

std::string ToString(const PatternPart& p) {
  std::string out;
  if (!p.path_variable.empty()) out = Name(p.path_variable) + " = ";
  std::string chain = NodeText(p.nodes[0]);
  for (std::size_t i = 0; i < p.rels.size(); ++i) {
    chain += RelText(p.rels[i]) + NodeText(p.nodes[i + 1]);
  }
  switch (p.path_kind) {
    case PathKind::kPlain:
      return out + chain;
    case PathKind::kShortestPath:
      return out + "shortestPath(" + chain + ")";
    case PathKind::kAllShortestPaths:
      return out + "allShortestPaths(" + chain + ")";
  }
  return out + chain;
}

std::string ToString(const Pattern& p) {
  std::vector<std::string> parts;
  for (const PatternPart& part : p) parts.push_back(ToString(part));
  return fmt::to_string(fmt::join(parts, ", "));
}

std::string ToString(const Clause& c) {
  std::string name = ClauseName(c);
  switch (KindOf(c)) {
    case ClauseKind::kMatch: {
      const auto& m = std::get<MatchClause>(c);
      return name + " " + ToString(m.pattern) + (m.where ? " WHERE " + ToString(*m.where) : "");
    }
    case ClauseKind::kUnwind: {
      const auto& u = std::get<UnwindClause>(c);
      return "UNWIND " + ToString(*u.list) + " AS " + Name(u.variable);
    }
    case ClauseKind::kWith: {
      const auto& w = std::get<WithClause>(c);
      return "WITH " + ProjectionText(w.projection) +
             (w.where ? " WHERE " + ToString(*w.where) : "");
    }
    case ClauseKind::kReturn:
      return "RETURN " + ProjectionText(std::get<ReturnClause>(c).projection);
    case ClauseKind::kCreate:
      return "CREATE " + ToString(std::get<CreateClause>(c).pattern);
    case ClauseKind::kMerge: {
      const auto& m = std::get<MergeClause>(c);
      std::string out = "MERGE " + ToString(m.pattern);
      if (!m.on_create.empty()) out += " ON CREATE SET " + SetItemsText(m.on_create);
      if (!m.on_match.empty()) out += " ON MATCH SET " + SetItemsText(m.on_match);
      return out;
    }
    case ClauseKind::kSet:
      return "SET " + SetItemsText(std::get<SetClause>(c).items);
    case ClauseKind::kRemove: {
      std::vector<std::string> items;
      for (const RemoveItem& item : std::get<RemoveClause>(c).items) {
        items.push_back(item.kind == RemoveItem::Kind::kLabels
                            ? Name(item.variable) + Labels(item.labels)
                            : ToString(*item.target));
      }
      return "REMOVE " + fmt::to_string(fmt::join(items, ", "));
    }
    case ClauseKind::kDelete: {
      std::vector<std::string> items;
      for (const ExprPtr& e : std::get<DeleteClause>(c).exprs) items.push_back(ToString(*e));
      return name + " " + fmt::to_string(fmt::join(items, ", "));
    }
    case ClauseKind::kCall:
      return CallText(std::get<CallClause>(c));
  }
  return name;
}

std::string ToString(const Query& q) {
  std::string out;
  for (std::size_t i = 0; i < q.parts.size(); ++i) {
    if (i > 0) out += q.union_all[i - 1] ? " UNION ALL " : " UNION ";
    std::vector<std::string> clauses;
    for (const Clause& c : q.parts[i].clauses) clauses.push_back(ToString(c));
    out += fmt::to_string(fmt::join(clauses, " "));
  }
  return out;
}

std::string ToString(const Statement& s) {
  std::string prefix = s.explain == ExplainMode::kExplain   ? "EXPLAIN "
                       : s.explain == ExplainMode::kProfile ? "PROFILE "
                                                            : "";
  return prefix + (s.is_query() ? ToString(s.query()) : SchemaText(s.schema()));
}

}  // namespace parley::ast
