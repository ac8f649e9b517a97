// Helpers shared by the parser tests.
#ifndef PARLEY_TESTS_ENGINE_PARSER_PARSE_TEST_UTIL_H_
#define PARLEY_TESTS_ENGINE_PARSER_PARSE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>

#include "engine/parser/ast.h"
#include "engine/parser/parser.h"

namespace parley::parser {

// The canonical form of a whole statement.
inline std::string Canon(std::string_view query) { return ast::ToString(Parse(query)); }

// The first RETURN item of `RETURN <expr>`, parsed and printed.
inline std::string Expr(std::string_view expr) {
  ast::Statement s = Parse("RETURN " + std::string(expr));
  const auto& ret = std::get<ast::ReturnClause>(s.query().parts[0].clauses[0]);
  return ast::ToString(*ret.projection.items[0].expr);
}

// The error `fn` throws; fails the test if it throws none.
inline Error CatchError(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a parley::Error";
  return Error(ErrorKind::kRuntimeError, "", "no error");
}

inline Error ParseError(std::string_view query) {
  return CatchError([&] { Parse(query); });
}

}  // namespace parley::parser

#endif  // PARLEY_TESTS_ENGINE_PARSER_PARSE_TEST_UTIL_H_
