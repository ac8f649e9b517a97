// parley::Database: one open database directory.
//
// A database directory holds RocksDB's files and a format version. Opening creates it
// when absent (unless Options::create_if_missing is false); an existing database is never
// created anew: a damaged one fails to open with Error "DatabaseCorrupted" (see Repair). One process at a time may
// hold a database open; another process gets Error "database is locked by process PID".
// A Database is thread-safe: any number of Connections (one per thread) may share it.
#ifndef PARLEY_DATABASE_H_
#define PARLEY_DATABASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parley/value.h"

namespace parley {

struct DatabaseOptions {
  bool create_if_missing = true;
  bool read_only = false;
  // Keep everything in memory (nothing touches `path`); for tests and scratch work.
  bool in_memory = false;
  // A query whose working memory (materialised rows, hash tables, sort buffers) grows past
  // this many bytes fails with a RuntimeError instead of exhausting the machine. 0: none.
  std::uint64_t query_memory_limit = 4ull << 30;
  // A statement running longer than this many milliseconds stops with a RuntimeError
  // "QueryTimedOut" and changes nothing. 0: no limit. Connections may set their own.
  std::uint64_t query_timeout_ms = 0;
};

// A fixed-table procedure (the TCK's test procedures, INTERFACES.md section 7):
// `CALL name(args)` yields the output columns of the rows whose input columns equal the
// arguments, in table order.
struct TableProcedure {
  struct Column {
    std::string name;
    std::string type;  // e.g. "INTEGER?", "STRING?"
  };
  std::string name;  // e.g. "test.my.proc"
  std::vector<Column> inputs;
  std::vector<Column> outputs;
  std::vector<std::vector<Value>> rows;  // inputs first, then outputs, per row
};

class Database {
 public:
  // Opens (or creates) the database in directory `path`. Throws parley::Error when the
  // directory is not a Parley database, has an unknown format version, or is locked.
  explicit Database(const std::string& path, const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const;
  const DatabaseOptions& options() const;

  // Registers a procedure for this Database's lifetime. Throws on a duplicate name.
  void RegisterProcedure(TableProcedure procedure);

  // Rebuilds the damaged database in `path` (one that fails to open with
  // "DatabaseCorrupted") from the store files that remain readable, and makes the result
  // the database's state: writes whose only copy was in a lost or damaged file are gone.
  // Never done by opening. Needs the directory's PARLEY file and takes the database's
  // lock (Error "DatabaseLocked" while another process has it open). Throws parley::Error.
  static void Repair(const std::string& path);

  class Impl;
  Impl& impl() { return *impl_; }  // for the engine's own components only

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_DATABASE_H_
