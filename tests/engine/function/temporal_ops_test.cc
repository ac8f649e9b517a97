// Operations on temporal values: duration.between and friends, truncation, property
// access and named time zones. Most table rows come from the openCypher TCK (Temporal9,
// Temporal10).
#include <gtest/gtest.h>

#include "engine/function/temporal.h"
#include "engine/function/time_zone.h"
#include "tests/engine/function/test_util.h"

namespace parley::function {
namespace {

using testing::E;
using testing::Str;

struct TemporalCase {
  const char* expr;
  const char* expected;  // toString of the result
};

class TemporalOpsTest : public ::testing::TestWithParam<TemporalCase> {};

TEST_P(TemporalOpsTest, ComputesExpectedValue) {
  EXPECT_EQ(Str(E(GetParam().expr)), GetParam().expected) << GetParam().expr;
}

INSTANTIATE_TEST_SUITE_P(
    Tck, TemporalOpsTest,
    ::testing::Values(
        TemporalCase{"duration.between(localdatetime('2018-01-01T12:00'), "
                     "localdatetime('2018-01-02T10:00'))",
                     "PT22H"},
        TemporalCase{"duration.between(localdatetime('2018-01-02T10:00'), "
                     "localdatetime('2018-01-01T12:00'))",
                     "PT-22H"},
        TemporalCase{"duration.between(localdatetime('2018-01-01T10:00:00.2'), "
                     "localdatetime('2018-01-02T10:00:00.1'))",
                     "PT23H59M59.9S"},
        TemporalCase{"duration.between(localdatetime('2018-01-02T10:00:00.1'), "
                     "localdatetime('2018-01-01T10:00:00.2'))",
                     "PT-23H-59M-59.9S"},
        TemporalCase{"duration.between(datetime('2017-10-28T23:00+02:00[Europe/Stockholm]'), "
                     "datetime('2017-10-29T04:00+01:00[Europe/Stockholm]'))",
                     "PT6H"},
        TemporalCase{"duration.between(datetime('2017-10-29T04:00+01:00[Europe/Stockholm]'), "
                     "datetime('2017-10-28T23:00+02:00[Europe/Stockholm]'))",
                     "PT-6H"},
        TemporalCase{"duration.between(date('1984-10-11'), date('2015-06-24'))", "P30Y8M13D"},
        TemporalCase{"duration.between(date('1984-10-11'), time('16:30+0100'))", "PT16H30M"},
        TemporalCase{"duration.between(localtime('14:30'), localtime('16:30'))", "PT2H"},
        TemporalCase{"duration.between(time('14:30'), datetime('2015-07-21T21:40:32.142+0100'))",
                     "PT6H10M32.142S"},
        TemporalCase{"duration.between(localdatetime('2015-07-21T21:40:32.142'), "
                     "localdatetime('2016-07-21T21:45:22.142'))",
                     "P1YT4M50S"},
        TemporalCase{
            "duration.between(datetime('2014-07-21T21:40:36.143+0200'), date('2015-06-24'))",
            "P11M2DT2H19M23.857S"},
        TemporalCase{"duration.inMonths(date('1984-10-11'), date('2015-06-24'))", "P30Y8M"},
        TemporalCase{"duration.inMonths(date('1984-10-11'), localtime('16:30'))", "PT0S"},
        TemporalCase{
            "duration.inMonths(localtime('14:30'), localdatetime('2016-07-21T21:45:22.142'))",
            "PT0S"},
        TemporalCase{"duration.inMonths(time('14:30'), localdatetime('2016-07-21T21:45:22.142'))",
                     "PT0S"},
        TemporalCase{"duration.inMonths(localdatetime('2015-07-21T21:40:32.142'), "
                     "localdatetime('2016-07-21T21:45:22.142'))",
                     "P1Y"},
        TemporalCase{
            "duration.inMonths(localdatetime('2015-07-21T21:40:32.142'), time('16:30+0100'))",
            "PT0S"},
        TemporalCase{"duration.inDays(date('1984-10-11'), date('2015-06-24'))", "P11213D"},
        TemporalCase{"duration.inDays(date('1984-10-11'), localtime('16:30'))", "PT0S"},
        TemporalCase{
            "duration.inDays(localtime('14:30'), localdatetime('2016-07-21T21:45:22.142'))",
            "PT0S"},
        TemporalCase{"duration.inDays(time('14:30'), localdatetime('2016-07-21T21:45:22.142'))",
                     "PT0S"},
        TemporalCase{"duration.inDays(localdatetime('2015-07-21T21:40:32.142'), "
                     "localdatetime('2016-07-21T21:45:22.142'))",
                     "P366D"},
        TemporalCase{
            "duration.inDays(localdatetime('2015-07-21T21:40:32.142'), time('16:30+0100'))",
            "PT0S"},
        TemporalCase{"duration.inSeconds(date('1984-10-11'), date('2015-06-24'))", "PT269112H"},
        TemporalCase{"duration.inSeconds(date('1984-10-11'), time('16:30+0100'))", "PT16H30M"},
        TemporalCase{"duration.inSeconds(localtime('14:30'), localtime('16:30'))", "PT2H"},
        TemporalCase{"duration.inSeconds(time('14:30'), datetime('2015-07-21T21:40:32.142+0100'))",
                     "PT6H10M32.142S"},
        TemporalCase{"duration.inSeconds(localdatetime('2015-07-21T21:40:32.142'), "
                     "localdatetime('2016-07-21T21:45:22.142'))",
                     "PT8784H4M50S"},
        TemporalCase{
            "duration.inSeconds(datetime('2014-07-21T21:40:36.143+0200'), date('2015-06-24'))",
            "PT8090H19M23.857S"},
        TemporalCase{"duration.inSeconds(localdatetime('2014-07-21T21:40:36.143'), "
                     "localdatetime('2014-07-21T21:40:36.142'))",
                     "PT-0.001S"},
        TemporalCase{"duration.inMonths(date('2018-03-11'), date('2016-06-24'))", "P-1Y-8M"},
        TemporalCase{
            "duration.inMonths(date('2018-07-21'), datetime('2016-07-21T21:40:32.142+0100'))",
            "P-1Y-11M"},
        TemporalCase{
            "duration.inMonths(localdatetime('2018-07-21T21:40:32.142'), date('2016-07-21'))",
            "P-2Y"},
        TemporalCase{"duration.inMonths(datetime('2018-07-21T21:40:36.143+0200'), "
                     "localdatetime('2016-07-21T21:40:36.143'))",
                     "P-2Y"},
        TemporalCase{"duration.inMonths(datetime('2018-07-21T21:40:36.143+0500'), "
                     "datetime('1984-07-21T22:40:36.143+0200'))",
                     "P-33Y-11M"},
        TemporalCase{
            "duration.inSeconds(datetime({year: 2017, month: 10, day: 29, hour: 0, "
            "timezone: 'Europe/Stockholm'}), localdatetime({year: 2017, month: 10, day: 29, "
            "hour: 4}))",
            "PT5H"},
        TemporalCase{"duration.inSeconds(datetime({year: 2017, month: 10, day: 29, hour: 0, "
                     "timezone: 'Europe/Stockholm'}), localtime({hour: 4}))",
                     "PT5H"},
        TemporalCase{
            "duration.inSeconds(localdatetime({year: 2017, month: 10, day: 29, hour: 0 }), "
            "datetime({year: 2017, month: 10, day: 29, hour: 4, timezone: 'Europe/Stockholm'}))",
            "PT5H"},
        TemporalCase{
            "duration.inSeconds(localtime({hour: 0 }), datetime({year: 2017, month: 10, day: 29, "
            "hour: 4, timezone: 'Europe/Stockholm'}))",
            "PT5H"},
        TemporalCase{
            "duration.inSeconds(date({year: 2017, month: 10, day: 29}), datetime({year: 2017, "
            "month: 10, day: 29, hour: 4, timezone: 'Europe/Stockholm'}))",
            "PT5H"},
        TemporalCase{"duration.inSeconds(datetime({year: 2017, month: 10, day: 29, hour: 0, "
                     "timezone: 'Europe/Stockholm'}), date({year: 2017, month: 10, day: 30}))",
                     "PT25H"},
        TemporalCase{"duration.between(date('-999999999-01-01'), date('+999999999-12-31'))",
                     "P1999999998Y11M30D"},
        TemporalCase{"duration.inSeconds(localdatetime('-999999999-01-01'), "
                     "localdatetime('+999999999-12-31T23:59:59'))",
                     "PT17531639991215H59M59S"},
        TemporalCase{"duration.inSeconds(localtime('12:34:54.7'), localtime('12:34:54.3'))",
                     "PT-0.4S"},
        TemporalCase{"duration.inSeconds(localtime('12:34:54.3'), localtime('12:34:54.7'))",
                     "PT0.4S"},
        TemporalCase{"duration.inSeconds(localtime('12:34:54.7'), localtime('12:34:55.3'))",
                     "PT0.6S"},
        TemporalCase{"duration.inSeconds(localtime('12:34:54.7'), localtime('12:44:55.3'))",
                     "PT10M0.6S"},
        TemporalCase{"duration.inSeconds(localtime('12:44:54.7'), localtime('12:34:55.3'))",
                     "PT-9M-59.4S"},
        TemporalCase{"duration.inSeconds(localtime('12:34:56'), localtime('12:34:55.7'))",
                     "PT-0.3S"},
        TemporalCase{"duration.between(null, null)", "null"}, TemporalCase{"date(null)", "null"},
        TemporalCase{"localtime(null)", "null"}, TemporalCase{"time(null)", "null"},
        TemporalCase{"localdatetime(null)", "null"}, TemporalCase{"datetime(null)", "null"},
        TemporalCase{"toString(duration({years: 12, months: 5, days: 14, hours: 16, minutes: 12, "
                     "seconds: 70, nanoseconds: 1}))",
                     "P12Y5M14DT16H13M10.000000001S"},
        TemporalCase{"toString(duration({years: 12, months: 5, days: -14, hours: 16}))",
                     "P12Y5M-14DT16H"},
        TemporalCase{"toString(duration({minutes: 12, seconds: -60}))", "PT11M"},
        TemporalCase{"toString(duration({seconds: 2, milliseconds: -1}))", "PT1.999S"},
        TemporalCase{"toString(duration({seconds: -2, milliseconds: 1}))", "PT-1.999S"},
        TemporalCase{"toString(duration({seconds: -2, milliseconds: -1}))", "PT-2.001S"},
        TemporalCase{
            "date.truncate('millennium', date({year: 2017, month: 10, day: 11}), {day: 2})",
            "2000-01-02"},
        TemporalCase{
            "date.truncate('century', datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), {day: 2})",
            "1900-01-02"},
        TemporalCase{
            "date.truncate('decade', localdatetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123}), {day: 2})",
            "1980-01-02"},
        TemporalCase{"date.truncate('weekYear', date({year: 1984, month: 2, day: 1}), {day: 5})",
                     "1984-01-05"},
        TemporalCase{
            "date.truncate('quarter', datetime({year: 1984, month: 11, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), {day: 2})",
            "1984-10-02"},
        TemporalCase{
            "date.truncate('month', localdatetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123}), {day: 2})",
            "1984-10-02"},
        TemporalCase{
            "datetime.truncate('millennium', date({year: 2017, month: 10, day: 11}), {day: 2})",
            "2000-01-02T00:00Z"},
        TemporalCase{"datetime.truncate('century', localdatetime({year: 2017, month: 10, day: 11, "
                     "hour: 12, minute: 31, second: 14, nanosecond: 645876123}), "
                     "{timezone: 'Europe/Stockholm'})",
                     "2000-01-01T00:00+01:00[Europe/Stockholm]"},
        TemporalCase{
            "datetime.truncate('year', localdatetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123}), {timezone: 'Europe/Stockholm'})",
            "1984-01-01T00:00+01:00[Europe/Stockholm]"},
        TemporalCase{"datetime.truncate('quarter', localdatetime({year: 1984, month: 11, day: 11, "
                     "hour: 12, minute: 31, second: 14, nanosecond: 645876123}), {day: 2})",
                     "1984-10-02T00:00Z"},
        TemporalCase{
            "datetime.truncate('week', datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '-01:00'}), "
            "{timezone: 'Europe/Stockholm'})",
            "1984-10-08T00:00+01:00[Europe/Stockholm]"},
        TemporalCase{
            "datetime.truncate('hour', localdatetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123}), {timezone: 'Europe/Stockholm'})",
            "1984-10-11T12:00+01:00[Europe/Stockholm]"},
        TemporalCase{"localdatetime.truncate('millennium', date({year: 2017, month: 10, day: 11}), "
                     "{day: 2})",
                     "2000-01-02T00:00"},
        TemporalCase{
            "localdatetime.truncate('decade', date({year: 1984, month: 10, day: 11}), {day: 2})",
            "1980-01-02T00:00"},
        TemporalCase{
            "localdatetime.truncate('weekYear', date({year: 1984, month: 2, day: 1}), {day: 5})",
            "1984-01-05T00:00"},
        TemporalCase{
            "localdatetime.truncate('month', date({year: 1984, month: 10, day: 11}), {day: 2})",
            "1984-10-02T00:00"},
        TemporalCase{"localdatetime.truncate('day', date({year: 1984, month: 10, day: 11}), "
                     "{nanosecond: 2})",
                     "1984-10-11T00:00:00.000000002"},
        TemporalCase{
            "localdatetime.truncate('minute', localdatetime({year: 1984, month: 10, day: 11, "
            "hour: 12, minute: 31, second: 14, nanosecond: 645876123}), {nanosecond: 2})",
            "1984-10-11T12:31:00.000000002"},
        TemporalCase{
            "localtime.truncate('day', datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), "
            "{nanosecond: 2})",
            "00:00:00.000000002"},
        TemporalCase{
            "localtime.truncate('hour', localdatetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123}), {})",
            "12:00"},
        TemporalCase{"localtime.truncate('minute', localdatetime({year: 1984, month: 10, day: 11, "
                     "hour: 12, minute: 31, second: 14, nanosecond: 645876123}), {nanosecond: 2})",
                     "12:31:00.000000002"},
        TemporalCase{
            "localtime.truncate('second', datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), {})",
            "12:31:14"},
        TemporalCase{
            "localtime.truncate('millisecond', datetime({year: 1984, month: 10, day: 11, "
            "hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), "
            "{nanosecond: 2})",
            "12:31:14.645000002"},
        TemporalCase{"localtime.truncate('millisecond', time({hour: 12, minute: 31, second: 14, "
                     "nanosecond: 645876123, timezone: '+01:00'}), {})",
                     "12:31:14.645"},
        TemporalCase{"time.truncate('day', datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), "
                     "{nanosecond: 2})",
                     "00:00:00.000000002+01:00"},
        TemporalCase{
            "time.truncate('hour', localdatetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123}), {timezone: '+01:00'})",
            "12:00+01:00"},
        TemporalCase{"time.truncate('minute', datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "minute: 31, second: 14, nanosecond: 645876123, timezone: '-01:00'}), "
                     "{nanosecond: 2})",
                     "12:31:00.000000002-01:00"},
        TemporalCase{"time.truncate('second', datetime({year: 1984, month: 10, day: 11, hour: 12, "
                     "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), "
                     "{nanosecond: 2})",
                     "12:31:14.000000002+01:00"},
        TemporalCase{
            "time.truncate('millisecond', datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), "
            "{nanosecond: 2})",
            "12:31:14.645000002+01:00"},
        TemporalCase{
            "time.truncate('microsecond', datetime({year: 1984, month: 10, day: 11, hour: 12, "
            "minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'}), "
            "{nanosecond: 2})",
            "12:31:14.645876002+01:00"}));

INSTANTIATE_TEST_SUITE_P(
    Between, TemporalOpsTest,
    ::testing::Values(
        TemporalCase{"duration.between(date('1985-11-25'), date('1984-10-11'))", "P-1Y-1M-14D"},
        TemporalCase{"duration.between(date('1984-10-11'), "
                     "datetime('1984-10-12T21:40:32.142+0100'))",
                     "P1DT21H40M32.142S"},
        TemporalCase{"duration.between(datetime('2014-07-21T21:40:36.143+0200'), "
                     "localdatetime('2014-07-21T21:40:36.143'))",
                     "PT0S"},
        TemporalCase{"duration.between(datetime('2014-07-21T21:40:36.143+0200'), "
                     "datetime('2014-07-21T21:40:36.143+0000'))",
                     "PT2H"},
        TemporalCase{"duration.between(time('14:30+02:00'), time('14:30Z'))", "PT2H"},
        // As java.time: the end's earlier time of day makes the last month incomplete.
        TemporalCase{"duration.between(localdatetime('2015-01-31T12:00'), "
                     "localdatetime('2015-03-01T11:00'))",
                     "P28DT23H"}));

INSTANTIATE_TEST_SUITE_P(
    Truncation, TemporalOpsTest,
    ::testing::Values(TemporalCase{"localtime.truncate('day', localtime('12:31:14'))", "00:00"},
                      TemporalCase{"time.truncate('minute', time('12:31:14.5+01:00'), {second: 3})",
                                   "12:31:03+01:00"},
                      TemporalCase{"date.truncate('decade', date('-0015-06-01'))", "-0020-01-01"},
                      TemporalCase{"datetime.truncate('day', "
                                   "datetime('2017-10-29T12:00+01:00[Europe/Stockholm]'))",
                                   "2017-10-29T00:00+02:00[Europe/Stockholm]"},
                      TemporalCase{
                          "localdatetime.truncate('quarter', localdatetime('2017-12-31T23:59'))",
                          "2017-10-01T00:00"}));

INSTANTIATE_TEST_SUITE_P(
    Properties, TemporalOpsTest,
    ::testing::Values(
        TemporalCase{"date('2015-07-21').year", "2015"},
        TemporalCase{"date('2015-07-21').quarter", "3"},
        TemporalCase{"date('2015-07-21').week", "30"},
        TemporalCase{"date('2017-01-01').weekYear", "2016"},
        TemporalCase{"date('2015-07-21').dayOfWeek", "2"},
        TemporalCase{"date('2015-07-21').ordinalDay", "202"},
        TemporalCase{"date('2015-07-21').dayOfQuarter", "21"},
        TemporalCase{"localtime('12:31:14.645876123').millisecond", "645"},
        TemporalCase{"localtime('12:31:14.645876123').microsecond", "645876"},
        TemporalCase{"localtime('12:31:14.645876123').nanosecond", "645876123"},
        TemporalCase{"time('12:31:14+01:30').offset", "+01:30"},
        TemporalCase{"time('12:31:14+01:30').offsetMinutes", "90"},
        TemporalCase{"time('12:31:14Z').timezone", "Z"},
        TemporalCase{"datetime('2015-07-21T21:40:32.142+01:00[Europe/London]').timezone",
                     "Europe/London"},
        TemporalCase{"datetime('2015-07-21T21:40:32.142+01:00').epochMillis", "1437511232142"},
        TemporalCase{"datetime('1970-01-01T00:00:01Z').epochSeconds", "1"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').years", "1"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').months", "17"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').quartersOfYear", "1"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').monthsOfQuarter", "2"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').weeks", "3"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').daysOfWeek", "2"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').minutes", "184"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').minutesOfHour", "4"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').seconds", "11045"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').milliseconds", "11045006"},
        TemporalCase{"duration('P1Y5M3W2DT3H4M5.006S').millisecondsOfSecond", "6"},
        TemporalCase{"duration('PT-1.5S').seconds", "-2"},
        TemporalCase{"duration('PT-1.5S').nanosecondsOfSecond", "500000000"}));

INSTANTIATE_TEST_SUITE_P(
    TimeZones, TemporalOpsTest,
    ::testing::Values(
        // Gap: 02:30 does not exist on 2017-03-26 in Stockholm; java.time moves it forward.
        TemporalCase{"datetime({year: 2017, month: 3, day: 26, hour: 2, minute: 30, "
                     "timezone: 'Europe/Stockholm'})",
                     "2017-03-26T03:30+02:00[Europe/Stockholm]"},
        // Overlap: 02:30 happens twice on 2017-10-29; the earlier offset is taken.
        TemporalCase{"datetime({year: 2017, month: 10, day: 29, hour: 2, minute: 30, "
                     "timezone: 'Europe/Stockholm'})",
                     "2017-10-29T02:30+02:00[Europe/Stockholm]"},
        TemporalCase{"datetime('2017-10-29T02:30+01:00[Europe/Stockholm]')",
                     "2017-10-29T02:30+01:00[Europe/Stockholm]"},
        // After the zone file's transition table ends, its POSIX rule applies.
        TemporalCase{"datetime({year: 2100, month: 7, day: 1, timezone: 'Europe/Stockholm'})",
                     "2100-07-01T00:00+02:00[Europe/Stockholm]"},
        TemporalCase{"datetime({year: 2100, month: 1, day: 1, timezone: 'America/New_York'})",
                     "2100-01-01T00:00-05:00[America/New_York]"},
        TemporalCase{"datetime({year: 1900, month: 1, day: 1, timezone: 'Asia/Kolkata'})",
                     "1900-01-01T00:00+05:21:10[Asia/Kolkata]"},
        TemporalCase{"datetime({datetime: datetime('2018-06-01T12:00Z'), "
                     "timezone: 'Asia/Tokyo'})",
                     "2018-06-01T21:00+09:00[Asia/Tokyo]"},
        TemporalCase{"datetime({year: 2015, timezone: 'UTC'})", "2015-01-01T00:00Z[UTC]"},
        TemporalCase{"datetime.fromepoch(416779, 999999999)", "1970-01-05T19:46:19.999999999Z"},
        TemporalCase{"datetime.fromepochmillis(237821673987)", "1977-07-15T13:34:33.987Z"},
        TemporalCase{"datetime({epochSeconds: 1, nanosecond: 5, timezone: '+01:00'})",
                     "1970-01-01T01:00:01.000000005+01:00"}));

TEST(TemporalOpsTest, UnknownPropertiesAndNonTemporalValuesGiveNothing) {
  EXPECT_FALSE(TemporalProperty(E("date('2015-07-21')"), "hour").has_value());
  EXPECT_FALSE(TemporalProperty(E("localtime('12:00')"), "year").has_value());
  EXPECT_FALSE(TemporalProperty(E("localdatetime('2015-07-21T12:00')"), "offset").has_value());
  EXPECT_FALSE(TemporalProperty(Value(1), "year").has_value());
  EXPECT_FALSE(TemporalProperty(E("duration('P1D')"), "day").has_value());
}

TEST(TemporalOpsTest, ZoneDatabaseResolvesOffsets) {
  EXPECT_TRUE(tz::ZoneExists("Europe/Stockholm"));
  EXPECT_FALSE(tz::ZoneExists("Europe/Atlantis"));
  EXPECT_FALSE(tz::ZoneExists("../etc/passwd"));
  // 2017-10-29T01:00Z is the end of summer time in Stockholm.
  EXPECT_EQ(tz::OffsetAtInstant("Europe/Stockholm", 1509238799), 7200);
  EXPECT_EQ(tz::OffsetAtInstant("Europe/Stockholm", 1509238800), 3600);
  EXPECT_THROW(tz::OffsetAtInstant("Europe/Atlantis", 0), Error);
}

}  // namespace
}  // namespace parley::function
