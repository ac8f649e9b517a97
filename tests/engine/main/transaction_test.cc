#include "parley/transaction.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "parley/parley.h"

namespace parley {
namespace {

DatabaseOptions InMemory() {
  DatabaseOptions o;
  o.in_memory = true;
  return o;
}

std::int64_t Count(Connection& conn) {
  return conn.Execute("MATCH (n) RETURN count(n)").rows()[0][0].as_int();
}

TEST(TransactionTest, CommitMakesTheChangesVisibleToOthers) {
  Database db("txn", InMemory());
  Connection writer(db);
  Connection reader(db);
  Transaction txn(writer);
  EXPECT_TRUE(writer.in_transaction());
  txn.Execute("CREATE (), ()");
  EXPECT_EQ(Count(writer), 2);  // its own writes
  EXPECT_EQ(Count(reader), 0);
  txn.Commit();
  EXPECT_FALSE(txn.active());
  EXPECT_FALSE(writer.in_transaction());
  EXPECT_EQ(Count(reader), 2);
}

TEST(TransactionTest, LeavingTheScopeUncommittedRollsBack) {
  Database db("txn", InMemory());
  Connection conn(db);
  {
    Transaction txn(conn);
    conn.Execute("CREATE ()");  // through the connection: part of the transaction
  }
  EXPECT_FALSE(conn.in_transaction());
  EXPECT_EQ(Count(conn), 0);
  try {
    Transaction txn(conn);
    txn.Execute("CREATE ()");
    throw std::runtime_error("the caller fails");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(Count(conn), 0);
}

TEST(TransactionTest, AnEndedTransactionRefusesWork) {
  Database db("txn", InMemory());
  Connection conn(db);
  Transaction txn(conn);
  txn.Rollback();
  EXPECT_THROW(txn.Execute("CREATE ()"), Error);
  EXPECT_THROW(txn.Commit(), Error);
  EXPECT_THROW(txn.Rollback(), Error);
  Transaction moved_from(conn);
  Transaction moved = std::move(moved_from);
  EXPECT_FALSE(moved_from.active());  // NOLINT: testing the moved-from state
  EXPECT_TRUE(moved.active());
  moved.Execute("CREATE ()");
  moved.Commit();
  EXPECT_EQ(Count(conn), 1);
}

TEST(TransactionTest, OneAtATimePerConnection) {
  Database db("txn", InMemory());
  Connection conn(db);
  Transaction txn(conn);
  EXPECT_THROW(Transaction second(conn), Error);
  EXPECT_TRUE(txn.active());
}

}  // namespace
}  // namespace parley
