// The graph writer against an in-memory database: parameterised statements, idempotence,
// replacement of a changed article, and provenance on every extracted relationship.
#include "ingest/writer.h"

#include <gtest/gtest.h>

#include "parley/parley.h"
#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::FixtureExtractor;

class WriterTest : public ::testing::Test {
 protected:
  WriterTest() : db_("writer-test", MemoryOptions()), conn_(db_) {}
  static DatabaseOptions MemoryOptions() {
    DatabaseOptions o;
    o.in_memory = true;
    return o;
  }
  std::int64_t Count(const std::string& cypher) {
    Result r = conn_.Execute(cypher);
    return r.rows().at(0).at(0).as_int();
  }
  Database db_;
  Connection conn_;
};

constexpr const char* kArticle =
    "Obama and Medvedev held talks in Geneva. The two sides remain at odds over Kosovo. "
    "Washington backs the missile shield.\n";

TEST_F(WriterTest, ValuesNeverEnterQueryText) {
  ArticleFacts f = FixtureExtractor().Extract(
      "Obama and Medvedev held talks in Geneva. Washington backs the missile shield, "
      "'}) DETACH DELETE n //.\n",
      "x'); MATCH (n) DETACH DELETE n; //.txt");
  for (const Statement& s : FactStatements(f)) {
    EXPECT_EQ(s.cypher.find("DETACH DELETE"), std::string::npos) << s.cypher;
    EXPECT_EQ(s.cypher.find("Geneva"), std::string::npos) << s.cypher;
    EXPECT_EQ(s.cypher.find("Obama"), std::string::npos) << s.cypher;
  }
}

TEST_F(WriterTest, WritesTheGraphOnceWithProvenance) {
  GraphWriter writer(conn_);
  ArticleFacts f = FixtureExtractor().Extract(kArticle, "a.txt");
  EXPECT_EQ(writer.Write(f), WriteOutcome::kAdded);
  EXPECT_EQ(Count("MATCH (:Leader)-[:MET_AT]->(s:Summit {name: 'Geneva'}) RETURN count(*)"), 2);
  EXPECT_EQ(Count("MATCH (:Summit)-[:DISPUTED]->(:Issue {name: 'Kosovo'}) RETURN count(*)"), 1);
  EXPECT_EQ(Count("MATCH (:Country {name: 'United States'})-[r:SUPPORTS]->"
                  "(:Issue {name: 'missile defense'}) WHERE r.summit = 'Geneva' RETURN count(*)"),
            1);
  EXPECT_EQ(Count("MATCH (s:Summit) WHERE s.year IS NULL RETURN count(s)"), 1);
  EXPECT_EQ(Count("MATCH ()-[r:MET_AT|DISCUSSED|DISPUTED|SUPPORTS|OPPOSES]->() "
                  "WHERE r.article IS NULL OR r.evidence IS NULL OR r.confidence IS NULL "
                  "OR r.confidence < 0 OR r.confidence > 1 RETURN count(r)"),
            0);
  std::int64_t rels = Count("MATCH ()-[r]->() RETURN count(r)");
  EXPECT_EQ(writer.Write(f), WriteOutcome::kUnchanged);
  EXPECT_EQ(Count("MATCH ()-[r]->() RETURN count(r)"), rels);
  EXPECT_EQ(Count("MATCH (a:Article) RETURN count(a)"), 1);
}

TEST_F(WriterTest, ChangedTextAtTheSamePathReplacesOnlyItsOwnFacts) {
  GraphWriter writer(conn_);
  writer.Write(FixtureExtractor().Extract(kArticle, "a.txt"));
  writer.Write(FixtureExtractor().Extract(
      "Obama and Medvedev held talks in Geneva. They disagree over Kosovo.\n", "b.txt"));
  ArticleFacts changed = FixtureExtractor().Extract(
      "Obama and Medvedev held talks in Geneva. The two sides remain at odds over a trade "
      "deal.\n",
      "a.txt");
  EXPECT_EQ(writer.Write(changed), WriteOutcome::kReplaced);
  EXPECT_EQ(Count("MATCH (a:Article) RETURN count(a)"), 2);
  // b.txt's dispute over Kosovo stays; a.txt's is gone, and so is its stance.
  EXPECT_EQ(Count("MATCH (:Summit)-[:DISPUTED]->(:Issue {name: 'Kosovo'}) RETURN count(*)"), 1);
  EXPECT_EQ(Count("MATCH (:Summit)-[:DISPUTED]->(:Issue {name: 'trade'}) RETURN count(*)"), 1);
  EXPECT_EQ(Count("MATCH ()-[r:SUPPORTS]->() RETURN count(r)"), 0);
}

}  // namespace
}  // namespace parley::ingest
