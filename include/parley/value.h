// parley::Value: one Cypher value, as the engine computes it and as results carry it.
//
// A Value is one of openCypher's types: null, boolean, integer (64-bit), float (double),
// string (UTF-8), list, map, node, relationship, path, and the temporal types date,
// local time, time, local date-time, date-time and duration. Values are regular types:
// copyable, comparable with ==, cheap to move.
//
// Nodes and relationships inside the engine carry only their identity (and, for a
// relationship, its type and ends); `labels` and `properties` are filled in when a
// result is handed to the caller. Equality of nodes and relationships is by id.
//
// == here is structural identity (used by containers and tests): 1 == 1.0 is false, and
// NaN equals NaN. Cypher's own equality, ordering and comparability (with null and
// three-valued logic) live in the engine's expression evaluator, not here.
#ifndef PARLEY_VALUE_H_
#define PARLEY_VALUE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace parley {

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

// Temporal values. Field meanings follow java.time, which openCypher's temporal
// semantics are written against.
struct Date {  // a calendar date in the proleptic Gregorian calendar
  std::int64_t days = 0;  // days since 1970-01-01
  friend bool operator==(const Date&, const Date&) = default;
};
struct LocalTime {  // a time of day with no zone
  std::int64_t nanos = 0;  // nanoseconds since midnight, [0, 86400e9)
  friend bool operator==(const LocalTime&, const LocalTime&) = default;
};
struct Time {  // a time of day at a fixed offset from UTC
  std::int64_t nanos = 0;           // local nanoseconds since midnight
  std::int32_t offset_seconds = 0;  // e.g. +01:00 is 3600
  friend bool operator==(const Time&, const Time&) = default;
};
struct LocalDateTime {  // a date and time of day with no zone
  std::int64_t seconds = 0;  // seconds since 1970-01-01T00:00:00 (as if it were UTC)
  std::int32_t nanos = 0;    // [0, 1e9)
  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};
struct DateTime {  // an instant with an offset and, optionally, a named zone
  std::int64_t seconds = 0;         // seconds since the epoch, UTC
  std::int32_t nanos = 0;           // [0, 1e9)
  std::int32_t offset_seconds = 0;  // the offset in force at that instant
  std::string zone;                 // IANA zone id (e.g. "Europe/Stockholm"), or empty
  friend bool operator==(const DateTime&, const DateTime&) = default;
};
struct Duration {  // months, days and seconds are kept apart, as openCypher does
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;  // [0, 1e9) after normalisation
  friend bool operator==(const Duration&, const Duration&) = default;
};

struct Node {
  std::uint64_t id = 0;
  std::vector<std::string> labels;  // filled when materialised for a result
  Map properties;                   // filled when materialised for a result
  friend bool operator==(const Node& a, const Node& b) { return a.id == b.id; }
};

struct Relationship {
  std::uint64_t id = 0;
  std::string type;
  std::uint64_t start = 0;  // id of the start node
  std::uint64_t end = 0;    // id of the end node
  Map properties;           // filled when materialised for a result
  friend bool operator==(const Relationship& a, const Relationship& b) { return a.id == b.id; }
};

// A path alternates nodes and relationships: nodes.size() == rels.size() + 1.
// rels[i] joins nodes[i] and nodes[i + 1], in either direction.
struct Path {
  std::vector<Node> nodes;
  std::vector<Relationship> rels;
  friend bool operator==(const Path&, const Path&) = default;
};

// The kinds of value, in the order of Value::Storage's alternatives.
enum class ValueType : std::uint8_t {
  kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRelationship, kPath,
  kDate, kLocalTime, kTime, kLocalDateTime, kDateTime, kDuration,
};

// The Cypher type name of `type` as openCypher writes it: "NULL", "BOOLEAN", "INTEGER",
// "FLOAT", "STRING", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH", "DATE",
// "LOCAL TIME", "TIME", "LOCAL DATETIME", "DATETIME", "DURATION".
std::string_view TypeName(ValueType type);

class Value {
 public:
  using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, List,
                               Map, Node, Relationship, Path, Date, LocalTime, Time,
                               LocalDateTime, DateTime, Duration>;

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(std::int64_t{i}) {}
  Value(std::int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(List l) : v_(std::move(l)) {}
  Value(Map m) : v_(std::move(m)) {}
  Value(Node n) : v_(std::move(n)) {}
  Value(Relationship r) : v_(std::move(r)) {}
  Value(Path p) : v_(std::move(p)) {}
  Value(Date d) : v_(d) {}
  Value(LocalTime t) : v_(t) {}
  Value(Time t) : v_(t) {}
  Value(LocalDateTime t) : v_(t) {}
  Value(DateTime t) : v_(std::move(t)) {}
  Value(Duration d) : v_(d) {}

  ValueType type() const { return static_cast<ValueType>(v_.index()); }
  bool is_null() const { return v_.index() == 0; }
  bool is_bool() const { return type() == ValueType::kBool; }
  bool is_int() const { return type() == ValueType::kInt; }
  bool is_float() const { return type() == ValueType::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type() == ValueType::kString; }
  bool is_list() const { return type() == ValueType::kList; }
  bool is_map() const { return type() == ValueType::kMap; }
  bool is_node() const { return type() == ValueType::kNode; }
  bool is_relationship() const { return type() == ValueType::kRelationship; }
  bool is_path() const { return type() == ValueType::kPath; }

  // Accessors. REQUIRES: the value holds that type (checked: std::bad_variant_access).
  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  // An integer or a float as a double. REQUIRES: is_number().
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const List& as_list() const { return std::get<List>(v_); }
  List& as_list() { return std::get<List>(v_); }
  const Map& as_map() const { return std::get<Map>(v_); }
  Map& as_map() { return std::get<Map>(v_); }
  const Node& as_node() const { return std::get<Node>(v_); }
  Node& as_node() { return std::get<Node>(v_); }
  const Relationship& as_relationship() const { return std::get<Relationship>(v_); }
  Relationship& as_relationship() { return std::get<Relationship>(v_); }
  const Path& as_path() const { return std::get<Path>(v_); }
  Path& as_path() { return std::get<Path>(v_); }

  const Storage& storage() const { return v_; }
  Storage& storage() { return v_; }

  // Structural identity; see the file comment. NaN == NaN here.
  friend bool operator==(const Value& a, const Value& b);

  // A readable Cypher-literal rendering: 1, 1.5, 'text', [1, 2], {a: 1}, (:Label {k: 1}),
  // [:TYPE {k: 1}], <(...)-[...]->(...)>, temporal values in their ISO form.
  std::string ToString() const;

 private:
  Storage v_;
};

// Cypher string forms of the temporal types (ISO 8601 as openCypher prints them):
// 1984-10-11, 12:31:14.645876123, 12:31:14.645876123+01:00, 1984-10-11T12:31:14,
// 1984-10-11T12:31:14+01:00[Europe/Stockholm], P1Y2M10DT12H.
std::string ToString(const Date& v);
std::string ToString(const LocalTime& v);
std::string ToString(const Time& v);
std::string ToString(const LocalDateTime& v);
std::string ToString(const DateTime& v);
std::string ToString(const Duration& v);

}  // namespace parley

#endif  // PARLEY_VALUE_H_
