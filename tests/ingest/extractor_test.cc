// Behaviour of the extractor on sentences written for these tests (none from the sample
// articles): each pattern, negation and hedging, and the traps (a leader recalled from the
// past, an aide's words, a summit only mentioned).
#include "ingest/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {


using testing::Attendees;
using testing::Extract;

bool HasStance(const ArticleFacts& f, std::string_view holder, Polarity p, std::string_view issue) {
  return std::any_of(f.stances.begin(), f.stances.end(), [&](const StanceFact& s) {
    return s.holder == holder && s.polarity == p && s.issue == issue;
  });
}

bool Has(const std::vector<IssueFact>& facts, std::string_view issue) {
  return std::any_of(facts.begin(), facts.end(),
                     [&](const IssueFact& i) { return i.issue == issue; });
}

TEST(ExtractorTest, MeetingWithoutYearIsNamedAfterTheCity) {
  ArticleFacts f = Extract(
      "Chancellor Angela Merkel and President Nicolas Sarkozy held talks in "
      "Berlin on Monday.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Berlin");
  EXPECT_EQ(f.summit->country, "Germany");
  EXPECT_FALSE(f.summit->year.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
  for (const auto& a : f.attendance) {
    EXPECT_FALSE(a.provenance.evidence.empty());
    EXPECT_GT(a.provenance.confidence, 0.0);
    EXPECT_LE(a.provenance.confidence, 1.0);
  }
}

TEST(ExtractorTest, ThoseWhoChairAMeetingAttendIt) {
  ArticleFacts f = Extract(
      "Rich and poor nations end summit\n\n"
      "CANCUN, Mexico, Oct. 23, 2009 - Twenty-two heads of state and government ended two "
      "days of talks at a lakeside hotel tonight with a hedged agreement to keep talking.\n\n"
      "The International Meeting on Trade and Development, co-chaired by Chancellor Angela "
      "Merkel of Germany and President Nicolas Sarkozy of France, had been billed as the "
      "first of its kind. Russia declined its invitation.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, AMeetingPlacedAfterAnotherIsNotWhereTheOtherWas) {
  ArticleFacts f = Extract(
      "BERLIN -- Merkel and Sarkozy held talks on Monday during a visit that followed the G20 "
      "summit in Paris.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Berlin");
  // Opening the sentence, the meeting is its scene.
  ArticleFacts g = Extract(
      "BERLIN -- After talks in Paris on Monday, Merkel and Sarkozy said they agreed.\n");
  ASSERT_TRUE(g.summit.has_value());
  EXPECT_EQ(g.summit->name, "Paris");
}

TEST(ExtractorTest, ASummitALeaderIsInvitedToIsStillToCome) {
  ArticleFacts f = Extract(
      "GENEVA, March 20 (PTI) Obama and Medvedev held talks on Monday. Obama invited Medvedev "
      "to the G8 summit in Paris.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Geneva");
}

TEST(ExtractorTest, TwoLeadersWhoRemainedDividedMet) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama pressed Medvedev on Tuesday to back sanctions against Iran, but the two "
      "leaders remained divided over Kosovo.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
  // Unless they spoke by telephone.
  ArticleFacts g = Extract(
      "GENEVA -- Obama pressed Medvedev by telephone on Tuesday to back sanctions against Iran, "
      "but the two leaders remained divided over Kosovo.\n");
  EXPECT_FALSE(g.summit.has_value());
}

TEST(ExtractorTest, TalksByTelephoneAreNoSummit) {
  ArticleFacts f = Extract(
      "MOSCOW -- Obama and Medvedev held talks by telephone on Tuesday on sanctions against "
      "Iran.\n");
  EXPECT_FALSE(f.summit.has_value());
  EXPECT_TRUE(f.attendance.empty());
}

TEST(ExtractorTest, SameCityOtherLeadersIsAnotherSummit) {
  ArticleFacts a = Extract("Merkel and Sarkozy met in Berlin on Monday.\n");
  ArticleFacts b = Extract("Merkel and Hu met in Berlin on Friday.\n");
  ASSERT_TRUE(a.summit && b.summit);
  EXPECT_EQ(a.summit->name, b.summit->name);
  EXPECT_NE(a.summit->key, b.summit->key);
}

TEST(ExtractorTest, YearFromTheTextAndSurnameResolvedByPeriod) {
  ArticleFacts f = Extract(
      "Bush and Yeltsin met in Moscow on Jan. 3, 1993, to sign an arms "
      "reduction treaty.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Moscow 1993");
  EXPECT_EQ(f.summit->year, 1993);
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Boris Yeltsin", "George H. W. Bush"}));
  f = Extract("BERLIN -- Bush and Putin held talks here in 2003.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"George W. Bush", "Vladimir Putin"}));
}

TEST(ExtractorTest, KnownSummitTableGivesTheYear) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held a joint "
      "news conference after their talks.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Helsinki 2018");
  EXPECT_EQ(f.summit->date, "2018-07-16");
  EXPECT_EQ(f.dateline, "Helsinki, Finland");
}

TEST(ExtractorTest, UnknownDatelineCityStillMakesASummit) {
  ArticleFacts f = Extract("REYKJAVIK, Iceland -- Obama and Medvedev met for two hours.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Reykjavik");
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(ExtractorTest, RecalledLeadersAndFormerLeadersDoNotAttend) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva on Tuesday. Their predecessors, Bush and Putin, had met "
      "in Berlin years earlier. Former President Bill Clinton sent a letter.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
  for (const LeadsFact& l : f.leads) EXPECT_NE(l.leader, "Bill Clinton");
}

TEST(ExtractorTest, ALeaderOfThenOrAnOppositionLeaderLeadsNoCountryHere) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan held talks on Sunday. Ties had been cut "
      "after the then US president, Donald Trump, backed opposition leader Dmitry Medvedev.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Recep Tayyip Erdogan", "Vladimir Putin"}));
  for (const LeadsFact& l : f.leads) {
    EXPECT_NE(l.leader, "Donald Trump");
    EXPECT_NE(l.leader, "Dmitry Medvedev");
  }
}

TEST(ExtractorTest, ASuccessorTakingOfficeTheDayTheUndatedMeetingsTimeEndsLeadsNoCountry) {
  // Undated: the time is the attendees' shared tenure, 7 May 2000 to 20 January 2001, the day
  // George W. Bush took office.
  ArticleFacts f = Extract(
      "GENEVA -- Bill Clinton and Vladimir Putin held talks on Sunday. George W. Bush was "
      "watching.\n");
  for (const LeadsFact& l : f.leads) EXPECT_NE(l.leader, "George W. Bush");
}

TEST(ExtractorTest, SummitOnlyMentionedIsNoSummit) {
  ArticleFacts f = Extract(
      "Merkel said on Monday that she hoped to meet Hu at a summit in "
      "Beijing. She is expected to raise trade.\n");
  EXPECT_FALSE(f.summit.has_value());
  EXPECT_TRUE(f.attendance.empty());
}

TEST(ExtractorTest, AideIsAPersonAndTheStanceIsTheCountrys) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev's spokesman, Natalya Timakova, said the "
      "Kremlin opposes the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense") &&
               !HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  ASSERT_EQ(f.people.size(), 1u);
  EXPECT_EQ(f.people[0].name, "Natalya Timakova");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(ExtractorTest, MetonymsHoldStancesAndPronounsPointToTheTopic) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. The status of Kosovo came up. Washington supports it. "
      "The Kremlin rejects it.\n");
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kSupports, "Kosovo"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "Kosovo"));
  for (const StanceFact& s : f.stances) EXPECT_EQ(s.summit, "Geneva");
}

TEST(ExtractorTest, NegatedSupportIsOppositionNegatedOppositionIsNothing) {
  ArticleFacts f = Extract(
      "Obama and Sarkozy held talks in Paris. Paris does not support new sanctions on Iran. "
      "Washington does not oppose the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "France", Polarity::kOpposes, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "United States", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "United States", Polarity::kSupports, "missile defense"));
}

TEST(ExtractorTest, HedgedStatementsAreNotStances) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev is expected to reject the missile "
      "shield.\n");
  EXPECT_TRUE(f.stances.empty());
}

TEST(ExtractorTest, GroupReferencesCoverTheAttendees) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. The two leaders also backed new sanctions on "
      "Iran.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(Has(f.discussed, "Iran sanctions"));
}

TEST(ExtractorTest, TheTwoLeadersAreTheTwoTheSentenceNamesWhenNoneAreNamedTogether) {
  ArticleFacts f = Extract(
      "PARIS -- President Sarkozy pressed Chinese President Hu Jintao on Friday to use his "
      "influence with Tehran to halt its nuclear work, as the two leaders met for a second day "
      "of talks in the capital.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Hu Jintao", "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, ALeaderJoinedByAndToOneTakingPartTakesPart) {
  ArticleFacts f = Extract(
      "PARIS -- Obama and Medvedev held talks on Monday, hosted by French President Nicolas "
      "Sarkozy and German Chancellor Angela Merkel.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Angela Merkel", "Barack Obama",
                                                    "Dmitry Medvedev", "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, AMeetingInAnAdverbialPhraseIsTheSubjectsNotAClausesLeaders) {
  ArticleFacts f = Extract(
      "GENEVA -- U.S. President Barack Obama and Russian President Dmitry Medvedev insisted on "
      "Friday that President Nicolas Sarkozy must act on the issue within weeks, after talks at "
      "a lakeside villa.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
  // A meeting that names its own parties is theirs, not the subject's.
  ArticleFacts g = Extract(
      "GENEVA -- President Nicolas Sarkozy spoke on Friday, after talks between Obama and "
      "Medvedev at a lakeside villa.\n");
  EXPECT_EQ(Attendees(g), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(ExtractorTest, PronounPrefersThePreviousSubject) {
  ArticleFacts f = Extract("Mr. Putin met Mr. Obama in Geneva. He rejected the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, TopicalIssueIsNotAStanceObject) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. They pledged to work together on the missile shield.\n");
  EXPECT_TRUE(f.stances.empty());
}

TEST(ExtractorTest, DisputesCoverListsAndRespectResolution) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. The two sides remained at odds over Kosovo and the "
      "missile shield. They resolved their differences over a trade deal.\n");
  EXPECT_TRUE(Has(f.disputed, "Kosovo"));
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  EXPECT_FALSE(Has(f.disputed, "trade"));
  f = Extract(
      "Obama and Medvedev met in Geneva. They failed to resolve their differences over "
      "a trade deal.\n");
  EXPECT_TRUE(Has(f.disputed, "trade"));
  f = Extract("Obama and Medvedev met in Geneva. There was no disagreement over a trade deal.\n");
  EXPECT_FALSE(Has(f.disputed, "trade"));
}

TEST(ExtractorTest, CountryNameTriggerNeedsATopicContext) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. They discussed threats from states such as Iraq. "
      "They disagree over Kosovo.\n");
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
  EXPECT_TRUE(Has(f.disputed, "Kosovo"));
}

TEST(ExtractorTest, DisputeWithOneStatedSideImpliesTheOther) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. Obama backs the missile shield. The two sides remain at "
      "odds over the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, LeadsAndMentionsComeWithEveryLeader) {
  ArticleFacts f = Extract("Obama and Medvedev met in Geneva. Obama spoke first.\n");
  auto leads = [&](std::string_view l, std::string_view c) {
    return std::any_of(f.leads.begin(), f.leads.end(),
                       [&](const LeadsFact& x) { return x.leader == l && x.country == c; });
  };
  EXPECT_TRUE(leads("Barack Obama", "United States"));
  EXPECT_TRUE(leads("Dmitry Medvedev", "Russia"));
  auto obama = std::find_if(f.mentions.begin(), f.mentions.end(),
                            [](const MentionFact& m) { return m.name == "Barack Obama"; });
  ASSERT_NE(obama, f.mentions.end());
  EXPECT_EQ(obama->count, 2);
}

TEST(ExtractorTest, ArticleIdIsAHashOfTheNormalisedText) {
  ArticleFacts a = Extract("Obama and Medvedev met in Geneva.\n");
  ArticleFacts b = Extract("Advertisement\nObama and Medvedev met in Geneva.\r\n");
  ArticleFacts c = Extract("Obama and Medvedev met in Vienna.\n");
  EXPECT_EQ(a.id.size(), 32u);
  EXPECT_EQ(a.id, b.id);
  EXPECT_NE(a.id, c.id);
}

TEST(ExtractorTest, MeetingStillToComeIsNoSummit) {
  ArticleFacts f = Extract(
      "PARIS -- Merkel will travel to Berlin next week for talks with "
      "Sarkozy, officials said.\n");
  EXPECT_FALSE(f.summit.has_value());
  EXPECT_TRUE(f.attendance.empty());
}

TEST(ExtractorTest, InverterTurnsTheStanceAround) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Obama rejected limits on "
      "the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, AnInverterHoldingAnOpposeCueTurnsTheStanceOnce) {
  // "an end to" is an inverter and holds the oppose cue "end to": one turn, not two.
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev called for an end to sanctions "
      "against Iran. Obama urged a halt to the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kSupports, "missile defense"));
}

TEST(ExtractorTest, ACommaBeforeAndAfterOneObjectStartsAnotherClause) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev backs the ABM Treaty, and the "
      "missile shield was discussed at length.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "ABM Treaty"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "missile defense"));
  // A list of three takes the comma before "and": every item is an object.
  ArticleFacts g = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev backs the ABM Treaty, the missile "
      "shield, and sanctions against Iran.\n");
  EXPECT_TRUE(HasStance(g, "Dmitry Medvedev", Polarity::kSupports, "ABM Treaty"));
  EXPECT_TRUE(HasStance(g, "Dmitry Medvedev", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(g, "Dmitry Medvedev", Polarity::kSupports, "missile defense"));
}

TEST(ExtractorTest, AnotherSubjectsStanceEndsTheObject) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Obama backs some rebel groups and Russia "
      "opposes sanctions against Iran.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kOpposes, "Iran sanctions"));
}

TEST(ExtractorTest, ANameTwoCountriesShareIsTheOneOfTheTime) {
  // "Moscow" is a metonym of both Russia and the Soviet Union in the fixture.
  ArticleFacts soviet = Extract(
      "GENEVA -- Reagan and Gorbachev held talks in Geneva. Moscow opposes the missile "
      "shield.\n");
  EXPECT_TRUE(HasStance(soviet, "Soviet Union", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(soviet, "Russia", Polarity::kOpposes, "missile defense"));
  ArticleFacts russia = Extract(
      "GENEVA -- Obama and Medvedev held talks in Geneva. Moscow opposes the missile "
      "shield.\n");
  EXPECT_TRUE(HasStance(russia, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(russia, "Soviet Union", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, ATimeBetweenTheCueAndItsObjectIsNoTopicPreposition) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev rejected on Monday the missile "
      "shield. Obama backed on March 3 sanctions against Iran.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
}

TEST(ExtractorTest, AgreeingToDiscussAnIssueIsNoStanceOnIt) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev agreed to discuss the missile shield. "
      "Both leaders backed sanctions against Iran.\n");
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
}

TEST(ExtractorTest, PressingAnIssueWorryAboutIsAStandForIsAStandForIt) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Obama pressed Medvedev on human rights.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "human rights"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "human rights"));
}

TEST(ExtractorTest, AParticipleOpeningAnAdverbialClauseHasTheSentencesSubject) {
  ArticleFacts f = Extract(
      "Reagan and Gorbachev held talks in Geneva. Back in Washington, Reagan called the summit "
      "a victory because he did not bow to Gorbachev's pressure, while successfully pressuring "
      "the Soviet leader on human rights.\n");
  EXPECT_TRUE(HasStance(f, "Ronald Reagan", Polarity::kSupports, "human rights"));
  EXPECT_FALSE(HasStance(f, "Mikhail Gorbachev", Polarity::kSupports, "human rights"));
}

TEST(ExtractorTest, FightingAnIssueOpposesIt) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev urged a partnership in fighting the "
      "missile shield. Obama backs fighting for human rights.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "missile defense"));
  // Fighting for something is no fight against it.
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "human rights"));
}

TEST(ExtractorTest, AnAgentWithATitleIsNoHolder) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. The talks, hosted by French President Nicolas "
      "Sarkozy and German Chancellor Angela Merkel, produced a commitment to sanctions against "
      "Iran.\n");
  EXPECT_FALSE(HasStance(f, "Angela Merkel", Polarity::kSupports, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Nicolas Sarkozy", Polarity::kSupports, "Iran sanctions"));
}

TEST(ExtractorTest, AnIssueInAPhraseOfOriginOrTimeIsNoStanceObject) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Medvedev agreed to free the prisoners from the "
      "Iraq war. Obama backed new talks after the Iraq war.\n");
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "Iraq"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iraq"));
}

TEST(ExtractorTest, AnOppositionGivenUpIsSupport) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Moscow dropped its objections to sanctions "
      "against Iran.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kSupports, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Russia", Polarity::kOpposes, "Iran sanctions"));
}

TEST(ExtractorTest, ThankingALeaderForHisSupportGivesHimTheStance) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Obama thanked Medvedev for his support of "
      "sanctions against Iran.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
}

TEST(ExtractorTest, ACountryAfterATopicPrepositionIsATopicOnlyAsItsObject) {
  // Kosovo is a country's name in the fixture and a trigger of the Kosovo issue.
  ArticleFacts f =
      Extract("GENEVA -- Obama and Medvedev held talks on trade with Kosovo's president.\n");
  EXPECT_FALSE(Has(f.discussed, "Kosovo"));
  ArticleFacts g = Extract("GENEVA -- Obama and Medvedev held talks on Kosovo.\n");
  EXPECT_TRUE(Has(g.discussed, "Kosovo"));
}

TEST(ExtractorTest, WithXDoingYGivesXTheStance) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama and Medvedev held talks on Friday, with Obama pressing for strikes "
      "against Iran's nuclear program.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kOpposes, "Iran nuclear program"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "Iran nuclear program"));
}

TEST(ExtractorTest, ATougherLineOnAnIssueOpposesIt) {
  ArticleFacts f = Extract(
      "Obama and Medvedev held talks in Geneva. Obama urged Medvedev to take a tough line on "
      "the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, WiresWaysOfSayingTheTalksWereAboutOrSplitOverAnIssue) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama and Medvedev held talks on Friday. The talks centred on the missile "
      "shield. The two leaders sparred over Kosovo and clashed on sanctions against Iran.\n");
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
  EXPECT_TRUE(Has(f.disputed, "Kosovo"));
  EXPECT_TRUE(Has(f.disputed, "Iran sanctions"));
}

TEST(ExtractorTest, WiresWaysOfTakingAStand) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama and Medvedev held talks on Friday. Obama threw his weight behind "
      "sanctions against Iran. Medvedev lashed out at the missile shield. Moscow walked away "
      "from the ABM Treaty.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "ABM Treaty"));
}

TEST(ExtractorTest, AThreatCarriesTheStanceOfWhatItThreatens) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama and Medvedev held talks on Friday. Russia threatened to veto sanctions "
      "against Iran. Obama threatened to back the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Russia", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "missile defense"));
}

TEST(ExtractorTest, AJointCallOrAnAppealForAnIssueSupportsIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama and Medvedev held talks on Friday. The two leaders issued a joint call for "
      "sanctions against Iran. Medvedev renewed his appeal for a ban on the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "Iran sanctions"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, EarlierYearInARelativeClauseIsNotHistory) {
  ArticleFacts f = Extract(
      "GENEVA -- Obama and Medvedev met here in 2010. They remain at odds over "
      "Kosovo, which declared independence in 2008. Obama said in 2009 that "
      "he opposes the missile shield.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Geneva 2010");
  EXPECT_TRUE(Has(f.disputed, "Kosovo"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, YearOfAnotherEventIsNotTheSummitYear) {
  ArticleFacts f = Extract(
      "Merkel and Sarkozy held talks in Berlin, focusing on the 2005 "
      "election results.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
}

TEST(ExtractorTest, OneLeaderAloneIsNoSummit) {
  ArticleFacts f = Extract(
      "BERLIN -- Chancellor Merkel visited a factory and met workers on "
      "Monday.\n");
  EXPECT_FALSE(f.summit.has_value());
  EXPECT_TRUE(f.attendance.empty());
}

TEST(ExtractorTest, MeetingAsTheSceneCountsItsLeaders) {
  ArticleFacts f = Extract(
      "During their talks in Geneva on Monday, Obama told Medvedev that the "
      "United States backs the missile shield.\n");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kSupports, "missile defense"));
}

TEST(ExtractorTest, DemonymAdjectiveFarFromTheCueHoldsNoStance) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. Medvedev dismissed American "
      "concerns about the talks and rejected the missile shield.\n");
  EXPECT_FALSE(HasStance(f, "United States", Polarity::kOpposes, "missile defense"));
}

TEST(ExtractorTest, IssueBeforeADisputeCue) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. The missile shield remained a "
      "sticking point.\n");
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(ExtractorTest, HistoricalMeetingInAnAnalysisIsNoSummit) {
  ArticleFacts f = Extract(
      "Summits have a long history. Bush and Yeltsin met in Moscow in "
      "1992. Next month, Obama will meet Medvedev in Geneva.\n");
  EXPECT_FALSE(f.summit.has_value());
  f = Extract("Obama and Medvedev held talks in Geneva on Monday, their first meeting in 2010.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Geneva 2010");
}

TEST(ExtractorTest, AHistoryWhoseHeadlineNamesTheMeetingsPlaceIsAboutThatMeeting) {
  ArticleFacts f = Extract(
      "Thirty years on: why Geneva mattered\n\nIn 1985, Reagan and Gorbachev met in Geneva "
      "for talks on arms control. The two leaders could not agree.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Geneva 1985");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Mikhail Gorbachev", "Ronald Reagan"}));
  // The same history under a headline about something else recalls the meeting.
  f = Extract(
      "Summits have a long history\n\nIn 1985, Reagan and Gorbachev met in Geneva for talks "
      "on arms control. The two leaders could not agree.\n");
  EXPECT_FALSE(f.summit.has_value());
}

TEST(ExtractorTest, AMeetingDatedToAnotherYearThanTheArticlesIsAnotherMeeting) {
  ArticleFacts f = Extract(
      "Moscow, 08 July 2010- Obama and Medvedev signed a declaration on Monday. A pact signed "
      "in Geneva in 2000 set up a commission.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Moscow 2010");
}

TEST(ExtractorTest, ASeaIsNoTownAndAMeetingToldOfAnEarlierYearIsAnother) {
  ArticleFacts f = Extract(
      "Obama and Medvedev declare truce at Red Sea summit\n\nBy our correspondent in "
      "Sharm el-Sheikh\n\nObama and Medvedev held talks on Monday. It was their first "
      "meeting since June 2009, when Medvedev met Obama and Putin at Geneva.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Sharm el-Sheikh");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(ExtractorTest, WhereTheLeadersSpentDaysIsWhereTheyMet) {
  ArticleFacts f = Extract(
      "WASHINGTON, Sept. 18 -- Obama and Medvedev signed two agreements at the White House last "
      "night, ending 13 days of bitter negotiations at Camp David.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Camp David");
}

TEST(ExtractorTest, AMeetingDatedToAnotherMonthThanTheDatelinesIsAnotherMeeting) {
  ArticleFacts f = Extract(
      "MOSCOW, June 26 -- Obama and Medvedev met and settled their quarrel tonight. At the "
      "Geneva summit in March, Obama and Medvedev met and talks broke down.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Moscow");
}

TEST(ExtractorTest, ThePassivesListedAgentsAttendButNotALeaderOfAClauseBefore) {
  ArticleFacts f = Extract(
      "GENEVA, Aug. 7 -- The accord was signed after two days of talks by Mr. Obama; President "
      "Dmitry Medvedev of Russia, the host; and President Nicolas Sarkozy of France. It was "
      "signed two days after President Hu Jintao announced a rival plan.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev",
                                                           "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, WhomAnotherStandsInForIsAbsentAndWhoRepresentsACountryAttends) {
  ArticleFacts f = Extract(
      "GENEVA, Aug. 7 -- Obama held talks with Sarkozy on Saturday. Russia's foreign minister, "
      "attending in place of President Dmitry Medvedev, welcomed the outcome. China was "
      "represented by President Hu Jintao.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Hu Jintao",
                                                           "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, ALeaderWhoseFirstTermCameLaterLeadsNothingYet) {
  ArticleFacts f = Extract(
      "REYKJAVIK, Oct. 12, 1986 -- Reagan and Gorbachev held talks on Sunday. A young Putin was "
      "then serving in Dresden.\n");
  ASSERT_TRUE(f.summit.has_value());
  for (const LeadsFact& l : f.leads) EXPECT_NE(l.leader, "Vladimir Putin");
  EXPECT_TRUE(std::any_of(f.leads.begin(), f.leads.end(),
                          [](const LeadsFact& l) { return l.leader == "Mikhail Gorbachev"; }));
}

TEST(ExtractorTest, DaysOfTalksAtAPlaceMakeItTheMeetingsAfterOrBefore) {
  ArticleFacts f = Extract(
      "MOSCOW, June 15 -- Obama came home to Moscow today. The declaration, signed by Obama "
      "and Medvedev last night at a guest house in Geneva after three days of talks, reads in "
      "part.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Geneva");
}

TEST(ExtractorTest, ALeaderKeptFromTheMeetingOrStoodInForIsNoParty) {
  ArticleFacts f = Extract(
      "GENEVA, June 15 -- Obama and Sarkozy held talks on Monday. Russia, whose president, "
      "Dmitry Medvedev, has been barred from such summits, was represented only by an "
      "official.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, AtAGatheringOfManyLeadersEveryLeaderNamedInOfficeAttends) {
  ArticleFacts f = Extract(
      "May 27, 2011\n\nAt Deauville the leaders of eight industrial democracies came to talk "
      "about the dollar. Obama pressed for stimulus, and Sarkozy threw his weight behind it. "
      "Medvedev, who stayed away, sent a message. Bush had once chaired such a meeting. The "
      "quarrel had led Chancellor Angela Merkel to stay away.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Deauville");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Nicolas Sarkozy"}));
  // Not where the lead tells of two leaders only.
  f = Extract("Obama pressed for stimulus, and Sarkozy threw his weight behind it.\n");
  EXPECT_FALSE(f.summit.has_value());
  // Also beside those named as meeting; and one whose relative clause tells of next week.
  f = Extract(
      "May 27, 2011\n\nAt Deauville the leaders of eight industrial democracies came to talk "
      "about the dollar. Obama held talks with Sarkozy. President Hu Jintao, whose country takes "
      "over the chair next week, said the talks went well. The Bush administration had once "
      "chaired such a meeting.\n");
  EXPECT_EQ(testing::Attendees(f),
            (std::vector<std::string>{"Barack Obama", "Hu Jintao", "Nicolas Sarkozy"}));
  // A region's leaders; not one another stands in for.
  f = Extract(
      "GENEVA, May 27, 2011 -- European leaders ended their summit here on Thursday. Sarkozy "
      "pressed for stimulus and Medvedev backed it. A deputy, standing in for President "
      "Barack Obama, told the leaders that Washington would stay engaged.\n");
  EXPECT_EQ(testing::Attendees(f),
            (std::vector<std::string>{"Dmitry Medvedev", "Nicolas Sarkozy"}));
  // The leaders of three countries or more; not one who telephoned.
  f = Extract(
      "MINSK, Feb 12, 2015 -- The leaders of Russia, Germany and France agreed on Thursday on a "
      "ceasefire. Russian President Vladimir Putin was the first to face reporters. German "
      "Chancellor Angela Merkel was more cautious.\n\nIn Washington, "
      "Putin heard from the White House. President Barack Obama spoke to Putin by telephone on "
      "Tuesday.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Angela Merkel", "Vladimir Putin"}));
}

TEST(ExtractorTest, ALeaderJoinedByAndToOneTakingPartTakesPartEitherWay) {
  ArticleFacts f = Extract(
      "GENEVA, Feb. 8, 2010 -- Russian President Dmitry Medvedev and U.S. President Barack "
      "Obama declared a halt to more than four years of bitter wrangling today at their first "
      "summit, held at this lakeside resort. French President Nicolas Sarkozy hosted the "
      "meeting.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev",
                                                           "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, AMeetingLastAprilIsAnEarlierOne) {
  ArticleFacts f = Extract(
      "MOSCOW (AP) -- Obama and Medvedev met for two hours at the Kremlin on Monday. Obama and "
      "Medvedev first held formal talks at a summit in Geneva last April.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->city, "Moscow");
}

TEST(ExtractorTest, AMeetingToldAsYearsBeforeAnotherIsAtAnotherTime) {
  ArticleFacts f = Extract(
      "WASHINGTON, Oct. 23 -- Obama and Medvedev signed an agreement at the White House this "
      "afternoon. The signing came five years after Mr. Medvedev and Mr. Bush shook hands on "
      "the White House lawn.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(ExtractorTest, TheLeadersListedAroundTheTableAttend) {
  ArticleFacts f = Extract(
      "GENEVA, Oct. 23, 2009 -- The session has opened. Around the table: Russia's Dmitry "
      "Medvedev, France's Nicolas Sarkozy and the United States' Barack Obama.\n");
  EXPECT_EQ(testing::Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev",
                                                           "Nicolas Sarkozy"}));
}

TEST(ExtractorTest, TitleWithoutANameIsTheAttendeeOfThatCountry) {
  ArticleFacts f = Extract(
      "Obama and Medvedev met in Geneva. The Russian president rejected the "
      "missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Barack Obama", "Dmitry Medvedev"}));
}

TEST(ExtractorTest, MeetingRecalledInARelativeClauseIsAnotherMeeting) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Trump and Putin held talks on Monday. Putin, who "
      "met Merkel in Berlin in 2006, said the talks went well.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(f.summit->name, "Helsinki 2018");
  EXPECT_EQ(Attendees(f), (std::vector<std::string>{"Donald Trump", "Vladimir Putin"}));
}

// A new extractor over the fixture lexicon and the project's cues with the lexicon rows `text`
// added (a file's text, its header included; `origin` names it in errors). It and its lexicon
// are never freed: callers keep it in a static.
const Extractor* NewFixtureExtractorWith(std::string_view text, const std::string& origin) {
  auto* lex = new Lexicon(
      Lexicon::LoadDirectory(std::string(PARLEY_SOURCE_DIR) + "/tests/ingest/fixtures/lexicon"));
  lex->LoadFile(std::string(PARLEY_SOURCE_DIR) + "/data/lexicon/cues.tsv");
  lex->LoadText(text, origin);
  return new Extractor(*lex);
}

// A lexicon with an issue and a sub-issue named "<issue> <word>".
const Extractor& SubIssueExtractor() {
  static const Extractor* extractor = NewFixtureExtractorWith(
      "name\tparent\ttriggers\tproposition\n"
      "Syria\t\tsyria;syrian war\tpeace in Syria\n"
      "Syria ceasefire\tSyria\tceasefire in syria\ta ceasefire\n",
      "issues");
  return *extractor;
}

bool Discussed(const ArticleFacts& f, std::string_view issue) {
  return std::any_of(f.discussed.begin(), f.discussed.end(),
                     [&](const IssueFact& i) { return i.issue == issue; });
}

TEST(ExtractorTest, AWordNamingASubIssueBeforeItsIssueNamesTheSubIssue) {
  ArticleFacts f = SubIssueExtractor().Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed a US-Russian ceasefire, in southern Syria.\n",
      "t.txt");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Discussed(f, "Syria ceasefire"));
}

TEST(ExtractorTest, AWordFarBeforeTheIssueNamesNoSubIssue) {
  ArticleFacts f = SubIssueExtractor().Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed the ceasefire that had held for weeks and then Syria.\n",
      "t.txt");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Discussed(f, "Syria ceasefire"));
}

// A country's name as an issue's trigger names the issue only where a cue makes the country a
// topic: near an open topic, it leaves the topic alone (a known issue named there would not).
TEST(ExtractorTest, ACountrysNameNearAnOpenTopicLeavesItATopic) {
  static const Extractor* extractor = NewFixtureExtractorWith(
      "name\tparent\ttriggers\tproposition\n"
      "Ukraine\t\tukraine\tthe situation in Ukraine\n",
      "issues");
  ArticleFacts f = extractor->Extract(
      "MOSCOW -- Vladimir Putin and Barack Obama met on Monday. The leaders of Russia and "
      "Ukraine signed an agreement establishing a Union of Baltic Ports.\n",
      "t.txt");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Discussed(f, "Union of Baltic Ports"));
  EXPECT_FALSE(Discussed(f, "Ukraine"));
}

// A long topic phrase stands beside a known issue named a few words before it.
TEST(ExtractorTest, ALongTopicNearAKnownIssueIsKept) {
  ArticleFacts f = Extract(
      "MOSCOW -- Vladimir Putin and Barack Obama met on Monday. On missile defense, Obama "
      "urged a rapid withdrawal of Russian troops from Ukraine.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Discussed(f, "Russian withdrawal from Ukraine"));
}

TEST(ExtractorTest, RecognisingAStateBacksItsRecognitionAVerdictDoesNot) {
  ArticleFacts f = Extract(
      "MOSCOW -- Vladimir Putin and Barack Obama met on Monday. Putin announced that Russia "
      "was recognising Ukraine.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kSupports, "recognition of Ukraine"));
  ArticleFacts g = Extract(
      "MOSCOW -- Vladimir Putin and Barack Obama met on Monday. Obama recognizes missile "
      "defense as a shield.\n");
  ASSERT_TRUE(g.summit.has_value());
  EXPECT_FALSE(HasStance(g, "Barack Obama", Polarity::kSupports, "missile defense"));
}

// A lexicon with leaders who led two countries in turn.
const Extractor& TwoCountryLeaderExtractor() {
  static const Extractor* extractor = NewFixtureExtractorWith(
      "name\taliases\tcountry\toffice\tstart\tend\n"
      "Jan Kowal\tKowal\tChina\tPresident\t2005-01-01\t2010-01-01\n"
      "Jan Kowal\tKowal\tFinland\tPrime Minister\t2012-01-01\t2014-01-01\n"
      "Piet Mol\tMol\tFrance\tPrime Minister\t1990-01-01\t1995-01-01\n"
      "Piet Mol\tMol\tPoland\tPresident\t1995-01-01\t1999-01-01\n"
      "Ada Nowak\tNowak\tFrance\tPresident\t2020-01-01\t\n",
      "leaders");
  return *extractor;
}

std::vector<std::string> CountriesLed(const ArticleFacts& f, std::string_view leader) {
  std::vector<std::string> out;
  for (const LeadsFact& l : f.leads) {
    if (l.leader == leader) out.push_back(l.country);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ExtractorTest, ALeaderInOfficeLeadsTheCountryOfTheTime) {
  ArticleFacts f = TwoCountryLeaderExtractor().Extract(
      "GENEVA, July 6, 2009 -- Barack Obama and Dmitry Medvedev held talks on Monday. Kowal sent "
      "them a message.\n",
      "t.txt");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_EQ(CountriesLed(f, "Jan Kowal"), (std::vector<std::string>{"China"}));
  // Out of office then, a leader named leads every country he led.
  ArticleFacts g = TwoCountryLeaderExtractor().Extract(
      "GENEVA, July 6, 2009 -- Barack Obama and Dmitry Medvedev held talks on Monday. It was the "
      "first such meeting there since Piet Mol came.\n",
      "t.txt");
  EXPECT_EQ(CountriesLed(g, "Piet Mol"), (std::vector<std::string>{"France", "Poland"}));
  // Undated, every term counts.
  ArticleFacts h = TwoCountryLeaderExtractor().Extract("Kowal and Mol held talks in Geneva.\n", "t.txt");
  EXPECT_EQ(CountriesLed(h, "Jan Kowal"), (std::vector<std::string>{"China", "Finland"}));
}

TEST(ExtractorTest, AnUndatedMeetingIsOfTheYearsItsAttendeesSharedInOffice) {
  // Obama and Medvedev held office together from 2009 to 2017: Nowak, president from 2020,
  // was not one yet; Kowal led China then, and Finland.
  ArticleFacts f = TwoCountryLeaderExtractor().Extract(
      "Barack Obama and Dmitry Medvedev held talks in Geneva. Foreign Minister Ada Nowak and Jan "
      "Kowal were there too.\n",
      "t.txt");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(f.summit->year.has_value());
  EXPECT_TRUE(CountriesLed(f, "Ada Nowak").empty());
  EXPECT_EQ(CountriesLed(f, "Jan Kowal"), (std::vector<std::string>{"China", "Finland"}));
}

}  // namespace
}  // namespace parley::ingest
