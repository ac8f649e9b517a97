#include "ingest/short_forms.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace parley::ingest {
namespace {

// Prepositions that open a trigger's qualifying phrase ("zone in Idlib", "talks on trade").
bool IsQualifier(const std::string& w) {
  static const std::unordered_set<std::string_view> kWords = {
      "in", "of", "for", "over", "on", "at", "with", "between", "along", "across", "to"};
  return kWords.count(w) > 0;
}

// Occurrences of token keys `words` in `s`: how many stand free of issue mentions, and how
// many reach across one.
struct Occurrences {
  int free = 0;
  int overlapping = 0;
};

// Where each token key occurs: (sentence, token) pairs.
using KeyPositions =
    std::unordered_map<std::string_view, std::vector<std::pair<std::uint32_t, std::uint32_t>>>;

KeyPositions IndexKeys(const std::vector<Sentence>& sentences) {
  KeyPositions index;
  for (std::uint32_t s = 0; s < sentences.size(); ++s) {
    for (std::uint32_t t = 0; t < sentences[s].tokens.size(); ++t) {
      index[sentences[s].tokens[t].key].emplace_back(s, t);
    }
  }
  return index;
}

// Counts the occurrence of `words` at token `t` of `s`, if there is one.
void CountAt(const Sentence& s, std::uint32_t t, const std::vector<std::string>& words,
             Occurrences* out) {
  if (t + words.size() > s.tokens.size()) return;
  bool match = true;
  for (std::size_t i = 0; i < words.size() && match; ++i) {
    match = s.tokens[t + i].key == words[i];
  }
  if (!match) return;
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

// Words a noun phrase's head part cannot hold: "end the war", "use or threat", "terrorism
// from" are no names of a topic.
bool IsFunctionWord(const std::string& w) {
  static const std::unordered_set<std::string_view> kWords = {
      "a",    "an",   "the",  "and",   "or",   "from", "any", "some", "all",   "its",
      "their", "his", "her",  "this",  "that", "end",  "ending", "by",  "as",  "against"};
  return kWords.count(w) > 0;
}

// Heads too general to stand for one issue on their own ("the talks", "the agreement").
bool IsGeneralHead(const std::string& w) {
  static const std::unordered_set<std::string_view> kWords = {
      "issue", "issues", "program", "programme", "programs", "process", "plan", "plans", "deal",
      "deals", "agreement", "agreements", "treaty", "treaties", "accord", "accords", "pact",
      "talks", "relations", "cooperation", "situation", "crisis", "conflict", "war", "question",
      "problem", "policy", "system", "systems", "project", "initiative", "dialogue", "efforts",
      "effort", "zone", "region", "regime", "state", "future", "status", "rights", "security",
      "weapons", "arms", "forces", "troops", "aid", "support", "trade", "exchanges", "threat",
      "threats", "attack", "attacks", "violence", "tensions", "dispute", "disputes"};
  return kWords.count(w) > 0;
}

// Nouns naming how a question ends rather than the question: a qualified trigger headed by
// one ("settlement of the Ukraine crisis") shortens to no name of its issue.
bool IsOutcomeWord(const std::string& w) {
  static const std::unordered_set<std::string_view> kWords = {
      "settlement", "solution", "resolution", "end"};
  return kWords.count(w) > 0;
}

// The candidate short forms of issue `i`: heads of its triggers that name no issue already.
std::vector<ShortFormHead> HeadsOf(const Annotator& annotator, std::uint32_t i) {
  std::vector<ShortFormHead> out;
  const IssueEntry& issue = annotator.lexicon().issues()[i];
  const auto& inverses = issue.inverse_triggers;
  for (const std::string& t : issue.triggers) {
    bool inverse = std::find(inverses.begin(), inverses.end(), t) != inverses.end();
    std::vector<std::string> words = PhraseKeys(t);
    auto q = std::find_if(words.begin(), words.end(), IsQualifier);
    // "western sanctions" ... "the sanctions": the definite head alone.
    if (words.size() >= 2 && q == words.end()) {
      const std::string& last = words.back();
      if (last.size() >= 4 && !IsGeneralHead(last) && !IsFunctionWord(last) &&
          !annotator.IsIssueTrigger({last})) {
        std::vector<std::string> definite{"the", last};
        if (!annotator.IsIssueTrigger(definite)) out.push_back({std::move(definite), inverse});
      }
    }
    if (q == words.end() || q - words.begin() < 2) continue;
    std::vector<std::string> head(words.begin(), q);
    if (std::any_of(head.begin(), head.end(), IsFunctionWord)) continue;
    // "a political settlement of the Ukraine crisis": a settlement of what it settles, no
    // name of that issue once shortened ("a political settlement" of another war).
    if (IsOutcomeWord(head.back())) continue;
    if (!annotator.IsIssueTrigger(head)) out.push_back({std::move(head), inverse});
  }
  return out;
}

}  // namespace

ShortFormHeads::ShortFormHeads(const Annotator& annotator)
    : issues_(annotator.lexicon().issues()) {
  heads_.reserve(issues_.size());
  for (std::uint32_t i = 0; i < issues_.size(); ++i) heads_.push_back(HeadsOf(annotator, i));
}

bool ShortFormHeads::Fits(const Annotator& annotator) const {
  return annotator.lexicon().issues().SharesAllWith(issues_);
}

std::vector<ShortForm> FindShortForms(const Annotator& annotator,
                                      const std::vector<Sentence>& sentences,
                                      const ShortFormHeads* precomputed) {
  if (precomputed && !precomputed->Fits(annotator)) precomputed = nullptr;
  const auto& issues = annotator.lexicon().issues();
  std::set<std::uint32_t> mentioned;
  for (const Sentence& s : sentences) {
    for (const Mention& m : s.issues) {
      if (!m.weak && !issues[m.refs[0]].open) mentioned.insert(m.refs[0]);
    }
  }
  // A head that is a trigger of some issue (annotator.IsIssueTrigger) names that issue
  // already. A head two mentioned issues share names neither; nor does one that an issue's
  // trigger and a trigger of its opposite share.
  std::map<std::vector<std::string>, std::set<std::pair<std::uint32_t, bool>>> heads;
  for (std::uint32_t i : mentioned) {
    std::vector<ShortFormHead> computed;
    const auto& of_issue = precomputed ? precomputed->Of(i) : (computed = HeadsOf(annotator, i));
    for (const ShortFormHead& head : of_issue) heads[head.words].insert({i, head.inverse});
  }
  std::vector<ShortForm> out;
  if (heads.empty()) return out;
  KeyPositions positions = IndexKeys(sentences);
  for (const auto& [head, owners] : heads) {
    if (owners.size() != 1) continue;
    // Where the short form reaches across a full mention ("the future of Kosovo") it would
    // take the full mention's place: then it is no short form.
    Occurrences seen;
    if (auto first = positions.find(head[0]); first != positions.end()) {
      for (const auto& [s, t] : first->second) CountAt(sentences[s], t, head, &seen);
    }
    if (seen.free == 0 || seen.overlapping > 0) continue;
    std::string phrase;
    for (const std::string& w : head) phrase += (phrase.empty() ? "" : " ") + w;
    out.push_back({owners.begin()->first, phrase, owners.begin()->second});
  }
  return out;
}

}  // namespace parley::ingest
