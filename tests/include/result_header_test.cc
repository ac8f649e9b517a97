// Compiles parley/result.h on its own.
#include "parley/result.h"

#include <gtest/gtest.h>

TEST(ResultHeaderTest, StandsAlone) {
  parley::Result r({"a"}, {{parley::Value(1)}}, {});
  EXPECT_EQ(r.row_count(), 1u);
}
