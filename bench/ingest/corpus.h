// A deterministic corpus of article-like texts for the ingest benchmarks: datelines,
// headlines, meetings, stances, disputes, quotes, recalled history and filler, built from
// the lexicon's leaders, places and issue triggers.
#ifndef PARLEY_BENCH_INGEST_CORPUS_H_
#define PARLEY_BENCH_INGEST_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/lexicon.h"

namespace parley::bench {

std::vector<std::string> GenerateCorpus(const ingest::Lexicon& lexicon, std::size_t articles,
                                        std::uint64_t seed = 42);

// `corpus` with a sentence after each article's lead that introduces, with a title and a
// country, a leader the lexicon lacks ("Also at the table was President Tavo Kelundra of
// Chile."): the extractor then extends the lexicon for the article and extracts again, as it
// does for most real news.
std::vector<std::string> WithLeadersTheLexiconLacks(std::vector<std::string> corpus,
                                                    const ingest::Lexicon& lexicon,
                                                    std::uint64_t seed = 7);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_INGEST_CORPUS_H_
