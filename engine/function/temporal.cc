// Temporal building blocks: zones, taking values apart and putting them together, ISO
// week dates, and the fractional duration builder.
#include "engine/function/temporal.h"

#include <cmath>

#include "engine/function/arithmetic.h"
#include "engine/function/temporal_internal.h"
#include "engine/function/time_zone.h"
#include "parley/error.h"

namespace parley::function {

using temporal::kNanosPerSecond;

bool IsTemporal(const Value& v) { return v.type() >= ValueType::kDate; }

Duration MakeDuration(std::int64_t months, std::int64_t days, std::int64_t seconds,
                      std::int64_t nanos) {
  std::int64_t carry = temporal::FloorDiv(nanos, kNanosPerSecond);
  return Duration{months, days, CheckedAdd(seconds, carry),
                  static_cast<std::int32_t>(nanos - carry * kNanosPerSecond)};
}

namespace internal {

void ThrowTemporal(std::string message) {
  throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue", std::move(message));
}

namespace {

bool TwoDigits(std::string_view s, std::size_t at, std::int32_t& out) {
  if (at + 2 > s.size() || !std::isdigit(static_cast<unsigned char>(s[at])) ||
      !std::isdigit(static_cast<unsigned char>(s[at + 1]))) {
    return false;
  }
  out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return true;
}

}  // namespace

std::optional<std::int32_t> ParseOffset(std::string_view s) {
  if (s == "Z" || s == "z") return 0;
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  std::int32_t sign = s[0] == '-' ? -1 : 1;
  std::int32_t h = 0, m = 0, sec = 0;
  if (!TwoDigits(s, 1, h)) return std::nullopt;
  std::size_t i = 3;
  bool colon = i < s.size() && s[i] == ':';
  if (i < s.size()) {
    if (colon) ++i;
    if (!TwoDigits(s, i, m)) return std::nullopt;
    i += 2;
    if (i < s.size()) {
      if (colon != (s[i] == ':')) return std::nullopt;
      if (colon) ++i;
      if (!TwoDigits(s, i, sec)) return std::nullopt;
      i += 2;
    }
  }
  if (i != s.size() || h > 18 || m > 59 || sec > 59) return std::nullopt;
  return sign * (h * 3600 + m * 60 + sec);
}

Zone ParseZone(std::string_view s) {
  if (auto offset = ParseOffset(s)) return Zone{"", *offset};
  if (tz::ZoneExists(s)) return Zone{std::string(s), 0};
  if (s == "UTC" || s == "GMT") return Zone{"", 0};  // even without a zone database
  ThrowTemporal("unknown time zone '" + std::string(s) + "'");
}

std::int32_t OffsetAt(const Zone& zone, std::int64_t utc_seconds) {
  return zone.named() ? tz::OffsetAtInstant(zone.name, utc_seconds) : zone.offset;
}

Zone DefaultZone() { return Zone{"", 0}; }

Zone ZoneOf(const DateTime& t) {
  return t.zone.empty() ? Zone{"", t.offset_seconds} : Zone{t.zone, 0};
}

std::int64_t LocalDays(const DateTime& t) {
  return temporal::FloorDiv(t.seconds + t.offset_seconds, kSecondsPerDay);
}

std::int64_t LocalNanosOfDay(const DateTime& t) {
  std::int64_t local = t.seconds + t.offset_seconds;
  return (local - temporal::FloorDiv(local, kSecondsPerDay) * kSecondsPerDay) * kNanosPerSecond +
         t.nanos;
}

LocalDateTime MakeLocalDateTime(std::int64_t days, std::int64_t nanos_of_day) {
  return LocalDateTime{days * kSecondsPerDay + nanos_of_day / kNanosPerSecond,
                       static_cast<std::int32_t>(nanos_of_day % kNanosPerSecond)};
}

Parts Decompose(const Value& v) {
  Parts p;
  switch (v.type()) {
    case ValueType::kDate:
      p.days = std::get<Date>(v.storage()).days;
      break;
    case ValueType::kLocalTime:
      p.nanos = std::get<LocalTime>(v.storage()).nanos;
      break;
    case ValueType::kTime: {
      const Time& t = std::get<Time>(v.storage());
      p.nanos = t.nanos;
      p.zone = Zone{"", t.offset_seconds};
      p.offset = t.offset_seconds;
      break;
    }
    case ValueType::kLocalDateTime: {
      const LocalDateTime& t = std::get<LocalDateTime>(v.storage());
      p.days = temporal::FloorDiv(t.seconds, kSecondsPerDay);
      p.nanos = (t.seconds - *p.days * kSecondsPerDay) * kNanosPerSecond + t.nanos;
      break;
    }
    case ValueType::kDateTime: {
      const DateTime& t = std::get<DateTime>(v.storage());
      p.days = LocalDays(t);
      p.nanos = LocalNanosOfDay(t);
      p.zone = ZoneOf(t);
      p.offset = t.offset_seconds;
      break;
    }
    default:
      break;
  }
  return p;
}

DateTime MakeDateTime(std::int64_t days, std::int64_t nanos_of_day, const Zone& zone,
                      std::optional<std::int32_t> preferred_offset) {
  std::int64_t local = days * kSecondsPerDay + nanos_of_day / kNanosPerSecond;
  DateTime t;
  t.nanos = static_cast<std::int32_t>(nanos_of_day % kNanosPerSecond);
  if (zone.named()) {
    tz::LocalResolution r = tz::ResolveLocal(zone.name, local, preferred_offset);
    t.offset_seconds = r.offset;
    t.seconds = r.local_seconds - r.offset;
    t.zone = zone.name;
  } else {
    t.offset_seconds = zone.offset;
    t.seconds = local - zone.offset;
  }
  return t;
}

DateTime WithZoneSameInstant(const DateTime& t, const Zone& zone) {
  DateTime out = t;
  out.zone = zone.name;
  out.offset_seconds = OffsetAt(zone, t.seconds);
  return out;
}

std::int64_t DayOfWeek(std::int64_t days) {
  return ((days + 3) % 7 + 7) % 7 + 1;  // 1970-01-01 was a Thursday (4)
}

std::int64_t WeekYearStart(std::int64_t week_year) {
  std::int64_t jan4 = temporal::DaysFromCivil(week_year, 1, 4);
  return jan4 - (DayOfWeek(jan4) - 1);
}

std::int64_t WeekYear(std::int64_t days) {
  std::int64_t year = temporal::CivilFromDays(days).year;
  if (days >= WeekYearStart(year + 1)) return year + 1;
  if (days < WeekYearStart(year)) return year - 1;
  return year;
}

std::int64_t WeekOfWeekYear(std::int64_t days) {
  return (days - WeekYearStart(WeekYear(days))) / 7 + 1;
}

std::int64_t CheckedDaysFromCivil(std::int64_t year, std::int64_t month, std::int64_t day) {
  if (year < -999999999 || year > 999999999) ThrowTemporal("year out of range");
  if (month < 1 || month > 12) ThrowTemporal("invalid month " + std::to_string(month));
  auto m = static_cast<unsigned>(month);
  if (day < 1 || day > temporal::DaysInMonth(year, m)) {
    ThrowTemporal("invalid day of month " + std::to_string(day));
  }
  return temporal::DaysFromCivil(year, m, static_cast<unsigned>(day));
}

// ---- DurationBuilder ----

namespace {
constexpr long double kDaysPerMonth = 30.436875L;  // 365.2425 / 12
}  // namespace

void DurationBuilder::AddMonths(const Value& v, std::int64_t factor) {
  if (v.is_int()) {
    months_ = CheckedAdd(months_, CheckedMul(v.as_int(), factor));
    return;
  }
  long double x = static_cast<long double>(v.as_float()) * factor;
  long double whole = std::trunc(x);
  months_ = CheckedAdd(months_, static_cast<std::int64_t>(whole));
  AddFractionalDays((x - whole) * kDaysPerMonth);
}

void DurationBuilder::AddDays(const Value& v, std::int64_t factor) {
  if (v.is_int()) {
    days_ = CheckedAdd(days_, CheckedMul(v.as_int(), factor));
    return;
  }
  AddFractionalDays(static_cast<long double>(v.as_float()) * factor);
}

void DurationBuilder::AddFractionalDays(long double days) {
  long double whole = std::trunc(days);
  days_ = CheckedAdd(days_, static_cast<std::int64_t>(whole));
  nanos_ += static_cast<__int128>(std::llround((days - whole) * 86400.0L * 1e9L));
}

void DurationBuilder::AddNanos(const Value& v, std::int64_t nanos_per_unit) {
  if (v.is_int()) {
    nanos_ += static_cast<__int128>(v.as_int()) * nanos_per_unit;
    return;
  }
  long double x = static_cast<long double>(v.as_float()) * nanos_per_unit;
  nanos_ += static_cast<__int128>(std::llround(x));
}

Duration DurationBuilder::Build() const {
  __int128 secs = nanos_ / kNanosPerSecond;
  __int128 rem = nanos_ % kNanosPerSecond;
  if (rem < 0) {
    rem += kNanosPerSecond;
    secs -= 1;
  }
  if (secs > INT64_MAX || secs < INT64_MIN) {
    throw Error(ErrorKind::kRuntimeError, "IntegerOverflow", "duration out of range");
  }
  return Duration{months_, days_, static_cast<std::int64_t>(secs), static_cast<std::int32_t>(rem)};
}

}  // namespace internal
}  // namespace parley::function
