// Shared by the ingest tests: the fixture lexicon (tests/ingest/fixtures/lexicon) with the
// project's cues (data/lexicon/cues.tsv), loaded once.
#ifndef PARLEY_TESTS_INGEST_TEST_LEXICON_H_
#define PARLEY_TESTS_INGEST_TEST_LEXICON_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extractor.h"
#include "ingest/lexicon.h"

namespace parley::ingest::testing {

inline const Lexicon& FixtureLexicon() {
  static const Lexicon* lexicon = [] {
    auto* lex = new Lexicon(
        Lexicon::LoadDirectory(std::string(PARLEY_SOURCE_DIR) + "/tests/ingest/fixtures/lexicon"));
    lex->LoadFile(std::string(PARLEY_SOURCE_DIR) + "/data/lexicon/cues.tsv");
    return lex;
  }();
  return *lexicon;
}

inline const Extractor& FixtureExtractor() {
  static const Extractor* extractor = new Extractor(FixtureLexicon());
  return *extractor;
}

// The facts the fixture extractor finds in `text`, read as a file named t.txt.
inline ArticleFacts Extract(std::string_view text) {
  return FixtureExtractor().Extract(text, "t.txt");
}

// The leaders that attended the article's summit, sorted.
inline std::vector<std::string> Attendees(const ArticleFacts& facts) {
  std::vector<std::string> out;
  for (const auto& a : facts.attendance) out.push_back(a.leader);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace parley::ingest::testing

#endif  // PARLEY_TESTS_INGEST_TEST_LEXICON_H_
