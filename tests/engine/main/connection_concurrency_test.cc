// Concurrency as connection.h documents it: readers on snapshots alongside one writer,
// a second writer in the process waiting its turn, another process locked out.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "parley/parley.h"

namespace parley {
namespace {

class ConnectionConcurrencyTest : public ::testing::Test {
 protected:
  ConnectionConcurrencyTest() {
    dir_ = (std::filesystem::temp_directory_path() /
            ("parley_concurrency_" + std::to_string(::getpid())))
               .string();
    std::filesystem::remove_all(dir_);
  }
  ~ConnectionConcurrencyTest() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(ConnectionConcurrencyTest, ReadersSeeSnapshotsWhileOneWriterCommits) {
  Database db(dir_);
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    Connection conn(db);
    PreparedStatement add = conn.Prepare("CREATE (:C {i: $i}), (:C {i: -$i})");
    for (std::int64_t i = 1; i <= 150; ++i) add.Execute({{"i", Value(i)}});
    // Two statements in one transaction: readers see both or neither.
    for (std::int64_t i = 151; i <= 200; ++i) {
      Transaction txn(conn);
      txn.Execute("CREATE (:C {i: $i})", {{"i", Value(i)}});
      txn.Execute("CREATE (:C {i: $i})", {{"i", Value(-i)}});
      txn.Commit();
    }
    writing = false;
  });
  std::vector<std::thread> readers;
  std::atomic<int> failures{0};
  std::atomic<int> reads{0};
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      Connection conn(db);
      std::int64_t last = 0;
      do {
        // Two scans in one statement read one snapshot: they agree, and pairs are whole.
        Result res = conn.Execute(
            "MATCH (a:C) WITH count(a) AS n, sum(a.i) AS s "
            "OPTIONAL MATCH (b:C) RETURN n, s, count(b) AS m");
        if (res.row_count() != 1) {
          ++failures;
          break;
        }
        std::int64_t n = res.rows()[0][0].as_int();
        std::int64_t m = res.rows()[0][2].as_int();
        if (n != m || n % 2 != 0 || res.rows()[0][1].as_int() != 0 || n < last) ++failures;
        last = n;
        ++reads;
      } while (writing);
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GE(reads, 4);
  Connection conn(db);
  EXPECT_EQ(conn.Execute("MATCH (c:C) RETURN count(c)").rows()[0][0], Value(400));
}

TEST_F(ConnectionConcurrencyTest, ASecondWriterWaitsForTheFirstToEnd) {
  Database db(dir_);
  Connection first(db);
  Connection second(db);
  Transaction txn(first);
  txn.Execute("CREATE (:W {by: 'first'})");
  std::atomic<bool> second_done{false};
  std::int64_t seen = -1;
  std::thread t([&] {
    Result r = second.Execute("MATCH (w:W) CREATE (:W {by: 'second'}) RETURN count(w) AS n");
    seen = r.rows().empty() ? 0 : r.rows()[0][0].as_int();
    second_done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(second_done) << "the second writer ran while the first held the database";
  // Readers are not held up by the open transaction.
  Connection reader(db);
  EXPECT_EQ(reader.Execute("MATCH (w:W) RETURN count(w)").rows()[0][0], Value(0));
  txn.Commit();
  t.join();
  EXPECT_TRUE(second_done);
  EXPECT_EQ(seen, 1);  // it ran after the first committed, and saw its node
  EXPECT_EQ(reader.Execute("MATCH (w:W) RETURN count(w)").rows()[0][0], Value(2));
}

TEST_F(ConnectionConcurrencyTest, AnotherProcessGetsTheLockError) {
  Database db(dir_);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    std::string message = "opened";
    try {
      Database other(dir_);
    } catch (const Error& e) {
      message = e.detail() + "|" + e.what();
    }
    (void)!::write(fds[1], message.data(), message.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) message.append(buf, n);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_EQ(message.rfind("DatabaseLocked|database is locked by process " +
                              std::to_string(::getpid()), 0),
            0u)
      << message;
}

}  // namespace
}  // namespace parley
