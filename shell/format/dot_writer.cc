// DOT output. Colours come from a fixed palette indexed by a hash of the label, so a
// label keeps its colour from one drawing to the next.
#include <fmt/format.h>

#include <functional>

#include "shell/format/graph_writers.h"

namespace parley::shell {
namespace {

constexpr const char* kPalette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072",
                                    "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
                                    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};

std::string DotString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string ColourOf(const Node& n) {
  if (n.labels.empty()) return "#ffffff";
  std::size_t h = std::hash<std::string>{}(n.labels.front());
  return kPalette[h % (sizeof kPalette / sizeof kPalette[0])];
}

std::string DisplayName(const Node& n) {
  for (const char* key : {"name", "title", "id"}) {
    auto it = n.properties.find(key);
    if (it != n.properties.end()) {
      return it->second.is_string() ? it->second.as_string() : it->second.ToString();
    }
  }
  return fmt::format("#{}", n.id);
}

}  // namespace

std::string WriteDot(const Subgraph& graph) {
  std::string out =
      "digraph parley {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const auto& [id, n] : graph.nodes) {
    std::string labels;
    for (const auto& l : n.labels) labels += ":" + l;
    std::string text = labels.empty() ? DisplayName(n) : labels + "\n" + DisplayName(n);
    out += fmt::format("  n{} [label={}, fillcolor={}];\n", id, DotString(text),
                       DotString(ColourOf(n)));
  }
  for (const auto& [id, r] : graph.rels) {
    out += fmt::format("  n{} -> n{} [label={}];\n", r.start, r.end, DotString(r.type));
  }
  out += "}\n";
  return out;
}

std::optional<GraphFormat> ParseGraphFormat(std::string_view name) {
  if (name == "dot") return GraphFormat::kDot;
  if (name == "graphml") return GraphFormat::kGraphml;
  if (name == "json") return GraphFormat::kJson;
  return std::nullopt;
}

std::string WriteGraph(const Subgraph& graph, GraphFormat format) {
  switch (format) {
    case GraphFormat::kDot:
      return WriteDot(graph);
    case GraphFormat::kGraphml:
      return WriteGraphml(graph);
    case GraphFormat::kJson:
      return WriteGraphJson(graph);
  }
  return {};
}

}  // namespace parley::shell
