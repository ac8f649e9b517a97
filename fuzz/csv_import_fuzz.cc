// libFuzzer target: the CSV importer. The input is a node file (with its header) and, after
// a line "---", a relationship file; imported into an in-memory database. Any input either
// loads or fails with parley::Error.
//
// Opening a database costs far more than importing a small file (RocksDB writes and
// verifies its options for every column family), so one database serves every input and is
// emptied after each: nodes and relationships deleted, every constraint and index dropped.
// When emptying fails, or leaves anything behind, a fresh database replaces it, so each
// input starts from an empty store either way. Names are never forgotten (a store's catalog
// only grows) and fuzzed headers bring new ones by the thousand, each load copying the
// property keys it adds to; a fresh database every kInputsPerDatabase inputs keeps that
// from slowing the run down.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "parley/import.h"
#include "parley/parley.h"

namespace {

constexpr int kInputsPerDatabase = 2000;

std::unique_ptr<parley::Database> OpenEmpty() {
  parley::DatabaseOptions options;
  options.in_memory = true;
  return std::make_unique<parley::Database>("fuzz", options);
}

// `name` as a Cypher symbolic name: in backticks, each backtick doubled.
std::string Escaped(const std::string& name) {
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

// Drops everything the import may have left; true when the store is then empty.
bool Empty(parley::Database& db) {
  try {
    parley::Connection conn(db);
    conn.Execute("MATCH (n) DETACH DELETE n");
    const parley::Result constraints = conn.Execute("SHOW CONSTRAINTS");
    for (const auto& row : constraints.rows()) {
      conn.Execute("DROP CONSTRAINT " + Escaped(row[0].as_string()));
    }
    const parley::Result indexes = conn.Execute("SHOW INDEXES");
    for (const auto& row : indexes.rows()) {
      conn.Execute("DROP INDEX " + Escaped(row[0].as_string()));
    }
    return conn.Execute("MATCH (n) RETURN 1 LIMIT 1").row_count() == 0 &&
           conn.Execute("SHOW CONSTRAINTS").row_count() == 0 &&
           conn.Execute("SHOW INDEXES").row_count() == 0;
  } catch (const parley::Error&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string dir = "/tmp/parley_csv_fuzz_" + std::to_string(::getpid());
  static const bool made = [] { return ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST; }();
  static std::unique_ptr<parley::Database> db = OpenEmpty();
  if (!made) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t split = input.find("\n---\n");
  std::string nodes = dir + "/nodes.csv", rels = dir + "/rels.csv";
  std::ofstream(nodes, std::ios::binary | std::ios::trunc) << input.substr(0, split);
  parley::ImportOptions options;
  options.nodes.push_back({nodes, {"N"}});
  if (split != std::string_view::npos) {
    std::ofstream(rels, std::ios::binary | std::ios::trunc) << input.substr(split + 5);
    options.relationships.push_back({rels, "R"});
  }
  options.skip_bad_rows = size % 2 == 1;
  options.id_type = size % 3 == 1 ? parley::IdType::kInteger : parley::IdType::kString;
  try {
    parley::ImportCsv(*db, options);
  } catch (const parley::Error&) {
  }
  static int inputs = 0;
  if (!Empty(*db) || ++inputs % kInputsPerDatabase == 0) db = OpenEmpty();
  return 0;
}
