#include "shell/export_command.h"

#include <iostream>
#include <memory>

#include "parley/error.h"
#include "shell/cli_common.h"
#include "shell/file_io.h"
#include "shell/graph_export.h"
#include "shell/query_runner.h"

namespace parley::shell {
namespace {

struct ExportOptions {
  std::string db = kDefaultDbPath;
  std::string format;
  std::string out;
  std::string query;
  std::vector<std::string> params;
};

// Runs the statements of `query` and gathers what the last one returned (or everything).
Subgraph Collect(Connection& connection, const std::string& query, const Params& params) {
  if (query.empty()) return CollectSubgraph(connection, nullptr);
  std::optional<Result> last;
  for (const Statement& statement : SplitStatements(query).statements) {
    Executed run = ExecuteStatement(connection, statement, params);
    if (run.error) throw *run.error;
    last = std::move(run.result);
  }
  return CollectSubgraph(connection, last ? &*last : nullptr);
}

int RunExport(const ExportOptions& o, bool render) {
  const Params params = ParseParamOptions(o.params);
  std::optional<std::string> render_format;
  if (render) {
    render_format = RenderFormatFor(o.out);
    if (!render_format) throw UsageError("--out must name a .svg, .png or .pdf file");
  }
  try {
    std::unique_ptr<Database> db = OpenDatabase(o.db);
    Connection connection(*db);
    Subgraph graph = Collect(connection, o.query, params);
    if (render) {
      RenderDot(WriteDot(graph), *render_format, o.out);
    } else if (o.out.empty()) {
      WriteStdout(WriteGraph(graph, *ParseGraphFormat(o.format)));
    } else {
      WriteFile(o.out, WriteGraph(graph, *ParseGraphFormat(o.format)));
    }
    std::cerr << graph.nodes.size() << " nodes, " << graph.rels.size() << " relationships"
              << (o.out.empty() ? "" : " written to " + o.out) << "\n";
    return kExitOk;
  } catch (const Error& e) {
    PrintError(e, e.pos(), o.query, "", OutputFormat::kTable, std::cerr);
    return kExitError;
  }
}

CLI::App* AddCommon(CLI::App& app, const char* name, const char* about,
                    std::shared_ptr<ExportOptions> o) {
  CLI::App* cmd = app.add_subcommand(name, about);
  cmd->add_option("--db", o->db, "Database directory")->capture_default_str();
  cmd->add_option("--param", o->params, "Bind $NAME to a JSON value (NAME=JSON)")
      ->type_name("NAME=JSON")
      ->allow_extra_args(false);
  cmd->add_option("QUERY", o->query, "Statements whose last result is drawn (default: all)");
  return cmd;
}

}  // namespace

void AddExportCommands(CLI::App& app, std::function<int()>* run) {
  auto exp = std::make_shared<ExportOptions>();
  CLI::App* export_cmd =
      AddCommon(app, "export", "Write a query's subgraph as DOT, GraphML or JSON", exp);
  export_cmd->add_option("--format", exp->format, "Graph format")
      ->check(CLI::IsMember({"dot", "graphml", "json"}))
      ->required();
  export_cmd->add_option("--out", exp->out, "Write to FILE instead of standard output")
      ->type_name("FILE");
  export_cmd->callback([exp, run] { *run = [exp] { return RunExport(*exp, false); }; });

  auto ren = std::make_shared<ExportOptions>();
  CLI::App* render_cmd = AddCommon(app, "render", "Draw a query's subgraph with Graphviz", ren);
  render_cmd->add_option("--out", ren->out, "The drawing: FILE.svg, FILE.png or FILE.pdf")
      ->type_name("FILE")
      ->required();
  render_cmd->callback([ren, run] { *run = [ren] { return RunExport(*ren, true); }; });
}

}  // namespace parley::shell
