#include "parley/connection.h"

#include <atomic>
#include <chrono>

#include "engine/function/scalar.h"
#include "engine/main/connection_impl.h"
#include "engine/main/prepared_statement_impl.h"
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

Connection::Impl::Impl(Database& db)
    : db_(db.impl()), limits_{db.options().query_memory_limit, db.options().query_timeout_ms} {}

std::shared_ptr<ParsedStatement> Connection::Impl::Parse(std::string_view cypher) {
  auto start = std::chrono::steady_clock::now();
  auto parsed = std::make_shared<ParsedStatement>();
  parsed->text = std::string(cypher);
  parsed->stmt = parser::Parse(cypher);
  parsed->parse_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  parsed->read_only = ast::IsReadOnly(parsed->stmt);
  parsed->traverses = Traverses(parsed->stmt);
  return parsed;
}

void Connection::Impl::CheckIdle() const {
  if (streaming_.load()) {
    throw Error(ErrorKind::kRuntimeError, "ConnectionBusy",
                "a streamed result of this connection is still open; read it to the end "
                "or close it first");
  }
}

Result Connection::Impl::Run(ParsedStatement& statement, const Params& params, RowSink* sink,
                             bool use_cache, bool reset_interrupt, bool from_stream) {
  if (!from_stream) CheckIdle();
  auto start = std::chrono::steady_clock::now();
  if (reset_interrupt) interrupted_.store(false);
  if (!statement.read_only && db_.options().read_only) {
    throw Error(ErrorKind::kRuntimeError, "ReadOnlyDatabase",
                "the database is open read-only; this statement would change it");
  }
  function::ScopedStatementClock clock;
  PlanCache* cache = use_cache ? &statement.cache : nullptr;
  Result result = txn_ ? RunInTransaction(statement, params, sink, cache)
                       : RunAutocommit(statement, params, sink, cache);
  // A statement run once counts its parsing too; a prepared one was parsed beforehand.
  result.set_elapsed_ms(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
          .count() +
      (use_cache ? 0.0 : statement.parse_ms));
  return result;
}

void Connection::Impl::Begin() {
  CheckIdle();
  if (txn_) throw Error(ErrorKind::kRuntimeError, "", "a transaction is already open");
  txn_ = db_.store().Begin(db_.options().read_only ? storage::TxnMode::kReadOnly
                                                   : storage::TxnMode::kReadWrite);
}

void Connection::Impl::Commit() {
  CheckIdle();
  if (!txn_) throw Error(ErrorKind::kRuntimeError, "", "no transaction is open");
  auto txn = std::move(txn_);
  txn->Commit();
}

void Connection::Impl::Rollback() {
  CheckIdle();
  if (!txn_) throw Error(ErrorKind::kRuntimeError, "", "no transaction is open");
  auto txn = std::move(txn_);
  txn->Rollback();
}

namespace {

// Anything that is not a parley::Error becomes one, so callers see one error type.
template <typename F>
Result Guard(F&& f) {
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

}  // namespace

Result Connection::Impl::RunAutocommit(ParsedStatement& statement, const Params& params,
                                       RowSink* sink, PlanCache* cache) {
  const ast::Statement& stmt = statement.stmt;
  bool read_only = statement.read_only;
  std::uint64_t io_mark = db_.store().IoErrorMark();
  // EXPLAIN only plans: it must not pay for a CSR build it would never read.
  if (read_only && stmt.explain != ast::ExplainMode::kExplain && statement.traverses) {
    db_.store().RefreshCsr();  // rebuilt only if stale
  }
  std::unique_ptr<storage::Txn> txn = db_.store().Begin(
      read_only ? storage::TxnMode::kReadOnly : storage::TxnMode::kReadWrite);
  Result result = Guard([&] {
    return RunStatement(db_, *txn, stmt, params, interrupted_, limits_, sink, cache,
                        &progress_);
  });
  // A read that failed unreported may have cut the result short: no partial answers.
  db_.store().ThrowIfIoErrorSince(io_mark);
  if (!read_only) txn->Commit();
  return result;  // on a throw, ~Txn rolls back
}

Result Connection::Impl::RunInTransaction(ParsedStatement& statement, const Params& params,
                                          RowSink* sink, PlanCache* cache) {
  txn_->SetSavePoint();
  try {
    std::uint64_t io_mark = db_.store().IoErrorMark();
    Result result = Guard([&] {
      return RunStatement(db_, *txn_, statement.stmt, params, interrupted_, limits_, sink,
                          cache, &progress_);
    });
    db_.store().ThrowIfIoErrorSince(io_mark);
    txn_->PopSavePoint();
    return result;
  } catch (...) {
    txn_->RollbackToSavePoint();
    throw;
  }
}

Connection::Connection(Database& db) : impl_(std::make_unique<Impl>(db)) {}
Connection::~Connection() = default;

Result Connection::Execute(std::string_view cypher, const Params& params) {
  impl_->CheckIdle();
  return impl_->Run(*Impl::Parse(cypher), params, nullptr, false);
}
Result Connection::Execute(std::string_view cypher, const Params& params, RowSink& sink) {
  impl_->CheckIdle();
  return impl_->Run(*Impl::Parse(cypher), params, &sink, false);
}
ResultStream Connection::Stream(std::string_view cypher, const Params& params) {
  impl_->CheckIdle();
  return impl_->Stream(Impl::Parse(cypher), params, false);
}
PreparedStatement Connection::Prepare(std::string_view cypher) {
  return PreparedStatement(
      std::make_unique<PreparedStatement::Impl>(*impl_, Impl::Parse(cypher)));
}
void Connection::Begin() { impl_->Begin(); }
void Connection::Commit() { impl_->Commit(); }
void Connection::Rollback() { impl_->Rollback(); }
bool Connection::in_transaction() const { return impl_->in_transaction(); }
void Connection::Interrupt() { impl_->Interrupt(); }

std::optional<StatementProgress> Connection::progress() const { return impl_->progress(); }
void Connection::set_query_timeout_ms(std::uint64_t milliseconds) {
  impl_->limits().timeout_ms = milliseconds;
}
void Connection::set_query_memory_limit(std::uint64_t bytes) {
  impl_->limits().memory_bytes = bytes;
}
std::uint64_t Connection::query_timeout_ms() const { return impl_->limits().timeout_ms; }
std::uint64_t Connection::query_memory_limit() const { return impl_->limits().memory_bytes; }

}  // namespace parley
