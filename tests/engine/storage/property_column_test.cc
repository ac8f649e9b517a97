#include "engine/storage/property_column.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::storage {
namespace {

TEST(PropertyColumnTest, EmptyColumnHasNoValues) {
  PropertyColumn column(8);
  EXPECT_TRUE(column.empty());
  EXPECT_FALSE(column.Has(3));
  EXPECT_TRUE(column.Get(3).is_null());
}

TEST(PropertyColumnTest, KeepsValuesOfEachScalarType) {
  for (const Value& value : {Value(std::int64_t{-7}), Value(2.5), Value(true), Value(false),
                             Value("a string longer than the small-string buffer")}) {
    PropertyColumn column(4);
    column.Set(2, value);
    EXPECT_TRUE(column.Has(2));
    EXPECT_FALSE(column.Has(1));
    EXPECT_EQ(column.Get(2), value) << value.ToString();
    EXPECT_EQ(column.Get(2).type(), value.type());
  }
}

TEST(PropertyColumnTest, MixedTypesKeepEveryValueAndItsType) {
  PropertyColumn column(4);
  column.Set(0, Value(std::int64_t{1}));
  column.Set(1, Value(1.0));  // equal as numbers, but must stay a float
  column.Set(2, Value("x"));
  column.Set(3, Value(List{Value(1), Value(2)}));
  EXPECT_EQ(column.Get(0).type(), ValueType::kInt);
  EXPECT_EQ(column.Get(1).type(), ValueType::kFloat);
  EXPECT_EQ(column.Get(2), Value("x"));
  EXPECT_EQ(column.Get(3), Value(List{Value(1), Value(2)}));
}

TEST(PropertyColumnTest, NullClearsASlotAndLastClearEmptiesTheColumn) {
  PropertyColumn column(4);
  column.Set(1, Value(std::int64_t{5}));
  column.Set(2, Value(std::int64_t{6}));
  column.Set(1, Value());
  EXPECT_FALSE(column.Has(1));
  EXPECT_EQ(column.Get(2), Value(std::int64_t{6}));
  EXPECT_FALSE(column.empty());
  column.Set(2, Value());
  EXPECT_TRUE(column.empty());
}

TEST(PropertyColumnTest, OverwritingTheOnlyValueWithAnotherTypeRetypesTheColumn) {
  PropertyColumn column(4);
  column.Set(0, Value(std::int64_t{5}));
  column.Set(0, Value("now a string"));
  EXPECT_EQ(column.Get(0), Value("now a string"));
  column.Set(1, Value("another"));
  EXPECT_EQ(column.Get(1), Value("another"));
}

TEST(PropertyColumnTest, CopiesAreIndependent) {
  PropertyColumn column(4);
  column.Set(0, Value(std::int64_t{1}));
  PropertyColumn copy = column;
  copy.Set(0, Value(std::int64_t{2}));
  EXPECT_EQ(column.Get(0), Value(std::int64_t{1}));
  EXPECT_EQ(copy.Get(0), Value(std::int64_t{2}));
}

TEST(PropertyColumnTest, EqualStringsShareOneDictionaryCode) {
  PropertyColumn column(8);
  for (std::size_t slot = 0; slot < 8; ++slot) {
    column.Set(slot, Value(slot % 3 == 0 ? "Oslo" : "Lima"));
  }
  EXPECT_EQ(column.kind(), PropertyColumn::Kind::kString);
  EXPECT_EQ(column.Dictionary().size(), 2u);
  EXPECT_EQ(column.CodeAt(0), column.CodeAt(3));
  EXPECT_NE(column.CodeAt(0), column.CodeAt(1));
  EXPECT_EQ(column.Dictionary()[column.CodeAt(6)], "Oslo");
  EXPECT_EQ(column.Get(7), Value("Lima"));
}

TEST(PropertyColumnTest, RewritingStringsManyTimesKeepsEveryCurrentValue) {
  // Far more distinct strings over time than one-byte codes: the dictionary is compacted
  // to the strings still in use, and every slot keeps its own.
  PropertyColumn column(PropertyColumn::kMaxSize);
  for (int round = 0; round < 20; ++round) {
    for (std::size_t slot = 0; slot < PropertyColumn::kMaxSize; slot += 1 + round % 3) {
      column.Set(slot, Value("r" + std::to_string(round) + "s" + std::to_string(slot)));
    }
  }
  EXPECT_LE(column.Dictionary().size(), PropertyColumn::kMaxDictionary);
  std::vector<std::string> expected(PropertyColumn::kMaxSize);
  for (int round = 0; round < 20; ++round) {
    for (std::size_t slot = 0; slot < PropertyColumn::kMaxSize; slot += 1 + round % 3) {
      expected[slot] = "r" + std::to_string(round) + "s" + std::to_string(slot);
    }
  }
  for (std::size_t slot = 0; slot < PropertyColumn::kMaxSize; ++slot) {
    EXPECT_EQ(column.Get(slot), Value(expected[slot])) << slot;
  }
}

TEST(PropertyColumnTest, StringColumnBecomingMixedKeepsItsStrings) {
  PropertyColumn column(4);
  column.Set(0, Value("a"));
  column.Set(1, Value("b"));
  column.Set(2, Value("a"));
  column.Set(3, Value(std::int64_t{4}));
  EXPECT_EQ(column.kind(), PropertyColumn::Kind::kValue);
  EXPECT_EQ(column.Get(0), Value("a"));
  EXPECT_EQ(column.Get(1), Value("b"));
  EXPECT_EQ(column.Get(2), Value("a"));
  EXPECT_EQ(column.Get(3), Value(std::int64_t{4}));
}

TEST(PropertyColumnTest, StringCopiesAreIndependent) {
  PropertyColumn column(4);
  column.Set(0, Value("first"));
  PropertyColumn copy = column;
  copy.Set(0, Value("second"));
  copy.Set(1, Value("first"));
  EXPECT_EQ(column.Get(0), Value("first"));
  EXPECT_FALSE(column.Has(1));
  EXPECT_EQ(copy.Get(0), Value("second"));
  EXPECT_EQ(copy.Get(1), Value("first"));
}

TEST(PropertyColumnTest, TypedReadsMatchGet) {
  PropertyColumn ints(2), floats(2);
  ints.Set(1, Value(std::int64_t{-9}));
  floats.Set(0, Value(0.25));
  EXPECT_EQ(ints.kind(), PropertyColumn::Kind::kInt);
  EXPECT_EQ(ints.IntAt(1), -9);
  EXPECT_EQ(ints.present().count(), 1u);
  EXPECT_EQ(floats.kind(), PropertyColumn::Kind::kFloat);
  EXPECT_EQ(floats.FloatAt(0), 0.25);
}

}  // namespace
}  // namespace parley::storage
