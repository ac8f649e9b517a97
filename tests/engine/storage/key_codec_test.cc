#include "engine/storage/key_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace parley::storage {
namespace {

std::string Enc(const Value& v) {
  std::string out;
  EncodeIndexValue(v, &out);
  return out;
}

// Exact numeric comparison of two numbers (NaN greatest, -0.0 == 0.0): -1, 0 or 1.
int CompareNumbers(const Value& a, const Value& b) {
  auto is_nan = [](const Value& v) { return v.is_float() && std::isnan(v.as_float()); };
  if (is_nan(a) || is_nan(b)) return is_nan(a) == is_nan(b) ? 0 : (is_nan(a) ? 1 : -1);
  // long double holds every int64 and every double exactly on x86-64.
  long double x = a.is_int() ? static_cast<long double>(a.as_int()) : a.as_float();
  long double y = b.is_int() ? static_cast<long double>(b.as_int()) : b.as_float();
  return x < y ? -1 : (x > y ? 1 : 0);
}

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

Value RandomNumber(std::mt19937_64& rng) {
  static const std::vector<Value> specials = {Value(std::numeric_limits<std::int64_t>::min()),
                                              Value(std::numeric_limits<std::int64_t>::max()),
                                              Value(std::int64_t{0}),
                                              Value(-0.0),
                                              Value(0.0),
                                              Value(std::nan("")),
                                              Value(std::numeric_limits<double>::infinity()),
                                              Value(-std::numeric_limits<double>::infinity()),
                                              Value(std::numeric_limits<double>::denorm_min()),
                                              Value(-std::numeric_limits<double>::max()),
                                              Value(std::int64_t{9007199254740993}),
                                              Value(9007199254740992.0),
                                              Value(9223372036854775807.0),
                                              Value(std::numeric_limits<std::int64_t>::min() + 1),
                                              Value(-9.223372036854775808e18)};
  switch (rng() % 5) {
    case 0:
      return specials[rng() % specials.size()];
    case 1:
      return Value(static_cast<std::int64_t>(rng()));
    case 2:
      return Value(static_cast<std::int64_t>(rng() % 2000) - 1000);
    case 3:
      return Value(static_cast<double>(static_cast<std::int64_t>(rng() % 2000) - 1000) / 8);
    default: {
      double d = std::ldexp(static_cast<double>(rng() % 1000000) - 500000.0,
                            static_cast<int>(rng() % 140) - 70);
      return Value(d);
    }
  }
}

TEST(KeyCodecTest, AdjacencyKeysRoundTripAndSortByNodeThenType) {
  std::string k = EncodeAdjacencyKey(NodeId(5), RelTypeId(3), NodeId(9), RelId(77));
  auto d = DecodeAdjacencyKey(k);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->node, NodeId(5));
  EXPECT_EQ(d->type, RelTypeId(3));
  EXPECT_EQ(d->other, NodeId(9));
  EXPECT_EQ(d->rel, RelId(77));
  EXPECT_FALSE(DecodeAdjacencyKey("short").has_value());
  EXPECT_LT(k, EncodeAdjacencyKey(NodeId(5), RelTypeId(4), NodeId(0), RelId(0)));
  EXPECT_LT(k, EncodeAdjacencyKey(NodeId(256), RelTypeId(0), NodeId(0), RelId(0)));
  EXPECT_EQ(k.substr(0, 12), EncodeAdjacencyPrefix(NodeId(5), RelTypeId(3)));
}

TEST(KeyCodecTest, FixedKeysRoundTripAndOrderNumerically) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t a = rng() >> (rng() % 64), b = rng() >> (rng() % 64);
    EXPECT_EQ(DecodeNodeKey(EncodeNodeKey(NodeId(a)))->value, a);
    EXPECT_EQ(DecodeRelKey(EncodeRelKey(RelId(a)))->value, a);
    EXPECT_EQ(a < b, EncodeNodeKey(NodeId(a)) < EncodeNodeKey(NodeId(b)));
    auto label = static_cast<std::uint32_t>(b);
    auto lk = DecodeLabelKey(EncodeLabelKey(LabelId(label), NodeId(a)));
    EXPECT_EQ(lk->first, LabelId(label));
    EXPECT_EQ(lk->second, NodeId(a));
    auto tk = DecodeTypeKey(EncodeTypeKey(RelTypeId(label), RelId(a)));
    EXPECT_EQ(tk->first, RelTypeId(label));
    EXPECT_EQ(tk->second, RelId(a));
  }
}

TEST(KeyCodecTest, MetaKeysRoundTrip) {
  EXPECT_EQ(DecodeNameKey(NameKind::kLabel, EncodeNameKey(NameKind::kLabel, 42)), 42u);
  EXPECT_FALSE(DecodeNameKey(NameKind::kPropKey, EncodeNameKey(NameKind::kLabel, 42)));
  auto def = DecodeIndexDefKey(EncodeIndexDefKey(LabelId(3), PropKeyId(8)));
  EXPECT_EQ(def->first, LabelId(3));
  EXPECT_EQ(def->second, PropKeyId(8));
  EXPECT_NE(EncodeLabelCountKey(LabelId(1)), EncodeTypeCountKey(RelTypeId(1)));
  EXPECT_EQ(EncodeNodeKey(NodeId(1)).size(), 8u);
}

TEST(KeyCodecTest, IndexKeyEndsWithTheNode) {
  std::string key = EncodeIndexKey(LabelId(1), PropKeyId(2), Value("x"), NodeId(99));
  EXPECT_EQ(DecodeIndexKeyNode(key), NodeId(99));
  EXPECT_EQ(key.substr(0, 8), EncodeIndexPrefix(LabelId(1), PropKeyId(2)));
}

TEST(KeyCodecTest, NumbersOfBothKindsSortTogetherNumerically) {
  std::mt19937_64 rng(42);
  std::vector<Value> values;
  for (int i = 0; i < 3000; ++i) values.push_back(RandomNumber(rng));
  for (std::size_t i = 0; i + 1 < values.size(); ++i) {
    for (std::size_t j : {i + 1, static_cast<std::size_t>(rng() % values.size())}) {
      const Value& a = values[i];
      const Value& b = values[j];
      int expected = CompareNumbers(a, b);
      int actual = Sign(Enc(a).compare(Enc(b)));
      ASSERT_EQ(actual, expected) << a.ToString() << " vs " << b.ToString();
    }
  }
  EXPECT_EQ(Enc(Value(-0.0)), Enc(Value(0.0)));
  EXPECT_EQ(Enc(Value(3)), Enc(Value(3.0)));
  EXPECT_LT(Enc(Value(1)), Enc(Value(1.5)));
  EXPECT_LT(Enc(Value(1.5)), Enc(Value(2)));
  EXPECT_LT(Enc(Value(std::numeric_limits<double>::infinity())), Enc(Value(std::nan(""))));
  EXPECT_LT(Enc(Value(9007199254740992.0)), Enc(Value(std::int64_t{9007199254740993})));
}

std::string RandomUtf8(std::mt19937_64& rng) {
  static const std::vector<std::string> pieces = {"a",
                                                  "b",
                                                  "z",
                                                  "A",
                                                  std::string(1, '\0'),
                                                  "\x01",
                                                  "\xc3\xa9",
                                                  "\xe2\x82\xac",
                                                  "\xf0\x9f\x98\x80",
                                                  "\xef\xbf\xbf",
                                                  " "};
  std::string s;
  std::size_t n = rng() % 6;
  for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
  return s;
}

TEST(KeyCodecTest, StringsSortByBytesAndNoneIsAPrefixOfAnother) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 5000; ++i) {
    std::string a = RandomUtf8(rng), b = RandomUtf8(rng);
    std::string ea = Enc(Value(a)), eb = Enc(Value(b));
    ASSERT_EQ(Sign(ea.compare(eb)), Sign(a.compare(b))) << a << " vs " << b;
    if (a != b) {
      ASSERT_NE(ea.compare(0, eb.size(), eb), 0);  // eb is not a prefix of ea
    }
  }
}

TEST(KeyCodecTest, ListsSortElementWiseAndShorterFirst) {
  EXPECT_LT(Enc(Value(List{Value(1)})), Enc(Value(List{Value(1), Value(0)})));
  EXPECT_LT(Enc(Value(List{Value(1), Value(5)})), Enc(Value(List{Value(2)})));
  EXPECT_LT(Enc(Value(List{})), Enc(Value(List{Value("")})));
  EXPECT_LT(Enc(Value(List{Value("a")})), Enc(Value(List{Value("a"), Value("")})));
}

TEST(KeyCodecTest, TemporalValuesSortChronologically) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 1000; ++i) {
    auto a = static_cast<std::int64_t>(rng() % 200000) - 100000;
    auto b = static_cast<std::int64_t>(rng() % 200000) - 100000;
    EXPECT_EQ(Sign(Enc(Value(Date{a})).compare(Enc(Value(Date{b})))), Sign(a < b ? -1 : a > b));
    LocalDateTime x{a * 1000, static_cast<std::int32_t>(rng() % 1000)};
    LocalDateTime y{b * 1000, static_cast<std::int32_t>(rng() % 1000)};
    int expected =
        x.seconds != y.seconds ? (x.seconds < y.seconds ? -1 : 1) : Sign(x.nanos - y.nanos);
    EXPECT_EQ(Sign(Enc(Value(x)).compare(Enc(Value(y)))), expected);
  }
  // Times order by instant: 10:00+02:00 (08:00Z) before 09:00Z.
  EXPECT_LT(Enc(Value(Time{36000LL * 1000000000, 7200})),
            Enc(Value(Time{32400LL * 1000000000, 0})));
}

TEST(KeyCodecTest, GroupBoundsBracketTheGroupAndExcludeNaN) {
  std::string prefix = EncodeIndexPrefix(LabelId(1), PropKeyId(1));
  std::string begin = IndexGroupBegin(prefix, Value(1));
  std::string end = IndexGroupEnd(prefix, Value(1));
  for (const Value& v : {Value(-1e300), Value(std::numeric_limits<std::int64_t>::min()),
                         Value(std::numeric_limits<double>::infinity())}) {
    std::string key = EncodeIndexKey(LabelId(1), PropKeyId(1), v, NodeId(3));
    EXPECT_LE(begin, key);
    EXPECT_LT(key, end);
  }
  EXPECT_GE(EncodeIndexKey(LabelId(1), PropKeyId(1), Value(std::nan("")), NodeId(0)), end);
  EXPECT_GE(EncodeIndexKey(LabelId(1), PropKeyId(1), Value("a"), NodeId(0)), end);
}

TEST(KeyCodecTest, PrefixSuccessorSkipsTrailingFF) {
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xff\xff", 2)), "");
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
}

}  // namespace
}  // namespace parley::storage
