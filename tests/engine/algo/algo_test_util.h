// Small hand-checked graphs for the algorithm procedures, built through Cypher in an
// in-memory database, and a helper that reads a procedure's (node, value) rows by the
// nodes' names.
#ifndef PARLEY_TESTS_ENGINE_ALGO_ALGO_TEST_UTIL_H_
#define PARLEY_TESTS_ENGINE_ALGO_ALGO_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "parley/parley.h"
#include "tests/engine/main/in_memory.h"

namespace parley::algo_test {

using testing::InMemory;

class AlgoTest : public ::testing::Test {
 protected:
  AlgoTest() : db_("algo", InMemory()), conn_(db_) {}

  // `call` yields `node` and `column`: the value per node name.
  std::map<std::string, Value> ByName(const std::string& call, const std::string& column) {
    Result r = conn_.Execute(call + " YIELD node, " + column +
                             " RETURN node.name AS name, " + column + " AS value");
    std::map<std::string, Value> out;
    for (const auto& row : r.rows()) out[row[0].as_string()] = row[1];
    return out;
  }
  std::string ErrorOf(const std::string& query) {
    try {
      conn_.Execute(query);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  }

  Database db_;
  Connection conn_;
};

}  // namespace parley::algo_test

#endif  // PARLEY_TESTS_ENGINE_ALGO_ALGO_TEST_UTIL_H_
