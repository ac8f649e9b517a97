// End to end: arguments naming things that cannot be used (a directory as the query file,
// a database path whose folders are missing, an integer too large for 64 bits, an output
// file that cannot be written) fail with an error saying what and why.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/shell/run_parley.h"

namespace parley::shell::testing {
namespace {

namespace fs = std::filesystem;

class CliInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = EngineUnavailableReason(); !why.empty()) GTEST_SKIP() << why;
  }
  std::string dir_ = FreshDir("input");
  std::string db_ = dir_ + "/db";
};

TEST_F(CliInputTest, QueryFileThatIsADirectoryIsAnError) {
  RunResult r = RunParley({"query", "--db", db_, "-f", dir_});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("cannot read " + dir_ + ": Is a directory"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliInputTest, ImportFileThatIsADirectoryIsAnError) {
  RunResult r = RunParley({"import", "--db", db_, "--nodes=N", dir_});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("cannot read " + dir_ + ": Is a directory"), std::string::npos) << r.err;
}

// A mistyped --db must not become a new, empty database: only its last folder is created.
TEST_F(CliInputTest, DatabaseWhoseParentFolderIsMissingIsNeitherCreatedNorOpened) {
  const std::string missing = dir_ + "/a/b";
  const std::string db = missing + "/c";
  WriteWholeFile(dir_ + "/n.csv", "id:ID\n1\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"query", "--db", db, "RETURN 1"},
        std::vector<std::string>{"import", "--db", db, "--nodes=N", dir_ + "/n.csv"},
        std::vector<std::string>{"export", "--db", db, "--format", "json"},
        std::vector<std::string>{"shell", "--db", db}}) {
    RunResult r = RunParley(args, "RETURN 1;\n");
    EXPECT_EQ(r.exit_status, 1) << args[0] << ": " << r.out;
    EXPECT_NE(
        r.err.find("cannot create database " + db + ": the folder " + missing + " does not exist"),
        std::string::npos)
        << args[0] << ": " << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ + "/a"));
  WriteWholeFile(dir_ + "/file", "");
  RunResult under_file = RunParley({"query", "--db", dir_ + "/file/db", "RETURN 1"});
  EXPECT_EQ(under_file.exit_status, 1);
  EXPECT_NE(under_file.err.find(dir_ + "/file is not a folder"), std::string::npos)
      << under_file.err;
}

TEST_F(CliInputTest, DatabaseFolderItselfIsCreatedWhenItsParentExists) {
  EXPECT_EQ(RunParley({"query", "--db", db_ + "/", "RETURN 1"}).exit_status, 0);
  EXPECT_TRUE(fs::exists(db_ + "/PARLEY"));
  EXPECT_EQ(RunParley({"query", "--db", "relative_db_" + std::to_string(::getpid()), "RETURN 1"})
                .exit_status,
            0);
  fs::remove_all("relative_db_" + std::to_string(::getpid()));
}

TEST_F(CliInputTest, IntegerParameterTooLargeForSixtyFourBitsIsAnError) {
  for (const std::string param :
       {"x=99999999999999999999", "x=-9223372036854775809", "x=[1, {\"a\": 18446744073709551616}]",
        "x=18446744073709551615"}) {
    RunResult r = RunParley({"query", "--db", db_, "--param", param, "RETURN $x"});
    EXPECT_EQ(r.exit_status, 2) << param << ": " << r.out;
    EXPECT_NE(r.err.find("is out of the 64-bit range"), std::string::npos)
        << param << ": " << r.err;
  }
  RunResult edge = RunParley({"query", "--db", db_, "--format", "csv", "--param",
                              "x=-9223372036854775808", "--param", "y=1e20", "RETURN $x, $y"});
  EXPECT_EQ(edge.exit_status, 0) << edge.err;
  EXPECT_NE(edge.out.find("-9223372036854775808,1e+20"), std::string::npos) << edge.out;
  RunResult shell = RunParley({"shell", "--db", db_}, ":param x => 99999999999999999999\n");
  EXPECT_NE(shell.err.find("99999999999999999999"), std::string::npos) << shell.err;
  EXPECT_EQ(shell.out.find("1e+20"), std::string::npos) << shell.out;
}

TEST_F(CliInputTest, ExportAndRenderNameTheReasonTheyCannotWrite) {
  ASSERT_EQ(RunParley({"query", "--db", db_, "CREATE (:A)"}).exit_status, 0);
  const std::string nowhere = dir_ + "/missing/g";
  RunResult no_folder =
      RunParley({"export", "--db", db_, "--format", "json", "--out", nowhere + ".json"});
  EXPECT_EQ(no_folder.exit_status, 1);
  EXPECT_NE(no_folder.err.find("cannot write " + nowhere + ".json: No such file or directory"),
            std::string::npos)
      << no_folder.err;
  RunResult to_folder = RunParley({"export", "--db", db_, "--format", "dot", "--out", dir_});
  EXPECT_EQ(to_folder.exit_status, 1);
  EXPECT_NE(to_folder.err.find("cannot write " + dir_ + ": Is a directory"), std::string::npos)
      << to_folder.err;
  RunResult full = RunParley({"export", "--db", db_, "--format", "dot", "--out", "/dev/full"});
  EXPECT_EQ(full.exit_status, 1);
  EXPECT_NE(full.err.find("cannot write /dev/full: No space left on device"), std::string::npos)
      << full.err;
  RunResult render = RunParley({"render", "--db", db_, "--out", nowhere + ".svg"});
  EXPECT_EQ(render.exit_status, 1);
  EXPECT_NE(render.err.find("cannot write " + nowhere + ".svg: No such file or directory"),
            std::string::npos)
      << render.err;
  RunResult shell =
      RunParley({"shell", "--db", db_}, "MATCH (n) RETURN n;\n:export " + nowhere + ".graphml\n");
  EXPECT_NE(shell.err.find("cannot write " + nowhere + ".graphml: No such file or directory"),
            std::string::npos)
      << shell.err;
}

}  // namespace
}  // namespace parley::shell::testing
