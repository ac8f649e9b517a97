// Compiles parley/value.h on its own.
#include "parley/value.h"

#include <gtest/gtest.h>

TEST(ValueHeaderTest, StandsAlone) {
  parley::Value v(std::int64_t{3});
  EXPECT_EQ(v.type(), parley::ValueType::kInt);
}
