// The extractor on the seed articles, scored against shared/gold/seeds.json as
// shared/tools/eval_ingest.py scores the stored graph: every required fact recalled, and at
// least 95% of the extracted facts gold (required or optional).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "ingest/extractor.h"
#include "tests/gold/gold_match.h"
#include "tests/gold/gold_test_util.h"

namespace parley::gold {
namespace {

using ingest::ArticleFacts;
using ingest::Polarity;

struct Predicted {
  std::map<std::string, std::set<Fact>> facts;
};

void AddArticle(const Gold& gold, const ArticleFacts& a, Predicted& p) {
  for (const auto& l : a.leads)
    p.facts["leads"].insert({gold.Leader(l.leader), gold.Country(l.country)});
  if (!a.summit) return;
  std::string sid = gold.SummitId(a.summit->city, a.summit->year);
  for (const auto& x : a.attendance) p.facts["attendance"].insert({gold.Leader(x.leader), sid});
  for (const auto& x : a.discussed) {
    p.facts["discussed"].insert({sid, gold.IssueAt("discussed", sid, gold.Issue(x.issue))});
  }
  for (const auto& x : a.disputed) {
    p.facts["disputed"].insert({sid, gold.IssueAt("disputed", sid, gold.Issue(x.issue))});
    p.facts["discussed"].insert({sid, gold.IssueAt("discussed", sid, gold.Issue(x.issue))});
  }
  for (const auto& s : a.stances) {
    std::string ssid = s.summit == a.summit->name ? sid : "?" + s.summit;
    p.facts["stance"].insert({gold.Side(s.holder),
                              s.polarity == Polarity::kSupports ? "supports" : "opposes",
                              gold.Issue(s.issue), ssid});
  }
}

TEST(GoldExtractionTest, SeedArticlesMeetRecallAndPrecisionTargets) {
  namespace fs = std::filesystem;
  if (!fs::exists(SeedsPath())) GTEST_SKIP() << "no gold file at " << SeedsPath();
  Gold gold(nlohmann::json::parse(ReadFile(SeedsPath())));
  ingest::Lexicon lexicon = ingest::Lexicon::LoadDirectory(LexiconDir());
  ingest::Extractor extractor(lexicon);
  std::string articles = SharedDir() + "/articles";
  Predicted predicted;
  for (const auto& a : gold.doc()["articles"]) {
    std::string path = articles + "/" + a["file"].get<std::string>();
    ASSERT_TRUE(fs::exists(path)) << path;
    AddArticle(gold, extractor.Extract(ReadFile(path), path), predicted);
  }
  int tp = 0, fp = 0, fn = 0;
  for (const char* kind : {"attendance", "discussed", "disputed", "stance", "leads"}) {
    Score s = gold.Compare(kind, predicted.facts[kind]);
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    std::cout << kind << ": tp=" << s.tp << " fp=" << s.fp << " fn=" << s.fn
              << " optional=" << s.optional << "\n";
    for (const auto& m : s.missed) std::cout << "  missed: " << m << "\n";
    for (const auto& u : s.unexpected) std::cout << "  unexpected: " << u << "\n";
  }
  double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  std::cout << "overall: tp=" << tp << " fp=" << fp << " fn=" << fn << " precision=" << precision
            << "\n";
  EXPECT_EQ(fn, 0) << "required gold facts missed";
  EXPECT_GE(precision, 0.95);
}

}  // namespace
}  // namespace parley::gold
