// The importing process ImportCrashTest kills: opens the store, prints "ready", imports the
// given node and relationship files (label Person, type KNOWS, integer ids) and exits.
// Usage: DIR NODES_CSV RELS_CSV.
#include <cstdio>

#include "engine/import/importer.h"
#include "parley/error.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DIR NODES_CSV RELS_CSV\n", argv[0]);
    return 2;
  }
  try {
    auto store = parley::storage::GraphStore::Open(argv[1], {});
    std::printf("ready\n");
    std::fflush(stdout);
    parley::ImportOptions options;
    options.id_type = parley::IdType::kInteger;
    options.nodes.push_back({argv[2], {"Person"}});
    options.relationships.push_back({argv[3], "KNOWS"});
    parley::import::ImportCsv(*store, options);  // nothing printed: the test closed the pipe
  } catch (const parley::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
