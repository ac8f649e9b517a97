// Runs scripts of statements on a Connection and prints each result in the chosen
// format: what `parley query` and the shell's scripted mode share.
#ifndef PARLEY_SHELL_QUERY_RUNNER_H_
#define PARLEY_SHELL_QUERY_RUNNER_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "parley/connection.h"
#include "parley/error.h"
#include "parley/result.h"
#include "shell/statement_splitter.h"

namespace parley::shell {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json", "csv"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct OutputOptions {
  OutputFormat format = OutputFormat::kTable;
  bool timer = false;         // print the time each statement took
  std::size_t max_rows = 0;   // table format only; 0: all rows
  std::size_t max_width = 0;  // table format only; 0: no limit
  // RunScript: Ctrl-C (InstallSigintPipe) cancels the running statement, and one pressed
  // between statements stops the script.
  bool interruptible = false;
};

// Writes `result` to `out` in `options.format` (JSON: one line; table and CSV: a block).
void PrintResult(const Result& result, double elapsed_ms, const OutputOptions& options,
                 std::ostream& out);

// Writes `error` to `err`: the JSON error line for the JSON format, otherwise the
// human-readable report with a caret. `pos` is already relative to `input`.
void PrintError(const Error& error, SourcePos pos, std::string_view input, std::string_view source,
                OutputFormat format, std::ostream& err);

// Runs `statement` and measures it. Any exception becomes a parley::Error (a foreign one as
// a RuntimeError), positioned in the whole input through the statement's start.
struct Executed {
  std::optional<Result> result;  // set on success
  std::optional<Error> error;    // set on failure, positioned in the whole input
  double elapsed_ms = 0;
};
// With a `sink`, rows go to it as they are produced (Connection::Execute with a sink).
Executed ExecuteStatement(Connection& connection, const Statement& statement, const Params& params,
                          RowSink* sink = nullptr);

// Runs each statement of `input` in order, printing results to `out`; at the first
// failure prints the error to `err` and stops. `source` names the input in messages ("" for
// the command line). Returns true when every statement succeeded.
bool RunScript(Connection& connection, std::string_view input, std::string_view source,
               const Params& params, const OutputOptions& options, std::ostream& out,
               std::ostream& err);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_QUERY_RUNNER_H_
