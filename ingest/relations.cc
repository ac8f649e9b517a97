// Relations at the summit: stances (SUPPORTS/OPPOSES), disputes and the agenda.
//
// A stance is a support or oppose cue with a holder on its left and an issue on its right.
// The holder is the clause's subject: the nearest leader, country, metonym or demonym, with
// every member of a coordinated list ("Russia, China and others oppose"); "the two leaders";
// a pronoun ("he" is the leader of its clause, else the sentence's subject); in a quotation,
// its speaker ("'We back ...,' Putin said"). Not a holder: the person addressed by "urged X
// to", a passive agent ("ignored by both sides"), an object of a preposition. The issue is a
// trigger in the clause, not introduced by a topic preposition such as "work with them on
// X"; else "it"/"the plan" or a reactive cue such as "threatened to" refers to the issue the
// text was last about. Polarity is relative to the issue's proposition: a negated support is
// an opposition (a negated opposition is nothing), an inverter ("refused to accept limits
// on") or a trigger naming the opposite ("denuclearization") turns it; preventing X from
// happening is no stance on X. A dispute is a dispute cue ("at odds over", "no agreement
// on", "back different sides in") that is not negated and not resolved in its clause. The
// agenda: issues named with a discussion cue, "talks on X", or in what an attending leader
// said there. Hedged cues ("expected to") give nothing; of a sentence about the past only the
// main clause before its past counts.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "ingest/clause.h"
#include "ingest/doc.h"
#include "ingest/holders.h"

namespace parley::ingest {
namespace {

constexpr std::uint32_t kObjectWindow = 15;
constexpr std::uint32_t kStanceGap = 5;  // content words between a stance cue and its issue, at most

struct IssueHit {
  std::uint32_t issue;
  double confidence;
  bool inverse = false;      // the words name the opposite of the issue's proposition
  bool from_gerund = false;  // "X from doing" (or "X allegations"): no stance on X itself
  std::uint32_t begin = 0;   // where the issue's words start (0 for an issue from context)
};

class RelationExtractor {
 public:
  RelationExtractor(Doc& doc, ArticleFacts& facts) : doc_(doc), facts_(facts), holders_(doc) {
    for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      for (const Mention& m : s.issues) {
        bool introduced = m.begin >= 1 && CueAt(s, CueKind::kTopicPrep, m.begin - 1, false);
        if (!m.weak || introduced) topics_.push_back({si, m.begin, m.refs[0]});
      }
    }
  }

  void Run() {
    for (std::uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      // A sentence about the past gives relations only from its part before the past clause.
      present_end_ = static_cast<std::uint32_t>(doc_.sentences[si].tokens.size());
      if (doc_.recall[si]) present_end_ = PresentPartEnd(doc_.sentences[si]);
      if (present_end_ == 0) continue;
      past_opening_end_ = PastOpeningEnd(doc_.sentences[si]);
      Stances(si);
      Verdicts(si);
      ModalVerdicts(si);
      PressedOn(si);
      Disputes(si);
      Discussions(si);
    }
    InferFromDisputes();
    ResolveConflicts();
    Emit();
  }

 private:
  struct Topic {
    std::uint32_t sentence, token, issue;
  };
  struct StanceKey {
    int side;
    bool leader;
    int holder;
    std::uint32_t issue;
    bool operator<(const StanceKey& o) const {
      return std::tie(side, leader, holder, issue) < std::tie(o.side, o.leader, o.holder, o.issue);
    }
  };
  struct StanceVal {
    double support = 0, oppose = 0;
    // The part of each score read from cues that state the stance (not "implied" ones).
    double support_stated = 0, oppose_stated = 0;
    Provenance support_prov, oppose_prov;
  };

  // The issue the text was last about before (sentence, token): same or 3 sentences back.
  std::optional<std::uint32_t> TopicBefore(std::uint32_t si, std::uint32_t tok) const {
    std::optional<std::uint32_t> best;
    for (const Topic& t : topics_) {
      bool before = t.sentence < si || (t.sentence == si && t.token < tok);
      if (before && t.sentence + 3 >= si) best = t.issue;
    }
    return best;
  }


  // Where a stance's object ends: before "and"/"or"/"," that starts another verb phrase
  // ("opposes the annexation and maintains sanctions"), unless an issue starts there.
  std::uint32_t ObjectEnd(const Sentence& s, std::uint32_t from, std::uint32_t to) const {
    static const std::set<std::string> kDeterminers = {
        "the", "a", "an", "its", "their", "his", "her", "our", "new", "further", "more"};
    for (std::uint32_t t = from + 1; t + 1 < to; ++t) {
      if (!IsWord(s, t, {"and", "or", ","})) continue;
      const Token& next = s.tokens[t + 1];
      bool issue_next = std::any_of(s.issues.begin(), s.issues.end(),
                                    [&](const Mention& m) { return m.begin == t + 1; });
      // "reducing and limiting strategic arms": coordinated gerunds share the object.
      bool gerund = next.key.size() > 4 && next.key.ends_with("ing") && t > from &&
                    s.tokens[t - 1].key.ends_with("ing");
      // "a balanced and comprehensive partnership": coordinated modifiers of the issue.
      bool modifier = std::any_of(s.issues.begin(), s.issues.end(),
                                  [&](const Mention& m) { return m.begin == t + 2; });
      if (next.word && !next.Capitalized() && !kDeterminers.count(next.key) && !issue_next &&
          !gerund && !modifier) {
        return t;
      }
      if (NewSubjectAt(s, t + 1)) return t;  // "backs the rebels and Russia supports ..."
    }
    return to;
  }

  // Whether a clause with its own subject starts at token `t`: a country, leader or metonym
  // (not an issue's name) right before a stance, speech or meeting cue ("and Russia supports",
  // "and Moscow says").
  static bool NewSubjectAt(const Sentence& s, std::uint32_t t) {
    for (const Mention& m : s.entities) {
      if (m.begin != t || m.layer == Layer::kDemonym) continue;
      bool issue = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& i) {
        return i.begin <= m.begin && m.begin < i.end;
      });
      if (issue) continue;
      for (const Mention& c : s.cues) {
        bool verb = c.cue == CueKind::kSupport || c.cue == CueKind::kOppose ||
                    c.cue == CueKind::kSpeech || c.cue == CueKind::kMeet;
        if (verb && c.begin >= m.end && c.begin <= m.end + 1) return true;
      }
    }
    return false;
  }

  // Words between two tokens that carry content: the function words and punctuation of a
  // noun phrase do not count, so "the importance of concluding talks on a balanced X" is as
  // near its object as "backs X".
  static std::uint32_t ContentWords(const Sentence& s, std::uint32_t from, std::uint32_t to) {
    static const std::set<std::string> kFunctionWords = {
        "the", "a",    "an",   "of",    "to",   "for", "and",  "or",   "its",  "their", "his",
        "her", "our",  "this", "these", "that", "on",  "in",   "with", "by",   "along", "all",
        "any", "more", "new",  "further"};
    // Nor do the words of a stance cue on the way ("agreed on the importance of X"): the
    // chain of cues states one stance.
    auto in_stance_cue = [&](std::uint32_t t) {
      return std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
        return (c.cue == CueKind::kSupport || c.cue == CueKind::kOppose) && c.begin <= t &&
               t < c.end;
      });
    };
    std::uint32_t n = 0;
    for (std::uint32_t t = from; t < to; ++t) {
      if (s.tokens[t].word && !kFunctionWords.count(s.tokens[t].key) && !in_stance_cue(t)) ++n;
    }
    return n;
  }

  // Oppose cues between two tokens; one inside an inverter ("freeze", "end to" of "an end
  // to") turns the stance as that already. With `concern_supports` (the issue is one worry
  // about is a stand for), a cue of worry or criticism counts as no opposition: "dismissed
  // criticism of its human rights record" opposes the pressure for human rights.
  int OpposeCuesBetween(const Sentence& s, std::uint32_t from, std::uint32_t to,
                        bool concern_supports) const {
    int n = 0;
    for (const Mention* c : s.CuesOf(CueKind::kOppose)) {
      if (c->begin < from || c->end > to) continue;
      if (concern_supports && doc_.annotator->cue(c->refs[0]).Has("concern")) continue;
      bool in_inverter = false;
      for (const Mention* inv : s.CuesOf(CueKind::kInverter)) {
        in_inverter = in_inverter || (inv->begin <= c->begin && c->end <= inv->end);
      }
      if (!in_inverter) ++n;
    }
    return n;
  }

  // "ready to implement a pipeline project with Russia and a deal to build the plant": a
  // second noun phrase, joined by "and" and a determiner, is an object of the same cue when its
  // issue is as near that "and" as an object must be to its cue.
  static bool CoordinatedObject(const Sentence& s, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t t = to; t-- > from;) {
      if (!s.tokens[t].word) return false;  // punctuation: not one noun phrase
      if (IsWord(s, t, {"and"}) && IsWord(s, t + 1, {"a", "an", "the"})) {
        return ContentWords(s, t + 1, to) <= kStanceGap;
      }
    }
    return false;
  }

  // "A, B and C": only list punctuation, conjunctions and determiners between two issues.
  static bool OnlyConnectors(const Sentence& s, std::uint32_t from, std::uint32_t to) {
    // Connectors, and the heads of noun phrases around an issue ("the notion of a ...").
    static const std::set<std::string> kConnectors = {
        ",",      "and",      "or",     "the",    "a",      "an",     "its",   "their",
        "of",     "as",       "well",   "on",     "over",   "\"",     "notion", "question",
        "issue",  "issues",   "future", "status", "idea",   "prospect", "prospects", "matter"};
    if (to - from > 6) return false;
    for (std::uint32_t t = from; t < to; ++t) {
      if (!kConnectors.count(s.tokens[t].key)) return false;
    }
    return true;
  }

  // "the situation in Syria", "the crisis in Ukraine": a country's name made a topic.
  static bool NamedAsTopic(const Sentence& s, const Mention& m) {
    return m.begin >= 2 && IsWord(s, m.begin - 1, {"in", "over", "on"}) &&
           IsWord(s, m.begin - 2, {"situation", "crisis", "conflict", "war", "peace", "violence",
                                   "settlement", "developments", "tensions", "fighting"});
  }

  // "On Cyprus, sharp differences persisted", "On Ukraine, Mr Macron said ...": the issue a
  // sentence opens with as its topic (a topic preposition, the issue, a comma), or null.
  static const Mention* FrontedTopic(const Sentence& s) {
    if (s.tokens.empty() || !CueAt(s, CueKind::kTopicPrep, 0, false)) return nullptr;
    std::uint32_t at = IsWord(s, 1, {"the"}) ? 2 : 1;
    for (const Mention& m : s.issues) {
      if (m.begin == at && IsWord(s, m.end, {","})) return &m;
    }
    return nullptr;
  }

  // "did not say whether Kashmir came up", "it was unclear whether sanctions were raised": an
  // issue inside a question the text leaves open.
  static bool InOpenQuestion(const Sentence& s, const Mention& m) {
    for (std::uint32_t t = m.begin >= 4 ? m.begin - 4 : 0; t < m.begin; ++t) {
      if (!IsWord(s, t, {"whether"})) continue;
      std::uint32_t from = t >= 4 ? t - 4 : 0;
      if (HasWordIn(s, from, t, {"unclear", "unknown", "asked", "wondered"})) return true;
      for (const Mention* n : s.CuesOf(CueKind::kNegation)) {
        if (n->begin >= from && n->begin < t) return true;
      }
    }
    return false;
  }

  // "gathered in Northern Ireland", "the Crimea conference": an issue's name used for where
  // something happened.
  static bool NamesAPlace(const Sentence& s, const Mention& m) {
    if (!s.tokens[m.begin].Capitalized() || NamedAsTopic(s, m)) return false;
    // "since the Crimea conference in February": a meeting named after its place.
    if (IsWord(s, m.end, {"conference", "summit"})) return true;
    return m.begin >= 1 && IsWord(s, m.begin - 1, {"in", "at"});
  }

  // "agreed to establish a working group on counternarcotics", "to set up talks on artificial
  // intelligence": the only topic preposition between `from` and the issue at `to` follows a
  // noun of joint work, so backing that work backs the issue.
  bool JointWorkOn(const Sentence& s, std::uint32_t from, std::uint32_t to) const {
    std::uint32_t prep = IsWord(s, to - 1, {"the"}) ? to - 2 : to - 1;
    if (prep <= from || !CueAt(s, CueKind::kTopicPrep, prep, false)) return false;
    if (PrepBetween(s, from, prep)) return false;
    // (So does one of weight put on it: "pressed for greater emphasis on arms control".)
    return IsWord(s, prep - 1, {"talks", "dialogue", "cooperation", "group", "mechanism",
                                "consultations", "partnership", "framework", "channel",
                                "initiative", "alliance", "task", "force", "commission",
                                "committee", "collaboration", "coordination", "exchanges",
                                "emphasis", "focus", "priority", "attention", "progress",
                                "action", "efforts", "work"});
  }

  // A topic preposition between two tokens (not one inside "limits on" or "concerns about").
  bool PrepBetween(const Sentence& s, std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t t = from; t < to; ++t) {
      if (!CueAt(s, CueKind::kTopicPrep, t, false)) continue;
      // "pledged on Friday to ...", "on March 3": a time, not a topic.
      bool date = IsWord(s, t + 1, {"january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november",
                                    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                    "sep", "sept", "oct", "nov", "dec", "the"}) &&
                  t + 2 < s.tokens.size() && !s.tokens[t + 2].key.empty() &&
                  std::isdigit(static_cast<unsigned char>(s.tokens[t + 2].key[0]));
      if (date || CueAt(s, CueKind::kPresent, t, false)) continue;
      // Nor one inside a stance cue ("dismissed concerns about X").
      bool in_cue = false;
      for (const Mention& c : s.cues) {
        bool turns = c.cue == CueKind::kInverter || c.cue == CueKind::kSupport ||
                     c.cue == CueKind::kOppose;
        in_cue = in_cue || (turns && c.begin <= t && t < c.end);
      }
      if (!in_cue) return true;
    }
    return false;
  }

  // Issues right of a cue. `topical_ok`: issues after "on"/"over" count (disputes) or end the
  // search (stances).
  std::vector<IssueHit> ObjectIssues(std::uint32_t si, const Mention& cue, bool topical_ok,
                                     bool reactive) const {
    const Sentence& s = doc_.sentences[si];
    std::vector<IssueHit> out;
    std::uint32_t limit =
        std::min<std::uint32_t>(s.tokens.size(), cue.end + kObjectWindow + (topical_ok ? 8 : 0));
    std::uint32_t clause_end = limit;
    for (std::uint32_t t = cue.end; t < limit; ++t) {
      // A quotation mark right around an issue ("the impasse over \"Star Wars\"") is no break.
      // Nor is one opening the object ("will not accept \"any changes in ...\"").
      bool quoting = s.tokens[t].key == "\"" &&
                     (t == cue.end ||
                      std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
                        return m.begin == t + 1 || m.end == t;
                      }));
      // Nor a few words in quotation marks inside the object ("research in the \"necessary
      // defence\" of the program"): the object goes on past them.
      if (s.tokens[t].key == "\"" && !quoting) {
        std::uint32_t close = t + 1;
        while (close < limit && close <= t + 4 && s.tokens[close].key != "\"") ++close;
        if (close < limit && close <= t + 4 && s.tokens[close].key == "\"") {
          t = close;
          continue;
        }
      }
      if (IsBoundary(s, t) && !quoting) {
        clause_end = t;
        break;
      }
    }
    if (!topical_ok) clause_end = std::min(clause_end, ObjectEnd(s, cue.end, clause_end));
    // "which both countries oppose, and the war in Yemen": a comma and a conjunction right
    // after a stance verb end its clause; what follows is no object of it. Nor is a time or
    // reason clause right after it ("which Beijing imposed after Japan began releasing ...").
    if (!topical_ok && ((IsWord(s, cue.end, {","}) &&
                         IsWord(s, cue.end + 1, {"and", "but", "or", "while", "where"})) ||
                        IsWord(s, cue.end, {"after", "before", "since", "until", "when", "while",
                                            "because", "as", "once"}))) {
      clause_end = cue.end;
    }
    const Mention* previous = nullptr;
    for (const Mention& m : s.issues) {
      if (m.begin < cue.end || m.begin >= clause_end) continue;
      // "the EU's trade deal with the Mercosur bloc": a sub-issue of the object named in its
      // complement is what the object is.
      if (previous && !out.empty() && m.begin <= previous->end + 6 &&
          HasWordIn(s, previous->end, m.begin, {"with", "between", "among", "for", "on", "over"}) &&
          !HasWordIn(s, previous->end, m.begin, {",", ";", "and", "or", "but"}) &&
          IsUnder(m.refs[0], out.back().issue)) {
        out.back().issue = m.refs[0];
        out.back().inverse = m.inverse;
        break;
      }
      if (previous && !OnlyConnectors(s, previous->end, m.begin) &&
          (topical_ok || !CoordinatedObject(s, previous->end, m.begin))) {
        break;
      }
      // "the denuclearization of the Korean Peninsula": an issue in the object's complement is
      // part of what the object names, no object of its own.
      if (previous) {
        std::uint32_t of = previous->end;
        if (IsWord(s, of, {"\""})) ++of;  // "the \"complete denuclearization\" of ..."
        if (IsWord(s, of, {"of"}) && (m.begin == of + 1 ||
                                      (m.begin == of + 2 && IsWord(s, of + 1, {"the"})))) {
          continue;
        }
      }
      // "supports Assad's government, and arms control ...": a comma before "and" after a
      // single object joins another clause, not a second object (a list of two takes none).
      if (previous && !topical_ok && out.size() == 1 && IsWord(s, previous->end, {","}) &&
          IsWord(s, previous->end + 1, {"and"})) {
        break;
      }
      if (!previous && !topical_ok && ContentWords(s, cue.end, m.begin) > kStanceGap) break;
      // "agreed to discuss terrorism": what the sides will talk about, not what they back.
      if (!previous && !topical_ok) {
        if (HasWordIn(s, cue.end, m.begin,
                      {"discuss", "discussing", "debate", "debating", "talk", "talking",
                       "consider", "considering"})) {
          break;
        }
        // "backs its account of the Gaza hospital blast": a stance on someone's account of
        // events is none on what they are about.
        if (HasWordIn(s, cue.end, m.begin,
                      {"account", "accounts", "version", "versions", "interpretation",
                       "description", "assessment"})) {
          break;
        }
        // "agreed to exchange prisoners from the conflict in Ukraine", "backed talks after the
        // war": an issue in a phrase of origin or time modifies the object, it is none.
        if (HasWordIn(s, cue.end + 1, m.begin, {"from", "during", "since", "after", "amid"})) {
          break;
        }
      }
      // A later item of a list ("cooperation on semiconductors, critical minerals and clean
      // energy") is reached as the first was; only a preposition of its own parts it off.
      bool prep = previous ? PrepBetween(s, previous->end, m.begin)
                           : PrepBetween(s, cue.end, m.begin);
      bool adjacent = m.begin <= cue.end + 1 ||
                      (m.begin >= 1 && CueAt(s, CueKind::kTopicPrep, m.begin - 1, false)) ||
                      (m.begin >= 2 && IsWord(s, m.begin - 1, {"the"}) &&
                       CueAt(s, CueKind::kTopicPrep, m.begin - 2, false));
      if (m.weak && !adjacent) continue;
      if (m.weak && IsWord(s, m.end, {"'s"})) continue;  // "Ukraine's bid to join NATO"
      if (prep && !topical_ok &&
          !(cue.cue == CueKind::kSupport && JointWorkOn(s, cue.end, m.begin))) {
        break;
      }
      bool from_gerund = IsWord(s, m.end, {"from"}) && m.end + 1 < s.tokens.size() &&
                         s.tokens[m.end + 1].key.size() > 4 &&
                         s.tokens[m.end + 1].key.ends_with("ing");
      // "rejects terrorism allegations": the stance is on the allegations, not the issue.
      bool modifier = IsWord(s, m.end, {"allegations", "allegation", "accusations", "accusation",
                                        "charges", "claims", "reports", "rumours", "rumors"});
      out.push_back({m.refs[0], 0.85, m.inverse, from_gerund || modifier, m.begin});
      previous = &m;
    }
    if (!out.empty()) return out;
    // "backs it", "opposes the plan", "threatened to ...": the current topic.
    // "backs it", "opposes that": not "pledged that they would ..." (a clause follows).
    bool anaphor = IsWord(s, cue.end, {"it", "its", "this", "them", "such"}) ||
                   (IsWord(s, cue.end, {"that"}) &&
                    (cue.end + 1 >= s.tokens.size() || !s.tokens[cue.end + 1].word));
    // "differences over the conflict", "the crisis": the topic's broadest issue, and only as
    // the object of a dispute ("rejects any ceasefire that would freeze the conflict" names
    // no issue).
    bool conflict = false;
    for (const Mention* a : s.CuesOf(CueKind::kAnaphor)) {
      if (a->begin < cue.end || a->begin >= std::min(clause_end, cue.end + 6)) continue;
      bool is_conflict = IsWord(s, a->end - 1, {"conflict", "crisis", "war"});
      if (is_conflict && !topical_ok) continue;
      anaphor = true;
      conflict = conflict || is_conflict;
    }
    if (anaphor || reactive) {
      // Not an open topic: "the plan" after "a dispute over wartime labour" is a plan about
      // it, and an open topic has no proposition a stance could be read against.
      auto topic = TopicBefore(si, cue.begin);
      if (topic && !doc_.lexicon().issues()[*topic].open) {
        out.push_back({conflict ? RootIssue(*topic) : *topic, 0.6});
      }
    }
    return out;
  }

  // Whether worry about `issue` or a broader issue it falls under is a stand for it.
  bool ConcernSupports(std::uint32_t issue) const {
    const Lexicon& lex = doc_.lexicon();
    for (int guard = 0; guard < 8; ++guard) {
      const IssueEntry& e = lex.issues()[issue];
      if (e.concern_supports) return true;
      std::optional<std::uint32_t> parent =
          e.parent.empty() ? std::nullopt : lex.FindIssueIndex(e.parent);
      if (!parent) return false;
      issue = *parent;
    }
    return false;
  }

  // Whether `issue` falls under `ancestor` (its parent, or the parent's, ...).
  bool IsUnder(std::uint32_t issue, std::uint32_t ancestor) const {
    const Lexicon& lex = doc_.lexicon();
    for (int guard = 0; guard < 8 && !lex.issues()[issue].parent.empty(); ++guard) {
      std::optional<std::uint32_t> parent = lex.FindIssueIndex(lex.issues()[issue].parent);
      if (!parent) return false;
      issue = *parent;
      if (issue == ancestor) return true;
    }
    return false;
  }

  // The top of `issue`'s parent chain ("Syria peace talks" -> "Syria").
  std::uint32_t RootIssue(std::uint32_t issue) const {
    const Lexicon& lex = doc_.lexicon();
    for (int guard = 0; guard < 8 && !lex.issues()[issue].parent.empty(); ++guard) {
      std::optional<std::uint32_t> parent = lex.FindIssueIndex(lex.issues()[issue].parent);
      if (!parent) break;
      issue = *parent;
    }
    return issue;
  }

  int SideOf(const Holder& h) const {
    return h.leader ? doc_.CountryOf(static_cast<std::uint32_t>(h.index)) : h.index;
  }

  // `stated`: the cue states the stance; else it implies it ("agreed on X") or it was inferred.
  void AddStance(const Holder& h, std::uint32_t issue, bool supports, double conf,
                 const Sentence& s, bool stated = false) {
    StanceVal& v = stances_[{SideOf(h), h.leader, h.index, issue}];
    double& score = supports ? v.support : v.oppose;
    Provenance& prov = supports ? v.support_prov : v.oppose_prov;
    if (conf > prov.confidence) prov = {std::string(s.text), conf};
    score += conf;
    if (stated) (supports ? v.support_stated : v.oppose_stated) += conf;
  }

  void Stances(std::uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    for (const Mention& cue : s.cues) {
      if (cue.cue != CueKind::kSupport && cue.cue != CueKind::kOppose) continue;
      StanceAt(si, cue, cue);
      for (const Mention& more : InfinitivesAfter(s, cue)) StanceAt(si, cue, more);
    }
  }

  // "agreed to resume military contacts, to set up a working group on X, and to hold talks
  // on Y": each infinitive coordinated with the one a cue ends in ("agreed to") is the cue's
  // again, a one-token cue at its "to". Only up to a clause break or a new subject.
  static std::vector<Mention> InfinitivesAfter(const Sentence& s, const Mention& cue) {
    std::vector<Mention> out;
    if (!IsWord(s, cue.end - 1, {"to"})) return out;
    for (std::uint32_t t = cue.end + 1; t + 1 < s.tokens.size(); ++t) {
      if (IsBoundary(s, t) || IsWord(s, t, {"but", "while", "whereas", "although", "though"}))
        break;
      if (NewSubjectAt(s, t)) break;
      if (!IsWord(s, t, {"to"}) || !IsWord(s, t - 1, {",", "and"})) continue;
      const Token& verb = s.tokens[t + 1];
      if (!verb.word || verb.Capitalized() || IsWord(s, t + 1, {"the", "a", "an", "its", "their"}))
        continue;  // "to the surprise of ...", "to Washington": no verb
      Mention more = cue;
      more.begin = t;
      more.end = t + 1;
      out.push_back(std::move(more));
    }
    return out;
  }

  // The stance of support or oppose cue `head` on the object of `cue` (the same cue, or an
  // infinitive coordinated with it, whose holder, hedges and negation are the head's).
  void StanceAt(std::uint32_t si, const Mention& head, const Mention& cue) {
    const Sentence& s = doc_.sentences[si];
    if (IsHedged(s, head.begin) || head.begin >= present_end_ || head.begin < past_opening_end_)
      return;
    // "to be scrapped and demanded that ...": a passive participle takes no object (what it
    // is said of comes before it, and the fate of an object is read with that object's cue).
    if (head.end == head.begin + 1 && s.tokens[head.begin].key.ends_with("ed") &&
        head.begin > 0 && IsWord(s, head.begin - 1, {"be", "been", "being"})) {
      return;
    }
    // "discussed a proposed copper mine", "the agreed text": a participle after a determiner
    // says what the thing is, not who stands where on it.
    if (head.end == head.begin + 1 && s.tokens[head.begin].key.ends_with("ed") &&
        head.begin > 0 && IsWord(s, head.begin - 1, {"a", "an", "the", "this", "that", "its",
                                                     "their", "his", "her"})) {
      return;
    }
    // "back different sides in the conflict": a dispute, not a stance.
    bool in_dispute = false;
    for (const Mention* d : s.CuesOf(CueKind::kDispute)) {
      in_dispute = in_dispute || (d->begin <= head.begin && head.end <= d->end);
    }
    if (in_dispute) return;
    // "recognizes Taiwan as part of China": a verb of judging with "as" after its object gives
    // a verdict (Verdicts), not the stance its other sense would ("recognised Algeria").
    const bool judging = std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& j) {
      return j.cue == CueKind::kJudge && j.begin == head.begin;
    });
    if (judging) {
      for (std::uint32_t t = head.end; t < s.tokens.size() && t < head.end + 6; ++t) {
        if (IsBoundary(s, t)) break;
        if (IsWord(s, t, {"as"})) return;
      }
    }
    // "abstained in UN votes condemning the invasion": what a vote one abstained in says is
    // no stance of one's own.
    if (HasWordIn(s, head.begin >= 6 ? head.begin - 6 : 0, head.begin,
                  {"abstained", "abstain", "abstains", "abstaining", "abstention",
                   "abstentions"})) {
      return;
    }
    bool supports = head.cue == CueKind::kSupport;
    // A cue that implies a stance rather than states it ("agreed on X") counts for less.
    bool implied = doc_.annotator->cue(head.refs[0]).Has("implied");
    double conf = implied ? 0.8 : 1.0;
    // "threatened to veto the resolution": a threat carries the stance of what it threatens
    // (the veto's), where one follows; alone ("threatened to retarget missiles") it opposes.
    if (!supports && IsWord(s, head.end - 1, {"to"}) &&
        IsWord(s, head.begin, {"threatened", "threatens", "threatening", "threaten"})) {
      for (const Mention& next : s.cues) {
        bool stance = next.cue == CueKind::kSupport || next.cue == CueKind::kOppose;
        if (stance && next.begin == cue.end) supports = true;
      }
    }
    // "Ankara dropped its objections to ...": an opposition given up is support.
    if (!supports && Abandoned(s, head.begin)) {
      supports = true;
      implied = true;
      conf = 0.8;
    }
    if (IsNegated(s, head.begin)) {
      if (!supports) return;
      supports = false;
      conf = 0.75;
    }
    double holder_conf = 1.0;
    std::uint32_t holder_begin = head.begin;
    std::vector<Holder> holders = holders_.Find(si, head.begin, &holder_conf, &holder_begin);
    if (holders.empty()) return;
    bool reactive = doc_.annotator->cue(head.refs[0]).Has("reactive");
    bool concern = doc_.annotator->cue(head.refs[0]).Has("concern");
    std::vector<IssueHit> hits = ObjectIssues(si, cue, false, reactive && &head == &cue);
    if (hits.empty() && &head == &cue) {
      // "the shield America plans to build", "Iran's nuclear program, which both countries
      // oppose": the issue before the holder, or before the relative pronoun its clause
      // opens with.
      // ("the Nord Stream 2 gas pipeline, which ...": every issue of the antecedent.)
      std::uint32_t relative = RelativePronounBefore(s, cue.begin);
      // ("Venezuela, whose president he had welcomed": a stance on a person of the
      // antecedent, no stance on it.)
      if (relative > 0 && IsWord(s, relative, {"whose"}) &&
          IsWord(s, relative + 1, {"president", "leader", "leaders", "prime", "premier",
                                   "king", "queen", "chancellor", "ruler", "rulers",
                                   "minister", "ministers", "envoy", "delegation", "head"})) {
        relative = 0;
      }
      std::uint32_t antecedent_end = 0;
      for (auto m = s.issues.rbegin(); m != s.issues.rend(); ++m) {
        bool of_relative = relative > 0 && (m->end == relative || (m->end + 1 == relative &&
                                                                    IsWord(s, m->end, {","})));
        bool before = m->end == holder_begin ||
                      (m->end + 1 == holder_begin && IsWord(s, m->end, {"that", "which"})) ||
                      of_relative || (antecedent_end > 0 && m->end == antecedent_end);
        if (!before) continue;
        antecedent_end = m->begin;
        // (A country's name the clause is about is a topic there: "Kosovo, whose
        // independence ...".)
        if (!m->weak || of_relative) hits.push_back({m->refs[0], 0.75});
      }
    }
    // "refused to accept limits on the program": the object is the issue's opposite.
    for (const IssueHit& hit : hits) {
      if (hit.from_gerund) continue;  // "prevent campaign politics from impinging on ..."
      // An inverter inside the issue's own words ("an end to the war in Ukraine") is part of
      // what the issue names, not a turn of the stance; inside another issue's words
      // ("reduce nuclear weapons and fight terrorism") it is that issue's.
      bool inverted = false;
      for (const Mention* inv : s.CuesOf(CueKind::kInverter)) {
        bool before_issue = hit.begin == 0 || inv->end <= hit.begin;
        bool in_an_issue = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
          return m.begin <= inv->begin && inv->end <= m.end;
        });
        if (in_an_issue) continue;
        // "fighting for its independence": for what it names, not against.
        if (IsWord(s, inv->end, {"for"})) continue;
        // (Counted as the object's distance is: in content words, so an object in reach
        // never has its inverter out of it.)
        if (inv->begin >= cue.end && ContentWords(s, cue.end, inv->begin) <= kStanceGap &&
            before_issue) {
          inverted = true;
        }
      }
      // "agreed to step up cooperation in addressing climate change": addressing what an
      // issue's words name as a problem is fighting it (addressing any other topic is no
      // turn: "pledged to address human rights").
      if (hit.inverse && hit.begin > cue.end && ContentWords(s, cue.end, hit.begin) <= kStanceGap &&
          HasWordIn(s, cue.end, hit.begin, {"address", "addresses", "addressed", "addressing"})) {
        inverted = true;
      }
      // "oppose US plans for X", "a demand for opposition to X": the cue's object is a
      // nearer stance on X, and an opposition between them turns the polarity.
      if (hit.begin > 0 &&
          OpposeCuesBetween(s, cue.end, hit.begin, ConcernSupports(hit.issue)) % 2 == 1) {
        inverted = !inverted;
      }
      // "called for the shield to be scrapped", "demanded that sanctions be lifted": the
      // object's fate after it turns the stance.
      if (hit.begin > 0) {
        std::uint32_t after = hit.begin;
        for (const Mention& m : s.issues) {
          if (m.begin == hit.begin) after = m.end;
        }
        if (IsWord(s, after, {"to", "should", "must"})) ++after;
        if (IsWord(s, after, {"be"}) &&
            IsWord(s, after + 1,
                   {"scrapped", "abandoned", "dropped", "lifted", "ended", "removed",
                    "withdrawn", "halted", "stopped", "cancelled", "canceled", "suspended",
                    "frozen", "dismantled", "repealed", "eased", "reduced", "cut"})) {
          inverted = !inverted;
        }
      }
      // "raised concerns about human rights": a worry about a right is a stand for it.
      if (concern && ConcernSupports(hit.issue)) inverted = !inverted;
      // "concerned about the situation in Idlib": a worry about how things stand there is
      // no stance on the issue.
      // Nor is a worry about what someone does in a place ("concern about China's
      // assertiveness in the Indo-Pacific") a stance on the issue the place names.
      if (concern && hit.begin > cue.end &&
          HasWordIn(s, cue.end, hit.begin,
                    {"situation", "developments", "events", "state", "fate", "plight",
                     "escalation", "tensions", "in", "across", "around"})) {
        continue;
      }
      for (const Holder& h : holders) {
        AddStance(h, hit.issue, (supports != inverted) != hit.inverse,
                  conf * holder_conf * hit.confidence, s, !implied);
      }
    }
  }

  // The "which" or "whose" opening the relative clause a cue stands in ("X, which both
  // countries oppose, and ...", "Kosovo, whose independence the United States supports and
  // Russia opposes"): within eight words before the cue and no clause break between; 0 when
  // there is none.
  static std::uint32_t RelativePronounBefore(const Sentence& s, std::uint32_t cue_begin) {
    for (std::uint32_t t = cue_begin; t > 0 && t + 9 > cue_begin; --t) {
      if (IsWord(s, t - 1, {"which", "whose"})) return t - 1;
      if (IsBoundary(s, t - 1)) break;
    }
    return 0;
  }

  // "a Palestinian state should be established," he said; "the settlements must go": what a
  // speaker says must or should become of an issue is his stance on it.
  void ModalVerdicts(std::uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    const std::vector<const Mention*> speech = s.CuesOf(CueKind::kSpeech);
    if (speech.empty()) return;
    static const std::set<std::string> kKeep = {
        "established", "created", "recognised", "recognized", "respected", "implemented",
        "upheld", "preserved", "maintained", "restored", "protected", "guaranteed", "kept",
        "extended", "strengthened", "expanded", "resumed", "renewed", "honoured", "honored",
        "fulfilled", "completed", "ratified", "granted", "accepted", "supported"};
    static const std::set<std::string> kEnd = {
        "lifted", "ended", "halted", "stopped", "removed", "scrapped", "abandoned", "dropped",
        "withdrawn", "dismantled", "banned", "rejected", "curbed", "frozen", "suspended",
        "cancelled", "canceled", "revoked", "reversed", "blocked", "prevented", "condemned"};
    for (const Mention& m : s.issues) {
      if (m.weak || m.end >= present_end_ || m.begin < past_opening_end_) continue;
      std::uint32_t t = m.end;
      if (!IsWord(s, t, {"must", "should", "ought", "has", "have", "needs", "need"})) continue;
      if (IsWord(s, t, {"ought", "has", "have", "needs", "need"})) {
        if (!IsWord(s, t + 1, {"to"})) continue;
        ++t;
      }
      ++t;
      bool negated = IsWord(s, t, {"not", "never"});
      if (negated) ++t;
      std::optional<bool> keep;
      if (IsWord(s, t, {"be"})) {
        std::uint32_t v = t + 1;
        if (v < s.tokens.size() && s.tokens[v].key.size() > 3 &&
            s.tokens[v].key.ends_with("ly")) {
          ++v;  // "must be fully implemented"
        }
        if (v < s.tokens.size() && kKeep.count(s.tokens[v].key)) keep = true;
        if (v < s.tokens.size() && kEnd.count(s.tokens[v].key)) keep = false;
      } else if (IsWord(s, t, {"go", "end", "stop", "cease"})) {
        keep = false;
      }
      if (!keep) continue;
      bool supports = *keep != negated;
      const Mention* said = speech.front();
      if (IsHedged(s, said->begin) || IsNegated(s, said->begin)) continue;
      double holder_conf = 1.0;
      std::uint32_t holder_begin = said->begin;
      for (const Holder& h : holders_.Find(si, said->begin, &holder_conf, &holder_begin)) {
        AddStance(h, m.refs[0], supports != m.inverse, 0.75 * holder_conf, s, true);
      }
    }
  }

  // "Moscow views the shield as a threat", "Putin called the plan a mistake": a verb of
  // judging, the issue as its object, then a verdict on it (cues `judge` and `verdict`, whose
  // option says good or bad) state the judge's stance.
  // So does what a speaker says the issue is: "Putin said the shield was unacceptable".
  void Verdicts(std::uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    std::vector<const Mention*> judges = s.CuesOf(CueKind::kJudge);
    for (const Mention* speech : s.CuesOf(CueKind::kSpeech)) judges.push_back(speech);
    for (const Mention* judge : judges) {
      const bool said = judge->cue == CueKind::kSpeech;
      if (judge->begin >= present_end_ || IsHedged(s, judge->begin) ||
          IsNegated(s, judge->begin)) {
        continue;
      }
      const Mention* object = nullptr;
      for (const Mention& m : s.issues) {
        if (m.begin >= judge->end && ContentWords(s, judge->end, m.begin) <= 1 && !m.weak) {
          object = &m;
          break;
        }
      }
      if (!object) continue;
      // The verdict right after the object: "as a threat", "a mistake", "to be dangerous".
      const Mention* verdict = nullptr;
      for (const Mention* v : s.CuesOf(CueKind::kVerdict)) {
        bool near = v->begin >= object->end && v->begin <= object->end + 4;
        bool copula = false;
        for (std::uint32_t t = object->end; near && t < v->begin; ++t) {
          bool is = IsWord(s, t, {"is", "was", "are", "were", "would", "remains", "remained"});
          copula = copula || is;
          near = is || IsWord(s, t, {"as", "a", "an", "to", "be", "being", "both", "very",
                                     "highly", "deeply", "extremely", "largely", "potentially",
                                     "fundamentally", "not", "only"});
        }
        // What is said of the issue needs its verb ("said the plan was a mistake").
        near = near && (!said || copula);
        near = near && !IsWord(s, v->begin - 1, {"not"});  // "as not necessary"
        if (near && !IsNegated(s, v->begin)) {
          verdict = v;
          break;
        }
      }
      if (!verdict) continue;
      const Cue& cue = doc_.annotator->cue(verdict->refs[0]);
      bool good = cue.Has("good");
      if (!good && !cue.Has("bad")) continue;
      double holder_conf = 1.0;
      std::uint32_t holder_begin = judge->begin;
      for (const Holder& h : holders_.Find(si, judge->begin, &holder_conf, &holder_begin)) {
        AddStance(h, object->refs[0], good != object->inverse, 0.85 * holder_conf, s, true);
      }
    }
  }

  // Whether a verb of giving up stands before an oppose cue ("dropped its objections to",
  // "lifted their veto on").
  // One modifier of the cue's noun may stand between ("lift export curbs on").
  static bool Abandoned(const Sentence& s, std::uint32_t cue_begin) {
    static const std::set<std::string> kGivingUp = {
        "dropped",  "drop",      "drops",     "dropping",   "lifted",   "lift",
        "lifts",    "lifting",   "withdrew",  "withdraw",   "withdrawn", "withdrawing",
        "abandoned", "abandon",  "abandoning", "ended",     "ending",   "overcame",
        "overcome"};
    auto verb_before = [&](std::uint32_t t) {
      if (t > 0 && IsWord(s, t - 1, {"its", "their", "his", "her", "the"})) --t;
      return t > 0 && kGivingUp.count(s.tokens[t - 1].key) > 0;
    };
    if (verb_before(cue_begin)) return true;
    // With modifiers between ("dropped its long-standing objections"): up to three words,
    // hyphens joining them.
    std::uint32_t t = cue_begin;
    for (int words = 0; t > 1 && words < 3;) {
      std::uint32_t modifier = t - 1;
      if (IsWord(s, modifier, {"-"})) {
        t = modifier;
        continue;
      }
      if (!s.tokens[modifier].word || s.tokens[modifier].Capitalized() ||
          IsWord(s, modifier, {"to", "on", "of", "and", "or", "not", "its", "their", "his",
                               "her", "the"})) {
        return false;
      }
      if (verb_before(modifier)) return true;
      t = modifier;
      ++words;
    }
    return false;
  }

  // "pressuring the Soviet leader on human rights", "Obama raised human rights": pressing an
  // issue that worry about is a stand for (issues.tsv `concern`) is a stand for it.
  void PressedOn(std::uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    for (const Mention* cue : s.CuesOf(CueKind::kDiscuss)) {
      std::string word = LowerAscii(doc_.annotator->cue(cue->refs[0]).phrase);
      static const std::set<std::string> kPressing = {
          "pressed", "pressured", "pressuring", "pressing", "pushed", "pushing",
          "raised",  "raise",     "raises",     "raising"};
      if (!kPressing.count(word)) continue;
      if (IsHedged(s, cue->begin) || IsNegated(s, cue->begin) || cue->begin >= present_end_) {
        continue;
      }
      std::optional<std::uint32_t> issue;
      for (const Mention& m : s.issues) {
        if (m.begin < cue->end || m.begin > cue->end + 8 || m.inverse) continue;
        bool clean = true;
        for (std::uint32_t t = cue->end; t < m.begin; ++t) clean = clean && !IsBoundary(s, t);
        if (clean && ConcernSupports(m.refs[0])) issue = m.refs[0];
        break;  // the first issue after the cue is its object
      }
      if (!issue) continue;
      double holder_conf = 1.0;
      std::uint32_t holder_begin = cue->begin;
      for (const Holder& h : holders_.Find(si, cue->begin, &holder_conf, &holder_begin)) {
        AddStance(h, *issue, true, 0.8 * holder_conf, s, false);
      }
    }
  }

  // Whether a dispute sentence is about the summit's sides (or names nobody).
  bool AboutTheSides(const Sentence& s, std::uint32_t si) const {
    bool any = false;
    for (const Mention& m : s.entities) {
      bool is_issue = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& i) {
        return i.begin < m.end && m.begin < i.end;
      });
      if (is_issue) continue;  // "over Kosovo": the topic, not a party
      any = true;
      if (m.layer == Layer::kLeader) {
        for (const LeaderRef* r : doc_.RefsIn(si)) {
          if (r->begin == m.begin && r->leader >= 0 &&
              std::count(doc_.attendees.begin(), doc_.attendees.end(), r->leader)) {
            return true;
          }
        }
      } else if (doc_.attending_countries.count(static_cast<int>(m.refs[0]))) {
        return true;
      }
    }
    return !any;
  }

  bool Resolved(const Sentence& s, const Mention& cue) const {
    for (const Mention* r : s.CuesOf(CueKind::kResolve)) {
      if (r->end > cue.begin || r->end + 4 < cue.begin || IsNegated(s, r->begin)) continue;
      bool across = false;  // "has ended in optimism but with no agreement on ..."
      for (std::uint32_t t = r->end; t < cue.begin; ++t) across = across || IsBoundary(s, t);
      if (!across) return true;
    }
    return false;
  }

  // Whether the holder of `cue` is an attending leader, or (when `countries`) an attending
  // country.
  bool SaidByAnAttendee(std::uint32_t si, const Mention& cue, bool countries) const {
    double conf = 1.0;
    std::uint32_t begin = cue.begin;
    for (const Holder& h : holders_.Find(si, cue.begin, &conf, &begin)) {
      if (h.leader && std::count(doc_.attendees.begin(), doc_.attendees.end(), h.index)) {
        return true;
      }
      // "The Americans balked", "The White House would have none of it": an attending side.
      if (countries && !h.leader && doc_.attending_countries.count(h.index)) return true;
    }
    return false;
  }

  // "its disputes with Greece", "a row with Japan": a dispute with a country that is no side
  // of the summit is none between the sides.
  bool WithAThirdCountry(const Sentence& s, std::uint32_t after_cue) const {
    if (!IsWord(s, after_cue, {"with"})) return false;
    std::uint32_t t = after_cue + 1;
    if (IsWord(s, t, {"the"})) ++t;
    for (const Mention& m : s.entities) {
      if (m.begin != t || m.layer != Layer::kCountry) continue;
      return !doc_.attending_countries.count(static_cast<int>(m.refs[0]));
    }
    return false;
  }

  // "hailed a reunion after the strains of the Brexit years, and the row over the Aukus
  // pact": a dispute of an earlier time the meeting came after, in the phrase of a sequence
  // word before it that names that time. (Not "After a row over Kosovo, the two leaders
  // discussed trade", a row at the meeting; not "cut short their talks after failing to
  // agree on", nor "meet after three years, disagree on Taiwan".)
  static bool AfterIt(const Sentence& s, std::uint32_t cue_begin) {
    for (std::uint32_t t = cue_begin; t > 0 && t + 12 > cue_begin; --t) {
      if (IsBoundary(s, t - 1) || IsWord(s, t - 1, {"but", "while", "though", "although"}))
        return false;
      if (!IsWord(s, t - 1, {"after", "following", "since"})) continue;
      bool span = IsWord(s, t + 1, {"years", "months", "weeks", "days", "hours", "decades",
                                    "year", "month", "week", "decade"});
      bool gerund = t < s.tokens.size() && s.tokens[t].key.size() > 4 &&
                    s.tokens[t].key.ends_with("ing");
      if (span || gerund) return false;
      for (std::uint32_t k = t; k < cue_begin; ++k) {
        if (AsYear(s.tokens[k].key) || IsWord(s, k, {"years", "era", "decade", "decades", "previous", "former",
                                  "earlier", "past", "last"})) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  void Disputes(std::uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    if (!doc_.summit || !AboutTheSides(s, si)) return;
    for (const Mention* cue : s.CuesOf(CueKind::kDispute)) {
      if (IsHedged(s, cue->begin) || IsNegated(s, cue->begin) || Resolved(s, *cue) ||
          cue->begin >= present_end_ || cue->begin < past_opening_end_) {
        continue;
      }
      // A reactive dispute cue ("Putin denied any tampering", "Mr. Kosygin was unmoved") is
      // about the current topic when it names none, and only when an attending side says it.
      // (A denial counts only from a leader: "Beijing denies arming either side" is a
      // government's standing line, not a stand taken at the meeting.)
      const Cue& entry = doc_.annotator->cue(cue->refs[0]);
      bool reactive = entry.Has("reactive");
      if (reactive && !SaidByAnAttendee(si, *cue, !entry.Has("leader"))) continue;
      if (WithAThirdCountry(s, cue->end)) continue;
      if (AfterIt(s, cue->begin)) continue;
      // "moved past last summer's 73-day standoff": a dispute of another time.
      if (OwnedByAnotherTime(s, cue->begin, 4)) continue;
      std::vector<IssueHit> hits = ObjectIssues(si, *cue, true, reactive);
      if (hits.empty()) {  // "Kosovo divides them": an issue just before, in the clause
        for (const Mention& m : s.issues) {
          if (m.end <= cue->begin && m.end + 6 >= cue->begin && !m.weak &&
              m.begin >= past_opening_end_) {
            hits = {{m.refs[0], 0.7}};
          }
        }
      }
      // "On Cyprus, sharp differences persisted": the sentence's fronted topic.
      const Mention* fronted = FrontedTopic(s);
      if (hits.empty() && fronted && fronted->end <= cue->begin) hits = {{fronted->refs[0], 0.7}};
      // "remained divided over Syria and Ukraine": each item of the list the object opens.
      std::vector<IssueHit> listed;
      for (const IssueHit& h : hits) {
        const Mention* previous = nullptr;
        for (const Mention& m : s.issues) {
          if (m.begin < cue->end) continue;
          if (!previous) {
            if (m.refs[0] == h.issue) previous = &m;
            continue;
          }
          if (m.begin < previous->end) continue;
          if (!OnlyConnectors(s, previous->end, m.begin) || m.begin >= present_end_) break;
          listed.push_back({m.refs[0], h.confidence});
          previous = &m;
        }
      }
      hits.insert(hits.end(), listed.begin(), listed.end());
      for (const IssueHit& h : hits) {
        Note(disputed_, h.issue, s, h.confidence);
        Note(discussed_, h.issue, s, h.confidence);
      }
    }
  }

  // Whether the object of agenda cue `cue` is an anaphor: "raised the issue", "discussed it",
  // "took up the matter".
  static bool RaisesTheTopic(const Sentence& s, const Mention& cue) {
    if (IsWord(s, cue.end, {"it", "this"})) return true;
    for (const Mention* a : s.CuesOf(CueKind::kAnaphor)) {
      if (a->begin == cue.end) return true;
    }
    return IsWord(s, cue.end, {"the"}) && IsWord(s, cue.end + 1, {"matter", "subject", "topic"});
  }

  void Discussions(std::uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    if (!doc_.summit) return;
    const bool about_the_sides = AboutTheSides(s, si);
    // "On Ukraine, Mr Macron said ...": in a sentence about the sides, what it opens with as its
    // topic was taken up.
    if (const Mention* fronted = FrontedTopic(s);
        fronted && fronted->end < present_end_ && about_the_sides) {
      Note(discussed_, fronted->refs[0], s, 0.75);
    }
    // "'Our viewpoint is different,' Putin said of Crimea": what a side speaks of.
    for (const Mention& m : s.issues) {
      if (about_the_sides && m.begin >= 2 && m.end <= present_end_ &&
          IsWord(s, m.begin - 1, {"of"}) &&
          IsWord(s, m.begin - 2, {"said", "says", "speaking", "spoke", "talking"})) {
        Note(discussed_, m.refs[0], s, 0.7);
      }
    }
    for (const Mention* cue : s.CuesOf(CueKind::kDiscuss)) {
      if (IsHedged(s, cue->begin) || IsNegated(s, cue->begin) || cue->begin >= present_end_) {
        continue;
      }
      // "Trump said he had raised the issue in the meeting": the current topic, when the
      // sentence names no issue of its own.
      if (about_the_sides && s.issues.empty() && RaisesTheTopic(s, *cue)) {
        if (auto topic = TopicBefore(si, cue->begin)) Note(discussed_, *topic, s, 0.6);
      }
      const Mention* previous = nullptr;  // the last issue taken, for lists ("Ukraine and Syria")
      for (const Mention& m : s.issues) {
        // (A country's name before the cue is no topic of it: "the Russia-Iran summit, where
        // they focused on ...".)
        bool adjacent = (m.begin >= cue->end && m.begin <= cue->end + 2) ||
                        (m.begin >= 1 && CueAt(s, CueKind::kTopicPrep, m.begin - 1, false)) ||
                        NamedAsTopic(s, m) ||
                        (previous && m.begin >= previous->end &&
                         OnlyConnectors(s, previous->end, m.begin));
        if ((m.weak && !adjacent) || NamesAPlace(s, m) || InOpenQuestion(s, m) ||
            m.begin < past_opening_end_) {
          continue;
        }
        // "discussed Iran's presence in Syria": a country's name owning the object is not the
        // topic, unless it is where the situation is ("the situation in Syria's Idlib").
        if (m.weak && IsWord(s, m.end, {"'s"}) && !NamedAsTopic(s, m)) continue;
        Note(discussed_, m.refs[0], s, 0.8);
        previous = &m;
      }
    }
    for (const Mention* cue : s.CuesOf(CueKind::kMeet)) {  // "talks on X"
      if (IsHedged(s, cue->begin) || IsNegated(s, cue->begin) || cue->begin >= present_end_) {
        continue;
      }
      for (const Mention& m : s.issues) {
        if (m.begin < cue->end || m.begin > cue->end + 3 || !PrepBetween(s, cue->end, m.begin)) {
          continue;
        }
        // "a summit on Syria with Iran's Rouhani": a country's name counts only as the
        // preposition's own object, and not owning something.
        bool adjacent = m.begin >= 1 && CueAt(s, CueKind::kTopicPrep, m.begin - 1, false);
        if (m.weak && (!adjacent || IsWord(s, m.end, {"'s"}))) continue;
        Note(discussed_, m.refs[0], s, 0.7);
      }
    }
    // What an attending leader said there ("Putin said the flow of tourists will resume"):
    // the issues he named are on the agenda.
    bool hedged = false;  // also "said there was nothing to discuss about ..."
    for (const Mention* v : s.CuesOf(CueKind::kSpeech)) hedged = hedged || IsHedged(s, v->begin);
    for (const Mention* d : s.CuesOf(CueKind::kDiscuss)) hedged = hedged || IsNegated(s, d->begin);
    if (!hedged && s.HasCue(CueKind::kSpeech) && present_end_ == s.tokens.size()) {
      bool by_attendee = false;
      for (const Holder& h : holders_.Speaker(si)) {
        by_attendee = by_attendee || (h.leader && std::count(doc_.attendees.begin(),
                                                             doc_.attendees.end(), h.index));
      }
      for (const Mention& m : s.issues) {
        if (by_attendee && !m.weak && !NamesAPlace(s, m) && !InOpenQuestion(s, m) &&
            m.begin >= past_opening_end_) {
          Note(discussed_, m.refs[0], s, 0.6);
        }
      }
    }
  }

  void Note(std::map<std::uint32_t, Provenance>& where, std::uint32_t issue, const Sentence& s,
            double conf) {
    Provenance& p = where[issue];
    if (conf > p.confidence) p = {std::string(s.text), conf};
  }

  // A disputed issue where one of two sides has a stance: the other side holds the
  // opposite. Opposite stances of two sides: a dispute.
  void InferFromDisputes() {
    if (!doc_.summit) return;
    // (Only between two sides: at a gathering of many, a dispute tells not who stood where.)
    const bool two_sides = doc_.attending_countries.size() == 2;
    std::map<std::pair<int, std::uint32_t>, int> side_polarity;  // +1 supports, -1 opposes
    std::map<std::pair<int, std::uint32_t>, std::string> side_evidence;
    for (const auto& [k, v] : stances_) {
      int p = v.support > v.oppose ? 1 : -1;
      side_polarity[{k.side, k.issue}] = p;
      side_evidence[{k.side, k.issue}] = p > 0 ? v.support_prov.evidence : v.oppose_prov.evidence;
    }
    for (const auto& [issue, prov] : disputed_) {
      if (!two_sides) break;
      for (int side : doc_.attending_countries) {
        auto mine = side_polarity.find({side, issue});
        if (mine == side_polarity.end()) continue;
        // A sentence that gives one side's stance and the dispute but not the other side's
        // stance does not imply it ("failed to accommodate India's demand for X and
        // Pakistan's demand that Y").
        if (side_evidence[{side, issue}] == prov.evidence) continue;
        for (std::uint32_t l : doc_.attendees) {
          int other = doc_.CountryOf(l);
          if (other == side || side_polarity.count({other, issue})) continue;
          Sentence fake;
          fake.text = prov.evidence;
          AddStance({true, static_cast<int>(l)}, issue, mine->second < 0, 0.5, fake);
        }
      }
    }
    for (const auto& [k1, p1] : side_polarity) {
      for (const auto& [k2, p2] : side_polarity) {
        if (k1.second == k2.second && k1.first < k2.first && p1 != p2 &&
            doc_.attending_countries.count(k1.first) && doc_.attending_countries.count(k2.first) &&
            !disputed_.count(k1.second)) {
          disputed_[k1.second] = {"", 0.6};
          for (const auto& [k, v] : stances_) {
            if (k.issue == k1.second && disputed_[k1.second].evidence.empty()) {
              disputed_[k1.second].evidence =
                  v.support > v.oppose ? v.support_prov.evidence : v.oppose_prov.evidence;
            }
          }
          Note(discussed_, k1.second, Sentence{}, 0.0);
          if (discussed_[k1.second].evidence.empty()) discussed_[k1.second] = disputed_[k1.second];
        }
      }
    }
  }

  // One polarity per side and issue: the better supported one. On a tie, what a cue stated
  // outweighs what one implied ("agreed on a nuclear war ..." then "underscored their
  // opposition to the use of nuclear weapons").
  void ResolveConflicts() {
    std::map<std::pair<int, std::uint32_t>, double> net, net_stated;
    for (const auto& [k, v] : stances_) {
      net[{k.side, k.issue}] += v.support - v.oppose;
      net_stated[{k.side, k.issue}] += v.support_stated - v.oppose_stated;
    }
    for (auto& [k, v] : stances_) {
      double n = net[{k.side, k.issue}];
      if (std::abs(n) < 1e-9) n = net_stated[{k.side, k.issue}];
      if (std::abs(n) < 1e-9) n = 0;
      if (n > 0) v.oppose = 0;
      if (n < 0) v.support = 0;
      if (n == 0) v.support = v.oppose = 0;  // undecided: say nothing
    }
  }

  void Emit();

  Doc& doc_;
  ArticleFacts& facts_;
  HolderFinder holders_;
  std::uint32_t present_end_ = 0;  // cues of the current sentence must begin before it
  // Cues and issues of the current sentence before it are in an opening clause about an
  // earlier time (PastOpeningEnd).
  std::uint32_t past_opening_end_ = 0;
  std::vector<Topic> topics_;
  std::map<StanceKey, StanceVal> stances_;
  std::map<std::uint32_t, Provenance> discussed_, disputed_;
};

void RelationExtractor::Emit() {
  const Lexicon& lex = doc_.lexicon();
  // An open topic (not in the taxonomy) is less sure to be an issue at all.
  auto OpenFactor = [&](std::uint32_t issue) { return lex.issues()[issue].open ? 0.85 : 1.0; };
  std::string summit = doc_.summit ? doc_.summit->name : "";
  for (const auto& [k, v] : stances_) {  // a stance stated at the summit puts it on the agenda
    const Provenance& p = v.support > 0 ? v.support_prov : v.oppose_prov;
    if (v.support > 0 || v.oppose > 0) discussed_.emplace(k.issue, p);
  }
  for (const auto& [k, v] : stances_) {
    if (lex.issues()[k.issue].topic) continue;  // on the agenda (above), but no sides to take
    for (bool supports : {true, false}) {
      double score = supports ? v.support : v.oppose;
      if (score <= 0) continue;
      const Provenance& p = supports ? v.support_prov : v.oppose_prov;
      StanceFact f;
      f.holder_is_leader = k.leader;
      f.holder = k.leader ? lex.leaders()[k.holder].name : lex.countries()[k.holder].name;
      f.polarity = supports ? Polarity::kSupports : Polarity::kOpposes;
      f.issue = IssueName(doc_, k.issue);
      f.summit = summit;
      f.provenance = {p.evidence, std::min(0.95, p.confidence) * OpenFactor(k.issue)};
      facts_.stances.push_back(std::move(f));
    }
  }
  if (!doc_.summit) return;
  for (const auto& [issue, p] : discussed_) {
    facts_.discussed.push_back(
        {IssueName(doc_, issue),
         {p.evidence, std::min(0.95, std::max(p.confidence, 0.5)) * OpenFactor(issue)}});
  }
  for (const auto& [issue, p] : disputed_) {
    facts_.disputed.push_back(
        {IssueName(doc_, issue), {p.evidence, std::min(0.95, p.confidence) * OpenFactor(issue)}});
  }
}

}  // namespace

void ExtractRelations(Doc& doc, ArticleFacts& facts) { RelationExtractor(doc, facts).Run(); }

std::string IssueName(const Doc& doc, std::uint32_t issue) {
  const Lexicon& lex = doc.lexicon();
  const IssueEntry& entry = lex.issues()[issue];
  if (entry.sides.size() != 1 || entry.sides[0] != "*" || doc.attending_countries.size() != 2) {
    return entry.name;
  }
  // The two sides in order of attendance.
  std::vector<int> pair;
  for (std::uint32_t l : doc.attendees) {
    int c = doc.CountryOf(l);
    if (c >= 0 && doc.attending_countries.count(c) &&
        std::find(pair.begin(), pair.end(), c) == pair.end()) {
      pair.push_back(c);
    }
  }
  if (pair.size() != 2) return entry.name;
  const std::string& a = lex.countries()[pair[0]].name;
  const std::string& b = lex.countries()[pair[1]].name;
  for (const IssueEntry& e : lex.issues()) {
    if (e.sides.size() == 2 && ((e.sides[0] == a && e.sides[1] == b) ||
                                (e.sides[0] == b && e.sides[1] == a))) {
      return e.name;
    }
  }
  auto short_name = [&](int c) {
    const CountryEntry& country = lex.countries()[c];
    for (const std::string& alias : country.aliases) {
      if (alias.size() == 2 && std::isupper(static_cast<unsigned char>(alias[0])) &&
          std::isupper(static_cast<unsigned char>(alias[1]))) {
        return alias;
      }
    }
    return country.name;
  };
  return short_name(pair[0]) + "-" + short_name(pair[1]) + " relations";
}

}  // namespace parley::ingest
