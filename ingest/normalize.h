// Normalisation of raw article text before extraction.
//
// - typography: curly quotes and apostrophes become ASCII, dashes become "--", non-breaking
//   and odd spaces become spaces, soft hyphens vanish, CRLF becomes LF;
// - a name broken by a hyphen (`Medve-dev`, `Medve-\ndev`) is rejoined when the joined word
//   is a known name word;
// - web boilerplate lines (navigation, photo captions, greetings, archive notices, footers)
//   are dropped; the headline, if any, is kept as the first paragraph and as `title`;
// - a dateline (`SOCHI, Russia -- ...`, `MOSCOW (Reuters) - ...`) is taken off the front of
//   its paragraph and returned split into city and region.
// The result's `text` holds one paragraph per line.
#ifndef PARLEY_INGEST_NORMALIZE_H_
#define PARLEY_INGEST_NORMALIZE_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace parley::ingest {

struct NormalizeOptions {
  // Whether a lower-case word is a word of a name in the lexicon (for rejoining broken
  // hyphenation); none is when unset.
  std::function<bool(const std::string&)> is_name_word;
  // Lower-case phrases: a line starting with one of these is boilerplate.
  std::vector<std::string> boilerplate_prefixes;
  // Lower-case phrases: a line containing one of these is a caption or credit.
  std::vector<std::string> caption_markers;
};

struct NormalizedText {
  std::string text;             // paragraphs, one per line
  std::string title;            // the headline; empty when none
  std::string dateline_city;    // title case ("Sochi"); empty when no dateline
  std::string dateline_region;  // as written after the comma ("Texas", "Russia")
  std::string date;             // YYYY-MM-DD when the head of the text carries a full date
  // The month (1-12) and day of a dateline that gives no year ("MOSCOW, May 26 (UPI) -");
  // 0 when there is none.
  int dateline_month = 0;
  int dateline_day = 0;
  // The year of a closing "Copyright 2023 ..." or "(c) 2023" line, or 0: when the article
  // was published, where no full date says so.
  int copyright_year = 0;
};

// Typography only (quotes, dashes, spaces).
std::string FoldTypography(std::string_view raw);

NormalizedText Normalize(std::string_view raw, const NormalizeOptions& options);

// Finds a date written "Month D, YYYY" / "D Month YYYY" in `text`; YYYY-MM-DD or "".
std::string FindWrittenDate(std::string_view text);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_NORMALIZE_H_
