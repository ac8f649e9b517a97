#include "engine/storage/value_codec.h"

#include <algorithm>
#include <bit>

#include "parley/error.h"

namespace parley::storage {
namespace {

std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t UnZigZag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

void AppendSigned(std::string* out, std::int64_t v) { AppendVarint(out, ZigZag(v)); }

bool ReadSigned(std::string_view* in, std::int64_t* v) {
  std::uint64_t raw;
  if (!ReadVarint(in, &raw)) return false;
  *v = UnZigZag(raw);
  return true;
}

template <typename Int>
bool ReadSignedAs(std::string_view* in, Int* v) {
  std::int64_t wide;
  if (!ReadSigned(in, &wide)) return false;
  *v = static_cast<Int>(wide);
  return true;
}

bool ReadString(std::string_view* in, std::string* s) {
  std::uint64_t size;
  if (!ReadVarint(in, &size) || size > in->size()) return false;
  s->assign(in->substr(0, size));
  in->remove_prefix(size);
  return true;
}

bool IsScalarPropertyType(ValueType type) {
  switch (type) {
    case ValueType::kBool:
    case ValueType::kInt:
    case ValueType::kFloat:
    case ValueType::kString:
    case ValueType::kDate:
    case ValueType::kLocalTime:
    case ValueType::kTime:
    case ValueType::kLocalDateTime:
    case ValueType::kDateTime:
    case ValueType::kDuration:
      return true;
    default:
      return false;
  }
}

bool DecodeTemporal(ValueType type, std::string_view* in, Value* value) {
  switch (type) {
    case ValueType::kDate: {
      Date d;
      if (!ReadSigned(in, &d.days)) return false;
      *value = d;
      return true;
    }
    case ValueType::kLocalTime: {
      LocalTime t;
      if (!ReadSigned(in, &t.nanos)) return false;
      *value = t;
      return true;
    }
    case ValueType::kTime: {
      Time t;
      if (!ReadSigned(in, &t.nanos) || !ReadSignedAs(in, &t.offset_seconds)) return false;
      *value = t;
      return true;
    }
    case ValueType::kLocalDateTime: {
      LocalDateTime t;
      if (!ReadSigned(in, &t.seconds) || !ReadSignedAs(in, &t.nanos)) return false;
      *value = t;
      return true;
    }
    case ValueType::kDateTime: {
      DateTime t;
      if (!ReadSigned(in, &t.seconds) || !ReadSignedAs(in, &t.nanos) ||
          !ReadSignedAs(in, &t.offset_seconds) || !ReadString(in, &t.zone)) {
        return false;
      }
      *value = std::move(t);
      return true;
    }
    case ValueType::kDuration: {
      Duration d;
      if (!ReadSigned(in, &d.months) || !ReadSigned(in, &d.days) || !ReadSigned(in, &d.seconds) ||
          !ReadSignedAs(in, &d.nanos)) {
        return false;
      }
      *value = d;
      return true;
    }
    default:
      return false;
  }
}

[[noreturn]] void ThrowCorrupt(std::string_view what) {
  throw Error(ErrorKind::kRuntimeError, "CorruptData",
              "the database holds a malformed " + std::string(what) + " record");
}

void AppendProperties(const PropertyMap& properties, std::string* out) {
  AppendVarint(out, properties.size());
  for (const auto& [key, value] : properties) {
    AppendVarint(out, key.value);
    EncodeValue(value, out);
  }
}

bool ReadProperties(std::string_view* in, PropertyMap* properties) {
  std::uint64_t count;
  if (!ReadVarint(in, &count) || count > in->size()) return false;
  properties->reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t key;
    Value value;
    if (!ReadVarint(in, &key) || !DecodeValue(in, &value)) return false;
    properties->emplace_back(PropKeyId(static_cast<std::uint32_t>(key)), std::move(value));
  }
  return true;
}

}  // namespace

bool IsPropertyValue(const Value& value) {
  if (IsScalarPropertyType(value.type())) return true;
  if (!value.is_list()) return false;
  const List& list = value.as_list();
  if (list.empty()) return true;
  ValueType first = list.front().type();
  if (!IsScalarPropertyType(first)) return false;
  return std::all_of(list.begin(), list.end(),
                     [first](const Value& v) { return v.type() == first; });
}

void CheckPropertyValue(const Value& value) {
  if (IsPropertyValue(value)) return;
  throw Error(ErrorKind::kTypeError, "InvalidPropertyType",
              "a property cannot hold " + value.ToString() +
                  ": properties are booleans, numbers, strings, temporal values or "
                  "lists of one such type");
}

void AppendVarint(std::string* out, std::uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool ReadVarint(std::string_view* in, std::uint64_t* v) {
  std::uint64_t result = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    result |= std::uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

void EncodeValue(const Value& value, std::string* out) {
  out->push_back(static_cast<char>(value.type()));
  const Value::Storage& s = value.storage();
  switch (value.type()) {
    case ValueType::kBool:
      out->push_back(value.as_bool() ? 1 : 0);
      return;
    case ValueType::kInt:
      AppendSigned(out, value.as_int());
      return;
    case ValueType::kFloat: {
      std::uint64_t bits = std::bit_cast<std::uint64_t>(value.as_float());
      for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(bits >> (8 * i)));
      return;
    }
    case ValueType::kString:
      AppendVarint(out, value.as_string().size());
      out->append(value.as_string());
      return;
    case ValueType::kList:
      AppendVarint(out, value.as_list().size());
      for (const Value& element : value.as_list()) EncodeValue(element, out);
      return;
    case ValueType::kDate:
      AppendSigned(out, std::get<Date>(s).days);
      return;
    case ValueType::kLocalTime:
      AppendSigned(out, std::get<LocalTime>(s).nanos);
      return;
    case ValueType::kTime:
      AppendSigned(out, std::get<Time>(s).nanos);
      AppendSigned(out, std::get<Time>(s).offset_seconds);
      return;
    case ValueType::kLocalDateTime:
      AppendSigned(out, std::get<LocalDateTime>(s).seconds);
      AppendSigned(out, std::get<LocalDateTime>(s).nanos);
      return;
    case ValueType::kDateTime: {
      const DateTime& t = std::get<DateTime>(s);
      AppendSigned(out, t.seconds);
      AppendSigned(out, t.nanos);
      AppendSigned(out, t.offset_seconds);
      AppendVarint(out, t.zone.size());
      out->append(t.zone);
      return;
    }
    case ValueType::kDuration: {
      const Duration& d = std::get<Duration>(s);
      AppendSigned(out, d.months);
      AppendSigned(out, d.days);
      AppendSigned(out, d.seconds);
      AppendSigned(out, d.nanos);
      return;
    }
    default:
      return;  // excluded by the precondition
  }
}

bool DecodeValue(std::string_view* in, Value* value) {
  if (in->empty()) return false;
  auto type = static_cast<ValueType>(in->front());
  in->remove_prefix(1);
  switch (type) {
    case ValueType::kBool:
      if (in->empty()) return false;
      *value = in->front() != 0;
      in->remove_prefix(1);
      return true;
    case ValueType::kInt: {
      std::int64_t i;
      if (!ReadSigned(in, &i)) return false;
      *value = i;
      return true;
    }
    case ValueType::kFloat: {
      if (in->size() < 8) return false;
      std::uint64_t bits = 0;
      for (int i = 0; i < 8; ++i)
        bits |= std::uint64_t{static_cast<unsigned char>((*in)[i])} << (8 * i);
      in->remove_prefix(8);
      *value = std::bit_cast<double>(bits);
      return true;
    }
    case ValueType::kString: {
      std::string s;
      if (!ReadString(in, &s)) return false;
      *value = std::move(s);
      return true;
    }
    case ValueType::kList: {
      std::uint64_t count;
      if (!ReadVarint(in, &count) || count > in->size()) return false;
      List list(count);
      for (Value& element : list) {
        if (!DecodeValue(in, &element)) return false;
      }
      *value = std::move(list);
      return true;
    }
    default:
      return DecodeTemporal(type, in, value);
  }
}

std::string EncodeNodeRecord(const NodeRecord& record) {
  std::string out;
  AppendVarint(&out, record.labels.size());
  for (LabelId label : record.labels) AppendVarint(&out, label.value);
  AppendProperties(record.properties, &out);
  return out;
}

NodeRecord DecodeNodeRecord(std::string_view in) {
  NodeRecord record;
  std::uint64_t count;
  if (!ReadVarint(&in, &count) || count > in.size()) ThrowCorrupt("node");
  record.labels.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t label;
    if (!ReadVarint(&in, &label)) ThrowCorrupt("node");
    record.labels.emplace_back(static_cast<std::uint32_t>(label));
  }
  if (!ReadProperties(&in, &record.properties) || !in.empty()) ThrowCorrupt("node");
  return record;
}

std::string EncodeRelValue(const RelValue& rel) {
  std::string out;
  AppendVarint(&out, rel.type.value);
  AppendVarint(&out, rel.start.value);
  AppendVarint(&out, rel.end.value);
  AppendProperties(rel.properties, &out);
  return out;
}

RelValue DecodeRelValue(std::string_view in) {
  RelValue rel;
  std::uint64_t type, start, end;
  if (!ReadVarint(&in, &type) || !ReadVarint(&in, &start) || !ReadVarint(&in, &end) ||
      !ReadProperties(&in, &rel.properties) || !in.empty()) {
    ThrowCorrupt("relationship");
  }
  rel.type = RelTypeId(static_cast<std::uint32_t>(type));
  rel.start = NodeId(start);
  rel.end = NodeId(end);
  return rel;
}

Value SetInMap(PropertyMap* map, PropKeyId key, const Value& value) {
  auto it = std::lower_bound(map->begin(), map->end(), key,
                             [](const auto& entry, PropKeyId k) { return entry.first < k; });
  Value previous;
  if (it != map->end() && it->first == key) {
    previous = std::move(it->second);
    if (value.is_null()) {
      map->erase(it);
    } else {
      it->second = value;
    }
  } else if (!value.is_null()) {
    map->emplace(it, key, value);
  }
  return previous;
}

Value FindInMap(const PropertyMap& map, PropKeyId key) {
  auto it = std::lower_bound(map.begin(), map.end(), key,
                             [](const auto& entry, PropKeyId k) { return entry.first < k; });
  return it != map.end() && it->first == key ? it->second : Value();
}

}  // namespace parley::storage
