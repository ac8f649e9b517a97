// Exporting and drawing subgraphs: what `parley export`, `parley render` and the shell's
// `:export` share.
#ifndef PARLEY_SHELL_GRAPH_EXPORT_H_
#define PARLEY_SHELL_GRAPH_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>

#include "parley/connection.h"
#include "parley/result.h"
#include "shell/format/graph_writers.h"
#include "shell/format/subgraph.h"

namespace parley::shell {

// The subgraph `result` mentions, plus the end nodes of its relationships (fetched
// through `connection`); the whole graph when `result` is null. Throws parley::Error.
Subgraph CollectSubgraph(Connection& connection, const Result* result);

// Graphviz output formats `dot -T` is asked for, by file extension: "svg", "png", "pdf".
// nullopt for extensions Graphviz is not needed for.
std::optional<std::string> RenderFormatFor(std::string_view path);

// The graph format for a file extension: .dot/.gv, .graphml/.xml, .json.
std::optional<GraphFormat> GraphFormatFor(std::string_view path);

// Draws `dot_text` with Graphviz `dot -T<format>` into `out_path`. Throws parley::Error
// (RuntimeError) when dot cannot be run or fails (it prints why on standard error), and
// (ArgumentError) "cannot write PATH: <reason>" when `out_path` cannot be written; a
// failed drawing leaves `out_path` as it was.
void RenderDot(const std::string& dot_text, const std::string& format, const std::string& out_path);

// Writes `graph` to `path` in the format its extension names (a drawing for .svg, .png,
// .pdf). Throws parley::Error (ArgumentError) for an unknown extension, or for a file that
// cannot be written naming the OS's reason.
void ExportGraphToFile(const Subgraph& graph, const std::string& path);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_GRAPH_EXPORT_H_
