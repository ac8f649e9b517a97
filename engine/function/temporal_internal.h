// Helpers shared by the temporal implementation files. Internal to the component.
#ifndef PARLEY_ENGINE_FUNCTION_TEMPORAL_INTERNAL_H_
#define PARLEY_ENGINE_FUNCTION_TEMPORAL_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/common/temporal_math.h"
#include "parley/value.h"

namespace parley::function::internal {

using temporal::kNanosPerDay;
using temporal::kNanosPerSecond;
using temporal::kSecondsPerDay;

// A time zone: a fixed offset (name empty) or a named zone.
struct Zone {
  std::string name;
  std::int32_t offset = 0;  // the fixed offset; unused for named zones
  bool named() const { return !name.empty(); }
};

// "Z", "+01:00", "+0100", "+01", "-02:05:07" as seconds east of UTC, or nullopt.
std::optional<std::int32_t> ParseOffset(std::string_view s);
// An offset or a zone name; throws kArgumentError for anything else.
Zone ParseZone(std::string_view s);
// The offset of `zone` at the instant `utc_seconds`.
std::int32_t OffsetAt(const Zone& zone, std::int64_t utc_seconds);

// A temporal value taken apart into a local date, a local time of day and a zone.
struct Parts {
  std::optional<std::int64_t> days;   // local date, days since the epoch
  std::optional<std::int64_t> nanos;  // local time of day
  std::optional<Zone> zone;           // for time and datetime
  std::int32_t offset = 0;            // the offset in force, when zone is set
};
// REQUIRES: v is a date, local time, time, local datetime or datetime.
Parts Decompose(const Value& v);

// A datetime from a local date and time in `zone` (resolving gaps and overlaps, see
// time_zone.h), and the same instant seen in another zone.
DateTime MakeDateTime(std::int64_t days, std::int64_t nanos_of_day, const Zone& zone,
                      std::optional<std::int32_t> preferred_offset = std::nullopt);
DateTime WithZoneSameInstant(const DateTime& t, const Zone& zone);
Zone ZoneOf(const DateTime& t);

// Local days and time of day of a datetime.
std::int64_t LocalDays(const DateTime& t);
std::int64_t LocalNanosOfDay(const DateTime& t);
LocalDateTime MakeLocalDateTime(std::int64_t days, std::int64_t nanos_of_day);

// ISO week dates. Days are days since the epoch; weekdays run 1 (Monday) to 7 (Sunday).
std::int64_t DayOfWeek(std::int64_t days);
std::int64_t WeekYearStart(std::int64_t week_year);  // Monday of week 1
std::int64_t WeekYear(std::int64_t days);
std::int64_t WeekOfWeekYear(std::int64_t days);

// Days since the epoch of a civil date, with the fields checked (throws kArgumentError).
std::int64_t CheckedDaysFromCivil(std::int64_t year, std::int64_t month, std::int64_t day);

// The default zone for values built without one (UTC).
Zone DefaultZone();

// The five kinds of instant-like temporal values.
enum class TemporalKind : std::uint8_t { kDate, kLocalTime, kTime, kLocalDateTime, kDateTime };

// date(x), localtime(x), ...: from a string (parsed), a map (fields, selection of other
// temporal values under `date`, `time` and `datetime`, and `timezone`), or another temporal
// value (converted). `now` is the instant a map with no fields refers to.
Value BuildTemporal(TemporalKind kind, const Value& arg, const DateTime& now);
// date.truncate(unit, value, overrides) etc.
Value TruncateTemporal(TemporalKind kind, std::string_view unit, const Value& v,
                       const Map& overrides);
// The current date/time of `kind` at instant `now` seen in `zone`.
Value NowTemporal(TemporalKind kind, const DateTime& now, const Zone& zone);

// duration.between / inMonths / inDays / inSeconds. REQUIRES: neither is null.
enum class BetweenUnit : std::uint8_t { kAll, kMonths, kDays, kSeconds };
Duration DurationBetween(const Value& from, const Value& to, BetweenUnit unit);
// duration(map): years, quarters, months, weeks, days, hours, minutes, seconds,
// milliseconds, microseconds, nanoseconds, each an integer or a float.
Duration DurationFromMap(const Map& m);

[[noreturn]] void ThrowTemporal(std::string message);

// Builds a duration from components that may be fractional, cascading fractions of months
// to days (30.436875 days a month) and of days to seconds, as openCypher specifies.
class DurationBuilder {
 public:
  void AddMonths(const Value& v, std::int64_t factor = 1);
  void AddDays(const Value& v, std::int64_t factor = 1);
  void AddNanos(const Value& v, std::int64_t nanos_per_unit);
  Duration Build() const;

 private:
  void AddFractionalDays(long double days);
  std::int64_t months_ = 0;
  std::int64_t days_ = 0;
  __int128 nanos_ = 0;
};

}  // namespace parley::function::internal

#endif  // PARLEY_ENGINE_FUNCTION_TEMPORAL_INTERNAL_H_
