#include "tests/tck/tck_value.h"

#include <cmath>

#include <gtest/gtest.h>

namespace parley::tck {
namespace {

TEST(TckValueTest, ParsesScalars) {
  EXPECT_TRUE(ParseTckValue("null").is_null());
  EXPECT_EQ(ParseTckValue("true"), Value(true));
  EXPECT_EQ(ParseTckValue("-12"), Value(-12));
  EXPECT_EQ(ParseTckValue("0x1F"), Value(31));
  EXPECT_EQ(ParseTckValue("-0o17"), Value(-15));
  EXPECT_EQ(ParseTckValue("1.5e3"), Value(1500.0));
  EXPECT_EQ(ParseTckValue(".5"), Value(0.5));
  EXPECT_TRUE(std::isnan(ParseTckValue("NaN").as_float()));
  EXPECT_EQ(ParseTckValue("-Inf").as_float(), -INFINITY);
  EXPECT_EQ(ParseTckValue(R"('it\'s \u00e9')"), Value("it's \xc3\xa9"));
}

TEST(TckValueTest, ParsesContainersAndGraphElements) {
  Value v = ParseTckValue("[1, {a: 'x', `b c`: [null]}, (:A:B {k: 1}), [:T {w: 2.0}]]");
  const List& l = v.as_list();
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[1].as_map().at("b c"), Value(List{Value()}));
  EXPECT_EQ(l[2].as_node().labels, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(l[3].as_relationship().type, "T");
}

TEST(TckValueTest, PathDirectionIsKept) {
  Value p = ParseTckValue("<(:A)-[:T]->(:B)<-[:U]-(:C)>");
  EXPECT_EQ(Canonical(p), Canonical(ParseTckValue("<(:A)-[:T]->(:B)<-[:U]-(:C)>")));
  EXPECT_NE(Canonical(p), Canonical(ParseTckValue("<(:A)<-[:T]-(:B)<-[:U]-(:C)>")));
}

TEST(TckValueTest, RejectsMalformedInput) {
  EXPECT_THROW(ParseTckValue("[1, 2"), ValueSyntaxError);
  EXPECT_THROW(ParseTckValue("'open"), ValueSyntaxError);
  EXPECT_THROW(ParseTckValue("12abc"), ValueSyntaxError);
  EXPECT_THROW(ParseTckValue("{a: 1, a: 2}"), ValueSyntaxError);
}

TEST(TckValueTest, CanonicalFormFollowsTheTckEquality) {
  EXPECT_NE(Canonical(Value(1)), Canonical(Value(1.0)));
  EXPECT_EQ(Canonical(Value(-0.0)), Canonical(Value(0.0)));
  EXPECT_EQ(Canonical(Value(NAN)), Canonical(Value(-NAN)));
  EXPECT_EQ(Canonical(ParseTckValue("(:B:A {x: 1})")), Canonical(ParseTckValue("(:A:B {x: 1})")));
  // Ids never count.
  Node a{1, {"A"}, {}}, b{99, {"A"}, {}};
  EXPECT_EQ(Canonical(Value(a)), Canonical(Value(b)));
  // Lists are ordered unless asked otherwise.
  EXPECT_NE(Canonical(ParseTckValue("[1, 2]")), Canonical(ParseTckValue("[2, 1]")));
  EXPECT_EQ(Canonical(ParseTckValue("[[1, 2]]"), true), Canonical(ParseTckValue("[[2, 1]]"), true));
}

TEST(TckValueTest, TemporalValuesCompareAsTheirStrings) {
  EXPECT_EQ(Canonical(Value(Date{0})), Canonical(Value("1970-01-01")));
}

}  // namespace
}  // namespace parley::tck
