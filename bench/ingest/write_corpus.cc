// Writes the ingest benchmark's generated corpus as DIR/0.txt ... DIR/N-1.txt, for timing
// `parley ingest` on disk: write_ingest_corpus DIR [N].
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bench/ingest/corpus.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: write_ingest_corpus DIR [ARTICLES]\n";
    return 2;
  }
  std::size_t n = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3000;
  parley::ingest::Lexicon lexicon =
      parley::ingest::Lexicon::LoadDirectory(std::string(PARLEY_SOURCE_DIR) + "/data/lexicon");
  std::filesystem::create_directories(argv[1]);
  std::vector<std::string> corpus = parley::bench::GenerateCorpus(lexicon, n);
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    std::ofstream(std::filesystem::path(argv[1]) / (std::to_string(i) + ".txt")) << corpus[i];
  }
  std::cout << corpus.size() << " articles written to " << argv[1] << "\n";
  return 0;
}
