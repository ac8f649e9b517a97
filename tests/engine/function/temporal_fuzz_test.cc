// Random text and random maps never crash the temporal constructors: they either build a
// value or throw parley::Error.
#include <gtest/gtest.h>

#include <random>

#include "engine/function/temporal.h"
#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

TEST(TemporalFuzzTest, RandomTextEitherParsesOrThrowsError) {
  std::mt19937_64 rng(7);
  const std::string alphabet = "0123456789-+:.,TWQPYMDHSZ[]/ Eeurop";
  const char* constructors[] = {"date",          "localtime", "time",
                                "localdatetime", "datetime",  "duration"};
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    std::size_t len = rng() % 24;
    for (std::size_t k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    for (const char* fn : constructors) {
      try {
        Value v = testing::Call(fn, {Value(s)});
        ASSERT_TRUE(IsTemporal(v)) << fn << "('" << s << "')";
        ++parsed;
      } catch (const Error&) {
      }
    }
  }
  EXPECT_GT(parsed, 0);
}

TEST(TemporalFuzzTest, RandomFieldMapsEitherBuildOrThrowError) {
  std::mt19937_64 rng(11);
  const char* keys[] = {"year",       "month",       "day",          "week",      "dayOfWeek",
                        "ordinalDay", "quarter",     "dayOfQuarter", "hour",      "minute",
                        "second",     "millisecond", "microsecond",  "nanosecond"};
  const char* constructors[] = {"date", "localtime", "time", "localdatetime", "datetime"};
  std::uniform_int_distribution<std::int64_t> small(-3, 70);
  int built = 0;
  for (int i = 0; i < 20000; ++i) {
    Map m;
    for (int k = 0; k < 3; ++k) m[keys[rng() % std::size(keys)]] = Value(small(rng));
    if (rng() % 2) m["year"] = Value(static_cast<std::int64_t>(rng() % 4000));
    if (rng() % 4 == 0) m["timezone"] = Value(rng() % 2 ? "Europe/Stockholm" : "+05:30");
    for (const char* fn : constructors) {
      try {
        Value v = testing::Call(fn, {Value(m)});
        ASSERT_TRUE(IsTemporal(v)) << fn;
        ++built;
      } catch (const Error&) {
      }
    }
  }
  EXPECT_GT(built, 0);
}

}  // namespace
}  // namespace parley::function
