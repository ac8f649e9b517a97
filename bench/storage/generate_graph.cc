// Writes the synthetic benchmark graph as CSV: generate_graph DIR [NODES [RELS]].
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "bench/storage/graph_generator.h"

namespace {

int Usage(const char* argv0, int status) {
  std::fprintf(status == 0 ? stdout : stderr, "usage: %s DIR [NODES [RELS]]\n", argv0);
  return status;
}

// A positive count written in decimal digits only, or nothing.
std::optional<unsigned long long> Count(const char* text) {
  if (*text < '0' || *text > '9') return std::nullopt;
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || n == 0) return std::nullopt;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0)) {
    return Usage(argv[0], 0);
  }
  // An option where the folder belongs would otherwise become a folder of that name.
  if (argc < 2 || argc > 4 || argv[1][0] == '-') return Usage(argv[0], 2);
  parley::bench::GraphSpec spec;
  for (int i = 2; i < argc; ++i) {
    std::optional<unsigned long long> n = Count(argv[i]);
    if (!n) {
      std::fprintf(stderr, "%s: '%s' is not a positive count\n", argv[0], argv[i]);
      return 2;
    }
    (i == 2 ? spec.nodes : spec.rels) = *n;
  }
  auto files = parley::bench::WriteGraphCsv(parley::bench::GeneratePowerLawGraph(spec), argv[1]);
  std::printf("%s\n%s\n", files.persons.c_str(), files.knows.c_str());
  return 0;
}
