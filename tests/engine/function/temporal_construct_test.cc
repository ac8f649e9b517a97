// Construction of temporal values from maps, strings and other temporal values. Most rows
// come from the openCypher TCK (Temporal1, Temporal3, Temporal6).
#include <gtest/gtest.h>

#include "engine/function/temporal.h"
#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;
using testing::Str;

struct TemporalCase {
  const char* expr;
  const char* expected;  // toString of the result
};

class TemporalConstructTest : public ::testing::TestWithParam<TemporalCase> {};

TEST_P(TemporalConstructTest, BuildsExpectedValue) {
  EXPECT_EQ(Str(E(GetParam().expr)), GetParam().expected) << GetParam().expr;
}

INSTANTIATE_TEST_SUITE_P(
    Tck, TemporalConstructTest,
    ::testing::Values(
        TemporalCase{"date({year: 1816, week: 1})", "1816-01-01"},
        TemporalCase{"date({year: 1817, week: 1})", "1816-12-30"},
        TemporalCase{"date({year: 1817, week: 30})", "1817-07-21"},
        TemporalCase{"date({year: 1818, week: 1})", "1817-12-29"},
        TemporalCase{"date({year: 1818, week: 53})", "1818-12-28"},
        TemporalCase{"date({year: 1819, week: 52})", "1819-12-27"},
        TemporalCase{"localdatetime({year: 1816, week: 1})", "1816-01-01T00:00"},
        TemporalCase{"localdatetime({year: 1817, week: 1})", "1816-12-30T00:00"},
        TemporalCase{"localdatetime({year: 1817, week: 30})", "1817-07-21T00:00"},
        TemporalCase{"localdatetime({year: 1818, week: 1})", "1817-12-29T00:00"},
        TemporalCase{"localdatetime({year: 1818, week: 53})", "1818-12-28T00:00"},
        TemporalCase{"localdatetime({year: 1819, week: 52})", "1819-12-27T00:00"},
        TemporalCase{"datetime({year: 1816, week: 1})", "1816-01-01T00:00Z"},
        TemporalCase{"datetime({year: 1817, week: 1})", "1816-12-30T00:00Z"},
        TemporalCase{"datetime({year: 1817, week: 30})", "1817-07-21T00:00Z"},
        TemporalCase{"datetime({year: 1818, week: 1})", "1817-12-29T00:00Z"},
        TemporalCase{"datetime({year: 1818, week: 53})", "1818-12-28T00:00Z"},
        TemporalCase{"datetime({year: 1819, week: 52})", "1819-12-27T00:00Z"},
        TemporalCase{"date({year: 1984, month: 10, day: 11})", "1984-10-11"},
        TemporalCase{"date({year: 1984, month: 10})", "1984-10-01"},
        TemporalCase{"date({year: 1984, week: 10, dayOfWeek: 3})", "1984-03-07"},
        TemporalCase{"date({year: 1984, week: 10})", "1984-03-05"},
        TemporalCase{"date({year: 1984})", "1984-01-01"},
        TemporalCase{"date({year: 1984, ordinalDay: 202})", "1984-07-20"},
        TemporalCase{
            "localtime({hour: 12, minute: 31, second: 14, nanosecond: 789, millisecond: 123, "
            "microsecond: 456})",
            "12:31:14.123456789"},
        TemporalCase{"localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})",
                     "12:31:14.645876123"},
        TemporalCase{"localtime({hour: 12, minute: 31, second: 14, microsecond: 645876})",
                     "12:31:14.645876"},
        TemporalCase{"localtime({hour: 12, minute: 31, second: 14, millisecond: 645})",
                     "12:31:14.645"},
        TemporalCase{"localtime({hour: 12, minute: 31, second: 14})", "12:31:14"},
        TemporalCase{"localtime({hour: 12, minute: 31})", "12:31"},
        TemporalCase{"time({hour: 12, minute: 31, second: 14, nanosecond: 789, millisecond: 123, "
                     "microsecond: 456})",
                     "12:31:14.123456789Z"},
        TemporalCase{"time({hour: 12, minute: 31, second: 14, nanosecond: 3})",
                     "12:31:14.000000003Z"},
        TemporalCase{"time({hour: 12, minute: 31, second: 14, millisecond: 645})", "12:31:14.645Z"},
        TemporalCase{"time({hour: 12, minute: 31})", "12:31Z"},
        TemporalCase{
            "time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})",
            "12:31:14.645876123+01:00"},
        TemporalCase{
            "time({hour: 12, minute: 31, second: 14, millisecond: 645, timezone: '+01:00'})",
            "12:31:14.645+01:00"},
        TemporalCase{
            "localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, "
            "nanosecond: 789, millisecond: 123, microsecond: 456})",
            "1984-10-11T12:31:14.123456789"},
        TemporalCase{
            "localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14})",
            "1984-10-11T12:31:14"},
        TemporalCase{"localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, "
                     "second: 14, microsecond: 645876})",
                     "1984-03-07T12:31:14.645876"},
        TemporalCase{"localdatetime({year: 1984, week: 10, dayOfWeek: 3})", "1984-03-07T00:00"},
        TemporalCase{"localdatetime({year: 1984, ordinalDay: 202, hour: 12, minute: 31})",
                     "1984-07-20T12:31"},
        TemporalCase{
            "localdatetime({year: 1984, quarter: 3, dayOfQuarter: 45, hour: 12, minute: 31, "
            "second: 14, millisecond: 645})",
            "1984-08-14T12:31:14.645"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, "
                     "nanosecond: 789, millisecond: 123, microsecond: 456})",
                     "1984-10-11T12:31:14.123456789Z"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31})",
                     "1984-10-11T12:31Z"},
        TemporalCase{
            "datetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, "
            "millisecond: 645})",
            "1984-03-07T12:31:14.645Z"},
        TemporalCase{"datetime({year: 1984, ordinalDay: 202, hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123})",
                     "1984-07-20T12:31:14.645876123Z"},
        TemporalCase{"datetime({year: 1984, ordinalDay: 202, hour: 12})", "1984-07-20T12:00Z"},
        TemporalCase{"datetime({year: 1984, quarter: 3, dayOfQuarter: 45, hour: 12, minute: 31, "
                     "second: 14})",
                     "1984-08-14T12:31:14Z"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123, timezone: '+01:00'})",
                     "1984-10-11T12:31:14.645876123+01:00"},
        TemporalCase{
            "datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, timezone: '+01:00'})",
            "1984-10-11T12:31+01:00"},
        TemporalCase{
            "datetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, "
            "microsecond: 645876, timezone: '+01:00'})",
            "1984-03-07T12:31:14.645876+01:00"},
        TemporalCase{"datetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, timezone: '+01:00'})",
                     "1984-03-07T12:00+01:00"},
        TemporalCase{"datetime({year: 1984, ordinalDay: 202, hour: 12, minute: 31, second: 14, "
                     "millisecond: 645, timezone: '+01:00'})",
                     "1984-07-20T12:31:14.645+01:00"},
        TemporalCase{"datetime({year: 1984, ordinalDay: 202, timezone: '+01:00'})",
                     "1984-07-20T00:00+01:00"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123, timezone: 'Europe/Stockholm'})",
                     "1984-10-11T12:31:14.645876123+01:00[Europe/Stockholm]"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, "
                     "timezone: 'Europe/Stockholm'})",
                     "1984-10-11T12:31+01:00[Europe/Stockholm]"},
        TemporalCase{
            "datetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, "
            "microsecond: 645876, timezone: 'Europe/Stockholm'})",
            "1984-03-07T12:31:14.645876+01:00[Europe/Stockholm]"},
        TemporalCase{"datetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
                     "timezone: 'Europe/Stockholm'})",
                     "1984-03-07T12:00+01:00[Europe/Stockholm]"},
        TemporalCase{"datetime({year: 1984, ordinalDay: 202, hour: 12, minute: 31, second: 14, "
                     "millisecond: 645, timezone: 'Europe/Stockholm'})",
                     "1984-07-20T12:31:14.645+02:00[Europe/Stockholm]"},
        TemporalCase{"datetime({year: 1984, ordinalDay: 202, timezone: 'Europe/Stockholm'})",
                     "1984-07-20T00:00+02:00[Europe/Stockholm]"},
        TemporalCase{"datetime.fromepoch(416779, 999999999)", "1970-01-05T19:46:19.999999999Z"},
        TemporalCase{"datetime.fromepochmillis(237821673987)", "1977-07-15T13:34:33.987Z"},
        TemporalCase{"duration({days: 14, hours: 16, minutes: 12})", "P14DT16H12M"},
        TemporalCase{"duration({months: 5, days: 1.5})", "P5M1DT12H"},
        TemporalCase{"duration({months: 0.75})", "P22DT19H51M49.5S"},
        TemporalCase{"duration({weeks: 2.5})", "P17DT12H"},
        TemporalCase{
            "duration({years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70})",
            "P12Y5M14DT16H13M10S"},
        TemporalCase{"duration({days: 14, seconds: 70, milliseconds: 1})", "P14DT1M10.001S"},
        TemporalCase{"time({hour: 12, minute: 34, second: 56, timezone: '+02:05:00'})",
                     "12:34:56+02:05"},
        TemporalCase{"time({hour: 12, minute: 34, second: 56, timezone: '+02:05:59'})",
                     "12:34:56+02:05:59"},
        TemporalCase{"time({hour: 12, minute: 34, second: 56, timezone: '-02:05:07'})",
                     "12:34:56-02:05:07"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 34, second: 56, "
                     "timezone: '+02:05:59'})",
                     "1984-10-11T12:34:56+02:05:59"},
        TemporalCase{"date(date({year: 1984, month: 11, day: 11}))", "1984-11-11"},
        TemporalCase{"date({date: date({year: 1984, month: 11, day: 11}), day: 28})", "1984-11-28"},
        TemporalCase{"date({date: date({year: 1984, month: 11, day: 11}), quarter: 3})",
                     "1984-08-11"},
        TemporalCase{
            "date({date: localdatetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123}), year: 28})",
            "0028-11-11"},
        TemporalCase{
            "date({date: localdatetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123}), ordinalDay: 28})",
            "1984-01-28"},
        TemporalCase{"date({date: datetime({year: 1984, month: 11, day: 11, hour: 12, "
                     "timezone: '+01:00'})})",
                     "1984-11-11"},
        TemporalCase{
            "localtime(localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123}))",
            "12:31:14.645876123"},
        TemporalCase{"localtime({time: localtime({hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123}), second: 42})",
                     "12:31:42.645876123"},
        TemporalCase{
            "localtime({time: time({hour: 12, minute: 31, second: 14, microsecond: 645876, "
            "timezone: '+01:00'})})",
            "12:31:14.645876"},
        TemporalCase{
            "localtime(localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, "
            "second: 14, millisecond: 645}))",
            "12:31:14.645"},
        TemporalCase{
            "localtime({time: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), second: 42})",
            "12:31:42.645"},
        TemporalCase{"localtime({time: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'})})",
                     "12:00"},
        TemporalCase{"time(localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123}))",
                     "12:31:14.645876123Z"},
        TemporalCase{
            "time({time: localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123}), "
            "second: 42})",
            "12:31:42.645876123Z"},
        TemporalCase{"time({time: time({hour: 12, minute: 31, second: 14, microsecond: 645876, "
                     "timezone: '+01:00'})})",
                     "12:31:14.645876+01:00"},
        TemporalCase{"time({time: time({hour: 12, minute: 31, second: 14, microsecond: 645876, "
                     "timezone: '+01:00'}), second: 42, timezone: '+05:00'})",
                     "16:31:42.645876+05:00"},
        TemporalCase{"time({time: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
                     "minute: 31, second: 14, millisecond: 645}), timezone: '+05:00'})",
                     "12:31:14.645+05:00"},
        TemporalCase{"time(datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: 'Europe/Stockholm'}))",
                     "12:00+01:00"},
        TemporalCase{
            "localdatetime({date: date({year: 1984, month: 10, day: 11}), hour: 10, minute: 10, "
            "second: 10})",
            "1984-10-11T10:10:10"},
        TemporalCase{
            "localdatetime({date: date({year: 1984, month: 10, day: 11}), day: 28, hour: 10, "
            "minute: 10, second: 10})",
            "1984-10-28T10:10:10"},
        TemporalCase{
            "localdatetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), hour: 10, minute: 10, second: 10})",
            "1984-03-07T10:10:10"},
        TemporalCase{
            "localdatetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), day: 28, hour: 10, minute: 10, "
            "second: 10})",
            "1984-03-28T10:10:10"},
        TemporalCase{"localdatetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), hour: 10, minute: 10, second: 10})",
                     "1984-10-11T10:10:10"},
        TemporalCase{"localdatetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), day: 28, hour: 10, minute: 10, second: 10})",
                     "1984-10-28T10:10:10"},
        TemporalCase{"localdatetime({year: 1984, month: 10, day: 11, time: localtime({hour: 12, "
                     "minute: 31, second: 14, nanosecond: 645876123})})",
                     "1984-10-11T12:31:14.645876123"},
        TemporalCase{"localdatetime({year: 1984, month: 10, day: 11, time: localtime({hour: 12, "
                     "minute: 31, second: 14, nanosecond: 645876123}), second: 42})",
                     "1984-10-11T12:31:42.645876123"},
        TemporalCase{
            "localdatetime({year: 1984, month: 10, day: 11, time: time({hour: 12, minute: 31, "
            "second: 14, microsecond: 645876, timezone: '+01:00'})})",
            "1984-10-11T12:31:14.645876"},
        TemporalCase{
            "localdatetime({year: 1984, month: 10, day: 11, time: time({hour: 12, minute: 31, "
            "second: 14, microsecond: 645876, timezone: '+01:00'}), second: 42})",
            "1984-10-11T12:31:42.645876"},
        TemporalCase{
            "localdatetime({year: 1984, month: 10, day: 11, time: localdatetime({year: 1984, "
            "week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})})",
            "1984-10-11T12:31:14.645"},
        TemporalCase{
            "localdatetime({year: 1984, month: 10, day: 11, time: localdatetime({year: 1984, "
            "week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645}), "
            "second: 42})",
            "1984-10-11T12:31:42.645"},
        TemporalCase{"localdatetime({date: date({year: 1984, month: 10, day: 11}), "
                     "time: localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})})",
                     "1984-10-11T12:31:14.645876123"},
        TemporalCase{
            "localdatetime({date: date({year: 1984, month: 10, day: 11}), "
            "time: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, "
            "second: 14, millisecond: 645})})",
            "1984-10-11T12:31:14.645"},
        TemporalCase{
            "localdatetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), time: localtime({hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123})})",
            "1984-03-07T12:31:14.645876123"},
        TemporalCase{
            "localdatetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), time: localdatetime({year: 1984, "
            "week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})})",
            "1984-03-07T12:31:14.645"},
        TemporalCase{"localdatetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), time: localtime({hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123})})",
                     "1984-10-11T12:31:14.645876123"},
        TemporalCase{
            "localdatetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "timezone: '+01:00'}), time: localdatetime({year: 1984, week: 10, dayOfWeek: 3, "
            "hour: 12, minute: 31, second: 14, millisecond: 645})})",
            "1984-10-11T12:31:14.645"},
        TemporalCase{"localdatetime(localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
                     "minute: 31, second: 14, millisecond: 645}))",
                     "1984-03-07T12:31:14.645"},
        TemporalCase{"localdatetime({datetime: localdatetime({year: 1984, week: 10, dayOfWeek: 3, "
                     "hour: 12, minute: 31, second: 14, millisecond: 645})})",
                     "1984-03-07T12:31:14.645"},
        TemporalCase{"localdatetime({datetime: localdatetime({year: 1984, week: 10, dayOfWeek: 3, "
                     "hour: 12, minute: 31, second: 14, millisecond: 645}), day: 28, second: 42})",
                     "1984-03-28T12:31:42.645"},
        TemporalCase{"localdatetime(datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}))",
                     "1984-10-11T12:00"},
        TemporalCase{"localdatetime({datetime: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'})})",
                     "1984-10-11T12:00"},
        TemporalCase{"localdatetime({datetime: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), day: 28, second: 42})",
                     "1984-10-28T12:00:42"},
        TemporalCase{
            "datetime({date: date({year: 1984, month: 10, day: 11}), hour: 10, minute: 10, "
            "second: 10})",
            "1984-10-11T10:10:10Z"},
        TemporalCase{"datetime({date: date({year: 1984, month: 10, day: 11}), day: 28, hour: 10, "
                     "minute: 10, second: 10})",
                     "1984-10-28T10:10:10Z"},
        TemporalCase{
            "datetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), hour: 10, minute: 10, second: 10})",
            "1984-03-07T10:10:10Z"},
        TemporalCase{"datetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
                     "minute: 31, second: 14, millisecond: 645}), day: 28, hour: 10, minute: 10, "
                     "second: 10})",
                     "1984-03-28T10:10:10Z"},
        TemporalCase{"datetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), hour: 10, minute: 10, second: 10})",
                     "1984-10-11T10:10:10Z"},
        TemporalCase{"datetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), day: 28, hour: 10, minute: 10, second: 10})",
                     "1984-10-28T10:10:10Z"},
        TemporalCase{
            "datetime({year: 1984, month: 10, day: 11, time: localtime({hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123})})",
            "1984-10-11T12:31:14.645876123Z"},
        TemporalCase{
            "datetime({year: 1984, month: 10, day: 11, time: localtime({hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123}), second: 42})",
            "1984-10-11T12:31:42.645876123Z"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, time: time({hour: 12, minute: 31, "
                     "second: 14, microsecond: 645876, timezone: '+01:00'})})",
                     "1984-10-11T12:31:14.645876+01:00"},
        TemporalCase{"datetime({year: 1984, month: 10, day: 11, time: time({hour: 12, minute: 31, "
                     "second: 14, microsecond: 645876, timezone: '+01:00'}), second: 42})",
                     "1984-10-11T12:31:42.645876+01:00"},
        TemporalCase{
            "datetime({year: 1984, month: 10, day: 11, time: localdatetime({year: 1984, "
            "week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})})",
            "1984-10-11T12:31:14.645Z"},
        TemporalCase{
            "datetime({year: 1984, month: 10, day: 11, time: localdatetime({year: 1984, "
            "week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645}), "
            "second: 42})",
            "1984-10-11T12:31:42.645Z"},
        TemporalCase{
            "datetime({date: date({year: 1984, month: 10, day: 11}), time: localtime({hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123})})",
            "1984-10-11T12:31:14.645876123Z"},
        TemporalCase{
            "datetime({date: date({year: 1984, month: 10, day: 11}), "
            "time: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, "
            "second: 14, millisecond: 645})})",
            "1984-10-11T12:31:14.645Z"},
        TemporalCase{
            "datetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), time: localtime({hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123})})",
            "1984-03-07T12:31:14.645876123Z"},
        TemporalCase{
            "datetime({date: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), time: localdatetime({year: 1984, "
            "week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})})",
            "1984-03-07T12:31:14.645Z"},
        TemporalCase{"datetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: '+01:00'}), time: localtime({hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123})})",
                     "1984-10-11T12:31:14.645876123Z"},
        TemporalCase{
            "datetime({date: datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "timezone: '+01:00'}), time: localdatetime({year: 1984, week: 10, dayOfWeek: 3, "
            "hour: 12, minute: 31, second: 14, millisecond: 645})})",
            "1984-10-11T12:31:14.645Z"},
        TemporalCase{
            "datetime(localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, "
            "second: 14, millisecond: 645}))",
            "1984-03-07T12:31:14.645Z"},
        TemporalCase{
            "datetime({datetime: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645})})",
            "1984-03-07T12:31:14.645Z"},
        TemporalCase{
            "datetime({datetime: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), timezone: '+05:00'})",
            "1984-03-07T12:31:14.645+05:00"},
        TemporalCase{
            "datetime({datetime: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), day: 28, second: 42})",
            "1984-03-28T12:31:42.645Z"},
        TemporalCase{
            "datetime({datetime: localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, "
            "minute: 31, second: 14, millisecond: 645}), day: 28, second: 42, "
            "timezone: 'Pacific/Honolulu'})",
            "1984-03-28T12:31:42.645-10:00[Pacific/Honolulu]"},
        TemporalCase{"datetime(datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "timezone: 'Europe/Stockholm'}))",
                     "1984-10-11T12:00+01:00[Europe/Stockholm]"},
        TemporalCase{"toString(date({year: 1984, month: 10, day: 11}))", "1984-10-11"},
        TemporalCase{
            "toString(localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123}))",
            "12:31:14.645876123"},
        TemporalCase{"toString(time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, "
                     "timezone: '+01:00'}))",
                     "12:31:14.645876123+01:00"},
        TemporalCase{
            "toString(localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, "
            "second: 14, nanosecond: 645876123}))",
            "1984-10-11T12:31:14.645876123"},
        TemporalCase{"toString(datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, "
                     "second: 14, nanosecond: 645876123, timezone: '+01:00'}))",
                     "1984-10-11T12:31:14.645876123+01:00"},
        TemporalCase{
            "toString(datetime({year: 2017, month: 8, day: 8, hour: 12, minute: 31, second: 14, "
            "nanosecond: 645876123, timezone: 'Europe/Stockholm'}))",
            "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]"}));

INSTANTIATE_TEST_SUITE_P(
    Strings, TemporalConstructTest,
    ::testing::Values(
        TemporalCase{"date('2015-07-21')", "2015-07-21"},
        TemporalCase{"date('20150721')", "2015-07-21"},
        TemporalCase{"date('2015-07')", "2015-07-01"},
        TemporalCase{"date('2015-W30-2')", "2015-07-21"},
        TemporalCase{"date('2015W302')", "2015-07-21"},
        TemporalCase{"date('2015-W30')", "2015-07-20"},
        TemporalCase{"date('2015-202')", "2015-07-21"},
        TemporalCase{"date('2015-Q2-60')", "2015-05-30"},
        TemporalCase{"date('2015Q260')", "2015-05-30"},
        TemporalCase{"date('2015-Q3')", "2015-07-01"}, TemporalCase{"date('2015')", "2015-01-01"},
        TemporalCase{"date('+999999999-12-31')", "+999999999-12-31"},
        TemporalCase{"date('-0001-01-01')", "-0001-01-01"},
        TemporalCase{"localtime('21:40:32.142')", "21:40:32.142"},
        TemporalCase{"localtime('214032.142')", "21:40:32.142"},
        TemporalCase{"localtime('2140')", "21:40"}, TemporalCase{"localtime('21')", "21:00"},
        TemporalCase{"localtime('21:40:32,5')", "21:40:32.500"},
        TemporalCase{"time('21:40:32.142+0100')", "21:40:32.142+01:00"},
        TemporalCase{"time('21:40:32Z')", "21:40:32Z"},
        TemporalCase{"time('21:40-02')", "21:40-02:00"},
        TemporalCase{"localdatetime('2015-W30-2T214032.142')", "2015-07-21T21:40:32.142"},
        TemporalCase{"localdatetime('2015-202T21:40:32')", "2015-07-21T21:40:32"},
        TemporalCase{"datetime('2015-07-21T21:40:32.142+0100')", "2015-07-21T21:40:32.142+01:00"},
        TemporalCase{"datetime('2015-07-21T21:40:32.142[Europe/London]')",
                     "2015-07-21T21:40:32.142+01:00[Europe/London]"},
        TemporalCase{"datetime('2015-07-21T21:40:32.142+01:00[Europe/London]')",
                     "2015-07-21T21:40:32.142+01:00[Europe/London]"},
        TemporalCase{"datetime('2015-07-21')", "2015-07-21T00:00Z"},
        TemporalCase{"duration('P14DT16H12M')", "P14DT16H12M"},
        TemporalCase{"duration('P5M1.5D')", "P5M1DT12H"},
        TemporalCase{"duration('P0.75M')", "P22DT19H51M49.5S"},
        TemporalCase{"duration('PT0.75M')", "PT45S"}, TemporalCase{"duration('P2.5W')", "P17DT12H"},
        TemporalCase{"duration('-P1DT2H')", "P-1DT-2H"},
        TemporalCase{"duration('PT-1.5S')", "PT-1.5S"},
        TemporalCase{"duration('P2012-02-02T14:37:21.545')", "P2012Y2M2DT14H37M21.545S"}));

INSTANTIATE_TEST_SUITE_P(
    DurationMaps, TemporalConstructTest,
    ::testing::Values(
        TemporalCase{"duration({years: 12, months: 5, days: 14, hours: 16, minutes: 12, "
                     "seconds: 70, nanoseconds: 1})",
                     "P12Y5M14DT16H13M10.000000001S"},
        TemporalCase{"duration({years: 12, months: 5, days: -14, hours: 16})", "P12Y5M-14DT16H"},
        TemporalCase{"duration({minutes: 12, seconds: -60})", "PT11M"},
        TemporalCase{"duration({seconds: 2, milliseconds: -1})", "PT1.999S"},
        TemporalCase{"duration({seconds: -2, milliseconds: 1})", "PT-1.999S"},
        TemporalCase{"duration({seconds: -2, milliseconds: -1})", "PT-2.001S"},
        TemporalCase{"duration({days: 1, milliseconds: 1})", "P1DT0.001S"},
        TemporalCase{"duration({days: 1, milliseconds: -1})", "P1DT-0.001S"},
        TemporalCase{"duration({seconds: 60, milliseconds: -1})", "PT59.999S"},
        TemporalCase{"duration({seconds: -60, milliseconds: 1})", "PT-59.999S"},
        TemporalCase{"duration({seconds: -60, milliseconds: -1})", "PT-1M-0.001S"},
        TemporalCase{"duration({quarters: 1})", "P3M"}, TemporalCase{"duration({})", "PT0S"}));

TEST(TemporalConstructTest, ToStringRoundTrips) {
  for (const char* expr :
       {"date({year: 1984, month: 10, day: 11})",
        "localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})",
        "time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})",
        "localdatetime({year: 1984, month: 10, day: 11, hour: 12, nanosecond: 645876123})",
        "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'})",
        "duration({years: 12, months: 5, days: -14, hours: 16, seconds: -2, "
        "milliseconds: 1})"}) {
    Value v = E(expr);
    std::string fn = std::string(TypeName(v.type()));
    std::string ctor = fn == "LOCAL TIME"       ? "localtime"
                       : fn == "LOCAL DATETIME" ? "localdatetime"
                                                : "";
    if (ctor.empty()) {
      for (char c : fn) ctor += static_cast<char>(std::tolower(c));
    }
    EXPECT_EQ(E(ctor + "('" + Str(v) + "')"), v) << expr;
  }
}

void ExpectArgumentError(const char* expr) {
  try {
    Value v = E(expr);
    ADD_FAILURE() << expr << " gave " << Str(v);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kArgumentError) << expr << ": " << e.what();
  }
}

TEST(TemporalConstructTest, InvalidTextAndFieldsAreArgumentErrors) {
  for (const char* expr : {"date('2015-13-01')",
                           "date('2015-02-29')",
                           "date('2015-Q5')",
                           "date('2015-Q1-91')",
                           "date('2015-W54-1')",
                           "date('x')",
                           "date('2015-366')",
                           "localtime('25:00')",
                           "localtime('12:60')",
                           "time('12:00+25:00')",
                           "datetime('2015-07-21T21:40[Not/AZone]')",
                           "duration('P1Q')",
                           "duration('PT1D')",
                           "duration('P')",
                           "date({year: 2015, month: 2, day: 30})",
                           "date({month: 2})",
                           "localtime({hour: 24})",
                           "datetime({year: 2015, timezone: 'Nowhere/Special'})",
                           "date.truncate('fortnight', date('2015-01-01'))",
                           "date({year: 2015, mnth: 2})",
                           "date.truncate('day', date('2015-01-01'), {dy: 2})",
                           "duration({centuries: 1})"}) {
    ExpectArgumentError(expr);
  }
}

TEST(TemporalConstructTest, NullArgumentsGiveNull) {
  for (const char* expr :
       {"date(null)", "localtime(null)", "time(null)", "localdatetime(null)", "datetime(null)",
        "duration(null)", "datetime.fromepochmillis(null)", "date.truncate('day', null)"}) {
    EXPECT_TRUE(E(expr).is_null()) << expr;
  }
}

TEST(TemporalConstructTest, CurrentTimeFollowsTheStatementClock) {
  DateTime instant = std::get<DateTime>(E("datetime('2020-02-29T23:30:15.5Z')").storage());
  ScopedStatementClock clock(instant);
  EXPECT_EQ(Str(E("date()")), "2020-02-29");
  EXPECT_EQ(Str(E("localtime()")), "23:30:15.500");
  EXPECT_EQ(Str(E("datetime()")), "2020-02-29T23:30:15.500Z");
  EXPECT_EQ(Str(E("date.statement('Europe/Stockholm')")), "2020-03-01");
  EXPECT_EQ(Str(E("date({timezone: '+02:00'})")), "2020-03-01");
  EXPECT_EQ(Str(E("time.transaction('-05:00')")), "18:30:15.500-05:00");
  EXPECT_EQ(Str(E("duration.inSeconds(localdatetime(), localdatetime())")), "PT0S");
}

}  // namespace
}  // namespace parley::function
