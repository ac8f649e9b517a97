// Linking leader names to the lexicon's leaders. A surname can fit several leaders (both
// Presidents Bush); the article settles it: a full name used elsewhere in it, the leader in
// office in the period it speaks of, the one whose tenure overlaps a leader named in the same
// sentence (Bush beside Gorbachev), or the one whose tenure overlaps the other leaders it
// names. Nothing here depends on a particular article.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "ingest/doc.h"

namespace parley::ingest {
namespace {

bool CueEndsNear(const Sentence& s, CueKind kind, std::uint32_t pos, std::uint32_t window) {
  for (const Mention* c : s.CuesOf(kind)) {
    if (c->end <= pos && c->end + window >= pos) return true;
  }
  return false;
}

bool CueStartsNear(const Sentence& s, CueKind kind, std::uint32_t pos, std::uint32_t window) {
  for (const Mention* c : s.CuesOf(kind)) {
    if (c->begin >= pos && c->begin <= pos + window) return true;
  }
  return false;
}

bool IsWordAt(const Sentence& s, std::uint32_t t, std::string_view word) {
  return t < s.tokens.size() && s.tokens[t].key == word;
}

// "Vice President Delcy Rodriguez", "the two foreign ministers, Walter Scheel and ...": a
// leader `m` named with an office other than a country's lead (a role cue with option
// `title`) right before his name, or before the comma of an apposition to that office's plural.
bool NamedInAnotherOffice(const Annotator& annotator, const Sentence& s, const Mention& m) {
  for (const Mention* role : s.CuesOf(CueKind::kRole)) {
    if (!annotator.cue(role->refs[0]).Has("title")) continue;
    if (role->end == m.begin) return true;
    const std::string& last = s.tokens[role->end - 1].key;
    if (role->end + 1 == m.begin && IsWordAt(s, role->end, ",") && last.size() > 1 &&
        last.back() == 's') {
      return true;
    }
  }
  return false;
}

const Mention* LeaderMentionAt(const Sentence& s, std::uint32_t pos) {
  for (const Mention& m : s.entities) {
    if (m.begin == pos && m.layer == Layer::kLeader) return &m;
  }
  return nullptr;
}

// "the Russian president", "the U.S. president": a country word, an office word, no name.
void AddOfficeRefs(Doc& doc, std::uint32_t si) {
  const Sentence& s = doc.sentences[si];
  for (const Mention& m : s.entities) {
    if (m.layer != Layer::kCountry && m.layer != Layer::kDemonym) continue;
    for (const Mention* office : s.CuesOf(CueKind::kOffice)) {
      if (office->begin != m.end) continue;
      std::uint32_t after = office->end;
      bool named = after < s.tokens.size() &&
                   (LeaderMentionAt(s, after) != nullptr || s.tokens[after].Capitalized());
      if (named) continue;
      LeaderRef ref;
      ref.sentence = si;
      ref.begin = m.begin;
      ref.end = office->end;
      ref.country = static_cast<int>(m.refs[0]);
      ref.candidates = doc.annotator->leader_index().leaders_by_country[m.refs[0]];
      ref.former = CueEndsNear(s, CueKind::kFormer, m.begin, 2);
      ref.elect = CueStartsNear(s, CueKind::kElect, office->end, 1);
      if (!ref.candidates.empty()) doc.leader_refs.push_back(std::move(ref));
    }
  }
  // "the chancellor said she ...": an office with no country and no name.
  const auto& leaders = doc.lexicon().leaders();
  for (const Mention* office : s.CuesOf(CueKind::kOffice)) {
    if (office->begin == 0 || !IsWordAt(s, office->begin - 1, "the")) continue;
    std::uint32_t after = office->end;
    bool named = after < s.tokens.size() &&
                 (LeaderMentionAt(s, after) != nullptr || s.tokens[after].Capitalized());
    if (named || IsWordAt(s, after, "-")) continue;  // "the president-elect"
    std::string phrase = LowerAscii(doc.annotator->cue(office->refs[0]).phrase);
    LeaderRef ref;
    ref.sentence = si;
    ref.begin = office->begin - 1;
    ref.end = office->end;
    ref.office_only = true;
    for (std::uint32_t l = 0; l < leaders.size(); ++l) {
      bool holds = std::any_of(leaders[l].terms.begin(), leaders[l].terms.end(),
                               [&](const Term& t) { return LowerAscii(t.office) == phrase; });
      if (holds) ref.candidates.push_back(l);
    }
    ref.former = CueEndsNear(s, CueKind::kFormer, ref.begin, 2);
    if (!ref.candidates.empty()) doc.leader_refs.push_back(std::move(ref));
  }
}

}  // namespace

std::vector<const LeaderRef*> Doc::RefsIn(std::uint32_t s) const {
  // FindLeaderRefs leaves the references in sentence order: a sentence's are one run.
  auto first = std::partition_point(leader_refs.begin(), leader_refs.end(),
                                    [s](const LeaderRef& r) { return r.sentence < s; });
  std::vector<const LeaderRef*> out;
  for (auto it = first; it != leader_refs.end() && it->sentence == s; ++it) out.push_back(&*it);
  return out;
}

int Doc::CountryIndex(const std::string& name) const {
  const CountryEntry* c = lexicon().FindCountry(name);
  return c ? static_cast<int>(c - lexicon().countries().data()) : -1;
}

int Doc::CountryOf(std::uint32_t leader) const {
  const LeaderEntry& l = lexicon().leaders()[leader];
  const std::vector<int>& countries = annotator->leader_index().term_country[leader];
  if (countries.empty()) return -1;
  std::size_t pick = 0;
  for (std::size_t t = 0; t < l.terms.size(); ++t) {
    if (!period_from.empty() && l.terms[t].Overlaps(period_from, period_from)) return countries[t];
    if (l.terms[t].start > l.terms[pick].start) pick = t;  // else the latest term's
  }
  return countries[pick];
}

void FindLeaderRefs(Doc& doc) {
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (const Mention& m : s.entities) {
      if (m.layer != Layer::kLeader) continue;
      LeaderRef ref;
      ref.sentence = si;
      ref.begin = m.begin;
      ref.end = m.end;
      ref.candidates = m.refs;
      ref.full_name = m.refs.size() == 1;
      ref.former = CueEndsNear(s, CueKind::kFormer, m.begin, 3) ||
                   NamedInAnotherOffice(*doc.annotator, s, m);
      ref.elect = CueEndsNear(s, CueKind::kElect, m.begin, 3) ||
                  CueStartsNear(s, CueKind::kElect, m.end, 3);
      if (ref.full_name) ref.leader = static_cast<int>(m.refs[0]);
      doc.leader_refs.push_back(std::move(ref));
    }
    AddOfficeRefs(doc, si);
  }
  std::stable_sort(doc.leader_refs.begin(), doc.leader_refs.end(),
                   [](const LeaderRef& a, const LeaderRef& b) {
                     return a.sentence != b.sentence ? a.sentence < b.sentence : a.begin < b.begin;
                   });
}

namespace {

// Whether one of `named` (leaders named unambiguously and in office in one sentence), other
// than candidate `c`, held office at some time when `c` did.
bool HasContemporary(const Lexicon& lexicon, const std::vector<std::uint32_t>& named,
                     std::uint32_t c) {
  const auto& leaders = lexicon.leaders();
  for (std::uint32_t o : named) {
    if (o == c) continue;
    for (const Term& t : leaders[o].terms) {
      if (leaders[c].InOfficeDuring(t.start.empty() ? "0000-00-00" : t.start,
                                    t.end.empty() ? "9999-99-99" : t.end)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void ResolveLeaders(Doc& doc) {
  const auto& leaders = doc.lexicon().leaders();
  // Leaders named unambiguously as sitting (not former) in this article.
  std::vector<std::uint32_t> named;
  for (const LeaderRef& r : doc.leader_refs) {
    if (r.full_name && !r.former && r.country < 0) named.push_back(r.candidates[0]);
  }
  // Each leader once, however often named: the scoring below looks through this list for
  // every reference, and an article naming one leader thousands of times must stay linear.
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  auto in_period = [&](std::uint32_t l) {
    return !doc.period_from.empty() && leaders[l].InOfficeDuring(doc.period_from, doc.period_to);
  };
  // Per sentence, the leaders it names unambiguously and in office, each once (an article
  // naming one leader thousands of times in a sentence must stay linear too).
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> named_in_sentence;
  for (const LeaderRef& o : doc.leader_refs) {
    if (!o.full_name || !o.NamedInOffice() || o.candidates.size() != 1) continue;
    std::vector<std::uint32_t>& here = named_in_sentence[o.sentence];
    if (std::find(here.begin(), here.end(), o.candidates[0]) == here.end()) {
      here.push_back(o.candidates[0]);
    }
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, bool> contemporary_of;  // memo
  auto contemporary = [&](std::uint32_t sentence, std::uint32_t c) {
    auto key = std::make_pair(sentence, c);
    if (auto it = contemporary_of.find(key); it != contemporary_of.end()) return it->second;
    auto here = named_in_sentence.find(sentence);
    bool found = here != named_in_sentence.end() &&
                 HasContemporary(doc.lexicon(), here->second, c);
    contemporary_of.emplace(key, found);
    return found;
  };
  std::unordered_map<std::uint32_t, int> cotenure_of;  // memo: the same for every reference
  auto cotenure = [&](std::uint32_t l) {
    if (auto it = cotenure_of.find(l); it != cotenure_of.end()) return it->second;
    int n = 0;
    for (std::uint32_t other : named) {
      if (other == l) continue;
      for (const Term& t : leaders[other].terms) {
        if (leaders[l].InOfficeDuring(t.start.empty() ? "0000-00-00" : t.start,
                                      t.end.empty() ? "9999-99-99" : t.end)) {
          ++n;
          break;
        }
      }
    }
    cotenure_of.emplace(l, n);
    return n;
  };
  for (LeaderRef& r : doc.leader_refs) {
    if (r.leader >= 0 && r.country < 0 && !r.office_only) continue;
    if (r.office_only) {
      // Only an attendee holding that office, and only one: "the president" when two
      // presidents met names neither.
      int found = -1, matches = 0;
      for (std::uint32_t c : r.candidates) {
        if (std::find(doc.attendees.begin(), doc.attendees.end(), c) != doc.attendees.end()) {
          found = static_cast<int>(c);
          ++matches;
        }
      }
      r.leader = matches == 1 ? found : -1;
      continue;
    }
    int best = -1;
    int best_score = -1;
    for (std::uint32_t c : r.candidates) {
      int score = 0;
      if (r.country >= 0) {
        // "the Russian president": an attendee of that country, else who held office then.
        if (std::find(doc.attendees.begin(), doc.attendees.end(), c) != doc.attendees.end()) {
          score += 8;
        }
      } else if (std::find(named.begin(), named.end(), c) != named.end()) {
        score += 4;
      }
      if (in_period(c)) score += 3;
      if (r.country < 0) score += 2 * std::min(cotenure(c), 2);
      // "President George Bush and Soviet President Mikhail Gorbachev": leaders named
      // together in one sentence are contemporaries, closer evidence than the article's.
      if (r.country < 0 && contemporary(r.sentence, c)) score += 3;
      bool later = best >= 0 && leaders[c].terms.size() && leaders[best].terms.size() &&
                   leaders[c].terms.back().start > leaders[best].terms.back().start;
      if (score > best_score || (score == best_score && later)) {
        best = static_cast<int>(c);
        best_score = score;
      }
    }
    // An office reference needs real evidence (an attendee or the period); never a guess.
    if (r.country >= 0 && best_score < 3) best = -1;
    r.leader = best;
  }
}

namespace {

// "as the two leaders signed a declaration agreeing to resume talks next month": a meeting
// told as done, before the sentence's first mention of a time to come, is reported, not
// ahead (unlike "will meet next week").
bool ToldDoneBefore(const Sentence& s) {
  std::uint32_t future = static_cast<std::uint32_t>(s.tokens.size());
  for (const Mention* f : s.CuesOf(CueKind::kFuture)) future = std::min(future, f->begin);
  for (const Mention* m : s.CuesOf(CueKind::kMeet)) {
    if (m->begin >= future) continue;
    const std::string& verb = s.tokens[m->begin].key;
    bool done = verb == "met" || verb == "held" || verb == "sat" || verb == "shook" ||
                (verb.size() > 4 && verb.ends_with("ed"));
    // (Not "will be hosted", "is to be received".)
    bool ahead = m->begin > 0 && (IsWord(s, m->begin - 1, {"be", "will", "would", "to"}) ||
                                  (m->begin > 1 && IsWord(s, m->begin - 2, {"will", "to"})));
    if (done && !ahead) return true;
  }
  return false;
}

// Whether a recall cue of `s` dates its clause ("said last year"), not only a noun it owns
// ("to avoid a repeat of last year's fiasco": a thing of that time, in a sentence of now).
bool TellsOfAnotherTime(const Sentence& s) {
  for (const Mention* c : s.CuesOf(CueKind::kRecall)) {
    if (IsWord(s, c->end, {"'s"})) continue;
    // "was the first time the leaders had met in person since the pandemic": a time before
    // told only to say that this is the first since.
    bool first_time = false;
    for (std::uint32_t t = c->begin >= 8 ? c->begin - 8 : 0; t + 1 < c->begin; ++t) {
      first_time = first_time || (IsWord(s, t, {"first"}) && IsWord(s, t + 1, {"time"}));
    }
    if (!first_time) return true;
  }
  return false;
}

}  // namespace

void MarkRecall(Doc& doc, std::optional<int> summit_year) {
  doc.recall.assign(doc.sentences.size(), false);
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (TellsOfAnotherTime(s) || (s.HasCue(CueKind::kFuture) && !ToldDoneBefore(s))) {
      doc.recall[i] = true;
      continue;
    }
    if (!summit_year) continue;
    // "said in 2001": a year before the summit's, as the time of the main clause (not of a
    // relative clause: "Crimea, which Russia annexed in 2014").
    for (std::size_t t = 1; t < s.tokens.size(); ++t) {
      const std::string& k = s.tokens[t].key;
      const std::string& prev = s.tokens[t - 1].key;
      if (k == "which" || k == "who" || k == "where" || k == "when" || k == "that" || k == ";" ||
          k == "since") {
        break;
      }
      if (std::optional<int> year = AsYear(k); year && prev == "in" && *year < *summit_year) {
        doc.recall[i] = true;
      }
    }
  }
}

}  // namespace parley::ingest
