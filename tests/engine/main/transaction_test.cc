#include "parley/transaction.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

using testing::InMemory;

using testing::CountNodes;

TEST(TransactionTest, CommitMakesTheChangesVisibleToOthers) {
  Database db("txn", InMemory());
  Connection writer(db);
  Connection reader(db);
  Transaction txn(writer);
  EXPECT_TRUE(writer.in_transaction());
  txn.Execute("CREATE (), ()");
  EXPECT_EQ(CountNodes(writer), 2);  // its own writes
  EXPECT_EQ(CountNodes(reader), 0);
  txn.Commit();
  EXPECT_FALSE(txn.active());
  EXPECT_FALSE(writer.in_transaction());
  EXPECT_EQ(CountNodes(reader), 2);
}

TEST(TransactionTest, LeavingTheScopeUncommittedRollsBack) {
  Database db("txn", InMemory());
  Connection conn(db);
  {
    Transaction txn(conn);
    conn.Execute("CREATE ()");  // through the connection: part of the transaction
  }
  EXPECT_FALSE(conn.in_transaction());
  EXPECT_EQ(CountNodes(conn), 0);
  try {
    Transaction txn(conn);
    txn.Execute("CREATE ()");
    throw std::runtime_error("the caller fails");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(CountNodes(conn), 0);
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
  EXPECT_EQ(CountNodes(conn), 1);
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
