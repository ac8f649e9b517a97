#include "shell/query_command.h"

#include <iostream>
#include <memory>

#include "parley/error.h"
#include "shell/cli_common.h"
#include "shell/query_runner.h"
#include "shell/query_watcher.h"

namespace parley::shell {
namespace {

struct QueryOptions {
  std::string db = kDefaultDbPath;
  std::string format = "table";
  std::vector<std::string> params;
  bool timer = false;
  bool read_only = false;
  std::string file;
  std::string query;
  QueryLimitOptions limits;
};

int RunQuery(const QueryOptions& o, bool has_query) {
  if (has_query && !o.file.empty()) throw UsageError("give either -f FILE or QUERY, not both");
  OutputOptions output;
  output.format = *ParseOutputFormat(o.format);
  output.timer = o.timer;
  output.max_width = StdoutTerminalWidth();
  const Params params = ParseParamOptions(o.params);
  std::string source;
  std::string input;
  try {
    if (has_query) {
      input = o.query;
    } else if (!o.file.empty()) {
      input = ReadFile(o.file);
      source = o.file;
    } else {
      input = ReadStdin();
      source = "<stdin>";
    }
    std::unique_ptr<Database> db = OpenDatabase(o.db, o.read_only);
    Connection connection(*db);
    ApplyQueryLimits(o.limits, connection);
    // Ctrl-C cancels the running statement (it changes nothing) instead of killing the
    // process in the middle of its output.
    output.interruptible = InstallSigintPipe() >= 0;
    return RunScript(connection, input, source, params, output, std::cout, std::cerr) ? kExitOk
                                                                                      : kExitError;
  } catch (const Error& e) {
    PrintError(e, e.pos(), input, source, output.format, std::cerr);
    return kExitError;
  }
}

}  // namespace

void AddQueryCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Run Cypher statements separated by `;`");
  cmd->add_option("--db", options->db, "Database directory")->capture_default_str();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--param", options->params, "Bind $NAME to a JSON value (NAME=JSON)")
      ->type_name("NAME=JSON")
      ->allow_extra_args(false);
  cmd->add_flag("--timer", options->timer, "Print the time each statement took");
  cmd->add_flag("--read-only", options->read_only,
                "Open the database for reading only: it may be shared with other readers, "
                "and a statement that writes fails");
  cmd->add_option("-f,--file", options->file, "Read the statements from FILE")->type_name("FILE");
  AddQueryLimitOptions(*cmd, options->limits);
  CLI::Option* query =
      cmd->add_option("QUERY", options->query, "Statements (standard input when neither is given)");
  cmd->callback([options, query, run] {
    *run = [options, query] { return RunQuery(*options, query->count() > 0); };
  });
}

}  // namespace parley::shell
