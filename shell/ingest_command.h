// `parley ingest [--db DIR] [--lexicon PATH]... PATH...`: reads news articles (.txt files or
// directories of them) and stores what they say as a graph (INTERFACES.md sections 1 and 5).
#ifndef PARLEY_SHELL_INGEST_COMMAND_H_
#define PARLEY_SHELL_INGEST_COMMAND_H_

#include <CLI/CLI.hpp>

namespace parley::shell {

// Registers the `ingest` subcommand on `app`; it runs when parsed. Its exit status: 0 when
// every article loaded, 1 when something was skipped or a data error occurred (reported on
// stderr), 2 for a usage error (thrown as UsageError / CLI::ParseError, which main reports).
void AddIngestCommand(CLI::App& app);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_INGEST_COMMAND_H_
