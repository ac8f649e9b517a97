#include <gtest/gtest.h>

#include "engine/common/temporal_math.h"
#include "parley/value.h"

namespace parley {
namespace {

using temporal::DaysFromCivil;

TEST(TemporalFormatTest, DatesRoundTripThroughCivilCalendar) {
  for (std::int64_t d = -800000; d <= 800000; d += 997) {
    temporal::CivilDate c = temporal::CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
}

TEST(TemporalFormatTest, FormatsDates) {
  EXPECT_EQ(ToString(Date{0}), "1970-01-01");
  EXPECT_EQ(ToString(Date{DaysFromCivil(1984, 10, 11)}), "1984-10-11");
  EXPECT_EQ(ToString(Date{DaysFromCivil(-1, 1, 1)}), "-0001-01-01");
  EXPECT_EQ(ToString(Date{DaysFromCivil(999999999, 12, 31)}), "+999999999-12-31");
}

TEST(TemporalFormatTest, FormatsTimesWithShortestFraction) {
  std::int64_t t = ((12 * 60 + 31) * 60 + 14) * temporal::kNanosPerSecond;
  EXPECT_EQ(ToString(LocalTime{t + 645876123}), "12:31:14.645876123");
  EXPECT_EQ(ToString(LocalTime{t + 645000000}), "12:31:14.645");
  EXPECT_EQ(ToString(LocalTime{t + 645876000}), "12:31:14.645876");
  EXPECT_EQ(ToString(LocalTime{(12 * 60 + 31) * 60 * temporal::kNanosPerSecond}), "12:31");
  EXPECT_EQ(ToString(Time{t, 3600}), "12:31:14+01:00");
  EXPECT_EQ(ToString(Time{t, 0}), "12:31:14Z");
}

TEST(TemporalFormatTest, FormatsDateTimesWithZone) {
  std::int64_t local = DaysFromCivil(1984, 10, 11) * temporal::kSecondsPerDay + 12 * 3600 +
                       31 * 60 + 14;
  EXPECT_EQ(ToString(LocalDateTime{local, 0}), "1984-10-11T12:31:14");
  DateTime dt{local - 3600, 0, 3600, "Europe/Stockholm"};
  EXPECT_EQ(ToString(dt), "1984-10-11T12:31:14+01:00[Europe/Stockholm]");
}

TEST(TemporalFormatTest, FormatsDurations) {
  EXPECT_EQ(ToString(Duration{14, 10, 12 * 3600, 0}), "P1Y2M10DT12H");
  EXPECT_EQ(ToString(Duration{0, 0, 0, 0}), "PT0S");
  EXPECT_EQ(ToString(Duration{0, 14, 70, 1}), "P14DT1M10.000000001S");
  EXPECT_EQ(ToString(Duration{0, 1, -1, 999000000}), "P1DT-0.001S");
}

}  // namespace
}  // namespace parley
