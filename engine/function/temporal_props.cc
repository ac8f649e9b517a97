// Property access on temporal values: d.year, t.hour, dt.timezone, dur.minutesOfHour, ...
#include "engine/function/temporal.h"
#include "engine/function/temporal_internal.h"

namespace parley::function {
namespace {

using internal::kNanosPerSecond;

std::string FormatOffset(std::int32_t offset) {
  if (offset == 0) return "Z";
  // Reuse the Time rendering, which ends in the offset.
  std::string s = ToString(Time{0, offset});
  return s.substr(5);  // drop "00:00"
}

std::optional<Value> DateProperty(std::int64_t days, std::string_view key) {
  temporal::CivilDate c = temporal::CivilFromDays(days);
  std::int64_t quarter = (c.month - 1) / 3 + 1;
  if (key == "year") return Value(c.year);
  if (key == "quarter") return Value(quarter);
  if (key == "month") return Value(std::int64_t{c.month});
  if (key == "week") return Value(internal::WeekOfWeekYear(days));
  if (key == "weekYear") return Value(internal::WeekYear(days));
  if (key == "day") return Value(std::int64_t{c.day});
  if (key == "ordinalDay") return Value(days - temporal::DaysFromCivil(c.year, 1, 1) + 1);
  if (key == "weekDay" || key == "dayOfWeek") return Value(internal::DayOfWeek(days));
  if (key == "dayOfQuarter") {
    auto first = static_cast<unsigned>((quarter - 1) * 3 + 1);
    return Value(days - temporal::DaysFromCivil(c.year, first, 1) + 1);
  }
  return std::nullopt;
}

std::optional<Value> TimeProperty(std::int64_t nanos, std::string_view key) {
  std::int64_t secs = nanos / kNanosPerSecond;
  std::int64_t frac = nanos % kNanosPerSecond;
  if (key == "hour") return Value(secs / 3600);
  if (key == "minute") return Value(secs / 60 % 60);
  if (key == "second") return Value(secs % 60);
  if (key == "millisecond") return Value(frac / 1000000);
  if (key == "microsecond") return Value(frac / 1000);
  if (key == "nanosecond") return Value(frac);
  return std::nullopt;
}

std::optional<Value> ZoneProperty(std::int32_t offset, const std::string& zone,
                                  std::string_view key) {
  if (key == "timezone") return Value(zone.empty() ? FormatOffset(offset) : zone);
  if (key == "offset") return Value(FormatOffset(offset));
  if (key == "offsetMinutes") return Value(std::int64_t{offset / 60});
  if (key == "offsetSeconds") return Value(std::int64_t{offset});
  return std::nullopt;
}

std::optional<Value> DurationProperty(const Duration& d, std::string_view key) {
  // Seconds and nanos as a signed total, so that -1.5s reads as -1 s and -500 ms.
  std::int64_t secs = d.seconds, nanos = d.nanos;
  if (secs < 0 && nanos > 0) {
    secs += 1;
    nanos -= kNanosPerSecond;
  }
  if (key == "years") return Value(d.months / 12);
  if (key == "quarters") return Value(d.months / 3);
  if (key == "months") return Value(d.months);
  if (key == "weeks") return Value(d.days / 7);
  if (key == "days") return Value(d.days);
  if (key == "hours") return Value(secs / 3600);
  if (key == "minutes") return Value(secs / 60);
  if (key == "seconds") return Value(d.seconds);
  if (key == "milliseconds") return Value(d.seconds * 1000 + d.nanos / 1000000);
  if (key == "microseconds") return Value(d.seconds * 1000000 + d.nanos / 1000);
  if (key == "nanoseconds") return Value(d.seconds * kNanosPerSecond + d.nanos);
  if (key == "quartersOfYear") return Value(d.months / 3 % 4);
  if (key == "monthsOfQuarter") return Value(d.months % 3);
  if (key == "monthsOfYear") return Value(d.months % 12);
  if (key == "daysOfWeek") return Value(d.days % 7);
  if (key == "minutesOfHour") return Value(secs / 60 % 60);
  if (key == "secondsOfMinute") return Value(secs % 60);
  if (key == "millisecondsOfSecond") return Value(std::int64_t{d.nanos} / 1000000);
  if (key == "microsecondsOfSecond") return Value(std::int64_t{d.nanos} / 1000);
  if (key == "nanosecondsOfSecond") return Value(std::int64_t{d.nanos});
  return std::nullopt;
}

}  // namespace

std::optional<Value> TemporalProperty(const Value& v, std::string_view key) {
  if (!IsTemporal(v)) return std::nullopt;
  if (v.type() == ValueType::kDuration) {
    return DurationProperty(std::get<Duration>(v.storage()), key);
  }
  internal::Parts p = internal::Decompose(v);
  if (p.days) {
    if (auto r = DateProperty(*p.days, key)) return r;
  }
  if (p.nanos) {
    if (auto r = TimeProperty(*p.nanos, key)) return r;
  }
  if (v.type() == ValueType::kTime) {
    return ZoneProperty(std::get<Time>(v.storage()).offset_seconds, "", key);
  }
  if (v.type() == ValueType::kDateTime) {
    const DateTime& t = std::get<DateTime>(v.storage());
    if (key == "epochSeconds") return Value(t.seconds);
    if (key == "epochMillis") return Value(t.seconds * 1000 + t.nanos / 1000000);
    return ZoneProperty(t.offset_seconds, t.zone, key);
  }
  return std::nullopt;
}

}  // namespace parley::function
