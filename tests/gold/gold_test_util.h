// Locating the shared gold data and the project's lexicon for the gold tests.
#ifndef PARLEY_TESTS_GOLD_GOLD_TEST_UTIL_H_
#define PARLEY_TESTS_GOLD_GOLD_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parley::gold {

// $PARLEY_SHARED_DIR, else the folder configured at build time.
inline std::string SharedDir() {
  if (const char* env = std::getenv("PARLEY_SHARED_DIR"); env && *env) return env;
  return PARLEY_SHARED_DIR;
}

inline std::string SeedsPath() { return SharedDir() + "/gold/seeds.json"; }

inline std::string LexiconDir() { return std::string(PARLEY_SOURCE_DIR) + "/data/lexicon"; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace parley::gold

#endif  // PARLEY_TESTS_GOLD_GOLD_TEST_UTIL_H_
