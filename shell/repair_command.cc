#include "shell/repair_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "parley/connection.h"
#include "parley/database.h"
#include "parley/error.h"
#include "shell/cli_common.h"

namespace parley::shell {
namespace {

int RunRepair(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorKind::kRuntimeError, "DatabaseNotFound", fmt::format("no database at {}", path));
  }
  Database::Repair(path);
  DatabaseOptions options;
  options.create_if_missing = false;
  Database db(path, options);
  Connection conn(db);
  auto count = [&](const char* query) { return conn.Execute(query).rows().at(0).at(0).as_int(); };
  std::int64_t nodes = count("MATCH (n) RETURN count(n)");
  std::int64_t rels = count("MATCH ()-[r]->() RETURN count(r)");
  std::cout << fmt::format("repaired {}: it holds {} nodes and {} relationships\n", path, nodes,
                           rels);
  return kExitOk;
}

}  // namespace

void AddRepairCommand(CLI::App& app, std::function<int()>* run) {
  auto path = std::make_shared<std::string>(kDefaultDbPath);
  CLI::App* cmd = app.add_subcommand(
      "repair",
      "Rebuild a damaged database from its remaining store files (writes whose only copy "
      "was lost stay lost)");
  cmd->add_option("--db", *path, "Database directory")->capture_default_str();
  cmd->callback([path, run] { *run = [path] { return RunRepair(*path); }; });
}

}  // namespace parley::shell
