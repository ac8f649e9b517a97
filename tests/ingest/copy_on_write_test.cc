#include "ingest/copy_on_write.h"

#include <gtest/gtest.h>

#include <vector>

namespace parley::ingest {
namespace {

TEST(CopyOnWriteTest, CopiesShareTheValueUntilOneChangesIt) {
  CopyOnWrite<std::vector<int>> original;
  original.Mutable() = {1, 2, 3};
  CopyOnWrite<std::vector<int>> copy = original;
  EXPECT_TRUE(copy.SharesWith(original));
  copy.Mutable().push_back(4);
  EXPECT_FALSE(copy.SharesWith(original));
  EXPECT_EQ(*original, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(*copy, (std::vector<int>{1, 2, 3, 4}));
}

TEST(CopyOnWriteTest, TheOnlyHolderChangesItsValueInPlace) {
  CopyOnWrite<std::vector<int>> value;
  value.Mutable().push_back(1);
  const std::vector<int>* before = &*value;
  {
    CopyOnWrite<std::vector<int>> gone = value;  // shared for a while, then released
  }
  value.Mutable().push_back(2);
  EXPECT_EQ(&*value, before);
  EXPECT_EQ(value->size(), 2u);
}

}  // namespace
}  // namespace parley::ingest
