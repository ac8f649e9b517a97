#include "ingest/dating.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace parley::ingest {
namespace {

namespace chr = std::chrono;

std::optional<chr::sys_days> DayOf(const std::string& iso) {
  if (iso.size() != 10) return std::nullopt;
  chr::year_month_day ymd{chr::year{std::atoi(iso.substr(0, 4).c_str())},
                          chr::month{static_cast<unsigned>(std::atoi(iso.substr(5, 2).c_str()))},
                          chr::day{static_cast<unsigned>(std::atoi(iso.substr(8, 2).c_str()))}};
  if (!ymd.ok()) return std::nullopt;
  return chr::sys_days{ymd};
}

int YearOf(const KnownSummit& k) { return std::atoi(k.date_from.substr(0, 4).c_str()); }

// "on Wednesday", "Wednesday's meeting": a weekday that dates what the sentence reports.
void CollectWeekdays(const Sentence& s, std::vector<unsigned>* out,
                     std::uint32_t end = UINT32_MAX) {
  for (std::uint32_t t = 0; t < s.tokens.size() && t < end; ++t) {
    std::optional<unsigned> d = WeekdayNamed(s.tokens[t].key);
    if (!d) continue;
    bool dates = (t > 0 && IsWord(s, t - 1, {"on", "late", "early"})) || IsWord(s, t + 1, {"'s"});
    // "signed a joint declaration Thursday", "met Erdogan Friday", as wire copy writes it:
    // after a lower-case word or a name (not "Good Friday", "last Thursday", "until Monday").
    if (!dates && t > 0 && s.tokens[t - 1].word &&
        (!s.tokens[t - 1].Capitalized() || Covers(s.entities, t - 1)) &&
        !IsWord(s, t - 1, {"last", "next", "this", "every", "each", "until", "by", "since",
                           "from", "till", "black", "good", "bloody", "super", "ash", "holy",
                           "maundy", "palm", "easter", "cyber"})) {
      dates = true;
    }
    if (dates && std::find(out->begin(), out->end(), *d) == out->end()) out->push_back(*d);
  }
}

// A sentence about what will happen, whose years are not yet past.
bool SpeaksOfTheFuture(const Sentence& s) {
  if (s.HasCue(CueKind::kFuture)) return true;
  for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
    if (IsWord(s, t, {"will", "would", "shall", "plans", "planned", "scheduled", "due", "until",
                      "by", "next", "upcoming", "expected", "expire", "expires", "deadline"})) {
      return true;
    }
  }
  return false;
}

int NumberWord(const std::string& key) {
  static const char* const kWords[] = {"zero", "one", "two",   "three", "four", "five",
                                       "six",  "seven", "eight", "nine", "ten"};
  for (int n = 0; n <= 10; ++n) {
    if (key == kWords[n]) return n;
  }
  if (key == "a" || key == "an") return 1;
  if (key == "couple") return 2;
  if (key == "few") return 3;
  if (key == "several") return 4;
  if (!key.empty() && key.size() <= 3 &&
      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::atoi(key.c_str());
  }
  return -1;
}

// The length of "a week", "three days", "days" ending just before token `end`, in days, as
// the range a writer means by it (a week: three days to a fortnight).
std::optional<std::pair<int, int>> DurationBefore(const Sentence& s, std::uint32_t end) {
  for (std::uint32_t back = 1; back <= 4 && back <= end; ++back) {
    std::uint32_t u = end - back;
    const std::string& unit = s.tokens[u].key;
    int days = unit == "day" || unit == "days"       ? 1
               : unit == "week" || unit == "weeks"   ? 7
               : unit == "fortnight"                 ? 14
               : unit == "month" || unit == "months" ? 30
                                                     : 0;
    if (days == 0) continue;
    int count = -1;
    for (std::uint32_t q = u; q > 0 && u - q < 3 && count < 0; --q) {
      count = NumberWord(s.tokens[q - 1].key);
    }
    bool plural = unit.back() == 's';
    if (count <= 0) count = plural ? 3 : 1;
    int length = count * days;
    return std::pair<int, int>{std::max(1, length / 2), 2 * length};
  }
  return std::nullopt;
}

// The city a place mention stands for (a places.tsv entry or a country's capital), lower case.
std::string CityOf(const Lexicon& lex, const Mention& m) {
  std::uint32_t ref = m.refs[0];
  if (ref < lex.places().size()) return LowerAscii(lex.places()[ref].city);
  std::uint32_t c = ref - static_cast<std::uint32_t>(lex.places().size());
  return c < lex.countries().size() ? LowerAscii(lex.countries()[c].capital) : std::string();
}

// "comes a week after the summit in Tehran", "three days after talks in Ankara".
void CollectAnchors(const Lexicon& lex, const Sentence& s,
                    std::vector<DateEvidence::Anchor>* out) {
  for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
    if (!IsWord(s, t, {"after", "following"})) continue;
    std::optional<std::pair<int, int>> range = DurationBefore(s, t);
    if (!range) continue;
    bool meeting = false;
    for (std::uint32_t u = t + 1; u < s.tokens.size() && u <= t + 12; ++u) {
      meeting = meeting || IsWord(s, u, {"summit", "talks", "meeting", "visit"});
      if (IsBoundary(s, u)) break;
      for (const Mention& m : s.places) {
        if (m.begin != u || !meeting) continue;
        std::string city = CityOf(lex, m);
        if (!city.empty()) out->push_back({city, range->first, range->second});
      }
    }
  }
}

bool HasWeekday(const KnownSummit& k, unsigned weekday) {
  std::optional<chr::sys_days> from = DayOf(k.date_from), to = DayOf(k.date_to);
  if (!from || !to) return false;
  for (chr::sys_days d = *from; d <= *to; d += chr::days{1}) {
    if (chr::weekday{d}.c_encoding() == weekday) return true;
  }
  return false;
}

// Whether a report datelined `month`/`day` can be of summit `k`: from the eve of its first
// day (a story filed ahead, in another time zone) to three days after its last (a story
// filed later, a weekend edition).
bool HasDatelineDay(const KnownSummit& k, int month, int day) {
  std::optional<chr::sys_days> from = DayOf(k.date_from), to = DayOf(k.date_to);
  if (!from || !to) return false;
  for (chr::sys_days d = *from - chr::days{1}; d <= *to + chr::days{3}; d += chr::days{1}) {
    chr::year_month_day ymd{d};
    if (static_cast<unsigned>(ymd.month()) == static_cast<unsigned>(month) &&
        static_cast<unsigned>(ymd.day()) == static_cast<unsigned>(day)) {
      return true;
    }
  }
  return false;
}

bool FollowsAnchor(const Doc& doc, const KnownSummit& k, const DateEvidence::Anchor& a) {
  std::optional<chr::sys_days> day = DayOf(k.date_from);
  const auto& by_city = doc.annotator->place_index().summits_by_city;
  auto in_city = by_city.find(a.city);
  if (!day || in_city == by_city.end()) return false;
  for (std::uint32_t i : in_city->second) {
    const KnownSummit& other = doc.lexicon().summits()[i];
    std::optional<chr::sys_days> end = DayOf(other.date_to);
    if (&other == &k || !end) continue;
    int gap = static_cast<int>((*day - *end).count());
    if (gap >= a.min_days && gap <= a.max_days) return true;
  }
  return false;
}

// Keeps the candidates `keep` accepts, unless none would remain.
template <typename Pred>
void NarrowSoftly(std::vector<const KnownSummit*>* candidates, Pred keep) {
  if (candidates->size() < 2) return;
  std::vector<const KnownSummit*> kept;
  for (const KnownSummit* k : *candidates) {
    if (keep(*k)) kept.push_back(k);
  }
  if (!kept.empty()) *candidates = std::move(kept);
}

}  // namespace

std::optional<unsigned> WeekdayNamed(const std::string& key) {
  static const char* const kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday"};
  for (unsigned d = 0; d < 7; ++d) {
    if (key == kNames[d]) return d;
  }
  return std::nullopt;
}

DateEvidence FindDateEvidence(const Doc& doc) {
  const Lexicon& lex = doc.lexicon();
  DateEvidence e;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (const Mention* m : s.CuesOf(CueKind::kEra)) {
      const Cue& cue = doc.annotator->cue(m->refs[0]);
      int year = cue.options.empty() ? 0 : std::atoi(cue.options[0].c_str());
      if (year > 0 && (!e.era_year || year > *e.era_year)) e.era_year = year;
    }
    bool past = si < doc.recall.size() && doc.recall[si];
    if (!past && s.HasCue(CueKind::kMeet)) CollectWeekdays(s, &e.weekdays);
    if (!SpeaksOfTheFuture(s)) {
      for (int y : YearsIn(s)) {
        if (!e.mentioned_year || y > *e.mentioned_year) e.mentioned_year = y;
      }
    }
    CollectAnchors(lex, s, &e.anchors);
  }
  e.month = doc.norm.dateline_month;
  e.day = doc.norm.dateline_day;
  return e;
}

std::vector<const KnownSummit*> NarrowByEvidence(const Doc& doc,
                                                 std::vector<const KnownSummit*> candidates,
                                                 const DateEvidence& evidence) {
  if (evidence.era_year) {
    int era = *evidence.era_year;
    std::erase_if(candidates, [&](const KnownSummit* k) { return YearOf(*k) < era; });
  }
  // A report datelined on a day no candidate could be reported on is of no known summit.
  if (evidence.month > 0) {
    std::erase_if(candidates, [&](const KnownSummit* k) {
      return !HasDatelineDay(*k, evidence.month, evidence.day);
    });
  }
  for (unsigned weekday : evidence.weekdays) {
    NarrowSoftly(&candidates, [&](const KnownSummit& k) { return HasWeekday(k, weekday); });
  }
  for (const DateEvidence::Anchor& a : evidence.anchors) {
    NarrowSoftly(&candidates, [&](const KnownSummit& k) { return FollowsAnchor(doc, k, a); });
  }
  if (evidence.mentioned_year) {
    int year = *evidence.mentioned_year;
    NarrowSoftly(&candidates, [&](const KnownSummit& k) { return YearOf(k) >= year; });
  }
  return candidates;
}

std::vector<unsigned> WeekdaysNamed(const Sentence& s, std::uint32_t end) {
  std::vector<unsigned> out;
  CollectWeekdays(s, &out, end);
  return out;
}

std::optional<std::string> DayOfDateline(int month, int day, std::optional<unsigned> weekday,
                                         const std::function<bool(const std::string&)>& in_office) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  // (Up to this year: a term still open runs on in the lexicon, but no report is of a year to
  // come.)
  constexpr int kFirstYear = 1900;
  const int this_year = static_cast<int>(
      chr::year_month_day{chr::floor<chr::days>(chr::system_clock::now())}.year());
  std::optional<std::string> found;
  for (int y = kFirstYear; y <= this_year; ++y) {
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, month, day);
    std::optional<chr::sys_days> date = DayOf(iso);
    if (!date || (weekday && chr::weekday{*date}.c_encoding() != *weekday) || !in_office(iso)) {
      continue;
    }
    if (found) return std::nullopt;  // several years fit
    found = iso;
  }
  return found;
}

std::vector<std::uint32_t> InOfficeTogether(const Lexicon& lexicon,
                                            const std::vector<std::uint32_t>& leaders) {
  constexpr auto kLeast = chr::days{30};
  auto from_of = [](const Term& t) { return t.start.empty() ? std::string("0001-01-01") : t.start; };
  auto to_of = [](const Term& t) { return t.end.empty() ? std::string("9999-12-31") : t.end; };
  std::vector<std::string> points;
  for (std::uint32_t l : leaders) {
    for (const Term& t : lexicon.leaders()[l].terms) {
      points.push_back(from_of(t));
      points.push_back(to_of(t));
    }
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::size_t most = 0;
  std::set<std::uint32_t> kept;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    std::optional<chr::sys_days> a = DayOf(points[i]), b = DayOf(points[i + 1]);
    if (!a || !b || *b - *a < kLeast) continue;
    std::vector<std::uint32_t> in_office;
    for (std::uint32_t l : leaders) {
      const auto& terms = lexicon.leaders()[l].terms;
      bool held = std::any_of(terms.begin(), terms.end(), [&](const Term& t) {
        return from_of(t) <= points[i] && to_of(t) >= points[i + 1];
      });
      if (held) in_office.push_back(l);
    }
    if (in_office.size() > most) {
      most = in_office.size();
      kept.clear();
    }
    if (in_office.size() == most) kept.insert(in_office.begin(), in_office.end());
  }
  if (most < 2) return leaders;
  std::vector<std::uint32_t> out;
  for (std::uint32_t l : leaders) {
    if (kept.count(l)) out.push_back(l);
  }
  return out;
}

}  // namespace parley::ingest
