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

// Whether token keys `words` occur in `s` at a place no issue mention covers.
bool OccursUncovered(const Sentence& s, const std::vector<std::string>& words) {
  if (words.empty() || s.tokens.size() < words.size()) return false;
  for (std::uint32_t t = 0; t + words.size() <= s.tokens.size(); ++t) {
    bool match = true;
    for (std::size_t i = 0; i < words.size() && match; ++i) {
      match = s.tokens[t + i].key == words[i];
    }
    if (!match) continue;
    bool covered = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
      return m.begin <= t && t < m.end;
    });
    if (!covered) return true;
  }
  return false;
}

// Words a noun phrase's head part cannot hold: "end the war", "use or threat", "terrorism
// from" are no names of a topic.
bool IsFunctionWord(const std::string& w) {
  static const std::set<std::string> kWords = {
      "a",    "an",   "the",  "and",   "or",   "from", "any", "some", "all",   "its",
      "their", "his", "her",  "this",  "that", "end",  "ending", "by",  "as",  "against"};
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
  // Every trigger of every issue, as keys: a head that is one names that issue already.
  std::set<std::vector<std::string>> triggers;
  for (const IssueEntry& issue : issues) {
    for (const std::string& t : issue.triggers) triggers.insert(PhraseKeys(t));
  }
  // A head two mentioned issues share names neither.
  std::map<std::vector<std::string>, std::set<std::uint32_t>> heads;
  for (std::uint32_t i : mentioned) {
    const auto& inverse = issues[i].inverse_triggers;
    for (const std::string& t : issues[i].triggers) {
      if (std::find(inverse.begin(), inverse.end(), t) != inverse.end()) continue;
      std::vector<std::string> words = PhraseKeys(t);
      auto q = std::find_if(words.begin(), words.end(), IsQualifier);
      if (q == words.end() || q - words.begin() < 2) continue;
      std::vector<std::string> head(words.begin(), q);
      if (std::any_of(head.begin(), head.end(), IsFunctionWord)) continue;
      if (!triggers.count(head)) heads[head].insert(i);
    }
  }
  std::vector<ShortForm> out;
  for (const auto& [head, owners] : heads) {
    if (owners.size() != 1) continue;
    bool occurs = std::any_of(sentences.begin(), sentences.end(),
                              [&](const Sentence& s) { return OccursUncovered(s, head); });
    if (!occurs) continue;
    std::string phrase;
    for (const std::string& w : head) phrase += (phrase.empty() ? "" : " ") + w;
    out.push_back({*owners.begin(), phrase});
  }
  return out;
}

}  // namespace parley::ingest
