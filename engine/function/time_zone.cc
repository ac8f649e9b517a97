// A reader of compiled TZif zone files (RFC 8536): the 64-bit transition table, and the
// POSIX TZ footer expanded into transitions for the years after the table ends.
#include "engine/function/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/common/temporal_math.h"
#include "parley/error.h"

namespace parley::function::tz {
namespace {

struct Zone {
  std::int32_t initial_offset = 0;
  std::vector<std::int64_t> times;    // transition instants, ascending
  std::vector<std::int32_t> offsets;  // offset in force from times[i] on
};

class Reader {
 public:
  explicit Reader(std::string data) : data_(std::move(data)) {}
  bool Has(std::size_t n) const { return pos_ + n <= data_.size(); }
  std::int64_t Int(int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(data_[pos_ + i]);
    pos_ += bytes;
    if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
  }
  void Skip(std::size_t n) { pos_ += n; }
  std::string Rest() const { return data_.substr(std::min(pos_, data_.size())); }

 private:
  std::string data_;
  std::size_t pos_ = 0;
};

struct Header {
  std::int64_t isut, isstd, leap, time, type, chars;
  int version;
};

bool ReadHeader(Reader& r, Header& h) {
  if (!r.Has(44)) return false;
  if (r.Int(4) != 0x545a6966) return false;  // "TZif"
  h.version = static_cast<int>(r.Int(1));
  r.Skip(15);
  h.isut = r.Int(4);
  h.isstd = r.Int(4);
  h.leap = r.Int(4);
  h.time = r.Int(4);
  h.type = r.Int(4);
  h.chars = r.Int(4);
  return true;
}

// ---- POSIX TZ footer ("CET-1CEST,M3.5.0,M10.5.0/3") ----

struct PosixRule {
  std::int32_t std_offset = 0;
  std::int32_t dst_offset = 0;
  bool has_dst = false;
  int start[3] = {0, 0, 0}, end[3] = {0, 0, 0};  // month, week, weekday
  std::int64_t start_time = 7200, end_time = 7200;
};

void SkipName(std::string_view& s) {
  if (!s.empty() && s[0] == '<') {
    s.remove_prefix(std::min(s.find('>') + 1, s.size()));
    return;
  }
  while (!s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) s.remove_prefix(1);
}

std::int64_t ParseHms(std::string_view& s) {
  int sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  std::int64_t total = 0;
  for (int part = 0; part < 3; ++part) {
    std::int64_t v = 0;
    while (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
      v = v * 10 + (s[0] - '0');
      s.remove_prefix(1);
    }
    total += v * (part == 0 ? 3600 : part == 1 ? 60 : 1);
    if (s.empty() || s[0] != ':') break;
    s.remove_prefix(1);
  }
  return sign * total;
}

bool ParseDateRule(std::string_view& s, int out[3], std::int64_t& time) {
  if (s.empty() || s[0] != 'M') return false;
  s.remove_prefix(1);
  for (int i = 0; i < 3; ++i) {
    out[i] = 0;
    while (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
      out[i] = out[i] * 10 + (s[0] - '0');
      s.remove_prefix(1);
    }
    if (i < 2) {
      if (s.empty() || s[0] != '.') return false;
      s.remove_prefix(1);
    }
  }
  if (!s.empty() && s[0] == '/') {
    s.remove_prefix(1);
    time = ParseHms(s);
  }
  return true;
}

std::optional<PosixRule> ParsePosix(std::string_view s) {
  PosixRule rule;
  SkipName(s);
  rule.std_offset = static_cast<std::int32_t>(-ParseHms(s));
  if (s.empty()) return rule;
  SkipName(s);
  rule.dst_offset = rule.std_offset + 3600;
  if (!s.empty() && s[0] != ',') rule.dst_offset = static_cast<std::int32_t>(-ParseHms(s));
  if (s.empty() || s[0] != ',') return rule;
  s.remove_prefix(1);
  if (!ParseDateRule(s, rule.start, rule.start_time)) return rule;
  if (s.empty() || s[0] != ',') return rule;
  s.remove_prefix(1);
  if (!ParseDateRule(s, rule.end, rule.end_time)) return rule;
  rule.has_dst = true;
  return rule;
}

// Days since the epoch of the rule's day (Mm.w.d) in `year`.
std::int64_t RuleDay(std::int64_t year, const int r[3]) {
  auto month = static_cast<unsigned>(r[0]);
  std::int64_t first = temporal::DaysFromCivil(year, month, 1);
  std::int64_t first_weekday = ((first + 4) % 7 + 7) % 7;  // 0 = Sunday
  std::int64_t day = first + ((r[2] - first_weekday) % 7 + 7) % 7 + 7 * (r[1] - 1);
  std::int64_t last = first + temporal::DaysInMonth(year, month) - 1;
  while (day > last) day -= 7;
  return day;
}

void ExpandRule(Zone& z, const PosixRule& rule) {
  if (!rule.has_dst) return;
  std::int64_t from_year = 1970;
  if (!z.times.empty())
    from_year =
        temporal::CivilFromDays(temporal::FloorDiv(z.times.back(), temporal::kSecondsPerDay)).year +
        1;
  for (std::int64_t y = from_year; y <= 2500; ++y) {
    std::int64_t on =
        RuleDay(y, rule.start) * temporal::kSecondsPerDay + rule.start_time - rule.std_offset;
    std::int64_t off =
        RuleDay(y, rule.end) * temporal::kSecondsPerDay + rule.end_time - rule.dst_offset;
    std::vector<std::pair<std::int64_t, std::int32_t>> pair = {{on, rule.dst_offset},
                                                               {off, rule.std_offset}};
    std::sort(pair.begin(), pair.end());
    for (auto& [t, o] : pair) {
      if (!z.times.empty() && t <= z.times.back()) continue;
      z.times.push_back(t);
      z.offsets.push_back(o);
    }
  }
}

std::unique_ptr<Zone> Parse(std::string data) {
  Reader r(std::move(data));
  Header h;
  if (!ReadHeader(r, h)) return nullptr;
  if (h.version >= '2') {  // skip the 32-bit block, read the 64-bit one
    r.Skip(h.time * 5 + h.type * 6 + h.chars + h.leap * 8 + h.isstd + h.isut);
    if (!ReadHeader(r, h)) return nullptr;
  }
  int tbytes = h.version >= '2' ? 8 : 4;
  if (!r.Has(h.time * (tbytes + 1) + h.type * 6)) return nullptr;
  auto z = std::make_unique<Zone>();
  for (std::int64_t i = 0; i < h.time; ++i) z->times.push_back(r.Int(tbytes));
  std::vector<int> idx;
  for (std::int64_t i = 0; i < h.time; ++i) idx.push_back(static_cast<int>(r.Int(1)));
  std::vector<std::int32_t> type_offsets;
  for (std::int64_t i = 0; i < h.type; ++i) {
    type_offsets.push_back(static_cast<std::int32_t>(r.Int(4)));
    r.Skip(2);
  }
  if (type_offsets.empty()) return nullptr;
  for (int i : idx) z->offsets.push_back(type_offsets.at(i));
  z->initial_offset = type_offsets[0];
  r.Skip(h.chars + h.leap * (tbytes + 4) + h.isstd + h.isut);
  if (h.version >= '2') {
    std::string footer = r.Rest();
    if (footer.size() > 2 && footer[0] == '\n') {
      std::string_view tz(footer.data() + 1, footer.find('\n', 1) - 1);
      if (auto rule = ParsePosix(tz)) {
        if (z->times.empty()) z->initial_offset = rule->std_offset;
        ExpandRule(*z, *rule);
      }
    }
  }
  return z;
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/') return false;
  if (name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
           c == '+';
  });
}

const Zone* Load(std::string_view name) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Zone>, std::less<>> cache;
  std::lock_guard lock(mu);
  if (auto it = cache.find(name); it != cache.end()) return it->second.get();
  std::unique_ptr<Zone> zone;
  if (ValidName(name)) {
    const char* dir = std::getenv("TZDIR");
    std::ifstream in(std::string(dir ? dir : "/usr/share/zoneinfo") + "/" + std::string(name),
                     std::ios::binary);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      zone = Parse(ss.str());
    }
  }
  const Zone* result = zone.get();
  cache.emplace(std::string(name), std::move(zone));
  return result;
}

const Zone& Get(std::string_view name) {
  const Zone* z = Load(name);
  if (z == nullptr) {
    throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                "unknown time zone " + std::string(name));
  }
  return *z;
}

}  // namespace

bool ZoneExists(std::string_view name) { return Load(name) != nullptr; }

std::int32_t OffsetAtInstant(std::string_view name, std::int64_t utc_seconds) {
  const Zone& z = Get(name);
  auto it = std::upper_bound(z.times.begin(), z.times.end(), utc_seconds);
  if (it == z.times.begin()) return z.initial_offset;
  return z.offsets[it - z.times.begin() - 1];
}

LocalResolution ResolveLocal(std::string_view name, std::int64_t local_seconds,
                             std::optional<std::int32_t> preferred_offset) {
  const Zone& z = Get(name);
  // The last transition whose earliest local wall time is at or before `local_seconds`.
  std::int64_t lo = 0, hi = static_cast<std::int64_t>(z.times.size());
  auto before = [&](std::int64_t i) { return i == 0 ? z.initial_offset : z.offsets[i - 1]; };
  while (lo < hi) {
    std::int64_t mid = (lo + hi) / 2;
    std::int64_t wall = z.times[mid] + std::min(before(mid), z.offsets[mid]);
    if (wall <= local_seconds) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return {z.initial_offset, local_seconds};
  std::int64_t i = lo - 1;
  std::int32_t prev = before(i), next = z.offsets[i];
  if (local_seconds >= z.times[i] + std::max(prev, next)) return {next, local_seconds};
  if (next > prev) return {next, local_seconds + (next - prev)};  // in the gap
  if (preferred_offset && (*preferred_offset == prev || *preferred_offset == next)) {
    return {*preferred_offset, local_seconds};
  }
  return {prev, local_seconds};  // in the overlap: the earlier offset
}

}  // namespace parley::function::tz
