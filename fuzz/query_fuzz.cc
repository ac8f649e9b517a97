// libFuzzer target: the whole query path (parse, bind, plan, execute) on a small graph, each
// input in a transaction that is rolled back, with a time and a memory bound. Any input
// either runs or fails with parley::Error.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz/bounded_database.h"
#include "parley/parley.h"

namespace {

struct Fixture {
  Fixture() {
    db = std::make_unique<parley::Database>("fuzz", parley::fuzz::BoundedInMemoryOptions());
    conn = std::make_unique<parley::Connection>(*db);
    conn->Execute(
        "CREATE (a:Person {name: 'Ann', age: 31, tags: ['x', 'y']}), "
        "(b:Person {name: 'Bob', age: 42}), (c:City {name: 'Oslo', pop: 700000}), "
        "(d:Person:Admin {name: 'Dee', born: date('1990-05-01')}), "
        "(a)-[:KNOWS {since: 2010}]->(b), (b)-[:KNOWS]->(d), (d)-[:KNOWS]->(a), "
        "(a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN {w: 0.5}]->(c), (c)-[:NEAR]->(c)");
    conn->Execute("CREATE INDEX FOR (p:Person) ON (p.name)");
  }
  std::unique_ptr<parley::Database> db;
  std::unique_ptr<parley::Connection> conn;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  parley::Connection& conn = *fixture.conn;
  try {
    conn.Begin();
    conn.Execute(std::string_view(reinterpret_cast<const char*>(data), size),
                 {{"p", parley::Value(std::int64_t{1})}, {"s", parley::Value("Ann")}});
  } catch (const parley::Error&) {
  }
  try {
    if (conn.in_transaction()) conn.Rollback();
  } catch (const parley::Error&) {
  }
  return 0;
}
