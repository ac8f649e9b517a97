// Writes the synthetic benchmark graph as CSV: generate_graph DIR [NODES [RELS]].
#include <cstdio>
#include <cstdlib>

#include "bench/storage/graph_generator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [NODES [RELS]]\n", argv[0]);
    return 2;
  }
  parley::bench::GraphSpec spec;
  if (argc > 2) spec.nodes = std::strtoull(argv[2], nullptr, 10);
  if (argc > 3) spec.rels = std::strtoull(argv[3], nullptr, 10);
  auto files = parley::bench::WriteGraphCsv(parley::bench::GeneratePowerLawGraph(spec), argv[1]);
  std::printf("%s\n%s\n", files.persons.c_str(), files.knows.c_str());
  return 0;
}
