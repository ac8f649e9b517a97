// Parsers of the ISO 8601 string forms openCypher accepts for temporal values: calendar
// (2015-07-21, 20150721, 2015-07), week (2015-W30-2, 2015W302, 2015-W30), quarter
// (2015-Q2-60, 2015Q260, 2015-Q2), ordinal (2015-202, 2015202) and year-only dates; times
// with optional minutes, seconds and a fraction of up to nine digits, in extended or basic
// form; offsets (Z, +01:00, +0100, +01) and zone ids in brackets; durations in unit form
// (P1Y2M3W4DT5H6M7.5S, with signs and fractions) and in the alternative form
// P0001-02-03T04:05:06.
#include <cctype>

#include "engine/function/temporal.h"
#include "engine/function/temporal_internal.h"

namespace parley::function {
namespace {

using internal::ThrowTemporal;
using temporal::kNanosPerSecond;

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  std::size_t DigitRun() const {
    std::size_t n = 0;
    while (std::isdigit(static_cast<unsigned char>(Peek(n)))) ++n;
    return n;
  }
  std::int64_t Digits(std::size_t n) {
    std::int64_t v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s_[i_++] - '0');
    return v;
  }
  std::string_view Rest() const { return s_.substr(std::min(i_, s_.size())); }
  void Advance(std::size_t n) { i_ += n; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

[[noreturn]] void Bad(std::string_view what, std::string_view s) {
  ThrowTemporal("text cannot be parsed to a " + std::string(what) + ": '" + std::string(s) + "'");
}

// After "YYYY-Q" or "YYYYQ": the quarter and an optional day of the quarter (2015-Q2-60).
std::int64_t ParseQuarterDate(Cursor& c, std::int64_t year, bool extended, std::string_view whole) {
  if (c.DigitRun() < 1) Bad("date", whole);
  std::int64_t quarter = c.Digits(1);
  std::int64_t day = 1;
  if (extended ? c.Eat('-') : c.DigitRun() > 0) {
    if (c.DigitRun() != 2) Bad("date", whole);
    day = c.Digits(2);
  }
  if (quarter < 1 || quarter > 4) Bad("date", whole);
  auto first_month = static_cast<unsigned>((quarter - 1) * 3 + 1);
  std::int64_t start = temporal::DaysFromCivil(year, first_month, 1);
  std::int64_t end = quarter == 4 ? temporal::DaysFromCivil(year + 1, 1, 1)
                                  : temporal::DaysFromCivil(year, first_month + 3, 1);
  if (day < 1 || day > end - start) Bad("date", whole);
  return start + day - 1;
}

std::int64_t ParseDatePart(Cursor& c, std::string_view whole) {
  std::int64_t sign = 1;
  std::int64_t year;
  if (c.Peek() == '+' || c.Peek() == '-') {
    sign = c.Peek() == '-' ? -1 : 1;
    c.Advance(1);
    std::size_t n = c.DigitRun();
    if (n < 4 || n > 9) Bad("date", whole);
    // In basic form the year is followed by more digits: take only what is the year.
    year = c.Digits(n);
  } else {
    if (c.DigitRun() < 4) Bad("date", whole);
    year = c.Digits(4);
  }
  year *= sign;
  bool extended = c.Eat('-');
  if (c.AtEnd() || c.Peek() == 'T') return internal::CheckedDaysFromCivil(year, 1, 1);
  if (c.Eat('W')) {
    if (c.DigitRun() < 2) Bad("date", whole);
    std::int64_t week = c.Digits(2);
    std::int64_t dow = 1;
    if (extended ? c.Eat('-') : c.DigitRun() > 0) {
      if (c.DigitRun() < 1) Bad("date", whole);
      dow = c.Digits(1);
    }
    std::int64_t start = internal::WeekYearStart(year);
    if (week < 1 || week > (internal::WeekYearStart(year + 1) - start) / 7 || dow < 1 || dow > 7) {
      Bad("date", whole);
    }
    return start + (week - 1) * 7 + dow - 1;
  }
  if (c.Eat('Q')) return ParseQuarterDate(c, year, extended, whole);
  std::size_t n = c.DigitRun();
  if (extended) {
    if (n == 3) {
      std::int64_t ordinal = c.Digits(3);
      if (ordinal < 1 || ordinal > (temporal::IsLeapYear(year) ? 366 : 365)) Bad("date", whole);
      return temporal::DaysFromCivil(year, 1, 1) + ordinal - 1;
    }
    if (n != 2) Bad("date", whole);
    std::int64_t month = c.Digits(2);
    std::int64_t day = 1;
    if (c.Eat('-')) {
      if (c.DigitRun() != 2) Bad("date", whole);
      day = c.Digits(2);
    }
    return internal::CheckedDaysFromCivil(year, month, day);
  }
  if (n == 3) {
    std::int64_t ordinal = c.Digits(3);
    if (ordinal < 1 || ordinal > (temporal::IsLeapYear(year) ? 366 : 365)) Bad("date", whole);
    return temporal::DaysFromCivil(year, 1, 1) + ordinal - 1;
  }
  if (n == 4) {
    std::int64_t month = c.Digits(2);
    return internal::CheckedDaysFromCivil(year, month, c.Digits(2));
  }
  if (n == 2) return internal::CheckedDaysFromCivil(year, c.Digits(2), 1);
  Bad("date", whole);
}

std::int64_t ParseTimePart(Cursor& c, std::string_view whole) {
  if (c.DigitRun() < 2) Bad("time", whole);
  std::int64_t h = c.Digits(2), m = 0, s = 0, frac = 0;
  bool extended = c.Peek() == ':';
  auto next_field = [&]() {
    if (extended) {
      if (!c.Eat(':')) return false;
      if (c.DigitRun() < 2) Bad("time", whole);
      return true;
    }
    return c.DigitRun() >= 2;
  };
  if (next_field()) {
    m = c.Digits(2);
    if (next_field()) {
      s = c.Digits(2);
      if (c.Peek() == '.' || c.Peek() == ',') {
        c.Advance(1);
        std::size_t n = c.DigitRun();
        if (n < 1 || n > 9) Bad("time", whole);
        frac = c.Digits(n);
        for (std::size_t k = n; k < 9; ++k) frac *= 10;
      }
    }
  }
  if (h > 23 || m > 59 || s > 59) Bad("time", whole);
  return ((h * 60 + m) * 60 + s) * kNanosPerSecond + frac;
}

// The zone suffix: an offset, a bracketed zone id, both, or nothing.
struct ZoneSuffix {
  std::optional<std::int32_t> offset;
  std::string name;
};

ZoneSuffix ParseZoneSuffix(Cursor& c, std::string_view whole) {
  ZoneSuffix z;
  std::string_view rest = c.Rest();
  std::size_t bracket = rest.find('[');
  std::string_view offset = rest.substr(0, bracket);
  if (!offset.empty()) {
    z.offset = internal::ParseOffset(offset);
    if (!z.offset) Bad("zoned value", whole);
  }
  if (bracket != std::string_view::npos) {
    if (rest.back() != ']') Bad("zoned value", whole);
    z.name = std::string(rest.substr(bracket + 1, rest.size() - bracket - 2));
    internal::Zone parsed = internal::ParseZone(z.name);
    if (!parsed.named()) {
      z.offset = parsed.offset;
      z.name.clear();
    }
  }
  c.Advance(rest.size());
  return z;
}

void ExpectEnd(const Cursor& c, std::string_view what, std::string_view whole) {
  if (!c.AtEnd()) Bad(what, whole);
}

}  // namespace

Date ParseDate(std::string_view s) {
  Cursor c(s);
  std::int64_t days = ParseDatePart(c, s);
  ExpectEnd(c, "date", s);
  return Date{days};
}

LocalTime ParseLocalTime(std::string_view s) {
  Cursor c(s);
  std::int64_t nanos = ParseTimePart(c, s);
  ExpectEnd(c, "local time", s);
  return LocalTime{nanos};
}

Time ParseTime(std::string_view s) {
  Cursor c(s);
  std::int64_t nanos = ParseTimePart(c, s);
  ZoneSuffix z = ParseZoneSuffix(c, s);
  if (!z.name.empty() && !z.offset) {
    z.offset = internal::OffsetAt(internal::Zone{z.name, 0}, 0);
  }
  return Time{nanos, z.offset.value_or(0)};
}

LocalDateTime ParseLocalDateTime(std::string_view s) {
  Cursor c(s);
  std::int64_t days = ParseDatePart(c, s);
  std::int64_t nanos = 0;
  if (c.Eat('T')) nanos = ParseTimePart(c, s);
  ExpectEnd(c, "local date time", s);
  return internal::MakeLocalDateTime(days, nanos);
}

DateTime ParseDateTime(std::string_view s) {
  Cursor c(s);
  std::int64_t days = ParseDatePart(c, s);
  std::int64_t nanos = 0;
  if (c.Eat('T')) nanos = ParseTimePart(c, s);
  ZoneSuffix z = ParseZoneSuffix(c, s);
  if (!z.name.empty()) {
    return internal::MakeDateTime(days, nanos, internal::Zone{z.name, 0}, z.offset);
  }
  internal::Zone zone = z.offset ? internal::Zone{"", *z.offset} : internal::DefaultZone();
  return internal::MakeDateTime(days, nanos, zone);
}

namespace {

// A signed decimal number: its integer value, or its float value when it has a fraction.
Value ParseDurationNumber(Cursor& c, std::string_view whole) {
  bool negative = c.Eat('-');
  if (!negative) c.Eat('+');
  std::size_t n = c.DigitRun();
  if (n == 0 || n > 18) Bad("duration", whole);
  std::int64_t integer = c.Digits(n);
  if (c.Peek() == '.' || c.Peek() == ',') {
    c.Advance(1);
    std::size_t f = c.DigitRun();
    if (f == 0 || f > 9) Bad("duration", whole);
    std::string text = std::to_string(integer) + "." + std::string(c.Rest().substr(0, f));
    c.Advance(f);
    double d = std::stod(text);
    return Value(negative ? -d : d);
  }
  return Value(negative ? -integer : integer);
}

Duration ParseAlternativeDuration(Cursor& c, std::string_view whole) {
  // PYYYY-MM-DDTHH:MM:SS(.fff)
  std::int64_t y = c.Digits(4);
  if (!c.Eat('-') || c.DigitRun() != 2) Bad("duration", whole);
  std::int64_t mo = c.Digits(2);
  if (!c.Eat('-') || c.DigitRun() != 2) Bad("duration", whole);
  std::int64_t d = c.Digits(2);
  std::int64_t nanos = 0;
  if (c.Eat('T')) nanos = ParseTimePart(c, whole);
  ExpectEnd(c, "duration", whole);
  return MakeDuration(y * 12 + mo, d, 0, nanos);
}

}  // namespace

Duration ParseDuration(std::string_view s) {
  Cursor c(s);
  bool negate = c.Eat('-');
  if (!negate) c.Eat('+');
  if (!c.Eat('P')) Bad("duration", s);
  if (c.DigitRun() == 4 && c.Peek(4) == '-') {
    Duration d = ParseAlternativeDuration(c, s);
    return negate ? NegateDuration(d) : d;
  }
  internal::DurationBuilder b;
  bool time = false, any = false;
  while (!c.AtEnd()) {
    if (c.Eat('T')) {
      if (time) Bad("duration", s);
      time = true;
      continue;
    }
    Value n = ParseDurationNumber(c, s);
    char unit = c.Peek();
    c.Advance(1);
    any = true;
    if (!time && unit == 'Y') {
      b.AddMonths(n, 12);
    } else if (!time && unit == 'M') {
      b.AddMonths(n);
    } else if (!time && unit == 'W') {
      b.AddDays(n, 7);
    } else if (!time && unit == 'D') {
      b.AddDays(n);
    } else if (time && unit == 'H') {
      b.AddNanos(n, 3600 * kNanosPerSecond);
    } else if (time && unit == 'M') {
      b.AddNanos(n, 60 * kNanosPerSecond);
    } else if (time && unit == 'S') {
      b.AddNanos(n, kNanosPerSecond);
    } else {
      Bad("duration", s);
    }
  }
  if (!any) Bad("duration", s);
  Duration d = b.Build();
  return negate ? NegateDuration(d) : d;
}

}  // namespace parley::function
