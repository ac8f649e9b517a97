// Round-trip properties over many generated values: what toString prints, the parsers read
// back; week dates, ordinal dates and zone resolution agree with the calendar.
#include <gtest/gtest.h>

#include <random>

#include "engine/common/temporal_math.h"
#include "engine/function/temporal.h"
#include "engine/function/time_zone.h"
#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;

constexpr std::int64_t kNanosPerDay = temporal::kNanosPerDay;

class TemporalRoundTripTest : public ::testing::Test {
 protected:
  std::int64_t Days() { return std::uniform_int_distribution<std::int64_t>(-800000, 800000)(rng_); }
  std::int64_t Nanos() {
    // Mostly whole seconds or milliseconds, sometimes full nanosecond precision.
    std::int64_t n = std::uniform_int_distribution<std::int64_t>(0, kNanosPerDay - 1)(rng_);
    switch (rng_() % 3) {
      case 0:
        return n - n % temporal::kNanosPerSecond;
      case 1:
        return n - n % 1000000;
      default:
        return n;
    }
  }
  std::int32_t Offset() {
    return static_cast<std::int32_t>(std::uniform_int_distribution<int>(-18 * 60, 18 * 60)(rng_) *
                                     60);
  }
  std::mt19937_64 rng_{20261122};
};

TEST_F(TemporalRoundTripTest, ParsersReadWhatToStringPrints) {
  for (int i = 0; i < 2000; ++i) {
    Date d{Days()};
    ASSERT_EQ(ParseDate(ToString(d)), d) << ToString(d);
    LocalTime lt{Nanos()};
    ASSERT_EQ(ParseLocalTime(ToString(lt)), lt) << ToString(lt);
    Time t{Nanos(), Offset()};
    ASSERT_EQ(ParseTime(ToString(t)), t) << ToString(t);
    std::int64_t nanos = Nanos();
    LocalDateTime ldt{d.days * temporal::kSecondsPerDay + nanos / temporal::kNanosPerSecond,
                      static_cast<std::int32_t>(nanos % temporal::kNanosPerSecond)};
    ASSERT_EQ(ParseLocalDateTime(ToString(ldt)), ldt) << ToString(ldt);
    DateTime dt{ldt.seconds, ldt.nanos, Offset(), ""};
    ASSERT_EQ(ParseDateTime(ToString(dt)), dt) << ToString(dt);
  }
}

TEST_F(TemporalRoundTripTest, DurationsRoundTripThroughText) {
  std::uniform_int_distribution<std::int64_t> small(-100000, 100000);
  for (int i = 0; i < 2000; ++i) {
    Duration d = MakeDuration(small(rng_), small(rng_), small(rng_) * 37, Nanos() % 1000000000);
    if (rng_() % 2) d = NegateDuration(d);
    ASSERT_EQ(ParseDuration(ToString(d)), d) << ToString(d);
  }
}

TEST_F(TemporalRoundTripTest, WeekAndOrdinalDatesAgreeWithTheCalendar) {
  for (int i = 0; i < 2000; ++i) {
    Value d(Date{Days()});
    std::int64_t week_year = TemporalProperty(d, "weekYear")->as_int();
    std::int64_t week = TemporalProperty(d, "week")->as_int();
    std::int64_t dow = TemporalProperty(d, "dayOfWeek")->as_int();
    Map fields = {{"year", Value(week_year)}, {"week", Value(week)}, {"dayOfWeek", Value(dow)}};
    ASSERT_EQ(testing::Call("date", {Value(fields)}), d) << testing::Str(d);
    Map ordinal = {{"year", *TemporalProperty(d, "year")},
                   {"ordinalDay", *TemporalProperty(d, "ordinalDay")}};
    ASSERT_EQ(testing::Call("date", {Value(ordinal)}), d) << testing::Str(d);
    Map quarter = {{"year", *TemporalProperty(d, "year")},
                   {"quarter", *TemporalProperty(d, "quarter")},
                   {"dayOfQuarter", *TemporalProperty(d, "dayOfQuarter")}};
    ASSERT_EQ(testing::Call("date", {Value(quarter)}), d) << testing::Str(d);
  }
}

TEST_F(TemporalRoundTripTest, NamedZonesResolveLocalTimesOfRealInstants) {
  std::uniform_int_distribution<std::int64_t> instants(-2000000000, 4000000000);
  for (const char* zone : {"Europe/Stockholm", "America/New_York", "Australia/Lord_Howe",
                           "Asia/Kathmandu", "Pacific/Apia"}) {
    for (int i = 0; i < 500; ++i) {
      std::int64_t utc = instants(rng_);
      std::int32_t offset = tz::OffsetAtInstant(zone, utc);
      tz::LocalResolution r = tz::ResolveLocal(zone, utc + offset, offset);
      ASSERT_EQ(r.offset, offset) << zone << " at " << utc;
      ASSERT_EQ(r.local_seconds, utc + offset) << zone << " at " << utc;
    }
  }
}

TEST_F(TemporalRoundTripTest, AddingThenSubtractingTimeIsIdentity) {
  std::uniform_int_distribution<std::int64_t> secs(-10000000, 10000000);
  for (int i = 0; i < 2000; ++i) {
    std::int64_t nanos = Nanos();
    Value t(LocalDateTime{Days() * temporal::kSecondsPerDay + nanos / temporal::kNanosPerSecond,
                          static_cast<std::int32_t>(nanos % temporal::kNanosPerSecond)});
    Duration d = MakeDuration(0, secs(rng_) % 1000, secs(rng_), Nanos() % 1000000000);
    Value there = AddDuration(t, d);
    ASSERT_EQ(AddDuration(there, NegateDuration(d)), t) << testing::Str(t);
    ASSERT_EQ(E("duration.inSeconds(localdatetime('" + testing::Str(t) + "'), localdatetime('" +
                testing::Str(there) + "'))"),
              Value(MakeDuration(0, 0, d.days * temporal::kSecondsPerDay + d.seconds, d.nanos)))
        << testing::Str(t) << " + " << ToString(d);
  }
}

}  // namespace
}  // namespace parley::function
