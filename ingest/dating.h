// When a meeting took place, from what an article says besides a written date: the weekday
// it gives the meeting ("opening the talks on Wednesday"), the earliest year its content
// allows ("a coronavirus outbreak" cannot be written before 2020; "annexed in 2014"), and
// other meetings it is dated against ("the meeting comes a week after the summit in Tehran").
//
// The summit finder uses this to choose among the known summits that fit a meeting's place
// and leaders when the article gives no year: with a fuller table of summits, one city often
// saw the same leaders meet in several years, and a lone match is no longer the answer.
#ifndef PARLEY_INGEST_DATING_H_
#define PARLEY_INGEST_DATING_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/doc.h"

namespace parley::ingest {

struct DateEvidence {
  // Weekdays named for the meeting in sentences that speak of it (0 = Sunday ... 6).
  std::vector<unsigned> weekdays;
  // The earliest year the article's terms allow (cues of kind `era`): rules summits out.
  std::optional<int> era_year;
  // The latest year the article mentions as past or present (not in a sentence about the
  // future): prefers summits in or after it, never rules all out.
  std::optional<int> mentioned_year;
  // "N days/weeks after the summit in CITY": the meeting is that many days after a known
  // summit in the lower-case `city`, within [min_days, max_days].
  struct Anchor {
    std::string city;
    int min_days = 0;
    int max_days = 0;
  };
  std::vector<Anchor> anchors;
  // The month (1-12) and day of a dateline without a year ("MOSCOW, May 26 (UPI) -"): the
  // meeting was that day or a few days before.
  int month = 0;
  int day = 0;
};

// Gathers the evidence of `doc` (annotated, its recall sentences marked).
DateEvidence FindDateEvidence(const Doc& doc);

// Of `candidates` (known summits fitting the meeting's place and leaders), those the evidence
// allows: the era year and the dateline's day rule summits out outright; weekdays, anchors
// and the mentioned year each narrow several candidates down but are ignored where they would
// leave none.
std::vector<const KnownSummit*> NarrowByEvidence(const Doc& doc,
                                                 std::vector<const KnownSummit*> candidates,
                                                 const DateEvidence& evidence);

// The weekday a lower-case word names (0 = Sunday ... 6), or nothing.
std::optional<unsigned> WeekdayNamed(const std::string& key);

// The weekdays sentence `s` names for what it reports ("on Wednesday", "Wednesday's talks"),
// before token `end`.
std::vector<unsigned> WeekdaysNamed(const Sentence& s, std::uint32_t end = UINT32_MAX);

// The day of a meeting that no known summit fits, from the `month` and `day` of a dateline
// without a year, taken as the day of the meeting (a report filed the day it happened): of
// the years up to the present in which `in_office` holds for that day (every attendee was in
// office), the only one, or, given the `weekday` the report's lead names for the meeting, the
// only one in which the day fell on it. "TOKYO, Oct. 8 -- ... signed the declaration on
// Thursday", with leaders in office together from 1998 to 2000: 8 October was a Thursday in
// 1998 alone; "WARSAW, March 15", with leaders in office together from October 1969 to
// December 1970: 1970. Nothing where no year or several fit.
std::optional<std::string> DayOfDateline(int month, int day, std::optional<unsigned> weekday,
                                         const std::function<bool(const std::string&)>& in_office);

// Of `leaders` (lexicon indices) named at one undated meeting, those who held office together
// in the stretches of a month or more in which the most of them did (all such stretches,
// where several tie): the leaders of one meeting held office at one time, so one who never
// held it with most of the others (a predecessor or successor the text names) was not there.
// `leaders` unchanged where no two of them held office together.
std::vector<std::uint32_t> InOfficeTogether(const Lexicon& lexicon,
                                            const std::vector<std::uint32_t>& leaders);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_DATING_H_
