#include "ingest/short_forms.h"

#include <algorithm>
#include <map>
#include <set>

namespace parley::ingest {
namespace {

// Prepositions that open a trigger's qualifying phrase ("zone in Idlib", "talks on trade").
bool IsQualifier(const std::string& w) {
  static const std::set<std::string> kWords = {"in", "of", "for", "over", "on", "at", "with",
                                               "between", "along", "across", "to"};
  return kWords.count(w) > 0;
}

// Occurrences of token keys `words` in `s`: how many stand free of issue mentions, and how
// many reach across one.
struct Occurrences {
  int free = 0;
  int overlapping = 0;
};

void Count(const Sentence& s, const std::vector<std::string>& words, Occurrences* out) {
  if (words.empty() || s.tokens.size() < words.size()) return;
  for (std::uint32_t t = 0; t + words.size() <= s.tokens.size(); ++t) {
    bool match = true;
    for (std::size_t i = 0; i < words.size() && match; ++i) {
      match = s.tokens[t + i].key == words[i];
    }
    if (!match) continue;
    std::uint32_t end = t + static_cast<std::uint32_t>(words.size());
    // Inside a full mention ("demilitarized zone" in "demilitarized zone in Idlib") it is
    // that mention's part; reaching out of one ("the future" of "future of Kosovo") it would
    // take the mention's place.
    bool inside = false, across = false;
    for (const Mention& m : s.issues) {
      if (m.begin <= t && end <= m.end) {
        inside = true;
      } else if (m.begin < end && t < m.end) {
        across = true;
      }
    }
    if (across) ++out->overlapping;
    if (!inside && !across) ++out->free;
  }
}

// Words a noun phrase's head part cannot hold: "end the war", "use or threat", "terrorism
// from" are no names of a topic.
bool IsFunctionWord(const std::string& w) {
  static const std::set<std::string> kWords = {
      "a",    "an",   "the",  "and",   "or",   "from", "any", "some", "all",   "its",
      "their", "his", "her",  "this",  "that", "end",  "ending", "by",  "as",  "against"};
  return kWords.count(w) > 0;
}

// Heads too general to stand for one issue on their own ("the talks", "the agreement").
bool IsGeneralHead(const std::string& w) {
  static const std::set<std::string> kWords = {
      "issue", "issues", "program", "programme", "programs", "process", "plan", "plans", "deal",
      "deals", "agreement", "agreements", "treaty", "treaties", "accord", "accords", "pact",
      "talks", "relations", "cooperation", "situation", "crisis", "conflict", "war", "question",
      "problem", "policy", "system", "systems", "project", "initiative", "dialogue", "efforts",
      "effort", "zone", "region", "regime", "state", "future", "status", "rights", "security",
      "weapons", "arms", "forces", "troops", "aid", "support", "trade", "exchanges"};
  return kWords.count(w) > 0;
}

}  // namespace

std::vector<ShortForm> FindShortForms(const Annotator& annotator,
                                      const std::vector<Sentence>& sentences) {
  const auto& issues = annotator.lexicon().issues();
  std::set<std::uint32_t> mentioned;
  for (const Sentence& s : sentences) {
    for (const Mention& m : s.issues) {
      if (!m.weak && !m.inverse && !issues[m.refs[0]].open) mentioned.insert(m.refs[0]);
    }
  }
  // A head that is a trigger of some issue (annotator.IsIssueTrigger) names that issue
  // already.
  // A head two mentioned issues share names neither.
  std::map<std::vector<std::string>, std::set<std::uint32_t>> heads;
  for (std::uint32_t i : mentioned) {
    const auto& inverse = issues[i].inverse_triggers;
    for (const std::string& t : issues[i].triggers) {
      if (std::find(inverse.begin(), inverse.end(), t) != inverse.end()) continue;
      std::vector<std::string> words = PhraseKeys(t);
      // "western sanctions" ... "the sanctions": the definite head alone.
      if (words.size() >= 2 && std::find_if(words.begin(), words.end(), IsQualifier) ==
                                   words.end()) {
        const std::string& last = words.back();
        if (last.size() >= 4 && !IsGeneralHead(last) && !IsFunctionWord(last) &&
            !annotator.IsIssueTrigger({last})) {
          std::vector<std::string> definite{"the", last};
          if (!annotator.IsIssueTrigger(definite)) heads[definite].insert(i);
        }
      }
      auto q = std::find_if(words.begin(), words.end(), IsQualifier);
      if (q == words.end() || q - words.begin() < 2) continue;
      std::vector<std::string> head(words.begin(), q);
      if (std::any_of(head.begin(), head.end(), IsFunctionWord)) continue;
      if (!annotator.IsIssueTrigger(head)) heads[head].insert(i);
    }
  }
  std::vector<ShortForm> out;
  for (const auto& [head, owners] : heads) {
    if (owners.size() != 1) continue;
    // Where the short form reaches across a full mention ("the future of Kosovo") it would
    // take the full mention's place: then it is no short form.
    Occurrences seen;
    for (const Sentence& s : sentences) Count(s, head, &seen);
    if (seen.free == 0 || seen.overlapping > 0) continue;
    std::string phrase;
    for (const std::string& w : head) phrase += (phrase.empty() ? "" : " ") + w;
    out.push_back({*owners.begin(), phrase});
  }
  return out;
}

}  // namespace parley::ingest
