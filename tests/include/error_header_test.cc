// Compiles parley/error.h on its own.
#include "parley/error.h"

#include <gtest/gtest.h>

TEST(ErrorHeaderTest, StandsAlone) {
  parley::Error e(parley::ErrorKind::kTypeError, "X", "m", {1, 2});
  EXPECT_EQ(e.pos().column, 2u);
}
