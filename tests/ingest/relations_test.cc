// The relation extractor (ingest/relations.cc) on sentences written for these tests: the
// agenda (DISCUSSED), disputes and stances.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/extractor.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {


using testing::Extract;

bool Has(const std::vector<IssueFact>& facts, std::string_view issue) {
  return std::any_of(facts.begin(), facts.end(),
                     [&](const IssueFact& i) { return i.issue == issue; });
}

TEST(RelationsTest, CountryNamedAsATopicIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed the situation in Iraq.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, CountryNameInAListAfterAnIssueIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense and Iraq.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
  EXPECT_TRUE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, CountryNameFarFromTheCueIsNoTopic) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense, a week after Putin returned from a trip to Iraq.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, CountryNameBeforeTheCueIsNoTopic) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. A week after "
      "the Russia-Iraq summit, where they discussed missile defense, they met again.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
}

bool HasStance(const ArticleFacts& f, std::string_view holder, Polarity p, std::string_view issue) {
  return std::any_of(f.stances.begin(), f.stances.end(), [&](const StanceFact& s) {
    return s.holder == holder && s.polarity == p && s.issue == issue;
  });
}

bool HasAnyStance(const ArticleFacts& f, std::string_view holder, std::string_view issue) {
  return std::any_of(f.stances.begin(), f.stances.end(), [&](const StanceFact& s) {
    return s.holder == holder && s.issue == issue;
  });
}

TEST(RelationsTest, CoordinatedHoldersEachHoldTheStance) {
  ArticleFacts f = Extract("Russia, France, and Germany oppose missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "France", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Germany", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, SignatoriesBackWhatTheySigned) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan signed the Treaty of Friendship on "
      "Sunday.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "Treaty of Friendship"));
  EXPECT_TRUE(HasStance(f, "Recep Tayyip Erdogan", Polarity::kSupports, "Treaty of Friendship"));
  // Refusing to sign it is no backing; a "sign" of something is no signing.
  f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan met on Sunday. Putin refused to sign "
      "the Treaty of Friendship. There was no sign of a deal on missile defense.\n");
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "Treaty of Friendship"));
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, AParticipleAfterADeterminerIsNoStance) {
  ArticleFacts f = Extract(
      "GENEVA -- Vladimir Putin and Recep Tayyip Erdogan met on Sunday. They discussed a "
      "proposed copper mine.\n");
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "copper mine"));
  EXPECT_FALSE(HasAnyStance(f, "Recep Tayyip Erdogan", "copper mine"));
  EXPECT_TRUE(Has(f.discussed, "copper mine"));
}

TEST(RelationsTest, WhoUrgesHoldsTheStanceNotWhoIsUrged) {
  ArticleFacts f = Extract("Vladimir Putin urged George W. Bush to halt missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasAnyStance(f, "George W. Bush", "missile defense"));
}

TEST(RelationsTest, StanceInAQuotationIsTheSpeakers) {
  ArticleFacts f = Extract("\"We support nuclear arms reduction,\" Vladimir Putin said.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "nuclear arms reduction"));
}

TEST(RelationsTest, TriggerNamingTheOppositeTurnsTheStance) {
  ArticleFacts f = Extract("Vladimir Putin opposes a nuclear arms race.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "nuclear arms reduction"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "nuclear arms reduction"));
}

TEST(RelationsTest, PreventingSomethingFromHappeningIsNoStanceOnIt) {
  ArticleFacts f = Extract(
      "George W. Bush vowed to prevent missile defense from dividing the allies.\n");
  EXPECT_FALSE(HasAnyStance(f, "George W. Bush", "missile defense"));
}

TEST(RelationsTest, PassiveAgentIsNotTheSubject) {
  ArticleFacts f = Extract("The plan, rejected by Russia, calls for missile defense.\n");
  EXPECT_FALSE(HasAnyStance(f, "Russia", "missile defense"));
}

TEST(RelationsTest, PronounAfterASubjectLeaderIsTheSubject) {
  ArticleFacts f = Extract(
      "George W. Bush urged Vladimir Putin to act but said he opposes the ABM Treaty.\n");
  EXPECT_TRUE(HasStance(f, "George W. Bush", Polarity::kOpposes, "ABM Treaty"));
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "ABM Treaty"));
}

double StanceConfidence(const ArticleFacts& f, std::string_view holder, std::string_view issue) {
  for (const StanceFact& s : f.stances) {
    if (s.holder == holder && s.issue == issue) return s.provenance.confidence;
  }
  return -1;
}

TEST(RelationsTest, ExplicitStanceScoresAboveAnImpliedOne) {
  ArticleFacts f = Extract(
      "George W. Bush backs missile defense. Vladimir Putin opposes it.\n");
  double named = StanceConfidence(f, "George W. Bush", "missile defense");
  double anaphoric = StanceConfidence(f, "Vladimir Putin", "missile defense");
  ASSERT_GT(named, 0);
  ASSERT_GT(anaphoric, 0);
  EXPECT_GT(named, anaphoric);
}

TEST(RelationsTest, BackingDifferentSidesIsADisputeNotAStance) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The two "
      "countries back different sides in the war in Afghanistan.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "Afghanistan"));
  EXPECT_TRUE(f.stances.empty());
}

TEST(RelationsTest, QuotedIssueAfterADisputeCueIsItsObject) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "reached no agreement on the \"missile shield\".\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, ObjectOfAPrepositionIsNoHolder) {
  ArticleFacts f = Extract(
      "The talks were meant to end the war in Iraq and Afghanistan and to oppose missile "
      "defense.\n");
  EXPECT_FALSE(HasAnyStance(f, "Iraq", "missile defense"));
  EXPECT_FALSE(HasAnyStance(f, "Afghanistan", "missile defense"));
}

TEST(RelationsTest, WhatAnAttendeeSaidThereIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin said "
      "trade relations would improve.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "trade"));
}

TEST(RelationsTest, WhatSomeoneElseSaidIsNotOnTheAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. An analyst "
      "said trade relations would improve.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.discussed, "trade"));
}

TEST(RelationsTest, ResolutionInAnotherClauseDoesNotCancelADispute) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The summit "
      "ended in optimism but with no agreement on missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, MainClauseBeforeAClauseAboutThePastCounts) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The two "
      "countries back different sides in the war in Afghanistan, with a coalition that has "
      "opposed missile defense in the past.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "Afghanistan"));
  EXPECT_FALSE(Has(f.discussed, "missile defense"));
}

TEST(RelationsTest, PronounAfterAClauseBreakIsTheClausesLeader) {
  ArticleFacts f = Extract(
      "George W. Bush spoke of trade, while Vladimir Putin said he opposes missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasAnyStance(f, "George W. Bush", "missile defense"));
}

TEST(RelationsTest, CoordinatedGerundsShareTheirObject) {
  ArticleFacts f = Extract(
      "Barack Obama backs reducing and limiting strategic offensive arms.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "nuclear arms reduction"));
}

TEST(RelationsTest, PossessiveInANominalCueIsTheHolder) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The talks "
      "ended and they underscored their opposition to missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, ImpliedStanceCueScoresBelowAnExplicitOne) {
  ArticleFacts f = Extract(
      "George W. Bush agreed on missile defense. Vladimir Putin backs missile defense.\n");
  double implied = StanceConfidence(f, "George W. Bush", "missile defense");
  double explicit_cue = StanceConfidence(f, "Vladimir Putin", "missile defense");
  ASSERT_GT(implied, 0);
  EXPECT_LT(implied, explicit_cue);
}

TEST(RelationsTest, TheCrisisIsTheCurrentTopicsBroadestIssue) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed Iran sanctions. They remain at odds over the crisis.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "Iran nuclear program"));
}

TEST(RelationsTest, TheOfficeAloneIsTheAttendeeHoldingIt) {
  ArticleFacts f = Extract(
      "PARIS -- Nicolas Sarkozy and Angela Merkel held talks on Monday. The chancellor said she "
      "still opposes missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(HasStance(f, "Angela Merkel", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasAnyStance(f, "Nicolas Sarkozy", "missile defense"));
}

TEST(RelationsTest, TheOfficeTwoAttendeesHoldNamesNeither) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The president "
      "opposes missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(HasAnyStance(f, "Donald Trump", "missile defense"));
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, StanceOnAllegationsIsNoStanceOnTheIssue) {
  ArticleFacts f = Extract("Vladimir Putin rejects missile defense allegations.\n");
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, TheConflictIsNoStanceObject) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense. Putin rejects any ceasefire that would freeze the conflict.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, AStatedStanceOutweighsAnImpliedOppositeOne) {
  // Trump's "agreed on" implies support (0.8 x named holder); "their opposition to" states
  // the opposite (1.0 x a pronoun holder): equal scores, and the stated one wins.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump agreed "
      "on missile defense. They underscored their opposition to missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Donald Trump", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, FunctionWordsAndModifiersDoNotPushTheObjectAway) {
  // Nine words stand between the cue and the issue, five of them content words; "balanced
  // and comprehensive" modifies the issue and does not end the object.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The two "
      "leaders stressed the importance of concluding negotiations for a balanced and "
      "comprehensive free trade agreement.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "trade"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "trade"));
}

TEST(RelationsTest, TooManyContentWordsStillSeparateCueAndIssue) {
  ArticleFacts f = Extract(
      "Russia backs sending several hundred trained observers quickly to watch missile "
      "defense.\n");
  EXPECT_FALSE(HasAnyStance(f, "Russia", "missile defense"));
}

TEST(RelationsTest, AnOppositionBetweenCueAndIssueTurnsTheStance) {
  // "demand for" (support) reaches the issue through "opposition to": an opposition.
  ArticleFacts f = Extract(
      "Russia repeated its demand for a German commitment of opposition to missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Russia", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, OpposingPlansForAnIssueOpposesTheIssue) {
  // "plans for" (support) between "oppose" and the issue does not turn the opposition.
  ArticleFacts f = Extract("Russia and Germany oppose American plans for missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Germany", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, RefusingToStopSomethingSupportsIt) {
  ArticleFacts f = Extract("Vladimir Putin refused to stop the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, AFewQuotedWordsInsideTheObjectDoNotEndIt) {
  ArticleFacts f = Extract(
      "Vladimir Putin remained firm in his refusal to stop research in the \"purely "
      "defensive\" missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, FailingToAccommodateDemandsIsADispute) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The drafts "
      "failed to accommodate Russia's demand for opposition to missile defense and America's "
      "demand for a treaty.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  // The sentence states Russia's stance and the dispute, not America's: none is inferred.
  EXPECT_FALSE(HasAnyStance(f, "Donald Trump", "missile defense"));
}

TEST(RelationsTest, ASecondNounPhraseJoinedByAndIsAnObjectToo) {
  ArticleFacts f = Extract(
      "Vladimir Putin is ready to sign a free trade agreement with Germany and a deal to build "
      "a missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "trade"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, AClauseAfterTheObjectIsNoSecondObject) {
  ArticleFacts f = Extract(
      "Vladimir Putin is ready to sign a free trade agreement with Germany, and the talks also "
      "touched the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "trade"));
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, BackInAPlaceIsNoRecall) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Back in "
      "Washington, Trump said they had discussed missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
}

TEST(RelationsTest, BackInAYearIsRecall) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Back in 1999 "
      "their predecessors discussed missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.discussed, "missile defense"));
}

TEST(RelationsTest, AnAttendeeDenyingTheTopicIsADispute) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump pressed "
      "Putin on missile defense. Putin denied any such plans.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, ADenialByOthersIsNoDispute) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense. Analysts denied any link.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, CommonStanceVerbsAndTheirNominalForms) {
  ArticleFacts f = Extract(
      "Germany welcomes the free trade agreement. Russia is sceptical of missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Germany", Polarity::kSupports, "trade"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, DismissingConcernsAboutAnIssueSupportsIt) {
  ArticleFacts f = Extract("Germany dismissed concerns about missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Germany", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, CallingForActionAgainstAnEvilOpposesIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin called "
      "for action against cross-border terrorism.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "cross-border terrorism"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "cross-border terrorism"));
}

TEST(RelationsTest, WorryIsOppositionUnlessWorryAboutItIsAStandForIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin voiced "
      "concern about the missile shield. Trump raised concerns about human rights.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "human rights"));
  EXPECT_FALSE(HasStance(f, "Donald Trump", Polarity::kOpposes, "human rights"));
}

TEST(RelationsTest, WorryAboutTheSituationSomewhereIsNoStance) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin is "
      "concerned about the situation around the missile shield.\n");
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, ACountryOwningTheObjectIsNoTopic) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed Iraq's oil exports.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
  // Unless it names where the situation is.
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed the situation in Iraq's north.\n");
  EXPECT_TRUE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, PraiseIsBacking) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump referred "
      "in glowing terms to the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, ARedLineOverSomethingOpposesIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin drew a "
      "red line over the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, WorryAboutWhatSomeoneDoesInAPlaceIsNoStanceOnIt) {
  // The worry is about the conduct; the issue only says where. The verb coordinated with it
  // still takes its own stance.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Both leaders "
      "expressed concern about rising violence across Kosovo, and backed the missile shield.\n");
  EXPECT_FALSE(HasAnyStance(f, "Donald Trump", "Kosovo"));
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, ARelativeClauseStanceIsOnItsAntecedent) {
  // "which both countries oppose" is about what precedes it, not the next item of the list.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Officials "
      "said the talks covered Iran's nuclear program, which both countries oppose, and Iraq, "
      "where Trump welcomed the truce.\n");
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kOpposes, "Iran nuclear program"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "Iran nuclear program"));
  EXPECT_FALSE(HasAnyStance(f, "United States", "Iraq"));
  EXPECT_FALSE(HasAnyStance(f, "Russia", "Iraq"));
}

TEST(RelationsTest, SidesFarApartOnAnIssueDisputeIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The two "
      "leaders also discussed the missile shield, on which they remained far apart.\n");
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, CriticismOfARightsRecordIsAStandForTheRights) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump "
      "criticized Russia's human rights record. Putin dismissed criticism of his country's "
      "human rights record.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "human rights"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "human rights"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "human rights"));
}

TEST(RelationsTest, LiftingCurbsOnSomethingBacksIt) {
  // One modifier may stand between the verb of giving up and the opposition given up.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin said "
      "he would lift his export curbs on the ABM Treaty talks.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "ABM Treaty"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "ABM Treaty"));
}

TEST(RelationsTest, ARelativeClauseTakesEveryIssueOfItsAntecedent) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed the ABM Treaty missile shield, which Russia opposes, and trade.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "ABM Treaty"));
  EXPECT_FALSE(HasAnyStance(f, "Russia", "trade"));
}

TEST(RelationsTest, AnIssueWithoutSidesIsOnTheAgendaButHasNoStance) {
  // Afghanistan is "(a topic)" in the fixture: backing or fighting "it" says nothing a
  // proposition could be read against; missile defense has one.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump backed "
      "the war in Afghanistan. Putin backed the missile shield.\n");
  EXPECT_TRUE(Has(f.discussed, "Afghanistan"));
  EXPECT_FALSE(HasAnyStance(f, "Donald Trump", "Afghanistan"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, AnInverterReachesAsFarAsTheObjectDoes) {
  // Within reach counted in content words, as the object is: the verb of reducing turns the
  // stance even behind "on Friday to work together".
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The two "
      "leaders pledged on Monday to work together to reduce strategic offensive arms.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "nuclear arms reduction"));
  EXPECT_FALSE(HasStance(f, "Donald Trump", Polarity::kOpposes, "nuclear arms reduction"));
}

TEST(RelationsTest, AnInverterInsideAnotherIssueTurnsNothing) {
  // "reduce nuclear weapons" is an issue's own words: its "reduce" does not turn the
  // stance on what the next verb phrase names.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "stressed their readiness to reduce nuclear weapons and fight terrorism together.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "counterterrorism"));
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "nuclear arms reduction"));
  EXPECT_FALSE(HasStance(f, "Donald Trump", Polarity::kOpposes, "counterterrorism"));
  // A verb phrase after the reducing one keeps its own polarity.
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "pledged to reduce strategic offensive arms and back the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Donald Trump", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, NoDealOnAnIssueDisputesItEasingTensionsOverItDoesNot) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin cut short their talks on Monday "
      "after failing to reach a deal on the missile shield.\n");
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump praised "
      "Putin's work on a deal aimed at easing tensions over the missile shield.\n");
  EXPECT_FALSE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, LiftingSomethingOpposesIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin called "
      "for lifting sanctions against Iran.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "Iran sanctions"));
}

TEST(RelationsTest, BackingSomeonesAccountOfEventsIsNoStanceOnThem) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump backed "
      "Putin's account of the missile shield talks.\n");
  EXPECT_FALSE(HasAnyStance(f, "Donald Trump", "missile defense"));
}

TEST(RelationsTest, PushingBackBlockingAndSpurningOppose) {
  // ("back" inside "pushed back against" is no support of its own.)
  for (const char* sentence : {"Putin pushed back against the missile shield.",
                               "Putin vowed to block the missile shield.",
                               "Putin spurned the missile shield."}) {
    ArticleFacts f = Extract(
        std::string("HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on "
                    "Monday. ") +
        sentence + "\n");
    EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense")) << sentence;
    EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"))
        << sentence;
  }
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin "
      "signaled openness to the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, ASubIssueInTheObjectsComplementIsTheObject) {
  // Iran sanctions falls under the Iran nuclear program ("the EU's trade deal with the
  // Mercosur bloc" in the shipped lexicon): the dispute is over the sanctions.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "differed on the UN's Iran nuclear program resolution with sanctions against Iran.\n");
  EXPECT_TRUE(Has(f.disputed, "Iran sanctions"));
  EXPECT_FALSE(Has(f.disputed, "Iran nuclear program"));
}

TEST(RelationsTest, AVerdictOnTheObjectOfAVerbOfJudgingIsAStance) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Moscow views "
      "the missile shield as a threat. Trump called the ABM Treaty a step in the right "
      "direction. Putin called the missile shield talks constructive.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "ABM Treaty"));
  // The verdict is on the talks, not on the shield.
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
  // Not what he did not consider it.
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin did not "
      "consider the missile shield a threat.\n");
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, CallingForSomethingToBeScrappedOpposesIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin called "
      "for the missile shield to be scrapped and demanded that sanctions against Iran be "
      "lifted.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "Iran sanctions"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "Iran sanctions"));
}

TEST(RelationsTest, RelationsBetweenTheSidesAreNamedAfterThePair) {
  // The lexicon's issue for the pair where there is one; else one named after the pair.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed bilateral relations.\n");
  EXPECT_TRUE(Has(f.discussed, "US-Russia relations"));
  f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. They discussed "
      "bilateral relations.\n");
  EXPECT_TRUE(Has(f.discussed, "Germany-Russia relations"));
  EXPECT_FALSE(Has(f.discussed, "US-Russia relations"));
}

TEST(RelationsTest, AnIssueNeitherSideBudgedOnOrLeftUnresolvedIsDisputed) {
  for (const char* sentence : {"Neither side budged on the missile shield.",
                               "The missile shield remains unresolved."}) {
    ArticleFacts f = Extract(
        std::string("HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on "
                    "Monday. ") +
        sentence + "\n");
    EXPECT_TRUE(Has(f.disputed, "missile defense")) << sentence;
  }
}

TEST(RelationsTest, WhatASpeakerSaysTheIssueIsIsAVerdict) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin said "
      "the missile shield was unacceptable. Trump said the ABM Treaty would be a step in the "
      "right direction.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "ABM Treaty"));
  // Without its verb it is no verdict: "said the shield, a mistake in his view, ..." reads
  // as something else.
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin said "
      "the missile shield, important to Washington, would be discussed.\n");
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "missile defense"));
}

TEST(RelationsTest, UrgingSomeoneToDropSomethingOpposesIt) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin urged "
      "Trump to drop the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, ACounterpartOrASideNamedByItsCountryHolds) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. His American "
      "counterpart backed the missile shield. The Russian side opposes the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  // A government that modifies a noun holds nothing.
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Under the "
      "deal, the Russian government troops oppose the missile shield.\n");
  EXPECT_FALSE(HasAnyStance(f, "Russia", "missile defense"));
}

TEST(RelationsTest, TheOwnerOfPlansInAWorrysObjectHoldsThem) {
  // "concern about U.S. plans for a missile shield": the attendees worry (oppose); the plans
  // are the United States' (support), not the worriers'.
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Angela Merkel and Vladimir Putin held talks on Monday. They also "
      "expressed concern about U.S. plans for a missile shield in space.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Angela Merkel", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, AStanceInAWhoseClauseIsOnItsAntecedent) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The two also "
      "discussed Kosovo, whose independence the United States supports and Russia opposes.\n");
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kSupports, "Kosovo"));
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "Kosovo"));
}

TEST(RelationsTest, NotOnTheAgendaAndStoppingShortOfAreNegations) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The missile "
      "shield was not on the agenda.\n");
  EXPECT_FALSE(Has(f.discussed, "missile defense"));
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin stopped "
      "short of endorsing the missile shield.\n");
  EXPECT_FALSE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, AJointStatementSpeaksForBothSidesAndKnownNamesInAListCount) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The "
      "communique called for the preservation of the ABM Treaty. The two sides also signed "
      "agreements on trade and the missile shield.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "ABM Treaty"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "ABM Treaty"));
  EXPECT_TRUE(Has(f.discussed, "trade"));  // named by its name beside a known issue
  // Named in a prepositional phrase, the statement is no subject.
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Kosovo was not "
      "mentioned in the joint statement, drawing criticism from Serbia.\n");
  EXPECT_FALSE(HasAnyStance(f, "Donald Trump", "Kosovo"));
}

TEST(RelationsTest, ImposingSupportsButNotWhatFollowsInATimeClause) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump "
      "threatened to impose sanctions against Iran.\n");
  EXPECT_TRUE(HasStance(f, "Donald Trump", Polarity::kSupports, "Iran sanctions"));
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Russia "
      "imposed the measure after the missile shield was deployed.\n");
  EXPECT_FALSE(HasAnyStance(f, "Russia", "missile defense"));
}

TEST(RelationsTest, EachItemOfADisputesListIsDisputed) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday but remained "
      "divided over missile defense and Kosovo.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  EXPECT_TRUE(Has(f.disputed, "Kosovo"));
  // Not an issue past the list: "... over missile defense, Putin said, while Kosovo ...".
  f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday but remained "
      "divided over missile defense, while they praised the talks on Kosovo.\n");
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  EXPECT_FALSE(Has(f.disputed, "Kosovo"));
}

TEST(RelationsTest, FrontedTopicOfADisputeWithoutObjectIsDisputed) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. On Iraq, sharp "
      "differences persisted.\n");
  EXPECT_TRUE(Has(f.disputed, "Iraq"));
  EXPECT_TRUE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, FrontedTopicOfASentenceAboutTheSidesWasDiscussed) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. On Afghanistan, Mr "
      "Putin briefed his guest on his proposals.\n");
  EXPECT_TRUE(Has(f.discussed, "Afghanistan"));
}

TEST(RelationsTest, CountryNamedInASentenceOpeningWithOnIsNoFrontedTopic) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. On Tuesday, Mr Putin "
      "flew to Iraq.\n");
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
}

TEST(RelationsTest, BackingJointWorkOnAnIssueBacksTheIssue) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. The two leaders agreed "
      "to set up a working group on counterterrorism.\n");
  EXPECT_TRUE(HasStance(f, "Angela Merkel", Polarity::kSupports, "counterterrorism"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "counterterrorism"));
}

TEST(RelationsTest, BackingAPlanForAPlaceIsNoStanceOnThePlace) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. Putin backed a plan "
      "of his ministers on Iraq.\n");
  EXPECT_FALSE(HasAnyStance(f, "Vladimir Putin", "Iraq"));
}

TEST(RelationsTest, AClauseAboutWhatIsToComeLeavesTheMainClause) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. On Afghanistan, Mr "
      "Putin briefed his guest on proposals, which he said would be put to the parties later "
      "this week.\n");
  EXPECT_TRUE(Has(f.discussed, "Afghanistan"));
}

TEST(RelationsTest, ASentenceWhollyAboutWhatIsToComeGivesNothing) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. Their ministers will "
      "discuss Afghanistan later this week.\n");
  EXPECT_FALSE(Has(f.discussed, "Afghanistan"));
}

TEST(RelationsTest, WhatASideSaysItsWordsAreOfWasDiscussed) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. \"Our view is "
      "different,\" Putin said of Kosovo.\n");
  EXPECT_TRUE(Has(f.discussed, "Kosovo"));
}

TEST(RelationsTest, AnIssueInAQuestionTheTextLeavesOpenWasNotDiscussed) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. A spokesman did not say "
      "whether Iraq or counterterrorism, which Berlin says must be addressed first, came up.\n");
  EXPECT_FALSE(Has(f.discussed, "Iraq"));
  EXPECT_FALSE(Has(f.discussed, "counterterrorism"));
  ArticleFacts asked = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. They discussed whether "
      "counterterrorism cooperation could grow.\n");
  EXPECT_TRUE(Has(asked.discussed, "counterterrorism"));
}

TEST(RelationsTest, WhatASpeakerSaysMustBecomeOfAnIssueIsHisStance) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. \"The ABM Treaty must "
      "be preserved,\" Putin said. Merkel said the missile defense plans should be abandoned.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "ABM Treaty"));
  EXPECT_TRUE(HasStance(f, "Angela Merkel", Polarity::kOpposes, "missile defense"));
  ArticleFacts negated = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. Putin said the ABM "
      "Treaty should not be abandoned.\n");
  EXPECT_TRUE(HasStance(negated, "Vladimir Putin", Polarity::kSupports, "ABM Treaty"));
  // Without a speaker the text states no one's stance.
  ArticleFacts unsaid = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. The ABM Treaty must be "
      "preserved.\n");
  EXPECT_FALSE(HasAnyStance(unsaid, "Vladimir Putin", "ABM Treaty"));
}

TEST(RelationsTest, AgreeingToDeepenOrBoostSomethingBacksIt) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. The two leaders agreed "
      "to carry forward their talks and to step up counterterrorism.\n");
  EXPECT_TRUE(HasStance(f, "Angela Merkel", Polarity::kSupports, "counterterrorism"));
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kSupports, "counterterrorism"));
}

TEST(RelationsTest, TurningDownIsOpposingAndStandingByIsSupporting) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. Putin turned down "
      "missile defense. Merkel stood by the ABM Treaty.\n");
  EXPECT_TRUE(HasStance(f, "Vladimir Putin", Polarity::kOpposes, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Angela Merkel", Polarity::kSupports, "ABM Treaty"));
}

TEST(RelationsTest, WhoOpposesAnothersPlansForAnIssueOpposesTheIssue) {
  ArticleFacts f = Extract(
      "BERLIN -- Barack Obama and Dmitry Medvedev held talks on Monday. Russia opposes "
      "America's plans for missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Russia", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, TheOwnerOfARejectedCallHoldsItsStance) {
  ArticleFacts f = Extract(
      "BERLIN -- Barack Obama and Dmitry Medvedev held talks on Monday. Obama rejected "
      "Medvedev's call for an end to missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "missile defense"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  f = Extract(
      "BERLIN -- Barack Obama and Dmitry Medvedev held talks on Monday. Russia opposes "
      "America's plans for missile defense.\n");
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, AddressingWhatAnIssueNamesAsAProblemIsFightingIt) {
  ArticleFacts f = Extract(
      "BERLIN -- Barack Obama and Dmitry Medvedev held talks on Monday. The two presidents "
      "agreed to step up cooperation in addressing the nuclear arms race.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "nuclear arms reduction"));
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kOpposes, "nuclear arms reduction"));
}

TEST(RelationsTest, LittleMovementOnAnIssueIsADispute) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday, but their summit "
      "produced little movement on missile defense.\n");
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, ACornerstoneIsAGoodVerdictARelicABadOne) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Medvedev called the ABM "
      "Treaty the cornerstone of strategic stability. Obama regards the ABM Treaty as a relic of "
      "the past.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "ABM Treaty"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kOpposes, "ABM Treaty"));
}

TEST(RelationsTest, ADisputeWithAThirdCountryIsNoneBetweenTheSides) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. A senator opposed the "
      "deal, citing Russia's human rights record and its disputes with Poland.\n");
  EXPECT_FALSE(Has(f.disputed, "human rights"));
  ArticleFacts between = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Human rights remained "
      "a dispute with the United States.\n");
  EXPECT_TRUE(Has(between.disputed, "human rights"));
}

TEST(RelationsTest, AnOppositionGivenUpPastItsModifiersIsSupport) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday, a day after Russia "
      "dropped its long-standing objections to missile defense.\n");
  EXPECT_TRUE(HasStance(f, "Russia", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(f, "Russia", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, DeploringAViolationOfAnIssueBacksIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Medvedev deplored the "
      "violation of the ABM Treaty.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "ABM Treaty"));
  EXPECT_FALSE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "ABM Treaty"));
}

TEST(RelationsTest, AnOpeningClauseAboutAnEarlierTimeGivesNothing) {
  ArticleFacts f = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. Six years after their "
      "last meeting ended in a row over Kosovo, the two leaders discussed trade.\n");
  EXPECT_FALSE(Has(f.discussed, "Kosovo"));
  EXPECT_FALSE(Has(f.disputed, "Kosovo"));
  EXPECT_TRUE(Has(f.discussed, "trade"));
  // Not an opening about the meeting reported.
  ArticleFacts after = Extract(
      "BERLIN -- Angela Merkel and Vladimir Putin held talks on Monday. After a row over "
      "Kosovo, the two leaders discussed trade.\n");
  EXPECT_TRUE(Has(after.disputed, "Kosovo"));
}

TEST(RelationsTest, EveryItemOfAListAfterJointWorkIsBacked) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. The two leaders agreed "
      "to expand cooperation on missile defense, counterterrorism and human rights.\n");
  for (std::string_view issue : {"missile defense", "counterterrorism", "human rights"}) {
    EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, issue)) << issue;
    EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, issue)) << issue;
  }
}

TEST(RelationsTest, EndingAConflictNamedAfterAnIssueIsNoOppositionToIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. The two leaders agreed "
      "to put an end to a years-long trade dispute.\n");
  EXPECT_FALSE(HasStance(f, "Barack Obama", Polarity::kOpposes, "trade"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "trade"));
}

TEST(RelationsTest, AnOpenTopicAClauseAwayFromAKnownIssueKeepsItsStance) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. The two leaders agreed "
      "to resume regular \"shuttle diplomacy\" and to put an end to a years-long trade "
      "dispute.\n");
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, "shuttle diplomacy"));
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "shuttle diplomacy"));
  // Next to it, the known issue still has the cue's object to itself.
  ArticleFacts near = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. The two leaders agreed "
      "to a trade deal. Obama backed shuttle diplomacy and the trade deal.\n");
  EXPECT_TRUE(HasStance(near, "Barack Obama", Polarity::kSupports, "trade"));
}

TEST(RelationsTest, EachCoordinatedInfinitiveAfterAnAgreementIsBacked) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. The two leaders agreed "
      "to send their ambassadors back, to set up a working group on counterterrorism, and to "
      "begin talks on missile defense.\n");
  for (std::string_view issue : {"counterterrorism", "missile defense"}) {
    EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kSupports, issue)) << issue;
    EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, issue)) << issue;
  }
  // An infinitive past the clause is not the agreement's.
  ArticleFacts other = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Obama agreed to send "
      "the ambassadors back, but Medvedev declined, and to expand missile defense was out of "
      "the question.\n");
  EXPECT_FALSE(HasStance(other, "Barack Obama", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, TheGroundToBuildOnIsAGoodVerdictAnUnfairDealABadOne) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Medvedev said the ABM "
      "Treaty remained the only basis for strategic stability. Obama called missile defense "
      "unfair.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "ABM Treaty"));
  EXPECT_TRUE(HasStance(f, "Barack Obama", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, AnIssueThatCameUpAsItsClausesSubjectIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Iran's nuclear program "
      "also featured prominently, and Kosovo came up.\n");
  EXPECT_TRUE(Has(f.discussed, "Iran nuclear program"));
  EXPECT_TRUE(Has(f.discussed, "Kosovo"));
}

TEST(RelationsTest, WhatAVoteOneAbstainedInSaysIsNoStance) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Russia abstained in UN "
      "votes condemning missile defense.\n");
  EXPECT_FALSE(HasAnyStance(f, "Russia", "missile defense"));
  ArticleFacts voted = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Russia condemned missile "
      "defense.\n");
  EXPECT_TRUE(HasStance(voted, "Russia", Polarity::kOpposes, "missile defense"));
}

TEST(RelationsTest, AParticipleAfterAnIssueOpensTheIssuesPastNotTheSentences) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Obama said the United "
      "States remained committed to the ABM Treaty signed in 1972.\n");
  EXPECT_TRUE(HasStance(f, "United States", Polarity::kSupports, "ABM Treaty"));
}

TEST(RelationsTest, WhatASpeakerInsistsAnIssueMustBecomeIsHisStance) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Medvedev insisted the "
      "ABM Treaty must be strengthened, not weakened.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "ABM Treaty"));
}

TEST(RelationsTest, OpposingViewsAndSeparateWaysAreDisputes) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. The two sides set down "
      "opposing views on Kosovo and went their separate ways on missile defense.\n");
  EXPECT_TRUE(Has(f.disputed, "Kosovo"));
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  ArticleFacts broke = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. But they broke on "
      "Kosovo.\n");
  EXPECT_TRUE(Has(broke.disputed, "Kosovo"));
}

TEST(RelationsTest, WhatTheSidesAgreedToStudyOrSignedADeclarationOnIsOnTheAgenda) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Their countries would "
      "begin studying a common currency. They signed a declaration on missile defense.\n");
  EXPECT_TRUE(Has(f.discussed, "common currency"));
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
}

TEST(RelationsTest, AStanceOnTheAntecedentsLeaderIsNoneOnTheAntecedent) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. They disagreed over "
      "Kosovo, whose president Obama had welcomed a day earlier.\n");
  EXPECT_FALSE(HasAnyStance(f, "Barack Obama", "Kosovo"));
  ArticleFacts own = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. They disagreed over "
      "Kosovo, whose independence Obama supports.\n");
  EXPECT_TRUE(HasStance(own, "Barack Obama", Polarity::kSupports, "Kosovo"));
}

TEST(RelationsTest, TheOneBlamedIsNoHolderOfTheBlamersNextVerb) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Medvedev blamed Iran "
      "for the stalled talks and called missile defense a threat.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kOpposes, "missile defense"));
  EXPECT_FALSE(HasAnyStance(f, "Iran", "missile defense"));
}

TEST(RelationsTest, AnAttendeeRefusingOutrightDisputesTheTopic) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump pressed "
      "Putin on missile defense. Putin refused.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
  // A refusal the clause goes on from is no bare refusal.
  ArticleFacts comment = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Trump pressed "
      "Putin on missile defense. Putin refused to comment on his health.\n");
  EXPECT_FALSE(Has(comment.disputed, "missile defense"));
  ArticleFacts however = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense. Putin refused, however, to take any question.\n");
  EXPECT_FALSE(Has(however.disputed, "missile defense"));
}

TEST(RelationsTest, AnAttendingSideThatWillNotGiveWayDisputesTheTopic) {
  for (const char* reaction : {"The Americans balked.", "Putin was unmoved.",
                               "Washington would have none of it.",
                               "Putin gave no ground on that point.",
                               "Putin hit back, calling Trump naive."}) {
    ArticleFacts f = Extract(
        std::string("HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on "
                    "Monday. Trump pressed Putin on missile defense. ") +
        reaction + "\n");
    EXPECT_TRUE(Has(f.disputed, "missile defense")) << reaction;
  }
  // Not a side that is no party to the meeting.
  ArticleFacts other = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense. The Chinese balked.\n");
  EXPECT_FALSE(Has(other.disputed, "missile defense"));
}

TEST(RelationsTest, AMeetingNamedAfterAnIssuesPlaceIsNoAgenda) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. Putin said "
      "the figure had been pressed since the Kosovo conference in February.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.discussed, "Kosovo"));
}

TEST(RelationsTest, RaisingTheIssueRaisesTheCurrentTopic) {
  const std::string lead =
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The missile "
      "shield has long worried Europe. ";
  ArticleFacts f = Extract(lead + "Trump said he had raised the issue in the meeting.\n");
  EXPECT_TRUE(Has(f.discussed, "missile defense"));
  ArticleFacts none = Extract(lead + "Trump said he had to leave early.\n");
  EXPECT_FALSE(Has(none.discussed, "missile defense"));
}

TEST(RelationsTest, ADisputeOwnedByAnotherTimeIsNoneAtTheMeeting) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. The summit was "
      "meant to show that they had moved past last summer's standoff over missile defense.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, EvenMayStandInsideADisputeCue) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They failed "
      "to agree even on when talks on missile defense should resume.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_TRUE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, AGovernmentsDenialIsNoDisputeAtTheMeeting) {
  ArticleFacts f = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "discussed missile defense. Moscow denies any such plans.\n");
  ASSERT_TRUE(f.summit.has_value());
  EXPECT_FALSE(Has(f.disputed, "missile defense"));
}

TEST(RelationsTest, ADisputeGivesTheOtherSideTheOppositeStanceOnlyBetweenTwoSides) {
  ArticleFacts two = Extract(
      "HELSINKI, Finland -- Donald Trump and Vladimir Putin held talks on Monday. They "
      "disagreed over missile defense. Putin opposes missile defense.\n");
  EXPECT_TRUE(Has(two.disputed, "missile defense"));
  EXPECT_TRUE(HasStance(two, "Donald Trump", Polarity::kSupports, "missile defense"));
  ArticleFacts three = Extract(
      "HELSINKI, Finland -- Donald Trump, Recep Tayyip Erdogan and Vladimir Putin held talks on "
      "Monday. They disagreed over missile defense. Putin opposes missile defense.\n");
  ASSERT_EQ(testing::Attendees(three).size(), 3u);
  EXPECT_TRUE(Has(three.disputed, "missile defense"));
  EXPECT_FALSE(HasStance(three, "Donald Trump", Polarity::kSupports, "missile defense"));
  EXPECT_FALSE(HasStance(three, "Recep Tayyip Erdogan", Polarity::kSupports, "missile defense"));
}

TEST(RelationsTest, PressingForWeightOnAnIssueBacksIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Medvedev pressed for "
      "greater emphasis on counterterrorism.\n");
  EXPECT_TRUE(HasStance(f, "Dmitry Medvedev", Polarity::kSupports, "counterterrorism"));
}

TEST(RelationsTest, ADisputeTheMeetingCameAfterIsNoneAtIt) {
  ArticleFacts f = Extract(
      "GENEVA -- Barack Obama and Dmitry Medvedev held talks on Monday. Obama hailed a reunion "
      "after the strains of recent years and the row over missile defense.\n");
  EXPECT_FALSE(Has(f.disputed, "missile defense"));
  ArticleFacts span = Extract(
      "Obama and Medvedev meet after three years, disagree on missile defense\n\nGENEVA -- "
      "Barack Obama and Dmitry Medvedev held talks on Monday.\n");
  EXPECT_TRUE(Has(span.disputed, "missile defense"));
}

}  // namespace
}  // namespace parley::ingest
