// The summit an article reports: where (a place tied to a meeting cue, "talks in Agra",
// "the Geneva summit", also a town the lexicon lacks; else the dateline, which may be where
// the report was filed; else a venue or a place in a meeting sentence; a meeting at a G8, G20
// or APEC summit is that summit), when (a date or year stated with the meeting or the
// article's date, else the lexicon's table of known summits matched by place and leaders, in
// the article's year when it has one; never guessed), and who attended (leaders named as meeting,
// holding talks, hosting, dining: not leaders merely mentioned, not former leaders, not a
// successor-designate, and only those in office at the time when the time is known, heading a
// country then rather than only an international organisation).
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <unordered_set>

#include "ingest/dating.h"
#include "ingest/doc.h"

namespace parley::ingest {
namespace {

struct Place {
  std::string city;
  std::string country;
  bool venue = false;
};

// The place a mention refers to (a places.tsv entry, or a country's capital).
Place PlaceOfMention(const Doc& doc, const Mention& m) {
  const Lexicon& lex = doc.lexicon();
  std::uint32_t ref = m.refs[0];
  if (ref < lex.places().size()) {
    const PlaceEntry& p = lex.places()[ref];
    return {p.city, p.country, p.kind == "venue"};
  }
  const CountryEntry& c = lex.countries()[ref - lex.places().size()];
  return {c.capital, c.name, false};
}

std::optional<Place> ResolveCityName(const Doc& doc, const std::string& city,
                                     const std::string& region) {
  const PlaceIndex& ix = doc.annotator->place_index();
  auto hit = ix.place_by_name.find(LowerAscii(city));
  if (hit != ix.place_by_name.end()) {
    Mention m;
    m.refs = {hit->second};
    return PlaceOfMention(doc, m);
  }
  // Unknown city: keep its name; the country from the region if it names one.
  Place place{city, "", false};
  std::string reg = LowerAscii(region);
  if (auto c = ix.country_by_name.find(reg); c != ix.country_by_name.end()) {
    place.country = doc.lexicon().countries()[c->second].name;
  } else if (auto r = ix.region_country.find(reg); r != ix.region_country.end()) {
    place.country = r->second;
  }
  return place;
}

std::optional<int> YearOf(const std::string& iso);

// "Putin, who met Bush in Slovenia in 2001, ...": a meeting dated to another year than the
// event's is another meeting.
// (Before the event's year is known, the article's date gives it.)
bool OtherYear(const Doc& doc, const Sentence& s, const Mention& cue) {
  std::optional<int> year = doc.event_year;
  if (!year && !doc.norm.date.empty()) year = YearOf(doc.norm.date);
  if (!year) return false;
  for (std::uint32_t t = cue.end; t + 1 < s.tokens.size() && t < cue.end + 8; ++t) {
    if (s.tokens[t].key != "in") continue;
    if (std::optional<int> named = AsYear(s.tokens[t + 1].key); named && *named != *year) {
      return true;
    }
  }
  return false;
}

// "At the Brussels summit in March, talks broke down", "at their summit in Washington at the
// start of June" in a report datelined June 26 or September 9: a meeting dated to another
// month than the article's is another meeting.
bool OtherMonth(const Doc& doc, const Sentence& s, const Mention& cue) {
  static const std::vector<std::string> kMonths = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  int month = doc.norm.dateline_month;
  if (month == 0 && doc.norm.date.size() >= 7) {
    month = std::atoi(doc.norm.date.substr(5, 2).c_str());
  }
  if (month == 0) return false;
  for (std::uint32_t t = cue.end; t + 1 < s.tokens.size() && t < cue.end + 8; ++t) {
    // "in March", "at the start of June", "in early May", "last July".
    if (!IsWord(s, t, {"in", "of", "early", "late", "mid", "last"})) continue;
    auto m = std::find(kMonths.begin(), kMonths.end(), s.tokens[t + 1].key);
    if (m != kMonths.end() && m - kMonths.begin() + 1 != month) return true;
  }
  return false;
}

// "the first meeting since June 2003, when Abbas met Sharon at Aqaba": a meeting told in a
// "when" clause after a year is that year's, another meeting.
bool ToldOfAYearBefore(const Sentence& s, const Mention& cue) {
  for (std::uint32_t t = cue.begin; t > 2 && t + 12 > cue.begin; --t) {
    if (IsBoundary(s, t - 1)) break;
    if (!IsWord(s, t - 1, {"when"}) || !IsWord(s, t - 2, {","})) continue;
    if (AsYear(s.tokens[t - 3].key)) return true;
  }
  return false;
}

// "whose chief has been barred from ASEAN summits", "boycotted the summit": a meeting someone
// was kept from or stayed away from.
// Words of staying away from a meeting ("boycotted", "skipped", "snubbed"), read of a meeting
// cue here and of a whole sentence by TellsOfAbsence; and of being kept from one, before
// "from" ("barred from", "absent from"), read only of a meeting cue ("turning Turkey away from
// the West" is no absence).
bool StaysAway(const Sentence& s, std::uint32_t t) {
  return IsWord(s, t, {"boycotted", "boycotting", "boycott", "skipped", "skipping", "skip",
                       "shunned", "snubbed", "missed"});
}
bool KeptFrom(const Sentence& s, std::uint32_t t) {
  return IsWord(s, t, {"barred", "banned", "excluded", "absent", "away", "suspended",
                       "disinvited", "withdrew", "withdrawn"}) &&
         IsWord(s, t + 1, {"from"});
}

bool KeptAway(const Sentence& s, const Mention& cue) {
  for (std::uint32_t t = cue.begin; t > 0 && t + 5 > cue.begin; --t) {
    if (IsBoundary(s, t - 1) || IsWord(s, t - 1, {","})) return false;
    if (StaysAway(s, t - 1) || (t >= 2 && KeptFrom(s, t - 2))) return true;
  }
  return false;
}

// "The signing came five years after Mr. Arafat and Yitzhak Rabin shook hands": a meeting
// told as years, months or weeks before or after another is at another time.
bool SpanAway(const Sentence& s, const Mention& cue) {
  for (std::uint32_t t = cue.begin; t > 1 && t + 10 > cue.begin; --t) {
    if (IsBoundary(s, t - 1) || IsWord(s, t - 1, {","})) return false;
    if (IsWord(s, t - 1, {"after", "before"}) &&
        IsWord(s, t - 2, {"years", "months", "weeks", "decades", "year", "month", "decade"})) {
      return true;
    }
  }
  return false;
}

// Whether sentence `s` tells of a telephone or video call.
bool TellsOfACall(const Sentence& s) {
  return HasWordIn(s, 0, static_cast<std::uint32_t>(s.tokens.size()),
                   {"phone", "telephone", "phoned", "video", "videoconference", "virtual",
                    "virtually"});
}

// "a committee would meet in Jerusalem", "agreed to meet again in Cairo": a meeting that a
// modal or an infinitive puts ahead, not the one reported.
bool Prospective(const Sentence& s, const Mention& cue) {
  if (cue.begin == 0) return false;
  std::uint32_t t = cue.begin - 1;
  if (t > 0 && IsWord(s, t, {"again", "soon", "later", "also", "then"})) --t;
  // (Not "the most senior Western leader to visit Moscow": an infinitive after a noun of
  // persons tells what the person did.)
  if (IsWord(s, t, {"to"}) && t > 0 &&
      IsWord(s, t - 1, {"leader", "leaders", "president", "minister", "chancellor", "premier",
                        "head", "one", "person", "first", "last"})) {
    return false;
  }
  // (Nor the purpose of a journey told as done: "travelled to Novosibirsk to meet".)
  if (IsWord(s, t, {"to"})) {
    for (std::uint32_t k = t; k > 0 && k + 6 > t; --k) {
      if (s.tokens[k - 1].key == "," || IsBoundary(s, k - 1)) break;
      if (IsWord(s, k - 1, {"travelled", "traveled", "flew", "went", "came", "journeyed",
                            "headed", "drove"})) {
        return false;
      }
    }
  }
  if (IsWord(s, t, {"would", "will", "shall", "'ll", "to"})) return true;
  // "as Germany prepares to host the G20 summit in Hamburg", "will attend the summit": the
  // meeting's noun is the object of a verb still to come.
  for (std::uint32_t k = cue.begin; k > 0 && k + 5 > cue.begin; --k) {
    if (s.tokens[k - 1].key == "," || IsBoundary(s, k - 1)) break;
    if (k >= 2 && IsWord(s, k - 1, {"host", "hold", "attend", "convene", "join"}) &&
        IsWord(s, k - 2, {"to", "will", "would", "shall", "'ll"})) {
      return true;
    }
  }
  return false;
}

// "Trump welcomed the outcome on Twitter", "received the news", "greeted the decision": a verb
// of hosting whose object is a thing, not a person (not "welcomed Modi", "received his guest",
// "welcomed him").
bool WelcomedAThing(const Sentence& s, const Mention& cue) {
  if (cue.end != cue.begin + 1 ||
      !IsWord(s, cue.begin,
              {"welcomed", "welcome", "welcomes", "welcoming", "received", "greeted", "greets"})) {
    return false;
  }
  std::uint32_t t = cue.end;
  while (IsWord(s, t, {"the", "a", "an", "this", "that", "his", "her", "their", "its"})) ++t;
  static const std::set<std::string> kThings = {
      "outcome", "outcomes", "news", "result", "results", "decision", "decisions", "move",
      "moves", "agreement", "agreements", "deal", "declaration", "statement", "announcement",
      "step", "steps", "progress", "proposal", "proposals", "plan", "plans", "offer", "idea",
      "initiative", "accord", "report", "ruling", "vote", "release", "ceasefire", "talks",
      "summit", "meeting", "support", "backing", "assurances", "pledge", "commitment", "call"};
  return t < s.tokens.size() && kThings.count(s.tokens[t].key) > 0;
}

// Meeting cues of a sentence that are asserted (not negated, not hedged), in a sentence that
// tells of no telephone call.
std::vector<const Mention*> MeetCues(const Doc& doc, std::uint32_t si) {
  std::vector<const Mention*> out;
  const Sentence& s = doc.sentences[si];
  std::uint32_t present_end = static_cast<std::uint32_t>(s.tokens.size());
  if (doc.recall[si]) present_end = PresentPartEnd(s);
  // "held talks by telephone", "held a video call": a call, not a meeting.
  if (TellsOfACall(s)) return out;
  for (const Mention* m : s.CuesOf(CueKind::kMeet)) {
    if (m->end > present_end) continue;
    // "Putin and Trump to meet in Alaska next week": a meeting still to come.
    bool future = std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& f) {
      return f.cue == CueKind::kFuture && f.begin >= m->end && f.begin < m->end + 8;
    });
    if (future || Prospective(s, *m) || WelcomedAThing(s, *m)) continue;
    if (!IsNegated(s, m->begin) && !IsHedged(s, m->begin) && !OtherYear(doc, s, *m) &&
        !OtherMonth(doc, s, *m) && !ToldOfAYearBefore(s, *m) && !KeptAway(s, *m) &&
        !SpanAway(s, *m)) {
      out.push_back(m);
    }
  }
  return out;
}

// The end of the relative clause ("who met Merkel in 2006,", "whose plan Merkel blocked,")
// holding token `t`, or 0.
std::uint32_t RelativeClauseEnd(const Sentence& s, std::uint32_t t) {
  for (std::uint32_t b = t; b-- > 0;) {
    const std::string& k = s.tokens[b].key;
    if (k == "," || k == ";") return 0;
    if (k == "who" || k == "whom" || k == "which" || k == "whose") {
      for (std::uint32_t e = t; e < s.tokens.size(); ++e) {
        if (s.tokens[e].key == "," || s.tokens[e].key == ";") return e;
      }
      return static_cast<std::uint32_t>(s.tokens.size());
    }
  }
  return 0;
}

// Where a name starting at `begin` begins with the capitalised titles before it ("President
// Vladimir Putin").
std::uint32_t TitledBegin(const Sentence& s, std::uint32_t begin) {
  while (begin > 0 && s.tokens[begin - 1].word && s.tokens[begin - 1].Capitalized()) --begin;
  return begin;
}

// Whether a leader reference takes part in the meeting a cue describes.
// "the Reagan Administration's support", "recognise the Muzorewa government": a leader's name
// that modifies a noun names his government, not him.
bool ModifiesANoun(const Sentence& s, const LeaderRef& r) {
  return IsWord(s, r.end, {"administration", "government", "doctrine", "era", "years", "regime",
                           "cabinet", "camp", "team", "presidency", "plan"});
}

bool TakesPart(const Sentence& s, const LeaderRef& r, const Mention& cue) {
  if (ModifiesANoun(s, r)) return false;
  const std::uint32_t b = TitledBegin(s, r.begin);
  // "Lavrov, attending in place of President Vladimir Putin": whom another stands in for is
  // absent.
  if (b >= 2 && IsWord(s, b - 1, {"of"}) && IsWord(s, b - 2, {"place", "instead", "behalf"}))
    return false;
  if (b >= 2 && IsWord(s, b - 1, {"for"}) &&
      IsWord(s, b - 2, {"in", "standing", "deputising", "deputizing", "substituting"})) {
    return false;
  }
  // A leader inside a relative clause takes part only in a meeting told in that clause.
  if (std::uint32_t end = RelativeClauseEnd(s, r.begin); end > 0 && cue.begin >= end) {
    return false;
  }
  if (r.end <= cue.begin) {
    // "The junta, whose chief ..., was represented by an official": a passive cue's party is
    // its agent after "by".
    if (IsWord(s, cue.end - 1, {"by"})) return false;
    // "insisted that Saddam Hussein must disarm, after talks": the subject of a clause that
    // ends before the meeting is told is no party to it.
    bool subordinate = b > 0 && IsWord(s, b - 1, {"that", "whether", "if"});
    if (subordinate && HasWordIn(s, r.end, cue.begin, {",", ";"})) return false;
    // "Zelenskiy criticised the visit": who condemns a meeting is no party to it.
    for (const Mention* c : s.CuesOf(CueKind::kOppose)) {
      if (c->begin >= r.end && c->end <= cue.begin && cue.begin <= c->end + 3) return false;
    }
    // "Sarkozy spoke after talks between Obama and Medvedev": the meeting names its parties
    // (not "the encounter between the two men").
    if (IsWord(s, cue.end, {"between"}) && cue.begin > r.end + 1 &&
        !IsWord(s, cue.end + 1, {"the", "both", "two"})) {
      return false;
    }
    return cue.begin - r.end <= 15;
  }
  // "During their talks in Moscow, Putin told Bush ...": a meeting set as the scene.
  if (cue.begin <= 4 && !s.tokens.empty()) {
    static const char* kScene[] = {"during", "at", "after", "before", "following", "in"};
    for (const char* w : kScene) {
      if (s.tokens[0].key == w) return true;
    }
  }
  if (cue.begin == 0) return true;  // "Meeting at ..., Reagan and Gorbachev ..."
  // "signed a pact with President Mahmoud Abbas's Fatah movement": a leader owning the
  // object after the cue is no party to the meeting.
  if (r.begin >= cue.end && IsWord(s, r.end, {"'s"})) return false;
  // "It was signed two days after President Reagan announced a rival plan": a leader in a
  // clause told before or after the meeting is no party to it.
  if (r.begin >= cue.end &&
      HasWordIn(s, cue.end, r.begin, {"after", "before", "since", "until", "when", "while"})) {
    return false;
  }
  if (r.begin >= cue.end && r.begin <= cue.end + 4) return true;
  // "was signed after two days of talks by Mr. Arias; President Vinicio Cerezo of Guatemala,
  // the host; ... and President Daniel Ortega of Nicaragua": the agents the passive lists.
  // So does a list after a colon ("Around the table: China's Xi Jinping, India's ...") or
  // straight after the cue ("With him sat Nehru of India, U Nu of Burma and ...", "met Putin,
  // Xi, Modi and Erdogan"), the verb left out of its later parts ("was represented by its
  // premier and Bahrain by its crown prince").
  for (std::uint32_t w = cue.end - 1; w < r.begin && w < cue.end + 8; ++w) {
    bool opens = w == cue.end - 1 || IsWord(s, w, {"by"}) || (w == cue.end && IsWord(s, w, {":"}));
    if (!opens) continue;
    bool list = true;
    for (std::uint32_t t = w + 1; t < r.begin && list; ++t) {
      const Token& k = s.tokens[t];
      bool named = Covers(s.entities, t) || Covers(s.cues, t) || Covers(s.places, t);
      list = named || !k.word || k.Capitalized() ||
             IsWord(s, t, {"and", "the", "of", "host", "hosts", "its", "his", "their", "'s",
                           "bin", "al", "el", "de", "da", "van", "von", "by", "were",
                           "included", "including"});
    }
    if (list) return true;
  }
  // "talks in Agra between India's Vajpayee and Pakistan's Musharraf".
  for (std::uint32_t w = cue.end; w < r.begin && w < cue.end + 6; ++w) {
    if (s.tokens[w].key == "between" && r.begin <= w + 12) return true;
  }
  for (std::uint32_t w = cue.end; w < r.begin && w < s.tokens.size(); ++w) {
    if (s.tokens[w].key == "with" && r.begin <= w + 4) return true;
  }
  return false;
}

// The first pair of leaders named together ("X and Y") up to sentence `upto`, else the two
// leaders sentence `upto` names: whom "the two leaders" of sentence `upto` means.
std::vector<const LeaderRef*> NamedTogether(const Doc& doc, std::uint32_t upto) {
  for (std::uint32_t si = 0; si <= upto; ++si) {
    std::vector<const LeaderRef*> refs = doc.RefsIn(si);
    for (std::size_t i = 0; i + 1 < refs.size(); ++i) {
      const LeaderRef* a = refs[i];
      const LeaderRef* b = refs[i + 1];
      if (a->former || b->former || a->elect || b->elect) continue;
      const Sentence& s = doc.sentences[si];
      bool joined = false;
      for (std::uint32_t t = a->end; t < b->begin && t < s.tokens.size(); ++t) {
        joined = joined || s.tokens[t].key == "and";
      }
      if (joined && b->begin - a->end <= 4) return {a, b};
    }
  }
  // "Macron pressed Xi to ..., as the two leaders met": else two leaders named in the
  // sentence itself, however far apart.
  std::vector<const LeaderRef*> named;
  for (const LeaderRef* r : doc.RefsIn(upto)) {
    if (!r->NamedInOffice()) continue;
    if (RelativeClauseEnd(doc.sentences[upto], r->begin) > 0) continue;  // "X, who met Y,"
    bool other = std::all_of(named.begin(), named.end(),
                             [&](const LeaderRef* n) { return n->candidates != r->candidates; });
    if (other) named.push_back(r);
  }
  if (named.size() == 2) return named;
  // "The two leaders remained far apart", with none named in the sentence: the two the lead
  // names ("Putin said ... proposals made by French President Emmanuel Macron ...").
  for (std::uint32_t si = 0; si <= upto && si < 3; ++si) {
    if (doc.recall[si]) continue;
    std::vector<const LeaderRef*> lead;
    for (const LeaderRef* r : doc.RefsIn(si)) {
      if (!r->NamedInOffice()) continue;
      bool other = std::all_of(lead.begin(), lead.end(),
                               [&](const LeaderRef* n) { return n->candidates != r->candidates; });
      if (other) lead.push_back(r);
    }
    if (lead.size() == 2) return lead;
    if (lead.size() > 2) break;
  }
  return {};
}

// The leaders the sentence opens with as its subject: "British Prime Minister Tony Blair and
// President George W. Bush insisted ...", "Lula and his Argentine counterpart Alberto
// Fernandez said" (names, titles, "and", commas and "his counterpart" before the first other
// word).
std::vector<const LeaderRef*> SubjectRefs(const Doc& doc, std::uint32_t si) {
  const Sentence& s = doc.sentences[si];
  std::uint32_t end = 0;
  // (Covers: the "da" of "Luiz Inacio Lula da Silva".)
  while (end < s.tokens.size() &&
         ((s.tokens[end].word && s.tokens[end].Capitalized()) || Covers(s.entities, end) ||
          IsWord(s, end, {"and", ",", "-", "'s", "his", "her", "the", "counterpart",
                          "president", "prime", "minister", "premier", "chancellor",
                          "leader"}))) {
    ++end;
  }
  std::vector<const LeaderRef*> out;
  for (const LeaderRef* r : doc.RefsIn(si)) {
    if (r->end <= end && r->NamedInOffice()) out.push_back(r);
  }
  return out;
}

// Whether the article's lead tells of a telephone or video call: leaders who spoke so did not
// meet.
bool Remote(const Doc& doc) {
  for (std::uint32_t si = 0; si < doc.sentences.size() && si < 4; ++si) {
    const Sentence& s = doc.sentences[si];
    if (TellsOfACall(s) || HasWordIn(s, 0, static_cast<std::uint32_t>(s.tokens.size()),
                                     {"online"})) {
      return true;
    }
  }
  return false;
}

// Consecutive leaders of sentence `si` one of whom tells, urges or thanks the other, the verb
// right after the first and only titles before the second ("Trump urged Chinese President Xi
// Jinping", "Putin thanked Modi"); both named in office. Empty when there are none.
std::vector<std::pair<const LeaderRef*, const LeaderRef*>> AddressPairs(const Doc& doc,
                                                                        std::uint32_t si) {
  const Sentence& s = doc.sentences[si];
  std::vector<std::pair<const LeaderRef*, const LeaderRef*>> out;
  std::vector<const LeaderRef*> refs = doc.RefsIn(si);
  for (std::size_t i = 0; i + 1 < refs.size(); ++i) {
    const LeaderRef* a = refs[i];
    const LeaderRef* b = refs[i + 1];
    // ("the Prime Minister, Mr Zhao Ziyang, told Mrs Thatcher": an apposition closed first.)
    const std::uint32_t verb = IsWord(s, a->end, {","}) ? a->end + 1 : a->end;
    if (b->begin <= verb || b->begin > verb + 4) continue;
    if (!a->NamedInOffice() || !b->NamedInOffice()) continue;
    if (!IsWord(s, verb, {"told", "tells", "urged", "urges", "thanked", "thanks", "assured",
                          "assures", "asked", "asks", "pressed", "presses", "warned", "warns",
                          "briefed", "hugged", "embraced"})) {
      continue;
    }
    bool titles = true;
    for (std::uint32_t t = verb + 1; t < b->begin && titles; ++t) {
      titles = s.tokens[t].word && s.tokens[t].Capitalized();
    }
    if (titles) out.push_back({a, b});
  }
  return out;
}

// The leader in sentence `si` who is told, urged or thanked by the one `found` takes part
// with ("Modi told Putin ..."), or who tells, urges or thanks it ("Putin thanked Modi"); null
// when the sentence has none.
const LeaderRef* AddressedPartner(const Doc& doc, std::uint32_t si, const LeaderRef& found) {
  for (const auto& [a, b] : AddressPairs(doc, si)) {
    bool a_found = a->candidates == found.candidates, b_found = b->candidates == found.candidates;
    if (a_found != b_found) return a_found ? b : a;
  }
  return nullptr;
}

bool IsCalendarWord(const std::string& key);

// Whether the summit noun at `t` is named for a region or an organisation: a capitalised
// "Summit" after a capitalised word that names no place, country or leader ("Ibero-American
// Summit"; a people's name only joined to another word, not "American Summit"), or any
// "summit" after an acronym that names none ("SAARC summit").
bool NamedForAGroup(const Sentence& s, std::uint32_t t) {
  const std::uint32_t p = t - 1;
  const Token& before = s.tokens[p];
  if (!before.word || IsCalendarWord(before.key)) return false;
  if (Covers(s.places, p)) return false;
  const Mention* entity = nullptr;
  for (const Mention& m : s.entities) {
    if (m.begin <= p && p < m.end) entity = &m;
  }
  bool joined_people = entity && entity->layer == Layer::kDemonym && entity->begin == p &&
                       p >= 2 && IsWord(s, p - 1, {"-"}) && s.tokens[p - 2].word &&
                       !Covers(s.entities, p - 2);
  if (entity && !joined_people) return false;
  if (before.AllCaps() && before.key.size() >= 3) return true;
  // "the Rio Group summit", "an African Union summit": an organisation's own name.
  if (before.Capitalized() &&
      IsWord(s, p, {"group", "union", "community", "forum", "league", "movement", "council",
                    "alliance", "organisation", "organization", "cooperation"})) {
    return true;
  }
  return s.tokens[t].Capitalized() && before.Capitalized();
}

// Whether sentence `s` is (part of) the article's headline, kept as its first paragraph.
bool IsHeadline(const Doc& doc, const Sentence& s) {
  return !doc.norm.title.empty() && s.span.begin < doc.norm.title.size() &&
         doc.norm.text.compare(0, doc.norm.title.size(), doc.norm.title) == 0;
}

// "The heads of State and Government are to meet at least twice a year": a gathering the
// phrase at `t` tells of as still to come.
bool GatheringToCome(const Sentence& s, std::uint32_t t) {
  for (std::uint32_t k = t; k < s.tokens.size() && k < t + 10; ++k) {
    if (IsBoundary(s, k) || IsWord(s, k, {";"})) break;
    if (IsWord(s, k, {"will", "shall", "would"})) return true;
    if (IsWord(s, k, {"are", "is"}) && IsWord(s, k + 1, {"to"})) return true;
  }
  return false;
}

// The headline and the first three sentences after it, not about another time.
std::vector<std::uint32_t> LeadSentences(const Doc& doc) {
  std::vector<std::uint32_t> out;
  std::uint32_t lead = 0;
  for (std::uint32_t si = 0; si < doc.sentences.size() && lead < 3; ++si) {
    if (!IsHeadline(doc, doc.sentences[si])) ++lead;
    if (!doc.recall[si]) out.push_back(si);
  }
  return out;
}

// "the heads of state and government", not "the two heads of state": where the phrase at `t`
// ends, or 0.
std::uint32_t HeadsOfStateEnd(const Sentence& s, std::uint32_t t) {
  if (!IsWord(s, t, {"heads"}) || !IsWord(s, t + 1, {"of"}) ||
      !IsWord(s, t + 2, {"government", "state"}) || (t > 0 && IsWord(s, t - 1, {"two", "both"}))) {
    return 0;
  }
  if (IsWord(s, t + 3, {"and"}) && IsWord(s, t + 4, {"government", "state"})) return t + 5;
  return t + 3;
}

// Whether "the" at token `t` opens the name of a region or an organisation ("the Americas",
// "the Caribbean Community"): a capitalised word after it that is no leader's or country's name.
bool TheNamedGroupAt(const Sentence& s, std::uint32_t t) {
  if (!IsWord(s, t, {"the"}) || t + 1 >= s.tokens.size() || !s.tokens[t + 1].Capitalized()) {
    return false;
  }
  return std::none_of(s.entities.begin(), s.entities.end(), [&](const Mention& m) {
    return m.begin <= t + 1 && t + 1 < m.end &&
           (m.layer == Layer::kLeader || m.layer == Layer::kCountry);
  });
}

bool AnotherEventInTime(const Sentence& s, std::uint32_t begin);

// Whether the words at token `t` of `s` name a gathering of many countries' leaders: "the heads
// of government of the ten European Community countries", "Commonwealth heads of government",
// "the leaders of seven industrial democracies", "the presidents of the five Central American
// nations", "The Asian-African Conference closed here".
bool NamesAGathering(const Sentence& s, std::uint32_t t) {
  static const std::set<std::string> kPeoples = {
      "nations", "countries", "states", "democracies", "economies", "members", "powers",
      "governments", "republics"};
  static const std::set<std::string> kNumbers = {
      "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "several", "many", "dozen", "dozens", "all"};
  if (HeadsOfStateEnd(s, t) > 0) return true;
  if (s.tokens[t].key == "conference" && s.tokens[t].Capitalized()) return true;
  // "The XVII Ibero-American Summit", "the 11th SAARC summit": a summit named for a region or
  // an organisation (not "the Helsinki Summit", "the US-Russia summit"), not one told in a
  // relative clause ("Obama, who is in China for the 2016 G20 summit").
  if (t > 0 && IsWord(s, t, {"summit"}) && NamedForAGroup(s, t) && RelativeClauseEnd(s, t) == 0)
    return true;
  // "The sixth Summit of the Americas", "a summit of the Organisation of African Unity": one
  // named after the region or the organisation it is of (not "the summit of the United States
  // and Russia", nor "of the two leaders").
  if (IsWord(s, t, {"summit"}) && IsWord(s, t + 1, {"of"}) && TheNamedGroupAt(s, t + 2) &&
      RelativeClauseEnd(s, t) == 0) {
    return true;
  }
  // "Southeast Asian leaders ended their summit", "G20 leaders agreed", "at a Latin American
  // summit", "an Arab summit": a region's or a group's leaders, or their meeting.
  static const std::initializer_list<std::string_view> kRegional = {
      "asian", "african", "european", "american", "arab", "nordic", "gulf", "pacific",
      "commonwealth", "g7", "g8", "g20", "g-7", "g-8", "g-20", "caribbean", "latin", "baltic",
      "balkan", "andean", "asean", "nato", "brics", "apec", "eu", "au", "sco", "celac",
      "caricom", "mercosur", "opec", "bloc", "regional", "world"};
  if (t > 0 && IsWord(s, t, {"leaders", "heads"}) && IsWord(s, t - 1, kRegional)) return true;
  // (Not one a meeting was held on the sidelines of.)
  if (t > 0 && IsWord(s, t, {"summit"}) && IsWord(s, t - 1, kRegional) &&
      RelativeClauseEnd(s, t) == 0 && !AnotherEventInTime(s, t) &&
      !HasWordIn(s, t >= 6 ? t - 6 : 0, t, {"sidelines", "margins", "margin", "sideline"})) {
    return true;
  }
  if (!IsWord(s, t, {"leaders", "presidents", "premiers"}) || !IsWord(s, t + 1, {"of", "from"}))
    return false;
  // "Leaders from the Caribbean Community", "the leaders of the Pacific Islands Forum": of an
  // organisation or a region the text names (not "the leaders of the United States and ...").
  if (TheNamedGroupAt(s, t + 2)) return true;
  // "The leaders of Russia, Ukraine, Germany and France agreed": three countries or more.
  int countries = 0;
  for (const Mention& m : s.entities) {
    if (m.layer == Layer::kCountry && m.begin > t + 1 && m.begin < t + 14) ++countries;
  }
  if (countries >= 3) return true;
  for (std::uint32_t k = t + 2; k < s.tokens.size() && k < t + 9; ++k) {
    const std::string& w = s.tokens[k].key;
    bool number = kNumbers.count(w) > 0 ||
                  (!w.empty() && std::all_of(w.begin(), w.end(),
                                             [](char c) { return c >= '0' && c <= '9'; }));
    if (number || kPeoples.count(w)) return true;
  }
  return false;
}

// The sentence of the article's lead (its first three after the headline) that names a
// gathering of many countries' leaders (NamesAGathering), not one still to come; else one past
// the lead whose heads of state meet as its subject ("Eleven of the region's twelve heads of
// state sat down with Lula"); or -1. `at` receives where it names them.
int GatheringSentence(const Doc& doc, std::uint32_t* at) {
  for (std::uint32_t si : LeadSentences(doc)) {
    const Sentence& s = doc.sentences[si];
    for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
      if (NamesAGathering(s, t) && !GatheringToCome(s, t)) {
        *at = t;
        return static_cast<int>(si);
      }
    }
  }
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    if (doc.recall[si]) continue;
    const Sentence& s = doc.sentences[si];
    std::vector<const Mention*> cues = MeetCues(doc, si);
    for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
      std::uint32_t end = HeadsOfStateEnd(s, t);
      if (end > 0 && std::any_of(cues.begin(), cues.end(), [&](const Mention* c) {
            return c->begin >= end && c->begin <= end + 1;
          })) {
        *at = t;
        return static_cast<int>(si);
      }
    }
  }
  return -1;
}

bool AnotherEventInTime(const Sentence& s, std::uint32_t begin);

// Whether the headline or the lead names a summit of a multilateral series as what it reports
// ("Macron's G7 gamble: no communique ..."): not one in a relative clause or placed in time
// against another ("Obama, who is in China for the G20 summit", "ahead of the G20 summit").
bool LeadNamesASeriesSummit(const Doc& doc) {
  for (std::uint32_t si : LeadSentences(doc)) {
    const Sentence& s = doc.sentences[si];
    for (const Mention* m : s.CuesOf(CueKind::kMultilateral)) {
      if (RelativeClauseEnd(s, m->begin) == 0 && !AnotherEventInTime(s, m->begin) &&
          !IsWord(s, m->end, {"'s"}) && !HasWordIn(s, m->begin >= 4 ? m->begin - 4 : 0,
                                                      m->begin, {"sidelines", "margins"})) {
        return true;
      }
    }
  }
  return false;
}

bool LeadTellsOfAGathering(const Doc& doc) {
  std::uint32_t at = 0;
  return GatheringSentence(doc, &at) >= 0 || LeadNamesASeriesSummit(doc);
}

// Whether every past or future time sentence `s` names stands in a relative clause set off by
// commas ("FitzGerald, whose country takes over the presidency next week, said ..."): then its
// main clause is about the present.
bool TimeOnlyInRelativeClauses(const Sentence& s) {
  bool any = false;
  for (const Mention& c : s.cues) {
    if (c.cue != CueKind::kRecall && c.cue != CueKind::kFuture) continue;
    any = true;
    bool inside = false;
    for (std::uint32_t t = c.begin; t > 0 && !inside; --t) {
      if (IsWord(s, t - 1, {",", ";"}) || IsBoundary(s, t - 1)) break;
      inside = IsWord(s, t - 1, {"who", "whose", "which"}) && t >= 2 && IsWord(s, t - 2, {","});
    }
    bool closed = false;
    for (std::uint32_t t = c.end; t < s.tokens.size() && !closed; ++t) {
      if (IsBoundary(s, t)) break;
      closed = IsWord(s, t, {","});
    }
    if (!inside || !closed) return false;
  }
  return any;
}

// Whether sentence `s` tells of a leader kept from or absent at a meeting.
bool TellsOfAbsence(const Sentence& s) {
  for (std::uint32_t t = 0; t + 1 < s.tokens.size(); ++t) {
    if (IsWord(s, t, {"stayed", "kept", "staying", "stay", "stays", "keep", "keeps"}) &&
        IsWord(s, t + 1, {"away", "home"}))
      return true;
    if (StaysAway(s, t) || IsWord(s, t, {"absent", "absence", "barred"})) return true;
    if (IsWord(s, t, {"represented"}) && IsWord(s, t + 1, {"by", "only"})) return true;
    // "who had not been invited", "uninvited".
    if (IsWord(s, t, {"uninvited"})) return true;
    if (IsWord(s, t + 1, {"invited"}) &&
        (IsWord(s, t, {"not", "n't", "never"}) ||
         (t > 0 && IsWord(s, t, {"been", "be", "was", "were"}) &&
          IsWord(s, t - 1, {"not", "n't", "never"})))) {
      return true;
    }
    if (IsWord(s, t, {"in", "on"}) && IsWord(s, t + 1, {"place", "behalf"})) return true;
    if (IsWord(s, t, {"standing", "stood", "stands", "deputising", "deputizing"}) &&
        IsWord(s, t + 1, {"in"})) {
      return true;  // "Kamala Harris, standing in for President Joe Biden"
    }
  }
  return false;
}

bool IsMeetingNoun(const Sentence& s, std::uint32_t t);

// "Koivisto welcomed the two leaders on their arrival but did not take part in the talks":
// a leader whose clause goes on to deny taking part (before another leader is named).
// REQUIRES: `r` is one of doc.leader_refs, which are in text order.
bool DeniesTakingPart(const Doc& doc, const LeaderRef& r) {
  const Sentence& s = doc.sentences[r.sentence];
  // The clause goes on to the next leader named, at most.
  std::uint32_t stop = static_cast<std::uint32_t>(s.tokens.size());
  const std::size_t index = static_cast<std::size_t>(&r - doc.leader_refs.data());
  for (std::size_t n = index + 1;
       n < doc.leader_refs.size() && doc.leader_refs[n].sentence == r.sentence; ++n) {
    if (doc.leader_refs[n].begin >= r.end) {
      stop = doc.leader_refs[n].begin;
      break;
    }
  }
  for (std::uint32_t t = r.end; t + 1 < s.tokens.size() && t < stop; ++t) {
    // (Not in a clause of its own: "told reporters that countries ... could not join", "but
    // the Finns did not attend"; "but did not take part" goes on with the same subject.)
    if (IsWord(s, t, {";", ":", "\"", "that", "which", "who", "whom", "whether", "if",
                      "because", "while", "whereas", "although", "though"})) {
      return false;
    }
    if (IsWord(s, t, {"but", "and"}) && t + 1 < s.tokens.size() &&
        (s.tokens[t + 1].Capitalized() || IsWord(s, t + 1, {"the", "they", "it", "its"}))) {
      return false;
    }
    if (IsWord(s, t, {"no"}) && IsWord(s, t + 1, {"part"})) return true;  // "took no part"
    if (!IsWord(s, t, {"not", "n't", "never"})) continue;
    if (IsWord(s, t + 1, {"attend", "attended", "participate", "participated", "present",
                          "join", "joined"}) ||
        (IsWord(s, t + 1, {"take", "took", "taking"}) && IsWord(s, t + 2, {"part"})) ||
        (IsWord(s, t + 1, {"turn", "show"}) && IsWord(s, t + 2, {"up"}))) {
      return true;
    }
    // "did not come to New Zealand", "did not travel to the summit" (not "did not come to an
    // agreement"): a journey to the meeting's place not made.
    if (IsWord(s, t + 1, {"come", "go", "travel"})) {
      const std::uint32_t to = t + 2;
      if (to >= s.tokens.size() || IsBoundary(s, to) || IsWord(s, to, {".", ",", ";"})) {
        return true;
      }
      if (IsWord(s, to, {"here", "there"})) return true;
      if (IsWord(s, to, {"to"}) && to + 1 < s.tokens.size()) {
        const std::uint32_t w = IsWord(s, to + 1, {"the"}) ? to + 2 : to + 1;
        if (Covers(s.places, to + 1) || Covers(s.entities, w) || IsMeetingNoun(s, w)) {
          return true;
        }
      }
    }
  }
  return false;
}

std::optional<Place> UnknownPlaceAt(const Doc& doc, const Sentence& s, std::uint32_t t,
                                    std::uint32_t* end);

// "In Salisbury, Bishop Muzorewa said he would study the proposals", "Back in Israel, ...": a
// sentence that opens by placing itself in a town, or a country, other than the one the report
// is filed from tells of someone away from the meeting.
bool OpensElsewhere(const Doc& doc, const Sentence& s) {
  if (doc.norm.dateline_city.empty()) return false;
  std::uint32_t t = IsWord(s, 0, {"back"}) ? 1 : 0;
  if (!IsWord(s, t, {"in", "from"})) return false;
  ++t;
  std::optional<Place> filed = ResolveCityName(doc, doc.norm.dateline_city, doc.norm.dateline_region);
  for (const Mention& m : s.entities) {
    if (m.begin != t || m.layer != Layer::kCountry || !IsWord(s, m.end, {","})) continue;
    const std::string& country = doc.lexicon().countries()[m.refs[0]].name;
    return filed && !filed->country.empty() && filed->country != country;
  }
  std::optional<Place> place;
  std::uint32_t end = t;
  for (const Mention& m : s.places) {
    if (m.begin == t) {
      place = PlaceOfMention(doc, m);
      end = m.end;
    }
  }
  if (!place) place = UnknownPlaceAt(doc, s, t, &end);
  if (!place || !IsWord(s, end, {","})) return false;
  return LowerAscii(place->city) != LowerAscii(doc.norm.dateline_city);
}

std::vector<const LeaderRef*> AttendingRefs(const Doc& doc) {
  std::vector<const LeaderRef*> out;
  auto add = [&](const LeaderRef* r) {
    if (std::find(out.begin(), out.end(), r) == out.end() && !DeniesTakingPart(doc, *r)) {
      out.push_back(r);
    }
  };
  for (const LeaderRef& r : doc.leader_refs) {
    // "the Russian president", "the chancellor": resolved from the attendees.
    if (r.country >= 0 || r.office_only) continue;
    for (const Mention* cue : MeetCues(doc, r.sentence)) {
      if (TakesPart(doc.sentences[r.sentence], r, *cue)) {
        add(&r);
        break;
      }
    }
  }
  // "Mrs Thatcher leaves China ... The statement issued after her meeting yesterday with Mr
  // Deng ...": the owner of a meeting, a pronoun where the sentence names no leader before it,
  // is the subject of the sentence before that names one, when the other party is another.
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (const Mention* cue : MeetCues(doc, si)) {
      bool owned = (cue->begin >= 1 && IsWord(s, cue->begin - 1, {"his", "her"})) ||
                   (cue->begin >= 2 && IsWord(s, cue->begin - 2, {"his", "her"}) &&
                    s.tokens[cue->begin - 1].word && !s.tokens[cue->begin - 1].Capitalized());
      if (!owned) continue;
      const LeaderRef* met = nullptr;
      bool named_before = false;
      for (const LeaderRef* r : doc.RefsIn(si)) {
        if (r->begin < cue->begin) named_before = true;
        if (!met && r->begin >= cue->end && r->leader >= 0 &&
            std::find(out.begin(), out.end(), r) != out.end()) {
          met = r;
        }
      }
      if (named_before || !met || si == 0) continue;
      const LeaderRef* subject = nullptr;
      for (std::uint32_t back = si; back-- > 0 && back + 3 > si && !subject;) {
        std::vector<const LeaderRef*> refs = doc.RefsIn(back);
        if (refs.empty()) continue;
        const LeaderRef* first = refs.front();
        if (first->leader >= 0 && first->leader != met->leader && first->NamedInOffice() &&
            TitledBegin(doc.sentences[back], first->begin) <= 2 && !doc.recall[back]) {
          subject = first;
        }
        break;
      }
      if (subject) {
        add(subject);
        add(met);
      }
    }
  }
  // "Blair and Bush insisted on Friday that ..., after talks at the retreat": a meeting told
  // in an adverbial phrase is the sentence's subject's.
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    bool adverbial = false;
    for (const Mention* cue : MeetCues(doc, si)) {
      // (Not "after talks between Putin and Trump": those name their own parties.)
      adverbial = adverbial ||
                  (cue->begin >= 2 && IsWord(s, cue->begin - 1, {"after", "following", "during"}) &&
                   !IsWord(s, cue->end, {"between", "with"}));
    }
    if (!adverbial) continue;
    for (const LeaderRef* r : SubjectRefs(doc, si)) add(r);
  }
  // "hosted by French President Emmanuel Macron and German Chancellor Angela Merkel": a leader
  // joined by "and" to one taking part takes part too.
  for (std::size_t i = 0; i + 1 < doc.leader_refs.size(); ++i) {
    const LeaderRef& a = doc.leader_refs[i];
    const LeaderRef& b = doc.leader_refs[i + 1];
    if (a.sentence != b.sentence || b.country >= 0 || b.office_only || a.country >= 0 ||
        a.office_only) {
      continue;
    }
    bool a_in = std::find(out.begin(), out.end(), &a) != out.end();
    bool b_in = std::find(out.begin(), out.end(), &b) != out.end();
    if ((!a_in && !b_in) || b.begin < a.end || b.begin - a.end > 4) continue;
    const Sentence& s = doc.sentences[a.sentence];
    bool joined = IsWord(s, a.end, {"and"});
    for (std::uint32_t t = a.end + 1; t < b.begin; ++t) {
      joined = joined && s.tokens[t].word && s.tokens[t].Capitalized();  // "German Chancellor"
    }
    // (Either way: "Israeli Prime Minister Ariel Sharon and Palestinian President Mahmoud
    // Abbas declared ... at their first summit", the second nearer the cue.)
    if (joined) {
      add(&a);
      add(&b);
    }
  }
  // "The two leaders spoke after four hours of talks": the leaders last named together (not
  // where the lead tells of a call: "... and agreed that their teams would follow up").
  const bool remote = Remote(doc);
  for (std::uint32_t si = 0; si < doc.sentences.size() && !remote; ++si) {
    const Sentence& s = doc.sentences[si];
    if (MeetCues(doc, si).empty() || !s.HasCue(CueKind::kGroup)) continue;
    for (const LeaderRef* r : NamedTogether(doc, si)) add(r);
  }
  // "Macron pressed Trump on Tuesday to stay in the Iran deal, but the two leaders remained
  // divided": leaders who disagreed or took up an issue together met, unless the article
  // tells of a call rather than a meeting (when the meeting cues gave fewer than two).
  // (Not what they "would focus on": a meeting still to come.)
  // So do two leaders the lead makes the subject of such a sentence ("Chancellor Angela
  // Merkel and President Vladimir Putin put their disagreements on open display"), in an
  // article that tells of a meeting.
  bool told_meeting = false;
  for (std::uint32_t si = 0; si < doc.sentences.size() && !told_meeting; ++si) {
    told_meeting = !doc.recall[si] && !MeetCues(doc, si).empty();
  }
  // (Two references to one leader, "Angela Merkel" and "Mrs Merkel", are one side.)
  auto sides = [&] {
    std::vector<int> leaders;
    for (const LeaderRef* r : out) {
      if (r->leader < 0 || std::find(leaders.begin(), leaders.end(), r->leader) == leaders.end())
        leaders.push_back(r->leader);
    }
    return leaders.size();
  };
  if (sides() < 2 && !remote) {
    for (std::uint32_t si = 0; si < doc.sentences.size() && sides() < 2; ++si) {
      const Sentence& s = doc.sentences[si];
      if (doc.recall[si]) continue;
      std::vector<const LeaderRef*> subjects;
      if (told_meeting && si < 3) subjects = SubjectRefs(doc, si);
      if (subjects.size() < 2) subjects.clear();
      if (!s.HasCue(CueKind::kGroup) && subjects.empty()) continue;
      bool together = false;
      for (const Mention& c : s.cues) {
        bool topic = c.cue == CueKind::kDispute || c.cue == CueKind::kDiscuss;
        bool to_come = HasWordIn(s, c.begin >= 3 ? c.begin - 3 : 0, c.begin,
                                 {"will", "would", "shall", "'ll"});
        together = together ||
                   (topic && !to_come && !IsNegated(s, c.begin) && !IsHedged(s, c.begin));
      }
      // "Lula and his Argentine counterpart Alberto Fernandez said on Monday ...": leaders who
      // speak as one subject spoke together.
      if (!subjects.empty()) {
        std::uint32_t subject_end = 0;
        for (const LeaderRef* r : subjects) subject_end = std::max(subject_end, r->end);
        together = together || std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
                     return c.cue == CueKind::kSpeech && c.begin >= subject_end &&
                            c.begin <= subject_end + 1;
                   });
      }
      if (together) {
        for (const LeaderRef* r : subjects.empty() ? NamedTogether(doc, si) : subjects) add(r);
      }
    }
  }
  // "Commonwealth heads of government today endorsed a plan ...": at a gathering of many
  // countries' leaders, besides those named as meeting, every leader the article names in
  // office (not in a passage about the past, nor as absent, on the telephone or elsewhere)
  // took part.
  if (!remote && LeadTellsOfAGathering(doc)) {
    for (const LeaderRef& r : doc.leader_refs) {
      if (!r.NamedInOffice() || r.leader < 0 ||
          (doc.recall[r.sentence] && !TimeOnlyInRelativeClauses(doc.sentences[r.sentence])) ||
          TellsOfAbsence(doc.sentences[r.sentence]) || TellsOfACall(doc.sentences[r.sentence]) ||
          OpensElsewhere(doc, doc.sentences[r.sentence])) {
        continue;
      }
      // ("It was signed two days after President Reagan announced a rival plan": not one
      // told before or after the gathering.)
      const Sentence& s = doc.sentences[r.sentence];
      // (Nor one a meeting still to come is with: "willing to meet Iran's president, Hassan
      // Rouhani, if the circumstances were right".)
      bool met_later = false;
      for (const Mention* m : s.CuesOf(CueKind::kMeet)) {
        met_later = met_later || (m->end <= r.begin && r.begin <= m->end + 6 &&
                                  (Prospective(s, *m) || IsHedged(s, m->begin)));
      }
      if (met_later) continue;
      const std::uint32_t b = TitledBegin(s, r.begin);
      // (But "since President Sukarno of Indonesia opened the proceedings on Monday": a time
      // told by what he did at the gathering itself.)
      bool at_the_gathering = HasWordIn(s, r.end, r.end + 4,
                                        {"opened", "addressed", "closed", "chaired", "presided"});
      if (HasWordIn(s, b >= 4 ? b - 4 : 0, b, {"after", "before", "since", "until", "when"}) &&
          !at_the_gathering) {
        continue;
      }
      if (ModifiesANoun(s, r)) continue;
      add(&r);
    }
  }
  // "BEIJING - Trump urged Chinese President Xi Jinping on Thursday to ...", in an article
  // that tells of a meeting ("during the visit") without naming its parties: the leaders the
  // lead has one address the other.
  if (out.empty() && !remote) {
    for (std::uint32_t si = 0; told_meeting && si < doc.sentences.size() && si < 3 && out.empty();
         ++si) {
      if (doc.recall[si]) continue;
      for (const auto& [a, b] : AddressPairs(doc, si)) {
        add(a);
        add(b);
        break;
      }
    }
  }
  // "MOSCOW - Modi told Vladimir Putin on Tuesday that ...": a meeting has two sides; with
  // one found, a leader the lead names as addressed by it, or addressing it, is the other.
  if (out.size() == 1 && !remote) {
    const LeaderRef* found = out[0];
    for (std::uint32_t si = 0; si < doc.sentences.size() && si < 3 && out.size() == 1; ++si) {
      if (doc.recall[si]) continue;
      if (const LeaderRef* other = AddressedPartner(doc, si, *found)) add(other);
    }
  }
  // "on Thursday the Prime Minister, Mr Zhao Ziyang, told Mrs Thatcher plainly that ...": with
  // two sides found, one who tells, urges or presses an attendee, or is told by one, anywhere
  // in the report of now, took part too (not one thanked or asked: "Santos thanked Lula for
  // his support" is no sign Lula was there).
  if (sides() >= 2 && !remote) {
    for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (doc.recall[si] || TellsOfACall(s)) continue;
      for (const auto& [a, b] : AddressPairs(doc, si)) {
        if (HasWordIn(s, a->end, b->begin, {"thanked", "thanks", "asked", "asks"})) continue;
        auto in = [&](const LeaderRef* r) {
          return std::any_of(out.begin(), out.end(), [&](const LeaderRef* o) {
            return o->leader >= 0 && o->leader == r->leader;
          });
        };
        if (in(a) != in(b)) add(in(a) ? b : a);
      }
    }
  }
  return out;
}

// Where the locative preposition before a place is ("in Sochi", "at the century-old
// Kennebunkport compound", "in the South Korean city of Busan"), or -1. Only modifiers may
// stand between (not "divide Washington and Moscow", "in exchange for Beijing"); "returned to
// the White House" and "from" name where a leader went or came from, not the meeting.
// "returned to the White House", "flew back to Moscow": where a leader went afterwards.
// "travelled to Novosibirsk to meet the Soviet leader", "flew to Geneva for talks with": a
// place a leader went to for the meeting, told by a journey's verb before "to" and the purpose
// right after the place.
bool TravelledToMeet(const Sentence& s, std::uint32_t place_begin, std::uint32_t place_end) {
  if (place_begin < 2 || !IsWord(s, place_begin - 1, {"to"}) ||
      !IsWord(s, place_begin - 2, {"travelled", "traveled", "travels", "travel", "flew", "flies",
                                    "fly", "went", "goes", "came", "comes", "journeyed",
                                    "headed", "heads", "drove"})) {
    return false;
  }
  // ("flew to Geneva on Friday to meet": a day between.)
  for (std::uint32_t k = 0; k < 2 && place_end < s.tokens.size() &&
                            (IsWord(s, place_end, {"on", "yesterday", "today"}) ||
                             WeekdayNamed(s.tokens[place_end].key));
       ++k) {
    ++place_end;
  }
  if (IsWord(s, place_end, {"to"})) {
    return IsWord(s, place_end + 1, {"meet", "see", "confer", "attend", "join"}) ||
           (IsWord(s, place_end + 1, {"hold"}) && IsWord(s, place_end + 2, {"talks"}));
  }
  if (!IsWord(s, place_end, {"for"})) return false;
  std::uint32_t k = place_end + 1;
  if (IsWord(s, k, {"a", "the"})) ++k;
  return IsWord(s, k, {"talks", "summit", "meeting", "meetings", "conference"});
}

bool ReturnedTo(const Sentence& s, std::uint32_t place_begin) {
  for (std::uint32_t t = place_begin; t >= 2 && t + 3 > place_begin; --t) {
    if (IsWord(s, t - 1, {"to"})) {
      return IsWord(s, t - 2, {"returned", "return", "returning", "returns", "back", "flew",
                               "headed", "travel", "travelled", "traveled", "invitation",
                               "invited", "invite", "trip"});
    }
  }
  return false;
}

// "White House officials said", "the Kremlin announced", "which Downing Street has vowed to
// resist": the venue stands for a government.
bool SpeaksForGovernment(const Sentence& s, std::uint32_t place_end) {
  return IsWord(s, place_end,
                {"officials", "official", "spokesman", "spokeswoman", "spokesperson", "aides",
                 "aide", "said", "says", "announced", "statement", "press", "source", "sources",
                 "adviser", "advisers", "chief", "staff", "has", "had", "have", "would", "will",
                 "wants", "wanted", "insists", "insisted", "vowed", "argues", "argued",
                 "believes", "fears", "hopes", "warned", "warns", "rejected", "rejects"});
}

// "Jeju Island", "Sea Island": whether the capitalised name starting at token `t` is an
// island's (a place one is "on").
bool NamesAnIsland(const Sentence& s, std::uint32_t t) {
  for (std::uint32_t e = t; e < s.tokens.size() && e < t + 4; ++e) {
    if (!s.tokens[e].word || !s.tokens[e].Capitalized()) return false;
    if (e > t && IsWord(s, e, {"island", "islands"})) return true;
  }
  return false;
}

int LocativeBefore(const Sentence& s, std::uint32_t place_begin) {
  std::uint32_t from = place_begin > 7 ? place_begin - 7 : 0;
  // "met on Jeju Island".
  if (place_begin > 0 && IsWord(s, place_begin - 1, {"on"}) && NamesAnIsland(s, place_begin)) {
    return static_cast<int>(place_begin - 1);
  }
  for (std::uint32_t t = place_begin; t > from; --t) {
    const std::string& k = s.tokens[t - 1].key;
    // "declined to give Downing Street ...": after "to", a verb is no modifier of the place.
    if (k == "to" && t < place_begin && s.tokens[t].word && !s.tokens[t].Capitalized() &&
        !IsWord(s, t, {"the", "a", "an", "his", "her", "their", "its", "this", "that"})) {
      return -1;
    }
    if (k == "in" || k == "at" || k == "to" || k == "near" || k == "outside" || k == "inside") {
      // "according to the Kremlin" names a source; "has been to Djibouti" a journey before.
      if (k == "to" && t >= 2 &&
          IsWord(s, t - 2, {"returned", "return", "returning", "returns", "back", "flew",
                            "headed", "travel", "travelled", "traveled", "invitation", "invited",
                            "invite", "trip", "according", "been"})) {
        return -1;
      }
      return static_cast<int>(t - 1);
    }
    // "at State House, Nairobi": a venue's name and a comma may stand before its town.
    if (k == "," && t == place_begin && t >= 3 && s.tokens[t - 2].word &&
        s.tokens[t - 2].Capitalized()) {
      std::uint32_t v = t - 2;
      while (v > 0 && v + 4 > t - 1 && s.tokens[v - 1].word && s.tokens[v - 1].Capitalized()) --v;
      if (v > 0 && IsWord(s, v - 1, {"at", "in"})) return static_cast<int>(v - 1);
      return -1;
    }
    if (k == "of" && t >= 2 && IsWord(s, t - 2, {"city", "town", "resort", "village", "port"})) {
      continue;
    }
    if ((!s.tokens[t - 1].word && k != "-") || k == "and" || k == "or" || k == "for" ||
        k == "with" || k == "by" || k == "from" || k == "on" || k == "over" || k == "of" ||
        k == "about" || k == "between" || k == "that" || k == "'s") {
      return -1;
    }
  }
  return -1;
}

// Nouns of a meeting that a place may stand right before: "the Geneva summit", "Sochi talks".
bool IsMeetingNoun(const Sentence& s, std::uint32_t t) {
  return IsWord(s, t, {"summit", "summits", "talks", "meeting", "meetings", "visit", "conference"});
}

// "agreed to set up a committee in Dar es Salaam", "will open an embassy in Davao": the place
// of a thing founded, opened or stationed, written as the object of such a verb right before
// the preposition `prep`; not where the leaders met ("the conference opened in Colombo", "held
// the summit in Hue": no object, or a meeting's).
bool PlacesAThing(const Sentence& s, std::uint32_t prep) {
  static const std::unordered_set<std::string> kFounding = {
      "set", "establish", "established", "establishing", "establishes", "open", "opened",
      "opening", "opens", "build", "built", "building", "builds", "construct", "constructed",
      "constructing", "base", "based", "basing", "station", "stationed", "stationing",
      "deploy", "deployed", "deploying", "locate", "located", "locating", "found", "founded",
      "create", "created", "creating", "install", "installed", "installing"};
  std::uint32_t from = prep > 8 ? prep - 8 : 0;
  for (std::uint32_t v = prep; v > from; --v) {
    std::uint32_t t = v - 1;
    if (IsBoundary(s, t) || IsWord(s, t, {",", ";"})) return false;
    if (IsMeetingNoun(s, t)) return false;
    if (!kFounding.count(s.tokens[t].key)) continue;
    std::uint32_t object = t + 1;
    if (IsWord(s, object, {"up"})) ++object;
    return object < prep && IsWord(s, object, {"a", "an", "the", "its", "their", "his", "her",
                                               "new", "joint", "permanent"});
  }
  return false;
}

// A place written after a preposition of place that locates no thing founded there.
bool Located(const Sentence& s, std::uint32_t place_begin) {
  int prep = LocativeBefore(s, place_begin);
  return prep >= 0 && !PlacesAThing(s, static_cast<std::uint32_t>(prep));
}

// "a state visit that followed the G20 summit in Rio", "ahead of the Rio summit", "invited him
// to the summit in Hiroshima": a meeting placed before or after another one, or one a leader is
// invited to, is another event (not "After talks in Sochi, Putin said", where the sentence
// opens with the meeting as its scene).
bool AnotherEventInTime(const Sentence& s, std::uint32_t begin) {
  // "after three days of talks": how long the meeting went on, not another event.
  if (begin >= 3 && IsWord(s, begin - 1, {"of"}) &&
      IsWord(s, begin - 2, {"days", "hours", "weeks", "nights", "rounds", "months"})) {
    return false;
  }
  // "last year's summit in Charlevoix": one of another time.
  if (OwnedByAnotherTime(s, begin, 3)) return true;
  std::uint32_t from = begin > 5 ? begin - 5 : 0;
  // "days before France hosts the G7 summit in Biarritz": the sequence word may stand a few
  // words before the meeting's noun, with no comma between.
  std::uint32_t from_sequence = begin > 7 ? begin - 7 : 0;
  for (std::uint32_t t = begin; t > from_sequence + 1 && t > 1; --t) {
    if (s.tokens[t - 1].key == "," || IsBoundary(s, t - 1)) break;
    if (t - 1 + 4 < begin && IsWord(s, t - 1, {"before", "after", "ahead", "following"}))
      return true;
  }
  for (std::uint32_t t = from; t < begin; ++t) {
    // ("their first talks since their summit in Sochi": the summit is before these.)
    bool sequence = t + 4 >= begin && IsWord(s, t, {"followed", "following", "after", "before",
                                                    "ahead", "preceded", "preceding", "since"});
    // "invited Modi to the G7 summit in Hiroshima": one still to come.
    bool invitation = IsWord(s, t, {"invited", "invite", "invites", "inviting", "invitation"});
    if (t > 0 && (sequence || invitation)) return true;
  }
  return false;
}

// "Colombo played host to a gathering", "Beijing hosted the talks": a place that is the subject
// of a hosting cue of `cues` (one starting at `place_end`) is where the meeting was; less sure
// than a place the meeting is told in ("Washington hosted the talks at Camp David").
bool HostsAMeeting(const Sentence& s, const std::vector<const Mention*>& cues,
                   std::uint32_t place_end) {
  return std::any_of(cues.begin(), cues.end(), [&](const Mention* c) {
    return c->begin == place_end &&
           IsWord(s, c->begin, {"hosted", "hosts", "hosting", "played", "plays", "playing"});
  });
}

// "When five prime ministers came to Colombo", "Asian leaders meet in Colombo": heads of
// state or government told as a group, with no name.
bool NamesLeadersAsAGroup(const Sentence& s) {
  for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
    if (HeadsOfStateEnd(s, t) > 0) return true;
    if (IsWord(s, t, {"leaders", "presidents", "premiers"})) return true;
    if (IsWord(s, t, {"ministers"}) && t > 0 && IsWord(s, t - 1, {"prime"})) return true;
  }
  return false;
}

// The place is where a meeting cue of the sentence happened: "met yesterday in Genoa",
// "talks in the South Korean city of Busan", "arrived in Asmara", "the Geneva summit".
// REQUIRES: `cues` holds no meeting placed in time against another (AnotherEventInTime).
bool AttachedToMeeting(const Sentence& s, const std::vector<const Mention*>& cues,
                       std::uint32_t place_begin, std::uint32_t place_end) {
  if (IsMeetingNoun(s, place_end)) {
    // (Not when that noun's cue was set aside: "the Brussels summit in March".)
    for (const Mention* c : s.CuesOf(CueKind::kMeet)) {
      if (c->begin == place_end && std::find(cues.begin(), cues.end(), c) == cues.end()) {
        return false;
      }
    }
    return !AnotherEventInTime(s, place_begin);
  }
  int prep = LocativeBefore(s, place_begin);
  if (prep < 0) return false;
  for (const Mention* c : cues) {
    if (RelativeClauseEnd(s, c->begin) > 0) continue;  // "Putin, who met Merkel in Berlin,"
    std::uint32_t p = static_cast<std::uint32_t>(prep);
    if (c->end == p + 1) return true;  // the cue ends with it: "talks in", "arrived in"
    if (c->end > p) continue;
    // "met yesterday in", "talks with Xi in", "talks at the government's guesthouse in": the
    // preposition follows the cue closely.
    // (The leader met and his titles are no distance: "met his Russian counterpart Vladimir
    // Putin in the Kazakh capital".)
    std::uint32_t gap = 0;
    for (std::uint32_t t = c->end; t < p; ++t) {
      bool named = Covers(s.entities, t);
      bool title = std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& m) {
        return (m.cue == CueKind::kOffice || m.cue == CueKind::kHonorific) && m.begin <= t &&
               t < m.end;
      });
      if (!named && !title && !IsWord(s, t, {"his", "her", "their"})) ++gap;
    }
    bool with = IsWord(s, c->end, {"with", "between", "at", "in"}) ||
                IsWord(s, c->end - 1, {"at", "in"});
    if (gap > (with ? 6u : 3u)) continue;
    // No clause between them; but commas may set off an apposition to the leader met, closed
    // right before the preposition: "met Nikita Khrushchev, the Soviet leader, in Novosibirsk",
    // "met the Soviet leader, Nikita Khrushchev, in Novosibirsk".
    bool clean = true, apposition = false;
    for (std::uint32_t t = c->end; t < p && clean; ++t) {
      if (IsBoundary(s, t)) clean = false;
      if (s.tokens[t].key != ",") continue;
      bool by_leader = std::any_of(s.entities.begin(), s.entities.end(), [&](const Mention& m) {
        return m.layer == Layer::kLeader && (m.end == t || m.begin == t + 1);
      });
      if (by_leader && !apposition) {
        apposition = true;
      } else if (!(apposition && t + 1 == p)) {
        clean = false;
      }
    }
    if (clean) return true;
  }
  return false;
}

// Words that are capitalised but never a meeting place.
bool IsCalendarWord(const std::string& key) {
  static const std::set<std::string> kWords = {
      "monday",   "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january",  "february", "march",   "april",    "may",      "june",     "july",
      "august",   "september", "october", "november", "december", "jan",     "feb",
      "mar",      "apr",      "jun",     "jul",      "aug",      "sep",      "sept",
      "oct",      "nov",      "dec",     "the",      "a",        "an",       "this",
      "his",      "her",      "their",   "its",      "our",      "that",     "which"};
  return kWords.count(key) > 0;
}

// A place the lexicon does not know: capitalised words right after "in"/"at"/"city of" that
// name no entity ("in Meseberg", "in the central Chinese city of Wuhan"). The country comes
// from ", Germany" after it or a demonym before it ("Chinese city of").
std::optional<Place> UnknownPlaceAt(const Doc& doc, const Sentence& s, std::uint32_t t,
                                    std::uint32_t* end) {
  if (t == 0 || t >= s.tokens.size()) return std::nullopt;
  bool journey_to = t >= 2 && IsWord(s, t - 1, {"to"});  // only a TravelledToMeet town
  bool on_island = IsWord(s, t - 1, {"on"}) && NamesAnIsland(s, t);
  if (!IsWord(s, t - 1, {"in", "at", "of", "outside", "near"}) && !journey_to && !on_island) {
    return std::nullopt;
  }
  if (IsWord(s, t - 1, {"of"}) &&
      !(t >= 2 && IsWord(s, t - 2, {"city", "town", "resort", "village", "port"}))) {
    return std::nullopt;
  }
  std::uint32_t e = t;
  while (e < s.tokens.size() && e < t + 3 && s.tokens[e].word && s.tokens[e].Capitalized() &&
         !s.tokens[e].AllCaps() && !IsCalendarWord(s.tokens[e].key) &&
         s.tokens[e].key != "'s") {
    ++e;
  }
  // Not "Sino-India", not "Xi's".
  if (e == t || IsWord(s, e, {"'s", "-"})) return std::nullopt;
  // "at Bab al-Aziziya", "at Dar al-Hajar": a name going on with an article of Arabic names is
  // longer than a town's, a venue whose town the text may not name.
  if (IsWord(s, e, {"al", "el", "ad", "ar", "as", "ash", "az", "ul"}) && IsWord(s, e + 1, {"-"}))
    return std::nullopt;
  // "at Allama Iqbal International Airport", "at the Fort de Bregancon": a name longer than a
  // town's, or one ending in a building's noun, is a venue whose town the text may not name.
  if (e < s.tokens.size() && s.tokens[e].word && s.tokens[e].Capitalized() &&
      !IsCalendarWord(s.tokens[e].key) && !Covers(s.entities, e) && !Covers(s.places, e) &&
      !Covers(s.cues, e)) {
    return std::nullopt;
  }
  // "at Red Sea summit", "a Black Sea resort": a sea, a gulf or a coast is no town.
  if (IsWord(s, e - 1, {"sea", "ocean", "gulf", "strait", "straits", "coast", "riviera",
                        "peninsula", "desert", "mountains", "river", "lake", "channel"})) {
    return std::nullopt;
  }
  static const std::initializer_list<std::string_view> kBuildings = {
      "airport", "palace", "hotel", "hall", "house", "residence", "estate", "base", "centre",
      "center", "castle", "fort", "stadium", "building", "street", "square", "university",
      "college", "museum", "ranch", "lodge", "villa", "resort", "club", "park", "embassy",
      "cathedral", "court", "manor", "mansion", "pavilion", "chancellery", "retreat", "cottage",
      "gardens", "tower", "dacha", "abbey", "bhavan", "chateau", "monastery", "headquarters"};
  if (IsWord(s, e - 1, kBuildings)) return std::nullopt;
  // "at Rio Group summit", "at the Paris Club": a body named for a town meets anywhere.
  if (IsWord(s, e - 1, {"group", "club", "pact", "union", "alliance", "community", "forum",
                        "council", "league", "movement", "organisation", "organization"})) {
    return std::nullopt;
  }
  if (journey_to && !TravelledToMeet(s, t, e)) return std::nullopt;
  // "at State House Entebbe", "at Government House Suva": a building named with its town;
  // the town is the place.
  for (std::uint32_t k = e - 1; k > t; --k) {
    if (IsWord(s, k - 1, kBuildings)) {
      t = k;
      break;
    }
  }
  auto overlaps = [&](const std::vector<Mention>& ms) {
    return std::any_of(ms.begin(), ms.end(),
                       [&](const Mention& m) { return m.begin < e && m.end > t; });
  };
  if (overlaps(s.entities) || overlaps(s.places) || overlaps(s.issues)) return std::nullopt;
  for (const Mention& c : s.cues) {
    if (c.begin < e && c.end > t) return std::nullopt;
  }
  Place place{std::string(s.text.substr(s.tokens[t].begin, s.tokens[e - 1].end - s.tokens[t].begin)),
              "", false};
  const Lexicon& lex = doc.lexicon();
  for (const Mention& m : s.entities) {
    bool after = e + 1 < s.tokens.size() && IsWord(s, e, {","}) && m.begin == e + 1;
    bool before = m.end + 4 >= t && m.end <= t &&
                  (m.layer == Layer::kDemonym || m.layer == Layer::kCountry);
    if ((after && m.layer == Layer::kCountry) || before) {
      place.country = lex.countries()[m.refs[0]].name;
    }
  }
  *end = e;
  return place;
}

struct PlaceChoice {
  Place place;
  int score = -1;
  std::string evidence;
};

// How strongly the text ties a place to the meeting.
constexpr int kAnyVenue = 0, kLocated = 1, kDateline = 2, kVenue = 3, kAttached = 4, kStay = 5;

// "ending 13 days of secluded negotiations with Carter at Camp David", "came down from 13 days
// of seclusion at Camp David": days spent at a place by the meeting's leaders make it where
// they met, over where they signed at its end.
bool DaysSpentAt(const Sentence& s, std::uint32_t place_begin, std::uint32_t place_end) {
  if (LocativeBefore(s, place_begin) < 0) return false;
  // "at a state guest house in Pyongyang after three days of talks".
  if (IsWord(s, place_end, {"after", "following"}) && IsWord(s, place_end + 2, {"days", "weeks"}) &&
      IsWord(s, place_end + 3, {"of"})) {
    return true;
  }
  for (std::uint32_t t = place_begin; t > 1 && t + 10 > place_begin; --t) {
    if (IsBoundary(s, t - 1) || IsWord(s, t - 1, {","})) return false;
    if (!IsWord(s, t - 1, {"of"}) || !IsWord(s, t - 2, {"days", "weeks", "nights"})) continue;
    if (t < 3) return false;
    const std::string& n = s.tokens[t - 3].key;
    return std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
           IsWord(s, t - 3, {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                             "ten", "eleven", "twelve", "thirteen", "fourteen", "several"});
  }
  return false;
}

// Where ", held" follows a meeting cue closely ("the conference in the Crimea, held at",
// "talks held in"), the token after "held"; else 0.
std::uint32_t HeldAfterAMeeting(const Sentence& s, const std::vector<const Mention*>& cues) {
  for (const Mention* c : cues) {
    for (std::uint32_t t = c->end; t < s.tokens.size() && t < c->end + 6; ++t) {
      if (IsBoundary(s, t) || IsWord(s, t, {";"})) break;
      if (IsWord(s, t, {"held", "hosted", "staged"}) && t + 1 < s.tokens.size() &&
          (t == c->end || IsWord(s, t - 1, {","}))) {
        return t + 1;
      }
    }
  }
  return 0;
}

// Whether "here" follows a meeting cue of `cues` closely in `s`, in the same clause:
// "met here", "held their annual summit here Wednesday", "talks opened here".
bool MeetingHere(const Sentence& s, const std::vector<const Mention*>& cues) {
  constexpr std::uint32_t kReach = 3;
  for (const Mention* c : cues) {
    for (std::uint32_t t = c->end; t < s.tokens.size() && t <= c->end + kReach; ++t) {
      if (IsBoundary(s, t) || IsWord(s, t, {",", ";", "--"})) break;
      if (IsWord(s, t, {"here"})) return true;
    }
  }
  return false;
}

PlaceChoice FindPlace(const Doc& doc) {
  // The strongest evidence wins; among equals, the earliest. A place tied to a meeting cue
  // ("talks in Agra") outranks the dateline, which may be where the report was filed.
  PlaceChoice best;
  std::uint32_t gathering_at = 0;
  const int gathering = GatheringSentence(doc, &gathering_at);
  auto offer = [&](const Place& place, int score, std::string_view why) {
    if (score > best.score) best = {place, score, std::string(why)};
  };
  std::optional<Place> dateline;
  if (!doc.norm.dateline_city.empty()) {
    std::string line = doc.norm.dateline_city +
                       (doc.norm.dateline_region.empty() ? "" : ", " + doc.norm.dateline_region);
    dateline = ResolveCityName(doc, doc.norm.dateline_city, doc.norm.dateline_region);
    if (dateline) offer(*dateline, kDateline, line);
  }
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (doc.recall[si]) continue;
    std::vector<const Mention*> cues = MeetCues(doc, si);
    std::erase_if(cues, [&](const Mention* c) { return AnotherEventInTime(s, c->begin); });
    // "held their annual summit here Wednesday", "met here today": the dateline's city is the
    // meeting's as surely as one the sentence names.
    if (dateline && MeetingHere(s, cues)) offer(*dateline, kAttached, s.text);
    // ("When five prime ministers came to Colombo": leaders told as a group name them too.)
    const bool headline =
        !doc.norm.title.empty() && s.span.paragraph == 0 &&
        (std::any_of(s.entities.begin(), s.entities.end(),
                     [](const Mention& m) { return m.layer == Layer::kLeader; }) ||
         NamesLeadersAsAGroup(s));
    for (const Mention& p : s.places) {
      Place place = PlaceOfMention(doc, p);
      if (TravelledToMeet(s, p.begin, p.end)) {
        offer(place, kAttached, s.text);
      } else if (!cues.empty() && DaysSpentAt(s, p.begin, p.end)) {
        offer(place, kStay, s.text);
      } else if (!cues.empty() && AttachedToMeeting(s, cues, p.begin, p.end)) {
        offer(place, kAttached, s.text);
      } else if (HostsAMeeting(s, cues, p.end)) {
        offer(place, kVenue, s.text);
      } else if (!cues.empty() && Located(s, p.begin)) {
        offer(place, place.venue ? kVenue : kLocated, s.text);
      } else if (headline && Located(s, p.begin) && !ReturnedTo(s, p.begin)) {
        // "Merkel and Putin air differences over Ukraine in Sochi": a headline that places
        // its leaders tells where they met, when the body says no more than "a visit".
        offer(place, kLocated, s.text);
      } else if (place.venue && !ReturnedTo(s, p.begin) && !SpeaksForGovernment(s, p.end)) {
        offer(place, kAnyVenue, s.text);
      }
    }
    // "At Williamsburg the leaders of seven industrial democracies came to talk ...": where
    // the lead places a gathering of many countries' leaders, before it names them.
    if (static_cast<int>(si) == gathering) {
      for (const Mention& p : s.places) {
        if (p.end <= gathering_at && Located(s, p.begin) && !ReturnedTo(s, p.begin)) {
          offer(PlaceOfMention(doc, p), kAttached, s.text);
        }
      }
      for (std::uint32_t t = 1; t < gathering_at; ++t) {
        std::uint32_t end = 0;
        if (std::optional<Place> place = UnknownPlaceAt(doc, s, t, &end)) {
          offer(*place, kAttached, s.text);
        }
      }
    }
    for (std::uint32_t t = 1; t < s.tokens.size(); ++t) {
      std::uint32_t end = 0;
      std::optional<Place> place = UnknownPlaceAt(doc, s, t, &end);
      if (!place) continue;
      if (TravelledToMeet(s, t, end) ||
          (!cues.empty() && !IsWord(s, t - 1, {"to"}) && AttachedToMeeting(s, cues, t, end))) {
        offer(*place, kAttached, s.text);
      }
    }
    if (cues.empty()) continue;
    // "an eight-day conference in the Crimea, held at the former Tsarist palace of Livadia
    // outside Yalta": where a meeting was held, however its venue is described.
    if (std::uint32_t from = HeldAfterAMeeting(s, cues); from > 0) {
      for (std::uint32_t t = from; t < s.tokens.size() && t < from + 12; ++t) {
        if (IsBoundary(s, t) || IsWord(s, t, {",", ";"})) break;
        std::uint32_t end = 0;
        const Mention* known = nullptr;
        for (const Mention& p : s.places) {
          if (p.begin == t) known = &p;
        }
        bool located = t > 0 && IsWord(s, t - 1, {"in", "at", "outside", "near"});
        if (known && located) {
          offer(PlaceOfMention(doc, *known), kAttached, s.text);
          break;
        }
        if (std::optional<Place> place = UnknownPlaceAt(doc, s, t, &end); place && located) {
          offer(*place, kAttached, s.text);
          break;
        }
      }
    }
  }
  return best;
}

// The summits held while every leader the article names by full name as holding office
// (not "former", not "-elect", outside sentences about the past) was in office: "Chinese
// President Jiang Zemin" at an APEC summit with Bush and Putin dates it before 2003.
std::vector<const KnownSummit*> InOfficeOfEveryNamedLeader(
    const Doc& doc, const std::vector<const KnownSummit*>& summits) {
  const auto& leaders = doc.lexicon().leaders();
  std::vector<const KnownSummit*> out;
  for (const KnownSummit* k : summits) {
    bool all = std::all_of(doc.leader_refs.begin(), doc.leader_refs.end(), [&](const LeaderRef& r) {
      if (r.leader < 0 || !r.full_name || r.former || r.elect || doc.recall[r.sentence]) {
        return true;
      }
      return leaders[r.leader].InOfficeDuring(k->date_from, k->date_to);
    });
    if (all) out.push_back(k);
  }
  return out;
}

// Rows of the known-summits table naming one summit (pairs that met on its sidelines) count
// once: the first of them stands for it.
std::vector<const KnownSummit*> OneRowPerSummit(std::vector<const KnownSummit*> rows) {
  std::vector<const KnownSummit*> out;
  for (const KnownSummit* k : rows) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const KnownSummit* o) { return o->name == k->name; });
    if (!seen) out.push_back(k);
  }
  return out;
}

// The multilateral series ("G8", "NATO") whose summits the article names, not as another
// event; `evidence`, when given, receives the first sentence naming one.
std::set<std::string> SeriesNamed(const Doc& doc, std::string* evidence = nullptr) {
  std::set<std::string> groups;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    if (doc.recall[si]) continue;
    for (const Mention* m : doc.sentences[si].CuesOf(CueKind::kMultilateral)) {
      const Cue& cue = doc.annotator->cue(m->refs[0]);
      if (cue.options.empty() || AnotherEventInTime(doc.sentences[si], m->begin)) continue;
      if (groups.insert(cue.options[0]).second && evidence && evidence->empty()) {
        *evidence = std::string(doc.sentences[si].text);
      }
    }
  }
  return groups;
}

// "agreed at a G8 summit", "on the sidelines of the APEC summit": a meeting at a multilateral
// summit is that summit. The known-summits table gives its place when exactly one summit of
// that series, in the year if known, lists the leaders who met.
std::optional<PlaceChoice> MultilateralPlace(const Doc& doc,
                                             const std::vector<const LeaderRef*>& refs,
                                             std::optional<int> year) {
  const Lexicon& lex = doc.lexicon();
  std::string evidence;
  std::set<std::string> groups = SeriesNamed(doc, &evidence);
  if (groups.empty()) return std::nullopt;
  std::vector<const KnownSummit*> hits;
  for (const KnownSummit& k : lex.summits()) {
    if (!groups.count(k.group) || k.leaders.size() < 2) continue;
    if (year && std::stoi(k.date_from.substr(0, 4)) != *year) continue;
    bool all = true;
    for (const std::string& name : k.leaders) {
      std::uint32_t idx = lex.FindLeaderIndex(name).value_or(~0u);
      all = all && std::any_of(refs.begin(), refs.end(), [&](const LeaderRef* r) {
              return std::find(r->candidates.begin(), r->candidates.end(), idx) !=
                     r->candidates.end();
            });
    }
    if (all) hits.push_back(&k);
  }
  hits = OneRowPerSummit(std::move(hits));
  if (hits.size() > 1) hits = InOfficeOfEveryNamedLeader(doc, hits);
  if (hits.size() != 1) return std::nullopt;  // several: the text does not say which
  return PlaceChoice{{hits[0]->city, hits[0]->country, false}, kAttached, evidence};
}

struct When {
  bool bare_year = false;  // only "in 1986", no date
  std::optional<int> year;
  std::string date;  // "YYYY-MM-DD" or "from/to"
  std::string from, to;
};

std::optional<int> YearOf(const std::string& iso) {
  if (iso.size() < 4) return std::nullopt;
  return std::stoi(iso.substr(0, 4));
}

// "relations soured since his first summit with Kim in September 2002": the year the
// sentence tells a time since, before the one it reports.
bool ToldAsSince(const Sentence& s, int year) {
  constexpr std::uint32_t kReach = 10;
  for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
    if (AsYear(s.tokens[t].key) != year) continue;
    for (std::uint32_t k = t; k > 0 && k + kReach > t; --k) {
      if (IsBoundary(s, k - 1) || IsWord(s, k - 1, {";"})) break;
      if (IsWord(s, k - 1, {"since"})) return true;
    }
  }
  return false;
}

// A date or year written with the meeting itself, in the article's lead (later meetings
// with other years are usually history).
When TextWhen(const Doc& doc, const std::vector<const LeaderRef*>& attending) {
  constexpr std::uint32_t kLead = 4;
  When w;
  bool after_headline = false;
  for (std::uint32_t si = 0; si < doc.sentences.size() && si < kLead; ++si) {
    bool names_them = std::any_of(attending.begin(), attending.end(),
                                  [&](const LeaderRef* r) { return r->sentence == si; });
    if (!names_them) continue;
    const Sentence& s = doc.sentences[si];
    std::string date = FindWrittenDate(s.text);
    if (!date.empty() && !ToldAsSince(s, *YearOf(date))) {
      w.date = w.from = w.to = date;
      w.year = YearOf(date);
      return w;
    }
    // (After a headline that named the meeting undated, only a year naming a meeting: "met
    // ... with Obama, who is in China for the 2016 G20 summit", not "the first visit since
    // Vajpayee travelled to Islamabad in 2004".)
    std::vector<int> years = YearsIn(s, after_headline);
    std::erase_if(years, [&](int y) { return ToldAsSince(s, y); });
    if (!years.empty()) {
      w.year = years[0];
      w.bare_year = true;
      return w;
    }
    if (IsHeadline(doc, s)) {
      after_headline = true;
      continue;
    }
    return w;  // only the first meeting sentence dates the event
  }
  return w;
}

// Whether every leader known summit `k` lists is a candidate of one of `refs`.
bool RefsNameEveryLeaderOf(const Lexicon& lex, const KnownSummit& k,
                           const std::vector<const LeaderRef*>& refs) {
  return std::all_of(k.leaders.begin(), k.leaders.end(), [&](const std::string& name) {
    std::optional<std::uint32_t> idx = lex.FindLeaderIndex(name);
    if (!idx) return false;
    return std::any_of(refs.begin(), refs.end(), [&](const LeaderRef* r) {
      return std::find(r->candidates.begin(), r->candidates.end(), *idx) != r->candidates.end();
    });
  });
}

When TableWhen(const Doc& doc, const Place& place, const std::vector<const LeaderRef*>& refs,
               std::optional<int> text_year, std::string* summit_name) {
  const Lexicon& lex = doc.lexicon();
  std::vector<const KnownSummit*> hits;
  auto by_city = doc.annotator->place_index().summits_by_city.find(LowerAscii(place.city));
  if (by_city == doc.annotator->place_index().summits_by_city.end()) return When{};
  for (std::uint32_t ki : by_city->second) {
    const KnownSummit& k = lex.summits()[ki];
    if (text_year && YearOf(k.date_from) != text_year) continue;
    if (!k.leaders.empty() && RefsNameEveryLeaderOf(lex, k, refs)) hits.push_back(&k);
  }
  // "on the sidelines of a NATO summit in Lithuania", datelined Vilnius: the summit of a
  // series the article names, held in the city, whoever the table lists for it.
  if (hits.empty()) {
    std::set<std::string> groups = SeriesNamed(doc);
    for (std::uint32_t ki : by_city->second) {
      const KnownSummit& k = lex.summits()[ki];
      if (!k.group.empty() && groups.count(k.group) &&
          !(text_year && YearOf(k.date_from) != text_year)) {
        hits.push_back(&k);
      }
    }
    if (hits.size() > 1) hits = InOfficeOfEveryNamedLeader(doc, hits);
  }
  // A known article date rules out table summits of other years (the table is not complete).
  if (!doc.norm.date.empty()) {
    std::optional<int> y = YearOf(doc.norm.date);
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const KnownSummit* k) { return YearOf(k->date_from) != y; }),
               hits.end());
  } else if (!text_year) {
    hits = NarrowByEvidence(doc, std::move(hits), FindDateEvidence(doc));
  }
  hits = OneRowPerSummit(std::move(hits));
  // "Mrs Thatcher leaves China ... after her meeting yesterday with Mr Deng", Premier Zhao
  // named only further down: of several summits of these leaders, the one whose leaders the
  // lead names.
  if (hits.size() > 1) {
    const std::vector<std::uint32_t> lead = LeadSentences(doc);
    std::vector<const LeaderRef*> lead_refs;
    std::copy_if(refs.begin(), refs.end(), std::back_inserter(lead_refs), [&](const LeaderRef* r) {
      return std::find(lead.begin(), lead.end(), r->sentence) != lead.end();
    });
    std::vector<const KnownSummit*> led;
    std::copy_if(hits.begin(), hits.end(), std::back_inserter(led), [&](const KnownSummit* k) {
      return RefsNameEveryLeaderOf(lex, *k, lead_refs);
    });
    if (led.size() == 1) hits = std::move(led);
  }
  When w;
  if (hits.size() != 1) return w;
  const KnownSummit& k = *hits[0];
  w.from = k.date_from;
  w.to = k.date_to;
  w.date = k.date_from == k.date_to ? k.date_from : k.date_from + "/" + k.date_to;
  w.year = YearOf(k.date_from);
  *summit_name = k.name;
  return w;
}

// An article that dates its meeting only by a year ("met in Reykjavik in 1986"), with no
// dateline and no "today"/"on Monday" in its lead, recalls that meeting rather than reports it;
// unless its headline names the meeting's place ("Twenty years on: why Camp David failed"):
// then the meeting is what the article is about.
bool IsHistory(const Doc& doc, const Place& place) {
  if (!doc.norm.dateline_city.empty() || !doc.norm.date.empty()) return false;
  // ("The day Gorby came to Jeju", of a meeting on Jeju Island.)
  std::string city = LowerAscii(place.city);
  for (std::string_view island : {" islands", " island"}) {
    if (city.size() > island.size() && city.ends_with(island)) {
      city.resize(city.size() - island.size());
    }
  }
  if (!city.empty() && LowerAscii(doc.norm.title).find(city) != std::string::npos) return false;
  for (std::uint32_t si = 0; si < doc.sentences.size() && si < 4; ++si) {
    if (doc.sentences[si].HasCue(CueKind::kPresent)) return false;
  }
  return true;
}

// "At their summit in Washington at the start of June the two men signed an accord ...": a
// sentence whose main clause tells only of a meeting at another time is about that meeting,
// not the one reported (its agenda and stances are not this summit's).
// REQUIRES: the event's year is set.
void MarkOtherMeetings(Doc& doc) {
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    if (doc.recall[si]) continue;
    const Sentence& s = doc.sentences[si];
    // The sentence's first meeting, by a word that names one ("summit", "met"; not "a
    // consensus agreed in April 2021", a participle of a thing's history), and what follows
    // it ("signed an accord") is of that meeting.
    // (Not one in a clause of time that opens the sentence: "Six years after their last
    // meeting ended in a row, the two leaders discussed trade".)
    if (HasWordIn(s, 0, s.tokens.size() > 3 ? 3 : static_cast<std::uint32_t>(s.tokens.size()),
                  {"after", "since", "before", "following", "when", "until", "as", "while",
                   "though", "although", "because", "unlike", "like"})) {
      continue;
    }
    for (const Mention* m : s.CuesOf(CueKind::kMeet)) {
      if (RelativeClauseEnd(s, m->begin) > 0) continue;  // "Putin, who met Bush in 2001, ..."
      if (!IsWord(s, m->begin, {"summit", "summits", "meeting", "meetings", "talks", "met",
                                "visit", "visited", "encounter"})) {
        continue;
      }
      if (OtherYear(doc, s, *m) || OtherMonth(doc, s, *m) || ToldOfAYearBefore(s, *m) ||
          SpanAway(s, *m)) {
        doc.recall[si] = true;
      }
      break;
    }
  }
}

// Whether every office `leader` held in the article's period heads an international
// organisation ("UN Secretary-General Antonio Guterres" in 2024), not a country: one who
// takes part in a summit so is no head of state or government there.
// REQUIRES: the period is known.
bool OnlyAnOrganisationsHead(const Doc& doc, const LeaderEntry& leader) {
  bool any = false;
  for (const Term& t : leader.terms) {
    if (!t.Overlaps(doc.period_from, doc.period_to)) continue;
    if (doc.lexicon().FindCountry(t.country)) return false;
    any = true;
  }
  return any;
}

// "TOKYO, Oct. 8 -- ... on Thursday": the day of a meeting the text gives no year, where its
// dateline's month and day and the weekday of the lead's first sentence that tells of the
// meeting or names an attendee ("SEOUL, May 7 -- Kishida said on Sunday ...") or is the first
// and names a day ("... here tonight", "... on Saturday suspended Nigeria") allow one year
// alone in which all the leaders of `refs` held office (DayOfDateline); with no weekday named,
// the only year in which they all held office on that day; else nothing. (Not a
// weekday told later, of a day within the talks: "almost broke down on Thursday".) `exact`
// receives whether the day is the meeting's too: the lead names its weekday, or "today".
std::optional<std::string> DayOfTheDateline(const Doc& doc,
                                            const std::vector<const LeaderRef*>& refs,
                                            bool* exact) {
  *exact = false;
  if (doc.norm.dateline_day == 0) return std::nullopt;
  std::vector<std::uint32_t> attending;  // leader indices
  for (const LeaderRef* r : refs) {
    if (r->leader < 0) continue;
    const auto l = static_cast<std::uint32_t>(r->leader);
    if (std::find(attending.begin(), attending.end(), l) == attending.end()) {
      attending.push_back(l);
    }
  }
  // ("since General de Gaulle left the French presidency": a leader named who never held
  // office with most of the others was not there.)
  attending = InOfficeTogether(doc.lexicon(), attending);
  if (attending.size() < 2) return std::nullopt;
  std::vector<unsigned> weekdays;
  // (A sentence that goes on to the past, "... ached for those who suffered in the past", is
  // read up to there.)
  std::uint32_t lead = 0;
  for (std::uint32_t si = 0; si < doc.sentences.size() && lead < 3; ++si) {
    const Sentence& s = doc.sentences[si];
    if (IsHeadline(doc, s)) continue;
    ++lead;
    const std::uint32_t end = doc.recall[si] ? PresentPartEnd(s)
                                             : static_cast<std::uint32_t>(s.tokens.size());
    bool names_one = std::any_of(
        doc.leader_refs.begin(), doc.leader_refs.end(), [&](const LeaderRef& r) {
          return r.sentence == si && r.end <= end && r.leader >= 0 &&
                 std::find(attending.begin(), attending.end(),
                           static_cast<std::uint32_t>(r.leader)) != attending.end();
        });
    const auto size = static_cast<std::uint32_t>(s.tokens.size());
    // The first sentence of a report tells what it reports, whoever it names: "Commonwealth
    // leaders on Saturday suspended Nigeria", "Ghana and Guinea announced here tonight".
    const bool dated_lead = lead == 1 && (HasWordIn(s, 0, end, {"today", "tonight"}) ||
                                          !WeekdaysNamed(s, end).empty());
    if (MeetCues(doc, si).empty() && !names_one && !dated_lead) continue;
    // ("yesterday": the day before the dateline's; its year is still told.)
    if (HasWordIn(s, 0, size, {"today", "tonight"})) {
      *exact = true;
    } else if (!HasWordIn(s, 0, size, {"yesterday"})) {
      weekdays = WeekdaysNamed(s, end);
      *exact = weekdays.size() == 1;
    }
    break;
  }
  if (weekdays.size() > 1) return std::nullopt;
  auto all_in_office = [&](const std::string& iso) {
    return std::all_of(attending.begin(), attending.end(),
                       [&](std::uint32_t l) {
                         return doc.lexicon().leaders()[l].InOfficeDuring(iso, iso);
                       });
  };
  std::optional<unsigned> weekday;
  if (!weekdays.empty()) weekday = weekdays[0];
  return DayOfDateline(doc.norm.dateline_month, doc.norm.dateline_day, weekday, all_in_office);
}

}  // namespace

void FindSummit(Doc& doc) {
  MarkRecall(doc, std::nullopt);
  ResolveLeaders(doc);
  PlaceChoice choice = FindPlace(doc);
  std::vector<const LeaderRef*> refs = AttendingRefs(doc);
  if (refs.empty()) return;

  When text = TextWhen(doc, refs);
  if (choice.score <= kDateline) {
    std::optional<int> year = text.year;
    if (!year && !doc.norm.date.empty()) year = YearOf(doc.norm.date);
    if (auto multilateral = MultilateralPlace(doc, refs, year)) choice = *multilateral;
  }
  if (choice.score < 0) return;
  std::optional<Place> place = choice.place;
  std::string place_evidence = choice.evidence;
  // "it took place on Jeju Island in 1991": the one year of the sentence that places the
  // meeting, where the lead gave none (not one of a time it is told against: "his first visit
  // since he took office in 2023").
  if (!text.year && doc.norm.date.empty() && choice.score > kDateline) {
    for (const Sentence& s : doc.sentences) {
      if (s.text != place_evidence) continue;
      const auto size = static_cast<std::uint32_t>(s.tokens.size());
      if (HasWordIn(s, 0, size, {"since", "after", "before", "until", "ago", "previous"})) break;
      if (std::vector<int> years = YearsIn(s); years.size() == 1) {
        text.year = years[0];
        text.bare_year = true;
      }
      break;
    }
  }
  if (text.bare_year && IsHistory(doc, *place)) return;
  std::string table_name;
  When when = TableWhen(doc, *place, refs, text.year, &table_name);
  if (!when.year) when = text;
  if (!when.year && !doc.norm.date.empty()) when.year = YearOf(doc.norm.date);
  if (!when.year) {
    bool exact = false;
    if (std::optional<std::string> day = DayOfTheDateline(doc, refs, &exact)) {
      when.year = YearOf(*day);
      if (exact) when.date = when.from = when.to = *day;
    }
  }
  if (!when.year && doc.norm.copyright_year > 0) when.year = doc.norm.copyright_year;
  if (!when.from.empty()) {
    doc.period_from = when.from;
    doc.period_to = when.to;
  } else if (when.year) {
    doc.period_from = std::to_string(*when.year) + "-01-01";
    doc.period_to = std::to_string(*when.year) + "-12-31";
  } else if (!doc.norm.date.empty()) {
    doc.period_from = doc.period_to = doc.norm.date;
  }
  // With the time known: past sentences, then names and attendance again.
  doc.event_year = when.year;
  MarkRecall(doc, when.year);
  MarkOtherMeetings(doc);
  ResolveLeaders(doc);
  refs = AttendingRefs(doc);

  const auto& leaders = doc.lexicon().leaders();
  doc.attendees.clear();
  for (const LeaderRef* r : refs) {
    if (r->leader < 0) continue;
    std::uint32_t l = static_cast<std::uint32_t>(r->leader);
    bool sitting = doc.period_from.empty()
                       ? !(r->former || r->elect)
                       : leaders[l].InOfficeDuring(doc.period_from, doc.period_to) &&
                             !OnlyAnOrganisationsHead(doc, leaders[l]);
    if (sitting &&
        std::find(doc.attendees.begin(), doc.attendees.end(), l) == doc.attendees.end()) {
      doc.attendees.push_back(l);
    }
  }
  if (doc.period_from.empty()) doc.attendees = InOfficeTogether(doc.lexicon(), doc.attendees);
  // A summit is a meeting of leaders: one leader alone (a visit, a speech) is none.
  if (doc.attendees.size() < 2) {
    doc.attendees.clear();
    doc.period_from = doc.period_to = doc.norm.date;
    return;
  }
  for (std::uint32_t l : doc.attendees) {
    int c = doc.CountryOf(l);
    if (c >= 0) doc.attending_countries.insert(c);
  }
  ResolveLeaders(doc);  // "the Russian president" is the Russian attendee

  SummitFact s;
  s.city = place->city;
  s.country = place->country;
  s.year = when.year;
  s.date = when.date;
  if (s.year) {
    s.name = s.city + " " + std::to_string(*s.year);
    s.key = s.name;
  } else {
    std::vector<std::string> names;
    for (std::uint32_t l : doc.attendees) names.push_back(leaders[l].name);
    std::sort(names.begin(), names.end());
    s.name = s.city;
    s.key = s.city + "|";
    for (std::size_t i = 0; i < names.size(); ++i) s.key += (i ? ";" : "") + names[i];
  }
  s.provenance.evidence = place_evidence;
  s.provenance.confidence = s.year ? 0.9 : 0.7;
  doc.summit = std::move(s);
}

}  // namespace parley::ingest
