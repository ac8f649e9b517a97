// ISO 8601 string forms of the temporal values, as openCypher (after java.time) prints
// them: seconds only when not zero, fractions trimmed to the shortest of 3, 6 or 9 digits.
#include <cstdlib>

#include <fmt/format.h>

#include "engine/common/temporal_math.h"
#include "parley/value.h"

namespace parley {
namespace {

std::string FormatYear(std::int64_t year) {
  if (year > 9999) return fmt::format("+{}", year);
  if (year < 0) return fmt::format("-{:04}", -year);
  return fmt::format("{:04}", year);
}

std::string FormatFraction(std::int64_t nanos) {
  if (nanos == 0) return "";
  if (nanos % 1000000 == 0) return fmt::format(".{:03}", nanos / 1000000);
  if (nanos % 1000 == 0) return fmt::format(".{:06}", nanos / 1000);
  return fmt::format(".{:09}", nanos);
}

std::string FormatTimeOfDay(std::int64_t nanos_of_day) {
  std::int64_t secs = nanos_of_day / temporal::kNanosPerSecond;
  std::int64_t frac = nanos_of_day % temporal::kNanosPerSecond;
  std::string out = fmt::format("{:02}:{:02}", secs / 3600, secs / 60 % 60);
  if (secs % 60 != 0 || frac != 0) out += fmt::format(":{:02}", secs % 60) + FormatFraction(frac);
  return out;
}

std::string FormatOffset(std::int32_t offset) {
  if (offset == 0) return "Z";
  char sign = offset < 0 ? '-' : '+';
  std::int32_t a = std::abs(offset);
  std::string out = fmt::format("{}{:02}:{:02}", sign, a / 3600, a / 60 % 60);
  if (a % 60) out += fmt::format(":{:02}", a % 60);
  return out;
}

std::string FormatDays(std::int64_t days) {
  temporal::CivilDate c = temporal::CivilFromDays(days);
  return fmt::format("{}-{:02}-{:02}", FormatYear(c.year), c.month, c.day);
}

}  // namespace

std::string ToString(const Date& v) { return FormatDays(v.days); }

std::string ToString(const LocalTime& v) { return FormatTimeOfDay(v.nanos); }

std::string ToString(const Time& v) {
  return FormatTimeOfDay(v.nanos) + FormatOffset(v.offset_seconds);
}

std::string ToString(const LocalDateTime& v) {
  std::int64_t days = temporal::FloorDiv(v.seconds, temporal::kSecondsPerDay);
  std::int64_t secs = v.seconds - days * temporal::kSecondsPerDay;
  return FormatDays(days) + "T" +
         FormatTimeOfDay(secs * temporal::kNanosPerSecond + v.nanos);
}

std::string ToString(const DateTime& v) {
  LocalDateTime local{v.seconds + v.offset_seconds, v.nanos};
  std::string out = ToString(local) + FormatOffset(v.offset_seconds);
  if (!v.zone.empty()) out += "[" + v.zone + "]";
  return out;
}

std::string ToString(const Duration& v) {
  // Months as years and months; seconds as hours, minutes and (fractional) seconds.
  // Each component keeps its own sign, as java.time and openCypher print them.
  std::string out = "P";
  if (v.months / 12) out += fmt::format("{}Y", v.months / 12);
  if (v.months % 12) out += fmt::format("{}M", v.months % 12);
  if (v.days) out += fmt::format("{}D", v.days);
  std::int64_t total_nanos_sign = v.seconds != 0 ? v.seconds : v.nanos;
  std::int64_t secs = v.seconds;
  std::int64_t nanos = v.nanos;
  if (secs < 0 && nanos > 0) {  // -1.5s is stored as seconds=-2, nanos=5e8
    secs += 1;
    nanos = temporal::kNanosPerSecond - nanos;
  }
  std::string time;
  if (secs / 3600) time += fmt::format("{}H", secs / 3600);
  if (secs / 60 % 60) time += fmt::format("{}M", secs / 60 % 60);
  if (secs % 60 || nanos) {
    std::string frac = FormatFraction(nanos);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    bool negative = total_nanos_sign < 0 && secs % 60 == 0;
    time += fmt::format("{}{}{}S", negative ? "-" : "", secs % 60, frac);
  }
  if (!time.empty()) out += "T" + time;
  if (out == "P") out += "T0S";
  return out;
}

}  // namespace parley
