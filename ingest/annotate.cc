#include "ingest/annotate.h"

#include <algorithm>
#include <set>
#include <array>
#include <cctype>
#include <limits>
#include <optional>

namespace parley::ingest {
namespace {

// Whether a place or a country's name begins at token `t` of `s`.
bool StartsAPlace(const Sentence& s, std::uint32_t t) {
  auto starts = [&](const std::vector<Mention>& ms) {
    return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return m.begin == t && (m.layer == Layer::kPlace || m.layer == Layer::kCountry);
    });
  };
  return starts(s.places) || starts(s.entities);
}

constexpr std::array<std::string_view, static_cast<std::size_t>(CueKind::kCount)> kCueNames = {
    "meet",          "discuss", "support",   "oppose",     "dispute",     "resolve",
    "negation",      "hedge",   "recall",    "former",     "elect",       "group",
    "country_group", "office",  "honorific", "topic_prep", "anaphor",     "role",
    "clause_break",  "speech",  "skip",      "outlet",     "boilerplate", "caption",
    "abbreviation",  "region",  "future",    "inverter",   "present",     "multilateral",
    "era",           "judge",   "verdict"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Leftmost-longest selection of non-overlapping spans among `matches` (sorted by begin).
// Matches sharing the chosen span are kept together.
template <typename Pred>
std::vector<std::vector<const PhraseTrie::Match*>> SelectSpans(
    const std::vector<PhraseTrie::Match>& matches, Pred keep) {
  std::vector<const PhraseTrie::Match*> cand;
  for (const auto& m : matches) {
    if (keep(m)) cand.push_back(&m);
  }
  std::stable_sort(cand.begin(), cand.end(), [](const auto* a, const auto* b) {
    if (a->begin != b->begin) return a->begin < b->begin;
    return a->end > b->end;
  });
  std::vector<std::vector<const PhraseTrie::Match*>> out;
  std::uint32_t covered = 0;
  for (std::size_t i = 0; i < cand.size(); ++i) {
    const auto* m = cand[i];
    if (m->begin < covered) continue;
    std::vector<const PhraseTrie::Match*> group{m};
    while (i + 1 < cand.size() && cand[i + 1]->begin == m->begin && cand[i + 1]->end == m->end) {
      group.push_back(cand[++i]);
    }
    covered = m->end;
    out.push_back(std::move(group));
  }
  return out;
}

// "Zhou En-lai" is also written "Zhou Enlai", and "Kim Jong-un" "Kim Jong Un": for a name
// with a capitalised part joined by a hyphen to a lower-case one, the other two spellings (none
// for "al-Assad" or "Jean-Claude").
std::vector<std::string> HyphenSpellings(std::string_view name) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string joined, spaced;
  bool any = false;
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == ' ') word_start = i + 1;
    bool join = c == '-' && i > word_start && letter(name[i - 1]) && i + 1 < name.size() &&
                name[i + 1] >= 'a' && name[i + 1] <= 'z' && name[word_start] >= 'A' &&
                name[word_start] <= 'Z';
    if (!join) {
      joined.push_back(c);
      spaced.push_back(c);
      continue;
    }
    any = true;
    spaced.push_back(' ');
    spaced.push_back(static_cast<char>(name[i + 1] - 'a' + 'A'));
    joined.push_back(name[i + 1]);
    ++i;
    word_start = i;  // (the joined part starts no new word for a later hyphen's test)
  }
  if (!any) return {};
  return {joined, spaced};
}

// The other common English spellings of a name of two words or more whose first such word is
// one of several transliterations of one Arabic name ("Mohamed Morsi", "Mohammed Morsi",
// "Muhammad Morsi"); none for other names. News spells these names every way.
std::vector<std::string> TransliterationSpellings(std::string_view name) {
  static const std::vector<std::vector<std::string>> kFamilies = {
      {"Muhammad", "Mohammed", "Mohammad", "Mohamed", "Mohamad", "Muhammed"},
      {"Ahmed", "Ahmad"},
      {"Hussein", "Hussain", "Husain"},
      {"Abdel", "Abdul"},
      {"Mahmoud", "Mahmud"}};
  if (name.find(' ') == std::string_view::npos) return {};
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    for (const auto& family : kFamilies) {
      if (std::find(family.begin(), family.end(), word) == family.end()) continue;
      for (const std::string& other : family) {
        if (other == word) continue;
        out.push_back(std::string(name.substr(0, start)) + other + std::string(name.substr(end)));
      }
      return out;
    }
    start = end + 1;
  }
  return out;
}

LeaderIndex BuildLeaderIndex(const Lexicon& lex);  // below
LeaderIndex ExtendLeaderIndex(const LeaderIndex& base, const Lexicon& known,
                              const Lexicon& extended);
PlaceIndex BuildPlaceIndex(const Lexicon& lex);

// Lower-case country names, aliases and capitals.
std::unordered_set<std::string> CountryWords(const Lexicon& lex) {
  std::unordered_set<std::string> words;
  for (const CountryEntry& c : lex.countries()) {
    words.insert(Lower(c.name));
    for (const auto& a : c.aliases) words.insert(Lower(a));
    if (!c.capital.empty()) words.insert(Lower(c.capital));
  }
  return words;
}

// The surname of a leader whose surname is no alias of its own ("Ford" of "Gerald Ford",
// "May" of "Theresa May": words too common to name the leader alone), or "".
std::string BareSurname(const LeaderEntry& l) {
  std::size_t space = l.name.rfind(' ');
  if (space == std::string::npos) return "";
  std::string surname = l.name.substr(space + 1);
  bool alias = std::find(l.aliases.begin(), l.aliases.end(), surname) != l.aliases.end();
  return alias ? "" : surname;
}

constexpr std::uint32_t kSharedWord = std::numeric_limits<std::uint32_t>::max();

// Records the words of `leader`'s name and aliases (split at spaces and hyphens) as owned by
// leader number `l`, or by kSharedWord where another leader has the word too.
void NoteNameWords(const LeaderEntry& leader, std::uint32_t l, NameWordOwners& owners) {
  auto note = [&](const std::string& phrase) {
    std::size_t b = 0;
    while (b < phrase.size()) {
      std::size_t e = phrase.find_first_of(" -", b);
      if (e == std::string::npos) e = phrase.size();
      if (e > b) {
        auto [it, fresh] = owners.emplace(phrase.substr(b, e - b), l);
        if (!fresh && it->second != l) it->second = kSharedWord;
      }
      b = e + 1;
    }
  };
  note(leader.name);
  for (const std::string& a : leader.aliases) note(a);
}

NameWordOwners FindNameWordOwners(const Lexicon& lex) {
  NameWordOwners owners;
  const auto& leaders = lex.leaders();
  for (std::uint32_t l = 0; l < leaders.size(); ++l) NoteNameWords(leaders[l], l, owners);
  return owners;
}

// Leaders named by "<title> <surname>" ("President Ford"): surname -> leader, for each leader
// whose surname is no alias of its own (BareSurname) and no word of another leader's name or
// aliases (not "President Zia" for Khaleda Zia while "Zia ul-Haq" names another leader).
// `owners` is FindNameWordOwners(lex).
TitledSurnames FindTitledSurnames(const Lexicon& lex, const NameWordOwners& owners) {
  TitledSurnames out;
  const auto& leaders = lex.leaders();
  for (std::uint32_t l = 0; l < leaders.size(); ++l) {
    std::string surname = BareSurname(leaders[l]);
    if (surname.empty()) continue;
    auto it = owners.find(surname);
    if (it != owners.end() && it->second == l) out.emplace(std::move(surname), l);
  }
  return out;
}

// FindTitledSurnames(extended) computed from `known`'s (`known_titled`, from `known_owners`)
// by looking at the leaders `extended` appends only, as an article's extended lexicon is built
// for every article that introduces a leader: the whole table is thousands of leaders.
// nullopt when `extended` also changed a known leader's aliases (then compute it afresh).
// REQUIRES: OnlyAddsLeadersAndIssues(known, extended).
std::optional<TitledSurnames> ExtendTitledSurnames(const Lexicon& known, const Lexicon& extended,
                                                   const NameWordOwners& known_owners,
                                                   const TitledSurnames& known_titled) {
  const auto& before = known.leaders();
  const auto& after = extended.leaders();
  for (std::size_t l = 0; l < before.size(); ++l) {
    if (before[l].aliases.size() != after[l].aliases.size()) return std::nullopt;
  }
  NameWordOwners added;  // the appended leaders' words
  for (auto l = static_cast<std::uint32_t>(before.size()); l < after.size(); ++l) {
    NoteNameWords(after[l], l, added);
  }
  TitledSurnames out;
  // A known leader's surname stays its own unless an appended leader's name has the word.
  for (const auto& [surname, leader] : known_titled) {
    if (!added.count(surname)) out.emplace(surname, leader);
  }
  for (auto l = static_cast<std::uint32_t>(before.size()); l < after.size(); ++l) {
    std::string surname = BareSurname(after[l]);
    if (surname.empty() || known_owners.count(surname)) continue;
    auto it = added.find(surname);
    if (it != added.end() && it->second == l) out.emplace(std::move(surname), l);
  }
  return out;
}

// Whether `extended` is `known` with only leaders (and leaders' aliases and terms) and issues
// (and issues' triggers) appended, as Annotator's extending constructor requires. Compares
// sizes and, for the entries both have, names: cheap, and enough to catch a lexicon that is
// not an extension at all.
bool OnlyAddsLeadersAndIssues(const Lexicon& known, const Lexicon& extended) {
  if (&known == &extended) return true;
  if (known.countries().size() != extended.countries().size() ||
      known.places().size() != extended.places().size() ||
      known.cues().size() != extended.cues().size() ||
      known.summits().size() != extended.summits().size() ||
      known.leaders().size() > extended.leaders().size() ||
      known.issues().size() > extended.issues().size()) {
    return false;
  }
  for (std::size_t i = 0; i < known.leaders().size(); ++i) {
    const LeaderEntry& a = known.leaders()[i];
    const LeaderEntry& b = extended.leaders()[i];
    if (a.name != b.name || a.aliases.size() > b.aliases.size()) return false;
  }
  for (std::size_t i = 0; i < known.issues().size(); ++i) {
    const IssueEntry& a = known.issues()[i];
    const IssueEntry& b = extended.issues()[i];
    if (a.name != b.name || a.triggers.size() > b.triggers.size() ||
        a.inverse_triggers != b.inverse_triggers) {
      return false;
    }
  }
  return true;
}

// The forms with "of" of a trigger that names what someone owns: "north korea's nuclear
// programme" is also written "the nuclear programme of north korea" (with or without "the"
// before the owner). None for other triggers.
std::vector<std::string> OfForms(const std::string& trigger) {
  std::size_t at = trigger.find("'s ");
  if (at == 0 || at == std::string::npos || trigger.find("'s ", at + 3) != std::string::npos) {
    return {};
  }
  std::string owner = trigger.substr(0, at);
  std::string owned = trigger.substr(at + 3);
  if (owned.empty()) return {};
  return {owned + " of " + owner, owned + " of the " + owner};
}

bool GapsAllowed(CueKind k) {
  return k == CueKind::kSupport || k == CueKind::kOppose || k == CueKind::kDispute ||
         k == CueKind::kResolve || k == CueKind::kMeet || k == CueKind::kDiscuss ||
         k == CueKind::kNegation || k == CueKind::kHedge;
}

}  // namespace

CueKind CueKindFromName(std::string_view name) {
  for (std::size_t i = 0; i < kCueNames.size(); ++i) {
    if (kCueNames[i] == name) return static_cast<CueKind>(i);
  }
  return CueKind::kCount;
}

std::vector<const Mention*> Sentence::CuesOf(CueKind kind) const {
  std::vector<const Mention*> out;
  for (const Mention& m : cues) {
    if (m.cue == kind) out.push_back(&m);
  }
  return out;
}

bool Sentence::HasCue(CueKind kind) const {
  return std::any_of(cues.begin(), cues.end(), [&](const Mention& m) { return m.cue == kind; });
}

void Annotator::AddPhrase(std::string_view phrase, Layer layer, std::uint32_t ref,
                          bool case_sensitive, bool weak, bool inverse, bool spelling_only) {
  CueKind cue = layer == Layer::kCue ? CueKindFromName(lexicon_->cues()[ref].kind) : CueKind::kCount;
  payloads_.push_back({layer, ref, weak, cue, inverse});
  bool gaps = layer == Layer::kCue && GapsAllowed(cue);
  trie_.Add(phrase, static_cast<std::uint32_t>(payloads_.size() - 1), case_sensitive, gaps);
  if (layer != Layer::kIssue && layer != Layer::kCue && !spelling_only) {
    for (const std::string& k : PhraseKeys(phrase)) name_words_.insert(k);
  }
}

Annotator::Annotator(const Lexicon& lexicon)
    : lexicon_(&lexicon),
      leader_index_(std::make_shared<const LeaderIndex>(BuildLeaderIndex(lexicon))),
      place_index_(std::make_shared<const PlaceIndex>(BuildPlaceIndex(lexicon))),
      country_words_(
          std::make_shared<const std::unordered_set<std::string>>(CountryWords(lexicon))),
      name_word_owners_(std::make_shared<const NameWordOwners>(FindNameWordOwners(lexicon))),
      titled_surnames_(
          std::make_shared<const TitledSurnames>(FindTitledSurnames(lexicon, *name_word_owners_))) {
  AddPhrasesBeyond(nullptr);
}

Annotator::Annotator(const Annotator& base, const Lexicon& extended) : lexicon_(&extended) {
  const Lexicon& known = base.lexicon();
  if (!OnlyAddsLeadersAndIssues(known, extended)) {
    *this = Annotator(extended);
    return;
  }
  // The same leader table (a copy that left its leaders alone shares them): the same indexes.
  bool same_leaders = known.leaders().SharesAllWith(extended.leaders());
  if (same_leaders) {
    name_word_owners_ = base.name_word_owners_;
    titled_surnames_ = base.titled_surnames_;
  } else {
    std::optional<TitledSurnames> titled;
    if (base.name_word_owners_) {
      titled = ExtendTitledSurnames(known, extended, *base.name_word_owners_,
                                    *base.titled_surnames_);
    }
    if (!titled) titled = FindTitledSurnames(extended, FindNameWordOwners(extended));
    titled_surnames_ = std::make_shared<const TitledSurnames>(std::move(*titled));
  }
  // A known leader's "<title> <surname>" gained or lost (a new name shares the surname, or it
  // became an alias): the base's phrases are not this lexicon's.
  auto known_part = [&](const TitledSurnames& t) {
    std::size_t n = 0;
    for (const auto& [surname, leader] : t) n += leader < known.leaders().size();
    return n;
  };
  bool same_titles = known_part(*titled_surnames_) == base.titled_surnames_->size() &&
                     std::all_of(base.titled_surnames_->begin(), base.titled_surnames_->end(),
                                 [&](const auto& e) {
                                   auto it = titled_surnames_->find(e.first);
                                   return it != titled_surnames_->end() && it->second == e.second;
                                 });
  if (!same_titles) {
    *this = Annotator(extended);
    return;
  }
  base_ = &base;
  payload_offset_ = base.payload_offset_ + static_cast<std::uint32_t>(base.payloads_.size());
  leader_index_ = same_leaders ? base.leader_index_
                               : std::make_shared<const LeaderIndex>(
                                     ExtendLeaderIndex(*base.leader_index_, known, extended));
  place_index_ = base.place_index_;
  country_words_ = base.country_words_;
  AddPhrasesBeyond(&known);
}

const Annotator::Payload& Annotator::PayloadAt(std::uint32_t payload) const {
  const Annotator* layer = this;
  while (payload < layer->payload_offset_) layer = layer->base_;
  return layer->payloads_[payload - layer->payload_offset_];
}

void Annotator::AddTitledSurname(std::uint32_t leader, const std::string& surname) {
  // A surname that is also a common word ("Ford", "May", "Major") is no alias on its own; with
  // a title before it, it names the leader: "President Ford", "Mrs May". The titles are no
  // name words (they would make "P- resident" one word).
  static const char* const kTitles[] = {"President", "Mr", "Mrs", "Ms", "Prime Minister",
                                        "Premier", "Chancellor"};
  for (const char* title : kTitles) {
    payloads_.push_back({Layer::kLeader, leader, false, CueKind::kCount, false});
    trie_.Add(std::string(title) + " " + surname, static_cast<std::uint32_t>(payloads_.size() - 1),
              true, false);
  }
}

bool Annotator::IsNameWord(const std::string& lower_word) const {
  for (const Annotator* layer = this; layer; layer = layer->base_) {
    if (layer->name_words_.count(lower_word)) return true;
  }
  return false;
}

const std::uint32_t* Annotator::SubIssueByWord(std::uint32_t issue, const std::string& word) const {
  // The newest layer first: a later definition of the same name wins, as in one map.
  for (const Annotator* layer = this; layer; layer = layer->base_) {
    auto it = layer->sub_issue_by_word_.find({issue, word});
    if (it != layer->sub_issue_by_word_.end()) return &it->second;
  }
  return nullptr;
}

void Annotator::AddPhrasesBeyond(const Lexicon* known) {
  const Lexicon& lexicon = *lexicon_;
  // Countries, places and cues are never extended: a known lexicon's are all in the base.
  const auto& countries = lexicon.countries();
  for (std::uint32_t i = 0; i < countries.size() && !known; ++i) {
    const CountryEntry& c = countries[i];
    AddPhrase(c.name, Layer::kCountry, i, true);
    for (const auto& a : c.aliases) AddPhrase(a, Layer::kCountry, i, true);
    for (const auto& d : c.demonyms) AddPhrase(d, Layer::kDemonym, i, true);
    for (const auto& m : c.metonyms) AddPhrase(m, Layer::kMetonym, i, true);
    if (!c.capital.empty()) {
      AddPhrase(c.capital, Layer::kPlace, static_cast<std::uint32_t>(lexicon.places().size() + i),
                true);
    }
  }
  const auto& leaders = lexicon.leaders();
  for (std::uint32_t i = 0; i < leaders.size(); ++i) {
    bool is_known = known && i < known->leaders().size();
    auto add_name = [&](const std::string& name) {
      AddPhrase(name, Layer::kLeader, i, true);
      for (const std::string& other : HyphenSpellings(name)) {
        AddPhrase(other, Layer::kLeader, i, true, false, false, true);
      }
      for (const std::string& other : TransliterationSpellings(name)) {
        AddPhrase(other, Layer::kLeader, i, true, false, false, true);
      }
      // "Sir John" after "Sir John Kotelawala": a knight is named by his title and given name
      // (several knights share one; the article's full name or its time tells which).
      if (name.rfind("Sir ", 0) == 0) {
        std::size_t given_end = name.find(' ', 4);
        if (given_end != std::string::npos) {
          AddPhrase(name.substr(0, given_end), Layer::kLeader, i, true, false, false, true);
        }
      }
    };
    if (!is_known) add_name(leaders[i].name);
    std::size_t first_alias = is_known ? known->leaders()[i].aliases.size() : 0;
    for (std::size_t a = first_alias; a < leaders[i].aliases.size(); ++a) {
      add_name(leaders[i].aliases[a]);
    }
  }
  for (const auto& [surname, leader] : *titled_surnames_) {
    if (!known || leader >= known->leaders().size()) AddTitledSurname(leader, surname);
  }
  const auto& places = lexicon.places();
  for (std::uint32_t i = 0; i < places.size() && !known; ++i) {
    AddPhrase(places[i].name, Layer::kPlace, i, true);
    for (const auto& a : places[i].aliases) AddPhrase(a, Layer::kPlace, i, true);
  }
  const auto& issues = lexicon.issues();
  std::uint32_t first_new_issue = known ? static_cast<std::uint32_t>(known->issues().size()) : 0;
  for (std::uint32_t i = first_new_issue; i < issues.size(); ++i) {
    std::optional<std::uint32_t> parent =
        issues[i].parent.empty() ? std::nullopt : lexicon.FindIssueIndex(issues[i].parent);
    std::string prefix = parent ? LowerAscii(issues[*parent].name) + " " : "";
    std::string name = LowerAscii(issues[i].name);
    if (parent && name.rfind(prefix, 0) == 0 && name.find(' ', prefix.size()) == std::string::npos) {
      sub_issue_by_word_[{*parent, name.substr(prefix.size())}] = i;
    }
  }
  for (std::uint32_t i = 0; i < issues.size(); ++i) {
    std::size_t first_trigger = known && i < first_new_issue ? known->issues()[i].triggers.size() : 0;
    const auto& triggers = issues[i].triggers;
    const auto& inv = issues[i].inverse_triggers;
    for (std::size_t t = first_trigger; t < triggers.size(); ++t) {
      bool weak = country_words_->count(Lower(triggers[t])) > 0;
      bool inverse = std::find(inv.begin(), inv.end(), triggers[t]) != inv.end();
      AddPhrase(triggers[t], Layer::kIssue, i, false, weak, inverse);
      for (const std::string& form : OfForms(triggers[t])) {
        AddPhrase(form, Layer::kIssue, i, false, false, inverse);
      }
    }
  }
  const auto& cues = lexicon.cues();
  for (std::uint32_t i = 0; i < cues.size() && !known; ++i) {
    CueKind kind = CueKindFromName(cues[i].kind);
    if (kind == CueKind::kSkip) {
      trie_.AddSkippable(cues[i].phrase);
      continue;
    }
    if (kind == CueKind::kCount || kind == CueKind::kBoilerplate || kind == CueKind::kCaption ||
        kind == CueKind::kAbbreviation) {
      continue;  // used by normalisation and sentence splitting, not matched in sentences
    }
    AddPhrase(cues[i].phrase, Layer::kCue, i, cues[i].Has("case"));
  }
}

std::string LowerAscii(std::string_view s) { return Lower(s); }

namespace {

// Adds to `ix` the terms of leader `l` of `lex` from its term number `first` on (its row of
// term_country must exist).
void AddLeaderTerms(const Lexicon& lex, std::uint32_t l, std::size_t first, LeaderIndex& ix) {
  const auto& terms = lex.leaders()[l].terms;
  if (first >= terms.size()) return;
  std::vector<int>& row = ix.term_country.Mutable(l);
  for (std::size_t t = first; t < terms.size(); ++t) {
    const CountryEntry* c = lex.FindCountry(terms[t].country);
    int ci = c ? static_cast<int>(c - lex.countries().data()) : -1;
    row.push_back(ci);
    if (ci < 0) continue;
    auto& list = ix.leaders_by_country[ci];
    auto at = std::lower_bound(list.begin(), list.end(), l);
    if (at == list.end() || *at != l) list.insert(at, l);
  }
}

LeaderIndex BuildLeaderIndex(const Lexicon& lex) {
  LeaderIndex ix;
  ix.leaders_by_country.resize(lex.countries().size());
  for (std::uint32_t l = 0; l < lex.leaders().size(); ++l) {
    ix.term_country.push_back({});
    AddLeaderTerms(lex, l, 0, ix);
  }
  return ix;
}

// BuildLeaderIndex(extended) from `known`'s index, looking up only the terms `extended` adds.
// REQUIRES: OnlyAddsLeadersAndIssues(known, extended); `base` is known's index.
LeaderIndex ExtendLeaderIndex(const LeaderIndex& base, const Lexicon& known,
                              const Lexicon& extended) {
  LeaderIndex ix = base;
  const auto& before = known.leaders();
  const auto& after = extended.leaders();
  for (std::uint32_t l = 0; l < after.size(); ++l) {
    std::size_t first = 0;
    if (l < before.size()) {
      first = before[l].terms.size();
    } else {
      ix.term_country.push_back({});
    }
    AddLeaderTerms(extended, l, first, ix);
  }
  return ix;
}

PlaceIndex BuildPlaceIndex(const Lexicon& lex) {
  PlaceIndex ix;
  const auto& countries = lex.countries();
  for (std::uint32_t c = 0; c < countries.size(); ++c) {
    ix.country_by_name.emplace(Lower(countries[c].name), c);
    for (const auto& a : countries[c].aliases) ix.country_by_name.emplace(Lower(a), c);
  }
  const auto& places = lex.places();
  for (std::uint32_t p = 0; p < places.size(); ++p) {
    ix.place_by_name.emplace(Lower(places[p].name), p);
    ix.place_by_name.emplace(Lower(places[p].city), p);
    for (const auto& a : places[p].aliases) ix.place_by_name.emplace(Lower(a), p);
  }
  for (std::uint32_t c = 0; c < countries.size(); ++c) {
    if (!countries[c].capital.empty()) {
      ix.place_by_name.emplace(Lower(countries[c].capital),
                               static_cast<std::uint32_t>(places.size() + c));
    }
  }
  for (const Cue& cue : lex.cues()) {
    if (cue.kind == "region" && !cue.options.empty()) {
      ix.region_country.emplace(Lower(cue.phrase), cue.options[0]);
    }
  }
  for (std::uint32_t k = 0; k < lex.summits().size(); ++k) {
    ix.summits_by_city[Lower(lex.summits()[k].city)].push_back(k);
  }
  return ix;
}

}  // namespace

bool Annotator::IsIssueTrigger(const std::vector<std::string>& keys) const {
  for (const Annotator* layer = this; layer; layer = layer->base_) {
    std::vector<std::uint32_t> found = layer->trie_.PayloadsOf(keys);
    if (std::any_of(found.begin(), found.end(), [&](std::uint32_t p) {
          return layer->payloads_[p].layer == Layer::kIssue;
        })) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Annotator::CuePhrases(CueKind kind) const {
  std::vector<std::string> out;
  for (const Cue& c : lexicon_->cues()) {
    if (CueKindFromName(c.kind) == kind) out.push_back(Lower(c.phrase));
  }
  return out;
}

bool Annotator::AddCuesAroundTimes(const std::vector<Token>& tokens,
                                   std::vector<PhraseTrie::Match>* matches) const {
  // The tokens without the day phrases that stand inside a sentence ("on Thursday",
  // "yesterday"), and where each kept token was.
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday", "today",
                                               "yesterday", "tonight"};
  auto is_day = [&](std::size_t t) {
    return t < tokens.size() && std::find(std::begin(kDays), std::end(kDays),
                                          std::string_view(tokens[t].key)) != std::end(kDays);
  };
  // (Most sentences name no day inside them: no copy of their tokens then.)
  bool any_day = false;
  for (std::size_t t = 1; t < tokens.size() && !any_day; ++t) any_day = is_day(t);
  if (!any_day) return false;
  std::vector<Token> kept;
  std::vector<std::uint32_t> at;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (t > 0 && tokens[t].key == "on" && is_day(t + 1)) {
      ++t;
      continue;
    }
    if (t > 0 && is_day(t)) continue;
    kept.push_back(tokens[t]);
    at.push_back(static_cast<std::uint32_t>(t));
  }
  bool added = false;
  // Cue phrases found only across a dropped day phrase, in the original token positions.
  for (const Annotator* layer = this; layer; layer = layer->base_) {
    std::vector<PhraseTrie::Match> found;
    layer->trie_.FindAll(kept, layer->trie_.Encode(kept), &found);
    for (PhraseTrie::Match m : found) {
      m.payload += layer->payload_offset_;
      if (PayloadAt(m.payload).layer != Layer::kCue) continue;
      std::uint32_t begin = at[m.begin], end = at[m.end - 1] + 1;
      if (end - begin == m.end - m.begin) continue;  // no day phrase inside: found already
      m.begin = begin;
      m.end = end;
      matches->push_back(m);
      added = true;
    }
  }
  return added;
}

Sentence Annotator::Annotate(std::string_view text, const SentenceSpan& span) const {
  Sentence s;
  s.span = span;
  s.text = text.substr(span.begin, span.end - span.begin);
  s.tokens = Tokenize(s.text);
  s.quoted_start = !s.text.empty() && s.text[0] == '"';
  // Every layer's matches, payloads numbered over all layers, ordered by start token (what
  // follows groups matches by span and orders the refs of a span itself).
  std::vector<PhraseTrie::Match> matches;
  for (const Annotator* layer = this; layer; layer = layer->base_) {
    std::size_t first = matches.size();
    layer->trie_.FindAll(s.tokens, layer->trie_.Encode(s.tokens), &matches);
    for (std::size_t i = first; i < matches.size(); ++i) {
      matches[i].payload += layer->payload_offset_;
    }
  }
  const bool across_days = AddCuesAroundTimes(s.tokens, &matches);
  if (base_ || across_days) {
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.begin < b.begin; });
  }
  auto layer_of = [&](const PhraseTrie::Match& m) { return PayloadAt(m.payload).layer; };
  auto is_entity = [&](const PhraseTrie::Match& m) {
    Layer l = layer_of(m);
    return l == Layer::kLeader || l == Layer::kCountry || l == Layer::kDemonym ||
           l == Layer::kMetonym;
  };
  auto to_mention = [&](const std::vector<const PhraseTrie::Match*>& group) {
    Mention m;
    m.begin = group[0]->begin;
    m.end = group[0]->end;
    // Priority among layers sharing a span: leader, country, metonym, demonym.
    static constexpr Layer kOrder[] = {Layer::kLeader,  Layer::kCountry, Layer::kMetonym,
                                       Layer::kDemonym, Layer::kPlace,   Layer::kIssue};
    for (Layer want : kOrder) {
      for (const auto* g : group) {
        const Payload& p = PayloadAt(g->payload);
        if (p.layer != want) continue;
        m.layer = want;
        if (std::find(m.refs.begin(), m.refs.end(), p.ref) == m.refs.end()) m.refs.push_back(p.ref);
        m.weak = m.weak || p.weak;
      }
      if (!m.refs.empty()) break;
    }
    // The lexicon's order, whatever order the phrases entered the trie in (an extended
    // Annotator adds its leaders' aliases and issues' triggers after everything else).
    std::sort(m.refs.begin(), m.refs.end());
    return m;
  };
  for (const auto& g : SelectSpans(matches, is_entity)) s.entities.push_back(to_mention(g));
  for (const auto& g :
       SelectSpans(matches, [&](const auto& m) { return layer_of(m) == Layer::kPlace; })) {
    s.places.push_back(to_mention(g));
  }
  // "in the Eritrean capital": a nationality and "capital" name that country's capital.
  for (const Mention& e : s.entities) {
    if (e.layer != Layer::kDemonym || e.refs.size() != 1 || e.end >= s.tokens.size() ||
        s.tokens[e.end].key != "capital" || e.begin == 0 || s.tokens[e.begin - 1].key != "the") {
      continue;
    }
    if (lexicon_->countries()[e.refs[0]].capital.empty()) continue;
    Mention capital;
    capital.begin = e.begin;
    capital.end = e.end + 1;
    capital.layer = Layer::kPlace;
    capital.refs = {static_cast<std::uint32_t>(lexicon_->places().size() + e.refs[0])};
    auto at = std::find_if(s.places.begin(), s.places.end(),
                           [&](const Mention& o) { return o.begin > capital.begin; });
    s.places.insert(at, std::move(capital));
  }
  for (const auto& g :
       SelectSpans(matches, [&](const auto& m) { return layer_of(m) == Layer::kIssue; })) {
    Mention m = to_mention(g);
    m.weak =
        std::all_of(g.begin(), g.end(), [&](const auto* x) { return PayloadAt(x->payload).weak; });
    m.inverse = std::all_of(g.begin(), g.end(),
                            [&](const auto* x) { return PayloadAt(x->payload).inverse; });
    s.issues.push_back(std::move(m));
  }
  NarrowToNamedSubIssues(s);
  std::array<std::vector<PhraseTrie::Match>, static_cast<std::size_t>(CueKind::kCount)> by_kind;
  for (const auto& m : matches) {
    const Payload& p = PayloadAt(m.payload);
    if (p.layer == Layer::kCue) by_kind[static_cast<std::size_t>(p.cue)].push_back(m);
  }
  for (std::size_t k = 0; k < by_kind.size(); ++k) {
    if (by_kind[k].empty()) continue;
    for (const auto& g : SelectSpans(by_kind[k], [](const auto&) { return true; })) {
      Mention m;
      m.begin = g[0]->begin;
      m.end = g[0]->end;
      m.layer = Layer::kCue;
      m.cue = static_cast<CueKind>(k);
      m.refs.push_back(PayloadAt(g[0]->payload).ref);
      // "Back in Washington, Reagan ...": a time cue followed by a place names the place.
      if (m.cue == CueKind::kRecall && StartsAPlace(s, m.end)) continue;
      // A cue that must end its sentence or clause ("Mr. Clinton refused."; not "refused to
      // comment", nor "refused, however, to take on").
      if (cue(m.refs[0]).Has("final") && m.end < s.tokens.size()) {
        static const std::set<std::string> kEnds = {".", ";", ":", "!", "?", "\""};
        if (!kEnds.count(s.tokens[m.end].key)) continue;
      }
      s.cues.push_back(std::move(m));
    }
  }
  // "pushed back against": a stance cue inside a longer one of the other polarity ("back" in
  // it) is part of that one's words.
  auto stance = [](const Mention& c) {
    return c.cue == CueKind::kSupport || c.cue == CueKind::kOppose;
  };
  std::vector<Mention> cues;
  for (const Mention& c : s.cues) {
    bool inside = stance(c) && std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& o) {
                    return stance(o) && o.cue != c.cue && o.begin <= c.begin && c.end <= o.end &&
                           o.end - o.begin > c.end - c.begin;
                  });
    if (!inside) cues.push_back(c);
  }
  s.cues = std::move(cues);
  DropSurnamesOfOtherNames(s);
  // "his Bissau-Guinean counterpart": a capital inside a longer name (a demonym, a country's,
  // a leader's) is no place of its own. Nor is a city that names a group or a treaty, "the
  // Shanghai Five", "the Paris Club", "the Warsaw Pact", "the Shanghai Cooperation
  // Organisation": its members met anywhere.
  static const std::set<std::string> kGroupWords = {
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
      "fifteen", "twenty", "group", "club", "pact", "cooperation", "organisation",
      "organization", "treaty"};
  std::erase_if(s.places, [&](const Mention& p) {
    if (p.end < s.tokens.size() && s.tokens[p.end].Capitalized() &&
        kGroupWords.count(s.tokens[p.end].key)) {
      return true;
    }
    return std::any_of(s.entities.begin(), s.entities.end(), [&](const Mention& e) {
      return e.begin <= p.begin && p.end <= e.end && e.end - e.begin > p.end - p.begin;
    });
  });
  return s;
}

void Annotator::DropSurnamesOfOtherNames(Sentence& s) {
  // Words that may stand before a leader's one-word name as his title without being cues.
  static const std::set<std::string> kTitles = {
      "general", "sheikh", "emir", "sultan", "marshal", "colonel", "ayatollah", "sir",
      "lord", "senator", "governor", "comrade", "crown", "prince", "princess", "tsar",
      "mayor", "vice", "field", "admiral", "major", "brigadier", "imam", "rabbi", "pope",
      "archbishop", "bishop", "dame", "justice", "judge", "chairman", "premier", "president"};
  std::erase_if(s.entities, [&](const Mention& m) {
    if (m.layer != Layer::kLeader) return false;
    // "Wright-Patterson" (a base), "Ho Chi Minh City": a name inside a longer place's name.
    bool inside_place = std::any_of(s.places.begin(), s.places.end(), [&](const Mention& p) {
      return p.begin <= m.begin && m.end <= p.end && p.end - p.begin > m.end - m.begin;
    });
    if (inside_place) return true;
    // "Sir Geoffrey Howe": a knight's title and given name going on with a surname name
    // another knight.
    if (m.end == m.begin + 2 && s.tokens[m.begin].key == "sir" && m.end < s.tokens.size() &&
        s.tokens[m.end].word && s.tokens[m.end].Capitalized()) {
      return true;
    }
    if (m.end != m.begin + 1 || m.begin < 2) return false;
    // "Wright-Patterson": a name joined by a hyphen to a capitalised word is part of that
    // compound, judged by the word before the hyphen ("Trump-Kim" joins two names, and stays;
    // so does a name after an article of Arabic names, "El-Sisi").
    static const std::set<std::string> kNameParticles = {"al", "el", "ul", "bin", "ben", "ibn",
                                                         "abu", "abd", "abdul", "bou"};
    std::uint32_t prev = m.begin - 1;
    const Token& hyphen = s.tokens[prev];
    if (hyphen.key == "-" && hyphen.end == s.tokens[m.begin].begin &&
        s.tokens[prev - 1].end == hyphen.begin) {
      if (kNameParticles.count(s.tokens[prev - 1].key)) return false;
      --prev;
    }
    const Token& before = s.tokens[prev];
    if (!before.word || !before.Capitalized() || before.AllCaps() || kTitles.count(before.key))
      return false;
    auto covers = [&](const std::vector<Mention>& ms) {
      return std::any_of(ms.begin(), ms.end(), [&](const Mention& o) {
        return o.begin <= prev && prev < o.end;
      });
    };
    // "Vinicio Cerezo Arévalo": a one-word name right after a leader's full name is that
    // leader's second surname, whoever else it names.
    bool continues_full_name =
        prev + 1 == m.begin && std::any_of(s.entities.begin(), s.entities.end(), [&](const Mention& o) {
          return o.layer == Layer::kLeader && o.end == m.begin && o.end - o.begin >= 2;
        });
    if (continues_full_name) return true;
    // "Mr Huang Hua", "Oscar Arias Sanchez": a one-word name after a capitalised word of no
    // name, title or cue is the last word of another person's name.
    return !covers(s.entities) && !covers(s.cues) && !covers(s.places) && !covers(s.issues);
  });
}

void Annotator::NarrowToNamedSubIssues(Sentence& s) const {
  constexpr std::uint32_t kReach = 4;  // words between the sub-issue's word and the issue
  for (Mention& m : s.issues) {
    for (std::uint32_t t = m.begin; t > 0 && t + kReach >= m.begin;) {
      --t;
      const std::string& k = s.tokens[t].key;
      if (k == ";" || k == ":" || k == "\"" || k == "(" || k == ")") break;
      bool inside_other = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& o) {
        return &o != &m && o.begin <= t && t < o.end;
      });
      if (inside_other) break;
      const std::uint32_t* sub = SubIssueByWord(m.refs[0], k);
      if (!sub) continue;
      m.refs[0] = *sub;
      m.begin = t;
      m.weak = false;  // named by its own word, not only by a country's name
      break;
    }
  }
}

}  // namespace parley::ingest
