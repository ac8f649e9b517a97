// Connection::Impl: runs statements for one Connection, and the pieces its statements,
// streams and transactions share. Embedders never see this header.
#ifndef PARLEY_ENGINE_MAIN_CONNECTION_IMPL_H_
#define PARLEY_ENGINE_MAIN_CONNECTION_IMPL_H_

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "engine/main/database_impl.h"
#include "engine/main/statement_runner.h"
#include "engine/parser/ast.h"
#include "engine/storage/graph_store.h"
#include "parley/connection.h"

namespace parley {

// A statement parsed once, with what running it needs to know of its text.
struct ParsedStatement {
  std::string text;
  ast::Statement stmt;
  bool read_only = true;
  bool traverses = false;  // whether it expands relationships (see RunAutocommit)
  PlanCache cache;         // a PreparedStatement's kept plan
  double parse_ms = 0;     // the time parsing took: part of a one-off run's elapsed time
};

class Connection::Impl {
 public:
  explicit Impl(Database& db);

  // Throws the statement's syntax errors.
  static std::shared_ptr<ParsedStatement> Parse(std::string_view cypher);

  // Runs `statement` with `params`, reusing its kept plan when `use_cache` (prepared
  // statements). With `reset_interrupt`, an Interrupt that came before the run is
  // forgotten. Throws parley::Error; ConnectionBusy while a stream is open and the
  // caller is not that stream (`from_stream`).
  Result Run(ParsedStatement& statement, const Params& params, RowSink* sink,
             bool use_cache, bool reset_interrupt = true, bool from_stream = false);
  // Starts `statement` on a stream's thread (result_stream.cc).
  ResultStream Stream(std::shared_ptr<ParsedStatement> statement, Params params,
                      bool use_cache);

  void Begin();
  void Commit();
  void Rollback();
  bool in_transaction() const { return txn_ != nullptr; }
  void Interrupt() { interrupted_.store(true); }
  std::optional<StatementProgress> progress() const { return progress_.Read(); }
  StatementLimits& limits() { return limits_; }

  // Throws ConnectionBusy while a ResultStream of this connection is open.
  void CheckIdle() const;
  // Marks the connection busy with a stream (true) or free again (false).
  void SetStreaming(bool on) { streaming_.store(on); }

 private:
  Result RunAutocommit(ParsedStatement& statement, const Params& params, RowSink* sink,
                       PlanCache* cache);
  Result RunInTransaction(ParsedStatement& statement, const Params& params, RowSink* sink,
                          PlanCache* cache);

  Database::Impl& db_;
  std::unique_ptr<storage::Txn> txn_;
  std::atomic<bool> interrupted_{false};
  execution::ProgressBoard progress_;  // posted to by the running statement
  std::atomic<bool> streaming_{false};
  StatementLimits limits_;
};

}  // namespace parley

#endif  // PARLEY_ENGINE_MAIN_CONNECTION_IMPL_H_
