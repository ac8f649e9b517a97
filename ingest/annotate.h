// Mention detection: finds, in each sentence, the lexicon's leaders, countries (names,
// demonyms, metonyms), places, issues and extraction cues with one trie walk.
//
// An Annotator is built once from a Lexicon (which must outlive it) and is then read-only:
// Annotate may be called from several threads. Building one is the costly part (milliseconds:
// every name, trigger and cue is tokenised into the trie), so an article that adds leaders or
// issues of its own gets an Annotator layered over the general one: it holds only the
// article's phrases and shares everything else.
#ifndef PARLEY_INGEST_ANNOTATE_H_
#define PARLEY_INGEST_ANNOTATE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/copy_on_write_vector.h"
#include "ingest/lexicon.h"
#include "ingest/phrase_trie.h"
#include "ingest/sentences.h"
#include "ingest/tokens.h"

namespace parley::ingest {

enum class Layer : std::uint8_t { kLeader, kCountry, kDemonym, kMetonym, kPlace, kIssue, kCue };

// The kinds of cue in cues.tsv (data/lexicon/README.md).
enum class CueKind : std::uint8_t {
  kMeet,
  kDiscuss,
  kSupport,
  kOppose,
  kDispute,
  kResolve,
  kNegation,
  kHedge,
  kRecall,
  kFormer,
  kElect,
  kGroup,
  kCountryGroup,
  kOffice,
  kHonorific,
  kTopicPrep,
  kAnaphor,
  kRole,
  kClauseBreak,
  kSpeech,
  kSkip,
  kOutlet,
  kBoilerplate,
  kCaption,
  kAbbreviation,
  kRegion,
  kFuture,
  kInverter,
  kPresent,
  kMultilateral,
  kEra,
  kJudge,
  kVerdict,
  kCount
};

// The CueKind named `name` in cues.tsv, or kCount when unknown.
CueKind CueKindFromName(std::string_view name);

struct Mention {
  std::uint32_t begin = 0;  // token range
  std::uint32_t end = 0;
  Layer layer = Layer::kCue;
  std::vector<std::uint32_t> refs;  // lexicon indices (leaders, countries, places, issues, cues)
  CueKind cue = CueKind::kCount;    // for kCue
  bool weak = false;                // an issue trigger that is also a country's name
  bool inverse = false;             // an issue trigger naming the opposite of its proposition
};

struct Sentence {
  SentenceSpan span;
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Mention> entities;  // leaders, countries, demonyms, metonyms (no overlaps)
  std::vector<Mention> places;
  std::vector<Mention> issues;
  std::vector<Mention> cues;  // overlaps only between different cue kinds
  bool quoted_start = false;  // begins inside or with a quotation
  // Cues of `kind` in this sentence.
  std::vector<const Mention*> CuesOf(CueKind kind) const;
  bool HasCue(CueKind kind) const;
};

// Lookups by leader, computed once from the lexicon (and extended by an Annotator that adds
// leaders: its copy shares the known leaders' rows chunk by chunk).
struct LeaderIndex {
  std::vector<std::vector<std::uint32_t>> leaders_by_country;  // by country index, ascending
  CopyOnWriteVector<std::vector<int>> term_country;  // [leader][term]: country index or -1
};

// Lookups by place and country name, computed once from the countries, places, region cues
// and summits (which an extending lexicon never changes: layered Annotators share them).
struct PlaceIndex {
  // Lower-case place name, alias or city -> place ref (index into places, or places().size()
  // + country index for a capital).
  std::unordered_map<std::string, std::uint32_t> place_by_name;
  std::unordered_map<std::string, int> country_by_name;         // lower-case name or alias
  std::unordered_map<std::string, std::string> region_country;  // lower-case region -> country
  std::unordered_map<std::string, std::vector<std::uint32_t>> summits_by_city;  // lower case
};

// Surname -> leader, for the leaders "<title> <surname>" names (annotate.cc).
using TitledSurnames = std::unordered_map<std::string, std::uint32_t>;
// Word of a leader's name or alias -> the leader, or a mark for a word several leaders share.
using NameWordOwners = std::unordered_map<std::string, std::uint32_t>;

class Annotator {
 public:
  explicit Annotator(const Lexicon& lexicon);
  // The Annotator of `extended`, layered over `base`: it holds only the phrases `extended`
  // adds to base.lexicon() (leaders, leaders' aliases and terms, issues and issues' triggers,
  // each appended after the entries already there: Lexicon::LoadText of leader rows,
  // AddIssueTrigger, AddOpenIssue) and consults `base` for the rest. Annotates as
  // Annotator(extended) would. When `extended` differs otherwise (countries, places, cues or
  // summits, or fewer leaders or issues), or changes which surname names a known leader after a
  // title ("President Ford"), it is built from scratch. REQUIRES: `extended` and
  // `base` outlive the Annotator.
  Annotator(const Annotator& base, const Lexicon& extended);

  const Lexicon& lexicon() const { return *lexicon_; }
  Sentence Annotate(std::string_view text, const SentenceSpan& span) const;

  // Whether `lower_word` is a word of some name (for rejoining hyphenation).
  bool IsNameWord(const std::string& lower_word) const;
  // Whether `lower` is a country's name, alias or capital (lower case).
  bool IsCountryWord(const std::string& lower) const { return country_words_->count(lower) > 0; }
  // Whether lower-case keys `keys` (PhraseKeys) are exactly a trigger of some issue.
  bool IsIssueTrigger(const std::vector<std::string>& keys) const;
  // Cue phrases of `kind`, lower-cased (boilerplate, captions, abbreviations, ...).
  std::vector<std::string> CuePhrases(CueKind kind) const;
  const Cue& cue(std::uint32_t index) const { return lexicon_->cues()[index]; }
  const LeaderIndex& leader_index() const { return *leader_index_; }
  const PlaceIndex& place_index() const { return *place_index_; }

 private:
  struct Payload {
    Layer layer;
    std::uint32_t ref;
    bool weak;
    CueKind cue;
    bool inverse;
  };
  // A name's phrase adds its words to the name words normalisation rejoins a hyphenated word
  // into ("Medve-dev"), unless `spelling_only` (another spelling of a name, "Zhou Enlai" of
  // "Zhou En-lai", which must not rewrite "En-lai" in the text).
  void AddPhrase(std::string_view phrase, Layer layer, std::uint32_t ref, bool case_sensitive,
                 bool weak = false, bool inverse = false, bool spelling_only = false);
  // Adds to `matches` the cue phrases that a day phrase interrupts ("agreed Thursday to",
  // "called on Friday for"), spanning it; whether it added any.
  bool AddCuesAroundTimes(const std::vector<Token>& tokens,
                          std::vector<PhraseTrie::Match>* matches) const;
  // Adds "<title> <surname>" ("President Ford") for `leader`.
  void AddTitledSurname(std::uint32_t leader, const std::string& surname);
  // Adds the phrases of lexicon() that `known` lacks; every phrase when `known` is nullptr.
  // REQUIRES: lexicon() extends `known` as the extending constructor describes.
  void AddPhrasesBeyond(const Lexicon* known);
  // The payload numbered `payload` over all layers (base_'s first).
  const Payload& PayloadAt(std::uint32_t payload) const;
  // "a ceasefire, in southwest Syria": an issue named a few words after a word that, with the
  // issue's name, names one of its sub-issues ("Syria ceasefire") is that sub-issue.
  void NarrowToNamedSubIssues(Sentence& s) const;
  // Drops a leader's one-word name standing as the last word of another person's name ("Mr
  // Huang Hua" is not Hua Guofeng; "Oscar Arias Sanchez" is not Pedro Sanchez), of a compound
  // ("Wright-Patterson"), or a leader's name inside a longer place's ("Ho Chi Minh City").
  static void DropSurnamesOfOtherNames(Sentence& s);
  // The sub-issue of `issue` named "<issue> <word>", or nullptr.
  const std::uint32_t* SubIssueByWord(std::uint32_t issue, const std::string& word) const;

  const Lexicon* lexicon_;
  // The Annotator this one is layered over, or nullptr. Each layer holds the phrases, name
  // words and sub-issue words its lexicon adds to its base's; its payloads are numbered after
  // all of its base's (payload_offset_).
  const Annotator* base_ = nullptr;
  std::uint32_t payload_offset_ = 0;
  PhraseTrie trie_;
  std::vector<Payload> payloads_;
  std::unordered_set<std::string> name_words_;
  // (issue, lower-case word) -> the sub-issue named "<issue> <word>".
  std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> sub_issue_by_word_;
  std::shared_ptr<const LeaderIndex> leader_index_;
  std::shared_ptr<const PlaceIndex> place_index_;  // shared by all layers
  // Lower-case country names, aliases and capitals (an issue trigger among them is weak);
  // shared by all layers.
  std::shared_ptr<const std::unordered_set<std::string>> country_words_;
  // The owners of the leaders' name words, for an Annotator built from scratch and the layers
  // over it that keep its leader table (nullptr in a layer that adds leaders: a layer over
  // that one computes its titled surnames afresh).
  std::shared_ptr<const NameWordOwners> name_word_owners_;
  // The leaders "<title> <surname>" names; shared by layers with the same leader table.
  std::shared_ptr<const TitledSurnames> titled_surnames_;
};

// Lower-case ASCII copy.
std::string LowerAscii(std::string_view s);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_ANNOTATE_H_
