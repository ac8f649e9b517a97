#include "engine/storage/property_column.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace parley::storage
