// Parses the ISO 8601 string forms that Value's temporal types print (see
// include/parley/value.h), so that the tagged JSON encodings ({"$date":"1984-10-11"} …)
// read back into the same values.
//
// Accepted forms: date `YYYY-MM-DD` (years may carry a sign and more digits); local time
// `HH:MM[:SS[.fraction]]`; time = local time + offset (`Z`, `±HH`, `±HH:MM`, `±HH:MM:SS`,
// `±HHMM`); local date-time `date T local-time`; date-time `date T time [Zone/Id]`
// (the offset is required: zone rules are not consulted); duration
// `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`, each component optionally signed.
#ifndef PARLEY_SHELL_FORMAT_TEMPORAL_PARSE_H_
#define PARLEY_SHELL_FORMAT_TEMPORAL_PARSE_H_

#include <optional>
#include <string_view>

#include "parley/value.h"

namespace parley::shell {

// nullopt when `text` is not in the accepted form or names an impossible date or time.
std::optional<Date> ParseDate(std::string_view text);
std::optional<LocalTime> ParseLocalTime(std::string_view text);
std::optional<Time> ParseTime(std::string_view text);
std::optional<LocalDateTime> ParseLocalDateTime(std::string_view text);
std::optional<DateTime> ParseDateTime(std::string_view text);
std::optional<Duration> ParseDuration(std::string_view text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_TEMPORAL_PARSE_H_
