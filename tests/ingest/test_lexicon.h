// Shared by the ingest tests: the fixture lexicon (tests/ingest/fixtures/lexicon) with the
// project's cues (data/lexicon/cues.tsv), loaded once.
#ifndef PARLEY_TESTS_INGEST_TEST_LEXICON_H_
#define PARLEY_TESTS_INGEST_TEST_LEXICON_H_

#include <string>

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

}  // namespace parley::ingest::testing

#endif  // PARLEY_TESTS_INGEST_TEST_LEXICON_H_
