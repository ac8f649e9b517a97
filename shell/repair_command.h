// `parley repair [--db DIR]`: rebuilds a damaged database from the store files that
// remain (parley::Database::Repair), then opens it and prints what it holds. Opening
// never repairs; this is the explicit way out of "DatabaseCorrupted".
#ifndef PARLEY_SHELL_REPAIR_COMMAND_H_
#define PARLEY_SHELL_REPAIR_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace parley::shell {

// Adds the subcommand to `app`; sets `*run` when it is chosen (as AddQueryCommand).
void AddRepairCommand(CLI::App& app, std::function<int()>* run);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_REPAIR_COMMAND_H_
