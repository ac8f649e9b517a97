#include "ingest/holders.h"

#include <algorithm>

#include "ingest/clause.h"

namespace parley::ingest {
namespace {

constexpr std::uint32_t kHolderWindow = 12;  // words left of a cue searched for its holder

// Whether a list of names beginning at token `b` (after any "the") says whose members a group
// is: "The leaders of Belarus, Russia and Ukraine", not "According to the Kremlin, Putin".
bool NamesAGroupsMembers(const Sentence& s, std::uint32_t b) {
  while (b > 0 && IsWord(s, b - 1, {"the"})) --b;
  return b > 1 && IsWord(s, b - 1, {"of"}) &&
         std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
           return c.cue == CueKind::kGroup && c.end == b - 1;
         });
}

}  // namespace

HolderFinder::HolderFinder(const Doc& doc) : doc_(doc) {}

// "He": the subject of this sentence when a leader opens it ("The US president urged
// Netanyahu ... but said he would not wait"), else the last leader named earlier in it, else
// the first (the subject) of the nearest sentence before that names one.
int HolderFinder::LeaderForPronoun(std::uint32_t si, std::uint32_t tok) const {
  int in_sentence = -1, previous = -1, subject = -1, in_clause = -1;
  std::uint32_t previous_sentence = 0;
  const Sentence& s = doc_.sentences[si];
  std::uint32_t clause_begin = 0;  // after the last clause break before the pronoun
  for (std::uint32_t t = tok; t-- > 0;) {
    if (IsBoundary(s, t) && !IsWord(s, t, {"\""})) {
      clause_begin = t + 1;
      break;
    }
  }
  for (const LeaderRef& r : doc_.leader_refs) {
    if (r.leader < 0 || r.former) continue;
    if (r.sentence == si && r.end <= tok && r.begin >= clause_begin && clause_begin > 0) {
      in_clause = r.leader;  // "..., while Netanyahu described his fears"
    }
    if (r.sentence == si && r.end <= tok && r.begin <= 3 && subject < 0 &&
        !InQuote(doc_.sentences[si], r.begin)) {
      subject = r.leader;
    }
    if (r.sentence == si && r.end <= tok) in_sentence = r.leader;
    if (r.sentence < si && (previous < 0 || r.sentence > previous_sentence)) {
      previous = r.leader;
      previous_sentence = r.sentence;
    }
  }
  if (in_clause >= 0) return in_clause;
  if (subject >= 0) return subject;
  return in_sentence >= 0 ? in_sentence : previous;
}

int HolderFinder::LastCountryBefore(std::uint32_t si, std::uint32_t tok) const {
  int best = -1;
  for (std::uint32_t s = (si >= 2 ? si - 2 : 0); s <= si; ++s) {
    const Sentence& sentence = doc_.sentences[s];
    for (const Mention& m : sentence.entities) {
      if (m.layer == Layer::kLeader || (s == si && m.end > tok)) continue;
      // (Not a name inside a compound: "the one-China principle".)
      if (m.begin > 0 && IsWord(sentence, m.begin - 1, {"-"}) &&
          sentence.tokens[m.begin - 1].end == sentence.tokens[m.begin].begin) {
        continue;
      }
      best = static_cast<int>(m.refs[0]);
    }
  }
  return best;
}

std::vector<Holder> HolderFinder::Attendees() const {
  std::vector<Holder> out;
  for (std::uint32_t l : doc_.attendees) out.push_back({true, static_cast<int>(l)});
  return out;
}

// Holders of the entity mention ending at `t` (exclusive end), or empty.
// `adjacent`: the mention ends right at the cue; a demonym holds a stance only then
// ("Russian opposition", "the Russians favour"), not as an adjective further left.
std::vector<Holder> HolderFinder::EntityEndingAt(std::uint32_t si, std::uint32_t t,
                                                 std::uint32_t* begin, bool adjacent) const {
  const Sentence& s = doc_.sentences[si];
  for (const LeaderRef* r : doc_.RefsIn(si)) {
    if (r->end == t && r->leader >= 0 && !r->former) {
      if (begin) *begin = r->begin;
      return {{true, r->leader}};
    }
  }
  for (const Mention& m : s.entities) {
    if (m.end == t && m.layer != Layer::kLeader) {
      // "President Samora Machel of Mozambique": the leader the country is named after.
      if (m.layer == Layer::kCountry && m.begin >= 2 && IsWord(s, m.begin - 1, {"of"})) {
        for (const LeaderRef* r : doc_.RefsIn(si)) {
          if (r->end + 1 == m.begin && r->leader >= 0 && !r->former) {
            if (begin) *begin = r->begin;
            return {{true, r->leader}};
          }
        }
      }
      if (m.layer == Layer::kDemonym && !adjacent) return {};  // "American concerns about"
      if (begin) *begin = m.begin;
      return {{false, static_cast<int>(m.refs[0])}};
    }
  }
  return {};
}

// Whether the sentence is inside a quotation at token `t`.
bool HolderFinder::InQuote(const Sentence& s, std::uint32_t t) {
  bool inside = s.quoted_start && !s.tokens.empty() && s.tokens[0].key != "\"";
  for (std::uint32_t k = 0; k < t && k < s.tokens.size(); ++k) {
    if (s.tokens[k].key == "\"") inside = !inside;
  }
  return inside;
}

// The speaker of a quotation in sentence `si`: the leader or country next to a verb of
// speech outside the quotation ("...," Putin said; he told reporters: "...").
std::vector<Holder> HolderFinder::Speaker(std::uint32_t si) const {
  const Sentence& s = doc_.sentences[si];
  for (const Mention* v : s.CuesOf(CueKind::kSpeech)) {
    if (InQuote(s, v->begin)) continue;
    // "Putin said", "Putin, in his turn, said": left of the verb.
    for (std::uint32_t t = v->begin; t > 0 && t + 7 > v->begin; --t) {
      if (s.tokens[t - 1].key == "\"") break;
      std::vector<Holder> h = EntityEndingAt(si, t);
      if (!h.empty()) return h;
      if (IsWord(s, t - 1, {"he", "she"})) {
        int l = LeaderForPronoun(si, t - 1);
        if (l >= 0) return {{true, l}};
      }
    }
    // "said Putin", "said the Russian president".
    for (const LeaderRef* r : doc_.RefsIn(si)) {
      if (r->begin >= v->end && r->begin <= v->end + 3 && r->leader >= 0 && !r->former) {
        return {{true, r->leader}};
      }
    }
  }
  return {};
}

// "urged Netanyahu to freeze ...", "asked Xi to rein in ...": the person addressed is not
// the one whose stance the clause states.
bool HolderFinder::AddressedByDirective(const Sentence& s, std::uint32_t begin, std::uint32_t end) {
  if (!IsWord(s, end, {"to"})) return false;
  for (std::uint32_t t = begin; t > 0 && t + 3 > begin; --t) {
    if (IsWord(s, t - 1,
               {"urged",     "urges",   "urging",   "asked",      "asks",       "asking",
                "pressed",   "presses", "pressing", "encouraged", "encourages", "persuade",
                "persuaded", "told",    "tells",    "invited",    "invites",    "called",
                "calls",     "pushed",  "pushing",  "wants",      "wanted",     "on",
                "expected",  "expects", "expecting", "want",      "wanting",    "like"})) {
      return true;
    }
    if (!s.tokens[t - 1].Capitalized()) return false;
  }
  return false;
}

// "Putin hosts Kim Jong Un ..., pledges help": the one met, hosted or welcomed is that verb's
// object, not the subject of the verbs coordinated with it; so is the one blamed, accused,
// criticised or praised ("Putin blamed Kiev for the stalled process and called the sanctions
// counterproductive").
bool HolderFinder::ObjectOfMeeting(const Sentence& s, std::uint32_t begin) {
  while (begin > 0 && IsWord(s, begin - 1, {"the", "a", "an"})) --begin;
  return begin > 0 &&
         IsWord(s, begin - 1,
                {"met",       "meets",     "hosted",   "hosts",       "hosting",
                 "welcomed",  "welcomes",  "welcoming", "received",   "receives",
                 "receiving", "greeted",   "greets",   "greeting",    "visited",
                 "visits",    "visiting",  "thanked",  "congratulated", "congratulates",
                 "blamed",    "blames",    "blaming",  "accused",     "accuses",
                 "accusing",  "criticised", "criticized", "criticises", "criticizes",
                 "praised",   "praises",   "rebuked",  "chided",      "faulted",
                 "reassured", "assured",   "reminded"});
}

std::uint32_t HolderFinder::TitleBegin(const Sentence& s, std::uint32_t b) {
  for (bool moved = true; moved && b > 0;) {
    moved = false;
    for (const Mention& m : s.cues) {
      if (m.cue == CueKind::kOffice && m.end == b) b = m.begin, moved = true;
    }
    for (const Mention& m : s.entities) {
      if (m.layer == Layer::kDemonym && m.end == b) b = m.begin, moved = true;
    }
  }
  return b;
}

// Entities coordinated before the one starting at `begin`: "Russia, China and ...",
// "Moscow and Ankara".
// `first` receives where the first of them begins.
void HolderFinder::AddCoordinated(std::uint32_t si, std::uint32_t begin, std::vector<Holder>& h,
                                  std::uint32_t* first) const {
  const Sentence& s = doc_.sentences[si];
  // "Biden and Brazilian President Lula": a title before the name is part of it.
  std::uint32_t name_begin = begin;
  // ("Russia, the United States and China": an article before a coordinate.)
  auto item_begin = [&](std::uint32_t b) {
    b = TitleBegin(s, b);
    while (b > 0 && IsWord(s, b - 1, {"the"})) --b;
    return b;
  };
  begin = item_begin(begin);
  while (begin >= 2 && IsWord(s, begin - 1, {"and", ","})) {
    std::uint32_t t = begin - 1;
    bool comma_only = IsWord(s, t, {","});
    if (IsWord(s, t, {"and"}) && t >= 2 && IsWord(s, t - 1, {","})) --t;
    std::uint32_t other_begin = t;
    std::vector<Holder> other = EntityEndingAt(si, t, &other_begin, false);
    if (other.empty()) break;
    // "According to the Kremlin, Putin opposes": a name ending an introductory phrase before a
    // comma is no coordinate of the subject.
    std::uint32_t other_titled = TitleBegin(s, other_begin);
    while (other_titled > 0 && IsWord(s, other_titled - 1, {"the"})) --other_titled;
    // (But "the leaders of Belarus, Russia and Ukraine": a list of whose leaders they are.)
    if (comma_only && other_titled > 0 && !NamesAGroupsMembers(s, other_titled) &&
        IsWord(s, other_titled - 1, {"to", "of", "in", "on", "for", "with", "from", "by", "at",
                                     "after", "before", "during", "like", "unlike"})) {
      break;
    }
    h.insert(h.end(), other.begin(), other.end());
    name_begin = other_begin;
    begin = item_begin(other_begin);
  }
  *first = name_begin;
}

bool HolderFinder::InObjectOfStanceCueEndingAt(const Sentence& s, std::uint32_t t,
                                               std::uint32_t cue_begin) {
  bool outer = std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
    return c.end == t && (c.cue == CueKind::kSupport || c.cue == CueKind::kOppose);
  });
  if (!outer) return false;
  // "embraced at the border on Friday and pledged to ...": a verb coordinated with the outer
  // cue shares its subject, it is not in its object.
  if (HasWordIn(s, t, cue_begin, {"and", "but", ","})) return false;
  // An issue or a party between them ("urged Merkel to reject"): the inner cue has its own.
  auto between = [&](const Mention& m) { return m.begin >= t && m.begin < cue_begin; };
  return std::none_of(s.issues.begin(), s.issues.end(), between) &&
         std::none_of(s.entities.begin(), s.entities.end(), between);
}

std::vector<Holder> HolderFinder::ParticipleSubject(std::uint32_t si,
                                                    std::uint32_t cue_begin) const {
  const Sentence& s = doc_.sentences[si];
  const std::string& verb = s.tokens[cue_begin].key;
  if (verb.size() < 5 || !verb.ends_with("ing")) return {};
  std::uint32_t t = cue_begin;
  while (t > 0 && s.tokens[t - 1].key.size() > 3 && s.tokens[t - 1].key.ends_with("ly")) --t;
  if (t == 0 || !IsWord(s, t - 1, {"while", "after", "before", "by", "when", "since"})) return {};
  for (std::uint32_t b = 0; b + 1 < t; ++b) {
    std::uint32_t end = 0;
    for (const Mention& m : s.entities) {
      if (m.begin == b && m.layer != Layer::kDemonym) end = m.end;
    }
    if (end == 0) continue;
    if (b > 0 && IsWord(s, b - 1, {"of", "in", "on", "for", "with", "from", "to", "at", "by",
                                   "about", "against", "over", "between", "'s"})) {
      b = end - 1;
      continue;
    }
    std::uint32_t unused = b;
    return EntityEndingAt(si, end, &unused, false);
  }
  return {};
}

// Holders left of a cue; `begin` receives where a named holder starts.
std::vector<Holder> HolderFinder::Find(std::uint32_t si, std::uint32_t cue_begin, double* conf,
                                       std::uint32_t* begin) const {
  const Sentence& s = doc_.sentences[si];
  bool quoted = InQuote(s, cue_begin);
  // "underscored their opposition to": a possessive inside the cue names the holder.
  for (const Mention& c : s.cues) {
    if (c.begin != cue_begin || (c.cue != CueKind::kSupport && c.cue != CueKind::kOppose)) {
      continue;
    }
    for (std::uint32_t t = c.begin + 1; t < c.end; ++t) {
      *conf = 0.8;
      if (IsWord(s, t, {"their"})) return Attendees();
      if (IsWord(s, t, {"his", "her"})) {
        int l = LeaderForPronoun(si, t);
        if (l >= 0) return {{true, l}};
      }
    }
    *conf = 1.0;
  }
  if (std::vector<Holder> subject = ParticipleSubject(si, cue_begin); !subject.empty()) {
    *conf = 1.0;
    return subject;
  }
  // "The document calls for ...", "The joint statement reaffirmed ...": what the meeting's text
  // says, its signatories (the attendees) hold.
  {
    std::uint32_t at = cue_begin;
    while (at > 0 && IsWord(s, at - 1, {"also", "further", "again", "explicitly", "expressly",
                                        "has", "have", "had", "will", "would"})) {
      --at;
    }
    if (at >= 2 && IsWord(s, at - 1, {"document", "declaration", "statement", "communique",
                                      "communiqué", "text"})) {
      std::uint32_t d = at - 2;
      while (d > 0 && (IsWord(s, d, {"joint", "final", "summit", "closing"}) ||
                       (s.tokens[d].word && s.tokens[d].Capitalized()))) {
        --d;
      }
      if (IsWord(s, d, {"the", "their", "its", "a"}) &&
          (d == 0 || IsBoundary(s, d - 1)) && !doc_.attendees.empty()) {
        *conf = 0.8;
        return Attendees();
      }
    }
  }
  std::uint32_t stop = cue_begin > kHolderWindow ? cue_begin - kHolderWindow : 0;
  // "Both leaders expressed concern about ..., and backed ...": a verb coordinated with an
  // earlier one shares its subject, however long the first verb's object.
  // So does one after "but" ("supports the treaty but opposes the shield"), though "but"
  // breaks clauses: the search starts before it.
  std::uint32_t from = cue_begin;
  if (cue_begin > 0 && IsWord(s, cue_begin - 1, {"and"})) stop = 0;
  if (cue_begin > 1 && IsWord(s, cue_begin - 1, {"but", "yet"}) &&
      !IsWord(s, cue_begin - 2, {","})) {
    stop = 0;
    from = cue_begin - 1;
  }
  for (std::uint32_t t = from; t > stop; --t) {
    std::uint32_t at = t - 1;  // token just left of position t
    // "urged Israel not to be \"consumed\" by rage and pressed ...": a few words in quotation
    // marks inside the clause are no break of it.
    if (IsWord(s, at, {"\""}) && at > 0) {
      std::uint32_t open = at;
      while (open > 0 && open + 5 > at && !IsWord(s, open - 1, {"\""})) --open;
      if (open > 0 && open < at && open + 5 > at && IsWord(s, open - 1, {"\""})) {
        t = open;  // the loop's decrement moves on to the word before the opening mark
        continue;
      }
    }
    // "Putin, who opposes the shield, backed ...": the antecedent of a relative clause opened
    // by a comma is the subject both inside the clause and after it.
    if (IsWord(s, at, {"who"}) && at >= 2 && IsWord(s, at - 1, {","})) {
      std::uint32_t antecedent_begin = at - 1;
      std::vector<Holder> antecedent = EntityEndingAt(si, at - 1, &antecedent_begin, false);
      if (!antecedent.empty()) {
        if (begin) *begin = antecedent_begin;
        return antecedent;
      }
    }
    if (IsBoundary(s, at)) break;
    // "Germany dismissed concerns about X": a cue in the object of a stance cue before it,
    // with no issue or party between them, has no holder of its own (the outer cue takes the
    // stance, turned by this one).
    if (InObjectOfStanceCueEndingAt(s, t, cue_begin)) return {};
    std::uint32_t entity_begin = t;
    std::vector<Holder> h = EntityEndingAt(si, t, &entity_begin, t == cue_begin);
    // "Japan's trade surplus ... withdrew": a possessive modifies a noun, it is no subject
    // (unless the cue is that noun: "Russia's opposition to"); nor is a name inside a compound
    // ("the one-China principle", "a pro-Russia party").
    bool compound = entity_begin > 0 && IsWord(s, entity_begin - 1, {"-"}) &&
                    s.tokens[entity_begin - 1].end == s.tokens[entity_begin].begin;
    // "Medvedev, Hu back Iran talks, oppose new sanctions": the object of an earlier stance
    // cue is not the subject of the next.
    std::uint32_t before = entity_begin;
    while (before > 0 && IsWord(s, before - 1, {"the", "a", "an"})) --before;
    // (Not a name right at the cue: "oppose American plans for ...", the plans' owner; nor
    // one a verb of judging takes as its object: "recognizes Taiwan as ..., opposes ...";
    // nor the object of a gerund such a cue governs: "stop arming Ukraine and support ...".)
    const bool after_gerund = before > 0 && s.tokens[before - 1].word &&
                              !s.tokens[before - 1].Capitalized() &&
                              s.tokens[before - 1].key.size() > 4 &&
                              s.tokens[before - 1].key.ends_with("ing");
    bool object = t < cue_begin &&
                  std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
                    return (c.cue == CueKind::kSupport || c.cue == CueKind::kOppose ||
                            c.cue == CueKind::kJudge) &&
                           (c.end == before || (after_gerund && c.end + 1 == before)) &&
                           c.begin < cue_begin;
                  });
    // The owner of an outer stance cue's object ("rejected Putin's call for an end to the
    // sanctions") holds the inner cue's stance; the outer cue's subject takes it too, turned
    // by this one.
    if (!h.empty() && object && IsWord(s, t, {"'s"}) && t + 1 == cue_begin) return h;
    if (!h.empty() && ((IsWord(s, t, {"'s"}) && t + 1 < cue_begin) || compound || object)) {
      t = entity_begin + 1;
      continue;
    }
    if (!h.empty()) {
      // "Bush and Putin back ...", "Russia, China and others oppose ...".
      std::vector<Holder> coordinated;
      std::uint32_t first = entity_begin;
      AddCoordinated(si, entity_begin, coordinated, &first);
      // "urged Netanyahu to ...", "ignored by both sides", "hosted by French President Macron
      // and German Chancellor Merkel": not the clause's subject.
      std::uint32_t titled = TitleBegin(s, first);
      bool agent = titled > 0 && IsWord(s, titled - 1, {"by"});
      // ("expected Russia and Iran to support ...": the whole coordination is addressed.)
      if (agent || ObjectOfMeeting(s, titled) || AddressedByDirective(s, entity_begin, t) ||
          AddressedByDirective(s, first, t)) {
        t = first + 1;  // keep looking left for who urged, past the whole coordination
        continue;
      }
      // "Erdogan told Netanyahu that Israel must halt ...": what one side says the other must
      // do is the speaker's stance.
      std::uint32_t lead = TitleBegin(s, entity_begin);
      if (lead > 0 && IsWord(s, lead - 1, {"that"}) && IsWord(s, t, {"must", "should"})) {
        std::vector<Holder> speaker = Speaker(si);
        if (!speaker.empty()) {
          *conf = 0.8;
          return speaker;
        }
      }
      h.insert(h.end(), coordinated.begin(), coordinated.end());
      // "to prevent the disintegration of Iraq and Syria and to oppose ...": an object of a
      // preposition is not the subject.
      // But "with Obama pressing for ...": the subject of the participle right after it.
      bool absolute = first > 0 && IsWord(s, first - 1, {"with"}) && t == cue_begin &&
                      s.tokens[cue_begin].key.ends_with("ing");
      // And "concern about U.S. plans for a missile shield": the owner of a stance named by a
      // noun right after it holds that stance, whatever governs the noun phrase.
      bool owner = t == cue_begin &&
                   IsWord(s, cue_begin, {"plans", "plan", "support", "opposition", "backing",
                                         "objections", "objection", "proposal", "proposals",
                                         "push", "bid", "demand", "demands", "insistence",
                                         "commitment", "efforts", "effort"});
      // ("the fighting in eastern Ukraine": a region's adjective between them.)
      std::uint32_t governed = first;
      if (governed > 1 && IsWord(s, governed - 1, {"northern", "southern", "eastern", "western",
                                                   "central", "northeastern", "northwestern",
                                                   "southeastern", "southwestern", "occupied"})) {
        --governed;
      }
      // ("The leaders of Russia, Ukraine and France agreed": whose leaders they are.)
      if (governed > 0 && !absolute && !owner && !NamesAGroupsMembers(s, governed) &&
          IsWord(s, governed - 1,
                 {"of", "in", "on", "for", "with", "from", "to", "into", "about", "against",
                  "toward", "towards", "at", "over", "between", "among", "across", "around",
                  "unlike", "like", "besides", "except",
                  "near", "throughout", "within", "along", "inside"})) {
        t = first + 1;
        continue;
      }
      if (begin) *begin = entity_begin;
      return h;
    }
    // "the Russian side", "the Chinese government" as the subject right before the verb: the
    // country (not "the Syrian government troops").
    std::uint32_t verb = at + 1;
    if (IsWord(s, verb, {"has", "have", "had", "is", "was", "also", "firmly", "strongly",
                         "would", "will", "did", "does"})) {
      ++verb;
    }
    bool before_verb =
        verb == cue_begin ||
        std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
          return c.begin == verb && (c.cue == CueKind::kSupport || c.cue == CueKind::kOppose ||
                                     c.cue == CueKind::kSpeech);
        }) ||
        IsWord(s, verb, {"urged", "urges", "asked", "pressed", "told", "called", "warned"});
    if (before_verb &&
        IsWord(s, at, {"side", "government", "delegation", "leadership", "authorities"})) {
      for (const Mention& m : s.entities) {
        if (m.end == at && m.layer == Layer::kDemonym) {
          if (begin) *begin = m.begin;
          return {{false, static_cast<int>(m.refs[0])}};
        }
      }
    }
    const Mention* group = CueAt(s, CueKind::kGroup, t, true);
    const Mention* country_group = CueAt(s, CueKind::kCountryGroup, t, true);
    // "widely ignored by both sides", "not mentioned in the joint statement": no subject.
    if ((group || country_group) &&
        IsWord(s, (group ? group : country_group)->begin - 1,
               {"by", "in", "of", "on", "to", "from", "with", "for", "about", "at"})) {
      t = (group ? group : country_group)->begin + 1;  // "widely ignored by both sides"
      continue;
    }
    if (group) return Attendees();
    if (country_group) {
      std::vector<Holder> out;
      for (int c : doc_.attending_countries) out.push_back({false, c});
      return out;
    }
    *conf = 0.8;
    // "our common desire to ...", said by an attendee: both sides'.
    if (quoted && IsWord(s, at, {"our"}) && IsWord(s, at + 1, {"common", "shared", "mutual"})) {
      std::vector<Holder> speaker = Speaker(si);
      bool attendee = std::any_of(speaker.begin(), speaker.end(), [&](const Holder& h) {
        return h.leader && std::count(doc_.attendees.begin(), doc_.attendees.end(), h.index);
      });
      if (attendee) return Attendees();
      return speaker;
    }
    if (quoted && IsWord(s, at, {"we", "our", "us", "i", "my"})) return Speaker(si);
    // "thanked Erdogan for his support": the leader just named.
    if (IsWord(s, at, {"his", "her"}) && at >= 2 && IsWord(s, at - 1, {"for"})) {
      for (const LeaderRef* r : doc_.RefsIn(si)) {
        if (r->end == at - 1 && r->leader >= 0) return {{true, r->leader}};
      }
    }
    // A possessive or object pronoun away from the cue belongs to a noun phrase on the way
    // ("support its fight against terrorism and vowed ..."): no subject; right before the cue
    // it is ("their support", "his opposition").
    if (IsWord(s, at, {"his", "him", "her", "its", "their", "them"}) && at + 1 < cue_begin) {
      *conf = 1.0;
      continue;
    }
    if (IsWord(s, at, {"he", "his", "him", "she", "her"})) {
      int l = LeaderForPronoun(si, at);
      if (l >= 0) return {{true, l}};
      return {};
    }
    if (IsWord(s, at, {"they", "their", "them", "both", "each"})) return Attendees();
    if (IsWord(s, at, {"it", "its"})) {
      int c = LastCountryBefore(si, at);
      if (c >= 0) return {{false, c}};
      return {};
    }
    *conf = 1.0;
  }
  if (quoted) {  // a stance in a quotation with no subject named in it: the speaker's
    *conf = 0.8;
    return Speaker(si);
  }
  return {};
}

}  // namespace parley::ingest
