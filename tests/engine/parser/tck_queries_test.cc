// Runs the parser over every query in the openCypher TCK's .feature files.
//
// A query must parse unless its scenario expects a compile-time SyntaxError whose detail
// the parser owns; then it must fail with exactly that detail. Semantic details (the
// binder's, e.g. UndefinedVariable) must parse, so that the binder can raise them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/parser/parser.h"

namespace parley::parser {
namespace {

namespace fs = std::filesystem;

struct TckQuery {
  std::string where;  // file and scenario, for messages
  std::string text;
  std::string expected_detail;  // parser-owned detail it must fail with, or empty
};

const std::set<std::string>& ParserDetails() {
  static const std::set<std::string> details = {
      "UnexpectedSyntax",          "InvalidNumberLiteral",    "IntegerOverflow",
      "FloatingPointOverflow",     "InvalidUnicodeCharacter", "InvalidUnicodeLiteral",
      "InvalidRelationshipPattern"};
  return details;
}

fs::path FeatureDir() {
  if (const char* dir = std::getenv("PARLEY_TCK_DIR")) return fs::path(dir);
  return fs::path(PARLEY_SHARED_DIR) / "tck" / "features";
}

std::string Trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The cells of a Gherkin table row "| a | b\|c |", unescaped.
std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cur;
  std::string t = Trim(row);
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size()) {
      char n = t[++i];
      cur += n == 'n' ? '\n' : n;
    } else if (t[i] == '|') {
      cells.push_back(Trim(cur));
      cur.clear();
    } else {
      cur += t[i];
    }
  }
  return cells;
}

struct Block {
  std::string text;
  bool is_query_under_test = false;  // follows "When executing query:"
};

struct Scenario {
  std::string name;
  std::vector<Block> blocks;
  std::string syntax_error_detail;                 // compile-time SyntaxError detail, if expected
  std::vector<std::vector<std::string>> examples;  // header row first, per table joined
  std::vector<std::string> header;
};

void Expand(const std::string& file, const Scenario& sc, std::vector<TckQuery>& out) {
  std::vector<std::vector<std::pair<std::string, std::string>>> variants;
  if (sc.header.empty()) variants.emplace_back();
  for (const auto& row : sc.examples) {
    std::vector<std::pair<std::string, std::string>> v;
    for (std::size_t i = 0; i < sc.header.size() && i < row.size(); ++i) {
      v.emplace_back("<" + sc.header[i] + ">", row[i]);
    }
    variants.push_back(std::move(v));
  }
  for (const auto& v : variants) {
    for (const Block& b : sc.blocks) {
      std::string q = b.text;
      for (const auto& [key, value] : v) {
        for (std::size_t p = q.find(key); p != std::string::npos; p = q.find(key, p)) {
          q.replace(p, key.size(), value);
          p += value.size();
        }
      }
      bool parser_detail = ParserDetails().count(sc.syntax_error_detail) > 0;
      out.push_back({file + ": " + sc.name, q,
                     b.is_query_under_test && parser_detail ? sc.syntax_error_detail : ""});
    }
  }
}

void ReadFeature(const fs::path& path, std::vector<TckQuery>& out) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string file = path.filename().string();
  std::optional<Scenario> sc;
  std::string last_step;
  bool in_examples = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string t = Trim(lines[i]);
    if (t.rfind("Scenario", 0) == 0) {
      if (sc) Expand(file, *sc, out);
      sc = Scenario{t, {}, "", {}, {}};
      in_examples = false;
    } else if (!sc) {
      continue;
    } else if (t == "\"\"\"") {
      std::size_t indent = lines[i].find('"');
      std::string body;
      for (++i; i < lines.size() && Trim(lines[i]) != "\"\"\""; ++i) {
        std::size_t cut = std::min(indent, lines[i].find_first_not_of(" \t"));
        body += (body.empty() ? "" : "\n") + (cut >= lines[i].size() ? "" : lines[i].substr(cut));
      }
      sc->blocks.push_back({body, last_step.find("executing query") != std::string::npos});
    } else if (t.rfind("Examples", 0) == 0) {
      in_examples = true;
      sc->header.clear();
    } else if (in_examples && t.rfind("|", 0) == 0) {
      if (sc->header.empty()) {
        sc->header = Cells(t);
      } else {
        sc->examples.push_back(Cells(t));
      }
    } else if (!t.empty() && t[0] != '|' && t[0] != '#') {
      last_step = t;
      const std::string marker = "SyntaxError should be raised at compile time: ";
      if (std::size_t p = t.find(marker); p != std::string::npos) {
        sc->syntax_error_detail = Trim(t.substr(p + marker.size()));
      }
    }
  }
  if (sc) Expand(file, *sc, out);
}

TEST(TckQueriesTest, EveryTckQueryParsesOrFailsWithTheParsersDetail) {
  fs::path dir = FeatureDir();
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no TCK features at " << dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".feature") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<TckQuery> queries;
  for (const fs::path& f : files) ReadFeature(f, queries);
  ASSERT_FALSE(queries.empty()) << "the feature files under " << dir << " hold no queries";

  int failures = 0, expected_errors = 0;
  for (const TckQuery& q : queries) {
    std::string outcome;
    try {
      Parse(q.text);
    } catch (const Error& e) {
      outcome = e.detail().empty() ? "(error without detail)" : e.detail();
      if (q.expected_detail.empty()) outcome += std::string(": ") + e.what();
    }
    if (!q.expected_detail.empty()) ++expected_errors;
    if (outcome.rfind(q.expected_detail, 0) != 0 ||
        (q.expected_detail.empty() != outcome.empty())) {
      ++failures;
      ADD_FAILURE() << q.where << "\n  query: " << q.text << "\n  expected: "
                    << (q.expected_detail.empty() ? "to parse" : q.expected_detail)
                    << "\n  got: " << (outcome.empty() ? "parsed" : outcome);
    }
  }
  EXPECT_EQ(failures, 0) << "of " << queries.size() << " TCK queries";
  if (queries.size() > 1000) {  // the full TCK has a few dozen parser-error scenarios
    EXPECT_GT(expected_errors, 20) << "scenarios expecting parser errors were not recognised";
  }
}

// Mutated TCK queries (characters deleted, swapped, duplicated, tokens inserted) must either
// parse or fail with a positioned SyntaxError: no crash, no other exception.
TEST(TckQueriesTest, MutatedQueriesFailOnlyWithPositionedSyntaxErrors) {
  fs::path dir = FeatureDir();
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no TCK features at " << dir;
  std::vector<TckQuery> queries;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".feature") ReadFeature(entry.path(), queries);
  }
  ASSERT_FALSE(queries.empty());
  std::sort(queries.begin(), queries.end(),
            [](const TckQuery& a, const TckQuery& b) { return a.text < b.text; });
  const char* inserts[] = {"(",   ")",   "[",     "]",      "{",        "}",      ",",  ":",
                           "..",  "->",  "<-",    "*",      "|",        "'",      "`",  "$",
                           "NOT", "AND", "WHERE", "RETURN", "CASE",     "END",    "IN", "0x",
                           "/*",  "//",  "\\",    "\n",     "EXISTS {", "\u2014", "é",  "-1"};
  std::mt19937 rng(20261122);
  int failures = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string q = queries[rng() % queries.size()].text;
    for (int m = 0, n = 1 + static_cast<int>(rng() % 3); m < n && !q.empty(); ++m) {
      std::size_t pos = rng() % q.size();
      switch (rng() % 4) {
        case 0:
          q.erase(pos, 1 + rng() % 4);
          break;
        case 1:
          q.insert(pos, inserts[rng() % std::size(inserts)]);
          break;
        case 2:
          q.insert(pos, q.substr(rng() % q.size(), 1 + rng() % 8));
          break;
        default:
          std::swap(q[pos], q[rng() % q.size()]);
          break;
      }
    }
    try {
      Parse(q);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::kSyntaxError || !e.pos().known() || e.message().empty()) {
        ++failures;
        ADD_FAILURE() << "unpositioned or non-syntax error '" << e.what() << "' for: " << q;
      }
    } catch (const std::exception& e) {
      ++failures;
      ADD_FAILURE() << "unexpected exception '" << e.what() << "' for: " << q;
    }
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace parley::parser
