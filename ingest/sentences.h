// Sentence splitting for normalised article text (one paragraph per line).
//
// A sentence ends at a line break, or at `.`, `!` or `?` (with any closing quotes or
// brackets after it) followed by a space and a capital letter, a digit or an opening
// quote, unless the period belongs to an abbreviation (`Mr.`, `Gen.`, `Sen.`), an initial
// (`W.`, `H. W.`) or an initialism (`U.S.`) that does not end the sentence: after an
// initialism the text splits only when a common sentence opener (`The`, `He`, ...) follows, never
// a word that as often follows the initialism inside a sentence ("U.S. President", "U.S.
// officials").
// A quotation that ends in `."` or `,"` continues its sentence when the next word is lower
// case ("... ," he said).
#ifndef PARLEY_INGEST_SENTENCES_H_
#define PARLEY_INGEST_SENTENCES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace parley::ingest {

struct SentenceSpan {
  std::uint32_t begin = 0;  // byte offsets into the text
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;  // 0-based line number
};

struct SentenceOptions {
  // Lower-case abbreviations without their period ("mr", "gen", "sept"). Empty: defaults.
  std::unordered_set<std::string> abbreviations;
  // Words that open sentences (lower case), consulted after an initialism. Empty: defaults.
  std::unordered_set<std::string> openers;
};

// The longest sentence kept whole, in bytes: a longer run (no real sentence of news comes
// near it) is cut at spaces into pieces no longer.
inline constexpr std::size_t kMaxSentenceBytes = 2000;

std::vector<SentenceSpan> SplitSentences(std::string_view text, const SentenceOptions& options);

// The built-in lists behind empty SentenceOptions.
const std::unordered_set<std::string>& DefaultAbbreviations();
const std::unordered_set<std::string>& DefaultOpeners();

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_SENTENCES_H_
