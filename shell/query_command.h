// `parley query [--db DIR] [--format table|json|csv] [--param NAME=JSON]... [--timer]
//               [-f FILE | QUERY]` (INTERFACES.md sections 1 and 2).
#ifndef PARLEY_SHELL_QUERY_COMMAND_H_
#define PARLEY_SHELL_QUERY_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace parley::shell {

// Adds the subcommand to `app`. After a successful parse, when the subcommand was chosen,
// `*run` is set to a function that runs it and returns the exit status.
void AddQueryCommand(CLI::App& app, std::function<int()>* run);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_QUERY_COMMAND_H_
