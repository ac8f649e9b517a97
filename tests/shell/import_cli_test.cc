// End to end: `parley import` on small CSV files, then queries over what it loaded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/shell/run_parley.h"

namespace parley::shell::testing {
namespace {

class ImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = EngineUnavailableReason(); !why.empty()) GTEST_SKIP() << why;
    WriteWholeFile(dir_ + "/people.csv",
                   "personId:ID,name,age:INT,score:FLOAT,tags:STRING[],:LABEL\n"
                   "p1,Ann,41,1.5,a;b,Leader\n"
                   "p2,\"Bob, Jr.\",37,2.0,x,Leader;Person\n");
    WriteWholeFile(dir_ + "/knows.csv", ":START_ID,:END_ID,since:INT\np1,p2,2001\n");
  }

  nlohmann::json Rows(const std::string& cypher) {
    RunResult r = RunParley({"query", "--db", db_, "--format", "json", cypher});
    EXPECT_EQ(r.exit_status, 0) << r.err;
    return r.exit_status == 0 ? nlohmann::json::parse(r.out)["rows"] : nlohmann::json();
  }

  std::string dir_ = FreshDir("import");
  std::string db_ = dir_ + "/db";
};

TEST_F(ImportCliTest, LoadsNodesAndRelationshipsWithTypedProperties) {
  RunResult r = RunParley({"import", "--db", db_, "--nodes=Human", dir_ + "/people.csv",
                           "--relationships=KNOWS", dir_ + "/knows.csv"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("Imported 2 nodes and 1 relationships"), std::string::npos) << r.out;
  EXPECT_EQ(Rows("MATCH (n:Human:Leader) RETURN n.personId, n.name, n.age, n.score, n.tags "
                 "ORDER BY n.personId"),
            nlohmann::json::parse(R"j([["p1","Ann",41,1.5,["a","b"]],
                                       ["p2","Bob, Jr.",37,2.0,["x"]]])j"));
  EXPECT_EQ(Rows("MATCH (:Person {name: 'Bob, Jr.'}) RETURN count(*)"),
            nlohmann::json::parse("[[1]]"));
  EXPECT_EQ(Rows("MATCH (a)-[k:KNOWS]->(b) RETURN a.name, k.since, b.name"),
            nlohmann::json::parse(R"j([["Ann",2001,"Bob, Jr."]])j"));
}

TEST_F(ImportCliTest, BadRowStopsTheImportWithFileAndLineAndKeepsNothing) {
  WriteWholeFile(dir_ + "/bad.csv", "id:ID,age:INT\nq1,1\nq2,notanumber\n");
  RunResult r = RunParley({"import", "--db", db_, "--nodes=X", dir_ + "/bad.csv"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("bad.csv:3"), std::string::npos) << r.err;
  EXPECT_EQ(Rows("MATCH (n) RETURN count(n)"), nlohmann::json::parse("[[0]]"));
  RunResult skip =
      RunParley({"import", "--db", db_, "--skip-bad-rows", "--nodes=X", dir_ + "/bad.csv"});
  EXPECT_EQ(skip.exit_status, 0) << skip.err;
  EXPECT_NE(skip.err.find("bad.csv:3"), std::string::npos) << skip.err;
  EXPECT_EQ(Rows("MATCH (n:X) RETURN n.id"), nlohmann::json::parse(R"j([["q1"]])j"));
}

TEST_F(ImportCliTest, TheIdBecomesAUniqueConstraintThatLaterImportsAndWritesKeep) {
  RunResult r = RunParley({"import", "--db", db_, "--nodes=Human", dir_ + "/people.csv"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  nlohmann::json constraints = Rows("SHOW CONSTRAINTS");
  ASSERT_EQ(constraints.size(), 3u) << constraints.dump();
  const char* labels[] = {"Human", "Leader", "Person"};
  for (int i = 0; i < 3; ++i) {
    std::string name = std::string("constraint_") + labels[i] + "_personId";
    EXPECT_EQ(constraints[i].dump(), "[\"" + name + "\",\"UNIQUENESS\",\"NODE\",[\"" +
                                         labels[i] + "\"],[\"personId\"],\"" + name + "\"]");
  }
  // A lookup by the imported id seeks the index.
  nlohmann::json plan = Rows("EXPLAIN MATCH (n:Human {personId: 'p2'}) RETURN n.name");
  EXPECT_NE(plan.dump().find("NodeIndexSeek"), std::string::npos) << plan.dump();
  EXPECT_EQ(Rows("MATCH (n:Human {personId: 'p2'}) RETURN n.name"),
            nlohmann::json::parse(R"j([["Bob, Jr."]])j"));
  // A second import repeating an id: a bad row with file and line, or skipped and counted.
  WriteWholeFile(dir_ + "/more.csv", "personId:ID,name\np3,Cid\np1,Ann again\np4,Dan\n");
  RunResult again = RunParley({"import", "--db", db_, "--nodes=Human", dir_ + "/more.csv"});
  EXPECT_EQ(again.exit_status, 1);
  EXPECT_NE(again.err.find("more.csv:3: duplicate value for the uniqueness constraint on "
                           ":Human(personId): the existing node 0 already has personId = 'p1'"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(Rows("MATCH (n:Human) RETURN count(n)"), nlohmann::json::parse("[[2]]"));
  RunResult skip = RunParley(
      {"import", "--db", db_, "--skip-bad-rows", "--nodes=Human", dir_ + "/more.csv"});
  EXPECT_EQ(skip.exit_status, 0) << skip.err;
  EXPECT_NE(skip.out.find("Imported 2 nodes and 0 relationships"), std::string::npos)
      << skip.out;
  EXPECT_NE(skip.out.find("1 bad rows skipped"), std::string::npos) << skip.out;
  EXPECT_NE(skip.err.find("skipped " + dir_ + "/more.csv:3"), std::string::npos) << skip.err;
  // Queries keep the constraint too.
  RunResult create = RunParley({"query", "--db", db_, "--format", "json",
                                "CREATE (:Human {personId: 'p4'})"});
  EXPECT_EQ(create.exit_status, 1);
  EXPECT_NE(create.err.find(R"("kind":"ConstraintVerificationFailed")"), std::string::npos)
      << create.err;
  EXPECT_EQ(Rows("MATCH (n:Human) RETURN count(n)"), nlohmann::json::parse("[[4]]"));
}

TEST_F(ImportCliTest, IntegerIdsAndUsageErrors) {
  WriteWholeFile(dir_ + "/ints.csv", "num:ID,name\n7,seven\n");
  RunResult r =
      RunParley({"import", "--db", db_, "--id-type=integer", "--nodes=N", dir_ + "/ints.csv"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(Rows("MATCH (n:N) RETURN n.num"), nlohmann::json::parse("[[7]]"));
  EXPECT_EQ(RunParley({"import", "--db", db_}).exit_status, 2);
  EXPECT_EQ(RunParley({"import", "--db", db_, "--nodes"}).exit_status, 2);
  EXPECT_EQ(RunParley({"import", "--help"}).exit_status, 0);
}

TEST_F(ImportCliTest, TextThatIsNotUtf8IsABadRowAndNeverReachesTheJsonOutput) {
  WriteWholeFile(dir_ + "/latin1.csv",
                 "id:ID,name\n1,a\xff\xfe"
                 "b\n2,ok\n");
  RunResult r = RunParley({"import", "--db", db_, "--nodes=N", dir_ + "/latin1.csv"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("latin1.csv:2: column 'name': the text is not valid UTF-8 (byte 2)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Rows("MATCH (n) RETURN count(n)"), nlohmann::json::parse("[[0]]"));
  RunResult skip =
      RunParley({"import", "--db", db_, "--skip-bad-rows", "--nodes=N", dir_ + "/latin1.csv"});
  EXPECT_EQ(skip.exit_status, 0) << skip.err;
  EXPECT_NE(skip.err.find("skipped " + dir_ + "/latin1.csv:2: column 'name'"), std::string::npos)
      << skip.err;
  RunResult json = RunParley({"query", "--db", db_, "--format", "json", "MATCH (n) RETURN n.name"});
  ASSERT_EQ(json.exit_status, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["rows"], nlohmann::json::parse(R"j([["ok"]])j"));
}

TEST_F(ImportCliTest, HeaderThatNamesAColumnTwiceIsRefusedNamingFileLineAndColumn) {
  WriteWholeFile(dir_ + "/twice.csv", "id:ID,name,name\n1,first,second\n");
  RunResult r = RunParley({"import", "--db", db_, "--nodes=N", dir_ + "/twice.csv"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find(dir_ + "/twice.csv:1: bad header: column 'name' is named twice (columns 2 "
                              "and 3)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Rows("MATCH (n) RETURN count(n)"), nlohmann::json::parse("[[0]]"));
}

}  // namespace
}  // namespace parley::shell::testing
