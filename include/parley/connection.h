// parley::Connection: runs Cypher against one Database.
#ifndef PARLEY_CONNECTION_H_
#define PARLEY_CONNECTION_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/database.h"
#include "parley/result.h"
#include "parley/value.h"

namespace parley {

using Params = Map;  // parameter name (without `$`) -> value

// Receives a statement's rows as they are produced, so that a result of any size passes
// through without being held (Connection::Execute with a sink).
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Once, before any row: the result's column names.
  virtual void OnColumns(const std::vector<std::string>& columns) = 0;
  // Each row, in order. May throw to stop the statement, which then fails.
  virtual void OnRow(std::vector<Value>&& row) = 0;
};

// Cheap to create; not thread-safe (one per thread), except Interrupt().
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

  // Explicit transactions: Begin, then any statements, then Commit or Rollback. Reads in
  // the transaction see its own writes; other connections see none of them until Commit.
  // Throws Error if a transaction is already open (Begin) or none is (Commit/Rollback).
  void Begin();
  void Commit();
  void Rollback();
  bool in_transaction() const;

  // Asks the statement running on this connection (if any) to stop; it then fails with a
  // RuntimeError "query cancelled" and changes nothing. Thread-safe; callable from a
  // signal-handling thread.
  void Interrupt();

  // Limits for the statements this connection runs from now on, starting from the
  // Database's options. A statement past its time fails with RuntimeError
  // "QueryTimedOut", one whose working memory grows past its bound with RuntimeError
  // "MemoryLimitExceeded"; either changes nothing (in an explicit transaction, only that
  // statement is undone). 0: no limit.
  void set_query_timeout_ms(std::uint64_t milliseconds);
  void set_query_memory_limit(std::uint64_t bytes);
  std::uint64_t query_timeout_ms() const;
  std::uint64_t query_memory_limit() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_CONNECTION_H_
