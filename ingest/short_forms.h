// Short forms of issues: once an article names an issue by a trigger with a qualifying
// phrase ("a demilitarized zone in Idlib"), a later mention of the trigger's head without the
// qualifier ("a demilitarized zone along the contact line") refers to the same issue. News
// writes a topic out in full once and shortens it afterwards; without this, the short mention
// would name no issue or become an open topic of its own.
//
// Likewise "the sanctions" after "western sanctions": the last word of a trigger of two or
// more words, with "the", when it is no general word ("the talks", "the agreement").
//
// Conservative: the short form names no other issue, no two issues of the article share it,
// and the issue itself is mentioned in the article by a full trigger.
#ifndef PARLEY_INGEST_SHORT_FORMS_H_
#define PARLEY_INGEST_SHORT_FORMS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/annotate.h"

namespace parley::ingest {

struct ShortForm {
  std::uint32_t issue = 0;  // index into the lexicon's issues
  std::string phrase;       // lower case: "demilitarized zone"
  // A short form of a trigger naming the issue's opposite ("the embargo" after "the U.S. trade
  // embargo", for normalising relations with Cuba) names the opposite too.
  bool inverse = false;
  bool operator==(const ShortForm&) const = default;
};

// A candidate short form of an issue: the head's words, and whether it comes from a trigger
// naming the issue's opposite.
struct ShortFormHead {
  std::vector<std::string> words;
  bool inverse = false;
};

// The candidate short forms (lower-case keys) of every issue of an annotator's lexicon:
// computed once per lexicon, as an article's lexicon that adds only leaders has the same.
class ShortFormHeads {
 public:
  explicit ShortFormHeads(const Annotator& annotator);
  // Whether these are the heads of `annotator`'s issues (built from a lexicon with the very
  // same issue table: Lexicon copies share it until they change it).
  bool Fits(const Annotator& annotator) const;
  const std::vector<ShortFormHead>& Of(std::uint32_t issue) const { return heads_[issue]; }

 private:
  CopyOnWriteVector<IssueEntry> issues_;  // a copy sharing the table they were computed for
  std::vector<std::vector<ShortFormHead>> heads_;  // by issue
};

// The short forms of the issues mentioned in `sentences` (annotated with `annotator`) that
// also occur in them outside a full mention, each once. `heads`, when given and fitting the
// annotator, spares working out each mentioned issue's candidates.
std::vector<ShortForm> FindShortForms(const Annotator& annotator,
                                      const std::vector<Sentence>& sentences,
                                      const ShortFormHeads* heads = nullptr);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_SHORT_FORMS_H_
