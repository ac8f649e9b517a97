// `parley import [--db DIR] --nodes[=Label[:Label2]] FILE.csv ...
//                --relationships[=TYPE] FILE.csv ... [--id-type=string|integer]
//                [--skip-bad-rows] [--delimiter=C]`
// Bulk loading in the CSV format of `neo4j-admin database import` (INTERFACES.md
// section 4), through parley::ImportCsv. Shows progress on stderr on long loads and a
// summary at the end; bad rows are reported with file, line and reason.
#ifndef PARLEY_SHELL_IMPORT_COMMAND_H_
#define PARLEY_SHELL_IMPORT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "parley/import.h"

namespace parley::shell {

struct ImportSpec {
  std::string db;
  ImportOptions options;
  bool help = false;
};

// Parses the arguments after `import`. Accepted spellings of a file option:
// `--nodes FILE`, `--nodes=A:B FILE`, `--nodes=A:B=FILE`, `--nodes=FILE` (a value ending in
// .csv or naming an existing file); the same for `--relationships` with a type. Throws
// UsageError for anything else, and when no file is given.
ImportSpec ParseImportArgs(const std::vector<std::string>& args);

// Adds the subcommand; see query_command.h for `run`.
void AddImportCommand(CLI::App& app, std::function<int()>* run);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_IMPORT_COMMAND_H_
