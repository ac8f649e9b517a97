#include "shell/format/value_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "parley/error.h"
#include "shell/format/temporal_parse.h"

namespace parley::shell {
namespace {

TEST(ValueJsonTest, EncodesScalars) {
  EXPECT_EQ(ValueToJson(Value()), "null");
  EXPECT_EQ(ValueToJson(Value(true)), "true");
  EXPECT_EQ(ValueToJson(Value(std::int64_t{-42})), "-42");
  EXPECT_EQ(ValueToJson(Value("a\"b\\c\n\x01")), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(ValueToJson(Value("Łódź")), "\"Łódź\"");
}

TEST(ValueJsonTest, FloatsAlwaysReadAsFloats) {
  EXPECT_EQ(ValueToJson(Value(1.0)), "1.0");
  EXPECT_EQ(ValueToJson(Value(-0.5)), "-0.5");
  EXPECT_EQ(ValueToJson(Value(1e300)), "1e+300");
  EXPECT_EQ(ValueToJson(Value(std::nan(""))), "{\"$float\":\"NaN\"}");
  EXPECT_EQ(ValueToJson(Value(std::numeric_limits<double>::infinity())),
            "{\"$float\":\"Infinity\"}");
  EXPECT_EQ(ValueToJson(Value(-std::numeric_limits<double>::infinity())),
            "{\"$float\":\"-Infinity\"}");
}

TEST(ValueJsonTest, FloatsRoundTripExactly) {
  for (double d : {0.1, 1.0 / 3.0, 2.718281828459045, 5e-324, 1.7976931348623157e308,
                   123456789.123456789, -0.0}) {
    Value back = ParseValueJson(ValueToJson(Value(d)));
    ASSERT_TRUE(back.is_float()) << d;
    EXPECT_EQ(back.as_float(), d);
    EXPECT_EQ(std::signbit(back.as_float()), std::signbit(d));
  }
  EXPECT_TRUE(std::isnan(ParseValueJson("{\"$float\":\"NaN\"}").as_float()));
  EXPECT_EQ(ParseValueJson("{\"$float\":\"-Infinity\"}").as_float(),
            -std::numeric_limits<double>::infinity());
}

TEST(ValueJsonTest, EncodesListsAndMaps) {
  Value v(List{Value(1), Value(2.5), Value(Map{{"b", Value()}, {"a", Value("x")}})});
  EXPECT_EQ(ValueToJson(v), "[1,2.5,{\"a\":\"x\",\"b\":null}]");
  EXPECT_EQ(ParseValueJson(ValueToJson(v)), v);
}

TEST(ValueJsonTest, EncodesNodesRelationshipsAndPaths) {
  Node a{7, {"Leader"}, {{"name", Value("Vladimir Putin")}}};
  Node b{9, {"Summit", "Event"}, {}};
  Relationship r{3, "MET_AT", 7, 9, {}};
  EXPECT_EQ(ValueToJson(Value(a)),
            "{\"$node\":{\"id\":7,\"labels\":[\"Leader\"],\"properties\":{\"name\":"
            "\"Vladimir Putin\"}}}");
  EXPECT_EQ(ValueToJson(Value(r)),
            "{\"$rel\":{\"id\":3,\"type\":\"MET_AT\",\"start\":7,\"end\":9,\"properties\":{}}}");
  Path p{{a, b}, {r}};
  const std::string json = ValueToJson(Value(p));
  EXPECT_EQ(json.rfind("{\"$path\":[{\"$node\":{\"id\":7", 0), 0u);
  nlohmann::json parsed = nlohmann::json::parse(json);
  ASSERT_EQ(parsed["$path"].size(), 3u);
  EXPECT_EQ(parsed["$path"][1]["$rel"]["type"], "MET_AT");
  EXPECT_EQ(parsed["$path"][2]["$node"]["labels"][1], "Event");
  Value back = ParseValueJson(json);
  ASSERT_TRUE(back.is_path());
  EXPECT_EQ(back.as_path().nodes[1].labels, b.labels);
  EXPECT_EQ(back.as_path().rels[0].start, 7u);
  EXPECT_EQ(ParseValueJson(ValueToJson(Value(a))).as_node().properties, a.properties);
}

TEST(ValueJsonTest, SingleNodePathHasOneElement) {
  Path p{{Node{1, {}, {}}}, {}};
  EXPECT_EQ(ValueToJson(Value(p)),
            "{\"$path\":[{\"$node\":{\"id\":1,\"labels\":[],"
            "\"properties\":{}}}]}");
}

TEST(ValueJsonTest, TemporalValuesRoundTripThroughTheirTags) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"date", "1984-10-11"},
      {"localtime", "12:31:14.645876123"},
      {"time", "12:31:14.645876123+01:00"},
      {"localdatetime", "1984-10-11T12:31:14"},
      {"datetime", "1984-10-11T12:31:14+01:00[Europe/Stockholm]"},
      {"datetime", "2015-07-21T20:40:32.142Z"},
      {"duration", "P1Y2M10DT12H"},
      {"duration", "PT-1.5S"},
  };
  for (const auto& [tag, text] : cases) {
    const std::string json = "{\"$" + tag + "\":\"" + text + "\"}";
    EXPECT_EQ(ValueToJson(ParseValueJson(json)), json) << json;
  }
}

TEST(ValueJsonTest, DecodesTemporalFieldsCorrectly) {
  EXPECT_EQ(*ParseDate("1970-01-02"), Date{1});
  EXPECT_EQ(*ParseDate("-0001-12-31"), Date{-719529});
  EXPECT_EQ(ParseLocalTime("00:00:01.5")->nanos, 1'500'000'000);
  EXPECT_EQ(ParseTime("10:00-02:30")->offset_seconds, -9000);
  DateTime dt = *ParseDateTime("1970-01-01T01:00+01:00");
  EXPECT_EQ(dt.seconds, 0);
  EXPECT_EQ(dt.offset_seconds, 3600);
  Duration d = *ParseDuration("P1Y2M3W4DT5H6M7.25S");
  EXPECT_EQ(d.months, 14);
  EXPECT_EQ(d.days, 25);
  EXPECT_EQ(d.seconds, 5 * 3600 + 6 * 60 + 7);
  EXPECT_EQ(d.nanos, 250'000'000);
  EXPECT_FALSE(ParseDate("1984-02-30"));
  EXPECT_FALSE(ParseLocalTime("24:00"));
  EXPECT_FALSE(ParseDuration("P"));
  EXPECT_FALSE(ParseDuration("PT1.5H"));
}

TEST(ValueJsonTest, UnknownTagsAndLongerObjectsAreMaps) {
  Value v = ParseValueJson("{\"$other\":\"x\"}");
  ASSERT_TRUE(v.is_map());
  EXPECT_EQ(v.as_map().at("$other"), Value("x"));
  EXPECT_TRUE(ParseValueJson("{\"$date\":\"1984-10-11\",\"b\":1}").is_map());
}

TEST(ValueJsonTest, DecodesJsonNumbersByKind) {
  EXPECT_TRUE(ParseValueJson("1").is_int());
  EXPECT_TRUE(ParseValueJson("1.0").is_float());
  EXPECT_TRUE(ParseValueJson("1e2").is_float());
  EXPECT_EQ(ParseValueJson("-9223372036854775808").as_int(),
            std::numeric_limits<std::int64_t>::min());
}

// Bytes that are not UTF-8 (an old import let them into a database; a file name in a
// message) would make the output invalid JSON.
TEST(ValueJsonTest, TextThatIsNotUtf8StillMakesValidJson) {
  const std::string bad = std::string("a\xff\xfe") + "b \xc3\xa9 \xe2\x82";
  const std::string json = ValueToJson(Value(List{Value(bad)}));
  EXPECT_EQ(json, "[\"a\\ufffd\\ufffdb \xc3\xa9 \\ufffd\\ufffd\"]");
  const std::string replaced = "\xef\xbf\xbd";  // U+FFFD
  EXPECT_EQ(ParseValueJson(json),
            Value(List{Value("a" + replaced + replaced + "b \xc3\xa9 " + replaced + replaced)}));
}

// nlohmann::json reads an integer literal past 64 bits as a float: 99999999999999999999
// would become 1e+20, wherever it is in the value.
TEST(ValueJsonTest, IntegersBeyondSixtyFourBitsAreRefusedNotReadAsFloats) {
  for (const char* text :
       {"99999999999999999999", "-9223372036854775809", "[1, {\"a\": 18446744073709551616}]"}) {
    try {
      ParseValueJson(text);
      ADD_FAILURE() << "accepted " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kArgumentError) << text;
      EXPECT_NE(std::string(e.what()).find("out of the 64-bit range"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_EQ(ParseValueJson("[\"99999999999999999999\", 1e20, 2.5E3]"),
            Value(List{Value("99999999999999999999"), Value(1e20), Value(2500.0)}));
}

TEST(ValueJsonTest, RejectsMalformedInputWithArgumentError) {
  for (const char* text : {"{", "[1,]", "{\"$date\":\"1984-13-01\"}", "{\"$float\":\"x\"}",
                           "{\"$date\":3}", "18446744073709551615", "1e999", "[-123e5672]"}) {
    try {
      ParseValueJson(text);
      ADD_FAILURE() << "accepted " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kArgumentError) << text;
    }
  }
}

}  // namespace
// Reading a value recurses once per level: deep nesting is an error, not a crash.
TEST(ValueJsonTest, DeeplyNestedValuesAreRefused) {
  for (const char* open_close : {"[]", "{}"}) {
    std::string text;
    for (int i = 0; i < 15898; ++i) {
      text += open_close[0];
      if (open_close[0] == '{' ) text += "\"k\":";
    }
    text += "1";
    for (int i = 0; i < 15898; ++i) text += open_close[1];
    try {
      ParseValueJson(text);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("nested too deeply"), std::string::npos) << e.what();
    }
  }
  std::string ok(500, '[');
  ok += std::string(500, ']');
  EXPECT_EQ(ParseValueJson(ok).type(), ValueType::kList);
}

}  // namespace parley::shell
