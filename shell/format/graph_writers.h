// Writers for a Subgraph: Graphviz DOT, GraphML and JSON.
//
// DOT: one node per graph node, labelled with its labels and a display name (the `name`,
// `title` or `id` property when present), filled with a colour chosen by its first label;
// one edge per relationship, labelled with its type. GraphML: keys declared for every
// property name (typed int, double, boolean or string; lists and other values as their
// Cypher text), `labels` and `type` as data. JSON: {"nodes":[…],"relationships":[…]} with
// the same encodings as `--format json`.
#ifndef PARLEY_SHELL_FORMAT_GRAPH_WRITERS_H_
#define PARLEY_SHELL_FORMAT_GRAPH_WRITERS_H_

#include <optional>
#include <string>
#include <string_view>

#include "shell/format/subgraph.h"

namespace parley::shell {

enum class GraphFormat { kDot, kGraphml, kJson };

// "dot", "graphml", "json"; nullopt otherwise.
std::optional<GraphFormat> ParseGraphFormat(std::string_view name);

std::string WriteDot(const Subgraph& graph);
std::string WriteGraphml(const Subgraph& graph);
std::string WriteGraphJson(const Subgraph& graph);
std::string WriteGraph(const Subgraph& graph, GraphFormat format);

// `text` escaped for XML character data and attribute values.
std::string XmlEscape(std::string_view text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_GRAPH_WRITERS_H_
