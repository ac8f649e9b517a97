// Compiles parley/prepared_statement.h on its own.
#include "parley/prepared_statement.h"

#include <gtest/gtest.h>

#include <type_traits>

TEST(PreparedStatementHeaderTest, StandsAlone) {
  EXPECT_TRUE(std::is_nothrow_move_constructible_v<parley::PreparedStatement>);
  EXPECT_FALSE(std::is_copy_constructible_v<parley::PreparedStatement>);
}
