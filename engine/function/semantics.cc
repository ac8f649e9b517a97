#include "engine/function/semantics.h"

#include <cmath>
#include <functional>
#include <limits>
#include <tuple>

#include "engine/common/temporal_math.h"

namespace parley::function {
namespace {

using temporal::kNanosPerSecond;

int Sign(auto x) { return (x > 0) - (x < 0); }

// An integer and a float compared exactly: converting a large integer to double would
// make 2^62 + 1 equal 2^62.
int CompareIntFloat(std::int64_t i, double f) {
  if (f >= 9223372036854775808.0) return -1;
  if (f < -9223372036854775808.0) return 1;
  double fi = std::floor(f);
  auto truncated = static_cast<std::int64_t>(fi);
  if (i != truncated) return i < truncated ? -1 : 1;
  return fi == f ? 0 : -1;  // i == floor(f) < f
}

// REQUIRES: both numbers, neither NaN.
int CompareNumbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
  if (a.is_int()) return CompareIntFloat(a.as_int(), b.as_float());
  if (b.is_int()) return -CompareIntFloat(b.as_int(), a.as_float());
  return a.as_float() < b.as_float() ? -1 : a.as_float() > b.as_float();
}

bool IsNaN(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

// Instants used by comparisons: (seconds, nanos) pairs compare lexicographically.
struct Instant {
  std::int64_t seconds;
  std::int64_t nanos;
  auto operator<=>(const Instant&) const = default;
};

Instant TimeInstant(const Time& t) {
  return {0, t.nanos - std::int64_t{t.offset_seconds} * kNanosPerSecond};
}

// Comparison of two temporal values of the same type; nullopt for durations.
std::optional<int> CompareTemporal(const Value& a, const Value& b) {
  const auto& sa = a.storage();
  const auto& sb = b.storage();
  switch (a.type()) {
    case ValueType::kDate:
      return Sign(std::get<Date>(sa).days - std::get<Date>(sb).days);
    case ValueType::kLocalTime:
      return Sign(std::get<LocalTime>(sa).nanos - std::get<LocalTime>(sb).nanos);
    case ValueType::kTime: {
      auto c = TimeInstant(std::get<Time>(sa)) <=> TimeInstant(std::get<Time>(sb));
      return c < 0 ? -1 : c > 0;
    }
    case ValueType::kLocalDateTime: {
      const auto& x = std::get<LocalDateTime>(sa);
      const auto& y = std::get<LocalDateTime>(sb);
      auto c = Instant{x.seconds, x.nanos} <=> Instant{y.seconds, y.nanos};
      return c < 0 ? -1 : c > 0;
    }
    case ValueType::kDateTime: {
      const auto& x = std::get<DateTime>(sa);
      const auto& y = std::get<DateTime>(sb);
      auto c = Instant{x.seconds, x.nanos} <=> Instant{y.seconds, y.nanos};
      return c < 0 ? -1 : c > 0;
    }
    default:
      return std::nullopt;
  }
}

bool IsTemporalType(ValueType t) { return t >= ValueType::kDate; }

// Combines three-valued results of element equality: false wins, then null.
struct EqualityFold {
  bool saw_null = false;
  bool Add(std::optional<bool> r) {  // returns false when the answer is decided (false)
    if (!r) saw_null = true;
    return !r || *r;
  }
};

std::optional<bool> ListEquals(const List& a, const List& b) {
  if (a.size() != b.size()) return false;
  EqualityFold fold;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!fold.Add(Equals(a[i], b[i]))) return false;
  }
  if (fold.saw_null) return std::nullopt;
  return true;
}

std::optional<bool> MapEquals(const Map& a, const Map& b) {
  if (a.size() != b.size()) return false;
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
    if (ia->first != ib->first) return false;
  }
  EqualityFold fold;
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
    if (!fold.Add(Equals(ia->second, ib->second))) return false;
  }
  if (fold.saw_null) return std::nullopt;
  return true;
}

bool PathEquals(const Path& a, const Path& b) {
  if (a.nodes.size() != b.nodes.size() || a.rels.size() != b.rels.size()) return false;
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    if (a.nodes[i].id != b.nodes[i].id) return false;
  }
  for (std::size_t i = 0; i < a.rels.size(); ++i) {
    if (a.rels[i].id != b.rels[i].id) return false;
  }
  return true;
}

std::optional<int> CompareLists(const List& a, const List& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<int> c = Compare(a[i], b[i]);
    if (!c) return std::nullopt;
    if (*c != 0) return c;
  }
  return Sign(static_cast<std::int64_t>(a.size()) - static_cast<std::int64_t>(b.size()));
}

// The orderability rank of each type (ORDER BY ascending groups).
int OrderRank(ValueType t) {
  switch (t) {
    case ValueType::kMap:
      return 0;
    case ValueType::kNode:
      return 1;
    case ValueType::kRelationship:
      return 2;
    case ValueType::kList:
      return 3;
    case ValueType::kPath:
      return 4;
    case ValueType::kDateTime:
      return 5;
    case ValueType::kLocalDateTime:
      return 6;
    case ValueType::kDate:
      return 7;
    case ValueType::kTime:
      return 8;
    case ValueType::kLocalTime:
      return 9;
    case ValueType::kDuration:
      return 10;
    case ValueType::kString:
      return 11;
    case ValueType::kBool:
      return 12;
    case ValueType::kInt:
    case ValueType::kFloat:
      return 13;
    case ValueType::kNull:
      return 14;
  }
  return 15;
}

int OrderNumbers(const Value& a, const Value& b) {
  bool na = IsNaN(a), nb = IsNaN(b);
  if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
  return CompareNumbers(a, b);
}

int OrderLists(const List& a, const List& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (int c = OrderCompare(a[i], b[i])) return c;
  }
  return Sign(static_cast<std::int64_t>(a.size()) - static_cast<std::int64_t>(b.size()));
}

int OrderMaps(const Map& a, const Map& b) {
  auto ia = a.begin(), ib = b.begin();
  for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
    if (int c = ia->first.compare(ib->first)) return Sign(c);
    if (int c = OrderCompare(ia->second, ib->second)) return c;
  }
  return (ia != a.end()) - (ib != b.end());
}

int OrderPaths(const Path& a, const Path& b) {
  std::size_t n = std::min(a.nodes.size(), b.nodes.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a.nodes[i].id != b.nodes[i].id) return a.nodes[i].id < b.nodes[i].id ? -1 : 1;
    if (i < a.rels.size() && i < b.rels.size() && a.rels[i].id != b.rels[i].id) {
      return a.rels[i].id < b.rels[i].id ? -1 : 1;
    }
  }
  return Sign(static_cast<std::int64_t>(a.nodes.size()) -
              static_cast<std::int64_t>(b.nodes.size()));
}

int OrderDurations(const Duration& a, const Duration& b) {
  auto c = std::tuple(a.months, a.days, a.seconds, a.nanos) <=>
           std::tuple(b.months, b.days, b.seconds, b.nanos);
  return c < 0 ? -1 : c > 0;
}

void HashCombine(std::size_t& seed, std::size_t h) {
  seed ^= h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

std::size_t HashNumber(const Value& v) {
  if (v.is_int()) return std::hash<std::int64_t>{}(v.as_int());
  double f = v.as_float();
  if (std::isnan(f)) return 0x7ff8dead;
  if (f == std::floor(f) && f >= -9223372036854775808.0 && f < 9223372036854775808.0) {
    return std::hash<std::int64_t>{}(static_cast<std::int64_t>(f));
  }
  return std::hash<double>{}(f);
}

}  // namespace

std::optional<bool> Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return false;
    return CompareNumbers(a, b) == 0;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::kList:
      return ListEquals(a.as_list(), b.as_list());
    case ValueType::kMap:
      return MapEquals(a.as_map(), b.as_map());
    case ValueType::kNode:
      return a.as_node().id == b.as_node().id;
    case ValueType::kRelationship:
      return a.as_relationship().id == b.as_relationship().id;
    case ValueType::kPath:
      return PathEquals(a.as_path(), b.as_path());
    case ValueType::kDuration:
      return std::get<Duration>(a.storage()) == std::get<Duration>(b.storage());
    default:
      if (IsTemporalType(a.type())) return CompareTemporal(a, b) == 0;
      return a == b;  // booleans, strings
  }
}

std::optional<int> Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return std::nullopt;
    return CompareNumbers(a, b);
  }
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case ValueType::kString:
      return Sign(a.as_string().compare(b.as_string()));
    case ValueType::kBool:
      return Sign(int{a.as_bool()} - int{b.as_bool()});
    case ValueType::kList:
      return CompareLists(a.as_list(), b.as_list());
    default:
      if (IsTemporalType(a.type())) return CompareTemporal(a, b);
      return std::nullopt;
  }
}

std::optional<bool> EvaluateComparison(ComparisonOp op, const Value& a, const Value& b) {
  if (a.is_number() && b.is_number() && (IsNaN(a) || IsNaN(b))) return false;
  std::optional<int> c = Compare(a, b);
  if (!c) return std::nullopt;
  switch (op) {
    case ComparisonOp::kLess:
      return *c < 0;
    case ComparisonOp::kLessEqual:
      return *c <= 0;
    case ComparisonOp::kGreater:
      return *c > 0;
    case ComparisonOp::kGreaterEqual:
      return *c >= 0;
  }
  return std::nullopt;
}

int OrderCompare(const Value& a, const Value& b) {
  int ra = OrderRank(a.type()), rb = OrderRank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case ValueType::kNull:
      return 0;
    case ValueType::kInt:
    case ValueType::kFloat:
      return OrderNumbers(a, b);
    case ValueType::kBool:
      return Sign(int{a.as_bool()} - int{b.as_bool()});
    case ValueType::kString:
      return Sign(a.as_string().compare(b.as_string()));
    case ValueType::kList:
      return OrderLists(a.as_list(), b.as_list());
    case ValueType::kMap:
      return OrderMaps(a.as_map(), b.as_map());
    case ValueType::kNode: {
      auto x = a.as_node().id, y = b.as_node().id;
      return x < y ? -1 : x > y;
    }
    case ValueType::kRelationship: {
      auto x = a.as_relationship().id, y = b.as_relationship().id;
      return x < y ? -1 : x > y;
    }
    case ValueType::kPath:
      return OrderPaths(a.as_path(), b.as_path());
    case ValueType::kDuration:
      return OrderDurations(std::get<Duration>(a.storage()), std::get<Duration>(b.storage()));
    case ValueType::kTime: {
      if (int c = *CompareTemporal(a, b)) return c;
      return Sign(std::get<Time>(a.storage()).offset_seconds -
                  std::get<Time>(b.storage()).offset_seconds);
    }
    case ValueType::kDateTime: {
      if (int c = *CompareTemporal(a, b)) return c;
      const auto& x = std::get<DateTime>(a.storage());
      const auto& y = std::get<DateTime>(b.storage());
      if (x.offset_seconds != y.offset_seconds) return x.offset_seconds < y.offset_seconds ? -1 : 1;
      return Sign(x.zone.compare(y.zone));
    }
    default:
      return *CompareTemporal(a, b);
  }
}

bool Equivalent(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) {
    bool na = IsNaN(a), nb = IsNaN(b);
    if (na || nb) return na && nb;
    return CompareNumbers(a, b) == 0;
  }
  if (a.type() != b.type()) return false;
  if (a.is_list()) {
    const List& x = a.as_list();
    const List& y = b.as_list();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!Equivalent(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.is_map()) {
    const Map& x = a.as_map();
    const Map& y = b.as_map();
    if (x.size() != y.size()) return false;
    for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy) {
      if (ix->first != iy->first || !Equivalent(ix->second, iy->second)) return false;
    }
    return true;
  }
  return Equals(a, b).value_or(false);
}

std::size_t Hash(const Value& v) {
  std::size_t seed = static_cast<std::size_t>(v.is_float() ? ValueType::kInt : v.type());
  switch (v.type()) {
    case ValueType::kNull:
      break;
    case ValueType::kBool:
      HashCombine(seed, v.as_bool());
      break;
    case ValueType::kInt:
    case ValueType::kFloat:
      HashCombine(seed, HashNumber(v));
      break;
    case ValueType::kString:
      HashCombine(seed, std::hash<std::string>{}(v.as_string()));
      break;
    case ValueType::kList:
      for (const Value& e : v.as_list()) HashCombine(seed, Hash(e));
      break;
    case ValueType::kMap:
      for (const auto& [k, e] : v.as_map()) {
        HashCombine(seed, std::hash<std::string>{}(k));
        HashCombine(seed, Hash(e));
      }
      break;
    case ValueType::kNode:
      HashCombine(seed, v.as_node().id);
      break;
    case ValueType::kRelationship:
      HashCombine(seed, v.as_relationship().id);
      break;
    case ValueType::kPath:
      for (const Node& n : v.as_path().nodes) HashCombine(seed, n.id);
      for (const Relationship& r : v.as_path().rels) HashCombine(seed, r.id);
      break;
    case ValueType::kDate:
      HashCombine(seed, std::get<Date>(v.storage()).days);
      break;
    case ValueType::kLocalTime:
      HashCombine(seed, std::get<LocalTime>(v.storage()).nanos);
      break;
    case ValueType::kTime:
      HashCombine(seed, TimeInstant(std::get<Time>(v.storage())).nanos);
      break;
    case ValueType::kLocalDateTime: {
      const auto& t = std::get<LocalDateTime>(v.storage());
      HashCombine(seed, t.seconds);
      HashCombine(seed, t.nanos);
      break;
    }
    case ValueType::kDateTime: {
      const auto& t = std::get<DateTime>(v.storage());
      HashCombine(seed, t.seconds);
      HashCombine(seed, t.nanos);
      break;
    }
    case ValueType::kDuration: {
      const auto& d = std::get<Duration>(v.storage());
      HashCombine(seed, d.months);
      HashCombine(seed, d.days);
      HashCombine(seed, d.seconds);
      HashCombine(seed, d.nanos);
      break;
    }
  }
  return seed;
}

std::size_t RowHash::operator()(const List& row) const {
  std::size_t seed = row.size();
  for (const Value& v : row) HashCombine(seed, Hash(v));
  return seed;
}

bool RowEquivalent::operator()(const List& a, const List& b) const {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!Equivalent(a[i], b[i])) return false;
  }
  return true;
}

std::optional<bool> In(const Value& x, const List& list) {
  bool saw_null = false;
  for (const Value& e : list) {
    std::optional<bool> r = Equals(x, e);
    if (!r) {
      saw_null = true;
    } else if (*r) {
      return true;
    }
  }
  if (saw_null) return std::nullopt;
  return false;
}

}  // namespace parley::function
