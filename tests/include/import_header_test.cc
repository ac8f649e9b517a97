// Compiles parley/import.h on its own.
#include "parley/import.h"

#include <gtest/gtest.h>

TEST(ImportHeaderTest, StandsAlone) {
  parley::ImportOptions options;
  options.nodes.push_back({"people.csv", {"Person"}});
  options.relationships.push_back({"knows.csv", "KNOWS"});
  EXPECT_FALSE(options.skip_bad_rows);
  EXPECT_EQ(options.id_type, parley::IdType::kString);
}
