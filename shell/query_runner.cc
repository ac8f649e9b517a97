#include "shell/query_runner.h"

#include "shell/query_watcher.h"

#include <chrono>

#include "shell/error_report.h"
#include "shell/format/csv_writer.h"
#include "shell/format/json_writer.h"
#include "shell/format/table_writer.h"

namespace parley::shell {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

void PrintResult(const Result& result, double elapsed_ms, const OutputOptions& options,
                 std::ostream& out) {
  const std::optional<double> shown_ms =
      options.timer ? std::optional<double>(elapsed_ms) : std::nullopt;
  switch (options.format) {
    case OutputFormat::kJson:
      out << ResultToJsonLine(result, shown_ms) << '\n';
      break;
    case OutputFormat::kCsv:
      out << ResultToCsv(result);
      break;
    case OutputFormat::kTable:
      out << RenderTable(result, TableOptions{options.max_width, options.max_rows, shown_ms});
      break;
  }
  out.flush();
}

void PrintError(const Error& error, SourcePos pos, std::string_view input, std::string_view source,
                OutputFormat format, std::ostream& err) {
  if (format == OutputFormat::kJson) {
    err << ErrorToJsonLine(error, pos) << '\n';
  } else {
    err << FormatErrorForHumans(error, pos, input, source);
  }
  err.flush();
}

Executed ExecuteStatement(Connection& connection, const Statement& statement,
                          const Params& params) {
  Executed out;
  const auto start = std::chrono::steady_clock::now();
  try {
    out.result = connection.Execute(statement.text, params);
  } catch (const Error& e) {
    out.error = Error(e.kind(), e.detail(), e.what(), statement.ToInputPos(e.pos()));
  } catch (const std::exception& e) {
    out.error = Error(ErrorKind::kRuntimeError, "", e.what());
  }
  const auto end = std::chrono::steady_clock::now();
  out.elapsed_ms = std::chrono::duration<double, std::milli>(end - start).count();
  // The engine's own measure leaves out result hand-over; prefer it when it has one.
  if (out.result && out.result->elapsed_ms() > 0) out.elapsed_ms = out.result->elapsed_ms();
  return out;
}

bool RunScript(Connection& connection, std::string_view input, std::string_view source,
               const Params& params, const OutputOptions& options, std::ostream& out,
               std::ostream& err) {
  const SplitResult split = SplitStatements(input);
  bool first = true;
  for (const Statement& statement : split.statements) {
    if (options.interruptible && DrainSigintPipe()) {
      Error stopped(ErrorKind::kRuntimeError, "QueryCancelled",
                    "interrupted: the statements from here on were not run");
      PrintError(stopped, stopped.pos(), input, source, options.format, err);
      return false;
    }
    Executed run;
    if (options.interruptible) {
      QueryWatcher watcher(connection, /*spinner=*/false);
      run = ExecuteStatement(connection, statement, params);
    } else {
      run = ExecuteStatement(connection, statement, params);
    }
    if (run.error) {
      PrintError(*run.error, run.error->pos(), input, source, options.format, err);
      return false;
    }
    if (!first && options.format != OutputFormat::kJson) out << '\n';
    first = false;
    PrintResult(*run.result, run.elapsed_ms, options, out);
  }
  return true;
}

}  // namespace parley::shell
