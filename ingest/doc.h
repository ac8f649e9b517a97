// The extractor's working state for one article, shared by the linker, the summit finder
// and the relation extractor (internal to ingest/).
#ifndef PARLEY_INGEST_DOC_H_
#define PARLEY_INGEST_DOC_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ingest/annotate.h"
#include "ingest/clause.h"
#include "ingest/facts.h"
#include "ingest/normalize.h"

namespace parley::ingest {

// A leader reference found in a sentence: a name, or "the US president".
struct LeaderRef {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;  // token range
  std::uint32_t end = 0;
  std::vector<std::uint32_t> candidates;  // lexicon leader indices
  int country = -1;                       // for "the Russian president" (no name): the country
  int leader = -1;                        // resolved lexicon index, or -1
  bool full_name = false;                 // the alias names only this leader
  // Not his country's lead where named: "former President ...", "the late ...", "deposed",
  // or named with another office ("Vice President ...").
  bool former = false;
  bool elect = false;                     // "president-elect", "successor"
  bool office_only = false;  // "the chancellor": only an attendee holding that office
  // A leader named (not "the Russian president", "the chancellor") and in office (not former,
  // not -elect).
  bool NamedInOffice() const { return !former && !elect && !office_only && country < 0; }
};

struct Doc {
  const Annotator* annotator = nullptr;
  NormalizedText norm;
  std::vector<Sentence> sentences;
  std::vector<LeaderRef> leader_refs;  // in text order
  std::vector<bool> recall;            // the sentence is about the past
  // The period the article speaks of (ISO dates, inclusive); empty when unknown.
  std::string period_from, period_to;
  std::optional<int> event_year;  // the summit's year, once known
  // The summit, once found.
  std::optional<SummitFact> summit;
  std::vector<std::uint32_t> attendees;  // lexicon leader indices, in order of first mention
  std::set<int> attending_countries;     // lexicon country indices (the sides)

  const Lexicon& lexicon() const { return annotator->lexicon(); }
  // Leader refs of sentence `s`, in order.
  std::vector<const LeaderRef*> RefsIn(std::uint32_t s) const;
  // The country a leader stands for in the article's period.
  int CountryOf(std::uint32_t leader) const;
  int CountryIndex(const std::string& name) const;
};

// Linking (linker.cc): finds leader references, flags former/elect, resolves names that fit
// several leaders by the article's period, earlier full mentions and co-tenure.
void FindLeaderRefs(Doc& doc);
void ResolveLeaders(Doc& doc);
// Marks sentences about the past (recall cues, years before the article's period).
void MarkRecall(Doc& doc, std::optional<int> summit_year);

// The summit (summit.cc): place, time and attendance. Sets doc.summit and doc.attendees.
void FindSummit(Doc& doc);

// Relations (relations.cc): DISCUSSED, DISPUTED, SUPPORTS/OPPOSES at the summit.
void ExtractRelations(Doc& doc, ArticleFacts& facts);

// The name lexicon issue `issue` is stored under in `doc`: its own, except the relations
// between a summit's sides (IssueEntry::sides "*"), which with two attending countries are the
// lexicon's issue for that pair ("US-Russia relations") or else named after them, in order of
// attendance, with a country's two-letter alias where it has one ("India-China relations",
// "US-Turkey relations").
std::string IssueName(const Doc& doc, std::uint32_t issue);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_DOC_H_
