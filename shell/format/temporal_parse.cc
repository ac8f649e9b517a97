#include "shell/format/temporal_parse.h"

#include <cctype>
#include <cstdint>

#include "engine/common/temporal_math.h"

namespace parley::shell {
namespace {

using temporal::kNanosPerSecond;

// A small cursor over the text; every Read* returns false without consuming on mismatch.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ == s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Exactly `n` digits.
  bool ReadFixed(int n, std::int64_t& out) {
    if (s_.size() - i_ < static_cast<std::size_t>(n)) return false;
    std::int64_t v = 0;
    for (int k = 0; k < n; ++k) {
      char c = s_[i_ + k];
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      v = v * 10 + (c - '0');
    }
    i_ += n;
    out = v;
    return true;
  }
  // One or more digits (at most 18).
  bool ReadNumber(std::int64_t& out) {
    std::size_t j = i_;
    std::int64_t v = 0;
    while (j < s_.size() && j - i_ < 18 && std::isdigit(static_cast<unsigned char>(s_[j]))) {
      v = v * 10 + (s_[j++] - '0');
    }
    if (j == i_) return false;
    i_ = j;
    out = v;
    return true;
  }
  // `.` or `,` then 1..9 digits, as nanoseconds; absent fraction is 0.
  bool ReadFraction(std::int64_t& nanos) {
    nanos = 0;
    if (!Consume('.') && !Consume(',')) return true;
    int digits = 0;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) {
      if (digits++ < 9) nanos = nanos * 10 + (Peek() - '0');
      ++i_;
    }
    if (digits == 0) return false;
    for (int k = digits; k < 9; ++k) nanos *= 10;
    return true;
  }
  std::string_view Rest() const { return s_.substr(i_); }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

bool ReadDate(Reader& r, std::int64_t& days) {
  bool negative = false;
  std::int64_t year = 0, month = 0, day = 0;
  if (r.Consume('-'))
    negative = true;
  else
    r.Consume('+');
  if (!r.ReadNumber(year) || !r.Consume('-') || !r.ReadFixed(2, month) || !r.Consume('-') ||
      !r.ReadFixed(2, day)) {
    return false;
  }
  if (negative) year = -year;
  if (month < 1 || month > 12 || day < 1 ||
      day > temporal::DaysInMonth(year, static_cast<unsigned>(month))) {
    return false;
  }
  days = temporal::DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return true;
}

bool ReadTimeOfDay(Reader& r, std::int64_t& nanos_of_day) {
  std::int64_t h = 0, m = 0, s = 0, frac = 0;
  if (!r.ReadFixed(2, h) || !r.Consume(':') || !r.ReadFixed(2, m)) return false;
  if (r.Consume(':')) {
    if (!r.ReadFixed(2, s) || !r.ReadFraction(frac)) return false;
  }
  if (h > 23 || m > 59 || s > 59) return false;
  nanos_of_day = ((h * 60 + m) * 60 + s) * kNanosPerSecond + frac;
  return true;
}

bool ReadOffset(Reader& r, std::int32_t& offset) {
  if (r.Consume('Z')) {
    offset = 0;
    return true;
  }
  int sign = r.Consume('+') ? 1 : r.Consume('-') ? -1 : 0;
  if (sign == 0) return false;
  std::int64_t h = 0, m = 0, s = 0;
  if (!r.ReadFixed(2, h)) return false;
  if (r.Consume(':')) {
    if (!r.ReadFixed(2, m)) return false;
    if (r.Consume(':') && !r.ReadFixed(2, s)) return false;
  } else {
    r.ReadFixed(2, m);
  }
  if (h > 18 || m > 59 || s > 59) return false;
  offset = static_cast<std::int32_t>(sign * (h * 3600 + m * 60 + s));
  return true;
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  Reader r(text);
  std::int64_t days = 0;
  if (!ReadDate(r, days) || !r.AtEnd()) return std::nullopt;
  return Date{days};
}

std::optional<LocalTime> ParseLocalTime(std::string_view text) {
  Reader r(text);
  std::int64_t nanos = 0;
  if (!ReadTimeOfDay(r, nanos) || !r.AtEnd()) return std::nullopt;
  return LocalTime{nanos};
}

std::optional<Time> ParseTime(std::string_view text) {
  Reader r(text);
  std::int64_t nanos = 0;
  std::int32_t offset = 0;
  if (!ReadTimeOfDay(r, nanos) || !ReadOffset(r, offset) || !r.AtEnd()) return std::nullopt;
  return Time{nanos, offset};
}

std::optional<LocalDateTime> ParseLocalDateTime(std::string_view text) {
  Reader r(text);
  std::int64_t days = 0, nanos = 0;
  if (!ReadDate(r, days) || !r.Consume('T') || !ReadTimeOfDay(r, nanos) || !r.AtEnd()) {
    return std::nullopt;
  }
  return LocalDateTime{days * temporal::kSecondsPerDay + nanos / kNanosPerSecond,
                       static_cast<std::int32_t>(nanos % kNanosPerSecond)};
}

std::optional<DateTime> ParseDateTime(std::string_view text) {
  Reader r(text);
  std::int64_t days = 0, nanos = 0;
  std::int32_t offset = 0;
  if (!ReadDate(r, days) || !r.Consume('T') || !ReadTimeOfDay(r, nanos) || !ReadOffset(r, offset)) {
    return std::nullopt;
  }
  DateTime dt;
  std::string_view rest = r.Rest();
  if (!rest.empty()) {
    if (rest.size() < 3 || rest.front() != '[' || rest.back() != ']') return std::nullopt;
    dt.zone = std::string(rest.substr(1, rest.size() - 2));
  }
  dt.seconds = days * temporal::kSecondsPerDay + nanos / kNanosPerSecond - offset;
  dt.nanos = static_cast<std::int32_t>(nanos % kNanosPerSecond);
  dt.offset_seconds = offset;
  return dt;
}

std::optional<Duration> ParseDuration(std::string_view text) {
  Reader r(text);
  if (!r.Consume('P')) return std::nullopt;
  std::int64_t months = 0, days = 0, seconds = 0, nanos = 0;
  bool in_time = false, any = false;
  while (!r.AtEnd()) {
    if (!in_time && r.Consume('T')) {
      in_time = true;
      continue;
    }
    const int sign = r.Consume('-') ? -1 : (r.Consume('+'), 1);
    std::int64_t n = 0, frac = 0;
    if (!r.ReadNumber(n) || !r.ReadFraction(frac)) return std::nullopt;
    const char unit = r.Peek();
    if (!r.Consume(unit) || (frac != 0 && !(in_time && unit == 'S'))) return std::nullopt;
    n *= sign;
    if (!in_time && unit == 'Y')
      months += 12 * n;
    else if (!in_time && unit == 'M')
      months += n;
    else if (!in_time && unit == 'W')
      days += 7 * n;
    else if (!in_time && unit == 'D')
      days += n;
    else if (in_time && unit == 'H')
      seconds += 3600 * n;
    else if (in_time && unit == 'M')
      seconds += 60 * n;
    else if (in_time && unit == 'S')
      seconds += n, nanos += sign * frac;
    else
      return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  seconds += temporal::FloorDiv(nanos, kNanosPerSecond);
  nanos -= temporal::FloorDiv(nanos, kNanosPerSecond) * kNanosPerSecond;
  return Duration{months, days, seconds, static_cast<std::int32_t>(nanos)};
}

}  // namespace parley::shell
