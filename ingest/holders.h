// Who holds a stance: the subject of the clause a support or oppose cue stands in. This is
// ingest's own clause analysis (no parser): it reads the words left of the cue up to a clause
// break, with coordination ("Russia, China and others oppose"), groups ("the two leaders",
// "both countries"), pronouns resolved across sentences, quotations and their speakers, and
// the words that are not subjects (the person addressed by "urged X to", a passive agent, an
// object of a preposition). Internal to ingest/; one per article.
#ifndef PARLEY_INGEST_HOLDERS_H_
#define PARLEY_INGEST_HOLDERS_H_

#include <cstdint>
#include <vector>

#include "ingest/doc.h"

namespace parley::ingest {

struct Holder {
  bool leader = false;  // else a country
  int index = -1;       // lexicon leader or country index
};

class HolderFinder {
 public:
  // REQUIRES: `doc` outlives the finder; its leaders are resolved and its summit found.
  explicit HolderFinder(const Doc& doc);

  // The holders of the cue beginning at token `cue_begin` of sentence `si`, or none.
  // `confidence` receives 1.0 for a named holder, 0.8 for a pronoun, a group or a quotation's
  // speaker; `begin` where a named holder starts (for "the shield America plans").
  std::vector<Holder> Find(std::uint32_t si, std::uint32_t cue_begin, double* confidence,
                           std::uint32_t* begin) const;

  // The speaker of a quotation in sentence `si`: the leader or country next to a verb of
  // speech outside the quotation ("...," Putin said; he told reporters: "...").
  std::vector<Holder> Speaker(std::uint32_t si) const;

  // The summit's attendees ("the two leaders", "they").
  std::vector<Holder> Attendees() const;

  // Whether sentence `s` is inside a quotation at token `t`.
  static bool InQuote(const Sentence& s, std::uint32_t t);

 private:
  // "He": the leader of its clause, else the sentence's subject, else the subject of the
  // nearest sentence before that names one.
  int LeaderForPronoun(std::uint32_t si, std::uint32_t tok) const;
  int LastCountryBefore(std::uint32_t si, std::uint32_t tok) const;
  // Holders of the entity mention ending at `t`; `adjacent`: it ends right at the cue.
  std::vector<Holder> EntityEndingAt(std::uint32_t si, std::uint32_t t,
                                     std::uint32_t* begin = nullptr, bool adjacent = true) const;
  // Whether a support or oppose cue ends at `t` with no issue and no party between it and
  // `cue_begin`.
  static bool InObjectOfStanceCueEndingAt(const Sentence& s, std::uint32_t t,
                                          std::uint32_t cue_begin);
  static bool AddressedByDirective(const Sentence& s, std::uint32_t begin, std::uint32_t end);
  // Whether the name whose titles begin at `begin` is the object of a verb of meeting
  // ("hosts Kim", "welcomed the Indian prime minister").
  static bool ObjectOfMeeting(const Sentence& s, std::uint32_t begin);
  // Where the titles before a name starting at `b` begin ("German Chancellor Angela Merkel").
  static std::uint32_t TitleBegin(const Sentence& s, std::uint32_t b);
  void AddCoordinated(std::uint32_t si, std::uint32_t begin, std::vector<Holder>& h,
                      std::uint32_t* first) const;
  // The holder of a participle opening an adverbial clause ("..., while successfully
  // pressuring X", "after rejecting Y"): the sentence's subject, its first leader or country
  // that is no object of a preposition; empty when the cue opens no such clause.
  std::vector<Holder> ParticipleSubject(std::uint32_t si, std::uint32_t cue_begin) const;

  const Doc& doc_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_HOLDERS_H_
