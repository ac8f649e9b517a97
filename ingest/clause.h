// Small questions about a token's place in an annotated sentence, shared by the summit
// finder and the relation extractor: is it this word, does a clause break there, is a cue
// negated or hedged, which years date the sentence's event.
#ifndef PARLEY_INGEST_CLAUSE_H_
#define PARLEY_INGEST_CLAUSE_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/annotate.h"

namespace parley::ingest {

// Whether token `t` is one of `words` (lower-case keys); false past the end.
bool IsWord(const Sentence& s, std::uint32_t t, std::initializer_list<std::string_view> words);

// The text of tokens [b, e) as written. REQUIRES: b < e <= s.tokens.size().
std::string SpanText(const Sentence& s, std::uint32_t b, std::uint32_t e);

// "last year's summit", "last summer's standoff": whether a time cue (kRecall) that owns the
// noun after it ends at most `reach` tokens before token `begin`, making what stands there a
// thing of that time.
bool OwnedByAnotherTime(const Sentence& s, std::uint32_t begin, std::uint32_t reach);

// The year a token's key writes ("1986": four digits, the first 1 or 2), or none.
std::optional<int> AsYear(std::string_view key);

// Whether a token in [from, to) is one of `words` (the range is clipped to the sentence).
bool HasWordIn(const Sentence& s, std::uint32_t from, std::uint32_t to,
               std::initializer_list<std::string_view> words);

// Whether a mention of `ms` covers token `t`.
bool Covers(const std::vector<Mention>& ms, std::uint32_t t);

// Whether a clause breaks at token `t` (";", ":", a quotation mark, "but", "while", ...).
bool IsBoundary(const Sentence& s, std::uint32_t t);

// The cue of `kind` beginning (or, with `ending`, ending) at token `t`, or nullptr.
const Mention* CueAt(const Sentence& s, CueKind kind, std::uint32_t t, bool ending);

// A negation ending at most three tokens before `cue_begin`, with only auxiliaries and
// adverbs between ("did not really oppose"; not "without resolving their disagreement").
bool IsNegated(const Sentence& s, std::uint32_t cue_begin);

// A hedge ("expected to", "may") ending at most six tokens before `cue_begin`.
bool IsHedged(const Sentence& s, std::uint32_t cue_begin);

// In a sentence with a recall cue, where its part about the past begins: the subordinate
// clause holding the first recall cue ("their meeting was cordial, the sixth since Gandhi
// came to power a year ago"; "a coalition that has accused Assad in the past"); likewise in
// one with a future cue, where its part about what is to come begins ("proposals, which
// would be put to the parties later this week"). 0 when no subordinator opens that clause
// (the whole sentence is about the past or the future) or the sentence speaks of both.
std::uint32_t PresentPartEnd(const Sentence& s);

// Where a sentence's opening clause about an earlier time ends ("Six years after his last trip
// ended in a row over the treaty, the two leaders signed ..."): the token after its comma; 0
// when the sentence opens with no such clause. Only a span of time before "after" or "since"
// marks one ("After talks in Sochi, Putin said" opens with the meeting reported).
std::uint32_t PastOpeningEnd(const Sentence& s);

// Years that date an event in the sentence: "in 2007", "July 2007", "the 2007 summit", "the
// 2016 G20 summit"; not "the 2016 election" or "through 2020". With `only_meetings`, only
// years that name a meeting ("the 2016 G20 summit", not "in 2004").
std::vector<int> YearsIn(const Sentence& s, bool only_meetings = false);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_CLAUSE_H_
