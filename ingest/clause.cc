#include "ingest/clause.h"

#include <algorithm>
#include <set>

namespace parley::ingest {

std::string SpanText(const Sentence& s, std::uint32_t b, std::uint32_t e) {
  return std::string(s.text.substr(s.tokens[b].begin, s.tokens[e - 1].end - s.tokens[b].begin));
}

bool IsWord(const Sentence& s, std::uint32_t t, std::initializer_list<std::string_view> words) {
  if (t >= s.tokens.size()) return false;
  const std::string& key = s.tokens[t].key;
  for (std::string_view w : words) {
    if (key == w) return true;  // lengths first: no strlen per candidate
  }
  return false;
}

bool HasWordIn(const Sentence& s, std::uint32_t from, std::uint32_t to,
               std::initializer_list<std::string_view> words) {
  for (std::uint32_t t = from; t < to && t < s.tokens.size(); ++t) {
    if (IsWord(s, t, words)) return true;
  }
  return false;
}

bool Covers(const std::vector<Mention>& ms, std::uint32_t t) {
  return std::any_of(ms.begin(), ms.end(),
                     [&](const Mention& m) { return m.begin <= t && t < m.end; });
}

bool OwnedByAnotherTime(const Sentence& s, std::uint32_t begin, std::uint32_t reach) {
  for (const Mention* c : s.CuesOf(CueKind::kRecall)) {
    if (IsWord(s, c->end, {"'s"}) && c->end < begin && begin <= c->end + reach) return true;
  }
  return false;
}

std::optional<int> AsYear(std::string_view key) {
  if (key.size() != 4 || (key[0] != '1' && key[0] != '2') ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return (key[0] - '0') * 1000 + (key[1] - '0') * 100 + (key[2] - '0') * 10 + (key[3] - '0');
}

bool IsBoundary(const Sentence& s, std::uint32_t t) {
  if (IsWord(s, t, {";", ":", "\""})) return true;
  for (const Mention* c : s.CuesOf(CueKind::kClauseBreak)) {
    if (c->begin == t) return true;
  }
  return false;
}

const Mention* CueAt(const Sentence& s, CueKind kind, std::uint32_t t, bool ending) {
  for (const Mention* c : s.CuesOf(kind)) {
    if ((ending ? c->end : c->begin) == t) return c;
  }
  return nullptr;
}

bool IsNegated(const Sentence& s, std::uint32_t cue_begin) {
  // Words that may stand between a negator and what it negates ("did not really oppose").
  static const std::set<std::string> kBetween = {
      "really",      "publicly",    "yet",      "even",     "always", "fully",   "entirely",
      "necessarily", "be",          "been",     "have",     "has",    "do",      "does",
      "did",         "a",           "any",      "the",      "much",   "so",      "openly",
      "strongly",    "explicitly",  "formally", "major",    "real",   "serious", "significant",
      "big",         "fundamental", "further",  "actively", "to"};
  for (const Mention* n : s.CuesOf(CueKind::kNegation)) {
    if (n->end > cue_begin || n->end + 3 < cue_begin) continue;
    bool plain = true;
    for (std::uint32_t t = n->end; t < cue_begin; ++t)
      plain = plain && kBetween.count(s.tokens[t].key);
    if (plain) return true;
  }
  return false;
}

bool IsHedged(const Sentence& s, std::uint32_t cue_begin) {
  for (const Mention* h : s.CuesOf(CueKind::kHedge)) {
    if (h->end <= cue_begin && h->end + 6 >= cue_begin) return true;
  }
  return false;
}

std::uint32_t PresentPartEnd(const Sentence& s) {
  const std::vector<const Mention*> recall = s.CuesOf(CueKind::kRecall);
  const std::vector<const Mention*> future = s.CuesOf(CueKind::kFuture);
  if (!recall.empty() && !future.empty()) return 0;
  if (recall.empty() && future.empty()) return 0;
  // "On Syria, Putin briefed his guest on proposals, which he said would be put to the parties
  // later this week": a clause about what is to come ends the present part as one about the
  // past does.
  const Mention* first = recall.empty() ? future[0] : recall[0];
  for (std::uint32_t t = first->begin; t-- > 1;) {
    if (IsWord(s, t, {"since", "when", "after", "before", "who", "which", "whom", "that"})) {
      return t;
    }
  }
  // "remained committed to the partnership agreed at last year's conference": a participle
  // right after an issue opens a clause about the issue's past, not the sentence's.
  for (std::uint32_t t = first->begin; t-- > 1 && t + 4 >= first->begin;) {
    const std::string& k = s.tokens[t].key;
    bool participle = (k.size() > 4 && k.ends_with("ed")) ||
                      IsWord(s, t, {"signed", "struck", "made", "held", "set", "reached",
                                    "built", "brought", "taken", "begun", "won"});
    bool after_issue = std::any_of(s.issues.begin(), s.issues.end(),
                                   [&](const Mention& m) { return m.end == t; });
    if (participle && after_issue) return t;
  }
  return 0;
}

std::uint32_t PastOpeningEnd(const Sentence& s) {
  std::uint32_t t = 0;
  if (IsWord(s, t, {"some", "about", "nearly", "almost", "more", "over"})) ++t;
  if (IsWord(s, t, {"than"})) ++t;
  bool number = t < s.tokens.size() &&
                (IsWord(s, t, {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                               "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
                               "a", "several", "many", "few"}) ||
                 std::all_of(s.tokens[t].key.begin(), s.tokens[t].key.end(),
                             [](char c) { return c >= '0' && c <= '9'; }));
  if (!number || s.tokens[t].key.empty()) return 0;
  ++t;
  if (!IsWord(s, t, {"years", "year", "decades", "decade", "months", "month"})) return 0;
  ++t;
  if (!IsWord(s, t, {"after", "since"})) return 0;
  for (std::uint32_t c = t + 1; c < s.tokens.size(); ++c) {
    if (s.tokens[c].key == ",") return c + 1;
    if (IsBoundary(s, c)) return 0;
  }
  return 0;
}

namespace {

// Whether the year at token `t` names a meeting: "the 2007 summit", "the 2016 G20 summit"
// (up to two capitalised words between).
bool NamesAMeeting(const Sentence& s, std::size_t t) {
  for (std::size_t n = t + 1; n < s.tokens.size() && n <= t + 3; ++n) {
    if (IsWord(s, static_cast<std::uint32_t>(n), {"summit", "meeting", "talks", "visit"})) {
      return true;
    }
    if (!s.tokens[n].word || !s.tokens[n].Capitalized()) return false;
  }
  return false;
}

}  // namespace

std::vector<int> YearsIn(const Sentence& s, bool only_meetings) {
  std::vector<int> out;
  for (std::size_t t = 0; t < s.tokens.size(); ++t) {
    const std::string& k = s.tokens[t].key;
    std::optional<int> year = AsYear(k);
    if (!year || *year < 1900 || *year > 2099) continue;
    // A time of the event: "in 2007", "July 2007", "the 2007 summit"; not "the 2016 election"
    // or "through 2020".
    static const std::set<std::string> kBefore = {
        "in",        "january", "february", "march",    "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan",   "feb", "mar",  "apr",  "jun",
        "jul",       "aug",     "sep",      "sept",     "oct",   "nov", "dec"};
    bool dated = (t > 0 && kBefore.count(s.tokens[t - 1].key)) ||
                 (t > 1 && s.tokens[t - 1].key == "," && t > 2 &&
                  kBefore.count(s.tokens[t - 3].key)) ||
                 NamesAMeeting(s, t);
    if (dated && !(only_meetings && !NamesAMeeting(s, t))) out.push_back(*year);
  }
  return out;
}

}  // namespace parley::ingest
