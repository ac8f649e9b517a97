// Compiles parley/transaction.h on its own.
#include "parley/transaction.h"

#include <gtest/gtest.h>

#include <type_traits>

TEST(TransactionHeaderTest, StandsAlone) {
  EXPECT_FALSE(std::is_copy_constructible_v<parley::Transaction>);
  EXPECT_FALSE(std::is_default_constructible_v<parley::Transaction>);
}
