#include "shell/query_runner.h"

#include <chrono>
#include <optional>

#include "shell/error_report.h"
#include "shell/format/csv_writer.h"
#include "shell/format/json_writer.h"
#include "shell/format/table_writer.h"
#include "shell/query_watcher.h"

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
                          const Params& params, RowSink* sink) {
  Executed out;
  const auto start = std::chrono::steady_clock::now();
  try {
    out.result = sink ? connection.Execute(statement.text, params, *sink)
                      : connection.Execute(statement.text, params);
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

namespace {

// Prints one statement's result while the statement runs. The first kHeldRows rows are
// held: a small result prints exactly as a whole one would, and a statement that fails
// early prints nothing but its error. Past them rows print as they come, so a result of
// any size passes through in bounded memory (a table then prints page by page, each page
// with its own column widths, and one footer at the end).
class StreamingPrinter final : public RowSink {
 public:
  static constexpr std::size_t kHeldRows = 1000;

  StreamingPrinter(const OutputOptions& options, std::ostream& out, bool separate)
      : options_(options), out_(out), separate_(separate) {}

  void OnColumns(const std::vector<std::string>& columns) override { columns_ = columns; }
  void OnRow(std::vector<Value>&& row) override {
    held_.push_back(std::move(row));
    ++rows_;
    if (held_.size() >= kHeldRows) PrintHeld();
  }

  // After success: the whole result if it was all held, else the rest and the end.
  void Finish(const Result& result, double elapsed_ms) {
    if (!streaming_) {
      Result whole(result.columns(), std::move(held_), result.stats());
      whole.set_plan(result.plan());
      if (separate_) out_ << '\n';
      PrintResult(whole, elapsed_ms, options_, out_);
      return;
    }
    PrintHeld();
    std::optional<double> shown_ms =
        options_.timer ? std::optional<double>(elapsed_ms) : std::nullopt;
    switch (options_.format) {
      case OutputFormat::kJson:
        out_ << JsonLineTail(result.stats(), shown_ms, result.plan()) << '\n';
        break;
      case OutputFormat::kCsv: break;
      case OutputFormat::kTable:
        out_ << TableFooter(rows_, rows_, result.stats(), shown_ms);
        break;
    }
    out_.flush();
  }

  // After a failure: a JSON line already begun is closed, so that every line printed
  // stays valid JSON; the error goes to standard error as usual.
  void Abort() {
    if (streaming_ && options_.format == OutputFormat::kJson) {
      out_ << JsonLineTail(QueryStats{}, std::nullopt, "") << '\n';
      out_.flush();
    }
  }

 private:
  void PrintHeld() {
    if (!streaming_) {
      streaming_ = true;
      if (separate_) out_ << '\n';
      if (options_.format == OutputFormat::kJson) out_ << JsonLineHead(columns_);
      if (options_.format == OutputFormat::kCsv) out_ << ResultToCsv(Result(columns_, {}, {}));
    }
    if (held_.empty()) return;
    switch (options_.format) {
      case OutputFormat::kJson: {
        std::string text;
        for (const auto& row : held_) {
          AppendJsonRow(row, first_json_row_, text);
          first_json_row_ = false;
        }
        out_ << text;
        break;
      }
      case OutputFormat::kCsv: {
        std::string header = ResultToCsv(Result(columns_, {}, {}));
        out_ << ResultToCsv(Result(columns_, std::move(held_), {})).substr(header.size());
        break;
      }
      case OutputFormat::kTable: {
        TableOptions page{options_.max_width, 0, std::nullopt};
        page.footer = false;
        out_ << RenderTable(Result(columns_, std::move(held_), {}), page);
        break;
      }
    }
    held_.clear();
    out_.flush();
  }

  const OutputOptions& options_;
  std::ostream& out_;
  const bool separate_;  // a blank line before the result
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> held_;
  std::size_t rows_ = 0;
  bool streaming_ = false;
  bool first_json_row_ = true;
};

}  // namespace

bool RunScript(Connection& connection, std::string_view input, std::string_view source,
               const Params& params, const OutputOptions& options, std::ostream& out,
               std::ostream& err) {
  const SplitResult split = SplitStatements(input);
  bool first = true;
  // One watcher for the whole script: a thread per statement would cost each short
  // statement more than its own work. A Ctrl-C between statements stops the script.
  std::optional<QueryWatcher> watcher;
  if (options.interruptible) watcher.emplace(connection, /*spinner=*/false);
  for (const Statement& statement : split.statements) {
    if (options.interruptible && (DrainSigintPipe() || watcher->interrupted())) {
      Error stopped(ErrorKind::kRuntimeError, "QueryCancelled",
                    "interrupted: the statements from here on were not run");
      PrintError(stopped, stopped.pos(), input, source, options.format, err);
      return false;
    }
    Executed run;
    // Table rows past a limit are not shown: the table is printed whole, as before.
    bool stream = !(options.format == OutputFormat::kTable && options.max_rows != 0);
    StreamingPrinter printer(options, out, !first && options.format != OutputFormat::kJson);
    RowSink* sink = stream ? &printer : nullptr;
    run = ExecuteStatement(connection, statement, params, sink);
    if (run.error) {
      printer.Abort();
      PrintError(*run.error, run.error->pos(), input, source, options.format, err);
      return false;
    }
    if (stream) {
      printer.Finish(*run.result, run.elapsed_ms);
    } else {
      if (!first && options.format != OutputFormat::kJson) out << '\n';
      PrintResult(*run.result, run.elapsed_ms, options, out);
    }
    first = false;
  }
  return true;
}

}  // namespace parley::shell
