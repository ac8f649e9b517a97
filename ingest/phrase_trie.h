// A token trie for finding many phrases (names, aliases, issue triggers, cues) in a sentence
// in one pass per start token.
//
// Phrases are tokenised like text (tokens.h) and keyed by lower-case tokens. A phrase added
// as case-sensitive matches only where each of its capitalised words appears with the same
// capitalisation (or in all capitals): `US` matches "US" and "U.S." but not "us"; lower-case
// pattern words ("the" in "the Kremlin") match any case. Phrases added with `allow_gaps`
// may skip up to two "skippable" tokens between their words ("failed yesterday to"); other
// phrases match only contiguous words, even where they share a prefix with such a phrase.
// A phrase's matches depend on it alone, so phrases split over several tries are found as in
// one (Annotator layers an article's own phrases over the general ones).
// Thread-safety: const methods may be called concurrently once building is done.
#ifndef PARLEY_INGEST_PHRASE_TRIE_H_
#define PARLEY_INGEST_PHRASE_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/tokens.h"

namespace parley::ingest {

class PhraseTrie {
 public:
  struct Match {
    std::uint32_t begin = 0;  // token index of the first word
    std::uint32_t end = 0;    // one past the last word
    std::uint32_t payload = 0;
  };

  PhraseTrie();

  // Adds `phrase` with `payload`. Empty phrases are ignored.
  void Add(std::string_view phrase, std::uint32_t payload, bool case_sensitive,
           bool allow_gaps = false);
  // Marks a lower-case word as skippable inside gap-allowing phrases.
  void AddSkippable(std::string_view word);

  // Vocabulary ids of `tokens` (for FindAll); unknown words get kNoId.
  std::vector<std::uint32_t> Encode(const std::vector<Token>& tokens) const;

  // Payloads of the phrases whose lower-case keys (PhraseKeys) are exactly `keys`, whatever
  // their case sensitivity; in the order they were added.
  std::vector<std::uint32_t> PayloadsOf(const std::vector<std::string>& keys) const;

  // Appends every match (all lengths, all payloads) to `out`, ordered by start token.
  void FindAll(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& ids,
               std::vector<Match>* out) const;

  static constexpr std::uint32_t kNoId = 0xffffffffu;

 private:
  struct Node {
    std::unordered_map<std::uint32_t, std::uint32_t> next;
    std::vector<std::uint32_t> entries;  // indices into entries_
    bool gaps = false;
  };
  struct Entry {
    std::uint32_t payload;
    std::vector<std::string> surfaces;  // empty: case-insensitive
    bool gaps = false;                  // may match with skipped words
  };
  std::uint32_t Intern(const std::string& key);
  bool CaseMatches(const Entry& e, const std::vector<Token>& tokens,
                   const std::vector<std::uint32_t>& positions) const;

  std::unordered_map<std::string, std::uint32_t> vocab_;
  std::vector<bool> skippable_;  // by vocabulary id
  std::vector<Node> nodes_;
  std::vector<Entry> entries_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_PHRASE_TRIE_H_
