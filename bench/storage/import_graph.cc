// Imports the synthetic graph's CSV files with the library behind `parley import`, for
// compare_import.sh where the `parley` command is not built:
//   import_graph DB_DIR PERSONS_CSV KNOWS_CSV
// Prints the wall time in seconds.
#include <chrono>
#include <cstdio>

#include "engine/import/importer.h"
#include "parley/error.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DB_DIR PERSONS_CSV KNOWS_CSV\n", argv[0]);
    return 2;
  }
  try {
    auto start = std::chrono::steady_clock::now();
    auto store = parley::storage::GraphStore::Open(argv[1], {});
    parley::ImportOptions options;
    options.id_type = parley::IdType::kInteger;
    options.nodes.push_back({argv[2], {"Person"}});
    options.relationships.push_back({argv[3], "KNOWS"});
    parley::ImportReport report = parley::import::ImportCsv(*store, options);
    store.reset();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("imported %llu nodes and %llu relationships in %.3f s\n",
                static_cast<unsigned long long>(report.nodes_imported),
                static_cast<unsigned long long>(report.relationships_imported), seconds);
  } catch (const parley::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
