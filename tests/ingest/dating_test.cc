// Dating a meeting from what the text says besides a written date (ingest/dating.h): the
// fixture's known summits list the same two leaders in Sochi in 2018 (a Monday) and 2021 (a
// Wednesday), and a summit in Tehran ten days before the 2018 meeting.
#include "ingest/dating.h"

#include <gtest/gtest.h>

#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::Extract;

std::optional<int> SummitYear(std::string_view text) {
  ArticleFacts f = Extract(text);
  if (!f.summit) return std::nullopt;
  return f.summit->year;
}

constexpr std::string_view kMeeting =
    "Vladimir Putin and Recep Tayyip Erdogan held talks in Sochi.\n";

TEST(DatingTest, WithoutEvidenceSeveralKnownSummitsLeaveTheYearUnknown) {
  ArticleFacts f = Extract(kMeeting);
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Sochi");
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(DatingTest, TheWeekdayOfTheMeetingChoosesTheSummit) {
  EXPECT_EQ(SummitYear("Opening the talks in Sochi on Wednesday, Vladimir Putin welcomed "
                       "Recep Tayyip Erdogan.\n"),
            2021);
  EXPECT_EQ(SummitYear("Vladimir Putin and Recep Tayyip Erdogan held talks in Sochi on "
                       "Monday.\n"),
            2018);
}

TEST(DatingTest, TheDayOfADatelineWithoutAYearChoosesTheSummit) {
  EXPECT_EQ(SummitYear("SOCHI, Sept 29 (Reuters) - Vladimir Putin and Recep Tayyip Erdogan held "
                       "talks.\n"),
            2021);
  // Filed the morning after.
  EXPECT_EQ(SummitYear("SOCHI, Sept 18 (Reuters) - Vladimir Putin and Recep Tayyip Erdogan held "
                       "talks.\n"),
            2018);
  // A day that fits no summit leaves the year unknown, even with one summit left to fit
  // the weekday.
  EXPECT_FALSE(SummitYear("SOCHI, May 2 (Reuters) - Vladimir Putin and Recep Tayyip Erdogan "
                          "held talks on Monday.\n")
                   .has_value());
}

TEST(DatingTest, AWeekdayNoSummitFitsIsIgnored) {
  ArticleFacts f = Extract(
      "Vladimir Putin and Recep Tayyip Erdogan held talks in Sochi on Saturday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(DatingTest, ATermOfALaterEraRulesEarlierSummitsOut) {
  EXPECT_EQ(SummitYear(std::string(kMeeting) +
                       "It was Putin's first meeting since a coronavirus outbreak among his "
                       "staff.\n"),
            2021);
}

TEST(DatingTest, AMeetingDatedAgainstAnotherSummit) {
  EXPECT_EQ(SummitYear(std::string(kMeeting) +
                       "The meeting comes a little over a week after the summit in Tehran.\n"),
            2018);
  // Three months after the Tehran summit fits neither meeting: no choice is made.
  ArticleFacts f = Extract(std::string(kMeeting) +
                           "The meeting comes three months after the summit in Tehran.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(DatingTest, AYearMentionedAsPastPrefersLaterSummits) {
  EXPECT_EQ(SummitYear(std::string(kMeeting) +
                       "Putin praised the pipeline, which was completed in 2020.\n"),
            2021);
  // A year the article looks forward to says nothing of when the meeting was.
  ArticleFacts f = Extract(std::string(kMeeting) +
                           "The pipeline will be completed in 2020.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(DatingTest, EvidenceGatheredFromTheText) {
  const Extractor& x = testing::FixtureExtractor();
  Doc doc;
  doc.annotator = &x.annotator();
  doc.norm = x.NormalizeArticle(
      "Putin and Erdogan held talks on Wednesday. The talks came two weeks after the summit in "
      "Tehran. Putin recalled the annexation of Crimea in 2014.\n");
  for (const SentenceSpan& span : SplitSentences(doc.norm.text, {})) {
    doc.sentences.push_back(x.annotator().Annotate(doc.norm.text, span));
  }
  doc.recall.assign(doc.sentences.size(), false);
  DateEvidence e = FindDateEvidence(doc);
  EXPECT_EQ(e.weekdays, (std::vector<unsigned>{3}));
  EXPECT_EQ(e.era_year, 2014);
  EXPECT_EQ(e.mentioned_year, 2014);
  ASSERT_EQ(e.anchors.size(), 1u);
  EXPECT_EQ(e.anchors[0].city, "tehran");
  EXPECT_EQ(e.anchors[0].min_days, 7);
  EXPECT_EQ(e.anchors[0].max_days, 28);
}

TEST(DatingTest, DayOfDatelinePicksTheOnlyYearInOfficeWhoseDayFellOnTheWeekday) {
  auto between = [](std::string from, std::string to) {
    return [=](const std::string& iso) { return from <= iso && iso <= to; };
  };
  constexpr unsigned kThursday = 4;
  EXPECT_EQ(DayOfDateline(10, 8, kThursday, between("1998-07-30", "2000-04-05")),
            std::optional<std::string>("1998-10-08"));
  // Over a decade, 8 October is a Thursday in several years.
  EXPECT_FALSE(DayOfDateline(10, 8, kThursday, between("1990-01-01", "2000-01-01")).has_value());
  // No dateline day: nothing.
  EXPECT_FALSE(DayOfDateline(10, 0, kThursday, between("1998-07-30", "2000-04-05")).has_value());
  // No weekday: the only year in office on that day, if one.
  EXPECT_EQ(DayOfDateline(3, 15, std::nullopt, between("1969-10-21", "1970-12-20")),
            std::optional<std::string>("1970-03-15"));
  EXPECT_FALSE(DayOfDateline(10, 8, std::nullopt, between("1998-07-30", "2000-04-05")).has_value());
}

std::uint32_t LeaderIndex(const Lexicon& lex, const std::string& name) {
  return lex.FindLeaderIndex(name).value();
}

TEST(DatingTest, LeadersOfAnUndatedMeetingAreThoseMostOfWhomHeldOfficeTogether) {
  const Lexicon& lex = testing::FixtureLexicon();
  const std::uint32_t reagan = LeaderIndex(lex, "Ronald Reagan");
  const std::uint32_t gorbachev = LeaderIndex(lex, "Mikhail Gorbachev");
  const std::uint32_t obama = LeaderIndex(lex, "Barack Obama");
  const std::uint32_t bush = LeaderIndex(lex, "George H. W. Bush");
  EXPECT_EQ(InOfficeTogether(lex, {reagan, gorbachev, obama}),
            (std::vector<std::uint32_t>{reagan, gorbachev}));
  // Two pairs each held office together as long: both are kept.
  EXPECT_EQ(InOfficeTogether(lex, {reagan, gorbachev, bush}),
            (std::vector<std::uint32_t>{reagan, gorbachev, bush}));
  // No two together: nothing to go by.
  EXPECT_EQ(InOfficeTogether(lex, {reagan, obama}), (std::vector<std::uint32_t>{reagan, obama}));
}

TEST(DatingTest, AnUndatedMeetingKeepsTheLeadersInOfficeTogether) {
  ArticleFacts f = Extract(
      "GENEVA -- Ronald Reagan and Mikhail Gorbachev held talks on Sunday, joined by Barack "
      "Obama.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(testing::Attendees(f),
            (std::vector<std::string>{"Mikhail Gorbachev", "Ronald Reagan"}));
}

}  // namespace
}  // namespace parley::ingest
