// Runs the data-driven query tests: every tests/queries/**/*.test file, each against a
// fresh in-memory database.
//
// File format (blocks separated by blank lines; lines starting with # are comments):
//   graph NAME              run tests/queries/graphs/NAME.cypher (statements split on ;)
//   statement ok            the following lines are one statement that must succeed
//   query ordered|unordered the following lines up to ---- are one query; the lines after
//                           ---- up to a blank line are its rows, each value in
//                           Value::ToString form, values separated by " | "
//   error KIND [DETAIL]     the following lines are one statement that must fail so
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "parley/parley.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

fs::path QueriesDir() { return fs::path(PARLEY_SOURCE_DIR) / "tests" / "queries"; }

std::vector<std::string> TestFiles() {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(QueriesDir())) {
    if (entry.path().extension() == ".test") {
      out.push_back(fs::relative(entry.path(), QueriesDir()).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> ReadLines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string RenderRow(const std::vector<Value>& row) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += " | ";
    out += row[i].ToString();
  }
  return out;
}

void RunScript(Connection& conn, const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string stmt = text.substr(start, end - start);
    if (stmt.find_first_not_of(" \t\r\n") != std::string::npos) conn.Execute(stmt);
    start = end + 1;
  }
}

class QueryFileTest : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryFileTest, MatchesExpectedResults) {
  fs::path path = QueriesDir() / GetParam();
  std::vector<std::string> lines = ReadLines(path);
  DatabaseOptions options;
  options.in_memory = true;
  Database db("query_file_test", options);
  Connection conn(db);
  std::size_t i = 0;
  auto next_block_line = [&](std::size_t j) { return j < lines.size() && !lines[j].empty(); };
  while (i < lines.size()) {
    const std::string& head = lines[i];
    if (head.empty() || head[0] == '#') {
      ++i;
      continue;
    }
    std::size_t at = i + 1;
    std::string where = GetParam() + ":" + std::to_string(at);
    std::istringstream words(head);
    std::string verb, arg, arg2;
    words >> verb >> arg >> arg2;
    ++i;
    if (verb == "graph") {
      RunScript(conn, QueriesDir() / "graphs" / (arg + ".cypher"));
      continue;
    }
    std::string query;
    while (next_block_line(i) && lines[i] != "----") query += lines[i++] + "\n";
    if (verb == "statement") {
      EXPECT_NO_THROW(conn.Execute(query)) << where;
      continue;
    }
    if (verb == "error") {
      try {
        conn.Execute(query);
        ADD_FAILURE() << where << ": expected " << arg << " " << arg2;
      } catch (const Error& e) {
        EXPECT_EQ(ErrorKindName(e.kind()), arg) << where << ": " << e.what();
        if (!arg2.empty()) {
          EXPECT_EQ(e.detail(), arg2) << where << ": " << e.what();
        }
      }
      continue;
    }
    ASSERT_EQ(verb, "query") << where;
    std::vector<std::string> expected;
    if (i < lines.size() && lines[i] == "----") {
      ++i;
      while (next_block_line(i)) expected.push_back(lines[i++]);
    }
    std::vector<std::string> actual;
    try {
      Result r = conn.Execute(query);
      for (const auto& row : r.rows()) actual.push_back(RenderRow(row));
    } catch (const Error& e) {
      ADD_FAILURE() << where << ": " << ErrorKindName(e.kind()) << " " << e.detail() << ": "
                    << e.what();
      continue;
    }
    if (arg != "ordered") {
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
    }
    EXPECT_EQ(actual, expected) << where << "\n" << query;
  }
}

std::string FileTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param.substr(0, info.param.size() - 5)) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, QueryFileTest, ::testing::ValuesIn(TestFiles()), FileTestName);

}  // namespace
}  // namespace parley
