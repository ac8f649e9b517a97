// Cypher's temporal values: parsing, construction from maps, accessors, arithmetic and
// truncation. Semantics follow openCypher's temporal CIP, which follows java.time.
//
// The constructor functions (date(), datetime({...}), duration('P1D'), date.truncate...)
// are reached through scalar.h; this header exposes the pieces the executor and other
// engine code use directly. Errors are parley::Error: an unparsable string or an invalid
// field combination throws kArgumentError "InvalidArgumentValue"; a wrong argument type
// throws kTypeError "InvalidArgumentType". Pure and thread-safe.
#ifndef PARLEY_ENGINE_FUNCTION_TEMPORAL_H_
#define PARLEY_ENGINE_FUNCTION_TEMPORAL_H_

#include <optional>
#include <string_view>

#include "parley/value.h"

namespace parley::function {

// Whether v is one of the temporal types (date, local time, time, local datetime,
// datetime, duration).
bool IsTemporal(const Value& v);

// `v.key` for a temporal value: year, quarter, month, week, weekYear, weekDay / dayOfWeek,
// day, ordinalDay, dayOfQuarter, hour, minute, second, millisecond, microsecond,
// nanosecond, timezone, offset, offsetMinutes, offsetSeconds, epochSeconds, epochMillis;
// for durations: years, quarters, months, weeks, days, hours, minutes, seconds,
// milliseconds, microseconds, nanoseconds, quartersOfYear, monthsOfQuarter, monthsOfYear,
// daysOfWeek, minutesOfHour, secondsOfMinute, millisecondsOfSecond, microsecondsOfSecond,
// nanosecondsOfSecond. Keys are case-sensitive as in Cypher. Returns nullopt when v is
// not temporal or the key does not apply to its type.
std::optional<Value> TemporalProperty(const Value& v, std::string_view key);

// Parsers of the ISO 8601 forms openCypher accepts. Throw kArgumentError on bad input.
Date ParseDate(std::string_view s);
LocalTime ParseLocalTime(std::string_view s);
Time ParseTime(std::string_view s);
LocalDateTime ParseLocalDateTime(std::string_view s);
DateTime ParseDateTime(std::string_view s);
Duration ParseDuration(std::string_view s);

// Temporal arithmetic (also reached through arithmetic.h). `t` is a date, local time, time,
// local datetime or datetime; months apply first (clamping the day of month), then days,
// then seconds and nanos. Dates ignore the time part of the duration beyond whole days.
Value AddDuration(const Value& t, const Duration& d);
Duration AddDurations(const Duration& a, const Duration& b);
Duration NegateDuration(const Duration& d);
// d * factor and d / divisor, with fractional months and days cascading to smaller units.
Duration MultiplyDuration(const Duration& d, double factor);
Duration MultiplyDuration(const Duration& d, std::int64_t factor);
Duration DivideDuration(const Duration& d, double divisor);

// A normalised duration: nanos in [0, 1e9), seconds carrying the overflow.
Duration MakeDuration(std::int64_t months, std::int64_t days, std::int64_t seconds,
                      std::int64_t nanos);

}  // namespace parley::function

#endif  // PARLEY_ENGINE_FUNCTION_TEMPORAL_H_
