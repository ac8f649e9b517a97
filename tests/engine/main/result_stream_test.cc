#include "parley/result_stream.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

using testing::InMemory;

std::int64_t CountLabel(Connection& conn, const std::string& label) {
  return conn.Execute("MATCH (n:" + label + ") RETURN count(n)").rows()[0][0].as_int();
}

TEST(ResultStreamTest, HandsOverEveryRowInOrder) {
  Database db("stream", InMemory());
  Connection conn(db);
  ResultStream s = conn.Stream("UNWIND range(1, $n) AS i RETURN i, i * 2 AS twice",
                               {{"n", Value(5000)}});
  EXPECT_EQ(s.columns(), (std::vector<std::string>{"i", "twice"}));
  EXPECT_EQ(s.column_index("twice"), 1);
  EXPECT_EQ(s.column_index("none"), -1);
  std::int64_t expected = 1;
  std::vector<Value> row;
  while (s.Next(&row)) {
    ASSERT_EQ(row[0], Value(expected));
    ASSERT_EQ(row[1], Value(2 * expected));
    ++expected;
  }
  EXPECT_EQ(expected, 5001);
  EXPECT_FALSE(s.Next(&row));
}

TEST(ResultStreamTest, NodesCarryLabelsAndProperties) {
  Database db("stream", InMemory());
  Connection conn(db);
  conn.Execute("CREATE (:L {k: 'v'})");
  ResultStream s = conn.Stream("MATCH (n:L) RETURN n");
  auto it = s.begin();
  ASSERT_NE(it, s.end());
  const Node& n = (*it)[0].as_node();
  EXPECT_EQ(n.labels, std::vector<std::string>{"L"});
  EXPECT_EQ(n.properties.at("k"), Value("v"));
  EXPECT_EQ(++it, s.end());
}

TEST(ResultStreamTest, AWriteCommitsAfterItsLastRowWithItsStatistics) {
  Database db("stream", InMemory());
  Connection conn(db);
  ResultStream s = conn.Stream("UNWIND range(1, 10) AS i CREATE (:S {i: i}) RETURN i");
  std::size_t rows = 0;
  for (const auto& row : s) rows += row.size();
  EXPECT_EQ(rows, 10u);
  EXPECT_EQ(s.stats().nodes_created, 10);
  s.Close();
  EXPECT_EQ(CountLabel(conn, "S"), 10);
}

TEST(ResultStreamTest, ClosingAWriteBeforeItsLastRowChangesNothing) {
  Database db("stream", InMemory());
  Connection conn(db);
  // Far more rows than the stream buffers: the statement cannot end before the reader.
  ResultStream s = conn.Stream("UNWIND range(1, 200000) AS i CREATE (:S {i: i}) RETURN i");
  std::vector<Value> row;
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(s.Next(&row));
  s.Close();
  EXPECT_FALSE(s.Next(&row));
  EXPECT_EQ(s.stats().nodes_created, 0);
  EXPECT_EQ(CountLabel(conn, "S"), 0);
}

TEST(ResultStreamTest, ErrorsBeforeTheStartAreThrownByStream) {
  Database db("stream", InMemory());
  Connection conn(db);
  try {
    conn.Stream("RETURN 1 +");
    FAIL() << "expected a SyntaxError";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  }
  ResultStream s = conn.Stream("RETURN x");  // bound on the stream's thread
  EXPECT_THROW(s.columns(), Error);
}

TEST(ResultStreamTest, RuntimeErrorsComeFromNextAfterTheRowsBefore) {
  Database db("stream", InMemory());
  Connection conn(db);
  ResultStream s = conn.Stream("UNWIND [1, 2, 0] AS x RETURN 10 / x AS q");
  std::vector<Value> row;
  ASSERT_TRUE(s.Next(&row));
  EXPECT_EQ(row[0], Value(10));
  ASSERT_TRUE(s.Next(&row));
  EXPECT_EQ(row[0], Value(5));
  EXPECT_THROW(s.Next(&row), Error);
}

TEST(ResultStreamTest, TheConnectionIsBusyWhileAStreamIsOpen) {
  Database db("stream", InMemory());
  Connection conn(db);
  ResultStream s = conn.Stream("UNWIND range(1, 100000) AS i RETURN i");
  try {
    conn.Execute("RETURN 1");
    FAIL() << "expected ConnectionBusy";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "ConnectionBusy");
  }
  EXPECT_THROW(conn.Begin(), Error);
  EXPECT_THROW(conn.Stream("RETURN 1"), Error);
  s.Close();
  EXPECT_EQ(conn.Execute("RETURN 1").rows()[0][0], Value(1));
}

TEST(ResultStreamTest, InterruptCancelsTheStreamingStatement) {
  Database db("stream", InMemory());
  Connection conn(db);
  // A hundred million rows counted: busy for long before its one row.
  ResultStream s = conn.Stream(
      "UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b RETURN count(*) AS c");
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    conn.Interrupt();
  });
  std::vector<Value> row;
  try {
    while (s.Next(&row)) {
    }
    FAIL() << "expected QueryCancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "QueryCancelled");
  }
  canceller.join();
}

TEST(ResultStreamTest, MovedStreamsCloseOnce) {
  Database db("stream", InMemory());
  Connection conn(db);
  ResultStream a = conn.Stream("UNWIND range(1, 3) AS i RETURN i");
  ResultStream b = std::move(a);
  std::vector<Value> row;
  EXPECT_FALSE(a.Next(&row));  // NOLINT: a moved-from stream is empty
  int n = 0;
  while (b.Next(&row)) ++n;
  EXPECT_EQ(n, 3);
  ResultStream empty;
  EXPECT_TRUE(empty.columns().empty());
}

}  // namespace
}  // namespace parley
