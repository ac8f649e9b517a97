// Open topics: issues the taxonomy (issues.tsv) does not list. A noun phrase that is the
// object of an explicit agenda, stance or dispute cue ("discussed bilateral trade
// imbalances", "disagreed over fishing quotas") and matches no known issue becomes an Issue
// named by its normalised form: lower case, determiners and a possessive leader or country
// dropped, the head noun's plural folded ("the bilateral trade imbalances" -> "bilateral
// trade imbalance"). Its surface forms become triggers, so later mentions merge with it.
//
// Strict by design: 1-4 lower-case content words straight after the cue (and its
// preposition), headed by a noun that is not a generic word ("issues", "relations",
// "cooperation"), overlapping no name, place, issue or cue. After an agenda cue, each item of a
// list is such a phrase ("discussed fish quotas, river pollution and the border"), and so is a
// gerund's object ("focused on reforming global financial institutions"). An agreement is a
// general word too, unless plain words say what it is about ("signed a non-aggression pact"),
// or it is of or on something ("a pact on defence technology": the topic is what it is on).
//
// A named agreement, law, forum or project after such a cue, or after a meeting's "talks on",
// is a topic too, named as written: capitalised words that name no entity, ending in a head
// such as "Act", "Treaty", "format" or opening with one and "of" ("the Normandy format", "the
// Treaty of Lausanne", "a Free Trade Area of the Americas"). The initials of its capitalised
// words, three or more, are a trigger of it too ("the FTAA").
//
// A phrase that is a known issue's name ("discussed energy and trade") names that issue
// there, and only there: a NamedIssue, not a trigger (bare "trade" elsewhere in the article,
// as in "trade protectionism", is no mention of it).
//
// A country or capital can be a topic too, named as the object of an agenda or dispute cue
// ("differences over Berlin", "also discussed Laos"): an Issue named after the place. Its
// trigger is a country word, so its later mentions count only where the text makes the place a
// topic (data/lexicon/README.md, issues.tsv), never "talks in Berlin".
#ifndef PARLEY_INGEST_OPEN_TOPICS_H_
#define PARLEY_INGEST_OPEN_TOPICS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/annotate.h"

namespace parley::ingest {

struct OpenTopic {
  std::string name;                  // normalised: "bilateral trade imbalance"
  std::vector<std::string> triggers;  // surface forms, lower case, name first
  bool operator==(const OpenTopic&) const = default;
};

// A known issue named by its canonical name where an open topic could stand: sentence index
// and token range.
struct NamedIssue {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t issue = 0;  // lexicon issue index
  bool operator==(const NamedIssue&) const = default;
};

// The open topics of `sentences` (annotated with `annotator`), each once, in text order;
// `named`, when given, receives the known issues named so (in text order).
std::vector<OpenTopic> FindOpenTopics(const Annotator& annotator,
                                      const std::vector<Sentence>& sentences,
                                      std::vector<NamedIssue>* named = nullptr);

// Adds the mentions of `named` to `sentences` (issues stay ordered by position), where the
// tokens are still there and no issue mention covers them already.
void AddNamedIssues(const std::vector<NamedIssue>& named, std::vector<Sentence>& sentences);

// The normalised name of a topic phrase's lower-case content words (plural of the head
// folded).
std::string NormalizeTopic(const std::vector<std::string>& words);


}  // namespace parley::ingest

#endif  // PARLEY_INGEST_OPEN_TOPICS_H_
