#include "ingest/titled_leaders.h"

#include <algorithm>

#include "ingest/clause.h"

namespace parley::ingest {
namespace {

// Office phrases of heads of state or government, and how a title writes them.
const char* OfficeTitle(const std::string& phrase) {
  if (phrase == "president") return "President";
  if (phrase == "prime minister") return "Prime Minister";
  if (phrase == "premier") return "Premier";
  if (phrase == "chancellor") return "Chancellor";
  if (phrase == "king") return "King";
  if (phrase == "queen") return "Queen";
  return nullptr;
}

bool Overlaps(const std::vector<Mention>& ms, std::uint32_t b, std::uint32_t e) {
  return std::any_of(ms.begin(), ms.end(),
                     [&](const Mention& m) { return m.begin < e && m.end > b; });
}

// The capitalised name starting at `t` (after honorifics such as "Dr."): two or three words
// that are no known entity, place or cue. Sets [*b, *e) to it.
bool NameAt(const Sentence& s, std::uint32_t t, std::uint32_t* b, std::uint32_t* e) {
  while (t < s.tokens.size() && !s.CuesOf(CueKind::kHonorific).empty() &&
         std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
           return c.cue == CueKind::kHonorific && c.begin == t;
         })) {
    ++t;
  }
  std::uint32_t end = t;
  while (end < s.tokens.size() && end < t + 3 && s.tokens[end].word &&
         s.tokens[end].Capitalized() && !s.tokens[end].AllCaps() && s.tokens[end].key != "'s" &&
         s.tokens[end].surface.size() > 1) {
    ++end;
  }
  if (end - t < 2) return false;
  if (Overlaps(s.entities, t, end) || Overlaps(s.places, t, end) || Overlaps(s.issues, t, end) ||
      Overlaps(s.cues, t, end)) {
    return false;
  }
  *b = t;
  *e = end;
  return true;
}

// The country entity (name, demonym, possessive) ending at `t`, or -1. Up to two lower-case
// modifiers may stand between ("Uruguay's center-right president").
int CountryEndingAt(const Sentence& s, std::uint32_t t) {
  for (int words = 0; t > 0 && words < 4; ++words) {
    const Token& k = s.tokens[t - 1];
    bool modifier = (k.word && !k.Capitalized() && k.key != "'s" && k.key != "the" &&
                     k.key != "and" && k.key != "of") ||
                    k.key == "-";
    if (!modifier) break;
    --t;
  }
  if (t > 0 && s.tokens[t - 1].key == "'s") --t;
  for (const Mention& m : s.entities) {
    if (m.end == t && (m.layer == Layer::kCountry || m.layer == Layer::kDemonym)) {
      return static_cast<int>(m.refs[0]);
    }
  }
  return -1;
}

// The country named within a few words after "of" at `t` ("of the Federal Government of
// Ethiopia"), or -1.
int CountryAfterOf(const Sentence& s, std::uint32_t t) {
  if (!IsWord(s, t, {"of"})) return -1;
  for (const Mention& m : s.entities) {
    if (m.layer == Layer::kCountry && m.begin > t && m.begin <= t + 6) {
      bool clean = true;
      for (std::uint32_t k = t + 1; k < m.begin; ++k) {
        clean = clean && s.tokens[k].word && s.tokens[k].key != "and";
      }
      if (clean) return static_cast<int>(m.refs[0]);
    }
  }
  return -1;
}

// The country a leader titled at `t` represents: "Laos, represented by Prime Minister X",
// "Beijing was represented by Premier Li Qiang"; or -1.
int CountryRepresented(const Sentence& s, std::uint32_t t) {
  if (t < 3 || !IsWord(s, t - 1, {"by"})) return -1;
  std::uint32_t k = t - 1;
  if (IsWord(s, k - 1, {"only"})) --k;
  if (k < 2 || !IsWord(s, k - 1, {"represented"})) return -1;
  --k;
  for (int skip = 0; skip < 2 && k > 0 && IsWord(s, k - 1, {",", "was", "were", "is", "are"});
       ++skip) {
    --k;
  }
  for (const Mention& m : s.entities) {
    if (m.end == k && (m.layer == Layer::kCountry || m.layer == Layer::kMetonym)) {
      return static_cast<int>(m.refs[0]);
    }
  }
  return -1;
}

}  // namespace

std::vector<TitledLeader> FindTitledLeaders(const Annotator& annotator,
                                            const std::vector<Sentence>& sentences,
                                            int host_country) {
  const Lexicon& lex = annotator.lexicon();
  std::vector<TitledLeader> out;
  std::vector<TitledLeader> countryless;  // titled, no country named: maybe the host's
  auto add = [&](const Sentence& s, std::uint32_t b, std::uint32_t e, int country,
                 const char* office) {
    if (country < 0) return;
    TitledLeader l;
    l.name = std::string(s.text.substr(s.tokens[b].begin, s.tokens[e - 1].end - s.tokens[b].begin));
    l.aliases = {s.tokens[e - 1].surface};
    if (e - b == 2) l.aliases.push_back(s.tokens[b].surface);
    l.country = lex.countries()[country].name;
    l.office = office;
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const TitledLeader& o) { return o.name == l.name; });
    if (!seen && !lex.FindLeader(l.name)) out.push_back(std::move(l));
  };
  for (const Sentence& s : sentences) {
    for (const Mention* office : s.CuesOf(CueKind::kOffice)) {
      const char* title = OfficeTitle(annotator.cue(office->refs[0]).phrase);
      if (!title) continue;
      if (office->begin > 0 && IsWord(s, office->begin - 1, {"vice", "deputy", "former", "late"})) {
        continue;
      }
      std::uint32_t b = 0, e = 0;
      // "President Sukarno of Indonesia": a one-word name with its country after it.
      if (!NameAt(s, office->end, &b, &e) && office->end + 1 < s.tokens.size() &&
          s.tokens[office->end].word && s.tokens[office->end].Capitalized() &&
          !s.tokens[office->end].AllCaps() && s.tokens[office->end].surface.size() > 2 &&
          !Overlaps(s.entities, office->end, office->end + 1) &&
          !Overlaps(s.cues, office->end, office->end + 1) &&
          CountryAfterOf(s, office->end + 1) >= 0) {
        add(s, office->end, office->end + 1, CountryAfterOf(s, office->end + 1), title);
        continue;
      }
      // "the Zambian President, Dr Kenneth Kaunda": the name after a comma.
      if (IsWord(s, office->end, {","}) && NameAt(s, office->end + 1, &b, &e) &&
          (e >= s.tokens.size() || !s.tokens[e].word || IsWord(s, e, {"and"}))) {
        add(s, b, e, CountryEndingAt(s, office->begin), title);
        continue;
      }
      if (NameAt(s, office->end, &b, &e)) {
        // "Ethiopian Prime Minister Abiy Ahmed", "President Isaias Afwerki of Eritrea".
        int country = CountryEndingAt(s, office->begin);
        if (country < 0) country = CountryAfterOf(s, e);
        if (country < 0) country = CountryRepresented(s, office->begin);
        if (country < 0 && host_country >= 0) {
          std::vector<TitledLeader> before = std::move(out);
          out.clear();
          add(s, b, e, host_country, title);
          for (TitledLeader& l : out) countryless.push_back(std::move(l));
          out = std::move(before);
        }
        add(s, b, e, country, title);
        continue;
      }
      // "Abiy Ahmed, Prime Minister of Ethiopia", "Mr Malcolm Fraser, the Australian Prime
      // Minister".
      std::uint32_t at = office->begin;
      int country = CountryAfterOf(s, office->end);
      for (const Mention& m : s.entities) {
        if (m.end == at && m.layer == Layer::kDemonym && m.refs.size() == 1) {
          country = static_cast<int>(m.refs[0]);
          at = m.begin;
        }
      }
      if (at > 0 && IsWord(s, at - 1, {"the"})) --at;
      if (at < 3 || !IsWord(s, at - 1, {","})) continue;
      for (std::uint32_t start = at >= 5 ? at - 5 : 0; start + 2 < at; ++start) {
        if (NameAt(s, start, &b, &e) && e == at - 1) {
          add(s, b, e, country, title);
          break;
        }
      }
    }
  }
  // The host's leader only when the article names exactly one such leader and no titled leader
  // of the host country.
  bool host_named = std::any_of(out.begin(), out.end(), [&](const TitledLeader& l) {
    return host_country >= 0 && l.country == lex.countries()[host_country].name;
  });
  // One person, however spelt: the same first name ("Isaias Afwerki", "Isaias Afewerki").
  auto first_word = [](const std::string& name) { return name.substr(0, name.find(' ')); };
  std::vector<std::string> people;
  for (const TitledLeader& l : countryless) {
    if (std::find(people.begin(), people.end(), first_word(l.name)) == people.end()) {
      people.push_back(first_word(l.name));
    }
  }
  bool also_titled =
      !countryless.empty() && std::any_of(out.begin(), out.end(), [&](const TitledLeader& l) {
        return first_word(l.name) == people[0];
      });
  if (people.size() == 1 && !host_named && !also_titled) {
    TitledLeader host_leader = countryless[0];
    for (const TitledLeader& other : countryless) {
      if (other.name == host_leader.name) continue;
      host_leader.aliases.push_back(other.name);
      for (const std::string& a : other.aliases) {
        if (std::find(host_leader.aliases.begin(), host_leader.aliases.end(), a) ==
            host_leader.aliases.end()) {
          host_leader.aliases.push_back(a);
        }
      }
    }
    out.push_back(std::move(host_leader));
  }
  return out;
}

std::string LeaderRows(const std::vector<TitledLeader>& leaders) {
  std::string rows = "name\taliases\tcountry\toffice\tstart\tend\n";
  for (const TitledLeader& l : leaders) {
    std::string aliases;
    for (const std::string& a : l.aliases) aliases += (aliases.empty() ? "" : ";") + a;
    rows += l.name + "\t" + aliases + "\t" + l.country + "\t" + l.office + "\t\t\n";
  }
  return rows;
}

}  // namespace parley::ingest
