// parley::Connection: runs Cypher against one Database.
//
// Concurrency. A Connection is used by one thread at a time (Interrupt excepted); any
// number of Connections, on as many threads, share one Database.
// - Readers see snapshots: a statement outside an explicit transaction reads the
//   database as it was committed when the statement began, whatever commits meanwhile;
//   a statement inside one reads the transaction's snapshot plus its own writes.
// - Many readers run at once, and alongside one writer: reads never wait for writes.
// - One writer at a time per Database: a statement that writes, or an explicit
//   transaction (Begin, Transaction) on a database open for writing, holds the writer
//   slot from its start to its commit or rollback. A second writer in the same process
//   waits until the slot is free (there is no deadline on that wait: keep explicit
//   transactions short); its statement then sees what the first one committed.
// - Another process that opens the same database directory fails with
//   Error "DatabaseLocked" ("database is locked by process PID"); only processes opening
//   it with DatabaseOptions::read_only share it, and then nobody writes.
#ifndef PARLEY_CONNECTION_H_
#define PARLEY_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/database.h"
#include "parley/prepared_statement.h"
#include "parley/result.h"
#include "parley/result_stream.h"
#include "parley/value.h"

namespace parley {

using Params = Map;  // parameter name (without `$`) -> value

// Receives a statement's rows as they are produced, so that a result of any size passes
// through without being held (Connection::Execute with a sink). Called on the thread
// that runs the statement.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Once, before any row: the result's column names.
  virtual void OnColumns(const std::vector<std::string>& columns) = 0;
  // Each row, in order. May throw to stop the statement, which then fails.
  virtual void OnRow(std::vector<Value>&& row) = 0;
};

// What a long statement reports of where it is: a task ("algo.pageRank iterations") and
// how much of it is done, out of `total` (0: unknown).
struct StatementProgress {
  std::string task;
  std::uint64_t done = 0;
  std::uint64_t total = 0;
};

// Cheap to create; not thread-safe (one per thread), except Interrupt() and progress(). Everything that
// runs a statement throws Error(RuntimeError, "ConnectionBusy") while a ResultStream of
// this Connection is open.
class Connection {
 public:
  explicit Connection(Database& db);  // REQUIRES: `db` outlives this Connection.
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement. Outside an explicit transaction the statement is atomic: on
  // success every change is durable before this returns; on failure nothing is visible.
  // Inside one (Begin), its changes become durable at Commit. Throws parley::Error,
  // positioned in `cypher` where the error has a place there.
  Result Execute(std::string_view cypher, const Params& params = {});
  // As above, but hands each row to `sink` as it is produced instead of keeping it: the
  // Result returned has the columns and statistics and no rows, and the rows do not count
  // against the memory bound. The rows of a statement that writes are handed out before
  // its changes are committed: if the statement fails later, it changed nothing, though
  // `sink` has seen rows.
  Result Execute(std::string_view cypher, const Params& params, RowSink& sink);
  // As Execute, but the rows are read from the stream returned, one at a time, while the
  // statement runs (see result_stream.h). Errors found before the statement starts
  // (syntax, a read-only database) are thrown here; later ones by the stream.
  ResultStream Stream(std::string_view cypher, const Params& params = {});

  // Parses `cypher` (throws its syntax errors, positioned) into a statement that runs on
  // this Connection many times without being parsed or planned again
  // (prepared_statement.h). The statement must not outlive this Connection.
  PreparedStatement Prepare(std::string_view cypher);

  // Explicit transactions: Begin, then any statements, then Commit or Rollback (or a
  // Transaction, transaction.h, which cannot be left open). Reads in the transaction see
  // its own writes; other connections see none of them until Commit.
  // Throws Error if a transaction is already open (Begin) or none is (Commit/Rollback).
  void Begin();
  void Commit();
  void Rollback();
  bool in_transaction() const;

  // Asks the statement running on this connection (if any) to stop; it then fails with a
  // RuntimeError "query cancelled" and changes nothing. Thread-safe; callable from a
  // signal-handling thread.
  void Interrupt();
  // The progress the running statement last reported, if it reports any (graph algorithms
  // do); nullopt when none runs. Thread-safe: for a thread that watches a long statement.
  std::optional<StatementProgress> progress() const;

  // Limits for the statements this connection runs from now on, starting from the
  // Database's options. A statement past its time fails with RuntimeError
  // "QueryTimedOut", one whose working memory grows past its bound with RuntimeError
  // "MemoryLimitExceeded"; either changes nothing (in an explicit transaction, only that
  // statement is undone). 0: no limit.
  void set_query_timeout_ms(std::uint64_t milliseconds);
  void set_query_memory_limit(std::uint64_t bytes);
  std::uint64_t query_timeout_ms() const;
  std::uint64_t query_memory_limit() const;

  class Impl;
  Impl& impl() { return *impl_; }  // for the engine's own components only

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_CONNECTION_H_
