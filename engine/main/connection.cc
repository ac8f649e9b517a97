#include "parley/connection.h"

#include <atomic>
#include <chrono>

#include "engine/function/scalar.h"
#include "engine/main/database_impl.h"
#include "engine/main/statement_runner.h"
#include "engine/parser/parser.h"

namespace parley {

namespace {

// Whether a read-only statement traverses relationships somewhere, so that the
// compressed adjacency snapshot is worth bringing up to date before it runs.
bool Traverses(const ast::Statement& stmt) {
  if (!stmt.is_query()) return false;
  for (const ast::SingleQuery& part : stmt.query().parts) {
    for (const ast::Clause& c : part.clauses) {
      // Graph algorithms (algo.*) index the CSR itself when it is current.
      const auto* call = std::get_if<ast::CallClause>(&c);
      if (call != nullptr && call->procedure.starts_with("algo.")) return true;
      const auto* m = std::get_if<ast::MatchClause>(&c);
      if (m == nullptr) continue;
      std::size_t hops = 0;
      for (const ast::PatternPart& p : m->pattern) {
        if (p.path_kind != ast::PathKind::kPlain) return true;
        for (const ast::RelPattern& r : p.rels) {
          if (r.var_length) return true;
          ++hops;
        }
      }
      if (hops >= 1) return true;
    }
  }
  return false;
}

}  // namespace

class Connection::Impl {
 public:
  explicit Impl(Database& db)
      : db_(db.impl()),
        limits_{db.options().query_memory_limit, db.options().query_timeout_ms} {}

  Result Execute(std::string_view cypher, const Params& params, RowSink* sink = nullptr) {
    auto start = std::chrono::steady_clock::now();
    interrupted_.store(false);
    ast::Statement stmt = parser::Parse(cypher);
    bool read_only = ast::IsReadOnly(stmt);
    if (!read_only && db_.options().read_only) {
      throw Error(ErrorKind::kRuntimeError, "ReadOnlyDatabase",
                  "the database is open read-only; this statement would change it");
    }
    function::ScopedStatementClock clock;
    Result result =
        txn_ ? RunInTransaction(stmt, params, sink) : RunAutocommit(stmt, params, read_only, sink);
    result.set_elapsed_ms(std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - start).count());
    return result;
  }

  void Begin() {
    if (txn_) throw Error(ErrorKind::kRuntimeError, "", "a transaction is already open");
    txn_ = db_.store().Begin(db_.options().read_only ? storage::TxnMode::kReadOnly
                                                     : storage::TxnMode::kReadWrite);
  }
  void Commit() {
    if (!txn_) throw Error(ErrorKind::kRuntimeError, "", "no transaction is open");
    auto txn = std::move(txn_);
    txn->Commit();
  }
  void Rollback() {
    if (!txn_) throw Error(ErrorKind::kRuntimeError, "", "no transaction is open");
    auto txn = std::move(txn_);
    txn->Rollback();
  }
  bool in_transaction() const { return txn_ != nullptr; }
  void Interrupt() { interrupted_.store(true); }
  StatementLimits& limits() { return limits_; }

 private:
  Result RunAutocommit(const ast::Statement& stmt, const Params& params, bool read_only,
                       RowSink* sink) {
    std::uint64_t io_mark = db_.store().IoErrorMark();
    // EXPLAIN only plans: it must not pay for a CSR build it would never read.
    if (read_only && stmt.explain != ast::ExplainMode::kExplain && Traverses(stmt)) {
      db_.store().RefreshCsr();  // rebuilt only if stale
    }
    std::unique_ptr<storage::Txn> txn = db_.store().Begin(
        read_only ? storage::TxnMode::kReadOnly : storage::TxnMode::kReadWrite);
    Result result = Guard(
        [&] { return RunStatement(db_, *txn, stmt, params, interrupted_, limits_, sink); });
    // A read that failed unreported may have cut the result short: no partial answers.
    db_.store().ThrowIfIoErrorSince(io_mark);
    if (!read_only) txn->Commit();
    return result;  // on a throw, ~Txn rolls back
  }

  Result RunInTransaction(const ast::Statement& stmt, const Params& params, RowSink* sink) {
    txn_->SetSavePoint();
    try {
      std::uint64_t io_mark = db_.store().IoErrorMark();
      Result result = Guard(
          [&] { return RunStatement(db_, *txn_, stmt, params, interrupted_, limits_, sink); });
      db_.store().ThrowIfIoErrorSince(io_mark);
      txn_->PopSavePoint();
      return result;
    } catch (...) {
      txn_->RollbackToSavePoint();
      throw;
    }
  }

  // Anything that is not a parley::Error becomes one, so callers see one error type.
  template <typename F>
  static Result Guard(F&& f) {
    try {
      return f();
    } catch (const Error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw Error(ErrorKind::kRuntimeError, "OutOfMemory", "the query ran out of memory");
    } catch (const std::exception& e) {
      throw Error(ErrorKind::kRuntimeError, "", e.what());
    }
  }

  Database::Impl& db_;
  std::unique_ptr<storage::Txn> txn_;
  std::atomic<bool> interrupted_{false};
  StatementLimits limits_;
};

Connection::Connection(Database& db) : impl_(std::make_unique<Impl>(db)) {}
Connection::~Connection() = default;

Result Connection::Execute(std::string_view cypher, const Params& params) {
  return impl_->Execute(cypher, params);
}
Result Connection::Execute(std::string_view cypher, const Params& params, RowSink& sink) {
  return impl_->Execute(cypher, params, &sink);
}
void Connection::Begin() { impl_->Begin(); }
void Connection::Commit() { impl_->Commit(); }
void Connection::Rollback() { impl_->Rollback(); }
bool Connection::in_transaction() const { return impl_->in_transaction(); }
void Connection::Interrupt() { impl_->Interrupt(); }
void Connection::set_query_timeout_ms(std::uint64_t milliseconds) {
  impl_->limits().timeout_ms = milliseconds;
}
void Connection::set_query_memory_limit(std::uint64_t bytes) {
  impl_->limits().memory_bytes = bytes;
}
std::uint64_t Connection::query_timeout_ms() const { return impl_->limits().timeout_ms; }
std::uint64_t Connection::query_memory_limit() const { return impl_->limits().memory_bytes; }

}  // namespace parley
