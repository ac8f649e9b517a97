// Compiles parley/connection.h on its own.
#include "parley/connection.h"

#include <gtest/gtest.h>

TEST(ConnectionHeaderTest, StandsAlone) {
  parley::Params params{{"x", parley::Value(1)}};
  EXPECT_EQ(params.size(), 1u);
}
