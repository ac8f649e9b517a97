// Reading values through the C API.
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "engine/capi/handles.h"

using parley::Value;
using parley::ValueType;
using parley::capi::AsCpp;
using parley::capi::Guarded;
using parley::capi::Require;

namespace {

[[noreturn]] void WrongType(const Value& v, const char* wanted) {
  throw parley::Error(parley::ErrorKind::kTypeError, "",
                      fmt::format("expected {} but the value is {}", wanted,
                                  parley::TypeName(v.type())));
}

const Value& Read(const parley_value* value) {
  Require(value, "value");
  return AsCpp(value);
}

void CheckIndex(std::size_t index, std::size_t size, const char* what) {
  if (index >= size) {
    throw parley::Error(parley::ErrorKind::kArgumentError, "",
                        fmt::format("{} index {} is past the last of {}", what, index, size));
  }
}

// The map a value's properties are: a map's entries, a node's or relationship's
// properties.
const parley::Map& Properties(const Value& v) {
  switch (v.type()) {
    case ValueType::kMap: return v.as_map();
    case ValueType::kNode: return v.as_node().properties;
    case ValueType::kRelationship: return v.as_relationship().properties;
    default: WrongType(v, "a map, node or relationship");
  }
}

// A path's elements alternate node, relationship, ..., node.
std::size_t PathSize(const parley::Path& p) { return p.nodes.size() + p.rels.size(); }

}  // namespace

extern "C" {

parley_type parley_value_type(const parley_value* value) {
  return value == nullptr ? PARLEY_TYPE_NULL : static_cast<parley_type>(AsCpp(value).type());
}

parley_status parley_value_bool(const parley_value* value, int* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    if (!v.is_bool()) WrongType(v, "a BOOLEAN");
    *out = v.as_bool() ? 1 : 0;
  });
}

parley_status parley_value_int(const parley_value* value, int64_t* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    if (!v.is_int()) WrongType(v, "an INTEGER");
    *out = v.as_int();
  });
}

parley_status parley_value_double(const parley_value* value, double* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    if (!v.is_number()) WrongType(v, "a FLOAT or INTEGER");
    *out = v.as_number();
  });
}

parley_status parley_value_string(const parley_value* value, const char** out,
                                  size_t* length) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    if (!v.is_string()) WrongType(v, "a STRING");
    *out = v.as_string().c_str();
    if (length != nullptr) *length = v.as_string().size();
  });
}

parley_status parley_value_to_string(const parley_value* value, char** out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    std::string text = std::visit(
        [&](const auto& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::string>) {
            return x;  // the text itself, unquoted
          } else if constexpr (std::is_same_v<T, parley::Date> ||
                               std::is_same_v<T, parley::LocalTime> ||
                               std::is_same_v<T, parley::Time> ||
                               std::is_same_v<T, parley::LocalDateTime> ||
                               std::is_same_v<T, parley::DateTime> ||
                               std::is_same_v<T, parley::Duration>) {
            return parley::ToString(x);  // ISO 8601, unquoted
          } else {
            return v.ToString();
          }
        },
        v.storage());
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    std::memcpy(copy, text.c_str(), text.size() + 1);
    *out = copy;
  });
}

void parley_free(void* p) { std::free(p); }

parley_status parley_value_size(const parley_value* value, size_t* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    if (v.is_list()) {
      *out = v.as_list().size();
    } else if (v.is_path()) {
      *out = PathSize(v.as_path());
    } else {
      WrongType(v, "a LIST or PATH");
    }
  });
}

parley_status parley_value_at(const parley_value* value, size_t index,
                              const parley_value** out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    parley_result* owner = value->owner;
    if (v.is_list()) {
      CheckIndex(index, v.as_list().size(), "list");
      *out = parley::capi::Hand(owner, v.as_list()[index]);
    } else if (v.is_path()) {
      const parley::Path& p = v.as_path();
      CheckIndex(index, PathSize(p), "path");
      owner->made.push_back(index % 2 == 0 ? Value(p.nodes[index / 2])
                                           : Value(p.rels[index / 2]));
      *out = parley::capi::Hand(owner, owner->made.back());
    } else {
      WrongType(v, "a LIST or PATH");
    }
  });
}

parley_status parley_value_property_count(const parley_value* value, size_t* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    *out = Properties(v).size();
  });
}

parley_status parley_value_property_at(const parley_value* value, size_t index,
                                       const char** key, const parley_value** out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(key, "key");
    Require(out, "out");
    const parley::Map& m = Properties(v);
    CheckIndex(index, m.size(), "property");
    auto it = std::next(m.begin(), static_cast<std::ptrdiff_t>(index));
    *key = it->first.c_str();
    *out = parley::capi::Hand(value->owner, it->second);
  });
}

parley_status parley_value_property(const parley_value* value, const char* key,
                                    const parley_value** out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(key, "key");
    Require(out, "out");
    const parley::Map& m = Properties(v);
    auto it = m.find(std::string_view(key));
    *out = it == m.end() ? nullptr : parley::capi::Hand(value->owner, it->second);
  });
}

parley_status parley_value_id(const parley_value* value, uint64_t* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    if (v.is_node()) {
      *out = v.as_node().id;
    } else if (v.is_relationship()) {
      *out = v.as_relationship().id;
    } else {
      WrongType(v, "a NODE or RELATIONSHIP");
    }
  });
}

parley_status parley_value_label_count(const parley_value* node, size_t* out) {
  return Guarded([&] {
    const Value& v = Read(node);
    Require(out, "out");
    if (!v.is_node()) WrongType(v, "a NODE");
    *out = v.as_node().labels.size();
  });
}

parley_status parley_value_label_at(const parley_value* node, size_t index, const char** out) {
  return Guarded([&] {
    const Value& v = Read(node);
    Require(out, "out");
    if (!v.is_node()) WrongType(v, "a NODE");
    CheckIndex(index, v.as_node().labels.size(), "label");
    *out = v.as_node().labels[index].c_str();
  });
}

parley_status parley_value_rel_type(const parley_value* rel, const char** out) {
  return Guarded([&] {
    const Value& v = Read(rel);
    Require(out, "out");
    if (!v.is_relationship()) WrongType(v, "a RELATIONSHIP");
    *out = v.as_relationship().type.c_str();
  });
}

parley_status parley_value_rel_ends(const parley_value* rel, uint64_t* start, uint64_t* end) {
  return Guarded([&] {
    const Value& v = Read(rel);
    Require(start, "start");
    Require(end, "end");
    if (!v.is_relationship()) WrongType(v, "a RELATIONSHIP");
    *start = v.as_relationship().start;
    *end = v.as_relationship().end;
  });
}

parley_status parley_value_temporal(const parley_value* value, parley_temporal* out) {
  return Guarded([&] {
    const Value& v = Read(value);
    Require(out, "out");
    parley_temporal t{0, 0, 0, 0, 0, ""};
    const auto& s = v.storage();
    if (const auto* d = std::get_if<parley::Date>(&s)) {
      t.days = d->days;
    } else if (const auto* lt = std::get_if<parley::LocalTime>(&s)) {
      t.nanos = lt->nanos;
    } else if (const auto* tm = std::get_if<parley::Time>(&s)) {
      t.nanos = tm->nanos;
      t.offset_seconds = tm->offset_seconds;
    } else if (const auto* ldt = std::get_if<parley::LocalDateTime>(&s)) {
      t.seconds = ldt->seconds;
      t.nanos = ldt->nanos;
    } else if (const auto* dt = std::get_if<parley::DateTime>(&s)) {
      t.seconds = dt->seconds;
      t.nanos = dt->nanos;
      t.offset_seconds = dt->offset_seconds;
      t.zone = dt->zone.c_str();
    } else if (const auto* du = std::get_if<parley::Duration>(&s)) {
      t.months = du->months;
      t.days = du->days;
      t.seconds = du->seconds;
      t.nanos = du->nanos;
    } else {
      WrongType(v, "a temporal value");
    }
    *out = t;
  });
}

}  // extern "C"
