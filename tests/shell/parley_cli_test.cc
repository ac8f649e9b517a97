// End to end: the built `parley` binary, driven through its command line.
#include <filesystem>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/shell/run_parley.h"

namespace parley::shell::testing {
namespace {

#define REQUIRE_ENGINE()                                             \
  do {                                                               \
    if (std::string why = EngineUnavailableReason(); !why.empty()) { \
      GTEST_SKIP() << why;                                           \
    }                                                                \
  } while (0)

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(nlohmann::json::parse(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

class ParleyCliTest : public ::testing::Test {
 protected:
  std::string db_ = FreshDir("cli") + "/db";
};

TEST_F(ParleyCliTest, HelpExitsZeroAndListsCommands) {
  RunResult r = RunParley({"--help"});
  EXPECT_EQ(r.exit_status, 0);
  for (const char* cmd : {"query", "shell", "import", "export", "render"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
}

TEST_F(ParleyCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunParley({}).exit_status, 2);
  EXPECT_EQ(RunParley({"frobnicate"}).exit_status, 2);
  EXPECT_EQ(RunParley({"query", "--db", db_, "--format", "xml", "RETURN 1"}).exit_status, 2);
  RunResult bad_param = RunParley({"query", "--db", db_, "--param", "x={oops", "RETURN $x"});
  EXPECT_EQ(bad_param.exit_status, 2);
  EXPECT_NE(bad_param.err.find("--param x"), std::string::npos) << bad_param.err;
  EXPECT_EQ(RunParley({"query", "--db", db_, "--param", "novalue", "RETURN 1"}).exit_status, 2);
  EXPECT_EQ(RunParley({"query", "--db", db_, "-f", "x.cypher", "RETURN 1"}).exit_status, 2);
}

TEST_F(ParleyCliTest, JsonPrintsOneLinePerStatementWithAllCounters) {
  REQUIRE_ENGINE();
  RunResult r = RunParley({"query", "--db", db_, "--format", "json",
                           "RETURN 1 AS a; RETURN 2.0 AS b, 'x;y' AS c, null AS d;"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0]["columns"], nlohmann::json({"a"}));
  EXPECT_EQ(lines[0]["rows"], nlohmann::json::parse("[[1]]"));
  EXPECT_EQ(lines[1]["rows"], nlohmann::json::parse("[[2.0, \"x;y\", null]]"));
  EXPECT_NE(r.out.find("2.0"), std::string::npos);
  for (const char* k :
       {"nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
        "properties_set", "labels_added", "labels_removed", "properties_removed"}) {
    EXPECT_TRUE(lines[0]["stats"][k].is_number_integer()) << k;
  }
  EXPECT_FALSE(lines[0].contains("elapsed_ms"));
}

TEST_F(ParleyCliTest, JsonEncodesNodesRelationshipsPathsAndSpecialFloats) {
  REQUIRE_ENGINE();
  RunResult w = RunParley({"query", "--db", db_, "--format", "json",
                           "CREATE (:Leader {name: 'Vladimir Putin'})-[:MET_AT {y: 2008}]->"
                           "(:Summit {name: 'Sochi 2008'})"});
  ASSERT_EQ(w.exit_status, 0) << w.err;
  auto created = JsonLines(w.out);
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0]["stats"]["nodes_created"], 2);
  EXPECT_EQ(created[0]["stats"]["relationships_created"], 1);
  RunResult r = RunParley({"query", "--db", db_, "--format", "json",
                           "MATCH p = (a)-[r]->(b) RETURN a, r, p, 0.0 / 0.0 AS nan"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto row = JsonLines(r.out).at(0)["rows"][0];
  EXPECT_EQ(row[0]["$node"]["labels"], nlohmann::json({"Leader"}));
  EXPECT_EQ(row[0]["$node"]["properties"]["name"], "Vladimir Putin");
  EXPECT_EQ(row[1]["$rel"]["type"], "MET_AT");
  EXPECT_EQ(row[1]["$rel"]["start"], row[0]["$node"]["id"]);
  EXPECT_EQ(row[2]["$path"].size(), 3u);
  EXPECT_EQ(row[3], nlohmann::json::parse("{\"$float\":\"NaN\"}"));
}

TEST_F(ParleyCliTest, ParamsDecodeJsonIncludingTaggedValues) {
  REQUIRE_ENGINE();
  RunResult r = RunParley({"query", "--db", db_, "--format", "json", "--param", "x=1.5", "--param",
                           "d={\"$date\":\"1984-10-11\"}", "--param", "m={\"k\":[1,\"a\"]}",
                           "RETURN $x AS x, $d AS d, $m AS m"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto row = JsonLines(r.out).at(0)["rows"][0];
  EXPECT_EQ(row[0], 1.5);
  EXPECT_EQ(row[1], nlohmann::json::parse("{\"$date\":\"1984-10-11\"}"));
  EXPECT_EQ(row[2], nlohmann::json::parse("{\"k\":[1,\"a\"]}"));
}

TEST_F(ParleyCliTest, TimerAddsElapsedMilliseconds) {
  REQUIRE_ENGINE();
  RunResult r = RunParley({"query", "--db", db_, "--format", "json", "--timer", "RETURN 1"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto line = JsonLines(r.out).at(0);
  ASSERT_TRUE(line["elapsed_ms"].is_number());
  EXPECT_GE(line["elapsed_ms"].get<double>(), 0.0);
  RunResult t = RunParley({"query", "--db", db_, "--timer", "RETURN 1"});
  EXPECT_NE(t.out.find(" ms"), std::string::npos) << t.out;
}

TEST_F(ParleyCliTest, TableAndCsvFormats) {
  REQUIRE_ENGINE();
  RunResult t = RunParley({"query", "--db", db_, "RETURN 'missile defense' AS issue, 3 AS n"});
  ASSERT_EQ(t.exit_status, 0) << t.err;
  EXPECT_NE(t.out.find("│ issue             │ n │"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("1 row"), std::string::npos);
  RunResult c =
      RunParley({"query", "--db", db_, "--format", "csv", "RETURN 'a,b' AS s, 1 AS n, null AS z"});
  ASSERT_EQ(c.exit_status, 0) << c.err;
  EXPECT_EQ(c.out, "s,n,z\r\n\"a,b\",1,\r\n");
}

TEST_F(ParleyCliTest, FailureStopsAtTheStatementAndPositionsTheErrorInTheInput) {
  REQUIRE_ENGINE();
  RunResult r =
      RunParley({"query", "--db", db_, "--format", "json", "RETURN 1 AS a; RETURN b; RETURN 3"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_EQ(JsonLines(r.out).size(), 1u) << r.out;
  nlohmann::json e = nlohmann::json::parse(r.err.substr(0, r.err.find('\n')));
  EXPECT_EQ(e["error"]["kind"], "SyntaxError");
  EXPECT_EQ(e["error"]["detail"], "UndefinedVariable");
  EXPECT_EQ(e["error"]["line"], 1);
  EXPECT_EQ(e["error"]["column"], 23);
}

TEST_F(ParleyCliTest, HumanErrorsShowTheLineAndACaret) {
  REQUIRE_ENGINE();
  RunResult r = RunParley({"query", "--db", db_, "RETURN 1;\nRETURN nope"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("error: SyntaxError/UndefinedVariable: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at line 2, column 8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  RETURN nope\n         ^\n"), std::string::npos) << r.err;
}

TEST_F(ParleyCliTest, ReadsStatementsFromAFileOrStandardInput) {
  REQUIRE_ENGINE();
  const std::string file = FreshDir("f") + "/q.cypher";
  WriteWholeFile(file, "// a comment; still a comment\nRETURN 1 AS one;\nRETURN oops;\n");
  RunResult f = RunParley({"query", "--db", db_, "-f", file});
  EXPECT_EQ(f.exit_status, 1);
  EXPECT_NE(f.out.find("1 row"), std::string::npos);
  EXPECT_NE(f.err.find(file + ":3:8"), std::string::npos) << f.err;
  RunResult s = RunParley({"query", "--db", db_, "--format", "json"}, "RETURN 7 AS x;");
  EXPECT_EQ(s.exit_status, 0) << s.err;
  EXPECT_EQ(JsonLines(s.out).at(0)["rows"][0][0], 7);
}

TEST_F(ParleyCliTest, RegistersTckProceduresFromTheEnvironment) {
  REQUIRE_ENGINE();
  const std::string file = FreshDir("proc") + "/procedures.json";
  WriteWholeFile(file, R"j({"procedures": [{"name": "test.my.proc",
      "signature": "test.my.proc(in :: INTEGER?) :: (out :: STRING?)",
      "inputs": [{"name": "in", "type": "INTEGER?"}],
      "outputs": [{"name": "out", "type": "STRING?"}],
      "columns": ["in", "out"], "rows": [[1, "one"], [2, "two"]]}]})j");
  RunResult r = RunParley(
      {"query", "--db", db_, "--format", "json", "CALL test.my.proc(2) YIELD out RETURN out"}, "",
      {{"PARLEY_TCK_PROCEDURES", file}});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(JsonLines(r.out).at(0)["rows"], nlohmann::json::parse("[[\"two\"]]"));
}

TEST_F(ParleyCliTest, ScriptedShellRunsEverythingAndReportsFailure) {
  REQUIRE_ENGINE();
  RunResult ok = RunParley({"shell", "--db", db_},
                           ":format csv\nRETURN 1\n  AS x;\n:param p => 41\nRETURN $p + 1 AS y;\n");
  EXPECT_EQ(ok.exit_status, 0) << ok.err;
  EXPECT_NE(ok.out.find("x\r\n1\r\n"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("y\r\n42\r\n"), std::string::npos) << ok.out;
  RunResult bad =
      RunParley({"shell", "--db", db_}, "RETURN 1 AS a;\nRETURN\n  nope;\nRETURN 2 AS b;\n");
  EXPECT_EQ(bad.exit_status, 1);
  EXPECT_NE(bad.out.find("│ b │"), std::string::npos) << bad.out;  // kept running
  EXPECT_NE(bad.err.find("<stdin>:3:3"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("\n    nope;\n    ^\n"), std::string::npos) << bad.err;
}

TEST_F(ParleyCliTest, ExportWritesDotGraphmlAndJsonAndRenderDrawsSvg) {
  REQUIRE_ENGINE();
  ASSERT_EQ(RunParley({"query", "--db", db_,
                       "CREATE (:Leader {name: 'A'})-[:MET_AT]->(:Summit {name: 'S'})"})
                .exit_status,
            0);
  RunResult dot =
      RunParley({"export", "--db", db_, "--format", "dot", "MATCH (l:Leader)-[r]->() RETURN r"});
  ASSERT_EQ(dot.exit_status, 0) << dot.err;
  EXPECT_NE(dot.out.find("[label=\"MET_AT\"]"), std::string::npos) << dot.out;
  EXPECT_NE(dot.out.find(":Summit\\nS"), std::string::npos) << dot.out;  // end node fetched
  RunResult json = RunParley({"export", "--db", db_, "--format", "json"});
  ASSERT_EQ(json.exit_status, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["nodes"].size(), 2u);
  EXPECT_EQ(j["relationships"].size(), 1u);
  RunResult graphml = RunParley({"export", "--db", db_, "--format", "graphml"});
  EXPECT_NE(graphml.out.find("<graphml"), std::string::npos);
  const std::string svg = FreshDir("svg") + "/g.svg";
  RunResult render = RunParley({"render", "--db", db_, "--out", svg});
  ASSERT_EQ(render.exit_status, 0) << render.err;
  EXPECT_NE(ReadWholeFile(svg).find("<svg"), std::string::npos);
  EXPECT_EQ(RunParley({"render", "--db", db_, "--out", "x.txt"}).exit_status, 2);
}

}  // namespace
}  // namespace parley::shell::testing

namespace parley::shell::testing {
namespace {

TEST(ParleyShellCommandsTest, ParamsMaxRowsAndJsonFormatInScriptedMode) {
  if (std::string why = EngineUnavailableReason(); !why.empty()) GTEST_SKIP() << why;
  const std::string db = FreshDir("cmds") + "/db";
  RunResult r = RunParley({"shell", "--db", db},
                          ":param n => 3\n:param d => date('1984-10-11')\n:params\n"
                          ":maxrows 2\nUNWIND range(1, $n) AS x RETURN x;\n"
                          ":format json\nRETURN $d AS d;\n:frobnicate\n");
  EXPECT_EQ(r.exit_status, 1);  // the unknown command counts as a failure
  EXPECT_NE(r.out.find("$d => '1984-10-11'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("│ 2 │"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("│ 3 │"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 rows (1 not shown)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"rows\":[[{\"$date\":\"1984-10-11\"}]]"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("unknown command :frobnicate"), std::string::npos) << r.err;
}

TEST(ParleyShellCommandsTest, ExamplesAnswerTheBushPutinQuestionAndWhyShowsEvidence) {
  if (std::string why = EngineUnavailableReason(); !why.empty()) GTEST_SKIP() << why;
  const std::string articles = std::string(PARLEY_SHARED_DIR) + "/articles";
  if (!std::filesystem::is_directory(articles)) GTEST_SKIP() << "no seed articles in " << articles;
  const std::string db = FreshDir("seed") + "/db";
  RunResult ingest = RunParley({"ingest", "--db", db, articles});
  if (ingest.exit_status == 2) GTEST_SKIP() << "this build has no ingest command";
  ASSERT_EQ(ingest.exit_status, 0) << ingest.err;
  RunResult r = RunParley({"shell", "--db", db}, ":examples\n:examples 1\n:why\n:schema\n");
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find(" 1. Which issues did George W. Bush and Vladimir Putin"),
            std::string::npos);
  EXPECT_NE(r.out.find("│ 'missile defense' │"), std::string::npos) << r.out;
  // :why: each relationship with its ends and confidence, the article's file name and the
  // evidence sentence.
  EXPECT_NE(r.out.find("-[DISPUTED]-> missile defense   confidence 0."), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  article: 000_"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  | "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("'MET_AT'"), std::string::npos);  // :schema lists the types
}

TEST(ParleyShellCommandsTest, AlgorithmExamplesRankLeadersAndFindCommunities) {
  if (std::string why = EngineUnavailableReason(); !why.empty()) GTEST_SKIP() << why;
  const std::string articles = std::string(PARLEY_SHARED_DIR) + "/articles";
  if (!std::filesystem::is_directory(articles)) GTEST_SKIP() << "no seed articles in " << articles;
  const std::string db = FreshDir("algo-examples") + "/db";
  RunResult ingest = RunParley({"ingest", "--db", db, articles});
  if (ingest.exit_status == 2) GTEST_SKIP() << "this build has no ingest command";
  ASSERT_EQ(ingest.exit_status, 0) << ingest.err;
  RunResult r = RunParley({"shell", "--db", db}, ":examples 7\n:examples 8\n");
  ASSERT_EQ(r.exit_status, 0) << r.err;
  // PageRank over leaders and summits: Bush and Putin met most often.
  EXPECT_NE(r.out.find("│ 'George W. Bush'    │ 0.14"), std::string::npos) << r.out;
  // Communities: the two who met together, with the most central named first.
  EXPECT_NE(r.out.find("['George W. Bush', 'Vladimir Putin']"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace parley::shell::testing

namespace parley::shell::testing {
namespace {

TEST(ParleyCliReadOnlyTest, ReadOnlyQueriesReadButNeitherWriteNorCreate) {
  REQUIRE_ENGINE();
  std::string db = FreshDir("cli-read-only") + "/db";
  RunResult missing = RunParley({"query", "--db", db, "--read-only", "RETURN 1"});
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_NE(missing.err.find("DatabaseNotFound"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(db));

  ASSERT_EQ(RunParley({"query", "--db", db, "CREATE (:N {x: 1})"}).exit_status, 0);
  RunResult read = RunParley({"query", "--db", db, "--read-only", "--format", "csv",
                              "MATCH (n:N) RETURN n.x AS x"});
  EXPECT_EQ(read.exit_status, 0) << read.err;
  EXPECT_EQ(read.out, "x\r\n1\r\n");  // CSV rows end in CRLF (RFC 4180)
  RunResult write = RunParley({"query", "--db", db, "--read-only", "CREATE (:N)"});
  EXPECT_EQ(write.exit_status, 1);
  EXPECT_NE(write.err.find("ReadOnlyDatabase"), std::string::npos) << write.err;
  RunResult count = RunParley({"query", "--db", db, "--format", "csv", "MATCH (n) RETURN count(n)"});
  EXPECT_EQ(count.out, "count(n)\r\n1\r\n");
}

// A database whose CURRENT file is gone is never opened as a new, empty one (which used to
// delete its tables on the second try); `parley repair` is the explicit way back.
TEST_F(ParleyCliTest, DamagedDatabaseFailsUntilRepaired) {
  REQUIRE_ENGINE();
  ASSERT_EQ(RunParley({"query", "--db", db_, "UNWIND range(1, 3) AS i CREATE (:P {i: i})"})
                .exit_status,
            0);
  std::filesystem::remove(std::filesystem::path(db_) / "CURRENT");
  for (int attempt = 0; attempt < 2; ++attempt) {
    RunResult r = RunParley({"query", "--db", db_, "MATCH (n) RETURN count(n)"});
    EXPECT_EQ(r.exit_status, 1);
    EXPECT_NE(r.err.find("DatabaseCorrupted"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("parley repair"), std::string::npos) << r.err;
  }
  RunResult repaired = RunParley({"repair", "--db", db_});
  EXPECT_EQ(repaired.exit_status, 0) << repaired.err;
  EXPECT_NE(repaired.out.find("3 nodes"), std::string::npos) << repaired.out;
  RunResult r = RunParley({"query", "--db", db_, "--format", "csv", "MATCH (n) RETURN count(n)"});
  EXPECT_EQ(r.out, "count(n)\r\n3\r\n");
}

TEST_F(ParleyCliTest, RepairRefusesADirectoryThatIsNotADatabase) {
  REQUIRE_ENGINE();
  std::filesystem::create_directories(db_);
  RunResult r = RunParley({"repair", "--db", db_});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("not a Parley database"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::is_empty(db_));
}

TEST_F(ParleyCliTest, TimeoutAndMaxMemoryStopAStatementAndChangeNothing) {
  REQUIRE_ENGINE();
  ASSERT_EQ(RunParley({"query", "--db", db_, "UNWIND range(1, 100) AS i CREATE (:N {i: i})"})
                .exit_status,
            0);
  RunResult slow = RunParley({"query", "--db", db_, "--timeout", "200ms",
                              "MATCH (a), (b), (c), (d) SET a.x = 1 RETURN count(*)"});
  EXPECT_EQ(slow.exit_status, 1);
  EXPECT_NE(slow.err.find("QueryTimedOut"), std::string::npos) << slow.err;
  RunResult big = RunParley({"query", "--db", db_, "--max-memory", "1M",
                             "MATCH (n) SET n.y = 1 WITH n UNWIND range(1, 100000) AS x "
                             "RETURN x ORDER BY x DESC"});
  EXPECT_EQ(big.exit_status, 1);
  EXPECT_NE(big.err.find("MemoryLimitExceeded"), std::string::npos) << big.err;
  RunResult check = RunParley({"query", "--db", db_, "--format", "csv",
                               "MATCH (n) WHERE n.x IS NOT NULL OR n.y IS NOT NULL "
                               "RETURN count(n)"});
  EXPECT_EQ(check.out, "count(n)\r\n0\r\n");
  for (const char* bad : {"--timeout=soon", "--max-memory=lots", "--timeout=-5s"}) {
    RunResult r = RunParley({"query", "--db", db_, bad, "RETURN 1"});
    EXPECT_EQ(r.exit_status, 2) << bad;
  }
}

// Ctrl-C stops the running statement with a message; the process exits on its own.
TEST_F(ParleyCliTest, InterruptCancelsTheRunningStatement) {
  REQUIRE_ENGINE();
  ASSERT_EQ(RunParley({"query", "--db", db_, "UNWIND range(1, 200) AS i CREATE (:N {i: i})"})
                .exit_status,
            0);
  RunResult r = RunParley(
      {"query", "--db", db_, "MATCH (a), (b), (c), (d) SET a.x = 1 RETURN count(*)"}, "", {},
      /*interrupt_after_ms=*/500);
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("QueryCancelled"), std::string::npos) << r.err;
  RunResult check = RunParley({"query", "--db", db_, "--format", "csv",
                               "MATCH (n) WHERE n.x IS NOT NULL RETURN count(n)"});
  EXPECT_EQ(check.out, "count(n)\r\n0\r\n");
}

TEST_F(ParleyCliTest, ShellSettingsSetTheLimits) {
  REQUIRE_ENGINE();
  ASSERT_EQ(RunParley({"query", "--db", db_, "UNWIND range(1, 100) AS i CREATE (:N {i: i})"})
                .exit_status,
            0);
  RunResult r = RunParley({"shell", "--db", db_},
                          ":timeout\n:timeout 200ms\n:maxmemory 64M\n"
                          "MATCH (a), (b), (c), (d) RETURN count(*);\n:timeout 0\n");
  EXPECT_NE(r.out.find("timeout none"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("timeout 200 ms"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("maxmemory 67108864 bytes"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("QueryTimedOut"), std::string::npos) << r.err;
  RunResult flags = RunParley({"shell", "--db", db_, "--timeout", "2m", "--max-memory", "1G"},
                              ":timeout\n:maxmemory\n");
  EXPECT_NE(flags.out.find("timeout 120000 ms"), std::string::npos) << flags.out;
  EXPECT_NE(flags.out.find("maxmemory 1073741824 bytes"), std::string::npos) << flags.out;
}

// parley query prints rows as they are produced: a result far larger than the memory
// bound passes through, in every format, and a small one prints as it always did.
TEST_F(ParleyCliTest, LargeResultsStreamInEveryFormat) {
  REQUIRE_ENGINE();
  const std::string query = "UNWIND range(1, 300000) AS x RETURN x";
  RunResult csv =
      RunParley({"query", "--db", db_, "--max-memory", "4M", "--format", "csv", query});
  EXPECT_EQ(csv.exit_status, 0) << csv.err;
  EXPECT_TRUE(csv.out.starts_with("x\r\n1\r\n2\r\n"));
  EXPECT_TRUE(csv.out.ends_with("\r\n300000\r\n"));
  RunResult json =
      RunParley({"query", "--db", db_, "--max-memory", "4M", "--format", "json", query});
  EXPECT_EQ(json.exit_status, 0) << json.err;
  nlohmann::json line = nlohmann::json::parse(json.out);
  EXPECT_EQ(line["rows"].size(), 300000u);
  EXPECT_EQ(line["rows"].back()[0], 300000);
  EXPECT_TRUE(line.contains("stats"));
  RunResult table = RunParley({"query", "--db", db_, "--max-memory", "4M", query});
  EXPECT_EQ(table.exit_status, 0) << table.err;
  EXPECT_TRUE(table.out.ends_with("300000 rows\n")) << table.out.substr(table.out.size() - 100);
  // Failing after rows were printed leaves every JSON line valid.
  RunResult failed = RunParley({"query", "--db", db_, "--format", "json",
                                "UNWIND range(1, 5000) AS x RETURN 10 / (x - 4000) AS y"});
  EXPECT_EQ(failed.exit_status, 1);
  EXPECT_NO_THROW(nlohmann::json::parse(failed.out));
  EXPECT_NE(failed.err.find("DivisionByZero"), std::string::npos);
  // A small result is printed whole, exactly as before.
  RunResult small = RunParley({"query", "--db", db_, "--format", "json", "RETURN 1 AS x"});
  EXPECT_TRUE(small.out.starts_with("{\"columns\":[\"x\"],\"rows\":[[1]],\"stats\":"))
      << small.out;
}

}  // namespace
}  // namespace parley::shell::testing
