// ArticleFacts: everything the extractor reads from one article, ready for the writer.
// Names are the lexicon's canonical names; the graph model is INTERFACES.md section 5.
#ifndef PARLEY_INGEST_FACTS_H_
#define PARLEY_INGEST_FACTS_H_

#include <optional>
#include <string>
#include <vector>

namespace parley::ingest {

// Where a relationship was read: the sentence and how sure the extractor is (0..1).
struct Provenance {
  std::string evidence;
  double confidence = 0;
};

struct SummitFact {
  std::string key;   // identity: "City YYYY", or "City|Leader A;Leader B" when no year is known
  std::string name;  // "City YYYY", or the city when no year is known
  std::string city;
  std::string country;      // empty when unknown
  std::optional<int> year;  // absent when unknown (never guessed)
  std::string date;         // "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD"; empty when unknown
  Provenance provenance;
};

struct AttendanceFact {
  std::string leader;
  Provenance provenance;
};

struct IssueFact {  // DISCUSSED or DISPUTED at the article's summit
  std::string issue;
  Provenance provenance;
};

enum class Polarity { kSupports, kOpposes };

struct StanceFact {
  std::string holder;
  bool holder_is_leader = false;  // else a Country
  Polarity polarity = Polarity::kSupports;
  std::string issue;
  std::string summit;  // the Summit's name; empty when not stated at a summit
  Provenance provenance;
};

struct LeadsFact {
  std::string leader;
  std::string country;
  std::string start;  // YYYY-MM-DD or empty
  std::string end;
};

struct EntityInfo {  // a node to MERGE: Leader, Country, Issue or Person
  std::string name;
  std::vector<std::string> aliases;
  std::string title;  // Leader: e.g. "President of Russia"; Person: the role
};

struct MentionFact {
  std::string label;  // "Leader", "Country", "Person", "Issue"
  std::string name;
  int count = 0;
  std::string evidence;  // the first sentence naming it
};

struct ArticleFacts {
  std::string id;  // stable hash of the normalised text
  std::string path;
  std::string title;
  std::string source;
  std::string dateline;
  std::optional<SummitFact> summit;
  std::vector<AttendanceFact> attendance;
  std::vector<IssueFact> discussed;
  std::vector<IssueFact> disputed;
  std::vector<StanceFact> stances;
  std::vector<LeadsFact> leads;
  std::vector<EntityInfo> leaders;
  std::vector<EntityInfo> countries;
  std::vector<EntityInfo> issues;
  std::vector<EntityInfo> people;
  std::vector<MentionFact> mentions;
  std::size_t sentence_count = 0;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_FACTS_H_
