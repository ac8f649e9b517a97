#include "parley/value.h"

#include <cmath>

#include <fmt/format.h>

namespace parley {

std::string_view TypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull: return "NULL";
    case ValueType::kBool: return "BOOLEAN";
    case ValueType::kInt: return "INTEGER";
    case ValueType::kFloat: return "FLOAT";
    case ValueType::kString: return "STRING";
    case ValueType::kList: return "LIST";
    case ValueType::kMap: return "MAP";
    case ValueType::kNode: return "NODE";
    case ValueType::kRelationship: return "RELATIONSHIP";
    case ValueType::kPath: return "PATH";
    case ValueType::kDate: return "DATE";
    case ValueType::kLocalTime: return "LOCAL TIME";
    case ValueType::kTime: return "TIME";
    case ValueType::kLocalDateTime: return "LOCAL DATETIME";
    case ValueType::kDateTime: return "DATETIME";
    case ValueType::kDuration: return "DURATION";
  }
  return "ANY";
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_float() && b.is_float()) {
    double x = a.as_float(), y = b.as_float();
    return x == y || (std::isnan(x) && std::isnan(y));
  }
  return a.v_ == b.v_;
}

namespace {

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  std::string s = fmt::format("{}", d);  // shortest representation that round-trips
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string MapToString(const Map& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out += ", ";
    first = false;
    out += k + ": " + v.ToString();
  }
  return out + "}";
}

std::string NodeToString(const Node& n) {
  std::string out = "(";
  for (const auto& l : n.labels) out += ":" + l;
  if (!n.properties.empty()) out += (n.labels.empty() ? "" : " ") + MapToString(n.properties);
  return out + ")";
}

std::string RelToString(const Relationship& r) {
  std::string out = "[:" + r.type;
  if (!r.properties.empty()) out += " " + MapToString(r.properties);
  return out + "]";
}

}  // namespace

std::string Value::ToString() const {
  switch (type()) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return as_bool() ? "true" : "false";
    case ValueType::kInt: return std::to_string(as_int());
    case ValueType::kFloat: return FormatFloat(as_float());
    case ValueType::kString: return QuoteString(as_string());
    case ValueType::kList: {
      std::string out = "[";
      for (std::size_t i = 0; i < as_list().size(); ++i) {
        if (i) out += ", ";
        out += as_list()[i].ToString();
      }
      return out + "]";
    }
    case ValueType::kMap: return MapToString(as_map());
    case ValueType::kNode: return NodeToString(as_node());
    case ValueType::kRelationship: return RelToString(as_relationship());
    case ValueType::kPath: {
      const Path& p = as_path();
      std::string out = "<";
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeToString(p.nodes[i]);
        if (i < p.rels.size()) {
          const Relationship& r = p.rels[i];
          bool forward = r.start == p.nodes[i].id;
          out += forward ? "-" + RelToString(r) + "->" : "<-" + RelToString(r) + "-";
        }
      }
      return out + ">";
    }
    case ValueType::kDate: return QuoteString(parley::ToString(std::get<Date>(v_)));
    case ValueType::kLocalTime: return QuoteString(parley::ToString(std::get<LocalTime>(v_)));
    case ValueType::kTime: return QuoteString(parley::ToString(std::get<Time>(v_)));
    case ValueType::kLocalDateTime:
      return QuoteString(parley::ToString(std::get<LocalDateTime>(v_)));
    case ValueType::kDateTime: return QuoteString(parley::ToString(std::get<DateTime>(v_)));
    case ValueType::kDuration: return QuoteString(parley::ToString(std::get<Duration>(v_)));
  }
  return "?";
}

}  // namespace parley
