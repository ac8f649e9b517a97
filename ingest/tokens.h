// Word tokens of normalised article text, shared by the phrase matcher and the extractor.
//
// A token is a word (letters, digits and non-ASCII bytes; an apostrophe inside a name such
// as O'Neill stays), a clitic split off a word (`'s`, `n't`), or one punctuation character.
// Periods are not tokens (sentences are split before tokenising). Runs of initials such as
// `U.S.`, `U. S.` or `H.W.` become one token (`US`, `HW`). Each token has a lower-case
// `key` for matching and a `surface` (original case, no dots) for case checks.
#ifndef PARLEY_INGEST_TOKENS_H_
#define PARLEY_INGEST_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::ingest {

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the tokenised text
  std::uint32_t end = 0;
  std::string key;      // lower case, dots removed
  std::string surface;  // original case, dots removed
  bool word = false;    // false for punctuation
  bool Capitalized() const;  // starts with a capital letter, ASCII or not ("Émile")
  bool AllCaps() const;
};

std::vector<Token> Tokenize(std::string_view text);

// Lower-case keys of a phrase, tokenised as text is (for lexicon phrases).
std::vector<std::string> PhraseKeys(std::string_view phrase);

// `word` without its diacritics, case kept: "Sánchez" -> "Sanchez", "Løkke" -> "Lokke",
// "Wałęsa" -> "Walesa", "Tuilaʻepa" -> "Tuilaepa". News writes a foreign name with its accents
// or without, and sometimes with only some of them ("Oscar Arias Sánchez"), so names are matched
// on this form. ASCII words, and bytes that are no well-formed UTF-8, are returned unchanged.
std::string FoldDiacritics(std::string_view word);

// True when every byte of `s` is ASCII (FoldDiacritics(s) == s).
bool IsAscii(std::string_view s);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_TOKENS_H_
