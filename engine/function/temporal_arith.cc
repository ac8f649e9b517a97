// Temporal arithmetic: durations added to instants, durations combined and scaled, and
// the duration between two temporal values. Follows java.time: months apply first, with
// the day of month clamped, then days, then the exact time.
#include "engine/function/arithmetic.h"
#include "engine/function/temporal.h"
#include "engine/function/temporal_internal.h"
#include "parley/error.h"

namespace parley::function {

using internal::kNanosPerDay;
using internal::kNanosPerSecond;
using internal::kSecondsPerDay;

namespace {

std::int64_t PlusMonths(std::int64_t days, std::int64_t months) {
  if (months == 0) return days;
  temporal::CivilDate c = temporal::CivilFromDays(days);
  std::int64_t total = CheckedAdd(c.year * 12 + (c.month - 1), months);
  std::int64_t y = temporal::FloorDiv(total, 12);
  auto m = static_cast<unsigned>(total - y * 12 + 1);
  unsigned d = std::min(c.day, temporal::DaysInMonth(y, m));
  return temporal::DaysFromCivil(y, m, d);
}

// Local (days, nanos of day) plus seconds and nanos, carrying into days.
void PlusTime(std::int64_t& days, std::int64_t& nanos, std::int64_t seconds,
              std::int64_t extra_nanos) {
  std::int64_t day_carry = temporal::FloorDiv(seconds, kSecondsPerDay);
  std::int64_t rem = seconds - day_carry * kSecondsPerDay;
  nanos += rem * kNanosPerSecond + extra_nanos;
  std::int64_t carry = temporal::FloorDiv(nanos, kNanosPerDay);
  nanos -= carry * kNanosPerDay;
  days = CheckedAdd(days, CheckedAdd(day_carry, carry));
}

std::int64_t WrapDay(std::int64_t nanos) {
  return ((nanos % kNanosPerDay) + kNanosPerDay) % kNanosPerDay;
}

std::int64_t TimeDelta(const Duration& d) {
  return (d.seconds % kSecondsPerDay) * kNanosPerSecond + d.nanos;
}

}  // namespace

Value AddDuration(const Value& t, const Duration& d) {
  switch (t.type()) {
    case ValueType::kDate: {
      std::int64_t days = std::get<Date>(t.storage()).days;
      days = CheckedAdd(PlusMonths(days, d.months), d.days);
      std::int64_t whole_days = (d.seconds + (d.seconds < 0 && d.nanos > 0)) / kSecondsPerDay;
      return Value(Date{CheckedAdd(days, whole_days)});
    }
    case ValueType::kLocalTime:
      return Value(LocalTime{WrapDay(std::get<LocalTime>(t.storage()).nanos + TimeDelta(d))});
    case ValueType::kTime: {
      const Time& x = std::get<Time>(t.storage());
      return Value(Time{WrapDay(x.nanos + TimeDelta(d)), x.offset_seconds});
    }
    case ValueType::kLocalDateTime: {
      internal::Parts p = internal::Decompose(t);
      std::int64_t days = CheckedAdd(PlusMonths(*p.days, d.months), d.days);
      std::int64_t nanos = *p.nanos;
      PlusTime(days, nanos, d.seconds, d.nanos);
      return Value(internal::MakeLocalDateTime(days, nanos));
    }
    case ValueType::kDateTime: {
      const DateTime& x = std::get<DateTime>(t.storage());
      internal::Parts p = internal::Decompose(t);
      std::int64_t days = CheckedAdd(PlusMonths(*p.days, d.months), d.days);
      DateTime moved = internal::MakeDateTime(days, *p.nanos, *p.zone, x.offset_seconds);
      std::int64_t nanos = moved.nanos + std::int64_t{d.nanos};
      moved.seconds = CheckedAdd(moved.seconds, CheckedAdd(d.seconds, nanos / kNanosPerSecond));
      moved.nanos = static_cast<std::int32_t>(nanos % kNanosPerSecond);
      return Value(internal::WithZoneSameInstant(moved, *p.zone));
    }
    default:
      throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                  "cannot add a duration to " + std::string(TypeName(t.type())));
  }
}

Duration AddDurations(const Duration& a, const Duration& b) {
  return MakeDuration(CheckedAdd(a.months, b.months), CheckedAdd(a.days, b.days),
                      CheckedAdd(a.seconds, b.seconds), std::int64_t{a.nanos} + b.nanos);
}

Duration NegateDuration(const Duration& d) {
  return MakeDuration(CheckedSub(0, d.months), CheckedSub(0, d.days), CheckedSub(0, d.seconds),
                      -std::int64_t{d.nanos});
}

Duration MultiplyDuration(const Duration& d, std::int64_t factor) {
  __int128 nanos = (static_cast<__int128>(d.seconds) * kNanosPerSecond + d.nanos) * factor;
  internal::DurationBuilder b;
  b.AddMonths(Value(d.months), factor);
  b.AddDays(Value(d.days), factor);
  __int128 secs = nanos / kNanosPerSecond;
  if (secs > INT64_MAX || secs < INT64_MIN) {
    throw Error(ErrorKind::kRuntimeError, "IntegerOverflow", "duration out of range");
  }
  b.AddNanos(Value(static_cast<std::int64_t>(secs)), kNanosPerSecond);
  b.AddNanos(Value(static_cast<std::int64_t>(nanos % kNanosPerSecond)), 1);
  return b.Build();
}

Duration MultiplyDuration(const Duration& d, double factor) {
  internal::DurationBuilder b;
  b.AddMonths(Value(static_cast<double>(d.months) * factor));
  b.AddDays(Value(static_cast<double>(d.days) * factor));
  b.AddNanos(Value(static_cast<double>(d.seconds) * factor), kNanosPerSecond);
  b.AddNanos(Value(static_cast<double>(d.nanos) * factor), 1);
  return b.Build();
}

Duration DivideDuration(const Duration& d, double divisor) {
  internal::DurationBuilder b;
  b.AddMonths(Value(static_cast<double>(d.months) / divisor));
  b.AddDays(Value(static_cast<double>(d.days) / divisor));
  b.AddNanos(Value(static_cast<double>(d.seconds) / divisor), kNanosPerSecond);
  b.AddNanos(Value(static_cast<double>(d.nanos) / divisor), 1);
  return b.Build();
}

namespace internal {
namespace {

// One side of a duration.between: a local date and time, and a zone if it has one.
struct Side {
  std::int64_t days = 0;
  std::int64_t nanos = 0;
  std::optional<Zone> zone;
  std::int32_t offset = 0;
};

// java.time's LocalDateTime.until for MONTHS and DAYS.
std::int64_t DateUntil(const Side& a, const Side& b, bool months) {
  std::int64_t end = b.days;
  if (end > a.days && b.nanos < a.nanos) --end;
  if (end < a.days && b.nanos > a.nanos) ++end;
  if (!months) return end - a.days;
  temporal::CivilDate x = temporal::CivilFromDays(a.days), y = temporal::CivilFromDays(end);
  std::int64_t p1 = (x.year * 12 + x.month - 1) * 32 + x.day;
  std::int64_t p2 = (y.year * 12 + y.month - 1) * 32 + y.day;
  return (p2 - p1) / 32;
}

// The instant of a zoned side as (seconds, nanos).
std::pair<std::int64_t, std::int64_t> InstantOf(const Side& s) {
  DateTime t = MakeDateTime(s.days, s.nanos, *s.zone, s.offset);
  return {t.seconds, t.nanos};
}

Duration TimeBetween(const Side& a, const Side& b) {
  if (a.zone) {
    auto [sa, na] = InstantOf(a);
    auto [sb, nb] = InstantOf(b);
    return MakeDuration(0, 0, CheckedSub(sb, sa), nb - na);
  }
  std::int64_t secs = CheckedSub(b.days, a.days) * kSecondsPerDay;
  return MakeDuration(0, 0, CheckedAdd(secs, b.nanos / kNanosPerSecond - a.nanos / kNanosPerSecond),
                      b.nanos % kNanosPerSecond - a.nanos % kNanosPerSecond);
}

}  // namespace

Duration DurationBetween(const Value& from, const Value& to, BetweenUnit unit) {
  for (const Value* v : {&from, &to}) {
    if (!IsTemporal(*v) || v->type() == ValueType::kDuration) {
      throw Error(
          ErrorKind::kTypeError, "InvalidArgumentType",
          "duration.between() needs temporal values, not " + std::string(TypeName(v->type())));
    }
  }
  Parts pa = Decompose(from), pb = Decompose(to);
  Side a, b;
  bool dates = pa.days || pb.days;
  a.days = pa.days.value_or(pb.days.value_or(0));
  b.days = pb.days.value_or(pa.days.value_or(0));
  a.nanos = pa.nanos.value_or(0);
  b.nanos = pb.nanos.value_or(0);
  a.zone = pa.zone;
  a.offset = pa.offset;
  b.zone = pb.zone;
  b.offset = pb.offset;
  if (!dates) {  // two times of day: compare instants of the day when both have offsets
    std::int64_t na = a.nanos, nb = b.nanos;
    if (a.zone && b.zone) {
      na -= std::int64_t{a.offset} * kNanosPerSecond;
      nb -= std::int64_t{b.offset} * kNanosPerSecond;
    }
    if (unit == BetweenUnit::kMonths || unit == BetweenUnit::kDays) return Duration{};
    return MakeDuration(0, 0, 0, nb - na);
  }
  if (a.zone && !b.zone) {
    b.zone = a.zone;
    b.offset = MakeDateTime(b.days, b.nanos, *b.zone).offset_seconds;
  } else if (b.zone && !a.zone) {
    a.zone = b.zone;
    a.offset = MakeDateTime(a.days, a.nanos, *a.zone).offset_seconds;
  } else if (a.zone && b.zone) {  // see `to` from `from`'s zone
    DateTime t = WithZoneSameInstant(MakeDateTime(b.days, b.nanos, *b.zone, b.offset), *a.zone);
    b.days = LocalDays(t);
    b.nanos = LocalNanosOfDay(t);
    b.zone = a.zone;
    b.offset = t.offset_seconds;
  }
  if (unit == BetweenUnit::kMonths) return Duration{DateUntil(a, b, true), 0, 0, 0};
  if (unit == BetweenUnit::kDays) return Duration{0, DateUntil(a, b, false), 0, 0};
  if (unit == BetweenUnit::kSeconds) return TimeBetween(a, b);
  std::int64_t months = DateUntil(a, b, true);
  a.days = PlusMonths(a.days, months);
  std::int64_t days = DateUntil(a, b, false);
  a.days += days;
  Duration rest = TimeBetween(a, b);
  return MakeDuration(months, days, rest.seconds, rest.nanos);
}

Duration DurationFromMap(const Map& m) {
  DurationBuilder b;
  for (const auto& [key, v] : m) {
    if (v.is_null()) continue;
    if (!v.is_number()) {
      throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                  "duration field " + key + " must be a number");
    }
    if (key == "years")
      b.AddMonths(v, 12);
    else if (key == "quarters")
      b.AddMonths(v, 3);
    else if (key == "months")
      b.AddMonths(v);
    else if (key == "weeks")
      b.AddDays(v, 7);
    else if (key == "days")
      b.AddDays(v);
    else if (key == "hours")
      b.AddNanos(v, 3600 * kNanosPerSecond);
    else if (key == "minutes")
      b.AddNanos(v, 60 * kNanosPerSecond);
    else if (key == "seconds")
      b.AddNanos(v, kNanosPerSecond);
    else if (key == "milliseconds")
      b.AddNanos(v, 1000000);
    else if (key == "microseconds")
      b.AddNanos(v, 1000);
    else if (key == "nanoseconds")
      b.AddNanos(v, 1);
    else
      ThrowTemporal("unknown duration field '" + key + "'");
  }
  return b.Build();
}

}  // namespace internal
}  // namespace parley::function
