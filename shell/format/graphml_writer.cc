// GraphML output (http://graphml.graphdrawing.org/). Each property name gets one <key>
// per domain (node, edge); its attr.type is the type all its values share, else string.
#include <fmt/format.h>

#include <map>
#include <set>

#include "shell/format/graph_writers.h"
#include "shell/format/value_json.h"

namespace parley::shell {
namespace {

const char* GraphmlType(const Value& v) {
  switch (v.type()) {
    case ValueType::kInt:
      return "long";
    case ValueType::kFloat:
      return "double";
    case ValueType::kBool:
      return "boolean";
    default:
      return "string";
  }
}

std::string GraphmlText(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_float()) return FormatJsonFloat(v.as_float());
  return v.ToString();
}

// Property name -> GraphML type, for one domain.
using KeyTypes = std::map<std::string, std::string>;

void NoteKeys(const Map& props, KeyTypes& keys) {
  for (const auto& [name, v] : props) {
    if (v.is_null()) continue;
    auto [it, inserted] = keys.emplace(name, GraphmlType(v));
    if (!inserted && it->second != GraphmlType(v)) it->second = "string";
  }
}

std::string KeyId(std::string_view domain, std::string_view name) {
  return fmt::format("{}_{}", domain, name);
}

void AppendKeys(std::string_view domain, const KeyTypes& keys, std::string& out) {
  for (const auto& [name, type] : keys) {
    out += fmt::format("  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n",
                       XmlEscape(KeyId(domain, name)), domain, XmlEscape(name), type);
  }
}

void AppendData(std::string_view domain, const Map& props, std::string& out) {
  for (const auto& [name, v] : props) {
    if (v.is_null()) continue;
    out += fmt::format("      <data key=\"{}\">{}</data>\n", XmlEscape(KeyId(domain, name)),
                       XmlEscape(GraphmlText(v)));
  }
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters even escaped; drop them.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
          out += c;
        }
    }
  }
  return out;
}

std::string WriteGraphml(const Subgraph& graph) {
  KeyTypes node_keys, edge_keys;
  for (const auto& [id, n] : graph.nodes) NoteKeys(n.properties, node_keys);
  for (const auto& [id, r] : graph.rels) NoteKeys(r.properties, edge_keys);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n";
  AppendKeys("node", node_keys, out);
  AppendKeys("edge", edge_keys, out);
  out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  for (const auto& [id, n] : graph.nodes) {
    std::string labels;
    for (const auto& l : n.labels) labels += ":" + l;
    out += fmt::format("    <node id=\"n{}\">\n      <data key=\"labels\">{}</data>\n", id,
                       XmlEscape(labels));
    AppendData("node", n.properties, out);
    out += "    </node>\n";
  }
  for (const auto& [id, r] : graph.rels) {
    out += fmt::format(
        "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">\n"
        "      <data key=\"type\">{}</data>\n",
        id, r.start, r.end, XmlEscape(r.type));
    AppendData("edge", r.properties, out);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

// The inside of a tagged encoding: {"$node":X} -> X.
void AppendUntagged(const Value& v, std::string& out) {
  std::string tagged = ValueToJson(v);
  const std::size_t colon = tagged.find(':');
  out.append(tagged, colon + 1, tagged.size() - colon - 2);
}

std::string WriteGraphJson(const Subgraph& graph) {
  std::string out = "{\"nodes\":[";
  bool first = true;
  for (const auto& [id, n] : graph.nodes) {
    if (!first) out += ',';
    first = false;
    AppendUntagged(Value(n), out);
  }
  out += "],\"relationships\":[";
  first = true;
  for (const auto& [id, r] : graph.rels) {
    if (!first) out += ',';
    first = false;
    AppendUntagged(Value(r), out);
  }
  out += "]}\n";
  return out;
}

}  // namespace parley::shell
