// The file side of `parley ingest`: which files are articles and which are skipped, and the
// per-article summary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/ingest.h"
#include "parley/parley.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

namespace fs = std::filesystem;

TEST(IngestFilesTest, RejectsEmptyBinaryAndNonUtf8Text) {
  EXPECT_EQ(CheckArticleText(""), "empty");
  EXPECT_EQ(CheckArticleText(" \n\t"), "empty");
  EXPECT_EQ(CheckArticleText(std::string("ab\0cd", 5)), "binary (contains NUL bytes)");
  EXPECT_EQ(CheckArticleText("Caf\xe9"), "not valid UTF-8 (byte 3)");
  EXPECT_EQ(CheckArticleText("\xC0\xAF"), "not valid UTF-8 (byte 0)");      // overlong
  EXPECT_EQ(CheckArticleText("\xED\xA0\x80"), "not valid UTF-8 (byte 0)");  // surrogate
  EXPECT_FALSE(CheckArticleText("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D").has_value());
}

TEST(IngestFilesTest, BadFilesAreSkippedAndTheOthersLoad) {
  fs::path dir = fs::temp_directory_path() / ("parley_ingest_files_" + std::to_string(getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "a.txt") << "Obama and Medvedev held talks in Geneva.\n";
  std::ofstream(dir / "sub" / "b.txt") << "Merkel and Sarkozy met in Berlin.\n";
  std::ofstream(dir / "empty.txt") << "";
  std::ofstream(dir / "latin1.txt") << "Caf\xe9 talks\n";
  std::ofstream(dir / "notes.md") << "not an article\n";
  std::vector<std::string> missing;
  std::vector<std::string> files =
      ExpandPaths({dir.string(), (dir / "nope.txt").string()}, &missing);
  EXPECT_EQ(files.size(), 4u);
  ASSERT_EQ(missing.size(), 1u);

  DatabaseOptions options;
  options.in_memory = true;
  Database db("ingest-files", options);
  Connection conn(db);
  std::ostringstream out, err;
  IngestTotals t = IngestPaths(conn, testing::FixtureExtractor(), files, {}, out, err);
  EXPECT_EQ(t.added, 2u);
  EXPECT_EQ(t.skipped, 2u);
  EXPECT_NE(err.str().find((dir / "empty.txt").string() + ": empty"), std::string::npos)
      << err.str();
  EXPECT_NE(err.str().find("latin1.txt: not valid UTF-8"), std::string::npos) << err.str();
  EXPECT_NE(out.str().find("summit Geneva (Barack Obama, Dmitry Medvedev)"), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("total: 4 articles: 2 added"), std::string::npos) << out.str();
  fs::remove_all(dir);
}

TEST(IngestFilesTest, ManyArticlesOnSeveralThreadsAreWrittenInPathOrder) {
  fs::path dir = fs::temp_directory_path() / ("parley_ingest_order_" + std::to_string(getpid()));
  fs::create_directories(dir);
  constexpr int kArticles = 40;
  for (int i = 0; i < kArticles; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "%03d.txt", i);
    std::ofstream(dir / name) << "Obama and Medvedev held talks in Geneva on day " << i << ".\n";
  }
  std::vector<std::string> files = ExpandPaths({dir.string()}, nullptr);
  ASSERT_EQ(files.size(), static_cast<std::size_t>(kArticles));
  DatabaseOptions db_options;
  db_options.in_memory = true;
  Database db("ingest-order", db_options);
  Connection conn(db);
  std::ostringstream out, err;
  IngestOptions options;
  options.threads = 3;
  IngestTotals t = IngestPaths(conn, testing::FixtureExtractor(), files, options, out, err);
  EXPECT_EQ(t.added, static_cast<std::size_t>(kArticles));
  // The summary lines come in path order, whichever thread extracted each article.
  std::size_t previous = 0;
  for (const std::string& f : files) {
    std::size_t at = out.str().find(f + ":");
    ASSERT_NE(at, std::string::npos) << f;
    EXPECT_GE(at, previous) << f;
    previous = at;
  }
  fs::remove_all(dir);
}

TEST(IngestFilesTest, DropBelowKeepsRelationshipsAtOrAboveTheThreshold) {
  ArticleFacts f;
  f.attendance = {{"A", {"s", 0.9}}, {"B", {"s", 0.7}}};
  f.discussed = {{"x", {"s", 0.8}}};
  f.disputed = {{"x", {"s", 0.6}}};
  StanceFact explicit_stance, implied_stance;
  explicit_stance.provenance = {"s", 0.85};
  implied_stance.provenance = {"s", 0.5};
  f.stances = {explicit_stance, implied_stance};
  f.leads = {{"A", "C", "", ""}};
  DropBelow(f, 0.8);
  ASSERT_EQ(f.attendance.size(), 1u);
  EXPECT_EQ(f.attendance[0].leader, "A");
  EXPECT_EQ(f.discussed.size(), 1u);
  EXPECT_TRUE(f.disputed.empty());
  ASSERT_EQ(f.stances.size(), 1u);
  EXPECT_EQ(f.stances[0].provenance.confidence, 0.85);
  EXPECT_EQ(f.leads.size(), 1u);  // not extracted from a sentence: always kept
}

TEST(IngestFilesTest, HtmlPagesAreNotArticleText) {
  EXPECT_NE(CheckArticleText("<!DOCTYPE html>\n<html><body><p>Putin met Bush.</p></body></html>"),
            std::nullopt);
  EXPECT_NE(CheckArticleText("\xEF\xBB\xBF  <html lang=en><head></head></html>"), std::nullopt);
  EXPECT_EQ(CheckArticleText("<Reuters> Putin met Bush in Moscow."), std::nullopt);
  EXPECT_EQ(CheckArticleText("Putin met Bush in <b>Moscow</b>."), std::nullopt);
}

// Inputs with no article text in them, however different, are each skipped with the
// reason, never stored under one shared id; a file past the size limit is skipped unread.
TEST(IngestFilesTest, FilesWithNoArticleTextOrTooLargeAreSkippedWithTheReason) {
  fs::path dir =
      fs::temp_directory_path() / ("parley_ingest_nothing_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "Hello\n";
  std::ofstream(dir / "b.txt") << "World\n";
  std::ofstream(dir / "page.txt") << "<!doctype html><html><body>Putin met Bush.</body></html>";
  {
    std::ofstream big(dir / "big.txt");
    std::string line(1023, 'a');
    for (std::uintmax_t i = 0; i <= kMaxArticleBytes / 1024; ++i) big << line << "\n";
  }
  std::ofstream(dir / "real.txt") << "Obama and Medvedev held talks in Geneva.\n";
  DatabaseOptions options;
  options.in_memory = true;
  Database db("ingest-nothing", options);
  Connection conn(db);
  std::ostringstream out, err;
  std::vector<std::string> files = {(dir / "a.txt").string(), (dir / "b.txt").string(),
                                    (dir / "page.txt").string(), (dir / "big.txt").string(),
                                    (dir / "real.txt").string()};
  IngestTotals t = IngestPaths(conn, testing::FixtureExtractor(), files, {}, out, err);
  EXPECT_EQ(t.added, 1u);
  EXPECT_EQ(t.unchanged, 0u);
  EXPECT_EQ(t.skipped, 4u);
  EXPECT_NE(err.str().find("a.txt: no article text"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("b.txt: no article text"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("page.txt: an HTML page"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("big.txt: " + std::to_string(fs::file_size(dir / "big.txt")) +
                           " bytes, more than"),
            std::string::npos)
      << err.str();
  EXPECT_EQ(conn.Execute("MATCH (a:Article) RETURN count(a)").rows()[0][0].as_int(), 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::ingest
