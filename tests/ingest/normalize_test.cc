#include "ingest/normalize.h"

#include <gtest/gtest.h>

namespace parley::ingest {
namespace {

NormalizeOptions Options(const std::unordered_set<std::string>* words = nullptr) {
  NormalizeOptions o;
  if (words) o.is_name_word = [words](const std::string& w) { return words->count(w) > 0; };
  o.boilerplate_prefixes = {"you are here", "advertisement"};
  o.caption_markers = {"(ap photo"};
  return o;
}

TEST(NormalizeTest, FoldsCurlyQuotesDashesAndSpaces) {
  EXPECT_EQ(FoldTypography("\xE2\x80\x9CIt\xE2\x80\x99s\xE2\x80\x9D"), "\"It's\"");
  EXPECT_EQ(FoldTypography("a\xE2\x80\x94"
                           "b"),
            "a -- b");
  EXPECT_EQ(FoldTypography("a\xC2\xA0"
                           "b\r\n"),
            "a b\n");
}

TEST(NormalizeTest, AnOpeningQuoteAfterASentenceEndOpensTheNextSentence) {
  EXPECT_EQ(FoldTypography("he said.\xE2\x80\x9C Our aim is peace,\xE2\x80\x9D he added."),
            "he said. \"Our aim is peace,\" he added.");
  // A closing quote there stays where it is.
  EXPECT_EQ(FoldTypography("peace.\xE2\x80\x9D Then"), "peace.\" Then");
}

TEST(NormalizeTest, RejoinsHyphenatedNamesOnlyWhenKnown) {
  std::unordered_set<std::string> words = {"karamanlis"};
  NormalizedText n =
      Normalize("Prime Minister Kara-manlis met a well-known envoy.\n", Options(&words));
  EXPECT_NE(n.text.find("Karamanlis met"), std::string::npos) << n.text;
  EXPECT_NE(n.text.find("well-known"), std::string::npos);
  n = Normalize("Prime Minister Kara-\nmanlis arrived.\n", Options(&words));
  EXPECT_NE(n.text.find("Karamanlis arrived"), std::string::npos) << n.text;
}

TEST(NormalizeTest, DropsBannersCaptionsAndFootersKeepsHeadline) {
  NormalizedText n = Normalize(
      "Welcome Back\nYOU ARE HERE: Home > World\nLeaders Agree on Trade\n"
      "The leaders met on Monday.\nA man waves. (AP Photo/Someone)\nThey talked.\n"
      "More World News\n",
      Options());
  EXPECT_EQ(n.title, "Leaders Agree on Trade");
  EXPECT_EQ(n.text, "Leaders Agree on Trade\nThe leaders met on Monday.\nThey talked.\n");
}

TEST(NormalizeTest, TakesDatelineOffFirstParagraph) {
  NormalizedText n =
      Normalize("Headline Here Today\nHELSINKI, Finland \xE2\x80\x94 The two met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Helsinki");
  EXPECT_EQ(n.dateline_region, "Finland");
  EXPECT_NE(n.text.find("\nThe two met."), std::string::npos) << n.text;
  n = Normalize("NEW YORK (Reuters) - Talks began.\n", Options());
  EXPECT_EQ(n.dateline_city, "New York");
  n = Normalize("U.S. officials said so.\n", Options());
  EXPECT_TRUE(n.dateline_city.empty());
}

TEST(NormalizeTest, TakesTheAgenciesDatelines) {
  NormalizedText n = Normalize("SINGAPORE, November 14. /TASS/. Putin and Abe met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Singapore");
  EXPECT_NE(n.text.find("Putin and Abe met."), std::string::npos) << n.text;
  EXPECT_EQ(n.text.find("TASS"), std::string::npos) << n.text;
  n = Normalize("PALM BEACH, the United States, April 6 (Xinhua) -- Xi and Trump met.\n",
                Options());
  EXPECT_EQ(n.dateline_city, "Palm Beach");
  EXPECT_EQ(n.dateline_region, "the United States");
  EXPECT_EQ(n.text.find("Xinhua"), std::string::npos) << n.text;
  n = Normalize("NEW DELHI, March 20 (PTI) Prime Minister Modi met Kishida.\n", Options());
  EXPECT_EQ(n.dateline_city, "New Delhi");
  EXPECT_NE(n.text.find("Prime Minister Modi met Kishida."), std::string::npos) << n.text;
  n = Normalize("Ufa (Russia), Jul 10 (PTI) Modi and Sharif met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Ufa");
  EXPECT_EQ(n.dateline_region, "Russia");
  EXPECT_EQ(n.dateline_month, 7);
  EXPECT_EQ(n.text.find("PTI"), std::string::npos) << n.text;
}

TEST(NormalizeTest, KeepsTheMonthAndDayOfADatelineWithoutAYear) {
  NormalizedText n = Normalize("MOSCOW, May 26 (UPI) - Nixon and Brezhnev met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Moscow");
  EXPECT_EQ(n.dateline_month, 5);
  EXPECT_EQ(n.dateline_day, 26);
  n = Normalize("VOSTOCHNY, Russia, Sept 13 (Reuters) - Putin and Kim met.\n", Options());
  EXPECT_EQ(n.dateline_region, "Russia");
  EXPECT_EQ(n.dateline_month, 9);
  EXPECT_EQ(n.dateline_day, 13);
  n = Normalize("WASHINGTON (AP) -- Biden and Modi met.\n", Options());
  EXPECT_EQ(n.dateline_month, 0);
  EXPECT_EQ(n.dateline_day, 0);
}

TEST(NormalizeTest, AnAgencysDatelineInOrdinaryCase) {
  NormalizedText n =
      Normalize("New Delhi, Mar 20 (PTI) Prime Minister Modi met Kishida.\n", Options());
  EXPECT_EQ(n.dateline_city, "New Delhi");
  EXPECT_EQ(n.dateline_month, 3);
  EXPECT_EQ(n.dateline_day, 20);
  EXPECT_EQ(n.text, "Prime Minister Modi met Kishida.\n");
  // Not a sentence that starts with a place and a number.
  n = Normalize("Paris, May 5 was a fine day for talks.\n", Options());
  EXPECT_TRUE(n.dateline_city.empty());
}

TEST(NormalizeTest, TheHeadlineIsNoPageFurniture) {
  NormalizedText n = Normalize(
      "Skip to main content\nModi, Xi agree to speed up border talks\nBy Jane Smith\n5 min "
      "read\nNEW DELHI (Reuters) - Modi and Xi met on Saturday.\n",
      Options());
  EXPECT_EQ(n.title, "Modi, Xi agree to speed up border talks");
  EXPECT_NE(n.text.find("Modi, Xi agree to speed up border talks"), std::string::npos);
  // A short headline is still one.
  n = Normalize("Skip to main content\nPutin, Bush meet\n5 min read\nMOSCOW (AP) -- They met "
                "on Monday.\n",
                Options());
  EXPECT_EQ(n.title, "Putin, Bush meet");
}

TEST(NormalizeTest, FindsWrittenDates) {
  EXPECT_EQ(FindWrittenDate("Published July 2, 2007 in print"), "2007-07-02");
  EXPECT_EQ(FindWrittenDate("on Sept. 14, 2001,"), "2001-09-14");
  EXPECT_EQ(FindWrittenDate("in 2001"), "");
  EXPECT_EQ(FindWrittenDate("7:55 am on 19 May 2009"), "2009-05-19");
  EXPECT_EQ(FindWrittenDate("on October 11-12, 2019 and"), "2019-10-11");
  EXPECT_EQ(FindWrittenDate("Date: Sunday, 08 July 2018"), "2018-07-08");
  EXPECT_EQ(FindWrittenDate("the 19 delegates of May 2009"), "");
}

TEST(NormalizeTest, DatelineInOrdinaryCaseNeedsADate) {
  NormalizedText n = Normalize("Lanzhou, 08 July 2018- The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Lanzhou");
  EXPECT_EQ(n.date, "2018-07-08");
  EXPECT_EQ(n.text, "The leaders met.\n");
  n = Normalize("Singapore, Nov. 7, 2015, -- The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Singapore");
  EXPECT_EQ(n.date, "2015-11-07");
  n = Normalize("Moscow, he said, is ready.\n", Options());
  EXPECT_TRUE(n.dateline_city.empty());
}

TEST(NormalizeTest, DateInTheClosingCreditLine) {
  NormalizedText n = Normalize("The leaders met.\n(Agency April 2, 2009)\n", Options());
  EXPECT_EQ(n.date, "2009-04-02");
  n = Normalize("The leaders met.\nThey talked.\nThey ate.\nThey left.\nThe treaty was signed on July 31, 1991, in Moscow by the "
                "two presidents after long talks.\n",
                Options());
  EXPECT_TRUE(n.date.empty());
}

TEST(NormalizeTest, CopyrightLineGivesTheYear) {
  NormalizedText n = Normalize("The leaders met.\nCopyright 2023 The Agency.\n", Options());
  EXPECT_EQ(n.copyright_year, 2023);
  n = Normalize("The leaders met in 2023.\n", Options());
  EXPECT_EQ(n.copyright_year, 0);
}

TEST(NormalizeTest, ASectionLabelBeforeAHeadlineIsDroppedANavigationTrailIsBoilerplate) {
  NormalizedText n = Normalize(
      "ANALYSIS | Macron's gamble pays off at the summit\n\nThe leaders met today.\n",
      Options());
  EXPECT_EQ(n.title, "Macron's gamble pays off at the summit");
  n = Normalize("Home | World | Europe\n\nLeaders meet in Geneva today\n\nThe leaders met.\n",
                Options());
  EXPECT_EQ(n.title, "Leaders meet in Geneva today");
  EXPECT_EQ(n.text.find("Home"), std::string::npos);
}

TEST(NormalizeTest, AProgrammesNameBeforeADescriptionIsNoDateline) {
  NormalizedText n = Normalize(
      "Summit report\n\nWORLD TONIGHT - programme summary, Sunday bulletin. The summit is "
      "over.\n",
      Options());
  EXPECT_EQ(n.dateline_city, "");
  NormalizedText dateline = Normalize(
      "Summit report\n\nGENEVA - The summit is over.\n", Options());
  EXPECT_EQ(dateline.dateline_city, "Geneva");
}

TEST(NormalizeTest, ATranscriptsSpeakerIsNoDateline) {
  NormalizedText n = Normalize("ANCHOR: Good evening. The summit is over.\n", Options());
  EXPECT_TRUE(n.dateline_city.empty());
  EXPECT_EQ(n.text, "ANCHOR: Good evening. The summit is over.\n");
  n = Normalize("MOSCOW: The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Moscow");
}

TEST(NormalizeTest, ACapitalsDatelineWithDayMonthAndYear) {
  NormalizedText n = Normalize("LAHORE, 21 February 1999 - The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Lahore");
  EXPECT_EQ(n.date, "1999-02-21");
  EXPECT_EQ(n.text, "The leaders met.\n");
}

TEST(NormalizeTest, ABylinesPlaceIsWhereTheReportWasFiled) {
  NormalizedText n = Normalize(
      "Leaders back plan\n\nFrom our correspondent, Lusaka\n\nThe leaders met today.\n",
      Options());
  EXPECT_EQ(n.dateline_city, "Lusaka");
  EXPECT_EQ(n.text, "Leaders back plan\nThe leaders met today.\n");
  n = Normalize("By our correspondent in Sharm el-Sheikh\n\nThe leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Sharm el-Sheikh");
  // A dateline of the text's own comes first.
  n = Normalize("By our correspondent in Lusaka\n\nHARARE -- The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Harare");
  // The desk a correspondent is named for is not where the report was filed.
  n = Normalize("From our Paris correspondent, Saint-Malo\n\nThe leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Saint-Malo");
  // A desk's staff, capitalised as a broadsheet sets it, and the county after the town.
  n = Normalize(
      "Leaders sign pact\n\nFrom Our Political Staff, Hillsborough, Co Down\n\n"
      "The leaders met.\n",
      Options());
  EXPECT_EQ(n.dateline_city, "Hillsborough");
  EXPECT_EQ(n.title, "Leaders sign pact");
  EXPECT_EQ(n.text, "Leaders sign pact\nThe leaders met.\n");
}

TEST(NormalizeTest, AnOrdinaryCaseDatelineWithDayAndMonthBeforeAColon) {
  NormalizedText n = Normalize("Tokyo, 25 Oct: The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Tokyo");
  EXPECT_EQ(n.dateline_month, 10);
  EXPECT_EQ(n.dateline_day, 25);
  EXPECT_EQ(n.text, "The leaders met.\n");
  n = Normalize("Tokyo, Oct. 25: The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Tokyo");
  n = Normalize("Tokyo, he said: the leaders met.\n", Options());
  EXPECT_TRUE(n.dateline_city.empty());
}

TEST(NormalizeTest, ADatelineMayHoldAccentedCapitals) {
  NormalizedText n = Normalize("BRAS\xC3\x8DLIA, May 30 -- The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Bras\xC3\xADlia");
  EXPECT_EQ(n.text, "The leaders met.\n");
  n = Normalize("\xC3\x89VIAN, June 2 -- The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "\xC3\x89vian");
}

TEST(NormalizeTest, ADatelineOnALineOfItsOwn) {
  NormalizedText n =
      Normalize("CONFERENCE ENDS\n\nBANDUNG, April 24.\n\nThe conference closed.\n", Options());
  EXPECT_EQ(n.dateline_city, "Bandung");
  EXPECT_EQ(n.dateline_month, 4);
  EXPECT_EQ(n.dateline_day, 24);
  EXPECT_EQ(n.text, "CONFERENCE ENDS\nThe conference closed.\n");
}

TEST(NormalizeTest, ADatelineOnALineOfItsOwnDatedByAWeekday) {
  NormalizedText n = Normalize(
      "TALKS COLLAPSE\n\nFrom Our Correspondent\nLIVINGSTONE, Wednesday\n\nThe talks failed.\n",
      Options());
  EXPECT_EQ(n.dateline_city, "Livingstone");
  EXPECT_EQ(n.dateline_month, 0);
  EXPECT_EQ(n.text, "TALKS COLLAPSE\nThe talks failed.\n");
  // A line naming something else on a weekday is no dateline.
  n = Normalize("TALKS COLLAPSE\n\nBLACK Friday\n\nThe talks failed.\n", Options());
  EXPECT_EQ(n.dateline_city, "");
}

TEST(NormalizeTest, ACapitalsDatelineEndedByAPeriod) {
  NormalizedText n = Normalize("SIMLA, July 3. India and Pakistan signed an accord.\n", Options());
  EXPECT_EQ(n.dateline_city, "Simla");
  EXPECT_EQ(n.dateline_month, 7);
  EXPECT_EQ(n.dateline_day, 3);
  EXPECT_EQ(n.text, "India and Pakistan signed an accord.\n");
}

TEST(NormalizeTest, ACapitalsDatelineWithTheDayBeforeTheMonth) {
  NormalizedText n = Normalize("DAKAR, 12 March (APS) - The President received his guest.\n",
                               Options());
  EXPECT_EQ(n.dateline_city, "Dakar");
  EXPECT_EQ(n.dateline_month, 3);
  EXPECT_EQ(n.dateline_day, 12);
  EXPECT_EQ(n.text, "The President received his guest.\n");
}

TEST(NormalizeTest, ADatelineWithAFullDateEndedByAPeriod) {
  NormalizedText n =
      Normalize("SIMLA, July 3, 1972. India and Pakistan signed an accord.\n", Options());
  EXPECT_EQ(n.dateline_city, "Simla");
  EXPECT_EQ(n.date, "1972-07-03");
  EXPECT_EQ(n.text, "India and Pakistan signed an accord.\n");
  n = Normalize("Geneva, 3 July 1972. The leaders met.\n", Options());
  EXPECT_EQ(n.dateline_city, "Geneva");
  EXPECT_EQ(n.date, "1972-07-03");
  // A sentence that only starts with a place and a date keeps them.
  n = Normalize("Geneva, 3 July 1972, was the day the leaders met.\n", Options());
  EXPECT_TRUE(n.dateline_city.empty());
}

TEST(NormalizeTest, ADateDaysAwayFromTheDatelinesIsNotTheArticles) {
  NormalizedText n = Normalize(
      "SIMLA, July 3. The accord was signed.\n\nThe line resulting from the cease-fire of "
      "December 17, 1971, will be respected.\n",
      Options());
  EXPECT_EQ(n.dateline_city, "Simla");
  EXPECT_TRUE(n.date.empty()) << n.date;
  // A page dated a day after its dateline keeps its date.
  n = Normalize("June 27, 2011\n\nMOSCOW, June 26 (Reuters) - The leaders met.\n", Options());
  EXPECT_EQ(n.date, "2011-06-27");
}

}  // namespace
}  // namespace parley::ingest
