// libFuzzer target: the CSV importer. The input is a node file (with its header) and, after
// a line "---", a relationship file; imported into a fresh in-memory database. Any input
// either loads or fails with parley::Error.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "parley/import.h"
#include "parley/parley.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string dir = "/tmp/parley_csv_fuzz_" + std::to_string(::getpid());
  static const bool made = [] { return ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST; }();
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
    parley::DatabaseOptions db_options;
    db_options.in_memory = true;
    parley::Database db("fuzz", db_options);
    parley::ImportCsv(db, options);
  } catch (const parley::Error&) {
  }
  return 0;
}
