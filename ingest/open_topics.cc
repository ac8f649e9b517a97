#include "ingest/open_topics.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_set>

#include "ingest/clause.h"

namespace parley::ingest {
namespace {

bool In(const std::unordered_set<std::string>& set, const std::string& w) {
  return set.count(w) > 0;
}

// Words that end or cannot start a topic phrase: pronouns, determiners, prepositions,
// conjunctions, auxiliaries and other function words.
const std::unordered_set<std::string>& FunctionWords() {
  static const std::unordered_set<std::string> words = {
      "a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "them",
      "their", "theirs", "he", "him", "his", "she", "her", "hers", "we", "us", "our", "you",
      "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "whether", "how",
      "why", "when", "where", "while", "if", "as", "than", "then", "there", "here", "and",
      "or", "but", "nor", "so", "yet", "of", "on", "in", "at", "by", "for", "with", "about",
      "over", "into", "onto", "from", "to", "up", "down", "out", "off", "against", "between",
      "among", "amid", "during", "after", "before", "since", "until", "through", "across",
      "under", "within", "without", "toward", "towards", "regarding", "concerning", "including",
      "along", "alongside", "around", "near", "beyond", "behind", "beneath", "below", "above",
      "upon", "via", "per", "despite", "throughout", "past", "like", "unlike", "versus",
      "amongst", "besides", "except", "inside", "outside", "following", "ahead",
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
      "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
      "must", "not", "no", "n't", "'s", "also", "too", "very", "more", "most", "less", "least",
      "much", "each", "every", "either", "neither", "both", "all", "any", "some", "such",
      "own", "same", "other", "another", "one", "two", "three", "first", "second", "last",
      "next", "new", "said", "says", "say", "told", "tell", "just", "only", "even", "still",
      "again", "further", "well", "now", "later", "today", "yesterday", "tomorrow", "ago",
      "because", "though", "although", "unless", "whatever", "everything", "nothing",
      "anything", "something", "everyone", "someone", "anyone", "himself", "herself",
      "themselves", "itself", "ourselves", "several", "many", "few", "various", "certain",
      "rather", "instead", "else", "alone", "already", "soon", "once"};
  return words;
}

// Determiners and possessive pronouns dropped before a topic phrase.
const std::unordered_set<std::string>& Determiners() {
  static const std::unordered_set<std::string> words = {
      "the", "a", "an", "their", "its", "his", "her", "our", "this", "these", "those", "any",
      "some"};
  return words;
}

// Modifiers that say nothing about the topic and are dropped before it.
const std::unordered_set<std::string>& EmptyModifiers() {
  static const std::unordered_set<std::string> words = {
      "key", "important", "major", "main", "pressing", "current", "recent", "possible",
      "wide", "broad", "whole", "entire", "different", "various", "other", "many", "several",
      "certain", "such", "further", "specific", "particular", "crucial", "critical",
      "sensitive", "thorny", "contentious", "difficult", "urgent", "vital", "general",
      "overall", "outstanding", "remaining", "long-standing", "longstanding", "ongoing",
      "latest", "continued", "repeated", "growing", "regular", "closer", "deeper", "greater",
      "stronger", "enhanced", "expanded", "increased", "renewed", "rising", "increasing",
      "mounting", "worsening", "escalating", "deepening", "lingering", "existing", "pending",
      "new",
      // Degree and pace: "a rapid and sizeable expansion" is about expansion.
      "rapid", "swift", "speedy", "quick", "gradual", "immediate", "early", "sizeable",
      "sizable", "significant", "substantial", "considerable", "modest", "limited", "full",
      "complete", "comprehensive", "meaningful", "concrete", "genuine", "real", "lasting"};
  return words;
}

// Head nouns too general to name a topic on their own (singular forms).
const std::unordered_set<std::string>& GenericHeads() {
  static const std::unordered_set<std::string> words = {
      "issue", "matter", "relation", "relationship", "cooperation", "talk", "situation",
      "question", "tie", "problem", "topic", "subject", "thing", "way", "need", "lot", "range",
      "number", "variety", "host", "kind", "type", "sort", "part", "area", "field", "sphere",
      "aspect", "detail", "point", "concern", "interest", "development", "prospect", "effort",
      "step", "measure", "meeting", "summit", "visit", "leader", "country", "nation", "side",
      "party", "people", "time", "year", "day", "week", "month", "agenda", "agreement", "deal",
      "accord", "treaty", "pact", "declaration", "convention", "protocol", "charter",
      "communique", "document", "text", "letter",
      "memorandum", "paragraph", "clause", "wording", "language", "passage", "section",
      "phrase", "reference", "paper", "plan", "proposal", "idea", "position", "view", "stance",
      "importance", "possibility", "progress", "result", "outcome", "future", "state", "role",
      "support", "opposition", "statement", "remark", "comment", "word", "counterpart",
      "president", "minister", "government", "administration", "official", "delegation",
      "move", "action", "decision", "effect", "impact", "case", "event", "fact", "need",
      "option", "priority", "goal", "aim", "hope", "desire", "wish", "opportunity", "chance",
      "condition", "term", "basis", "framework", "mechanism", "process", "level", "stage",
      "direction", "approach", "manner", "means", "everything", "nothing", "bilateral",
      "region", "world", "partner", "partnership", "friendship", "dialogue", "exchange",
      "coordination", "collaboration",
      "contact", "consultation", "negotiation", "discussion", "conversation", "call",
      "conference", "sideline", "margin", "agreement", "difference", "disagreement",
      "dispute", "tension", "concern", "worry", "fear", "threat", "challenge", "crisis",
      "conflict", "response", "reaction", "demand", "request", "offer", "invitation",
      "initiative", "project", "program", "programme", "policy", "strategy", "system", "start",
      "beginning", "end", "page", "chapter", "era", "stage", "phase", "round", "spirit",
      "push", "bid", "drive", "pledge", "vow", "commitment", "appeal", "warning", "message",
      "signal", "gesture", "sign", "help", "ground", "rapport", "bloc", "group", "club",
      "alliance", "organisation", "organization", "forum", "hour", "minute",
      "night", "morning", "evening", "afternoon", "decade", "century", "session",
      // Quantities and exchanges of words: "a pair of rocky islets", "fierce debate".
      "pair", "couple", "set", "series", "handful", "cluster", "debate",
      // Plans by their form: what they are for is the topic.
      "timetable", "roadmap", "blueprint"};
  return words;
}

// Nouns that name no topic standing alone, though a modifier can make one ("military aid").
const std::unordered_set<std::string>& GenericAlone() {
  static const std::unordered_set<std::string> words = {
      "aid", "assistance", "backing", "solidarity", "success", "unity", "change", "reform",
      "work", "progress",
      // "monetary union", "a customs union"; not "the union" alone.
      "union"};
  return words;
}

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() > suffix.size() + 1 &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Singular(const std::string& w) {
  if (w.size() < 4) return w;
  if (EndsWith(w, "ies") && w != "series") return w.substr(0, w.size() - 3) + "y";
  if (EndsWith(w, "sses") || EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "xes"))
    return w.substr(0, w.size() - 2);
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is") &&
      w != "news" && w != "arms" && w != "means" && w != "series" && w != "species" &&
      w != "politics" && w != "economics" && w != "affairs" && w != "rights") {
    return w.substr(0, w.size() - 1);
  }
  return w;
}

// The plural of a phrase whose head is a singular noun ("joint economic activity" -> "joint
// economic activities", "withdrawal of troops" -> "withdrawals of troops"); the phrase itself
// when its head does not take "s". The head is the last word, or the one before "of".
std::string Plural(const std::string& phrase) {
  const std::size_t of = phrase.find(" of ");
  const std::string before = of == std::string::npos ? phrase : phrase.substr(0, of);
  const std::string after = of == std::string::npos ? "" : phrase.substr(of);
  std::size_t space = before.rfind(' ');
  std::string head = before.substr(space == std::string::npos ? 0 : space + 1);
  if (head.size() < 3 || Singular(head + "s") != head) return phrase;
  if (EndsWith(head, "y") && std::string_view("aeiou").find(head[head.size() - 2]) ==
                                 std::string_view::npos) {
    return before.substr(0, before.size() - 1) + "ies" + after;
  }
  if (EndsWith(head, "s") || EndsWith(head, "x") || EndsWith(head, "ch") || EndsWith(head, "sh"))
    return before + "es" + after;
  return before + "s" + after;
}

// A word that can head a noun phrase: not an adverb, participle, gerund or a word with an
// adjective's ending.
bool NounLike(const std::string& w) {
  // Nouns ending like adjectives: "revival", "withdrawal", "proposal", "deal", "coal", "trial".
  static const std::unordered_set<std::string> kNounsInAl = {
      "trial",    "denial",   "rival",    "arsenal",  "signal",   "tribunal", "terminal",
      "hospital", "canal",    "journal",  "ritual",   "capital",  "festival", "metal",
      "medal",    "total",    "interval", "referral", "betrayal", "portrayal", "rental",
      "recital",  "crystal",  "material", "official", "criminal", "animal",   "principal"};
  if (w.ends_with("al") &&
      (w.ends_with("eal") || w.ends_with("oal") || w.ends_with("val") || w.ends_with("wal") ||
       (w.ends_with("sal") && w != "universal" && w != "colossal") || In(kNounsInAl, w))) {
    return true;
  }
  for (std::string_view s : {"ly", "ed", "ing", "al", "ive", "ous", "ic", "ful", "less",
                             "able", "ible", "ary", "ese", "ian", "ish", "ern"}) {
    if (EndsWith(w, s)) return false;
  }
  return true;
}

// An adjective by its ending ("economic", "monetary", "political", "nuclear"): a word that is
// not NounLike and no participle.
bool AdjectiveLike(const std::string& w) {
  if (NounLike(w) || EndsWith(w, "ed") || EndsWith(w, "ing") || EndsWith(w, "ly")) return false;
  return true;
}

// Words ending in "ing" that are nouns, and as the first word of a phrase name an industry or
// an activity ("fishing quotas", "the mining law", "shipping lanes") rather than act as a verb
// on what follows ("improving trade").
bool NounEndingInIng(const std::string& w) {
  static const std::unordered_set<std::string> nouns = {
      "meeting", "building", "spring", "evening", "morning", "wording", "funding", "bombing",
      "shelling", "uprising", "briefing", "ceiling", "offering", "spending", "warning",
      "understanding", "setting", "ruling", "hearing", "landing", "opening", "dumping",
      "fishing", "mining", "shipping", "banking", "housing", "farming", "logging", "whaling",
      "drilling", "manufacturing", "peacekeeping", "trafficking", "smuggling", "poaching",
      "pricing", "policing", "refining", "recycling", "doping", "nursing", "gambling",
      "licensing", "lending", "clothing", "hunting", "boarding", "rationing"};
  return nouns.count(w) > 0;
}

// Whether token `t` is a gerund ("reforming", "curbing"): a lower-case word of six letters or
// more ending in "ing" that is no noun of that ending ("meeting", "building").
bool IsGerund(const Sentence& s, std::uint32_t t) {
  if (t >= s.tokens.size() || !s.tokens[t].word || s.tokens[t].Capitalized()) return false;
  const std::string& w = s.tokens[t].key;
  return w.size() > 5 && EndsWith(w, "ing") && !NounEndingInIng(w);
}

bool PlainWord(const Token& t) {
  if (!t.word || t.Capitalized() || t.AllCaps()) return false;
  return std::all_of(t.key.begin(), t.key.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

bool Named(const Sentence& s, std::uint32_t t) {
  return Covers(s.entities, t) || Covers(s.places, t) || Covers(s.issues, t) ||
         Covers(s.cues, t);
}

struct Phrase {
  std::vector<std::string> words;  // lower-case content words ("trade", "imbalances")
  std::string surface;             // lower-case text as written, determiners dropped
  std::uint32_t begin = 0, end = 0;  // its tokens (determiners dropped)
};

// The topic phrase starting at token `t` (after determiners), or nothing.
// With `list_ok`, the phrase may be an item of a list ("discussed trade, water sharing and
// the border"); `end`, when given, receives the token after the phrase.
// With `limit`, the phrase ends there at the latest (a verb known to follow it).
bool ReadPhrase(const Sentence& s, std::uint32_t t, bool allow_of, Phrase& out,
                bool list_ok = false, std::uint32_t* end = nullptr,
                std::uint32_t limit = UINT32_MAX) {
  const auto& toks = s.tokens;
  bool det = false;
  while (t < toks.size() && In(Determiners(), toks[t].key)) {
    ++t;
    det = true;
  }
  // A possessive leader or country: "Russia's", "Putin's".
  for (const Mention& m : s.entities) {
    if (m.begin == t && m.end < toks.size() && toks[m.end].key == "'s") {
      t = m.end + 1;
      det = true;
      break;
    }
  }
  // An organisation's acronym owning the phrase ("NATO's growing military presence") stays in
  // its name ("NATO military presence"); a leader's or a country's is dropped above.
  std::uint32_t owner = UINT32_MAX;
  if (!det && t + 2 < toks.size() && toks[t].AllCaps() && toks[t].key.size() >= 2 &&
      toks[t].key.size() <= 5 && !Named(s, t) && toks[t + 1].key == "'s") {
    owner = t;
    t += 2;
  }
  // ("a rapid and sizeable expansion": coordinated ones too.)
  while (t < toks.size() &&
         (In(EmptyModifiers(), toks[t].key) ||
          ((toks[t].key == "and" || toks[t].key == ",") && t > 0 &&
           In(EmptyModifiers(), toks[t - 1].key) && t + 1 < toks.size() &&
           In(EmptyModifiers(), toks[t + 1].key)))) {
    ++t;
  }
  // A phrase in quotation marks ("resume regular \"shuttle diplomacy\"") is read inside them.
  const bool quoted = t + 1 < toks.size() && toks[t].key == "\"";
  if (quoted) ++t;
  Phrase p;
  std::uint32_t b = t;
  if (owner != UINT32_MAX && !quoted) {
    p.words.push_back(toks[owner].surface);
    b = owner;
  }
  while (t < toks.size() && t < limit && p.words.size() <= 4) {
    const Token& k = toks[t];
    if (k.key == "-" && !p.words.empty() && t + 1 < toks.size() && PlainWord(toks[t + 1]) &&
        toks[t].begin == toks[t - 1].end && toks[t + 1].begin == toks[t].end &&
        !Named(s, t + 1)) {
      p.words.back() += "-" + toks[t + 1].key;
      t += 2;
      continue;
    }
    // An organisation's acronym may open the phrase ("the EU recovery fund", "WTO rules").
    bool acronym = p.words.empty() && k.AllCaps() && k.key.size() >= 2 && k.key.size() <= 5 &&
                   !Named(s, t) && t + 1 < toks.size() && PlainWord(toks[t + 1]);
    if (acronym) {
      p.words.push_back(k.surface);  // the name keeps the acronym's capitals
      ++t;
      continue;
    }
    // So may a nationality ("divided over Palestinian refugees", "Chinese trade restrictions"),
    // kept as written, when a plain word follows.
    if (p.words.empty() && !Covers(s.issues, t) && !Covers(s.cues, t)) {
      auto demonym = std::find_if(s.entities.begin(), s.entities.end(), [&](const Mention& m) {
        return m.begin == t && m.layer == Layer::kDemonym;
      });
      if (demonym != s.entities.end() && demonym->end < toks.size() &&
          PlainWord(toks[demonym->end]) && !In(FunctionWords(), toks[demonym->end].key) &&
          !Named(s, demonym->end)) {
        p.words.push_back(std::string(
            s.text.substr(k.begin, toks[demonym->end - 1].end - k.begin)));
        t = demonym->end;
        continue;
      }
    }
    // "economic and monetary union": adjectives coordinated before one noun are one phrase.
    if (k.key == "and" && !p.words.empty() && AdjectiveLike(p.words.back()) &&
        t + 2 < toks.size() && t + 2 < limit && PlainWord(toks[t + 1]) &&
        AdjectiveLike(toks[t + 1].key) && PlainWord(toks[t + 2]) &&
        !In(FunctionWords(), toks[t + 2].key) && !Named(s, t + 1)) {
      p.words.push_back("and");
      ++t;
      continue;
    }
    // (A sentence's first word is capitalised as such: "Prisoners were another sore point".)
    bool plain = PlainWord(k) || (t == 0 && k.word && !k.AllCaps() &&
                                  std::all_of(k.key.begin(), k.key.end(), [](char c) {
                                    return (c >= 'a' && c <= 'z') || c == '-';
                                  }));
    if (!plain || In(FunctionWords(), k.key)) break;
    if (Named(s, t)) return false;  // runs into a name, place, issue or cue
    p.words.push_back(k.key);
    ++t;
  }
  if (p.words.empty() || p.words.size() > 4) return false;
  std::uint32_t words_end = t;
  if (quoted) {
    if (t >= toks.size() || toks[t].key != "\"") return false;  // more than the phrase quoted
    ++t;
  }
  // Interrupted by a name ("trade Pact", "energy Gazprom"): not a phrase of its own.
  if (t < toks.size() && t < limit && toks[t].word && !In(FunctionWords(), toks[t].key))
    return false;
  // "the Syrian army's efforts": the topic is what the phrase owns, beyond a plain phrase.
  if (t < toks.size() && toks[t].key == "'s") return false;
  const std::string head = Singular(p.words.back());
  // "a treaty of friendship and cooperation": an agreement named by what it is of is a topic
  // whole, of up to five plain words ending in a noun.
  static const std::unordered_set<std::string> kAgreements = {
      "treaty", "pact", "accord", "agreement", "convention", "charter", "declaration", "protocol",
      "deal"};
  bool agreement_of = false;
  if (!quoted && p.words.size() == 1 && In(kAgreements, head) && t + 1 < toks.size() &&
      toks[t].key == "of") {
    std::uint32_t c = t + 1;
    std::vector<std::string> of_words;
    while (c < toks.size() && of_words.size() < 5 && PlainWord(toks[c]) && !Named(s, c) &&
           (toks[c].key == "and" || !In(FunctionWords(), toks[c].key))) {
      of_words.push_back(toks[c].key);
      ++c;
    }
    bool ends = c >= toks.size() || !toks[c].word || In(FunctionWords(), toks[c].key);
    if (!of_words.empty() && of_words.back() != "and" && ends && NounLike(of_words.back()) &&
        (of_words.size() > 1 || !In(GenericHeads(), Singular(of_words.back())))) {
      p.words.push_back("of");
      p.words.insert(p.words.end(), of_words.begin(), of_words.end());
      t = c;
      words_end = c;
      agreement_of = true;
    }
  }
  // "a non-aggression pact", "a peace treaty": an agreement named by what it is about, in
  // plain words that are no general ones ("a joint declaration", "a framework agreement" name
  // nothing).
  static const std::unordered_set<std::string> kAgreementKinds = {
      "joint", "bilateral", "final", "formal", "written", "historic", "landmark", "interim",
      "preliminary", "draft", "secret", "signed", "provisional", "tentative", "verbal",
      "multilateral", "trilateral", "international", "separate", "similar", "last", "first",
      "second", "third",
      // Judgements and sizes: "a bad deal", "a short declaration".
      "bad", "good", "better", "best", "worse", "worst", "fair", "unfair", "poor", "great",
      "big", "small", "short", "long", "brief", "lengthy", "simple", "strong", "weak", "tough",
      "narrow", "vague", "clear", "modest", "ambitious", "sweeping", "wide-ranging", "one-page",
      "flawed", "terrible", "disastrous", "one-sided", "lopsided"};
  const bool named_agreement =
      !quoted && In(kAgreements, head) && p.words.size() >= 2 &&
      std::none_of(p.words.begin(), p.words.end() - 1, [](const std::string& w) {
        return In(GenericHeads(), Singular(w)) || In(kAgreementKinds, w) ||
               In(EmptyModifiers(), w);
      });
  if (!agreement_of && !named_agreement &&
      (In(GenericHeads(), head) || In(GenericHeads(), p.words.back()))) {
    // "a pact on defence technology": the topic is what an agreement is on; "a plan for
    // monetary union": what a plan is for.
    static const std::unordered_set<std::string> kPlans = {
        "plan", "proposal", "programme", "program", "roadmap", "blueprint", "timetable"};
    if (allow_of && t < toks.size() &&
        ((In(kAgreements, head) && toks[t].key == "on") ||
         (In(kPlans, head) && (toks[t].key == "on" || toks[t].key == "for")))) {
      return ReadPhrase(s, t + 1, false, out, list_ok, end);
    }
    // "the issue of fishing quotas": the topic is what the general word is of (not the
    // holder of a position or a view: "the positions of previous cabinets").
    static const std::unordered_set<std::string> kHeldBy = {
        "position", "view", "stance", "policy", "government", "administration", "official",
        "delegation", "leader", "president", "minister", "people", "side", "party",
        "country", "nation", "counterpart", "partner", "region", "world"};
    if (allow_of && t < toks.size() && toks[t].key == "of" && !In(kHeldBy, head)) {
      return ReadPhrase(s, t + 1, false, out, list_ok, end);
    }
    return false;
  }
  // A head with a complement ("use of force", "willingness to talk") names a topic only with
  // it: one of one or two plain words ("the defense of democracy", "freedom of navigation")
  // is read with it; a longer one or another kind is beyond a plain phrase.
  if (!quoted && t + 1 < toks.size() && toks[t].key == "of" && p.words.size() <= 2 &&
      NounLike(p.words.back())) {
    std::uint32_t c = t + 1;
    std::vector<std::string> complement;
    // ("the revival of Japanese militarism": a nationality may open it, kept as written.)
    for (const Mention& m : s.entities) {
      if (m.begin == c && m.layer == Layer::kDemonym && m.end < toks.size() &&
          PlainWord(toks[m.end]) && !In(FunctionWords(), toks[m.end].key) &&
          !Named(s, m.end)) {
        complement.push_back(std::string(
            s.text.substr(toks[m.begin].begin, toks[m.end - 1].end - toks[m.begin].begin)));
        c = m.end;
        break;
      }
    }
    while (c < toks.size() && complement.size() <= 2 && PlainWord(toks[c]) &&
           !In(FunctionWords(), toks[c].key) && !Named(s, c)) {
      complement.push_back(toks[c].key);
      ++c;
    }
    bool ends = c >= toks.size() || !toks[c].word || In(FunctionWords(), toks[c].key);
    if (!complement.empty() && complement.size() <= 2 && ends && NounLike(complement.back())) {
      p.words.push_back("of");
      p.words.insert(p.words.end(), complement.begin(), complement.end());
      t = c;
      words_end = c;
    }
  }
  // "independence for Kosovo", "investment in Nigeria": a topic tied to a named country or
  // place is the known issue of that place, or none. (Not a thing of two words or more that
  // the place only locates: "a joint liaison office in the North's border town", "NATO's
  // military presence in the Asia-Pacific region".)
  static const std::unordered_set<std::string> tie = {"in", "for", "from", "with", "on",
                                                      "over", "against", "between", "among",
                                                      "by", "to", "of"};
  const bool located = p.words.size() >= 2 && t < toks.size() && toks[t].key == "in";
  if (t + 1 < toks.size() && In(tie, toks[t].key) && !located) {
    std::uint32_t n = t + 1;
    while (n < toks.size() && In(Determiners(), toks[n].key)) ++n;
    auto starts = [&](const std::vector<Mention>& ms) {
      return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.begin == n; });
    };
    if (n < toks.size() && (starts(s.entities) || starts(s.places) || toks[n].Capitalized()))
      return false;
  }
  // "promote world peace, stability and prosperity": one item of a list of aims, not a topic
  // of its own.
  // (Not a second infinitive: "to resume shuttle diplomacy and to end the trade row".)
  if (!list_ok && t < toks.size() &&
      (toks[t].key == "," || toks[t].key == "and" || toks[t].key == "or")) {
    std::uint32_t next = t + 1;
    if (next < toks.size() && toks[t].key == "," && toks[next].key == "and") ++next;
    if (next >= toks.size() || toks[next].key != "to") return false;
  }
  // (A complement of one or two plain words was read with its head above.)
  if (t < toks.size() && (toks[t].key == "of" || toks[t].key == "to" || toks[t].key == "that"))
    return false;
  if (!NounLike(p.words.back())) return false;
  // A gerund or participle opening a longer phrase is a verb ("improving trade").
  // (Not a noun of that ending: "fishing quotas".)
  if (p.words.size() > 1 && ((EndsWith(p.words[0], "ing") && !NounEndingInIng(p.words[0])) ||
                             EndsWith(p.words[0], "ed")))
    return false;
  p.surface =
      std::string(s.text.substr(toks[b].begin, toks[words_end - 1].end - toks[b].begin));
  p.begin = b;
  p.end = words_end;
  std::transform(p.surface.begin(), p.surface.end(), p.surface.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  out = std::move(p);
  if (end) *end = t;
  return true;
}

// The phrase of tokens [b, e) as written: its words' keys and its surface.
Phrase SpanPhrase(const Sentence& s, std::uint32_t b, std::uint32_t e) {
  Phrase p;
  for (std::uint32_t k = b; k < e; ++k) p.words.push_back(s.tokens[k].key);
  const std::size_t from = s.tokens[b].begin;
  p.surface = std::string(s.text.substr(from, s.tokens[e - 1].end - from));
  p.begin = b;
  p.end = e;
  return p;
}

// Heads that make a capitalised name the name of an agreement, law, forum or project ("the
// Normandy format", "the African Growth and Opportunity Act", "the Treaty of Lausanne").
bool IsNamedThingHead(const std::string& key) {
  static const std::unordered_set<std::string> heads = {
      "act", "agreement", "agreements", "accord", "accords", "treaty", "format", "initiative",
      "partnership", "pact", "declaration", "protocol", "convention", "process", "corridor",
      "pipeline", "project", "bill", "law", "deal", "framework", "plan", "programme",
      "program", "charter", "compact", "doctrine", "memorandum", "dialogue", "mission",
      "area", "strategy", "zone", "round", "fund", "mechanism", "roadmap", "line",
      "community", "conference", "organisation", "organization", "bank", "commonwealth",
      "union", "federation", "alliance"};
  return In(heads, key);
}

// A named agreement, law, forum or project starting at token `t` (after determiners and an
// amount): up to eight capitalised words or numbers that name no cue, with "of", "and", "for",
// "on", "in" or hyphens inside, ending in a named thing's head ("Normandy format") or with a
// head and "of" after it ("Treaty of Lausanne", "the China-Japan Treaty of Peace and
// Friendship"). A country, a place or a known issue's words may stand inside, not the name
// alone. Named as written. `end` receives the token after it.
bool ReadNamedThing(const Sentence& s, std::uint32_t t, Phrase& out, std::uint32_t* end) {
  const auto& toks = s.tokens;
  while (t < toks.size() && In(Determiners(), toks[t].key)) ++t;
  // An amount before the name ("the $8.5-billion Just Energy Transition Partnership").
  if (t < toks.size() && (toks[t].key == "$" || toks[t].key == "€" || toks[t].key == "£")) {
    std::uint32_t a = t + 1;
    while (a < toks.size() &&
           (toks[a].key == "-" || toks[a].key == "." ||
            std::all_of(toks[a].key.begin(), toks[a].key.end(),
                        [](char c) { return c >= '0' && c <= '9'; }) ||
            toks[a].key == "billion" || toks[a].key == "million" || toks[a].key == "trillion" ||
            toks[a].key == "bn")) {
      ++a;
    }
    if (a > t + 1) t = a;
  }
  if (t >= toks.size() || !toks[t].word || !toks[t].Capitalized()) return false;
  std::uint32_t e = t;
  std::uint32_t last_word = t;
  bool plain_capital = false;  // a capitalised word that names no country or place
  std::uint32_t issue_end = 0;  // where the last known issue inside the name ends
  bool opens_with_issue = false;
  // ("the Treaty of Friendship on Sunday": a day or a month ends the name.)
  static const std::unordered_set<std::string> kCalendar = {
      "monday",  "tuesday",  "wednesday", "thursday", "friday",    "saturday",
      "sunday",  "january",  "february",  "march",    "april",     "june",
      "july",    "august",   "september", "october",  "november",  "december"};
  while (e < toks.size() && e < t + 8) {
    const Token& k = toks[e];
    if (e > t && In(kCalendar, k.key)) break;
    bool capital = k.word && (k.Capitalized() || k.AllCaps() ||
                              std::all_of(k.key.begin(), k.key.end(),
                                          [](char c) { return c >= '0' && c <= '9'; }));
    bool joiner = e > t && (k.key == "of" || k.key == "and" || k.key == "for" ||
                            k.key == "on" || k.key == "in" || k.key == "-" ||
                            (k.key == "the" && toks[e - 1].key == "of"));
    // "the Normandy format": a lower-case head may end the name.
    bool lower_head = e > t && k.word && !k.Capitalized() && IsNamedThingHead(k.key);
    if (!capital && !joiner && !lower_head) break;
    // (An anaphor cue such as "the Treaty" is no name of its own here; nor is a cue's word
    // written with a capital inside a sentence: "the Countering Malign ... Act".)
    bool cue = std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
      return c.begin <= e && e < c.end && c.cue != CueKind::kAnaphor;
    });
    if (cue && e > 0 && k.Capitalized() && !k.AllCaps()) cue = false;
    // A country, nationality or place may be part of the name ("the Countering Malign Russian
    // Activities in Africa Act", "the Camp David Accords"); a known issue or a cue may not.
    if (capital && cue) return false;
    // A known issue's words inside a longer name are the name's ("the Just Energy Transition
    // Partnership").
    if (capital && Covers(s.issues, e)) {
      if (e == t) opens_with_issue = true;
      for (const Mention& m : s.issues) {
        if (m.begin <= e && e < m.end) issue_end = std::max(issue_end, m.end);
      }
    }
    if (capital && !Covers(s.entities, e) && !Covers(s.places, e)) plain_capital = true;
    ++e;
    if (capital || lower_head) last_word = e;
    if (lower_head) break;
  }
  e = last_word;
  if (issue_end > 0 && e <= issue_end) return false;  // the name ends with the issue's words
  if (e <= t + 1 && !IsNamedThingHead(toks[t].key)) return false;
  // The head ends the name, or opens it with "of" after it.
  bool head_last = IsNamedThingHead(toks[e - 1].key);
  // ("the China-Japan Treaty of Peace and Friendship": or inside it, with "of" after it.)
  bool head_first = false;
  for (std::uint32_t k = t; k + 2 < e && !head_first; ++k) {
    head_first = IsNamedThingHead(toks[k].key) && toks[k].Capitalized() && toks[k + 1].key == "of";
  }
  if (!head_last && !head_first) return false;
  // Opening it, a known issue's words are the issue's ("Nuclear Deal"), unless a head and "of"
  // follow them ("the Free Trade Area of the Americas").
  if (opens_with_issue && !head_first) return false;
  if (e - t < 2) return false;  // "the Treaty", "the Act": which one, the text does not say
  if (!plain_capital) return false;  // "the Russia-Ukraine deal": the countries' deal, no name
  // Not the start of a longer name or a possessive ("the Paris Agreement's goals").
  if (e < toks.size() && (toks[e].key == "'s" || (toks[e].word && toks[e].Capitalized())))
    return false;
  out = SpanPhrase(s, t, e);
  if (end) *end = e;
  return true;
}

// Sentences naming `word` (or its singular/plural).
int Occurrences(const std::vector<Sentence>& sentences, const std::string& word) {
  const std::string one = Singular(word);
  int n = 0;
  for (const Sentence& s : sentences) {
    n += std::any_of(s.tokens.begin(), s.tokens.end(), [&](const Token& t) {
      return t.key == word || t.key == one || Singular(t.key) == one;
    });
  }
  return n;
}

}  // namespace

std::string NormalizeTopic(const std::vector<std::string>& words) {
  // The head: the last word, or the one before "of" ("withdrawals of troops").
  std::size_t head = words.empty() ? 0 : words.size() - 1;
  auto of = std::find(words.begin(), words.end(), "of");
  if (of != words.end() && of != words.begin()) head = static_cast<std::size_t>(of - words.begin()) - 1;
  std::string name;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!name.empty()) name += ' ';
    name += i == head ? Singular(words[i]) : words[i];
  }
  return name;
}

namespace {

// Adds `trigger` to the topic named `name` in `topics`, adding the topic first if need be;
// each trigger once.
void AddTrigger(const std::string& name, const std::string& trigger,
                std::vector<OpenTopic>& topics) {
  auto it = std::find_if(topics.begin(), topics.end(),
                         [&](const OpenTopic& o) { return o.name == name; });
  if (it == topics.end()) {
    topics.push_back({name, {trigger}});
  } else if (std::find(it->triggers.begin(), it->triggers.end(), trigger) ==
             it->triggers.end()) {
    it->triggers.push_back(trigger);
  }
}

// Adds `p`, found in sentence `si`, to `topics` (or its surface form to the topic of its
// name); a known issue's name goes to `named` instead. Null `topics`: known names only.
void AddTopic(const Lexicon& lexicon, std::uint32_t si, const Phrase& p,
              const std::vector<Sentence>& sentences, std::vector<OpenTopic>* topics,
              std::vector<NamedIssue>* named) {
  std::string name = NormalizeTopic(p.words);
  if (In(FunctionWords(), name)) return;  // "thes" folded to "the": no noun at all
  // "discussed energy and trade": the known issues of those names, there.
  if (std::optional<std::uint32_t> index = lexicon.FindIssueIndex(name)) {
    const IssueEntry* known = &lexicon.issues()[*index];
    if (named && !known->open) {
      named->push_back({si, p.begin, p.end, *index});
    }
    return;
  }
  if (!topics) return;
  // A single common noun is a topic only when the article comes back to it.
  if (p.words.size() == 1 &&
      (In(GenericAlone(), Singular(p.words[0])) || Occurrences(sentences, p.words[0]) < 2)) {
    return;
  }
  // The name and its plural too: "joint economic activity" in a headline, "activities" in the
  // text.
  AddTrigger(name, name, *topics);
  AddTrigger(name, Plural(name), *topics);
  AddTrigger(name, p.surface, *topics);
}

// Adds the named thing `p` (its surface as written), found in sentence `si`, to `topics`; a
// known issue's name goes to `named` instead.
void AddNamedThing(const Lexicon& lexicon, std::uint32_t si, const Phrase& p,
                   std::vector<OpenTopic>& topics, std::vector<NamedIssue>* named) {
  if (std::optional<std::uint32_t> index = lexicon.FindIssueIndex(p.surface)) {
    const IssueEntry* known = &lexicon.issues()[*index];
    if (named && !known->open) {
      named->push_back({si, p.begin, p.end, *index});
    }
    return;
  }
  std::string trigger = LowerAscii(p.surface);
  auto it = std::find_if(topics.begin(), topics.end(), [&](const OpenTopic& o) {
    return LowerAscii(o.name) == trigger;
  });
  if (it != topics.end()) return;
  topics.push_back({p.surface, {trigger}});
  // "a Free Trade Area of the Americas", then "the FTAA": the initials of its capitalised
  // words name it too (three or more, so that no common word is taken for them).
  std::string initials;
  bool word_start = true;
  for (char c : p.surface) {
    if (word_start && std::isupper(static_cast<unsigned char>(c))) initials += c;
    word_start = c == ' ' || c == '-';
  }
  if (initials.size() >= 3) topics.back().triggers.push_back(LowerAscii(initials));
}

// Verbs of an agenda cue whose direct object is a topic ("discussed Laos"); other agenda cues
// ("signed", "agreement on") take a topic only after a preposition.
bool IsAgendaVerb(const std::string& w) {
  static const std::unordered_set<std::string> verbs = {
      "discuss", "discussed", "discusses", "discussing", "raise",     "raised",
      "raises",  "raising",   "address",   "addressed", "addresses", "addressing",
      "cover",   "covered",   "covers",    "covering"};
  return In(verbs, w);
}

// The country or capital named at token `t` as a topic, by its canonical name ("over Berlin",
// "discussed Laos"); `end` receives the token after it. Only a whole name standing alone: not
// "Berlin's status", not "Laos-based", not a longer name, not a city beyond the capitals (no
// country word, so a trigger of it would count anywhere).
std::optional<std::string> PlaceTopicAt(const Annotator& annotator, const Sentence& s,
                                        std::uint32_t t, std::uint32_t* end) {
  const Lexicon& lex = annotator.lexicon();
  std::optional<std::string> name;
  std::uint32_t e = 0;
  for (const Mention& m : s.entities) {
    if (m.begin == t && m.layer == Layer::kCountry) {
      name = lex.countries()[m.refs[0]].name;
      e = m.end;
    }
  }
  for (const Mention& m : s.places) {
    if (m.begin == t && m.refs[0] >= lex.places().size()) {
      name = lex.countries()[m.refs[0] - lex.places().size()].capital;
      e = m.end;
    }
  }
  if (!name || !s.tokens[t].Capitalized()) return std::nullopt;
  for (const Mention& m : s.issues) {
    if (m.begin <= t && t < m.end) return std::nullopt;  // a known issue's name
  }
  std::string surface(s.text.substr(s.tokens[t].begin, s.tokens[e - 1].end - s.tokens[t].begin));
  if (!annotator.IsCountryWord(LowerAscii(surface))) return std::nullopt;
  if (e < s.tokens.size() && s.tokens[e].word &&
      (s.tokens[e].key == "'s" || !In(FunctionWords(), s.tokens[e].key))) {
    return std::nullopt;
  }
  if (e < s.tokens.size() && s.tokens[e].key == "-") return std::nullopt;
  *end = e;
  return name;
}

void AddPlaceTopic(const std::string& name, std::vector<OpenTopic>& topics) {
  AddTrigger(name, LowerAscii(name), topics);
}

// Places named as topics of agenda or dispute cue `c`, whose object starts at token `t` (past
// the preposition, if any); after an agenda cue, each place of a list that may mix them with
// known issues ("discussed arms control and Laos"). Whether there was any.
bool AddPlaceTopics(const Annotator& annotator, const Sentence& s, const Mention& c,
                    std::uint32_t t, std::vector<OpenTopic>& topics) {
  static const std::unordered_set<std::string> topical = {"on", "over", "about", "regarding",
                                                          "concerning"};
  const std::string& last = s.tokens[c.end - 1].key;
  bool after_prep = In(topical, last) || (t > c.end && In(topical, s.tokens[c.end].key));
  bool direct = t == c.end && c.cue == CueKind::kDiscuss && IsAgendaVerb(last);
  if (!after_prep && !direct) return false;
  bool any = false;
  while (t < s.tokens.size()) {
    std::uint32_t end = t;
    for (const Mention& m : s.issues) {
      if (m.begin == t) end = std::max(end, m.end);
    }
    if (end == t) {
      std::optional<std::string> name = PlaceTopicAt(annotator, s, t, &end);
      if (!name) break;
      AddPlaceTopic(*name, topics);
      any = true;
    }
    if (c.cue != CueKind::kDiscuss || end + 1 >= s.tokens.size() ||
        (s.tokens[end].key != "," && s.tokens[end].key != "and")) {
      break;
    }
    t = end + 1;
    if (s.tokens[t].key == "and") ++t;
  }
  return any;
}

// "the war in Sudan", "the conflict in eastern Congo": a conflict in a country or place the
// taxonomy has no issue for, after an agenda, stance or dispute cue of its sentence; named as
// written from its head. `end` receives the token after it.
bool ReadConflictIn(const Sentence& s, std::uint32_t t, Phrase& out, std::uint32_t* end) {
  static const std::unordered_set<std::string> kHeads = {
      "war", "conflict", "crisis", "fighting", "violence", "insurgency", "unrest",
      "civil war", "bloodshed", "hostilities"};
  static const std::unordered_set<std::string> kDirections = {
      "eastern", "western", "northern", "southern", "north-eastern", "northeastern",
      "north-western", "northwestern", "south-eastern", "southeastern", "south-western",
      "southwestern", "central"};
  const auto& toks = s.tokens;
  if (t + 2 >= toks.size() || !In(kHeads, toks[t].key) || toks[t + 1].key != "in") return false;
  std::uint32_t p = t + 2;
  if (p < toks.size() && toks[p].key == "the") ++p;
  if (p < toks.size() && In(kDirections, toks[p].key)) ++p;
  std::uint32_t e = 0;
  for (const Mention& m : s.entities) {
    if (m.begin == p && m.layer == Layer::kCountry) e = m.end;
  }
  for (const Mention& m : s.places) {
    if (m.begin == p) e = std::max(e, m.end);
  }
  if (e == 0 || Covers(s.issues, p) || Covers(s.issues, t)) return false;
  if (e < toks.size() && (toks[e].key == "'s" || toks[e].key == "-")) return false;
  out = SpanPhrase(s, t, e);
  *end = e;
  return true;
}

// "sanctions on Caracas", "the embargo against Cuba": sanctions on a country, by the
// country's canonical name; the known issue "<country> sanctions" where the taxonomy has one
// (into `named`), else an open topic "sanctions on <country>" (into `topics`).
void AddSanctionsOn(const Lexicon& lexicon, std::uint32_t si, const Sentence& s,
                    std::vector<OpenTopic>& topics, std::vector<NamedIssue>* named) {
  const auto& toks = s.tokens;
  for (std::uint32_t t = 0; t + 2 < toks.size(); ++t) {
    if (!IsWord(s, t, {"sanctions", "embargo", "blockade"}) || Covers(s.issues, t)) continue;
    std::uint32_t p = t + 1;
    if (IsWord(s, p, {"imposed", "placed", "levied"})) ++p;
    if (!IsWord(s, p, {"on", "against"})) continue;
    ++p;
    if (IsWord(s, p, {"the"})) ++p;
    const Mention* country = nullptr;
    for (const Mention& m : s.entities) {
      bool kind = m.layer == Layer::kCountry || m.layer == Layer::kMetonym;
      if (m.begin == p && kind && m.refs.size() == 1) country = &m;
    }
    if (!country || (country->end < toks.size() && IsWord(s, country->end, {"'s", "-"}))) continue;
    const std::string& name = lexicon.countries()[country->refs[0]].name;
    if (std::optional<std::uint32_t> index = lexicon.FindIssueIndex(name + " sanctions")) {
      const IssueEntry* known = &lexicon.issues()[*index];
      if (named && !known->open) {
        named->push_back({si, t, country->end, *index});
      }
      continue;
    }
    AddTrigger("sanctions on " + name,
               LowerAscii(std::string(
                   s.text.substr(toks[t].begin, toks[country->end - 1].end - toks[t].begin))),
               topics);
  }
}

}  // namespace

// Whether an agenda, support, oppose or dispute cue of `s` ends at a token in [first, last]:
// what follows it, within a clause's reach, may be its object.
bool TopicCueEndsIn(const Sentence& s, std::uint32_t first, std::uint32_t last) {
  return std::any_of(s.cues.begin(), s.cues.end(), [&](const Mention& c) {
    bool kind = c.cue == CueKind::kDiscuss || c.cue == CueKind::kSupport ||
                c.cue == CueKind::kOppose || c.cue == CueKind::kDispute;
    return kind && first <= c.end && c.end <= last;
  });
}

// Where troops are to leave, after "from" or "out of" at token `t`: a country or place named
// in the lexicon, up to four capitalised words ("the Golan Heights"), or occupied territory
// ("the occupied Arab territories"). Its words as written, and the token after it.
std::optional<std::string> WithdrawalPlaceAt(const Sentence& s, std::uint32_t t,
                                             std::uint32_t* end) {
  const auto& toks = s.tokens;
  if (t < toks.size() && toks[t].key == "the") ++t;
  if (t >= toks.size()) return std::nullopt;
  std::uint32_t e = t;
  for (const Mention& m : s.entities) {
    if (m.begin == t && m.layer == Layer::kCountry) e = std::max(e, m.end);
  }
  for (const Mention& m : s.places) {
    if (m.begin == t) e = std::max(e, m.end);
  }
  if (e == t && toks[t].key == "occupied") {
    std::uint32_t c = t + 1;
    while (c < toks.size() && c < t + 3 && toks[c].word && !In(FunctionWords(), toks[c].key) &&
           toks[c].key != "territories" && toks[c].key != "territory") {
      ++c;
    }
    if (c < toks.size() && (toks[c].key == "territories" || toks[c].key == "territory")) e = c + 1;
  }
  if (e == t) {
    while (e < toks.size() && e < t + 4 && toks[e].word && toks[e].Capitalized() &&
           !Covers(s.entities, e) && !Covers(s.cues, e)) {
      ++e;
    }
  }
  if (e == t) return std::nullopt;
  if (e < toks.size() && (toks[e].key == "'s" || toks[e].key == "-")) return std::nullopt;
  *end = e;
  return SpanText(s, t, e);
}

// "the withdrawal of Russian forces from Moldova", "a French troop withdrawal from Chad",
// "(demanded) that Serbia pull its troops out of Kosovo", "that Serbia pull out of Kosovo": a
// topic named "<nationality> withdrawal from <place>" ("withdrawal from <place>" with no
// nationality), triggered by the words as written. Read after a cue of the sentence.
void AddWithdrawals(const Annotator& annotator, const Sentence& s,
                    std::vector<OpenTopic>& topics) {
  static const std::unordered_set<std::string> kForces = {
      "forces", "troops", "soldiers", "army", "armies", "military", "units", "force",
      "troop", "personnel"};
  const auto& toks = s.tokens;
  const Lexicon& lex = annotator.lexicon();
  auto demonym_at = [&](std::uint32_t t, std::uint32_t* after) -> std::optional<std::string> {
    for (const Mention& m : s.entities) {
      if (m.begin == t && m.layer == Layer::kDemonym) {
        *after = m.end;
        return SpanText(s, m.begin, m.end);
      }
    }
    return std::nullopt;
  };
  auto add = [&](const std::string& who, std::uint32_t b, std::uint32_t from) {
    std::uint32_t end = 0;
    std::optional<std::string> place = WithdrawalPlaceAt(s, from, &end);
    if (!place) return;
    std::string name = (who.empty() ? "" : who + " ") + "withdrawal from " + *place;
    std::string surface = SpanText(s, b, end);
    AddTrigger(name, LowerAscii(surface), topics);
  };
  for (std::uint32_t t = 0; t + 3 < toks.size(); ++t) {
    const bool after_cue = TopicCueEndsIn(s, t >= 11 ? t - 11 : 0, t + 1);
    // (A country's name as a known issue's trigger may open one: "that Iraq pull out of".)
    const bool in_issue = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
      return m.begin <= t && t < m.end && !m.weak;
    });
    if (!after_cue || in_issue) continue;
    const std::string& k = toks[t].key;
    // "the withdrawal of (the) Vietnamese forces from ..."
    if ((k == "withdrawal" || k == "pullout" || k == "pull-out") && IsWord(s, t + 1, {"of"})) {
      std::uint32_t c = t + 2;
      if (IsWord(s, c, {"the", "all"})) ++c;
      std::uint32_t after = c;
      std::optional<std::string> who = demonym_at(c, &after);
      if (!who) continue;
      if (after < toks.size() && In(kForces, toks[after].key)) ++after;
      if (IsWord(s, after, {"from"})) add(*who, t, after + 1);
      continue;
    }
    // "a Soviet (troop) withdrawal from ...", "withdrawal from ..."
    std::uint32_t after = t;
    if (std::optional<std::string> who = demonym_at(t, &after)) {
      if (after < toks.size() && In(kForces, toks[after].key)) ++after;
      if (IsWord(s, after, {"withdrawal", "pullout", "pull-out"}) &&
          IsWord(s, after + 1, {"from"})) {
        add(*who, t, after + 2);
      }
      continue;
    }
    if ((k == "withdrawal" || k == "pullout" || k == "pull-out") && IsWord(s, t + 1, {"from"}) &&
        !(t > 0 && (Covers(s.entities, t - 1) || In(kForces, toks[t - 1].key)))) {
      add("", t, t + 2);
      continue;
    }
    // "Serbia pull its troops out of Kosovo", "Russia withdraw its forces from Moldova"
    for (const Mention& m : s.entities) {
      if (m.begin != t || m.layer != Layer::kCountry) continue;
      const CountryEntry& country = lex.countries()[m.refs[0]];
      std::uint32_t v = m.end;
      if (IsWord(s, v, {"would", "will", "should", "must", "to"})) ++v;
      if (!IsWord(s, v, {"pull", "pulls", "pulled", "withdraw", "withdraws", "withdrew"})) break;
      // ("pull out of Kuwait", "withdraw its forces from Lebanon")
      std::uint32_t from = v + 1;
      if (IsWord(s, from, {"its", "their", "all"}) && from + 1 < toks.size() &&
          In(kForces, toks[from + 1].key)) {
        from += 2;
      }
      if (IsWord(s, from, {"out"}) && IsWord(s, from + 1, {"of"})) {
        from += 2;
      } else if (IsWord(s, from, {"from"})) {
        from += 1;
      } else {
        break;
      }
      add(country.demonyms.empty() ? country.name : country.demonyms.front(), t, from);
      break;
    }
  }
}

// "pressed for the release of Jan Kowalski", "raised the case of detained Polish writer Jan
// Kowalski": a named person's release, detention or case, after a cue of the sentence, is
// a topic named "<release|detention|case> of <name>" (what describes the person left out),
// triggered by the words as written. The name: two to four capitalised words that name no
// leader, country or place, after up to four words that describe the person ("detained",
// "Australian", "writer").
void AddReleases(const Sentence& s, std::vector<OpenTopic>& topics) {
  const auto& toks = s.tokens;
  for (std::uint32_t t = 0; t + 3 < toks.size(); ++t) {
    if (!IsWord(s, t, {"release", "detention", "imprisonment", "freeing", "case"}) ||
        !IsWord(s, t + 1, {"of"})) {
      continue;
    }
    const bool after_cue = TopicCueEndsIn(s, t >= 11 ? t - 11 : 0, t + 1);
    if (!after_cue || Covers(s.issues, t)) continue;
    std::uint32_t b = t + 2;
    // What describes the person: plain words and nationalities.
    while (b < toks.size() && b < t + 6 &&
           (PlainWord(toks[b]) && !In(FunctionWords(), toks[b].key) && !Named(s, b))) {
      ++b;
    }
    for (const Mention& m : s.entities) {
      if (m.begin == b && m.layer == Layer::kDemonym) b = m.end;
    }
    while (b < toks.size() && b < t + 6 && PlainWord(toks[b]) &&
           !In(FunctionWords(), toks[b].key) && !Named(s, b)) {
      ++b;
    }
    std::uint32_t e = b;
    while (e < toks.size() && e < b + 4 && toks[e].word && toks[e].Capitalized() &&
           !toks[e].AllCaps() && !Covers(s.entities, e) && !Covers(s.places, e) &&
           !Covers(s.cues, e) && !Covers(s.issues, e)) {
      ++e;
    }
    if (e - b < 2 || (e < toks.size() && toks[e].word && toks[e].Capitalized())) continue;
    if (e < toks.size() && (toks[e].key == "'s" || toks[e].key == "-")) continue;
    std::string person = SpanText(s, b, e);
    std::string surface = SpanText(s, t, e);
    AddTrigger(toks[t].key + " of " + person, LowerAscii(surface), topics);
  }
}

// "France was recognising Algeria", "urging that Spain recognise Kosovo", "recognition of
// Israel": a state's recognition is a topic of its own, named "recognition of <country>" and
// triggered by the country's name as written (a country word: it counts only as a cue's
// object). Not "recognizes Taiwan as part of China", a verdict on what the state is, nor a
// country owning something ("recognise Japan's role").
void AddRecognitions(const Annotator& annotator, const Sentence& s,
                     std::vector<OpenTopic>& topics) {
  static const std::unordered_set<std::string> verbs = {
      "recognise", "recognises", "recognised", "recognising", "recognize",
      "recognizes", "recognized", "recognizing", "recognition"};
  const auto& toks = s.tokens;
  for (std::uint32_t t = 0; t + 1 < toks.size(); ++t) {
    if (!In(verbs, toks[t].key)) continue;
    std::uint32_t n = t + 1;
    if (toks[t].key == "recognition") {
      if (!IsWord(s, n, {"of"})) continue;
      ++n;
    }
    if (IsWord(s, n, {"the"})) ++n;
    for (const Mention& m : s.entities) {
      if (m.begin != n || m.layer != Layer::kCountry) continue;
      if (IsWord(s, m.end, {"as", "'s", "-"})) break;
      const std::string& country = annotator.lexicon().countries()[m.refs[0]].name;
      std::string surface = SpanText(s, m.begin, m.end);
      AddTrigger("recognition of " + country, LowerAscii(surface), topics);
      break;
    }
  }
}

std::vector<OpenTopic> FindOpenTopics(const Annotator& annotator,
                                      const std::vector<Sentence>& sentences,
                                      std::vector<NamedIssue>* named) {
  std::vector<OpenTopic> topics;
  static const std::unordered_set<std::string> preps = {
      "on", "over", "about", "of", "regarding", "concerning", "into", "for", "against"};
  for (std::uint32_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    // "On Haiti, the American President thanked Kenya ...": a place a sentence opens with as
    // its topic (a topic preposition, the place, a comma).
    const bool opens_with_topic =
        s.tokens.size() > 2 && std::any_of(s.cues.begin(), s.cues.end(), [](const Mention& c) {
          return c.cue == CueKind::kTopicPrep && c.begin == 0 && c.end == 1;
        });
    if (opens_with_topic) {
      std::uint32_t end = 0;
      std::optional<std::string> name = PlaceTopicAt(annotator, s, 1, &end);
      if (name && end < s.tokens.size() && s.tokens[end].key == ",") AddPlaceTopic(*name, topics);
    }
    AddSanctionsOn(annotator.lexicon(), si, s, topics, named);
    AddRecognitions(annotator, s, topics);
    AddWithdrawals(annotator, s, topics);
    AddReleases(s, topics);
    // "Reparations produced the hardest bargaining", "Prisoners were another sore point": a
    // dispute told of the topic the sentence opens with, a few words before the cue.
    for (const Mention* c : s.CuesOf(CueKind::kDispute)) {
      if (c->begin == 0 || c->begin > 9) continue;
      // The verb between ("were another", "proved almost as", "produced the").
      std::uint32_t verb = 0;
      for (std::uint32_t t = 1; t < c->begin && verb == 0; ++t) {
        if (IsWord(s, t, {"was", "were", "is", "are", "proved", "proves", "remained",
                          "remains", "produced", "caused", "became", "provoked"})) {
          verb = t;
        }
      }
      Phrase p;
      std::uint32_t end = 0;
      if (verb > 0 && c->begin - verb <= 4 && ReadPhrase(s, 0, true, p, false, &end, verb) &&
          end == verb) {
        AddTopic(annotator.lexicon(), si, p, sentences, &topics, named);
      }
      break;
    }
    // Conflicts in a country or place, after a cue of the sentence.
    for (std::uint32_t t = 1; t < s.tokens.size(); ++t) {
      const bool after_cue = TopicCueEndsIn(s, t >= 11 ? t - 11 : 0, t);
      Phrase conflict;
      std::uint32_t end = 0;
      if (after_cue && ReadConflictIn(s, t, conflict, &end)) {
        AddNamedThing(annotator.lexicon(), si, conflict, topics, named);
      }
    }
    for (const Mention& c : s.cues) {
      // ("talks on a Free Trade Area of the Americas": a meeting's topic, read only when it is
      // a named thing.)
      const bool meeting_on = c.cue == CueKind::kMeet && c.end < s.tokens.size() &&
                              IsWord(s, c.end, {"on", "over", "about"});
      if (c.cue != CueKind::kDiscuss && c.cue != CueKind::kSupport &&
          c.cue != CueKind::kOppose && c.cue != CueKind::kDispute && !meeting_on) {
        continue;
      }
      std::uint32_t t = c.end;
      const std::string& last = s.tokens[c.end - 1].key;
      // "plan to", "agreed to": a verb follows unless a determiner does.
      bool needs_det = last == "to";
      if (!In(preps, last) && !needs_det && t < s.tokens.size() && In(preps, s.tokens[t].key))
        ++t;
      if (t >= s.tokens.size()) continue;
      if (needs_det && !In(Determiners(), s.tokens[t].key)) continue;
      if ((c.cue == CueKind::kDiscuss || c.cue == CueKind::kDispute) &&
          AddPlaceTopics(annotator, s, c, t, topics)) {
        continue;
      }
      // A named agreement, law, forum or project ("disagreed over the Treaty of Lausanne",
      // "backed the Normandy format"), also in a list of them.
      {
        Phrase thing;
        std::uint32_t end = t;
        bool any = false;
        while (ReadNamedThing(s, t, thing, &end)) {
          AddNamedThing(annotator.lexicon(), si, thing, topics, named);
          any = true;
          if (c.cue != CueKind::kDiscuss || end + 1 >= s.tokens.size() ||
              (s.tokens[end].key != "," && s.tokens[end].key != "and")) {
            break;
          }
          t = end + 1;
          if (t < s.tokens.size() && s.tokens[t].key == "and") ++t;
        }
        if (any || meeting_on) continue;
      }
      // Where a known issue is named soon after the cue, the cue's object is more likely that
      // issue: no open topic, only known issues named by their names ("signed agreements on
      // energy, trade and the missile shield"). One further on is another clause's ("agreed to
      // resume \"shuttle diplomacy\" and to put an end to a years-long trade dispute").
      constexpr std::uint32_t kObjectReach = 10;
      const bool only_named = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
        return m.begin >= c.end && m.begin < t + kObjectReach;
      });
      if (only_named && !named) continue;
      // An agenda cue's object may be a list of items, each a topic.
      bool agenda = c.cue == CueKind::kDiscuss;
      std::vector<Phrase> items;
      Phrase p;
      std::uint32_t end = t;
      // "focus on reforming global financial institutions", "discussed curbing emissions":
      // after an agenda cue, a gerund's object is the topic.
      if (agenda && IsGerund(s, t) && !Named(s, t) && t + 1 < s.tokens.size() &&
          !ReadPhrase(s, t, true, p, agenda, &end)) {
        ++t;
      }
      if (!ReadPhrase(s, t, true, p, agenda, &end)) continue;
      items.push_back(std::move(p));
      while (agenda && end < s.tokens.size() &&
             (s.tokens[end].key == "," || s.tokens[end].key == "and")) {
        std::uint32_t next = end + 1;
        if (next < s.tokens.size() && s.tokens[next].key == "and") ++next;
        if (!ReadPhrase(s, next, false, p, true, &end)) break;
        items.push_back(std::move(p));
      }
      for (const Phrase& item : items) {
        AddTopic(annotator.lexicon(), si, item, sentences, only_named ? nullptr : &topics,
                 named);
      }
    }
  }
  return topics;
}

void AddNamedIssues(const std::vector<NamedIssue>& named, std::vector<Sentence>& sentences) {
  for (const NamedIssue& n : named) {
    if (n.sentence >= sentences.size()) continue;
    Sentence& s = sentences[n.sentence];
    if (n.begin >= n.end || n.end > s.tokens.size()) continue;
    bool covered = std::any_of(s.issues.begin(), s.issues.end(), [&](const Mention& m) {
      return m.begin < n.end && n.begin < m.end;
    });
    if (covered) continue;
    Mention m;
    m.begin = n.begin;
    m.end = n.end;
    m.layer = Layer::kIssue;
    m.refs = {n.issue};
    auto at = std::find_if(s.issues.begin(), s.issues.end(),
                           [&](const Mention& o) { return o.begin > m.begin; });
    s.issues.insert(at, std::move(m));
  }
}

}  // namespace parley::ingest
