#include "parley/transaction.h"

#include "parley/error.h"

namespace parley {

Transaction::Transaction(Connection& conn) : conn_(&conn) { conn.Begin(); }

Transaction::Transaction(Transaction&& other) noexcept : conn_(other.conn_) {
  other.conn_ = nullptr;
}

Transaction::~Transaction() {
  if (conn_ == nullptr) return;
  try {
    conn_->Rollback();
  } catch (...) {
    // A destructor must not throw; the transaction is discarded either way.
  }
}

void Transaction::CheckActive() const {
  if (conn_ == nullptr) {
    throw Error(ErrorKind::kRuntimeError, "", "the transaction has already ended");
  }
}

Result Transaction::Execute(std::string_view cypher, const Params& params) {
  CheckActive();
  return conn_->Execute(cypher, params);
}

void Transaction::Commit() { End(&Connection::Commit); }

void Transaction::Rollback() { End(&Connection::Rollback); }

void Transaction::End(void (Connection::*end)()) {
  CheckActive();
  try {
    (conn_->*end)();
  } catch (...) {
    // A failed commit has ended the transaction; a refused one (ConnectionBusy) has not.
    if (!conn_->in_transaction()) conn_ = nullptr;
    throw;
  }
  conn_ = nullptr;
}

}  // namespace parley
