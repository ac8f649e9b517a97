// EXPLAIN text: one line per operator, children indented.
#include <fmt/format.h>

#include "engine/planner/planner.h"

namespace parley::planner {

namespace {

std::string Name(const bound::Query& q, bound::Slot s) {
  if (s < 0 || s >= static_cast<int>(q.slot_names.size())) return "?";
  const std::string& n = q.slot_names[s];
  return n.starts_with("  ") ? fmt::format("anon_{}", s) : n;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

const char* CompareText(std::uint8_t op) {
  static const char* kOps[] = {"=", "<>", "<", "<=", ">", ">="};
  return kOps[op];
}
const char* ArithText(std::uint8_t op) {
  static const char* kOps[] = {"+", "-", "*", "/", "%", "^"};
  return kOps[op];
}

}  // namespace

std::string ExprToString(const bound::Expr& e, const bound::Query& q) {
  using bound::ExprKind;
  auto arg = [&](std::size_t i) {
    return e.args.size() > i && e.args[i] ? ExprToString(*e.args[i], q) : std::string("null");
  };
  switch (e.kind) {
    case ExprKind::kLiteral: return e.value.ToString();
    case ExprKind::kParameter: return "$" + e.name;
    case ExprKind::kVariable: return Name(q, e.slot);
    case ExprKind::kProperty: return arg(0) + "." + e.prop.name;
    case ExprKind::kNot: return "NOT " + arg(0);
    case ExprKind::kAnd: return "(" + arg(0) + " AND " + arg(1) + ")";
    case ExprKind::kOr: return "(" + arg(0) + " OR " + arg(1) + ")";
    case ExprKind::kXor: return "(" + arg(0) + " XOR " + arg(1) + ")";
    case ExprKind::kCompare: return arg(0) + " " + CompareText(e.op) + " " + arg(1);
    case ExprKind::kArith: return "(" + arg(0) + " " + ArithText(e.op) + " " + arg(1) + ")";
    case ExprKind::kNegate: return "-" + arg(0);
    case ExprKind::kIsNull: return arg(0) + " IS NULL";
    case ExprKind::kIsNotNull: return arg(0) + " IS NOT NULL";
    case ExprKind::kIn: return arg(0) + " IN " + arg(1);
    case ExprKind::kStartsWith: return arg(0) + " STARTS WITH " + arg(1);
    case ExprKind::kEndsWith: return arg(0) + " ENDS WITH " + arg(1);
    case ExprKind::kContains: return arg(0) + " CONTAINS " + arg(1);
    case ExprKind::kRegex: return arg(0) + " =~ " + arg(1);
    case ExprKind::kIndex: return arg(0) + "[" + arg(1) + "]";
    case ExprKind::kHasLabels: {
      std::string s = arg(0);
      for (const auto& l : e.labels) s += ":" + l.name;
      return s;
    }
    case ExprKind::kFunction:
    case ExprKind::kGraphFunction: {
      std::vector<std::string> args;
      for (std::size_t i = 0; i < e.args.size(); ++i) args.push_back(arg(i));
      return e.name + "(" + Join(args, ", ") + ")";
    }
    case ExprKind::kList: {
      std::vector<std::string> args;
      for (std::size_t i = 0; i < e.args.size(); ++i) args.push_back(arg(i));
      return "[" + Join(args, ", ") + "]";
    }
    case ExprKind::kSubquery: return fmt::format("subquery#{}", e.subquery);
    default: return "<expr>";
  }
}

}  // namespace parley::planner

namespace parley::logical {

std::string OpName(OpKind kind) {
  static const char* kNames[] = {
      "Argument", "AllNodesScan", "NodeByLabelScan", "NodeIndexSeek", "NodeCheck", "Expand",
      "VarLengthExpand", "ShortestPath", "Filter", "Projection", "Aggregation", "Distinct",
      "Sort", "Skip", "Limit", "Unwind", "Optional", "Union", "Create", "Merge", "SetProperty",
      "Remove", "Delete", "ProcedureCall", "Eager", "ProjectPath", "HashJoin", "ExpandCount",
      "DistinctReach"};
  return kNames[static_cast<int>(kind)];
}

std::string Describe(const Op& op, const bound::Query& q) {
  using planner::ExprToString;
  auto name = [&](bound::Slot s) { return planner::ExprToString(*bound::MakeVariable(s), q); };
  auto types = [&]() {
    std::vector<std::string> t;
    for (const auto& x : op.types) t.push_back(x.name);
    return t.empty() ? std::string() : ":" + [&] {
      std::string s;
      for (std::size_t i = 0; i < t.size(); ++i) s += (i ? "|" : "") + t[i];
      return s;
    }();
  };
  std::string s = OpName(op.kind);
  switch (op.kind) {
    case OpKind::kAllNodesScan: return s + " " + name(op.node);
    case OpKind::kLabelScan: return s + " " + name(op.node) + ":" + op.labels[0].name;
    case OpKind::kIndexSeek: {
      std::string cond = op.expr ? (op.in_list ? " IN " : " = ") + ExprToString(*op.expr, q)
                                 : " in range";
      return s + " " + name(op.node) + ":" + op.labels[0].name + "(" + op.key.name + ")" + cond;
    }
    case OpKind::kExpand:
    case OpKind::kVarExpand:
    case OpKind::kShortestPath: {
      std::string hops;
      if (op.kind != OpKind::kExpand) {
        hops = fmt::format("*{}..{}", op.min_hops, op.max_hops < 0 ? std::string()
                                                                    : std::to_string(op.max_hops));
      }
      std::string l = op.direction == Direction::kIn ? "<-" : "-";
      std::string r = op.direction == Direction::kOut ? "->" : "-";
      std::string target = name(op.target);
      for (const auto& t : op.target_labels) target += ":" + t.name;
      return s + (op.into ? "(Into)" : "(All)") + " (" + name(op.node) + ")" + l + "[" +
             name(op.rel) + types() + hops + "]" + r + "(" + target + ")";
    }
    case OpKind::kReachDistinct: {
      // (a)-[:KNOWS]->()-[:KNOWS*1..2]->(d:Person)
      // Counting: one row, the number of ends.
      std::string out = s + (op.distinct ? "(Count)" : "") + " (" + name(op.node) + ")";
      for (std::size_t i = 0; i < op.hops.size(); ++i) {
        const logical::Hop& hop = op.hops[i];
        std::vector<std::string> t;
        for (const auto& x : hop.types) t.push_back(x.name);
        std::string range;
        if (hop.min_hops != 1 || hop.max_hops != 1) {
          range = fmt::format("*{}..{}", hop.min_hops,
                              hop.max_hops < 0 ? std::string() : std::to_string(hop.max_hops));
        }
        std::string far = i + 1 == op.hops.size() ? name(op.target) : std::string();
        for (const auto& l : hop.target_labels) far += ":" + l.name;
        out += (hop.direction == Direction::kIn ? "<-[" : "-[") +
               (t.empty() ? std::string() : ":" + planner::Join(t, "|")) + range +
               (hop.direction == Direction::kOut ? "]->(" : "]-(") + far + ")";
      }
      return out;
    }
    case OpKind::kFilter: {
      std::string out = s + " " + ExprToString(*op.expr, q);
      for (const bound::Expr* e : op.more_conjuncts) out += " AND " + ExprToString(*e, q);
      return out;
    }
    case OpKind::kNodeCheck: return s + " " + ExprToString(*op.expr, q);
    case OpKind::kProjection: {
      std::string out;
      for (std::size_t i = 0; i < op.items.size(); ++i) {
        out += (i ? ", " : " ") + ExprToString(*op.items[i]->expr, q) + " AS " +
               op.items[i]->name;
      }
      return s + out;
    }
    case OpKind::kAggregate: {
      std::string out = " keys: [";
      for (std::size_t i = 0; i < op.projection->group_keys.size(); ++i) {
        out += (i ? ", " : "") + op.projection->group_keys[i].name;
      }
      out += "] aggregates: [";
      for (std::size_t i = 0; i < op.projection->aggregates.size(); ++i) {
        out += (i ? ", " : "") + name(op.projection->aggregates[i].slot);
      }
      return s + out + "]";
    }
    case OpKind::kSort: {
      std::string out;
      for (std::size_t i = 0; i < op.sort_items->size(); ++i) {
        const auto& item = (*op.sort_items)[i];
        out += (i ? ", " : " ") + ExprToString(*item.expr, q) + (item.descending ? " DESC" : "");
      }
      return (op.expr ? "Top" : s) + out;
    }
    case OpKind::kSkip:
    case OpKind::kLimit: return s + " " + ExprToString(*op.expr, q);
    case OpKind::kUnwind: return s + " " + ExprToString(*op.expr, q) + " AS " + name(op.slot);
    case OpKind::kProjectPath: return s + " " + name(op.slot);
    case OpKind::kHashJoin: {
      std::vector<std::string> keys;
      for (bound::Slot k : op.keys) keys.push_back(name(k));
      return s + " keys: [" + planner::Join(keys, ", ") + "]";
    }
    case OpKind::kCall: return s + " " + op.call->procedure;
    default: return s;
  }
}

std::string EstimateText(double rows) {
  if (rows < 0) return "";
  if (rows >= 10) return fmt::format("{:.0f}", rows);
  return fmt::format("{:.2g}", rows);
}

std::vector<std::string> ExplainLines(const Plan& plan, bool estimates,
                                      std::vector<const Op*>* ops) {
  std::vector<std::string> lines;
  std::function<void(const Op&, int)> walk = [&](const Op& op, int depth) {
    std::string line = std::string(depth * 2, ' ') + Describe(op, *plan.query);
    if (estimates && op.est_rows >= 0) {
      line += "  (estimated rows: " + EstimateText(op.est_rows) + ")";
    }
    lines.push_back(std::move(line));
    if (ops != nullptr) ops->push_back(&op);
    for (const auto& c : op.children) walk(*c, depth + 1);
  };
  walk(*plan.root, 0);
  for (std::size_t i = 0; i < plan.subplans.size(); ++i) {
    if (!plan.subplans[i]) continue;
    lines.push_back(fmt::format("subquery#{} (run per use)", i));
    if (ops != nullptr) ops->push_back(nullptr);
    walk(*plan.subplans[i], 1);
  }
  return lines;
}

}  // namespace parley::logical
