// The extraction library's entry point: article text in, ArticleFacts out. Pure: no I/O,
// no database.
//
//   Lexicon lex = Lexicon::LoadDirectory("data/lexicon");
//   Extractor extractor(lex);
//   ArticleFacts facts = extractor.Extract(text, "articles/000.txt");
//
// An Extractor is immutable once built; Extract may run concurrently on several threads.
#ifndef PARLEY_INGEST_EXTRACTOR_H_
#define PARLEY_INGEST_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "ingest/annotate.h"
#include "ingest/facts.h"
#include "ingest/lexicon.h"
#include "ingest/normalize.h"
#include "ingest/open_topics.h"
#include "ingest/sentences.h"
#include "ingest/short_forms.h"

namespace parley::ingest {

class Extractor {
 public:
  // REQUIRES: `lexicon` outlives the Extractor.
  explicit Extractor(const Lexicon& lexicon);
  // Not copied or moved: its normalisation consults its own annotator.
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts the facts of one article. `path` is recorded as given. REQUIRES: `text` is
  // valid UTF-8 (Ingest checks files before calling this).
  ArticleFacts Extract(std::string_view text, const std::string& path) const;

  // The normalised text Extract works on (its hash is the Article id).
  NormalizedText NormalizeArticle(std::string_view text) const;

  const Annotator& annotator() const { return annotator_; }

 private:
  // This extractor with `extended` (a lexicon extending base's: Annotator's extending
  // constructor) in place of base's lexicon.
  Extractor(const Extractor& base, const Lexicon& extended);

  Annotator annotator_;
  // The general lexicon's candidate short forms, shared with the extractors of articles that
  // add only leaders to it.
  std::shared_ptr<const ShortFormHeads> short_form_heads_;
  NormalizeOptions normalize_options_;
  SentenceOptions sentence_options_;
  std::vector<std::string> outlets_;
  bool with_short_forms_ = false;  // the lexicon already holds the article's short forms
  bool with_open_topics_ = false;  // the lexicon already holds the article's open topics
  // Known issues the article names by their names where open topics could stand, found
  // before its open topics were added (FindOpenTopics).
  std::vector<NamedIssue> named_issues_;
};

// The stable Article id: 32 hex digits of a 128-bit hash of the normalised text.
std::string ArticleId(std::string_view normalized_text);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_EXTRACTOR_H_
