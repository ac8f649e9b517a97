// Statements built to exhaust the stack: long chains of operators, postfix lookups,
// labels, conjuncts and pattern hops, and deep parameters. Past the documented bounds
// (parser.h, planner.h) each is a SyntaxError; at the bounds each runs, even on a thread
// with a 1 MiB stack.
#include <gtest/gtest.h>
#include <pthread.h>

#include <functional>
#include <string>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley {
namespace {

using testing::InMemory;

std::string Repeat(const std::string& piece, int times, const std::string& separator = "") {
  std::string out;
  for (int i = 0; i < times; ++i) out += (i ? separator : "") + piece;
  return out;
}

// The stack the statements at the bounds must fit in: 1 MiB, or 16 MiB under
// AddressSanitizer, whose red zones make the printer's frames many times larger.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kSmallStack = 16 << 20;
#else
constexpr std::size_t kSmallStack = 1 << 20;
#endif

// Runs `fn` on a new thread with a stack of `bytes`, and waits for it.
void RunOnSmallStack(std::size_t bytes, std::function<void()> fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, bytes);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, &fn), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

class InputLimitsTest : public ::testing::Test {
 protected:
  Error ErrorOf(const std::string& query) {
    try {
      conn_.Execute(query);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "no error for a statement of " << query.size() << " bytes";
    return Error(ErrorKind::kRuntimeError, "", "");
  }

  Database db_{"limits", InMemory()};
  Connection conn_{db_};
};

TEST_F(InputLimitsTest, LongChainsAreSyntaxErrorsNotCrashes) {
  const std::string too_deep[] = {
      "RETURN " + Repeat("-", 12593) + "1",
      "RETURN [1]" + Repeat("[0]", 9273),
      "RETURN " + Repeat("1", 11031, "+"),
      "MATCH (n) WHERE " + Repeat("n.x = 1", 16497, " AND ") + " RETURN n",
      "RETURN " + Repeat("1", 100000, " < "),
      "RETURN " + Repeat("NOT ", 5000) + "true",
      "RETURN " + Repeat("(", 20000) + "1" + Repeat(")", 20000),
      "RETURN " + Repeat("x.a", 1, "") + Repeat(".b", 5000),
  };
  for (const std::string& query : too_deep) {
    Error e = ErrorOf(query);
    EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError) << e.what();
    EXPECT_NE(std::string(e.what()).find("too deeply"), std::string::npos) << e.what();
  }
}

TEST_F(InputLimitsTest, LongPatternsAreSyntaxErrorsNotCrashes) {
  std::string hops = "MATCH (a0)";
  for (int i = 1; i < 3000; ++i) hops += "-->(a" + std::to_string(i) + ")";
  Error e = ErrorOf(hops + " RETURN a0");
  EXPECT_EQ(e.kind(), ErrorKind::kSyntaxError);
  EXPECT_EQ(e.detail(), "QueryTooComplex");
}

TEST_F(InputLimitsTest, ManyLabelsAndInlinePropertiesShareOneFilter) {
  conn_.Execute("CREATE (:A {k0: 0, k1: 1})");
  Result labels = conn_.Execute("MATCH (n" + Repeat(":A", 21182) + ") RETURN count(n)");
  EXPECT_EQ(labels.rows()[0][0].as_int(), 1);
  std::string props;
  for (int i = 0; i < 20000; ++i) props += (i ? ", k" : "k") + std::to_string(i % 2) + ": " +
                                          std::to_string(i % 2);
  Result matched = conn_.Execute("MATCH (n {" + props + "}) RETURN count(n)");
  EXPECT_EQ(matched.rows()[0][0].as_int(), 1);
}

TEST_F(InputLimitsTest, StatementsAtTheBoundsRunOnASmallStack) {
  conn_.Execute("CREATE (:P {x: 1})");
  RunOnSmallStack(kSmallStack, [this] {
    try {
      EXPECT_EQ(conn_.Execute("RETURN " + Repeat("-", 998) + "1").rows()[0][0].as_int(), 1);
      EXPECT_EQ(conn_.Execute("RETURN " + Repeat("1", 999, "+")).rows()[0][0].as_int(), 999);
      EXPECT_EQ(conn_.Execute("RETURN [[1]]" + Repeat("[0]", 2) + " + " + Repeat("0", 990, "+"))
                    .rows()[0][0]
                    .as_int(),
                1);
      EXPECT_EQ(conn_.Execute("MATCH (n:P) WHERE " + Repeat("n.x = 1", 990, " AND ") +
                              " RETURN count(n)")
                    .rows()[0][0]
                    .as_int(),
                1);
      EXPECT_EQ(conn_.Execute("RETURN " + Repeat("[", 499) + "1" + Repeat("]", 499) + " IS NULL")
                    .rows()[0][0]
                    .as_bool(),
                false);
      std::string hops = "MATCH (a0:P)";
      for (int i = 1; i < 400; ++i) hops += "-[:R]->(a" + std::to_string(i) + ")";
      EXPECT_TRUE(conn_.Execute(hops + " RETURN a0").rows().empty());
    } catch (const Error& e) {
      ADD_FAILURE() << e.what();
    }
  });
}

TEST_F(InputLimitsTest, LongLiteralsWithManyEscapesDecodeWhole) {
  std::string body = Repeat("abcdefg\\n", 120000);
  Result r = conn_.Execute("RETURN size('" + body + "') AS n");
  EXPECT_EQ(r.rows()[0][0].as_int(), 120000 * 8);
  // A bad escape at the end is still reported where it is.
  Error e = ErrorOf("RETURN '" + Repeat("a\\n", 50000) + "\\q'");
  EXPECT_NE(std::string(e.what()).find("column 150009"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace parley
