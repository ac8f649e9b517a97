#include <gtest/gtest.h>

#include "shell/cli_common.h"
#include "shell/import_command.h"

namespace parley::shell {
namespace {

TEST(ImportArgsTest, AcceptsNeo4jAdminSpellings) {
  ImportSpec s = ParseImportArgs(
      {"--db", "g.db", "--nodes=Person:Actor", "people.csv", "--nodes", "movies.csv",
       "--nodes=Film=films.csv", "--relationships=ACTED_IN", "roles.csv",
       "--relationships=knows.csv", "--id-type=integer", "--skip-bad-rows", "--delimiter=;"});
  EXPECT_EQ(s.db, "g.db");
  ASSERT_EQ(s.options.nodes.size(), 3u);
  EXPECT_EQ(s.options.nodes[0].path, "people.csv");
  EXPECT_EQ(s.options.nodes[0].labels, (std::vector<std::string>{"Person", "Actor"}));
  EXPECT_TRUE(s.options.nodes[1].labels.empty());
  EXPECT_EQ(s.options.nodes[2].path, "films.csv");
  EXPECT_EQ(s.options.nodes[2].labels, (std::vector<std::string>{"Film"}));
  ASSERT_EQ(s.options.relationships.size(), 2u);
  EXPECT_EQ(s.options.relationships[0].type, "ACTED_IN");
  EXPECT_EQ(s.options.relationships[1].path, "knows.csv");
  EXPECT_EQ(s.options.relationships[1].type, "");
  EXPECT_EQ(s.options.id_type, IdType::kInteger);
  EXPECT_TRUE(s.options.skip_bad_rows);
  EXPECT_EQ(s.options.delimiter, ';');
}

TEST(ImportArgsTest, DefaultsToTheDefaultDatabaseAndStringIds) {
  ImportSpec s = ParseImportArgs({"--nodes", "a.csv"});
  EXPECT_EQ(s.db, kDefaultDbPath);
  EXPECT_EQ(s.options.id_type, IdType::kString);
  EXPECT_FALSE(s.options.skip_bad_rows);
  EXPECT_EQ(ParseImportArgs({"--nodes", "a.csv", "--delimiter", "TAB"}).options.delimiter, '\t');
}

TEST(ImportArgsTest, RejectsMistakesAsUsageErrors) {
  EXPECT_THROW(ParseImportArgs({}), UsageError);
  EXPECT_THROW(ParseImportArgs({"--nodes=Person"}), UsageError);
  EXPECT_THROW(ParseImportArgs({"--nodes", "a.csv", "--id-type=actual"}), UsageError);
  EXPECT_THROW(ParseImportArgs({"--nodes", "a.csv", "--frob"}), UsageError);
  EXPECT_THROW(ParseImportArgs({"a.csv"}), UsageError);
  EXPECT_THROW(ParseImportArgs({"--nodes", "a.csv", "--delimiter=ab"}), UsageError);
}

}  // namespace
}  // namespace parley::shell
