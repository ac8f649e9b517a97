// End to end: ingest data/articles through the public API into an in-memory database, then
// run every gold question's Cypher and check its answer as shared/tools/eval_ingest.py does.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/extractor.h"
#include "ingest/ingest.h"
#include "parley/parley.h"
#include "tests/gold/gold_match.h"
#include "tests/gold/gold_test_util.h"

namespace parley::gold {
namespace {

std::string AsText(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_node()) {
    auto it = v.as_node().properties.find("name");
    return it != v.as_node().properties.end() && it->second.is_string() ? it->second.as_string()
                                                                        : "";
  }
  return v.ToString();
}

std::set<std::string> Answer(const Gold& gold, const nlohmann::json& q, const Result& r) {
  std::string type = q["answer_type"];
  std::set<std::string> got;
  for (const auto& row : r.rows()) {
    if (row.empty()) continue;
    std::string v = AsText(row[0]);
    if (type == "summit") {
      std::optional<int> year;
      if (row.size() > 2 && row[2].is_int()) year = static_cast<int>(row[2].as_int());
      got.insert(gold.SummitId(row.size() > 1 ? AsText(row[1]) : v, year));
    } else if (type == "issue") {
      got.insert(gold.Issue(v));
    } else if (type == "leader") {
      got.insert(gold.Leader(v));
    } else if (type == "country") {
      got.insert(gold.Country(v));
    } else if (type == "holder") {
      got.insert(gold.Side(v));
    } else {
      got.insert(v);
    }
  }
  return got;
}

TEST(GoldEndToEndTest, IngestedSeedsAnswerTheGoldQuestions) {
  if (!std::filesystem::exists(SeedsPath())) GTEST_SKIP() << "no gold file at " << SeedsPath();
  Gold gold(nlohmann::json::parse(ReadFile(SeedsPath())));
  ingest::Lexicon lexicon = ingest::Lexicon::LoadDirectory(LexiconDir());
  ingest::Extractor extractor(lexicon);
  DatabaseOptions options;
  options.in_memory = true;
  Database db("gold-e2e", options);
  Connection conn(db);
  std::ostringstream out, err;
  std::vector<std::string> files =
      ingest::ExpandPaths({std::string(PARLEY_SOURCE_DIR) + "/data/articles"}, nullptr);
  ASSERT_FALSE(files.empty());
  ingest::IngestTotals totals = ingest::IngestPaths(conn, extractor, files, {}, out, err);
  ASSERT_EQ(totals.skipped, 0u) << err.str();
  ASSERT_EQ(totals.added, files.size()) << out.str();

  // Idempotent: a second run adds nothing.
  Result before = conn.Execute("MATCH ()-[r]->() RETURN count(r) AS n");
  ingest::IngestTotals again = ingest::IngestPaths(conn, extractor, files, {}, out, err);
  EXPECT_EQ(again.unchanged, files.size());
  Result after = conn.Execute("MATCH ()-[r]->() RETURN count(r) AS n");
  EXPECT_EQ(before.rows()[0][0], after.rows()[0][0]);

  for (const auto& q : gold.doc()["questions"]) {
    SCOPED_TRACE(q["id"].get<std::string>() + ": " + q["question"].get<std::string>());
    Params params;
    for (const auto& [k, spec] : q.value("params", nlohmann::json::object()).items()) {
      List names;
      for (const auto& [kind, name] : spec.items()) names.emplace_back(name.get<std::string>());
      params[k] = Value(std::move(names));
    }
    Result r = conn.Execute(q["cypher"].get<std::string>(), params);
    std::set<std::string> got = Answer(gold, q, r);
    std::set<std::string> expected, allowed;
    for (const auto& a : q["answer"]) {
      std::string s = a.get<std::string>();
      expected.insert(q["answer_type"] == "holder" ? gold.Side(s) : s);
    }
    allowed = expected;
    for (const auto& a : q.value("answer_optional", nlohmann::json::array())) {
      std::string s = a.get<std::string>();
      allowed.insert(q["answer_type"] == "holder" ? gold.Side(s) : s);
    }
    for (const auto& e : expected) EXPECT_TRUE(got.count(e)) << "missing " << e;
    for (const auto& g : got) EXPECT_TRUE(allowed.count(g)) << "unexpected " << g;
  }
}

TEST(GoldEndToEndTest, ChangedArticleReplacesItsOwnFacts) {
  namespace fs = std::filesystem;
  ingest::Lexicon lexicon = ingest::Lexicon::LoadDirectory(LexiconDir());
  ingest::Extractor extractor(lexicon);
  DatabaseOptions options;
  options.in_memory = true;
  Database db("gold-e2e-replace", options);
  Connection conn(db);
  fs::path dir = fs::temp_directory_path() / ("parley_ingest_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "a.txt";
  std::ofstream(file) << "Obama and Medvedev held talks in Geneva. They disagree over Kosovo.\n";
  std::ostringstream out, err;
  ingest::IngestPaths(conn, extractor, {file.string()}, {}, out, err);
  std::ofstream(file, std::ios::trunc)
      << "Obama and Medvedev held talks in Geneva. They disagree over Syria.\n";
  ingest::IngestTotals t = ingest::IngestPaths(conn, extractor, {file.string()}, {}, out, err);
  EXPECT_EQ(t.replaced, 1u) << out.str() << err.str();
  Result articles = conn.Execute("MATCH (a:Article) RETURN count(a) AS n");
  EXPECT_EQ(articles.rows()[0][0], Value(std::int64_t{1}));
  Result disputed = conn.Execute("MATCH (:Summit)-[:DISPUTED]->(i:Issue) RETURN i.name AS name");
  ASSERT_EQ(disputed.row_count(), 1u);
  EXPECT_EQ(disputed.rows()[0][0], Value("Syria"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::gold
