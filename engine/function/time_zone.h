// Named time zones (IANA ids such as "Europe/Stockholm"), read from the system's compiled
// tz database (/usr/share/zoneinfo, or $TZDIR), since libstdc++ 12 has no std::chrono::tzdb.
//
// Resolution follows java.time: a local date-time in a gap (clocks jump forward) moves
// forward by the length of the gap; one in an overlap (clocks go back) takes the preferred
// offset if it is one of the two, else the earlier offset.
//
// Zones are loaded once and cached; all functions are thread-safe.
#ifndef PARLEY_ENGINE_FUNCTION_TIME_ZONE_H_
#define PARLEY_ENGINE_FUNCTION_TIME_ZONE_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace parley::function::tz {

// Whether `name` is a zone id the database knows.
bool ZoneExists(std::string_view name);

// The UTC offset in seconds in force in zone `name` at `utc_seconds` since the epoch.
// Throws Error(kArgumentError, "InvalidArgumentValue") for an unknown zone.
std::int32_t OffsetAtInstant(std::string_view name, std::int64_t utc_seconds);

struct LocalResolution {
  std::int32_t offset;         // the offset chosen
  std::int64_t local_seconds;  // the local time, moved forward when it fell into a gap
};

// Resolves a local date-time (seconds since 1970-01-01T00:00 local) in zone `name`.
LocalResolution ResolveLocal(std::string_view name, std::int64_t local_seconds,
                             std::optional<std::int32_t> preferred_offset = std::nullopt);

}  // namespace parley::function::tz

#endif  // PARLEY_ENGINE_FUNCTION_TIME_ZONE_H_
