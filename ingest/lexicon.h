// The ingest lexicon: countries, leaders (one row per term of office), places, the issue
// taxonomy, known summits and the extraction cues, all loaded from tab-separated files
// (formats in data/lexicon/README.md).
//
// A file's kind is recognised by its header line (the first line that is not a comment), so
// users can add files of any kind with `--lexicon PATH`. Rows are appended; a leader named
// in several rows gathers all of those terms. A Lexicon is immutable after loading and may
// be shared by threads that only read it. Copies are cheap: they share each table until one
// of them changes it (an article's extended lexicon changes only leaders and issues, and
// those tables are shared chunk by chunk: a copy adding a leader clones one chunk).
#ifndef PARLEY_INGEST_LEXICON_H_
#define PARLEY_INGEST_LEXICON_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/copy_on_write.h"
#include "ingest/copy_on_write_vector.h"

namespace parley::ingest {

struct CountryEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string capital;
  std::vector<std::string> demonyms;
  std::vector<std::string> metonyms;
};

// Dates are ISO strings (YYYY-MM-DD), which order as the dates do.
struct Term {
  std::string country;
  std::string office;  // "President", "Prime Minister", ...
  std::string start;   // empty when unknown
  std::string end;     // empty while in office (or unknown)
  // True when the term overlaps [from, to] (ISO dates, inclusive).
  bool Overlaps(std::string_view from, std::string_view to) const;
};

struct LeaderEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<Term> terms;
  // The term held on `date`, or nullptr; of several held at once, the one taken last (Xi's
  // presidency, not his party office; Musharraf's presidency, not his earlier title).
  const Term* TermOn(std::string_view date) const;
  bool InOfficeDuring(std::string_view from, std::string_view to) const;
  // The term that started last (the rows of a leader need not be in order), or nullptr.
  const Term* LatestTerm() const;
  const std::string& country() const;  // of the latest term; empty if none
};

struct PlaceEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string city;
  std::string country;
  std::string kind;  // "city", "venue", "region", ...
};

struct IssueEntry {
  std::string name;
  std::string parent;
  std::vector<std::string> triggers;
  std::string proposition;
  // Triggers that name the opposite of the proposition (written with a leading "!" in
  // issues.tsv: "denuclearization" for North Korea's nuclear program): supporting one of them
  // is opposing the issue. Also listed, without the "!", in `triggers`.
  std::vector<std::string> inverse_triggers;
  // An open topic found in an article (ingest/open_topics.h), not a taxonomy entry: its
  // relationships score lower.
  bool open = false;
  // Worry about it is a stand for it (issues.tsv column `concern` = "supports"): "concerns
  // about human rights" presses for them, where "concerns about the missile shield" opposes it.
  bool concern_supports = false;
  // A topic, not a question with sides (its proposition says "(a topic" and defines neither
  // SUPPORTS nor OPPOSES): on the agenda or disputed, but no stance is for or against it.
  bool topic = false;
  // The relations between two countries (issues.tsv column `sides`): the pair's canonical
  // names ("United States", "Russia"), or "*" alone for the relations between a summit's two
  // sides whatever they are (Doc's IssueName names those after the pair).
  std::vector<std::string> sides;
};

struct KnownSummit {
  std::string name;
  std::string city;
  std::string country;
  std::string date_from;             // YYYY-MM-DD
  std::string date_to;               // same as date_from for one-day summits
  std::vector<std::string> leaders;  // canonical names
  std::string group;                 // a multilateral summit's series ("G8", "G20", "APEC"), or ""
};

// An extraction pattern: `kind` (meet, support, oppose, dispute, negation, ...), the phrase,
// and free-form options (`;`-separated words such as `reactive`).
struct Cue {
  std::string kind;
  std::string phrase;
  std::vector<std::string> options;
  bool Has(std::string_view option) const;
};

class Lexicon {
 public:
  // Loads every *.tsv file of `dir` (sorted by name). Throws std::runtime_error naming the
  // file and line on a malformed file or an unreadable directory.
  static Lexicon LoadDirectory(const std::string& dir);

  // Adds one file; its kind comes from its header. Throws std::runtime_error (file, line).
  void LoadFile(const std::string& path);
  // As LoadFile, from text; `origin` names it in errors.
  void LoadText(std::string_view text, const std::string& origin);

  const std::vector<CountryEntry>& countries() const { return *countries_; }
  const CopyOnWriteVector<LeaderEntry>& leaders() const { return leaders_; }
  const std::vector<PlaceEntry>& places() const { return *places_; }
  const CopyOnWriteVector<IssueEntry>& issues() const { return issues_; }
  const std::vector<KnownSummit>& summits() const { return *summits_; }
  const std::vector<Cue>& cues() const { return *cues_; }

  // Adds an open topic (IssueEntry::open) unless an issue of that name exists.
  void AddOpenIssue(const std::string& name, const std::vector<std::string>& triggers);
  // Adds `trigger` (lower case) to the issue at index `issue`, with `inverse` one naming its
  // opposite (IssueEntry::inverse_triggers); an index out of range is ignored.
  void AddIssueTrigger(std::size_t issue, const std::string& trigger, bool inverse = false);

  // Lookups by canonical name; nullptr when absent.
  const CountryEntry* FindCountry(std::string_view name) const;
  const LeaderEntry* FindLeader(std::string_view name) const;
  const IssueEntry* FindIssue(std::string_view name) const;
  // The index in leaders() or issues() of the entry of that canonical name; nullopt when absent.
  std::optional<std::uint32_t> FindLeaderIndex(std::string_view name) const;
  std::optional<std::uint32_t> FindIssueIndex(std::string_view name) const;

  // The directory `parley ingest` uses when none is given: $PARLEY_LEXICON_DIR, else
  // data/lexicon next to the executable's parent folder, else the source tree's.
  static std::string DefaultDirectory(const std::string& argv0);

 private:
  void AddRow(const std::string& kind, const std::map<std::string, std::string>& row,
              const std::string& where);

  // Canonical name -> index into its table. Names added while the bulk is shared with other
  // copies go to a small map of their own, so that a copy adding a few names (an article's
  // leaders) does not clone the thousands loaded from the files.
  class NameIndex {
   public:
    std::optional<std::uint32_t> Find(std::string_view name) const;
    // Adds `name` unless present (the first index given a name stays).
    void Add(const std::string& name, std::uint32_t index);

   private:
    using Map = std::map<std::string, std::uint32_t, std::less<>>;
    CopyOnWrite<Map> bulk_;
    CopyOnWrite<Map> added_;
  };

  CopyOnWrite<std::vector<CountryEntry>> countries_;
  CopyOnWriteVector<LeaderEntry> leaders_;
  CopyOnWrite<std::vector<PlaceEntry>> places_;
  CopyOnWriteVector<IssueEntry> issues_;
  CopyOnWrite<std::vector<KnownSummit>> summits_;
  CopyOnWrite<std::vector<Cue>> cues_;
  NameIndex leader_index_;
  NameIndex country_index_;
  NameIndex issue_index_;
};

// Splits a `;`-separated list cell, trimming blanks and dropping empty items.
std::vector<std::string> SplitList(std::string_view cell);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_LEXICON_H_
