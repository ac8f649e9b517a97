// `parley export [--db DIR] --format dot|graphml|json [--out FILE] [QUERY]` and
// `parley render [--db DIR] --out FILE.svg|png|pdf [QUERY]`: the subgraph a query's result
// mentions (paths expanded, relationship ends included), or the whole graph without a
// query, written as a graph file or drawn with Graphviz.
#ifndef PARLEY_SHELL_EXPORT_COMMAND_H_
#define PARLEY_SHELL_EXPORT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace parley::shell {

// Adds both subcommands; see query_command.h for `run`.
void AddExportCommands(CLI::App& app, std::function<int()>* run);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_EXPORT_COMMAND_H_
