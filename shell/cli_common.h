// Pieces every `parley` subcommand shares: exit statuses, opening the database, reading
// input files (file_io.h), and `--param NAME=JSON` options.
#ifndef PARLEY_SHELL_CLI_COMMON_H_
#define PARLEY_SHELL_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "parley/connection.h"
#include "parley/database.h"
#include "shell/file_io.h"  // ReadFile, which every command reading a file uses

namespace parley::shell {

// Exit statuses (INTERFACES.md section 1).
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;  // a query or data error
inline constexpr int kExitUsage = 2;  // a usage error

inline constexpr const char* kDefaultDbPath = "./parley.db";

// A mistake in how the command was called; main prints it and exits with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Opens (creating when absent, unless `read_only`) the database at `path` and registers
// the test procedures named by PARLEY_TCK_PROCEDURES. A read-only open shares the
// database with other readers and refuses writes. Only the last folder of `path` is ever
// created: when its parent folder does not exist (or is not a folder) this throws
// Error(kRuntimeError, "DatabaseNotFound") naming it. Throws parley::Error.
std::unique_ptr<Database> OpenDatabase(const std::string& path, bool read_only = false);

// Registers the procedures of the file named by PARLEY_TCK_PROCEDURES (tck_procedures.h),
// if it is set. Throws parley::Error when the file cannot be read or is malformed.
void RegisterTckProcedures(Database& db);

// Binds each "NAME=JSON" to $NAME. Throws UsageError on a missing `=`, an empty name, or
// a value that is not valid JSON in the encoding of INTERFACES.md section 2.
Params ParseParamOptions(const std::vector<std::string>& options);

// "30s", "500ms", "2m", "1h" (a bare number is seconds) as milliseconds; "0" is no limit.
// Throws UsageError naming `what` for anything else.
std::uint64_t ParseDurationMs(std::string_view text, std::string_view what);
// "2G", "512M", "64K", "1000000" (bytes; K, M and G are powers of 1024; "0" is no limit).
// Throws UsageError naming `what` for anything else.
std::uint64_t ParseByteSize(std::string_view text, std::string_view what);

// The limits `--timeout` and `--max-memory` set (empty: the Database's defaults), applied
// to every statement a Connection runs.
struct QueryLimitOptions {
  std::string timeout;
  std::string max_memory;
};
void AddQueryLimitOptions(CLI::App& cmd, QueryLimitOptions& limits);
// Throws UsageError on a malformed limit.
void ApplyQueryLimits(const QueryLimitOptions& limits, Connection& connection);

// The width of the terminal standard output writes to; 0 when it is not a terminal.
std::size_t StdoutTerminalWidth();

// All of standard input.
std::string ReadStdin();

}  // namespace parley::shell

#endif  // PARLEY_SHELL_CLI_COMMON_H_
