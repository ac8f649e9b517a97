// Compiles parley/database.h on its own.
#include "parley/database.h"

#include <gtest/gtest.h>

TEST(DatabaseHeaderTest, StandsAlone) {
  parley::DatabaseOptions options;
  EXPECT_TRUE(options.create_if_missing);
}
