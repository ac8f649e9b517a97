// libFuzzer target: the CSV importer. The input is a node file (with its header) and, after
// a line "---", a relationship file; imported into an in-memory database. Any input either
// loads or fails with parley::Error.
//
// Opening a database costs far more than importing a small file (RocksDB writes and
// verifies its options for every column family), so one database serves every input and is
// emptied after each: nodes and relationships deleted, every constraint and index dropped.
// When emptying fails, or leaves anything behind, a fresh database replaces it, so each
// input starts from an empty store either way. The statements that empty and check it are
// prepared once per database: parsing them again for every input took a third of the time
// emptying does. Names are never forgotten (a store's catalog only grows) and fuzzed headers
// bring new ones by the thousand, each load copying the property keys it adds to; a fresh
// database every kInputsPerDatabase inputs keeps that from slowing the run down.
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

// An empty in-memory database with a connection and the statements that empty it again.
class Store {
 public:
  Store()
      : db_(Open()),
        conn_(*db_),
        delete_all_(conn_.Prepare("MATCH (n) DETACH DELETE n")),
        constraints_(conn_.Prepare("SHOW CONSTRAINTS")),
        indexes_(conn_.Prepare("SHOW INDEXES")),
        any_node_(conn_.Prepare("MATCH (n) RETURN 1 LIMIT 1")) {}

  parley::Database& db() { return *db_; }

  // Drops everything the import may have left; true when the store is then empty.
  bool Empty() {
    try {
      delete_all_.Execute();
      const parley::Result constraints = constraints_.Execute();
      for (const auto& row : constraints.rows()) {
        conn_.Execute("DROP CONSTRAINT " + Escaped(row[0].as_string()));
      }
      const parley::Result indexes = indexes_.Execute();
      for (const auto& row : indexes.rows()) {
        conn_.Execute("DROP INDEX " + Escaped(row[0].as_string()));
      }
      return any_node_.Execute().row_count() == 0 && constraints_.Execute().row_count() == 0 &&
             indexes_.Execute().row_count() == 0;
    } catch (const parley::Error&) {
      return false;
    }
  }

 private:
  static std::unique_ptr<parley::Database> Open() {
    parley::DatabaseOptions options;
    options.in_memory = true;
    return std::make_unique<parley::Database>("fuzz", options);
  }

  // `name` as a Cypher symbolic name: in backticks, each backtick doubled.
  static std::string Escaped(const std::string& name) {
    std::string out = "`";
    for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
    return out + "`";
  }

  std::unique_ptr<parley::Database> db_;
  parley::Connection conn_;  // the statements belong to it; declared after the database
  parley::PreparedStatement delete_all_, constraints_, indexes_, any_node_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string dir = "/tmp/parley_csv_fuzz_" + std::to_string(::getpid());
  static const bool made = [] { return ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST; }();
  static auto store = std::make_unique<Store>();
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
    parley::ImportCsv(store->db(), options);
  } catch (const parley::Error&) {
  }
  static int inputs = 0;
  if (!store->Empty() || ++inputs % kInputsPerDatabase == 0) {
    store.reset();  // the old database closes before the new one opens
    store = std::make_unique<Store>();
  }
  return 0;
}
