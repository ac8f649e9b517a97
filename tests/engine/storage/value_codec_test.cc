#include "engine/storage/value_codec.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "parley/error.h"

namespace parley::storage {
namespace {

Value RandomScalar(std::mt19937_64& rng, int kind) {
  switch (kind) {
    case 0:
      return Value(rng() % 2 == 0);
    case 1:
      return Value(static_cast<std::int64_t>(rng()));
    case 2:
      return Value(std::bit_cast<double>(rng()));  // any bit pattern, NaNs included
    case 3: {
      std::string s;
      for (std::size_t i = rng() % 20; i > 0; --i) s.push_back(static_cast<char>(rng()));
      return Value(s);
    }
    case 4:
      return Value(Date{static_cast<std::int64_t>(rng() % 2000000) - 1000000});
    case 5:
      return Value(LocalTime{static_cast<std::int64_t>(rng() % 86400000000000ULL)});
    case 6:
      return Value(Time{static_cast<std::int64_t>(rng() % 86400000000000ULL),
                        static_cast<std::int32_t>(rng() % 64800) - 32400});
    case 7:
      return Value(LocalDateTime{static_cast<std::int64_t>(rng()),
                                 static_cast<std::int32_t>(rng() % 1000000000)});
    case 8:
      return Value(DateTime{static_cast<std::int64_t>(rng()),
                            static_cast<std::int32_t>(rng() % 1000000000), 3600,
                            rng() % 2 ? "Europe/Stockholm" : ""});
    default:
      return Value(Duration{static_cast<std::int64_t>(rng()), -5, static_cast<std::int64_t>(rng()),
                            static_cast<std::int32_t>(rng() % 1000000000)});
  }
}

Value RandomProperty(std::mt19937_64& rng) {
  int kind = static_cast<int>(rng() % 10);
  if (rng() % 4 != 0) return RandomScalar(rng, kind);
  List list;
  for (std::size_t i = rng() % 5; i > 0; --i) list.push_back(RandomScalar(rng, kind));
  return Value(list);
}

TEST(ValueCodecTest, EveryPropertyTypeRoundTrips) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 5000; ++i) {
    Value v = RandomProperty(rng);
    ASSERT_TRUE(IsPropertyValue(v)) << v.ToString();
    std::string encoded;
    EncodeValue(v, &encoded);
    encoded += "tail";
    std::string_view in = encoded;
    Value back;
    ASSERT_TRUE(DecodeValue(&in, &back));
    EXPECT_EQ(back, v) << v.ToString();
    EXPECT_EQ(in, "tail");
  }
}

TEST(ValueCodecTest, NegativeZeroAndExtremesKeepTheirBits) {
  for (double d : {-0.0, std::numeric_limits<double>::denorm_min(),
                   std::numeric_limits<double>::max(), -std::numeric_limits<double>::infinity()}) {
    std::string encoded;
    EncodeValue(Value(d), &encoded);
    std::string_view in = encoded;
    Value back;
    ASSERT_TRUE(DecodeValue(&in, &back));
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back.as_float()), std::bit_cast<std::uint64_t>(d));
  }
}

TEST(ValueCodecTest, TruncatedInputIsRejected) {
  std::string encoded;
  EncodeValue(Value(List{Value("hello"), Value("world")}), &encoded);
  for (std::size_t n = 0; n < encoded.size(); ++n) {
    std::string_view in(encoded.data(), n);
    Value v;
    EXPECT_FALSE(DecodeValue(&in, &v)) << n;
  }
}

TEST(ValueCodecTest, NodeAndRelRecordsRoundTrip) {
  NodeRecord node{{LabelId(1), LabelId(7)}, {{PropKeyId(0), Value(1)}, {PropKeyId(3), Value("x")}}};
  NodeRecord back = DecodeNodeRecord(EncodeNodeRecord(node));
  EXPECT_EQ(back.labels, node.labels);
  EXPECT_EQ(back.properties, node.properties);
  RelValue rel{RelTypeId(2), NodeId(1ULL << 40), NodeId(3), {{PropKeyId(1), Value(2.5)}}};
  RelValue rel_back = DecodeRelValue(EncodeRelValue(rel));
  EXPECT_EQ(rel_back.type, rel.type);
  EXPECT_EQ(rel_back.start, rel.start);
  EXPECT_EQ(rel_back.end, rel.end);
  EXPECT_EQ(rel_back.properties, rel.properties);
  EXPECT_THROW(DecodeNodeRecord("\x05"), Error);
}

TEST(ValueCodecTest, PropertyTypeRules) {
  EXPECT_FALSE(IsPropertyValue(Value()));
  EXPECT_FALSE(IsPropertyValue(Value(Map{})));
  EXPECT_FALSE(IsPropertyValue(Value(Node{})));
  EXPECT_FALSE(IsPropertyValue(Value(List{Value(1), Value(2.0)})));
  EXPECT_TRUE(IsPropertyValue(Value(List{Value(Date{1}), Value(Date{2})})));
  EXPECT_THROW(CheckPropertyValue(Value(List{Value(List{})})), Error);
}

TEST(ValueCodecTest, SetInMapKeepsKeysSorted) {
  PropertyMap map;
  SetInMap(&map, PropKeyId(5), Value(1));
  SetInMap(&map, PropKeyId(2), Value(2));
  EXPECT_EQ(SetInMap(&map, PropKeyId(5), Value(3)), Value(1));
  ASSERT_EQ(map.size(), 2u);
  EXPECT_EQ(map[0].first, PropKeyId(2));
  EXPECT_EQ(FindInMap(map, PropKeyId(5)), Value(3));
  EXPECT_EQ(SetInMap(&map, PropKeyId(2), Value()), Value(2));
  EXPECT_EQ(map.size(), 1u);
}

}  // namespace
}  // namespace parley::storage
