// `parley shell [--db DIR]` (INTERFACES.md section 3): the interactive REPL on a terminal
// (GNU readline: line editing, history in ~/.parley_history, tab completion; Ctrl-C
// cancels a running query or clears the line; Ctrl-D or :quit leaves), or, when standard
// input is not a terminal, a scripted run that exits 0 if every statement succeeded.
#ifndef PARLEY_SHELL_REPL_H_
#define PARLEY_SHELL_REPL_H_

#include <CLI/CLI.hpp>
#include <functional>

#include "parley/connection.h"

namespace parley::shell {

// Runs the interactive REPL on the terminal. Returns the exit status.
int RunInteractiveShell(Connection& connection, const std::string& db_path);

// Reads statements and commands from standard input, printing results. Returns 0 when all
// succeeded, else 1.
int RunScriptedShell(Connection& connection);

// Adds the `shell` subcommand; see query_command.h for `run`.
void AddShellCommand(CLI::App& app, std::function<int()>* run);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_REPL_H_
