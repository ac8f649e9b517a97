// Shared by the embedding API tests: an in-memory database and a node count.
#ifndef PARLEY_TESTS_ENGINE_MAIN_IN_MEMORY_H_
#define PARLEY_TESTS_ENGINE_MAIN_IN_MEMORY_H_

#include <cstdint>

#include "parley/parley.h"

namespace parley::testing {

// Options of a database that lives in memory only (nothing is written to disk).
inline DatabaseOptions InMemory() {
  DatabaseOptions o;
  o.in_memory = true;
  return o;
}

// The number of nodes `conn` sees.
inline std::int64_t CountNodes(Connection& conn) {
  return conn.Execute("MATCH (n) RETURN count(n)").rows()[0][0].as_int();
}

}  // namespace parley::testing

#endif  // PARLEY_TESTS_ENGINE_MAIN_IN_MEMORY_H_
