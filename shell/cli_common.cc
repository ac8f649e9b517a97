#include "shell/cli_common.h"

#include <initializer_list>

#include <cctype>

#include <algorithm>

#include <optional>

#include <charconv>

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "parley/error.h"
#include "shell/format/value_json.h"
#include "shell/tck_procedures.h"

namespace parley::shell {
namespace {

namespace fs = std::filesystem;

// A mistyped --db must not silently become a new, empty database, so of a path that does
// not exist only the last folder is created (by the engine): its parent must be a folder.
void CheckDatabaseParent(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec) || ec) return;  // what is there (or why not) is the engine's to say
  fs::path database(path);
  while (database.has_relative_path() && database.filename().empty()) {
    database = database.parent_path();  // "a/b/" names b
  }
  const fs::path parent = database.parent_path();
  if (parent.empty() || fs::is_directory(parent, ec)) return;
  const bool exists = fs::exists(parent, ec);
  throw Error(ErrorKind::kRuntimeError, "DatabaseNotFound",
              fmt::format("cannot create database {}: {} (only the database's own folder is "
                          "created; check the path, or create the folders first)",
                          path,
                          exists ? fmt::format("{} is not a folder", parent.string())
                                 : fmt::format("the folder {} does not exist", parent.string())));
}

}  // namespace

void RegisterTckProcedures(Database& db) {
  const char* path = std::getenv(kTckProceduresEnv);
  if (path == nullptr || *path == '\0') return;
  for (TableProcedure& p : ParseTableProcedures(ReadFile(path))) db.RegisterProcedure(std::move(p));
}

std::unique_ptr<Database> OpenDatabase(const std::string& path, bool read_only) {
  CheckDatabaseParent(path);
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

namespace {

// A non-negative number with an optional unit from `units` (name, multiplier); the bare
// number takes `bare`. nullopt when malformed or past 2^64.
std::optional<std::uint64_t> ParseScaled(
    std::string_view text, std::uint64_t bare,
    std::initializer_list<std::pair<std::string_view, std::uint64_t>> units) {
  std::uint64_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(end, text.data() + text.size() - end);
  std::uint64_t scale = unit.empty() ? bare : 0;
  for (const auto& [name, multiplier] : units) {
    if (unit.size() == name.size() &&
        std::equal(unit.begin(), unit.end(), name.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      scale = multiplier;
    }
  }
  if (scale == 0 || number > UINT64_MAX / scale) return std::nullopt;
  return number * scale;
}

}  // namespace

std::uint64_t ParseDurationMs(std::string_view text, std::string_view what) {
  auto ms = ParseScaled(text, 1000, {{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}});
  if (!ms) {
    throw UsageError(fmt::format("{} {}: expected a duration such as 30s, 500ms or 2m "
                                 "(0: no limit)",
                                 what, text));
  }
  return *ms;
}

std::uint64_t ParseByteSize(std::string_view text, std::string_view what) {
  auto bytes = ParseScaled(text, 1, {{"b", 1}, {"k", 1ull << 10}, {"m", 1ull << 20},
                                     {"g", 1ull << 30}, {"t", 1ull << 40}});
  if (!bytes) {
    throw UsageError(fmt::format("{} {}: expected a size such as 512M or 2G (0: no limit)",
                                 what, text));
  }
  return *bytes;
}

void AddQueryLimitOptions(CLI::App& cmd, QueryLimitOptions& limits) {
  cmd.add_option("--timeout", limits.timeout,
                 "Stop a statement that runs longer (30s, 500ms, 2m; 0: no limit); it "
                 "changes nothing")
      ->type_name("DURATION");
  cmd.add_option("--max-memory", limits.max_memory,
                 "Stop a statement whose working memory grows past this (512M, 2G; 0: no "
                 "limit); it changes nothing")
      ->type_name("SIZE");
}

void ApplyQueryLimits(const QueryLimitOptions& limits, Connection& connection) {
  if (!limits.timeout.empty()) {
    connection.set_query_timeout_ms(ParseDurationMs(limits.timeout, "--timeout"));
  }
  if (!limits.max_memory.empty()) {
    connection.set_query_memory_limit(ParseByteSize(limits.max_memory, "--max-memory"));
  }
}

}  // namespace parley::shell
