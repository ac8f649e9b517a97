#include "ingest/copy_on_write_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

namespace parley::ingest {
namespace {

constexpr std::size_t kChunk = CopyOnWriteVector<int>::kChunkSize;

CopyOnWriteVector<std::string> Numbers(std::size_t n) {
  CopyOnWriteVector<std::string> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(std::to_string(i));
  return v;
}

std::vector<std::string> Elements(const CopyOnWriteVector<std::string>& v) {
  return std::vector<std::string>(v.begin(), v.end());
}

TEST(CopyOnWriteVectorTest, HoldsWhatWasAppendedInOrderAcrossChunks) {
  CopyOnWriteVector<std::string> v = Numbers(3 * kChunk + 5);
  ASSERT_EQ(v.size(), 3 * kChunk + 5);
  for (std::size_t i = 0; i < v.size(); ++i) EXPECT_EQ(v[i], std::to_string(i));
  EXPECT_EQ(v.back(), std::to_string(3 * kChunk + 4));
  EXPECT_EQ(v.end() - v.begin(), static_cast<std::ptrdiff_t>(v.size()));
  EXPECT_EQ(std::count_if(v.begin(), v.end(), [](const std::string& s) { return s == "7"; }), 1);
  EXPECT_THROW(v.at(v.size()), std::out_of_range);
  EXPECT_TRUE(CopyOnWriteVector<int>().empty());
}

TEST(CopyOnWriteVectorTest, ACopyThatAppendsOrChangesLeavesTheOriginalAsItWas) {
  CopyOnWriteVector<std::string> original = Numbers(2 * kChunk + 1);
  const std::vector<std::string> before = Elements(original);
  CopyOnWriteVector<std::string> copy = original;
  EXPECT_TRUE(copy.SharesAllWith(original));
  copy.push_back("new");                 // into the shared last chunk
  copy.Mutable(0) = "changed";           // in the shared first chunk
  EXPECT_FALSE(copy.SharesAllWith(original));
  EXPECT_EQ(Elements(original), before);
  ASSERT_EQ(copy.size(), original.size() + 1);
  EXPECT_EQ(copy[0], "changed");
  EXPECT_EQ(copy.back(), "new");
  EXPECT_EQ(copy[kChunk], original[kChunk]);
  // And the other way round.
  CopyOnWriteVector<std::string> second = original;
  original.Mutable(kChunk) = "moved";
  EXPECT_EQ(second[kChunk], std::to_string(kChunk));
}

TEST(CopyOnWriteVectorTest, ACopyWritesOnlyTheChunkItChanges) {
  CopyOnWriteVector<std::string> original = Numbers(3 * kChunk);
  CopyOnWriteVector<std::string> copy = original;
  copy.Mutable(kChunk + 1) = "x";
  EXPECT_EQ(&copy[0], &original[0]);                  // first chunk still shared
  EXPECT_EQ(&copy[2 * kChunk], &original[2 * kChunk]);  // last chunk still shared
  EXPECT_NE(&copy[kChunk], &original[kChunk]);        // the changed one cloned
}

TEST(CopyOnWriteVectorTest, TheOnlyHolderWritesInPlace) {
  CopyOnWriteVector<std::string> v = Numbers(kChunk / 2);
  const std::string* first = &v[0];
  {
    CopyOnWriteVector<std::string> gone = v;  // shared for a while, then released
  }
  v.Mutable(0) = "zero";
  v.push_back("more");
  EXPECT_EQ(&v[0], first);
  EXPECT_EQ(v[0], "zero");
}

}  // namespace
}  // namespace parley::ingest
