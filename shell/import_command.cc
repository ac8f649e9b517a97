#include "shell/import_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "parley/error.h"
#include "shell/cli_common.h"
#include "shell/error_report.h"

namespace parley::shell {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kUsage =
    "Usage: parley import [--db DIR] --nodes[=Label[:Label2]] FILE.csv ...\n"
    "                     --relationships[=TYPE] FILE.csv ... [--id-type=string|integer]\n"
    "                     [--skip-bad-rows] [--delimiter=C]\n"
    "Bulk load CSV files in the neo4j-admin import format; all or nothing unless\n"
    "--skip-bad-rows.\n";

// Progress on stderr: after a second, on a terminal redrawn in place, else a line every
// five seconds.
class ProgressLine {
 public:
  ProgressLine() : tty_(isatty(STDERR_FILENO) != 0) {}
  void Update(const ImportProgress& p) {
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - start_).count();
    if (seconds < 1.0 ||
        now - last_ < (tty_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000))) {
      return;
    }
    last_ = now;
    const double percent = p.bytes_total ? 100.0 * p.bytes_done / p.bytes_total : 0.0;
    std::cerr << fmt::format("{}importing: {} rows, {:.0f}%, {:.0f} rows/s{}", tty_ ? "\r" : "",
                             p.rows_done, percent, p.rows_done / seconds, tty_ ? "\033[K" : "\n");
    drawn_ = true;
  }
  void Clear() {
    if (drawn_ && tty_) std::cerr << "\r\033[K";
  }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  const bool tty_;
  const Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
  bool drawn_ = false;
};

int RunImport(const std::vector<std::string>& args) {
  ImportSpec spec = ParseImportArgs(args);
  if (spec.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  ProgressLine progress;
  spec.options.progress = [&progress](const ImportProgress& p) { progress.Update(p); };
  try {
    std::unique_ptr<Database> db = OpenDatabase(spec.db);
    ImportReport report = ImportCsv(*db, spec.options);
    progress.Clear();
    for (const SkippedRow& row : report.skipped) {
      std::cerr << fmt::format("skipped {}:{}: {}\n", row.file, row.line, row.reason);
    }
    const double seconds = progress.seconds();
    std::cout << fmt::format("Imported {} nodes and {} relationships in {:.2f} s",
                             report.nodes_imported, report.relationships_imported, seconds);
    if (!report.skipped.empty())
      std::cout << fmt::format("; {} bad rows skipped", report.skipped.size());
    std::cout << ".\n";
    return kExitOk;
  } catch (const Error& e) {
    progress.Clear();
    std::cerr << FormatErrorForHumans(e, {}, "", "");
    std::cerr << "Nothing was imported.\n";
    return kExitError;
  }
}

}  // namespace

void AddImportCommand(CLI::App& app, std::function<int()>* run) {
  CLI::App* cmd = app.add_subcommand("import", "Bulk load CSV files (neo4j-admin import format)");
  // The neo4j-admin spellings (`--nodes=Label FILE`) do not fit CLI11's option model, so
  // everything after `import` is parsed by ParseImportArgs.
  cmd->prefix_command();
  cmd->set_help_flag();
  cmd->footer(kUsage);
  cmd->callback([cmd, run] { *run = [args = cmd->remaining()] { return RunImport(args); }; });
}

}  // namespace parley::shell
