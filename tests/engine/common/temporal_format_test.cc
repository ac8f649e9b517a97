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

TEST(TemporalFormatTest, FormatsNegativeDurationPartsWithTheirOwnSigns) {
  EXPECT_EQ(ToString(Duration{-20, 0, 0, 0}), "P-1Y-8M");
  EXPECT_EQ(ToString(Duration{0, 0, -2, 1000000}), "PT-1.999S");
  EXPECT_EQ(ToString(Duration{0, 0, -60, 1000000}), "PT-59.999S");
  EXPECT_EQ(ToString(Duration{0, 0, -61, 999000000}), "PT-1M-0.001S");
  EXPECT_EQ(ToString(Duration{0, 0, -1, 600000000}), "PT-0.4S");
  EXPECT_EQ(ToString(Duration{0, 0, -86400, 100000000}), "PT-23H-59M-59.9S");
  EXPECT_EQ(ToString(Duration{0, 0, 63113903968377599, 0}), "PT17531639991215H59M59S");
}

TEST(TemporalFormatTest, FormatsSecondPrecisionOffsetsAndLongYears) {
  EXPECT_EQ(ToString(Time{0, 2 * 3600 + 5 * 60 + 59}), "00:00+02:05:59");
  EXPECT_EQ(ToString(Time{0, -(2 * 3600 + 5 * 60 + 7)}), "00:00-02:05:07");
  EXPECT_EQ(ToString(Date{DaysFromCivil(10000, 1, 1)}), "+10000-01-01");
  EXPECT_EQ(ToString(Date{DaysFromCivil(0, 1, 1)}), "0000-01-01");
}

}  // namespace
}  // namespace parley
