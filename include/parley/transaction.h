// parley::Transaction: an explicit transaction on a Connection that cannot be left open.
//
//   parley::Transaction txn(conn);
//   txn.Execute("CREATE (:Leader {name: $name})", {{"name", "Olof Palme"}});
//   txn.Commit();  // without this, leaving the scope rolls the transaction back
//
// It is Connection::Begin, Commit and Rollback tied to a scope: made, it begins a
// transaction on the Connection; destroyed while still open (not committed or rolled
// back, e.g. by an exception), it rolls it back. Statements may also run through the
// Connection itself meanwhile: they belong to the transaction all the same.
//
// Threading and lifetime: as its Connection's (one thread at a time); it must not
// outlive the Connection.
#ifndef PARLEY_TRANSACTION_H_
#define PARLEY_TRANSACTION_H_

#include <string_view>

#include "parley/connection.h"
#include "parley/result.h"

namespace parley {

class Transaction {
 public:
  // Begins a transaction on `conn`. Throws parley::Error when one is already open there
  // or `conn` is streaming a result. A transaction on a database open for writing holds
  // the database's writer slot until it ends (see connection.h on concurrency).
  explicit Transaction(Connection& conn);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Rolls back if still open; never throws.
  ~Transaction();

  // Connection::Execute inside this transaction. Throws Error when it has ended.
  Result Execute(std::string_view cypher, const Params& params = {});
  // Makes the changes durable and visible to others. Throws Error when it has ended, or
  // when the commit fails (then nothing is changed and the transaction has ended), or
  // while the Connection streams a result (ConnectionBusy; the transaction stays open).
  void Commit();
  // Discards the changes. Throws Error as Commit does.
  void Rollback();
  // Whether neither Commit nor Rollback has ended it yet.
  bool active() const { return conn_ != nullptr; }

 private:
  void CheckActive() const;
  void End(void (Connection::*end)());
  Connection* conn_;
};

}  // namespace parley

#endif  // PARLEY_TRANSACTION_H_
