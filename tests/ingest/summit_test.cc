// The summit finder (ingest/summit.cc) on sentences written for these tests: where the meeting
// was when the dateline is elsewhere or the place is named only in a phrase, places the
// lexicon does not know, and when the meeting was.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/extractor.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {


using testing::Attendees;
using testing::Extract;

TEST(SummitTest, MeetingPlaceOutranksTheDateline) {
  ArticleFacts f = Extract(
      "MOSCOW -- Angela Merkel and Vladimir Putin held talks in Berlin on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, DatelineIsThePlaceWhenNoMeetingPlaceIsNamed) {
  ArticleFacts f = Extract("MOSCOW -- Angela Merkel and Vladimir Putin held talks on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Moscow");
}

TEST(SummitTest, UnknownTownAfterAMeetingCueIsThePlace) {
  ArticleFacts f = Extract(
      "Angela Merkel and Vladimir Putin held talks at the government guesthouse in "
      "Zellerfeld on Saturday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zellerfeld");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, CityOfPhraseGivesTheCityAndItsCountry) {
  ArticleFacts f = Extract(
      "Hu Jintao and Vladimir Putin met in the central Chinese city of Lanzhou on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Lanzhou");
  EXPECT_EQ(f.summit->country, "China");
}

TEST(SummitTest, PlaceBeforeAMeetingNoun) {
  ArticleFacts f = Extract(
      "The Geneva summit ended on Tuesday. Donald Trump and Vladimir Putin held talks for "
      "two hours.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(SummitTest, WhereALeaderReturnedIsNotTheMeetingPlace) {
  ArticleFacts f = Extract(
      "Donald Trump returned to Washington on Monday after talks with Vladimir Putin.\n");
  EXPECT_TRUE(!f.summit.has_value() || f.summit->city != "Washington");
}

TEST(SummitTest, CapitalisedWordsThatAreNoPlace) {
  // A weekday, a possessive and a hyphenated compound are never a town.
  ArticleFacts f = Extract(
      "Hu Jintao and Vladimir Putin met in Sino-Russian friendship on Monday.\n");
  EXPECT_TRUE(!f.summit.has_value() || f.summit->city != "Sino");
}

TEST(SummitTest, BetweenNamesTheAttendees) {
  ArticleFacts f = Extract(
      "Three days of talks in Zellerfeld between Germany's Angela Merkel and France's "
      "Nicolas Sarkozy ended on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zellerfeld");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(SummitTest, DatedDatelineGivesTheYear) {
  ArticleFacts f = Extract(
      "Lanzhou, 08 July 2008- Hu Jintao and Vladimir Putin held talks today.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Lanzhou");
  ASSERT_TRUE(f.summit->year.has_value());
  EXPECT_EQ(*f.summit->year, 2008);
}

TEST(SummitTest, ArticleDateRulesOutATableSummitOfAnotherYear) {
  // The fixture table knows Helsinki 2018 only; a report dated 2020 is another meeting.
  ArticleFacts f = Extract(
      "Posted March 3, 2020\nDonald Trump and Vladimir Putin held talks in Helsinki today.\n");
  ASSERT_TRUE(f.summit.has_value());
  ASSERT_TRUE(f.summit->year.has_value());
  EXPECT_EQ(*f.summit->year, 2020);
}

TEST(SummitTest, MeetingBeforeAClauseAboutThePastCounts) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy told a joint press conference that their "
      "meeting was the best since Sarkozy came to power a year ago.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(SummitTest, MeetingTheSentenceRecallsIsNone) {
  ArticleFacts f = Extract(
      "BERLIN -- Two years ago Angela Merkel and Nicolas Sarkozy held talks in Berlin.\n");
  EXPECT_FALSE(f.summit.has_value());
}

TEST(SummitTest, MeetingAtAMultilateralSummitIsThatSummit) {
  ArticleFacts f = Extract(
      "Donald Trump and Vladimir Putin held talks on the sidelines of the G20 summit on "
      "Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Hamburg 2017");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Donald Trump", "Vladimir Putin"}));
}

TEST(SummitTest, RowsOfOneSummitForSeveralPairsAreOneSummit) {
  // The fixture lists Hamburg 2017 twice: for Trump and Putin, and for Merkel and Putin.
  ArticleFacts f = Extract(
      "Donald Trump, Angela Merkel and Vladimir Putin held talks on the sidelines of the G20 "
      "summit on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Hamburg 2017");
}

TEST(SummitTest, WhoCondemnsAMeetingIsNoPartyToIt) {
  ArticleFacts f = Extract(
      "MOSCOW -- Angela Merkel and Vladimir Putin held talks on Tuesday. Recep Tayyip Erdogan "
      "criticised the visit.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, TheLeaderTheOneAttendeeAddressesIsTheOtherSide) {
  // Only Merkel is named with a meeting cue; the lead has her tell Putin, in Moscow.
  ArticleFacts f = Extract(
      "MOSCOW -- Angela Merkel told Vladimir Putin on Tuesday that the war could not be won. "
      "\"It cannot be won on the battlefield,\" Merkel said at the start of talks in the "
      "Kremlin.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
  // Not over the telephone.
  f = Extract(
      "MOSCOW -- Angela Merkel told Vladimir Putin by telephone on Tuesday that the war could "
      "not be won. Merkel then held talks with officials.\n");
  EXPECT_TRUE(!f.summit.has_value() || Attendees(f).size() < 2);
}

TEST(SummitTest, LeadersTheLeadHasOneAddressTheOtherMetWhereTheArticleTellsOfAMeeting) {
  ArticleFacts f = Extract(
      "MOSCOW -- Angela Merkel urged Russian President Vladimir Putin on Thursday to end the "
      "war. Business deals were announced during the visit.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
  // No meeting told anywhere: a statement, not a summit.
  f = Extract("MOSCOW -- Angela Merkel urged Russian President Vladimir Putin on Thursday to "
              "end the war.\n");
  EXPECT_TRUE(!f.summit.has_value() || Attendees(f).size() < 2);
}

TEST(SummitTest, AVideoCallIsNoMeeting) {
  ArticleFacts f = Extract(
      "Merkel, Putin hold video call\nBERLIN -- Angela Merkel and Vladimir Putin held a video "
      "call on Thursday. The two leaders also discussed trade and agreed that their teams would "
      "follow up on a possible meeting.\n");
  EXPECT_TRUE(!f.summit.has_value() || Attendees(f).size() < 2);
}

TEST(SummitTest, AMeetingStillToComeIsNone) {
  ArticleFacts f = Extract(
      "Putin and Merkel to meet in Berlin next week\nMOSCOW -- Vladimir Putin and Angela "
      "Merkel will meet in Berlin next week, the Kremlin said. The two sides would focus on "
      "trade.\n");
  EXPECT_TRUE(!f.summit.has_value() || Attendees(f).size() < 2);
}

TEST(SummitTest, MultilateralSummitOfAnotherYearIsNotGuessed) {
  ArticleFacts f = Extract(
      "Posted March 3, 2019\nDonald Trump and Vladimir Putin held talks on the sidelines of "
      "the G20 summit.\n");
  EXPECT_TRUE(!f.summit.has_value() || f.summit->city != "Hamburg");
}

TEST(SummitTest, ALeaderNamedInOfficeTellsWhichSummitOfASeries) {
  // Bush and Putin met at two APEC summits of the table; Hu Jintao was president only at the
  // later one.
  ArticleFacts f = Extract(
      "George W. Bush and Vladimir Putin held talks at the close of the APEC summit. Chinese "
      "President Hu Jintao also met Bush.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Bangkok");
}

TEST(SummitTest, SeveralSummitsOfASeriesWithoutAClueAreNotGuessed) {
  ArticleFacts f = Extract(
      "George W. Bush and Vladimir Putin held talks at the close of the APEC summit.\n");
  EXPECT_TRUE(!f.summit.has_value() ||
              (f.summit->city != "Bangkok" && f.summit->city != "Shanghai"));
}

TEST(SummitTest, VenueStandingForAGovernmentIsNoPlace) {
  ArticleFacts f = Extract(
      "Donald Trump and Vladimir Putin held talks on Monday. White House officials said the "
      "talks went well.\n");
  EXPECT_TRUE(!f.summit.has_value() || f.summit->city != "Washington");
  ArticleFacts vowed = Extract(
      "Donald Trump and Vladimir Putin held talks on Monday. Putin favours lower tariffs, which "
      "the White House has vowed to resist.\n");
  EXPECT_TRUE(!vowed.summit.has_value() || vowed.summit->city != "Washington");
}

TEST(SummitTest, CopyrightYearDatesAnUndatedReport) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks on Monday.\nCopyright 2009 "
      "The Agency.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Berlin 2009");
}

TEST(SummitTest, VenueNamedLikeABuildingIsNoTown) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks at Marienfelde Tempel Central "
      "Airport on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, UnknownTownEndingInABuildingsNounIsNoTown) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks at Schorfheide Lodge on "
      "Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, LeadersSigningAtAResidenceMeetInTheDatelinesTown) {
  // Putting their signatures to a document is a meeting; a court, like a lodge, is a building.
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy put their signatures to the accord at "
      "Schorfheide Court, the residence of the governor, early today.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(SummitTest, MeetingAModalPutsAheadIsNotThePlace) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks on Monday. A committee of their "
      "ministers would meet in Geneva to work out the details.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, SummitAVerbStillToComeTakesIsNotThePlace) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks on Monday. The meeting came as "
      "France prepares to host the G8 summit in Deauville in May.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, SummitSomeWordsAfterBeforeIsAnotherEvent) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks on Monday. The meeting, days "
      "before France hosts the G8 summit in Deauville, was meant to settle the budget.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, AVerbAfterToIsNoLocative) {
  ArticleFacts f = Extract(
      "MOSCOW -- Vladimir Putin and George W. Bush held bilateral talks on Monday, but Putin "
      "declined to give the White House the assurance it wanted.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Moscow");
}

TEST(SummitTest, HeadlinePlacingItsLeadersGivesThePlace) {
  ArticleFacts f = Extract(
      "Merkel and Putin air differences over Ukraine in Sochi\n\n"
      "Chancellor Angela Merkel and President Vladimir Putin put their disagreements on open "
      "display on Tuesday as the German leader made her first visit to Russia in two years.\n\n"
      "Speaking at a joint press conference at Mr Putin's residence, Mrs Merkel said the "
      "fighting must end.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Sochi");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, LeadersSpeakingAsOneSubjectMet) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and her French counterpart Nicolas Sarkozy said on Monday their "
      "countries would study a joint fund. Speaking after talks at the chancellery, Merkel "
      "said the aim was growth. The two leaders will attend a summit in Geneva next week.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(SummitTest, SatDownWithIsAMeeting) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel sat down on Sunday with Nicolas Sarkozy, her French "
      "counterpart.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(SummitTest, ASourceOrAJourneyBeforeIsNoMeetingPlace) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks on Monday, according to the White "
      "House. Merkel, who has already been to Geneva this year, ended her visit.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, ThePlaceOfAThingSetUpIsNoMeetingPlace) {
  // Undated and without a dateline: the committee's town would be the only place.
  ArticleFacts f = Extract(
      "Angela Merkel and Nicolas Sarkozy held talks. The two leaders agreed to set up a joint "
      "secretariat in Geneva.\n");
  EXPECT_FALSE(f.summit.has_value());
  // A meeting that opened there was held there.
  f = Extract("Angela Merkel and Nicolas Sarkozy held talks. The conference opened in Geneva.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(SummitTest, LeadersListedStraightAfterAMeetingCueTakePart) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin met Angela Merkel, Nicolas Sarkozy, Recep Tayyip Erdogan and "
      "Hu Jintao on Sunday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f).size(), 5u);
}

TEST(SummitTest, APlaceHostingTheMeetingIsItsPlace) {
  ArticleFacts f = Extract(
      "Geneva hosted the talks between Vladimir Putin and Angela Merkel on Sunday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(SummitTest, AHeadlinePlacingLeadersToldAsAGroupGivesThePlace) {
  ArticleFacts f = Extract(
      "When five prime ministers came to Geneva\n\nVladimir Putin and Angela Merkel held "
      "talks on Sunday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(SummitTest, AnIslandALeaderMetOnIsThePlace) {
  // Its headline names the island: the report is about the meeting, though dated by a year.
  ArticleFacts f = Extract(
      "The day Putin came to Jeju\n\nVladimir Putin and Angela Merkel met on Jeju Island in "
      "2006.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Jeju Island");
  EXPECT_EQ(f.summit->year, 2006);
  // "On Monday" is no place.
  f = Extract("The day Putin came\n\nVladimir Putin and Angela Merkel met on Monday.\n");
  EXPECT_FALSE(f.summit.has_value());
}

TEST(SummitTest, TheYearOfTheSentenceThatPlacesTheMeetingDatesIt) {
  ArticleFacts f = Extract(
      "The day Putin came to Jeju\n\nVladimir Putin never went to Seoul. His visit was short, "
      "and it took place on Jeju Island in 2006. Putin and Angela Merkel held talks.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Jeju Island");
  EXPECT_EQ(f.summit->year, std::optional<int>(2006));
  // Not a year the meeting is told against.
  f = Extract(
      "The day Putin came to Jeju\n\nVladimir Putin never went to Seoul. His visit was the "
      "first since he took office in 2000, and it took place on Jeju Island. Putin and Angela "
      "Merkel held talks.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(SummitTest, TheTownAfterAVenuesNameAndAComma) {
  ArticleFacts f = Extract(
      "MOSCOW -- Angela Merkel held talks with visiting French President Nicolas Sarkozy at "
      "State House, Geneva.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(SummitTest, TheLeaderMetAndTitlesAreNoDistanceToThePlace) {
  ArticleFacts f = Extract(
      "MOSCOW -- Turkish President Recep Tayyip Erdogan on Thursday met his Russian counterpart "
      "Vladimir Putin in the Swiss city Geneva.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(SummitTest, ALeaderToHoldTalksSomewhereHeldThem) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel, the first chancellor to hold talks in Sochi, met Nicolas "
      "Sarkozy there on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Sochi");
}

TEST(SummitTest, TheTwoLeadersAreTheTwoTheLeadNames) {
  ArticleFacts f = Extract(
      "Putin praises Sarkozy\n\nSOCHI -- Vladimir Putin said on Monday that some of the "
      "proposals made by French President Nicolas Sarkozy during more than five hours of talks "
      "in the resort could ease the tensions. The two leaders remained far apart on Kosovo.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Nicolas Sarkozy", "Vladimir Putin"}));
}

TEST(SummitTest, ALeaderOwningTheObjectOfAMeetingCueIsNoParty) {
  ArticleFacts f = Extract(
      "WASHINGTON -- Barack Obama and Dmitry Medvedev held talks on Monday. Hamas signed a "
      "pact with President Hassan Rouhani's envoys this month.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(SummitTest, AfterAnUndatedHeadlineAYearNamingTheMeetingDatesIt) {
  ArticleFacts f = Extract(
      "Putin meets Erdogan in Geneva\n\nGENEVA, Sept. 3 -- Vladimir Putin met Recep Tayyip "
      "Erdogan here on Saturday, who is in Switzerland for the 2016 G20 summit.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2016));
  // Not a year of some earlier journey the report recalls.
  ArticleFacts recalled = Extract(
      "Putin meets Erdogan in Geneva\n\nGENEVA, Sept. 3 -- Vladimir Putin met Recep Tayyip "
      "Erdogan here on Saturday, the first such visit since Boris Yeltsin travelled to Geneva in "
      "1996.\n");
  ASSERT_TRUE(recalled.summit.has_value());
  EXPECT_NE(recalled.summit->year, std::optional<int>(1996));
}

TEST(SummitTest, ALeaderNamedWithAContemporaryIsThatOnesContemporary) {
  // As many leaders of each Bush's time are named in the article; the sentence that names
  // Bush with Gorbachev tells which.
  ArticleFacts f = Extract(
      "GENEVA -- President George Bush and Soviet President Mikhail Gorbachev held talks on "
      "Sunday. Boris Yeltsin was not invited. Analysts likened the mood to the years of "
      "Vladimir Putin and Hu Jintao.\n");
  ASSERT_TRUE(f.summit.has_value());
  std::vector<std::string> attendees = Attendees(f);
  EXPECT_NE(std::find(attendees.begin(), attendees.end(), "George H. W. Bush"), attendees.end());
  EXPECT_EQ(std::find(attendees.begin(), attendees.end(), "George W. Bush"), attendees.end());
}

TEST(SummitTest, ALeaderNamedWithAnotherOfficeOrAsDeposedIsNoAttendee) {
  // Undated: no term of office tells who led at the time; the text's own titles do.
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks on Sunday, joined by Vice "
      "President Joe Biden.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks on Sunday with the two "
      "foreign ministers, Joe Biden and another, and the deposed president Boris Yeltsin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  // The office of a country's lead is none other: "President Joe Biden" met them.
  f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks on Sunday with President "
      "Joe Biden.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f).size(), 3u);
}

TEST(SummitTest, ALeaderWhoDidNotComeIsNoAttendee) {
  ArticleFacts f = Extract(
      "GENEVA -- Heads of government of the Group of Eight today endorsed a plan. Vladimir "
      "Putin, Angela Merkel and Recep Tayyip Erdogan signed it. France's President, Nicolas "
      "Sarkozy, did not come to the summit.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                    "Vladimir Putin"}));
  // Not coming to an agreement is no absence.
  f = Extract(
      "GENEVA -- Heads of government of the Group of Eight today endorsed a plan. Vladimir "
      "Putin, Angela Merkel and Recep Tayyip Erdogan signed it. France's President, Nicolas "
      "Sarkozy, did not come to an agreement with them on trade.\n");
  EXPECT_EQ(Attendees(f).size(), 4u);
}

TEST(SummitTest, ALeaderInAWhoseClauseTakesNoPartInTheMeetingOutsideIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin met Angela Merkel. Turkey, whose plan was blocked by Recep "
      "Tayyip Erdogan, was not represented at the meeting.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, AHostWhoDidNotTakePartIsNoAttendee) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks on Sunday. Angela Merkel "
      "welcomed the two leaders on their arrival but did not take part in the talks.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  // Nor one that follows another leader's name: that leader's.
  ArticleFacts next = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks on Sunday with Angela "
      "Merkel, George W. Bush having said he would not attend.\n");
  std::vector<std::string> attending = Attendees(next);
  EXPECT_NE(std::find(attending.begin(), attending.end(), "Angela Merkel"), attending.end());
  EXPECT_EQ(std::find(attending.begin(), attending.end(), "George W. Bush"), attending.end());
  // Not a denial in a clause of another subject.
  ArticleFacts other = Extract(
      "GENEVA -- Vladimir Putin, Angela Merkel and Recep Tayyip Erdogan held talks on Sunday. "
      "Angela Merkel told reporters that countries in conflict could not join.\n");
  EXPECT_EQ(Attendees(other), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                       "Vladimir Putin"}));
}

TEST(SummitTest, AMeetingAtTheStartOfAnotherMonthIsAnotherMeeting) {
  ArticleFacts f = Extract(
      "HELSINKI, Sept 9 (Reuters) - Vladimir Putin and Recep Tayyip Erdogan held talks on "
      "Sunday in the Finnish capital. At their summit in Sochi at the start of June the two men "
      "signed an accord.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Helsinki");
}

TEST(SummitTest, WhatASentenceAboutAnotherMeetingTellsIsNotThisSummits) {
  auto discussed = [](const ArticleFacts& f, std::string_view issue) {
    return std::any_of(f.discussed.begin(), f.discussed.end(),
                       [&](const IssueFact& i) { return i.issue == issue; });
  };
  ArticleFacts f = Extract(
      "HELSINKI, Sept 9 (Reuters) - Vladimir Putin and Recep Tayyip Erdogan held talks on "
      "Sunday. They discussed Iraq. At their summit in Sochi at the start of June the two men "
      "discussed missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(discussed(f, "Iraq"));
  EXPECT_FALSE(discussed(f, "missile defense"));
  // Nor is a thing's history a meeting: "the plan agreed in June" tells what it is.
  ArticleFacts plan = Extract(
      "HELSINKI, Sept 9 (Reuters) - Vladimir Putin and Recep Tayyip Erdogan held talks on "
      "Sunday. In a review of the plan agreed in June, the two men discussed missile "
      "defense.\n");
  EXPECT_TRUE(discussed(plan, "missile defense"));
}

TEST(SummitTest, TheLeadOfAGatheringIsItsFirstThreeSentencesAfterTheHeadline) {
  const std::string body =
      "GENEVA -- The summit produced a number for Africa. On trade, the gap is wide.\n\nWhen the "
      "leaders of the Group of Eight gathered at a hotel this week, Angela Merkel wanted two "
      "things. "
      "Vladimir Putin and Recep Tayyip Erdogan spoke of trade.\n";
  ArticleFacts f = Extract("Leaders get their money\n\n" + body);
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                   "Vladimir Putin"}));
}

TEST(SummitTest, AGatheringStillToComeOrOfTwoIsNone) {
  ArticleFacts ahead = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan signed a treaty. The heads of state and "
      "government are to meet twice a year. Angela Merkel praised the news in Berlin.\n");
  EXPECT_EQ(Attendees(ahead),
            (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  ArticleFacts two = Extract(
      "GENEVA -- Vladimir Putin met Recep Tayyip Erdogan. The two heads of state handed their "
      "instruments to Angela Merkel.\n");
  EXPECT_EQ(Attendees(two), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(SummitTest, TheHeadOfAnInternationalOrganisationIsNoAttendingLeader) {
  ArticleFacts f = Extract(
      "GENEVA, July 30, 2002 -- Vladimir Putin and George W. Bush held talks on Tuesday with "
      "Kofi Annan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"George W. Bush", "Vladimir Putin"}));
}

TEST(SummitTest, ASeriesSummitTheHeadlineReportsIsAGathering) {
  ArticleFacts f = Extract(
      "ANALYSIS | Macron's G7 gamble pays off\n\nBIARRITZ -- Angela Merkel held talks with "
      "Vladimir Putin. Recep Tayyip Erdogan stayed out of the argument. Trump said he would be "
      "willing to meet Hassan Rouhani. George W. Bush, who had not been invited, objected.\n");
  ASSERT_TRUE(f.summit.has_value());
  // Every leader named in office, not one a meeting still to come is with, nor one uninvited.
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Donald Trump",
                                                   "Recep Tayyip Erdogan", "Vladimir Putin"}));
  // Not one a meeting was held on the sidelines of.
  ArticleFacts sidelines = Extract(
      "Merkel meets Putin on the sidelines of the G7 summit\n\nBIARRITZ -- Angela Merkel held "
      "talks with Vladimir Putin. Recep Tayyip Erdogan spoke to reporters.\n");
  EXPECT_EQ(Attendees(sidelines), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, HeadsOfStateMeetingAsASubjectPastTheLeadAreAGathering) {
  ArticleFacts f = Extract(
      "GENEVA -- The summit opened on Tuesday. It was the first in years. Nobody expected much. "
      "Eleven heads of state sat down with Angela Merkel at the palace. Vladimir Putin and "
      "Recep Tayyip Erdogan spoke of trade.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                   "Vladimir Putin"}));
}

TEST(SummitTest, ASummitOfARegionOrAnOrganisationIsAGathering) {
  ArticleFacts f = Extract(
      "GENEVA, April 15 -- The sixth Summit of the Americas ended on Sunday without a final "
      "declaration.\n\nVladimir Putin said the region had to move on. Recep Tayyip Erdogan "
      "demanded more.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  // Not a summit of its sides.
  f = Extract(
      "GENEVA, April 15 -- The summit of the United States and Russia ended on Sunday.\n\n"
      "Vladimir Putin said the region had to move on. Recep Tayyip Erdogan demanded more.\n");
  EXPECT_FALSE(f.summit.has_value());
}

TEST(SummitTest, AnAppositionToTheLeaderMetKeepsATownTheLexiconLacks) {
  ArticleFacts f = Extract(
      "Angela Merkel met Vladimir Putin, the Russian president, in Zavidovo on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zavidovo");
  f = Extract("Angela Merkel met the Russian president, Vladimir Putin, in Zavidovo on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zavidovo");
  // A clause between them is no apposition.
  f = Extract(
      "Angela Merkel met Vladimir Putin, who had come from Sochi, in Zavidovo on Friday.\n");
  EXPECT_FALSE(f.summit.has_value() && f.summit->city == "Zavidovo");
}

TEST(SummitTest, ATownALeaderTravelledToForTheMeetingIsWhereItWas) {
  ArticleFacts f = Extract(
      "On 24 November 2009, Angela Merkel travelled to Zavidovo to meet the Russian president, "
      "Vladimir Putin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zavidovo");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
  f = Extract("Angela Merkel flew to Geneva on Friday for talks with Vladimir Putin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  f = Extract("Angela Merkel travelled to State House Zavidovo to meet Vladimir Putin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zavidovo");
  // Not a journey still to come, nor one after the meeting for something else.
  f = Extract("Angela Merkel will travel to Zavidovo to meet Vladimir Putin next week.\n");
  EXPECT_FALSE(f.summit.has_value());
  f = Extract(
      "Angela Merkel met Vladimir Putin in Sochi on Friday and then flew to Zavidovo to meet "
      "bankers.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Sochi");
}

TEST(SummitTest, LeadersOfAnOrganisationTheTextNamesAreAGathering) {
  ArticleFacts f = Extract(
      "HOST: Leaders from the Caribbean Community have ended their summit in Geneva.\n\n"
      "REPORTER: Vladimir Putin said the region would speak with one voice, while Recep Tayyip "
      "Erdogan focused on security.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  // Not the leaders of two countries named.
  f = Extract(
      "The leaders of the United States and Russia said nothing in Geneva.\n\nVladimir Putin "
      "said the region would speak with one voice, while Recep Tayyip Erdogan focused on "
      "security.\n");
  EXPECT_FALSE(f.summit.has_value());
}

TEST(SummitTest, ABuildingNamedWithItsTownPlacesTheMeetingInTheTown) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy, meeting at State House Zavidovo, held talks "
      "on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zavidovo");
}

TEST(SummitTest, AVenueNameGoingOnWithAnArabicArticleIsNoTown) {
  ArticleFacts f = Extract(
      "BERLIN, Oct. 22 -- Angela Merkel received Nicolas Sarkozy at Bab al-Aziziya today.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Berlin");
}

TEST(SummitTest, ALeaderWhoseActAtTheGatheringDatesASentenceIsAtIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Eleven heads of state sat down with Angela Merkel at the palace on Tuesday. "
      "Recep Tayyip Erdogan has spoken since President Vladimir Putin of Russia opened the "
      "proceedings. It came a day after Nicolas Sarkozy announced a rival plan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                   "Vladimir Putin"}));
}

TEST(SummitTest, ALeaderASentencePlacesElsewhereIsNotAtTheGathering) {
  ArticleFacts f = Extract(
      "GENEVA -- Eleven heads of state sat down with Angela Merkel at the palace on Tuesday. "
      "Recep Tayyip Erdogan spoke of trade. In Moscow, Vladimir Putin said he would study the "
      "plan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan"}));
  // A town the text does not know, or a country, places him as well; the report's own town
  // does not.
  f = Extract(
      "GENEVA -- Eleven heads of state sat down with Angela Merkel at the palace on Tuesday. "
      "Recep Tayyip Erdogan spoke of trade. Back in Russia, Vladimir Putin said he would study "
      "the plan. In Zavidovo, Dmitry Medvedev said the same.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan"}));
  f = Extract(
      "GENEVA -- Eleven heads of state sat down with Angela Merkel at the palace on Tuesday. "
      "In Geneva, Vladimir Putin said he would study the plan.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, ALeadersNameModifyingANounNamesNoPartyToAMeeting) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Nicolas Sarkozy held talks on Monday. Merkel, who refused to "
      "recognise the Putin government before a new treaty had been agreed, spoke first.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(SummitTest, TheSeriesSummitHeldInTheCityDatesAMeetingOnItsSidelines) {
  // The table lists Trump and Putin, and Merkel and Putin, for the G20 summit in Hamburg;
  // Erdogan met Trump there on its sidelines.
  ArticleFacts f = Extract(
      "HAMBURG, July 7 -- Donald Trump met Recep Tayyip Erdogan on the sidelines of a G20 summit "
      "in Germany on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2017));
  // Not without the series named (nor a weekday, which DatelineDayAndWeekdayDateAMeeting
  // reads).
  ArticleFacts bare = Extract(
      "HAMBURG, July 7 -- Donald Trump met Recep Tayyip Erdogan.\n");
  ASSERT_TRUE(bare.summit.has_value());
  EXPECT_NE(bare.summit->year, std::optional<int>(2017));
}

TEST(SummitTest, DatelineDayAndWeekdayDateAMeetingTheTableLacks) {
  // Trump and Erdogan held office together from 2017 to 2021; 7 July was a Friday in 2017
  // alone.
  ArticleFacts f = Extract(
      "ZAVIDOVO, July 7 -- Donald Trump met Recep Tayyip Erdogan on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2017));
  EXPECT_EQ(f.summit->date, "2017-07-07");
  // Wire copy leaves out "on"; "last Friday" is another day.
  f = Extract("ZAVIDOVO, July 7 -- Donald Trump met Recep Tayyip Erdogan Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2017));
  f = Extract("ZAVIDOVO, July 7 -- Donald Trump met Recep Tayyip Erdogan, as agreed last Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
  // A Saturday: 2018; a Thursday: no year of theirs.
  f = Extract("ZAVIDOVO, July 7 -- Donald Trump met Recep Tayyip Erdogan on Saturday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2018));
  f = Extract("ZAVIDOVO, July 7 -- Donald Trump met Recep Tayyip Erdogan on Thursday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
  // The lead's first sentence may name an attendee without telling of the meeting.
  f = Extract(
      "ZAVIDOVO, July 7 -- Donald Trump said on Friday that trade was growing. Trump held talks "
      "with Recep Tayyip Erdogan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2017));
  // No weekday: the only year in which the leaders held office together on that day (George
  // H. W. Bush and Boris Yeltsin, from 10 July 1991 to 20 January 1993: 5 July 1992); the day
  // itself only where the lead says "today".
  f = Extract("ZAVIDOVO, July 5 -- George H. W. Bush met Boris Yeltsin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(1992));
  EXPECT_EQ(f.summit->date, "");
  f = Extract("ZAVIDOVO, July 5 -- George H. W. Bush met Boris Yeltsin today.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->date, "1992-07-05");
  f = Extract("ZAVIDOVO, Dec. 7 -- George H. W. Bush met Boris Yeltsin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
  // Up to where it goes on to the past.
  f = Extract(
      "ZAVIDOVO, July 7 -- Donald Trump said on Friday he grieved for those who suffered in "
      "the past. Trump held talks with Recep Tayyip Erdogan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2017));
}

TEST(SummitTest, TheReportsFirstSentenceDatesItWhoeverItNames) {
  // "Leaders on Saturday ..." names no attendee, yet tells the day of what is reported; the
  // weekday of a later sentence ("began on Friday") is another day's.
  ArticleFacts f = Extract(
      "ZAVIDOVO, July 8 -- The two leaders on Saturday signed a trade pact. Donald Trump and "
      "Recep Tayyip Erdogan held talks, which began on Friday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2017));
  // "announced here tonight": the dateline's day, whatever weekday a later sentence names.
  f = Extract(
      "ZAVIDOVO, July 6 -- Russia and the United States announced here tonight a trade pact. "
      "George H. W. Bush and Boris Yeltsin held talks which began when Yeltsin arrived on "
      "Thursday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->date, "1992-07-06");
}

TEST(SummitTest, ALeaderNamedOutOfOfficeDoesNotStopTheDatelinesDay) {
  // Reagan never held office with Yeltsin: of the leaders named, Bush and Yeltsin date it.
  ArticleFacts f = Extract(
      "ZAVIDOVO, July 5 -- The leaders of the eight countries agreed tonight on trade. George "
      "H. W. Bush and Boris Yeltsin spoke. Britain, whose plan was once blocked by Ronald Reagan, "
      "was not represented at the meeting.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->date, "1992-07-05");
}

TEST(SummitTest, AMeetingHeldHereIsInTheDatelinesCity) {
  // A place named for an agreement of another time does not outrank "here".
  ArticleFacts f = Extract(
      "ZELLERFELD -- Vladimir Putin and Angela Merkel held their annual summit here on Monday. "
      "The summits grew out of the agreements signed in Berlin in 1996.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Zellerfeld");
}

TEST(SummitTest, ACityNamingAGroupIsNoPlace) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Angela Merkel met at the Moscow Five summit on "
      "Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  f = Extract(
      "GENEVA -- Vladimir Putin and Angela Merkel met at the Moscow Cooperation Organisation "
      "summit on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  // Nor a town the lexicon does not know.
  f = Extract(
      "GENEVA -- Vladimir Putin and Angela Merkel met at Zellerfeld Group summit on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  f = Extract("GENEVA -- Vladimir Putin and Angela Merkel met at the Moscow summit on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Moscow");
}

TEST(SummitTest, LeadersInWhosePresenceAPactWasSignedAttended) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan signed the accord in the presence of "
      "French President Nicolas Sarkozy, German Chancellor Angela Merkel and Chinese President "
      "Hu Jintao.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Hu Jintao",
                                                    "Nicolas Sarkozy", "Recep Tayyip Erdogan",
                                                    "Vladimir Putin"}));
}

TEST(SummitTest, LeadersGreetingOneAnotherMet) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin was greeted with an embrace by German Chancellor Angela Merkel "
      "as he stepped off his plane.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
  // Not one greeting a thing.
  f = Extract(
      "GENEVA -- Vladimir Putin met Recep Tayyip Erdogan. Angela Merkel greeted the decision.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(SummitTest, AListOfDelegationsWithTheVerbLeftOutNamesTheirLeaders) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan signed the accord. Germany was "
      "represented by its chancellor, Angela Merkel, and France by its president, Nicolas "
      "Sarkozy.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy",
                                                    "Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(SummitTest, ARegionsOrAnOrganisationsSummitIsAGathering) {
  for (const char* at : {"a European summit", "the Zellerfeld Group summit"}) {
    ArticleFacts f = Extract(std::string("GENEVA -- Vladimir Putin met Angela Merkel at ") + at +
                             " on Friday. Recep Tayyip Erdogan spoke about trade.\n");
    EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                      "Vladimir Putin"}))
        << at;
  }
}

TEST(SummitTest, LeadersListedAsAlsoPresentAttended) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin met Angela Merkel on Friday. Leaders also present included "
      "Turkey's Recep Tayyip Erdogan, France's Nicolas Sarkozy and China's Hu Jintao.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Hu Jintao",
                                                    "Nicolas Sarkozy", "Recep Tayyip Erdogan",
                                                    "Vladimir Putin"}));
}

TEST(SummitTest, APronounOwningAMeetingIsTheLastSentencesSubject) {
  ArticleFacts f = Extract(
      "GENEVA -- Angela Merkel leaves Switzerland today pleased. The statement issued after her "
      "meeting yesterday with Vladimir Putin was brief.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
  // Not where the sentence names a leader before the meeting.
  f = Extract(
      "GENEVA -- Angela Merkel leaves Switzerland today pleased. Nicolas Sarkozy praised her "
      "meeting yesterday with Vladimir Putin.\n");
  std::vector<std::string> attending = Attendees(f);
  EXPECT_EQ(std::find(attending.begin(), attending.end(), "Angela Merkel"), attending.end());
}

TEST(SummitTest, ALeaderTellingAnAttendeeAnythingTookPart) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin met Angela Merkel on Friday. Trade was discussed. Energy was "
      "discussed. On Thursday the Turkish Prime Minister, Recep Tayyip Erdogan, told Mrs Merkel "
      "plainly that he wanted gas. Merkel thanked Nicolas Sarkozy for his support.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                    "Vladimir Putin"}));
}

TEST(SummitTest, OfSeveralKnownSummitsTheOneWhoseLeadersTheLeadNames) {
  // Sochi 2008 (Bush, Putin) and Sochi 2018 (Putin, Erdogan) both fit the leaders named; the
  // lead names Bush's.
  ArticleFacts f = Extract(
      "SOCHI -- George W. Bush met Vladimir Putin at the resort. They spoke of trade. They spoke "
      "of energy. They spoke of missiles. Recep Tayyip Erdogan also met Vladimir Putin.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2008));
}

TEST(SummitTest, TheFirstTimeSinceIsToldOfNow) {
  ArticleFacts f = Extract(
      "GENEVA -- The talks with Vladimir Putin, hosted by Angela Merkel, were the first time the "
      "two had met since the war.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(SummitTest, ALeaderAmongThoseAtTheTableAttended) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin met Angela Merkel on Monday. Recep Tayyip Erdogan was also among "
      "the leaders at the table.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                    "Vladimir Putin"}));
}

TEST(SummitTest, WelcomingAThingIsNoMeeting) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin held talks with Recep Tayyip Erdogan. George W. Bush welcomed "
      "the outcome on Twitter.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  ArticleFacts guest = Extract(
      "GENEVA -- Vladimir Putin welcomed his guest Recep Tayyip Erdogan.\n");
  EXPECT_EQ(Attendees(guest),
            (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(SummitTest, LeadersFlankingOneAnotherMet) {
  ArticleFacts f = Extract(
      "GENEVA -- Angela Merkel announced the decision flanked by Russian President Vladimir "
      "Putin, Turkish President Recep Tayyip Erdogan and George W. Bush.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "George W. Bush",
                                                   "Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(SummitTest, ATimeOwningANounDoesNotDateTheSentence) {
  // "last year's fiasco" is a thing of last year, told in a sentence of now.
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin arrived in the city determined to avoid a repeat of last year's "
      "fiasco. He met Recep Tayyip Erdogan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  // "last year's summit in Sochi" is another meeting, not this one's place.
  ArticleFacts other = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks. Unlike last year's summit in "
      "Sochi, it went well.\n");
  ASSERT_TRUE(other.summit.has_value());
  EXPECT_EQ(other.summit->city, "Geneva");
}

TEST(SummitTest, AYearToldAsATimeSinceDoesNotDateTheMeeting) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks, their first since their "
      "summit in Sochi in September 2016.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  EXPECT_NE(f.summit->year, std::optional<int>(2016));
  f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks in September 2016.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->year, std::optional<int>(2016));
}

TEST(SummitTest, WhereAMeetingWasHeldIsItsPlaceHoweverItsVenueIsDescribed) {
  ArticleFacts f = Extract(
      "WASHINGTON, Feb. 12 -- Vladimir Putin and Recep Tayyip Erdogan have ended a three-day "
      "conference in the mountains, held at an old royal palace outside Tarbes, officials "
      "said.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Tarbes");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
}

TEST(SummitTest, AMeetingToldAsDoneBeforeATimeToComeIsReported) {
  ArticleFacts f = Extract(
      "GENEVA, Sept. 17 -- Vladimir Putin told Recep Tayyip Erdogan on Tuesday that the war "
      "must end, as the two leaders signed a declaration agreeing to resume talks next month.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  ArticleFacts ahead = Extract(
      "GENEVA, Sept. 17 -- Vladimir Putin and Recep Tayyip Erdogan will be received by the "
      "Swiss next month.\n");
  EXPECT_FALSE(ahead.summit.has_value());
}

TEST(SummitTest, ASummitNamedForARegionOrAnOrganisationIsAGathering) {
  // At a gathering of many countries' leaders, every leader named in office took part.
  for (const char* name : {"The XVII Ibero-American Summit", "The 11th SAARC summit"}) {
    ArticleFacts f = Extract(
        std::string("GENEVA -- ") + name + " closed on Saturday. Vladimir Putin, Angela " +
        "Merkel and Recep Tayyip Erdogan spoke about trade.\n");
    ASSERT_TRUE(f.summit.has_value()) << name;
    EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Recep Tayyip Erdogan",
                                                     "Vladimir Putin"}))
        << name;
  }
  // A summit named for its place is no such gathering.
  ArticleFacts place = Extract(
      "GENEVA -- The Geneva Summit closed on Saturday. Vladimir Putin met Recep Tayyip Erdogan. "
      "Angela Merkel spoke about trade.\n");
  ASSERT_TRUE(place.summit.has_value());
  EXPECT_EQ(Attendees(place), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
}

}  // namespace
}  // namespace parley::ingest
