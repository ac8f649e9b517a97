#include "parley/value.h"

#include <cmath>

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(ValueTest, DefaultIsNull) {
  Value v;
  EXPECT_TRUE(v.is_null());
  EXPECT_EQ(v.type(), ValueType::kNull);
}

TEST(ValueTest, IntegerAndFloatAreDistinct) {
  EXPECT_FALSE(Value(1) == Value(1.0));
  EXPECT_TRUE(Value(1) == Value(std::int64_t{1}));
}

TEST(ValueTest, NanEqualsNanStructurally) {
  EXPECT_TRUE(Value(std::nan("")) == Value(std::nan("")));
}

TEST(ValueTest, RendersAsCypherLiterals) {
  EXPECT_EQ(Value(1.0).ToString(), "1.0");
  EXPECT_EQ(Value(0.1).ToString(), "0.1");
  EXPECT_EQ(Value("it's").ToString(), "'it\\'s'");
  EXPECT_EQ(Value(List{1, "a", nullptr}).ToString(), "[1, 'a', null]");
  EXPECT_EQ(Value(Map{{"b", 2}, {"a", true}}).ToString(), "{a: true, b: 2}");
  Node n{7, {"Leader"}, {{"name", "Vladimir Putin"}}};
  EXPECT_EQ(Value(n).ToString(), "(:Leader {name: 'Vladimir Putin'})");
}

TEST(ValueTest, PathShowsRelationshipDirection) {
  Node a{1, {"A"}, {}}, b{2, {"B"}, {}};
  Relationship r{5, "T", 2, 1, {}};
  Path p{{a, b}, {r}};
  EXPECT_EQ(Value(p).ToString(), "<(:A)<-[:T]-(:B)>");
}

TEST(ValueTest, NodesCompareById) {
  EXPECT_TRUE(Value(Node{3, {"A"}, {}}) == Value(Node{3, {}, {}}));
  EXPECT_FALSE(Value(Node{3, {}, {}}) == Value(Node{4, {}, {}}));
}

}  // namespace
}  // namespace parley
