// Compiles parley/result_stream.h on its own.
#include "parley/result_stream.h"

#include <gtest/gtest.h>

TEST(ResultStreamHeaderTest, StandsAlone) {
  parley::ResultStream empty;
  EXPECT_EQ(empty.begin(), empty.end());
}
