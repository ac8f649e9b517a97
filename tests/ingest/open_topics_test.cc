// Open topics: issues the taxonomy lacks, named by an agenda, stance or dispute cue's object
// (ingest/open_topics.h).
#include "ingest/open_topics.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/extractor.h"
#include "ingest/sentences.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::FixtureExtractor;

std::vector<std::string> Names(std::string_view text) {
  const Extractor& x = FixtureExtractor();
  NormalizedText norm = x.NormalizeArticle(text);
  std::vector<Sentence> sentences;
  for (const SentenceSpan& span : SplitSentences(norm.text, {})) {
    sentences.push_back(x.annotator().Annotate(norm.text, span));
  }
  std::vector<std::string> names;
  for (const OpenTopic& t : FindOpenTopics(x.annotator(), sentences)) names.push_back(t.name);
  return names;
}

using Strings = std::vector<std::string>;

TEST(OpenTopicsTest, NormalizeFoldsTheHeadsPlural) {
  EXPECT_EQ(NormalizeTopic({"bilateral", "trade", "imbalances"}), "bilateral trade imbalance");
  EXPECT_EQ(NormalizeTopic({"fishing", "quotas"}), "fishing quota");
  // The head before "of" is folded, not the complement's last word.
  EXPECT_EQ(NormalizeTopic({"withdrawals", "of", "troops"}), "withdrawal of troops");
  EXPECT_EQ(NormalizeTopic({"grain", "subsidies"}), "grain subsidy");
  EXPECT_EQ(NormalizeTopic({"visa", "fees"}), "visa fee");
  EXPECT_EQ(NormalizeTopic({"water", "access"}), "water access");
  EXPECT_EQ(NormalizeTopic({"customs", "tariffs"}), "customs tariff");
}

TEST(OpenTopicsTest, ObjectOfAnExplicitCueDeterminersDropped) {
  EXPECT_EQ(Names("The leaders discussed the river water allocations.\n"),
            (Strings{"river water allocation"}));
  EXPECT_EQ(Names("The two sides disagreed over fish quotas.\n"), (Strings{"fish quota"}));
  // A phrase naming a known issue ("bilateral trade" in the fixture) is left to the taxonomy.
  EXPECT_TRUE(Names("The leaders discussed the bilateral trade imbalances.\n").empty());
  EXPECT_EQ(Names("He rejected their grain subsidies.\n"), (Strings{"grain subsidy"}));
}

TEST(OpenTopicsTest, APossessiveCountryIsDropped) {
  EXPECT_EQ(Names("Merkel criticized Russia's visa fees.\n"), (Strings{"visa fee"}));
}

TEST(OpenTopicsTest, LaterMentionsMergeAsTriggers) {
  const Extractor& x = FixtureExtractor();
  NormalizedText norm =
      x.NormalizeArticle("They discussed the water quotas. Both sides disputed water quota.\n");
  std::vector<Sentence> sentences;
  for (const SentenceSpan& span : SplitSentences(norm.text, {})) {
    sentences.push_back(x.annotator().Annotate(norm.text, span));
  }
  std::vector<OpenTopic> topics = FindOpenTopics(x.annotator(), sentences);
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].name, "water quota");
  EXPECT_NE(std::find(topics[0].triggers.begin(), topics[0].triggers.end(), "water quotas"),
            topics[0].triggers.end());
}

TEST(OpenTopicsTest, GenericWordsPronounsAndNamesAreNot) {
  EXPECT_TRUE(Names("The leaders discussed bilateral relations.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed regional issues.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed it.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed Putin.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed cooperation.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed strategic coordination.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed the situation.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed the bloc. The bloc is new.\n").empty());
  EXPECT_TRUE(Names("They discussed roughly ten hours.\n").empty());  // a span of time
  // Nor alone, a word a modifier makes a topic of: "change" (not "climate change").
  EXPECT_TRUE(Names("The leaders discussed change. Change is coming.\n").empty());
}

TEST(OpenTopicsTest, VerbsAdverbsAndIncompletePhrasesAreNot) {
  EXPECT_TRUE(Names("They agreed to meet again.\n").empty());             // a verb after "to"
  EXPECT_TRUE(Names("They discussed the use of the water.\n").empty());  // a complement
  EXPECT_TRUE(Names("They discussed extensively.\n").empty());            // an adverb
  EXPECT_EQ(Names("They sought river pollution rules rather than aid.\n"),  // one ends it
            (Strings{"river pollution rule"}));
  EXPECT_TRUE(Names("They discussed grain exports to Germany.\n").empty());  // tied to a name
  // One aim of a list of aims is no topic of its own.
  EXPECT_TRUE(Names("They pledged to promote regional stability, growth and peace.\n").empty());
}

TEST(OpenTopicsTest, EachItemOfAnAgendaListIsATopic) {
  EXPECT_EQ(Names("They discussed fish quotas, river pollution and the border crossings.\n"),
            (Strings{"fish quota", "river pollution", "border crossing"}));
  // Single nouns of the list still need a second mention.
  EXPECT_EQ(Names("They discussed fish quotas, grain and water.\n"), (Strings{"fish quota"}));
}

TEST(OpenTopicsTest, AnOrganisationsAcronymMayOpenThePhrase) {
  EXPECT_EQ(Names("They discussed the EU recovery fund.\n"), (Strings{"EU recovery fund"}));
  EXPECT_TRUE(Names("They discussed the EU.\n").empty());
}

TEST(OpenTopicsTest, ASingleNounNeedsASecondMention) {
  EXPECT_TRUE(Names("They discussed fisheries.\n").empty());
  EXPECT_EQ(Names("They discussed fisheries. The fisheries were hit hard.\n"),
            (Strings{"fishery"}));
}

TEST(OpenTopicsTest, ExtractedIssueHasTheNormalisedNameAliasesAndLowerConfidence) {
  ArticleFacts f = FixtureExtractor().Extract(
      "BERLIN -- Chancellor Angela Merkel and President Vladimir Putin held talks on Monday. "
      "Merkel and Putin discussed the river water allocations.\n",
      "t.txt");
  auto issue = std::find_if(f.issues.begin(), f.issues.end(), [](const EntityInfo& e) {
    return e.name == "river water allocation";
  });
  ASSERT_NE(issue, f.issues.end());
  EXPECT_NE(std::find(issue->aliases.begin(), issue->aliases.end(), "river water allocations"),
            issue->aliases.end());
  auto d = std::find_if(f.discussed.begin(), f.discussed.end(), [](const IssueFact& i) {
    return i.issue == "river water allocation";
  });
  ASSERT_NE(d, f.discussed.end());
  EXPECT_LT(d->provenance.confidence, 0.8);
}

TEST(OpenTopicsTest, NoStanceOnAnOpenTopicThroughAnAnaphor) {
  // An open topic has no proposition: "the plan" after it is no stance on it.
  ArticleFacts f = FixtureExtractor().Extract(
      "BERLIN -- Merkel and Putin held talks on Monday. They remain divided over fish "
      "quotas. Germany welcomed the plan.\n",
      "t.txt");
  EXPECT_TRUE(std::any_of(f.disputed.begin(), f.disputed.end(),
                          [](const IssueFact& i) { return i.issue == "fish quota"; }));
  EXPECT_TRUE(f.stances.empty());
}

TEST(OpenTopicsTest, APrepositionOrAGeneralHeadEndsNoTopic) {
  // "along" is a preposition, not the head of "repeated incidents along"; a "push" or a
  // "pledge" names what it is on, not a topic of its own.
  EXPECT_TRUE(Names("He raised concerns over repeated incidents along the border.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed a joint push on fisheries.\n").empty());
  EXPECT_TRUE(Names("They discussed a new pledge.\n").empty());
}

TEST(OpenTopicsTest, ACountryOrCapitalAsTheObjectOfAnAgendaOrDisputeCue) {
  EXPECT_EQ(Names("The leaders remained divided over Berlin.\n"), (Strings{"Berlin"}));
  EXPECT_EQ(Names("They also discussed Azerbaijan and Poland.\n"),
            (Strings{"Azerbaijan", "Poland"}));
  EXPECT_EQ(Names("The talks covered arms control, Azerbaijan and trade.\n"),
            (Strings{"Azerbaijan"}));
  // Where the meeting was, what a name owns, a stance's object: no topic.
  EXPECT_TRUE(Names("They discussed trade in Berlin.\n").empty());
  EXPECT_TRUE(Names("The leaders discussed Berlin's budget.\n").empty());
  EXPECT_TRUE(Names("Putin supports Azerbaijan.\n").empty());
  // Not a known issue's name (Kosovo is one in the fixture).
  EXPECT_TRUE(Names("They disagree over Kosovo.\n").empty());
}

TEST(OpenTopicsTest, APlaceTopicIsDisputedWhereTheTextMakesItOne) {
  ArticleFacts f = FixtureExtractor().Extract(
      "HELSINKI -- Obama and Medvedev held talks on Monday in Helsinki. "
      "They ended the talks without narrowing their differences over Berlin. "
      "Obama said he would not abandon West Berlin, and the two men also discussed arms "
      "control and Azerbaijan.\n",
      "t.txt");
  auto has = [](const std::vector<IssueFact>& facts, std::string_view issue) {
    return std::any_of(facts.begin(), facts.end(),
                       [&](const IssueFact& i) { return i.issue == issue; });
  };
  EXPECT_TRUE(has(f.disputed, "Berlin"));
  EXPECT_TRUE(has(f.discussed, "Azerbaijan"));
  // The meeting's own city is no topic.
  EXPECT_FALSE(has(f.discussed, "Helsinki"));
}

TEST(OpenTopicsTest, HelpOrAidAloneIsNoTopic) {
  // Said twice, so a single noun would otherwise count; "help" and "aid" name what they are
  // for, not a topic.
  EXPECT_TRUE(Names("Putin pledged help with satellites. He said he would help.\n").empty());
  EXPECT_TRUE(Names("Putin pledged aid. Aid would come soon.\n").empty());
  EXPECT_EQ(Names("Putin pledged military aid. Military aid would come soon.\n"),
            (Strings{"military aid"}));
}

TEST(OpenTopicsTest, AKnownIssuesNameAfterAnAgendaCueIsThatIssue) {
  // "trade" alone is no trigger of the fixture's trade issue; named as what the leaders
  // discussed, it is that issue, and a list's other item stays a topic beside it.
  ArticleFacts f = FixtureExtractor().Extract(
      "BERLIN -- Merkel and Putin held talks on Monday. They also discussed trade and fish "
      "quotas.\n",
      "t.txt");
  auto discussed = [&](std::string_view issue) {
    return std::any_of(f.discussed.begin(), f.discussed.end(),
                       [&](const IssueFact& i) { return i.issue == issue; });
  };
  EXPECT_TRUE(discussed("trade"));
  EXPECT_TRUE(discussed("fish quota"));
  // Named there, not made a trigger: "trade" elsewhere is no mention of the issue.
  f = FixtureExtractor().Extract(
      "BERLIN -- Merkel and Putin held talks on Monday. They also discussed trade. Putin "
      "opposes trade restrictions on grain.\n",
      "t.txt");
  EXPECT_TRUE(discussed("trade"));
  EXPECT_FALSE(std::any_of(f.stances.begin(), f.stances.end(),
                           [](const StanceFact& s) { return s.issue == "trade"; }));
}

TEST(OpenTopicsTest, NoTopicIsNamedAfterAFunctionWordOrCommonGround) {
  // "thes" folds to "the"; "common ground" is what the sides seek, no topic.
  EXPECT_TRUE(Names("Merkel said her government supports thes. The talks were the first.\n")
                  .empty());
  EXPECT_TRUE(Names("They sought common ground, despite differences over common ground.\n")
                  .empty());
}

TEST(OpenTopicsTest, ACountryASentenceOpensWithAsItsTopic) {
  EXPECT_EQ(Names("On Azerbaijan, Mr Putin said the talks had gone well.\n"),
            (Strings{"Azerbaijan"}));
  // A time or a place where something happened is no topic.
  EXPECT_TRUE(Names("On Monday, Mr Putin flew to Azerbaijan.\n").empty());
  EXPECT_TRUE(Names("In Azerbaijan, Mr Putin met the president.\n").empty());
  EXPECT_TRUE(Names("On Azerbaijan's border, troops gathered.\n").empty());
}

TEST(OpenTopicsTest, ANamedAgreementLawOrForumIsATopicNamedAsWritten) {
  EXPECT_EQ(Names("The leaders disagreed over the Treaty of Lausanne.\n"),
            (Strings{"Treaty of Lausanne"}));
  EXPECT_EQ(Names("They discussed the Normandy format and the Growth and Opportunity Act.\n"),
            (Strings{"Normandy format", "Growth and Opportunity Act"}));
  // A name that is no agreement's, or names none in particular, is no topic.
  EXPECT_TRUE(Names("They discussed the Communist Party.\n").empty());
  EXPECT_TRUE(Names("The leaders disagreed over the Treaty.\n").empty());
  EXPECT_TRUE(Names("They discussed the Lausanne Treaty's terms.\n").empty());
}

TEST(OpenTopicsTest, ANamedThingMayHoldACountryAPlaceOrAnIssuesWords) {
  EXPECT_EQ(Names("He raised the Countering Malign Russian Activities in Africa Act.\n"),
            (Strings{"Countering Malign Russian Activities in Africa Act"}));
  EXPECT_EQ(Names("They backed the $8.5-billion Just Human Rights Partnership.\n"),
            (Strings{"Just Human Rights Partnership"}));
  // Not the countries' own deal, nor a name that opens with an issue's words.
  EXPECT_TRUE(Names("They backed the Russia-Iran partnership.\n").empty());
  EXPECT_TRUE(Names("They backed the Human Rights Partnership.\n").empty());
  // The head may stand inside the name, with "of" after it.
  EXPECT_EQ(Names("They signed the Franco-German Treaty of Friendship.\n"),
            (Strings{"Franco-German Treaty of Friendship"}));
}

TEST(OpenTopicsTest, ATroopWithdrawalIsATopicNamedByWhoseTroopsLeaveWhere) {
  EXPECT_EQ(Names("They discussed the withdrawal of Russian forces from Ukraine.\n"),
            (Strings{"Russian withdrawal from Ukraine"}));
  EXPECT_EQ(Names("Obama urged a rapid French troop withdrawal from the Golan Heights.\n"),
            (Strings{"French withdrawal from Golan Heights"}));
  EXPECT_EQ(Names("Obama demanded that Russia pull its troops out of Ukraine.\n"),
            (Strings{"Russian withdrawal from Ukraine"}));
  EXPECT_EQ(Names("They were united in demanding that Russia pull out of Ukraine.\n"),
            (Strings{"Russian withdrawal from Ukraine"}));
  EXPECT_EQ(Names("They called for withdrawal from the occupied territories.\n"),
            (Strings{"withdrawal from occupied territories"}));
  // Without a cue of the sentence, a withdrawal is told, not taken up.
  EXPECT_TRUE(Names("The withdrawal of Russian forces from Ukraine ended in May.\n").empty());
}

TEST(OpenTopicsTest, APersonsReleaseOrCaseIsATopicNamedAfterThePerson) {
  EXPECT_EQ(Names("Obama pressed for the release of Jan Kowalski, a writer.\n"),
            (Strings{"release of Jan Kowalski"}));
  // What describes the person is left out of the name.
  EXPECT_EQ(Names("Obama raised the case of detained American writer Jan Kowalski.\n"),
            (Strings{"case of Jan Kowalski"}));
  EXPECT_TRUE(Names("They discussed the case of the missing ships.\n").empty());
  EXPECT_TRUE(Names("The release of Jan Kowalski came in May.\n").empty());
}

TEST(OpenTopicsTest, AStatesRecognitionIsATopicNamedAfterTheState) {
  EXPECT_EQ(Names("They demanded that France recognise the Federal Republic of Germany.\n"),
            (Strings{"recognition of Germany"}));
  EXPECT_EQ(Names("He announced that Russia was recognising Ukraine.\n"),
            (Strings{"recognition of Ukraine"}));
  // A verdict on what it is, or something the state owns, is no recognition of it.
  EXPECT_TRUE(Names("Russia recognizes Ukraine as a partner.\n").empty());
  EXPECT_TRUE(Names("Russia recognizes Ukraine's role.\n").empty());
}

TEST(OpenTopicsTest, WhatAPlanIsForIsTheTopic) {
  EXPECT_EQ(Names("The leaders agreed on a plan for political and monetary union.\n"),
            (Strings{"political and monetary union"}));
  EXPECT_EQ(Names("They agreed on a timetable for river navigation.\n"),
            (Strings{"river navigation"}));
  EXPECT_TRUE(Names("They agreed on a timetable.\n").empty());
  // A union with a word that says which is a topic; the word alone is none.
  EXPECT_EQ(Names("They discussed a customs union.\n"), (Strings{"customs union"}));
  EXPECT_TRUE(Names("They discussed the union.\n").empty());
}

TEST(OpenTopicsTest, AUnionOrAllianceBeingFormedIsATopicNotACountrysName) {
  EXPECT_EQ(Names("They agreed to establish a Commonwealth of Baltic Ports.\n"),
            (Strings{"Commonwealth of Baltic Ports"}));
  EXPECT_EQ(Names("They backed the Atlantic Ports Alliance.\n"),
            (Strings{"Atlantic Ports Alliance"}));
  EXPECT_EQ(Names("They backed a Union of Free Ports.\n"), (Strings{"Union of Free Ports"}));
  // A country's own name with such a head names the country.
  EXPECT_TRUE(Names("They discussed the Russian Federation.\n").empty());
}

TEST(OpenTopicsTest, ANamedThingOpeningWithAnIssuesWordsMayHaveAHeadAndOfAfterThem) {
  // "Human Rights" opens it, and "Area of the Americas" follows: the name's.
  EXPECT_EQ(Names("They disagreed over a Human Rights Area of the Americas.\n"),
            (Strings{"Human Rights Area of the Americas"}));
}

TEST(OpenTopicsTest, TalksOnANamedThingMakeItATopicAndItsInitialsNameIt) {
  std::vector<Sentence> sentences;
  Annotator annotator(testing::FixtureLexicon());
  std::string text =
      "They failed to agree on when talks on a Free Zone of the Americas should resume.\n";
  for (const SentenceSpan& span : SplitSentences(text, {})) {
    sentences.push_back(annotator.Annotate(text, span));
  }
  std::vector<OpenTopic> topics = FindOpenTopics(annotator, sentences);
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].name, "Free Zone of the Americas");
  // Its initials: F, Z and A ("of the" written in lower case).
  EXPECT_EQ(topics[0].triggers, (std::vector<std::string>{"free zone of the americas", "fza"}));
  // A meeting's topic is read only when it is a named thing.
  EXPECT_TRUE(Names("They held a session on fishing quotas.\n").empty());
}

TEST(OpenTopicsTest, ALineOrACommunityNamedIsATopic) {
  EXPECT_EQ(Names("They discussed the McMahon Line.\n"), (Strings{"McMahon Line"}));
  EXPECT_EQ(Names("He raised the Line of Control.\n"), (Strings{"Line of Control"}));
  EXPECT_EQ(Names("They discussed the East African Community.\n"),
            (Strings{"East African Community"}));
  // A common noun with a capital only as the sentence's first word is none.
  EXPECT_TRUE(Names("They discussed the line.\n").empty());
}

TEST(OpenTopicsTest, WhoseViewAGeneralWordIsOfIsNoTopic) {
  EXPECT_EQ(Names("They discussed the problem of fish quotas.\n"), (Strings{"fish quota"}));
  EXPECT_TRUE(Names("He backed the positions of previous cabinets.\n").empty());
}

TEST(OpenTopicsTest, AnOrganisationsAcronymOwningATopicStaysInItsName) {
  EXPECT_EQ(Names("They voiced concern over NATO's growing military presence.\n"),
            (Strings{"NATO military presence"}));
}

TEST(OpenTopicsTest, AThingAPlaceLocatesIsATopic) {
  EXPECT_EQ(Names("They agreed to set up a joint liaison office in the border town of Kaesong.\n"),
            (Strings{"joint liaison office"}));
  // One word tied to a place is that place's issue or none.
  EXPECT_TRUE(Names("They discussed investment in Russia.\n").empty());
  // A quantity of things is no topic of its own.
  EXPECT_EQ(Names("They discussed a pair of rocky islets.\n"), (Strings{"rocky islet"}));
}

TEST(OpenTopicsTest, AnAgreementNamedByWhatItIsOfIsATopicWhole) {
  EXPECT_EQ(Names("He proposed a treaty of friendship and cooperation between the countries.\n"),
            (Strings{"treaty of friendship and cooperation"}));
  // Of a general word alone: none.
  EXPECT_TRUE(Names("He proposed a treaty of cooperation.\n").empty());
}

TEST(OpenTopicsTest, AnAgreementNamedByWhatItIsAboutIsATopic) {
  EXPECT_EQ(Names("The two men signed a non-aggression pact today.\n"),
            (Strings{"non-aggression pact"}));
  EXPECT_EQ(Names("They signed a peace treaty.\n"), (Strings{"peace treaty"}));
  // What one is on is the topic.
  EXPECT_EQ(Names("They signed a pact on defence technology.\n"),
            (Strings{"defence technology"}));
  // An agreement told only by its kind or a judgement names nothing.
  EXPECT_TRUE(Names("They signed a joint declaration.\n").empty());
  EXPECT_TRUE(Names("He rejected a bad deal.\n").empty());
  EXPECT_TRUE(Names("They signed a short declaration.\n").empty());
}

TEST(OpenTopicsTest, ANounEndingLikeAnAdjectiveHeadsATopic) {
  EXPECT_EQ(Names("They discussed the withdrawal of troops.\n"),
            (Strings{"withdrawal of troops"}));
  EXPECT_EQ(Names("He warned against the revival of militarism.\n"),
            (Strings{"revival of militarism"}));
}

TEST(OpenTopicsTest, AComplementMayOpenWithANationality) {
  EXPECT_EQ(Names("He warned against the revival of Russian militarism.\n"),
            (Strings{"revival of Russian militarism"}));
}

TEST(OpenTopicsTest, ModifiersOfDegreeAndPaceAreDropped) {
  EXPECT_EQ(Names("They pressed for a rapid and sizeable fleet expansion.\n"),
            (Strings{"fleet expansion"}));
}

TEST(OpenTopicsTest, AGerundsObjectAfterAnAgendaCueIsTheTopic) {
  EXPECT_EQ(Names("They focused on reforming global financial institutions.\n"),
            (Strings{"global financial institution"}));
  EXPECT_EQ(Names("They discussed improving grain exports.\n"), (Strings{"grain export"}));
  // A noun that ends like a gerund is no verb.
  EXPECT_TRUE(Names("They discussed the meeting.\n").empty());
}

TEST(OpenTopicsTest, ANounEndingInIngOpensATopic) {
  // An industry or activity named before its head is no verb on it.
  EXPECT_EQ(Names("They discussed fishing quotas.\n"), (Strings{"fishing quota"}));
  EXPECT_EQ(Names("He opposed the new mining law.\n"), (Strings{"mining law"}));
  // A verb's gerund still is one: its object is the topic.
  EXPECT_EQ(Names("They discussed expanding grain exports.\n"), (Strings{"grain export"}));
  // A participle of change says nothing about the topic.
  EXPECT_EQ(Names("They discussed mounting grain debts.\n"), (Strings{"grain debt"}));
}

TEST(OpenTopicsTest, ATopicsTriggersHoldItsPlural) {
  std::vector<Sentence> sentences;
  Annotator annotator(testing::FixtureLexicon());
  std::string text = "They discussed joint fishing activity. Joint fishing activity is new.\n";
  for (const SentenceSpan& span : SplitSentences(text, {})) {
    sentences.push_back(annotator.Annotate(text, span));
  }
  std::vector<OpenTopic> topics = FindOpenTopics(annotator, sentences);
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].triggers,
            (std::vector<std::string>{"joint fishing activity", "joint fishing activities"}));
}

TEST(OpenTopicsTest, ANationalityMayOpenATopicAndKeepsItsCapital) {
  EXPECT_EQ(Names("The leaders were divided over Chinese steel exports.\n"),
            (Strings{"Chinese steel export"}));
  // Not a nationality standing for its people ("the Chinese agreed"), nor one alone.
  EXPECT_TRUE(Names("The leaders discussed what the Chinese want.\n").empty());
}

TEST(OpenTopicsTest, AQuotedPhraseIsReadInsideItsQuotationMarks) {
  EXPECT_EQ(Names("The leaders agreed to resume regular \"shuttle diplomacy\".\n"),
            (Strings{"shuttle diplomacy"}));
  // Only when the marks hold the phrase and nothing more.
  EXPECT_TRUE(Names("The leaders agreed to resume \"shuttle diplomacy at once\".\n").empty());
}

TEST(OpenTopicsTest, ASecondInfinitiveDoesNotMakeTheObjectAListItem) {
  EXPECT_EQ(Names("The leaders agreed to resume shuttle diplomacy and to meet again.\n"),
            (Strings{"shuttle diplomacy"}));
  EXPECT_TRUE(Names("The leaders backed regional stability and economic prosperity.\n").empty());
}

TEST(OpenTopicsTest, APossessorIsNoTopicOfItsOwn) {
  EXPECT_TRUE(Names("The leaders backed the rebel army's offensive.\n").empty());
  EXPECT_EQ(Names("The leaders backed the rebel army.\n"), (Strings{"rebel army"}));
}

TEST(OpenTopicsTest, AHeadIsReadWithAComplementOfOneOrTwoPlainWords) {
  EXPECT_EQ(Names("Talks focused on the defense of democracy.\n"),
            (Strings{"defense of democracy"}));
  EXPECT_EQ(Names("They discussed freedom of navigation, and nothing else.\n"),
            (Strings{"freedom of navigation"}));
  // Not a longer complement, nor one naming a place.
  EXPECT_TRUE(Names("They discussed the defense of small island democracies.\n").empty());
  EXPECT_TRUE(Names("They discussed the stabilisation of Somalia.\n").empty());
}

TEST(OpenTopicsTest, AConflictInACountryWithoutAnIssueIsATopicNamedAsWritten) {
  EXPECT_EQ(Names("He then turned to the war in Azerbaijan.\n"), (Strings{"war in Azerbaijan"}));
  EXPECT_EQ(Names("They condemned the fighting in eastern Ukraine.\n"),
            (Strings{"fighting in eastern Ukraine"}));
  // Not one in a country that is an issue of its own, nor one no cue reaches.
  EXPECT_TRUE(Names("They discussed the war in Iraq.\n").empty());
  EXPECT_TRUE(Names("The war in Azerbaijan went on.\n").empty());
}

TEST(OpenTopicsTest, SanctionsOnACountryAreItsKnownSanctionsIssueElseATopicOfTheirOwn) {
  EXPECT_EQ(Names("He criticised the sanctions imposed on Azerbaijan.\n"),
            (Strings{"sanctions on Azerbaijan"}));
  // The taxonomy's own issue, also by a metonym: no topic.
  EXPECT_TRUE(Names("He criticised the sanctions on Tehran.\n").empty());
}

TEST(OpenTopicsTest, ATopicASentenceOpensWithBeforeADisputeCue) {
  EXPECT_EQ(Names("Reparations produced the hardest bargaining. The reparations were large.\n"),
            (Strings{"reparation"}));
  EXPECT_EQ(Names("Grain quotas were another sore point.\n"), (Strings{"grain quota"}));
  // Not a general word, nor a subject far from the cue.
  EXPECT_TRUE(Names("The talks produced the hardest bargaining.\n").empty());
  EXPECT_TRUE(Names("Grain quotas, the officials said after a long night of work in the "
                    "hall, were another sore point.\n").empty());
}

}  // namespace
}  // namespace parley::ingest
