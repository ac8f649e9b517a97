// The `parley` command: one binary with a subcommand per task (INTERFACES.md section 1).
// Exit status: 0 success, 1 a query or data error, 2 a usage error.
#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>

#include "parley/error.h"
#include "shell/cli_common.h"
#include "shell/export_command.h"
#include "shell/query_command.h"
#include "shell/repair_command.h"
#include "shell/repl.h"
#ifdef PARLEY_HAVE_IMPORT
#include "shell/import_command.h"
#endif
#ifdef PARLEY_HAVE_INGEST_COMMAND
#include "shell/ingest_command.h"
#endif

namespace {

using parley::shell::kExitError;
using parley::shell::kExitOk;
using parley::shell::kExitUsage;

int Main(int argc, char** argv) {
  CLI::App app("Parley: an embedded knowledge-graph database with a Cypher shell", "parley");
  app.require_subcommand(1);
  app.footer("Run `parley COMMAND --help` for the options of a command.");
  std::function<int()> run;
  parley::shell::AddQueryCommand(app, &run);
  parley::shell::AddShellCommand(app, &run);
  parley::shell::AddExportCommands(app, &run);
  parley::shell::AddRepairCommand(app, &run);
#ifdef PARLEY_HAVE_IMPORT
  parley::shell::AddImportCommand(app, &run);
#endif
#ifdef PARLEY_HAVE_INGEST_COMMAND
  parley::shell::AddIngestCommand(app);
#endif
  try {
    app.parse(argc, argv);
    return run ? run() : kExitOk;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a subcommand's own exit status
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\nRun `parley --help` for usage.\n";
    return kExitUsage;
  } catch (const parley::shell::UsageError& e) {
    std::cerr << "error: " << e.what() << "\nRun `parley --help` for usage.\n";
    return kExitUsage;
  } catch (const parley::Error& e) {
    std::cerr << "error: " << parley::ErrorKindName(e.kind()) << ": " << e.what() << "\n";
    return kExitError;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitError;
  }
}

}  // namespace

int main(int argc, char** argv) { return Main(argc, argv); }
