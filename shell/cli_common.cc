#include "shell/cli_common.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "parley/error.h"
#include "shell/format/value_json.h"
#include "shell/tck_procedures.h"

namespace parley::shell {

void RegisterTckProcedures(Database& db) {
  const char* path = std::getenv(kTckProceduresEnv);
  if (path == nullptr || *path == '\0') return;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::kArgumentError, "",
                fmt::format("cannot read {} file {}", kTckProceduresEnv, path));
  }
  std::stringstream text;
  text << in.rdbuf();
  for (TableProcedure& p : ParseTableProcedures(text.str())) db.RegisterProcedure(std::move(p));
}

std::unique_ptr<Database> OpenDatabase(const std::string& path, bool read_only) {
  DatabaseOptions options;
  options.read_only = read_only;
  auto db = std::make_unique<Database>(path, options);
  RegisterTckProcedures(*db);
  return db;
}

Params ParseParamOptions(const std::vector<std::string>& options) {
  Params params;
  for (const std::string& option : options) {
    const std::size_t eq = option.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError(fmt::format("--param {}: expected NAME=JSON", option));
    }
    std::string name = option.substr(0, eq);
    if (name.front() == '$') name.erase(0, 1);
    try {
      params[name] = ParseValueJson(std::string_view(option).substr(eq + 1));
    } catch (const Error& e) {
      throw UsageError(fmt::format("--param {}: {}", name, e.what()));
    }
  }
  return params;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::kArgumentError, "",
                fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t StdoutTerminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) return ws.ws_col;
  return 0;
}

std::string ReadStdin() {
  std::stringstream text;
  text << std::cin.rdbuf();
  return text.str();
}

}  // namespace parley::shell
