#include "ingest/people.h"

#include <algorithm>

namespace parley::ingest {
namespace {

bool Covered(const std::vector<Mention>& ms, std::uint32_t b, std::uint32_t e) {
  return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
    return m.begin < e && m.end > b;
  });
}

bool InRole(const Sentence& s, std::uint32_t t) {
  return std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& m) {
    return m.cue == CueKind::kRole && m.begin <= t && t < m.end;
  });
}

bool NameWord(const Sentence& s, std::uint32_t t) {
  const Token& k = s.tokens[t];
  return k.word && k.Capitalized() && k.key != "'s" && !IsWord(s, t, {"the", "a", "an"}) &&
         !CueAt(s, CueKind::kHonorific, t, false) && !InRole(s, t);
}

// A name of two or three capitalised words in [b, e) that the lexicon does not know.
bool UnknownName(const Sentence& s, std::uint32_t b, std::uint32_t e) {
  if (e - b < 2 || e - b > 3) return false;
  for (std::uint32_t t = b; t < e; ++t) {
    if (!NameWord(s, t)) return false;
  }
  return !Covered(s.entities, b, e) && !Covered(s.places, b, e) && !Covered(s.issues, b, e);
}

// "Foreign Minister Sergei Lavrov", "ambassador to China Li Wei": the name after the role
// (and a complement naming a country), or an empty range.
std::pair<std::uint32_t, std::uint32_t> NameAfter(const Sentence& s, const Mention& role) {
  std::uint32_t t = role.end;
  // "ambassador to China", "minister of Ethiopia": the country the role is of.
  std::uint32_t country = t + (IsWord(s, t, {"to", "of", "for"}) ? 1 : 0);
  if (country > t || IsWord(s, t - 1, {"to", "of", "for"})) {
    for (const Mention& m : s.entities) {
      if (m.begin == country) t = m.end;
    }
  }
  if (t < s.tokens.size() && s.tokens[t].key == ",") ++t;
  while (t < s.tokens.size() && CueAt(s, CueKind::kHonorific, t, false)) ++t;
  std::uint32_t b = t;
  while (t < s.tokens.size() && t < b + 3 && NameWord(s, t)) ++t;
  if (t < s.tokens.size() && NameWord(s, t)) return {0, 0};  // a longer capitalised run
  return UnknownName(s, b, t) ? std::make_pair(b, t) : std::make_pair(0u, 0u);
}

// "Sergei Lavrov, the Russian foreign minister", "Dr. Ann Lee, Foreign Minister": the name
// before a comma that precedes the role (and its determiner and country), or an empty range.
std::pair<std::uint32_t, std::uint32_t> NameBefore(const Sentence& s, const Mention& role) {
  std::uint32_t t = role.begin;
  // Qualifiers of the role: "the", "Russian", "US", "India's".
  while (t > 0 && t + 3 > role.begin && s.tokens[t - 1].key != ",") --t;
  if (t == 0 || s.tokens[t - 1].key != ",") return {0, 0};
  for (std::uint32_t q = t; q < role.begin; ++q) {
    bool qualifier = IsWord(s, q, {"the", "a", "his", "her", "its", "then", "'s"}) ||
                     Covered(s.entities, q, q + 1);
    if (!qualifier) return {0, 0};
  }
  std::uint32_t e = t - 1;  // the comma
  std::uint32_t b = e;
  while (b > 0 && e - b < 3 && NameWord(s, b - 1)) --b;
  if (b > 0 && NameWord(s, b - 1)) return {0, 0};  // a longer capitalised run
  // "Foreign Secretary Vijay Gokhale, National Security Advisor Ajit Doval": a name right after
  // another role is that role's.
  if (b > 0 && InRole(s, b - 1)) return {0, 0};
  return UnknownName(s, b, e) ? std::make_pair(b, e) : std::make_pair(0u, 0u);
}

// The role as written: the cue with the capitalised words or country qualifying it before
// ("Russian", "US", "top"), not a determiner.
std::string RoleText(const Sentence& s, const Mention& role) {
  std::uint32_t rb = role.begin;
  while (rb > 0 && role.begin - rb < 3 && s.tokens[rb - 1].word &&
         (s.tokens[rb - 1].Capitalized() || IsWord(s, rb - 1, {"top", "senior", "deputy"})) &&
         !IsWord(s, rb - 1, {"'s", "the", "a", "his", "her", "its"})) {
    --rb;
  }
  // "ambassador to China": the country the role is of.
  std::uint32_t re = role.end;
  std::uint32_t country = re + (IsWord(s, re, {"to", "of", "for"}) ? 1 : 0);
  if (country > re || IsWord(s, re - 1, {"to", "of", "for"})) {
    for (const Mention& m : s.entities) {
      if (m.begin == country) re = m.end;
    }
  }
  return SpanText(s, rb, re);
}

}  // namespace

std::vector<PersonFound> FindPeople(const Doc& doc) {
  std::vector<PersonFound> out;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    std::vector<std::string> named;  // in this sentence, counted once
    for (const Mention* role : s.CuesOf(CueKind::kRole)) {
      // The apposition first: in "Dr. Ann Lee, Foreign Minister, Mr. Bo Li, Speaker" each role
      // follows its name.
      auto [b, e] = NameBefore(s, *role);
      if (b == e) std::tie(b, e) = NameAfter(s, *role);
      if (b == e) continue;
      std::string name = SpanText(s, b, e);
      if (std::find(named.begin(), named.end(), name) != named.end()) continue;
      named.push_back(name);
      auto it = std::find_if(out.begin(), out.end(),
                             [&](const PersonFound& p) { return p.name == name; });
      if (it == out.end()) {
        out.push_back({name, RoleText(s, *role), std::string(s.text), 0});
        it = out.end() - 1;
      }
      ++it->mentions;
    }
  }
  return out;
}

}  // namespace parley::ingest
