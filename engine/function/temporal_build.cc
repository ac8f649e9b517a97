// Building temporal values from maps, other temporal values and truncation.
//
// A map names fields (year, month, day, week, dayOfWeek, ordinalDay, quarter, dayOfQuarter,
// hour, minute, second, millisecond, microsecond, nanosecond, timezone) and may select a
// base value under `date`, `time` or `datetime`. Fields override the base. A zone taken
// from the selected time or datetime is kept; a `timezone` given as well converts the
// result to that zone (same instant). Truncation builds the same way from the truncated
// value, except that a `timezone` override replaces the zone instead of converting.
#include <algorithm>
#include <cmath>

#include "engine/function/temporal.h"
#include "engine/function/temporal_internal.h"
#include "parley/error.h"

namespace parley::function::internal {
namespace {

bool HasDate(TemporalKind k) {
  return k == TemporalKind::kDate || k == TemporalKind::kLocalDateTime ||
         k == TemporalKind::kDateTime;
}
bool HasTime(TemporalKind k) { return k != TemporalKind::kDate; }
bool HasZone(TemporalKind k) { return k == TemporalKind::kTime || k == TemporalKind::kDateTime; }

class Fields {
 public:
  explicit Fields(const Map& m) : m_(m) {}
  bool Has(std::string_view k) const {
    auto it = m_.find(k);
    return it != m_.end() && !it->second.is_null();
  }
  std::optional<std::int64_t> Int(std::string_view k) const {
    auto it = m_.find(k);
    if (it == m_.end() || it->second.is_null()) return std::nullopt;
    if (!it->second.is_int()) {
      throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                  "temporal field " + std::string(k) + " must be an integer");
    }
    return it->second.as_int();
  }
  const Value* Get(std::string_view k) const {
    auto it = m_.find(k);
    return it == m_.end() || it->second.is_null() ? nullptr : &it->second;
  }

 private:
  const Map& m_;
};

void CheckRange(std::int64_t v, std::int64_t lo, std::int64_t hi, std::string_view field) {
  if (v < lo || v > hi) {
    ThrowTemporal("invalid value for " + std::string(field) + ": " + std::to_string(v));
  }
}

std::int64_t QuarterStart(std::int64_t year, std::int64_t quarter) {
  return temporal::DaysFromCivil(year, static_cast<unsigned>((quarter - 1) * 3 + 1), 1);
}

// The date the fields describe, relative to `base` when there is one.
std::optional<std::int64_t> BuildDays(const Fields& f, std::optional<std::int64_t> base) {
  std::optional<temporal::CivilDate> civil;
  if (base) civil = temporal::CivilFromDays(*base);
  std::optional<std::int64_t> year = f.Int("year");
  bool week_shape = f.Has("week") || (f.Has("dayOfWeek") && !f.Has("month") && !f.Has("day") &&
                                      !f.Has("ordinalDay") && !f.Has("quarter"));
  if (!year && !base) {
    if (f.Has("month") || f.Has("day") || week_shape || f.Has("ordinalDay") || f.Has("quarter") ||
        f.Has("dayOfQuarter")) {
      ThrowTemporal("a year must be given");
    }
    return std::nullopt;
  }
  if (week_shape) {
    std::int64_t wy = year.value_or(base ? WeekYear(*base) : 0);
    std::int64_t start = WeekYearStart(wy);
    std::int64_t week = f.Int("week").value_or(base ? WeekOfWeekYear(*base) : 1);
    std::int64_t dow = f.Int("dayOfWeek").value_or(base ? DayOfWeek(*base) : 1);
    CheckRange(week, 1, (WeekYearStart(wy + 1) - start) / 7, "week");
    CheckRange(dow, 1, 7, "dayOfWeek");
    return start + (week - 1) * 7 + dow - 1;
  }
  std::int64_t y = year.value_or(civil ? civil->year : 0);
  CheckRange(y, -999999999, 999999999, "year");
  if (f.Has("ordinalDay")) {
    std::int64_t od = *f.Int("ordinalDay");
    CheckRange(od, 1, temporal::IsLeapYear(y) ? 366 : 365, "ordinalDay");
    return temporal::DaysFromCivil(y, 1, 1) + od - 1;
  }
  if (f.Has("quarter") || f.Has("dayOfQuarter")) {
    std::int64_t base_q = civil ? (civil->month - 1) / 3 + 1 : 1;
    std::int64_t q = f.Int("quarter").value_or(base_q);
    CheckRange(q, 1, 4, "quarter");
    std::int64_t base_doq = base ? *base - QuarterStart(civil->year, base_q) + 1 : 1;
    std::int64_t doq = f.Int("dayOfQuarter").value_or(base_doq);
    std::int64_t start = QuarterStart(y, q);
    std::int64_t end = q == 4 ? temporal::DaysFromCivil(y + 1, 1, 1) : QuarterStart(y, q + 1);
    CheckRange(doq, 1, end - start, "dayOfQuarter");
    return start + doq - 1;
  }
  std::int64_t m = f.Int("month").value_or(civil ? civil->month : 1);
  std::int64_t d = f.Int("day").value_or(civil ? civil->day : 1);
  return CheckedDaysFromCivil(y, m, d);
}

std::int64_t SubSecond(const Fields& f, std::int64_t base) {
  auto ms = f.Int("millisecond"), us = f.Int("microsecond"), ns = f.Int("nanosecond");
  if (ms) CheckRange(*ms, 0, 999, "millisecond");
  if (us) CheckRange(*us, 0, 999999, "microsecond");
  if (ns) CheckRange(*ns, 0, 999999999, "nanosecond");
  if (ms) return *ms * 1000000 + us.value_or(0) * 1000 + ns.value_or(0);
  std::int64_t base_ms = base / 1000000 * 1000000;
  std::int64_t base_us = base / 1000 * 1000;
  if (us) return (*us >= 1000 ? 0 : base_ms) + *us * 1000 + ns.value_or(0);
  if (ns) return *ns >= 1000000 ? *ns : (*ns >= 1000 ? base_ms : base_us) + *ns;
  return base;
}

// The time of day the fields describe, relative to `base` when there is one.
std::int64_t BuildNanos(const Fields& f, std::optional<std::int64_t> base) {
  std::int64_t b = base.value_or(0);
  std::int64_t secs = b / kNanosPerSecond;
  std::int64_t h = f.Int("hour").value_or(secs / 3600);
  std::int64_t m = f.Int("minute").value_or(secs / 60 % 60);
  std::int64_t s = f.Int("second").value_or(secs % 60);
  CheckRange(h, 0, 23, "hour");
  CheckRange(m, 0, 59, "minute");
  CheckRange(s, 0, 59, "second");
  return (h * 3600 + m * 60 + s) * kNanosPerSecond + SubSecond(f, b % kNanosPerSecond);
}

Value Assemble(TemporalKind kind, std::int64_t days, std::int64_t nanos, const Zone& zone,
               std::optional<std::int32_t> preferred, std::int64_t now_seconds) {
  switch (kind) {
    case TemporalKind::kDate:
      return Value(Date{days});
    case TemporalKind::kLocalTime:
      return Value(LocalTime{nanos});
    case TemporalKind::kTime: {
      std::int32_t offset =
          zone.named() ? preferred.value_or(OffsetAt(zone, now_seconds)) : zone.offset;
      return Value(Time{nanos, offset});
    }
    case TemporalKind::kLocalDateTime:
      return Value(MakeLocalDateTime(days, nanos));
    case TemporalKind::kDateTime:
      return Value(MakeDateTime(days, nanos, zone, preferred));
  }
  return {};
}

// Converts a built value from its zone to `target`, keeping the instant.
Value Convert(const Value& v, const Zone& target, std::int64_t now_seconds) {
  if (v.type() == ValueType::kDateTime) {
    return Value(WithZoneSameInstant(std::get<DateTime>(v.storage()), target));
  }
  const Time& t = std::get<Time>(v.storage());
  std::int32_t offset = target.named() ? OffsetAt(target, now_seconds) : target.offset;
  std::int64_t nanos = t.nanos + std::int64_t{offset - t.offset_seconds} * kNanosPerSecond;
  nanos = ((nanos % kNanosPerDay) + kNanosPerDay) % kNanosPerDay;
  return Value(Time{nanos, offset});
}

struct Base {
  Parts parts;
  bool zone_from_selection = false;
};

Base SelectBase(const Fields& f, const Value* whole) {
  Base b;
  if (whole) {
    b.parts = Decompose(*whole);
    b.zone_from_selection = b.parts.zone.has_value();
    return b;
  }
  if (const Value* dt = f.Get("datetime")) {
    if (!IsTemporal(*dt)) ThrowTemporal("`datetime` must be a temporal value");
    b.parts = Decompose(*dt);
    b.zone_from_selection = b.parts.zone.has_value();
  }
  if (const Value* d = f.Get("date")) {
    if (!IsTemporal(*d)) ThrowTemporal("`date` must be a temporal value");
    b.parts.days = Decompose(*d).days;
  }
  if (const Value* t = f.Get("time")) {
    if (!IsTemporal(*t)) ThrowTemporal("`time` must be a temporal value");
    Parts tp = Decompose(*t);
    b.parts.nanos = tp.nanos;
    b.parts.zone = tp.zone;
    b.parts.offset = tp.offset;
    b.zone_from_selection = tp.zone.has_value();
  }
  return b;
}

Value BuildFrom(TemporalKind kind, const Fields& f, const Base& base, bool convert_zone,
                const DateTime& now) {
  std::optional<std::int64_t> days;
  if (HasDate(kind)) {
    days = BuildDays(f, base.parts.days);
    if (!days) ThrowTemporal("a date needs a year");
  }
  std::int64_t nanos = HasTime(kind) ? BuildNanos(f, base.parts.nanos) : 0;
  if (!HasZone(kind)) return Assemble(kind, days.value_or(0), nanos, DefaultZone(), {}, 0);
  std::optional<Zone> requested;
  if (const Value* tz = f.Get("timezone")) {
    if (!tz->is_string()) ThrowTemporal("timezone must be a string");
    requested = ParseZone(tz->as_string());
  }
  if (base.parts.zone && (!requested || convert_zone)) {
    Value v =
        Assemble(kind, days.value_or(0), nanos, *base.parts.zone, base.parts.offset, now.seconds);
    return requested ? Convert(v, *requested, now.seconds) : v;
  }
  return Assemble(kind, days.value_or(0), nanos, requested.value_or(DefaultZone()), {},
                  now.seconds);
}

bool OnlyTimezone(const Map& m) {
  for (const auto& [k, v] : m) {
    if (k != "timezone") return false;
  }
  return true;
}

// Rejects keys no temporal constructor knows (a misspelt field would otherwise be ignored).
void CheckKeys(const Map& m) {
  static constexpr std::string_view kKnown[] = {
      "year",         "month", "day",    "week",     "dayOfWeek",    "ordinalDay",  "quarter",
      "dayOfQuarter", "hour",  "minute", "second",   "millisecond",  "microsecond", "nanosecond",
      "timezone",     "date",  "time",   "datetime", "epochSeconds", "epochMillis"};
  for (const auto& [k, v] : m) {
    if (std::find(std::begin(kKnown), std::end(kKnown), k) == std::end(kKnown)) {
      ThrowTemporal("no temporal field named '" + k + "'");
    }
  }
}

Value FromEpochFields(const Fields& f) {
  std::int64_t seconds = 0, nanos = f.Int("nanosecond").value_or(0);
  if (auto s = f.Int("epochSeconds")) seconds = *s;
  if (auto ms = f.Int("epochMillis")) {
    seconds = temporal::FloorDiv(*ms, 1000);
    nanos += (*ms - seconds * 1000) * 1000000;
  }
  DateTime t{seconds + nanos / kNanosPerSecond, static_cast<std::int32_t>(nanos % kNanosPerSecond),
             0, ""};
  if (const Value* tz = f.Get("timezone")) {
    if (!tz->is_string()) ThrowTemporal("timezone must be a string");
    t = WithZoneSameInstant(t, ParseZone(tz->as_string()));
  }
  return Value(t);
}

Value Parse(TemporalKind kind, const std::string& s) {
  switch (kind) {
    case TemporalKind::kDate:
      return Value(ParseDate(s));
    case TemporalKind::kLocalTime:
      return Value(ParseLocalTime(s));
    case TemporalKind::kTime:
      return Value(ParseTime(s));
    case TemporalKind::kLocalDateTime:
      return Value(ParseLocalDateTime(s));
    case TemporalKind::kDateTime:
      return Value(ParseDateTime(s));
  }
  return {};
}

}  // namespace

Value NowTemporal(TemporalKind kind, const DateTime& now, const Zone& zone) {
  DateTime local = WithZoneSameInstant(now, zone);
  std::int64_t days = LocalDays(local);
  std::int64_t nanos = LocalNanosOfDay(local);
  switch (kind) {
    case TemporalKind::kDate:
      return Value(Date{days});
    case TemporalKind::kLocalTime:
      return Value(LocalTime{nanos});
    case TemporalKind::kTime:
      return Value(Time{nanos, local.offset_seconds});
    case TemporalKind::kLocalDateTime:
      return Value(MakeLocalDateTime(days, nanos));
    case TemporalKind::kDateTime:
      return Value(local);
  }
  return {};
}

Value BuildTemporal(TemporalKind kind, const Value& arg, const DateTime& now) {
  if (arg.is_null()) return {};
  if (arg.is_string()) return Parse(kind, arg.as_string());
  if (IsTemporal(arg) && arg.type() != ValueType::kDuration) {
    static const Map kEmpty;
    Fields none(kEmpty);
    return BuildFrom(kind, none, SelectBase(none, &arg), true, now);
  }
  if (!arg.is_map()) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                "a temporal value needs a string, a map or a temporal value, not " +
                    std::string(TypeName(arg.type())));
  }
  const Map& m = arg.as_map();
  CheckKeys(m);
  Fields f(m);
  if (OnlyTimezone(m)) {
    const Value* tz = f.Get("timezone");
    return NowTemporal(kind, now, tz ? ParseZone(tz->as_string()) : DefaultZone());
  }
  if (kind == TemporalKind::kDateTime && (f.Has("epochSeconds") || f.Has("epochMillis"))) {
    return FromEpochFields(f);
  }
  return BuildFrom(kind, f, SelectBase(f, nullptr), true, now);
}

namespace {

// The value `v` truncated to `unit`, as a base for BuildFrom.
Parts Truncated(std::string_view unit, const Value& v) {
  Parts p = Decompose(v);
  std::int64_t d = p.days.value_or(0);
  temporal::CivilDate c = temporal::CivilFromDays(d);
  auto year_floor = [&](std::int64_t n) {
    return temporal::DaysFromCivil(temporal::FloorDiv(c.year, n) * n, 1, 1);
  };
  std::int64_t nanos = p.nanos.value_or(0);
  if (unit == "millennium")
    d = year_floor(1000);
  else if (unit == "century")
    d = year_floor(100);
  else if (unit == "decade")
    d = year_floor(10);
  else if (unit == "year")
    d = year_floor(1);
  else if (unit == "weekYear")
    d = WeekYearStart(WeekYear(d));
  else if (unit == "quarter")
    d = QuarterStart(c.year, (c.month - 1) / 3 + 1);
  else if (unit == "month")
    d = temporal::DaysFromCivil(c.year, c.month, 1);
  else if (unit == "week")
    d -= DayOfWeek(d) - 1;
  else if (unit == "day") {
  } else if (unit == "hour")
    nanos -= nanos % (3600 * kNanosPerSecond);
  else if (unit == "minute")
    nanos -= nanos % (60 * kNanosPerSecond);
  else if (unit == "second")
    nanos -= nanos % kNanosPerSecond;
  else if (unit == "millisecond")
    nanos -= nanos % 1000000;
  else if (unit == "microsecond")
    nanos -= nanos % 1000;
  else
    ThrowTemporal("unknown truncation unit '" + std::string(unit) + "'");
  bool date_unit = unit == "millennium" || unit == "century" || unit == "decade" ||
                   unit == "year" || unit == "weekYear" || unit == "quarter" || unit == "month" ||
                   unit == "week" || unit == "day";
  if (date_unit) {  // a time of day truncated to its day is midnight
    if (!p.days && unit != "day") ThrowTemporal("cannot truncate a time to " + std::string(unit));
    nanos = 0;
  }
  if (p.days) p.days = d;
  p.nanos = nanos;
  return p;
}

}  // namespace

Value TruncateTemporal(TemporalKind kind, std::string_view unit, const Value& v,
                       const Map& overrides) {
  if (!IsTemporal(v) || v.type() == ValueType::kDuration) {
    throw Error(ErrorKind::kTypeError, "InvalidArgumentType",
                "truncate() needs a temporal value, not " + std::string(TypeName(v.type())));
  }
  Base base;
  base.parts = Truncated(unit, v);
  if (HasDate(kind) && !base.parts.days) ThrowTemporal("cannot truncate a time to a date");
  CheckKeys(overrides);
  Fields f(overrides);
  return BuildFrom(kind, f, base, false, DateTime{});
}

}  // namespace parley::function::internal
