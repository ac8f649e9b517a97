#include "ingest/extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "ingest/doc.h"
#include "ingest/open_topics.h"
#include "ingest/people.h"
#include "ingest/short_forms.h"
#include "ingest/titled_leaders.h"

namespace parley::ingest {
namespace {

std::uint64_t Fnv1a(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // A final mix, so that the two halves differ in more than the seed.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

std::string TitleOf(const Doc& doc, std::uint32_t leader) {
  const LeaderEntry& l = doc.lexicon().leaders()[leader];
  const Term* t = doc.period_from.empty() ? nullptr : l.TermOn(doc.period_from);
  if (!t) t = l.LatestTerm();  // undated, or dated outside every term
  if (!t || t->office.empty()) return "";
  return t->office + (t->country.empty() ? "" : " of " + t->country);
}

// "Moscow", "the Kremlin" name the Soviet Union or Russia, as the time has it: a name shared
// by several countries stands first for the one an attendee leads, else for one with a leader
// in office in the period the article speaks of.
void PreferTheCountriesOfTheTime(Doc& doc) {
  const LeaderIndex& leaders = doc.annotator->leader_index();
  auto in_office = [&](std::uint32_t country) {
    if (doc.period_from.empty()) return false;
    for (std::uint32_t l : leaders.leaders_by_country[country]) {
      const LeaderEntry& e = doc.lexicon().leaders()[l];
      for (std::size_t t = 0; t < e.terms.size(); ++t) {
        if (leaders.term_country[l][t] == static_cast<int>(country) &&
            e.terms[t].Overlaps(doc.period_from, doc.period_to)) {
          return true;
        }
      }
    }
    return false;
  };
  auto attended = [&](std::uint32_t country) {
    return std::any_of(doc.attendees.begin(), doc.attendees.end(), [&](std::uint32_t l) {
      return doc.CountryOf(l) == static_cast<int>(country);
    });
  };
  for (Sentence& s : doc.sentences) {
    for (Mention& m : s.entities) {
      if (m.refs.size() < 2 || m.layer == Layer::kLeader) continue;
      auto pick = std::find_if(m.refs.begin(), m.refs.end(), attended);
      if (pick == m.refs.end()) pick = std::find_if(m.refs.begin(), m.refs.end(), in_office);
      if (pick != m.refs.end()) std::rotate(m.refs.begin(), pick, pick + 1);
    }
  }
}

using Counts = std::map<std::string, std::pair<int, std::string>>;  // name -> count, evidence

void Count(Counts& counts, const std::string& name, std::string_view sentence) {
  auto& c = counts[name];
  if (c.first++ == 0) c.second = std::string(sentence);
}

void AddLeaders(const Doc& doc, ArticleFacts& facts, Counts& countries) {
  const Lexicon& lex = doc.lexicon();
  std::map<std::uint32_t, std::pair<int, std::string>> counts;
  for (const LeaderRef& r : doc.leader_refs) {
    if (r.leader < 0 || r.country >= 0 || r.office_only) continue;
    auto& c = counts[static_cast<std::uint32_t>(r.leader)];
    if (c.first++ == 0) c.second = std::string(doc.sentences[r.sentence].text);
  }
  for (std::uint32_t l : doc.attendees) counts.emplace(l, std::make_pair(0, std::string()));
  // The article's time: its period, or else the years in which all the attendees held office
  // (de Gaulle and Adenauer met between 1958 and 1963).
  std::string period_from = doc.period_from, period_to = doc.period_to;
  bool period_of_tenures = false;
  if ((period_from.empty() || period_to.empty()) && doc.attendees.size() >= 2) {
    std::string from, to = "9999-12-31";
    for (std::uint32_t l : doc.attendees) {
      std::string first = "9999-12-31", last;
      for (const Term& t : lex.leaders()[l].terms) {
        first = std::min(first, t.start.empty() ? std::string("0000-01-01") : t.start);
        last = std::max(last, t.end.empty() ? std::string("9999-12-31") : t.end);
      }
      from = std::max(from, first);
      to = std::min(to, last);
    }
    if (!from.empty() && from <= to) {
      period_from = from;
      period_to = to;
      period_of_tenures = true;
    }
  }
  // LEADS for leaders the article presents as such: named at least once neither as a former
  // leader nor only in a passage about the past.
  // Nor one whose first term began after the article's time: "Defence Minister Ezer Weizman"
  // in 1978 was no head of state yet. (A time told only by the attendees' tenures ends on the
  // day the first of them left office: a term beginning that day, a successor's, is later.)
  auto not_yet = [&](std::uint32_t l) {
    if (period_to.empty()) return false;
    const auto& terms = lex.leaders()[l].terms;
    return !terms.empty() && std::all_of(terms.begin(), terms.end(), [&](const Term& t) {
      return !t.start.empty() && (t.start > period_to || (period_of_tenures && t.start == period_to));
    });
  };
  std::set<std::uint32_t> presented(doc.attendees.begin(), doc.attendees.end());
  for (const LeaderRef& r : doc.leader_refs) {
    if (r.leader >= 0 && !r.former && !doc.recall[r.sentence] &&
        !not_yet(static_cast<std::uint32_t>(r.leader))) {
      presented.insert(static_cast<std::uint32_t>(r.leader));
    }
  }
  for (const auto& [l, n] : counts) {
    const LeaderEntry& e = lex.leaders()[l];
    facts.leaders.push_back({e.name, e.aliases, TitleOf(doc, l)});
    if (!presented.count(l)) {
      if (n.first > 0) facts.mentions.push_back({"Leader", e.name, n.first, n.second});
      continue;
    }
    if (n.first > 0) facts.mentions.push_back({"Leader", e.name, n.first, n.second});
    // Of a leader in office in the period the article speaks of, the countries of the terms
    // held then: Chiang Kai-shek led China in a 1945 report, not yet Taiwan; Donald Tusk at a
    // 2019 summit was the European Council's president, no longer Poland's prime minister. A
    // leader out of office then, named as a country's past or later leader ("the first visit
    // since Vajpayee"), leads the countries of every term, as does any leader of an undated one.
    bool dated = !period_from.empty() && !period_to.empty();
    auto of_the_time = [&](const Term& t) { return t.Overlaps(period_from, period_to); };
    bool held_then = dated && std::any_of(e.terms.begin(), e.terms.end(), of_the_time);
    std::map<std::string, std::pair<std::string, std::string>> span;  // country -> start, end
    for (const Term& t : e.terms) {
      if (t.country.empty() || (held_then && !of_the_time(t))) continue;
      auto [it, fresh] = span.emplace(t.country, std::make_pair(t.start, t.end));
      if (!fresh) {
        if (t.start < it->second.first) it->second.first = t.start;
        if (it->second.second.empty() || t.end.empty()) {
          it->second.second.clear();
        } else if (t.end > it->second.second) {
          it->second.second = t.end;
        }
      }
    }
    for (const auto& [country, se] : span) {
      facts.leads.push_back({e.name, country, se.first, se.second});
      countries.emplace(country, std::make_pair(0, std::string()));
    }
  }
  for (std::uint32_t l : doc.attendees) {
    AttendanceFact a;
    a.leader = lex.leaders()[l].name;
    for (const LeaderRef& r : doc.leader_refs) {
      if (r.leader == static_cast<int>(l) && r.country < 0 && !r.office_only &&
          !doc.recall[r.sentence] &&
          doc.sentences[r.sentence].HasCue(CueKind::kMeet)) {
        a.provenance = {std::string(doc.sentences[r.sentence].text), r.full_name ? 0.9 : 0.8};
        break;
      }
    }
    if (a.provenance.evidence.empty()) {  // named with "the two leaders" elsewhere
      for (const LeaderRef& r : doc.leader_refs) {
        if (r.leader == static_cast<int>(l)) {
          a.provenance = {std::string(doc.sentences[r.sentence].text), 0.7};
          break;
        }
      }
    }
    facts.attendance.push_back(std::move(a));
  }
}

void AddCountriesAndIssues(const Doc& doc, ArticleFacts& facts, Counts& countries) {
  const Lexicon& lex = doc.lexicon();
  Counts issues;
  const auto none = std::make_pair(0, std::string());
  for (const Sentence& s : doc.sentences) {
    for (const Mention& m : s.entities) {
      if (m.layer != Layer::kLeader) Count(countries, lex.countries()[m.refs[0]].name, s.text);
    }
    for (const Mention& m : s.issues) {
      if (!m.weak) Count(issues, IssueName(doc, m.refs[0]), s.text);
    }
  }
  if (facts.summit && !facts.summit->country.empty())
    countries.emplace(facts.summit->country, none);
  for (const StanceFact& f : facts.stances) {
    if (!f.holder_is_leader) countries.emplace(f.holder, none);
    issues.emplace(f.issue, none);
  }
  for (const auto* list : {&facts.discussed, &facts.disputed}) {
    for (const IssueFact& f : *list) issues.emplace(f.issue, none);
  }
  for (const auto& [name, n] : countries) {
    const CountryEntry* c = lex.FindCountry(name);
    if (!c) continue;  // a summit country not in the lexicon
    facts.countries.push_back({name, c->aliases, ""});
    if (n.first > 0) facts.mentions.push_back({"Country", name, n.first, n.second});
  }
  for (const auto& [name, n] : issues) {
    const IssueEntry* i = lex.FindIssue(name);
    facts.issues.push_back({name, i ? i->triggers : std::vector<std::string>{}, ""});
    if (n.first > 0) facts.mentions.push_back({"Issue", name, n.first, n.second});
  }
}

// Normalisation's test for name words: `annotator`'s (which must outlive its use).
std::function<bool(const std::string&)> NameWordTest(const Annotator& annotator) {
  return [a = &annotator](const std::string& w) { return a->IsNameWord(w); };
}

}  // namespace

std::string ArticleId(std::string_view normalized_text) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx",
                static_cast<unsigned long long>(Fnv1a(normalized_text, 1469598103934665603ull)),
                static_cast<unsigned long long>(Fnv1a(normalized_text, 0x9e3779b97f4a7c15ull)));
  return buf;
}

Extractor::Extractor(const Lexicon& lexicon)
    : annotator_(lexicon), short_form_heads_(std::make_shared<const ShortFormHeads>(annotator_)) {
  normalize_options_.is_name_word = NameWordTest(annotator_);
  normalize_options_.boilerplate_prefixes = annotator_.CuePhrases(CueKind::kBoilerplate);
  normalize_options_.caption_markers = annotator_.CuePhrases(CueKind::kCaption);
  for (const std::string& a : annotator_.CuePhrases(CueKind::kAbbreviation)) {
    std::string w;
    for (char c : a) {
      if (c != '.') w.push_back(c);
    }
    sentence_options_.abbreviations.insert(w);
  }
  if (!sentence_options_.abbreviations.empty()) {
    for (const std::string& d : DefaultAbbreviations()) sentence_options_.abbreviations.insert(d);
  }
  for (const Cue& c : lexicon.cues()) {
    if (c.kind == "outlet") outlets_.push_back(c.phrase);
  }
}

Extractor::Extractor(const Extractor& base, const Lexicon& extended)
    : annotator_(base.annotator_, extended),
      short_form_heads_(base.short_form_heads_),
      normalize_options_(base.normalize_options_),
      sentence_options_(base.sentence_options_),
      outlets_(base.outlets_),
      with_short_forms_(base.with_short_forms_),
      with_open_topics_(base.with_open_topics_) {
  normalize_options_.is_name_word = NameWordTest(annotator_);
}

NormalizedText Extractor::NormalizeArticle(std::string_view text) const {
  return Normalize(text, normalize_options_);
}

ArticleFacts Extractor::Extract(std::string_view text, const std::string& path) const {
  Doc doc;
  doc.annotator = &annotator_;
  doc.norm = NormalizeArticle(text);
  for (const SentenceSpan& span : SplitSentences(doc.norm.text, sentence_options_)) {
    doc.sentences.push_back(annotator_.Annotate(doc.norm.text, span));
  }
  // Leaders the lexicon lacks but the article introduces with a title: extract again with
  // them added (an extractor extending this one's, built per such article).
  int host = -1;  // the country whose capital datelines the article
  if (!doc.norm.dateline_city.empty()) {
    auto place = annotator_.place_index().place_by_name.find(LowerAscii(doc.norm.dateline_city));
    std::size_t places = annotator_.lexicon().places().size();
    if (place != annotator_.place_index().place_by_name.end() && place->second >= places) {
      host = static_cast<int>(place->second - places);
    }
  }
  if (std::vector<TitledLeader> titled = FindTitledLeaders(annotator_, doc.sentences, host);
      !titled.empty()) {
    Lexicon extended = annotator_.lexicon();
    extended.LoadText(LeaderRows(titled), path + " (titled leaders)");
    Extractor with_them(*this, extended);
    return with_them.Extract(text, path);
  }
  // Issues named in full once and shortened later: extract again with the short forms
  // added, before open topics could take them for topics of their own.
  if (!with_short_forms_) {
    if (std::vector<ShortForm> forms =
            FindShortForms(annotator_, doc.sentences, short_form_heads_.get());
        !forms.empty()) {
      Lexicon extended = annotator_.lexicon();
      for (const ShortForm& f : forms) extended.AddIssueTrigger(f.issue, f.phrase, f.inverse);
      Extractor with_them(*this, extended);
      with_them.with_short_forms_ = true;
      return with_them.Extract(text, path);
    }
  }
  // Topics the taxonomy lacks but an agenda, stance or dispute cue names: extract again with
  // them added as open issues.
  if (!with_open_topics_) {
    std::vector<NamedIssue> named;
    if (std::vector<OpenTopic> topics = FindOpenTopics(annotator_, doc.sentences, &named);
        !topics.empty()) {
      Lexicon extended = annotator_.lexicon();
      for (const OpenTopic& t : topics) extended.AddOpenIssue(t.name, t.triggers);
      Extractor with_them(*this, extended);
      with_them.with_open_topics_ = true;
      with_them.named_issues_ = std::move(named);
      return with_them.Extract(text, path);
    }
    AddNamedIssues(named, doc.sentences);
  } else {
    AddNamedIssues(named_issues_, doc.sentences);
  }
  if (with_open_topics_) {
    // Where a known issue is named, an open topic's later mention does not compete with it;
    // a place named as a topic does (it is weak: it counts only where it is a cue's object),
    // and so does an item of a list with it ("discussed trade and border security").
    const auto& issues = annotator_.lexicon().issues();
    for (Sentence& s : doc.sentences) {
      // (A weak mention, a country's name as a trigger, names no issue unless a cue makes it
      // a topic: "the leaders of Russia and Ukraine signed an agreement establishing a Union
      // of Baltic Ports" names one, the Union.)
      bool known = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
        return !issues[m.refs[0]].open && !m.weak;
      });
      if (!known) continue;
      auto listed_with_known = [&](const Mention& open) {
        return std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& k) {
          if (issues[k.refs[0]].open) return false;
          std::uint32_t from = std::min(k.end, open.end), to = std::max(k.begin, open.begin);
          if (from > to) return false;
          for (std::uint32_t t = from; t < to; ++t) {
            if (!IsWord(s, t, {",", "and", "or", "the", "a", "an"})) return false;
          }
          return true;
        });
      };
      // (Decided for every mention before any is erased: the test reads the others.)
      // Nor does one a clause away from any known issue ("agreed to resume \"shuttle
      // diplomacy\" and to put an end to a years-long trade dispute").
      constexpr std::uint32_t kNear = 8;
      auto near_known = [&](const Mention& open) {
        return std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& k) {
          if (issues[k.refs[0]].open || k.weak) return false;
          return k.begin < open.end + kNear && open.begin < k.end + kNear;
        });
      };
      std::vector<bool> drop(s.issues.size());
      for (std::size_t i = 0; i < s.issues.size(); ++i) {
        const Mention& m = s.issues[i];
        // (A long phrase is specific enough to stand beside one: "On missile defense, Obama
        // urged a rapid withdrawal of Russian troops from Ukraine".)
        const bool specific = m.end - m.begin >= 5;
        drop[i] = issues[m.refs[0]].open && !m.weak && !specific && !listed_with_known(m) &&
                  near_known(m);
      }
      std::vector<Mention> kept;
      for (std::size_t i = 0; i < s.issues.size(); ++i) {
        if (!drop[i]) kept.push_back(std::move(s.issues[i]));
      }
      s.issues = std::move(kept);
    }
  }
  if (!doc.norm.date.empty()) doc.period_from = doc.period_to = doc.norm.date;
  FindLeaderRefs(doc);
  FindSummit(doc);
  PreferTheCountriesOfTheTime(doc);

  ArticleFacts facts;
  facts.id = ArticleId(doc.norm.text);
  facts.path = path;
  facts.title = doc.norm.title;
  facts.sentence_count = doc.sentences.size();
  if (!doc.norm.dateline_city.empty()) {
    facts.dateline = doc.norm.dateline_city +
                     (doc.norm.dateline_region.empty() ? "" : ", " + doc.norm.dateline_region);
  }
  for (const std::string& o : outlets_) {
    if (text.find(o) != std::string_view::npos) {
      facts.source = o;
      break;
    }
  }
  facts.summit = doc.summit;
  ExtractRelations(doc, facts);
  Counts countries;
  AddLeaders(doc, facts, countries);
  AddCountriesAndIssues(doc, facts, countries);
  for (const PersonFound& p : FindPeople(doc)) {
    facts.people.push_back({p.name, {}, p.role});
    facts.mentions.push_back({"Person", p.name, p.mentions, p.evidence});
  }
  return facts;
}

}  // namespace parley::ingest
