#include "engine/storage/key_codec.h"

#include <bit>
#include <cmath>
#include <limits>

namespace parley::storage {
namespace {

// Group bytes of index values. Their order is the cross-type order of the index, which
// no range seek relies on (ranges stay inside one group).
constexpr char kGroupBool = 0x10;
constexpr char kGroupNumber = 0x20;
constexpr char kGroupString = 0x30;
constexpr char kGroupList = 0x40;
constexpr char kGroupDate = 0x50;
constexpr char kGroupLocalTime = 0x51;
constexpr char kGroupTime = 0x52;
constexpr char kGroupLocalDateTime = 0x53;
constexpr char kGroupDateTime = 0x54;
constexpr char kGroupDuration = 0x55;

// Meta key tags.
constexpr char kMetaVersion = 'v';
constexpr char kMetaIndexDef = 'X';
constexpr char kMetaConstraintDef = 'U';
constexpr char kMetaCounter = 'c';
constexpr char kMetaCount = '#';

void AppendOrderedInt64(std::string* out, std::int64_t v) {
  AppendBigEndian64(out, static_cast<std::uint64_t>(v) ^ (std::uint64_t{1} << 63));
}
void AppendOrderedInt32(std::string* out, std::int32_t v) {
  AppendBigEndian32(out, static_cast<std::uint32_t>(v) ^ (std::uint32_t{1} << 31));
}

// A double's bits flipped so that unsigned byte order is numeric order: negative numbers
// have all bits inverted, non-negative ones only the sign bit.
std::uint64_t OrderedDoubleBits(double d) {
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
  if (d == 0.0) d = 0.0;  // -0.0 == 0.0 in Cypher
  std::uint64_t bits = std::bit_cast<std::uint64_t>(d);
  if (std::isnan(d)) bits = 0x7ff8000000000000ull;  // one NaN, above +inf
  return (bits & (std::uint64_t{1} << 63)) ? ~bits : bits | (std::uint64_t{1} << 63);
}

// Numbers: the largest double not above the value, then the (small, non-negative)
// integer remainder. A float f and an integer i with floor-double d compare as f vs d
// first; f == d leaves f <= i, decided by the remainder (0 for every float). Doubles
// are 2^11 apart at most within int64's range, so the remainder fits 16 bits.
void AppendNumber(std::string* out, const Value& value) {
  double d;
  std::uint16_t remainder = 0;
  if (value.is_int()) {
    std::int64_t i = value.as_int();
    d = static_cast<double>(i);
    if (static_cast<__int128>(d) > i) d = std::nextafter(d, -HUGE_VAL);
    remainder = static_cast<std::uint16_t>(static_cast<__int128>(i) - static_cast<__int128>(d));
  } else {
    d = value.as_float();
  }
  out->push_back(kGroupNumber);
  AppendBigEndian64(out, OrderedDoubleBits(d));
  out->push_back(static_cast<char>(remainder >> 8));
  out->push_back(static_cast<char>(remainder & 0xff));
}

// Strings: 0x00 escaped as 0x00 0xff, then the terminator 0x00 0x01, so that no encoded
// string is a prefix of another and byte order is preserved.
void AppendEscapedString(std::string* out, std::string_view s) {
  for (char c : s) {
    out->push_back(c);
    if (c == '\0') out->push_back('\xff');
  }
  out->push_back('\0');
  out->push_back('\x01');
}

std::string Tagged(char tag, std::size_t reserve) {
  std::string key;
  key.reserve(reserve);
  key.push_back(tag);
  return key;
}

}  // namespace

void AppendBigEndian32(std::string* out, std::uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i, v >>= 8) buf[i] = static_cast<char>(v & 0xff);
  out->append(buf, 4);
}

void AppendBigEndian64(std::string* out, std::uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i, v >>= 8) buf[i] = static_cast<char>(v & 0xff);
  out->append(buf, 8);
}

std::uint32_t ReadBigEndian32(std::string_view in) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::uint64_t ReadBigEndian64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::string EncodeNodeKey(NodeId id) {
  std::string key;
  AppendBigEndian64(&key, id.value);
  return key;
}

std::optional<NodeId> DecodeNodeKey(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return NodeId(ReadBigEndian64(key));
}

std::string EncodeRelKey(RelId id) {
  std::string key;
  AppendBigEndian64(&key, id.value);
  return key;
}

std::optional<RelId> DecodeRelKey(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return RelId(ReadBigEndian64(key));
}

std::string EncodeAdjacencyKey(NodeId node, RelTypeId type, NodeId other, RelId rel) {
  std::string key;
  key.reserve(kAdjacencyKeySize);
  AppendBigEndian64(&key, node.value);
  AppendBigEndian32(&key, type.value);
  AppendBigEndian64(&key, other.value);
  AppendBigEndian64(&key, rel.value);
  return key;
}

std::optional<AdjacencyKey> DecodeAdjacencyKey(std::string_view key) {
  if (key.size() != kAdjacencyKeySize) return std::nullopt;
  return AdjacencyKey{NodeId(ReadBigEndian64(key)), RelTypeId(ReadBigEndian32(key.substr(8))),
                      NodeId(ReadBigEndian64(key.substr(12))),
                      RelId(ReadBigEndian64(key.substr(20)))};
}

std::string EncodeAdjacencyPrefix(NodeId node) { return EncodeNodeKey(node); }

std::string EncodeAdjacencyPrefix(NodeId node, RelTypeId type) {
  std::string key = EncodeNodeKey(node);
  AppendBigEndian32(&key, type.value);
  return key;
}

std::string EncodeLabelKey(LabelId label, NodeId node) {
  std::string key = EncodeLabelPrefix(label);
  AppendBigEndian64(&key, node.value);
  return key;
}

std::optional<std::pair<LabelId, NodeId>> DecodeLabelKey(std::string_view key) {
  if (key.size() != 12) return std::nullopt;
  return std::pair(LabelId(ReadBigEndian32(key)), NodeId(ReadBigEndian64(key.substr(4))));
}

std::string EncodeLabelPrefix(LabelId label) {
  std::string key;
  AppendBigEndian32(&key, label.value);
  return key;
}

std::string EncodeTypeKey(RelTypeId type, RelId rel) {
  std::string key = EncodeTypePrefix(type);
  AppendBigEndian64(&key, rel.value);
  return key;
}

std::optional<std::pair<RelTypeId, RelId>> DecodeTypeKey(std::string_view key) {
  if (key.size() != 12) return std::nullopt;
  return std::pair(RelTypeId(ReadBigEndian32(key)), RelId(ReadBigEndian64(key.substr(4))));
}

std::string EncodeTypePrefix(RelTypeId type) {
  std::string key;
  AppendBigEndian32(&key, type.value);
  return key;
}

void EncodeIndexValue(const Value& value, std::string* out) {
  const Value::Storage& s = value.storage();
  switch (value.type()) {
    case ValueType::kBool:
      out->push_back(kGroupBool);
      out->push_back(value.as_bool() ? 1 : 0);
      return;
    case ValueType::kInt:
    case ValueType::kFloat:
      AppendNumber(out, value);
      return;
    case ValueType::kString:
      out->push_back(kGroupString);
      AppendEscapedString(out, value.as_string());
      return;
    case ValueType::kList:
      out->push_back(kGroupList);
      for (const Value& element : value.as_list()) {
        out->push_back('\x01');
        EncodeIndexValue(element, out);
      }
      out->push_back('\0');
      return;
    case ValueType::kDate:
      out->push_back(kGroupDate);
      AppendOrderedInt64(out, std::get<Date>(s).days);
      return;
    case ValueType::kLocalTime:
      out->push_back(kGroupLocalTime);
      AppendOrderedInt64(out, std::get<LocalTime>(s).nanos);
      return;
    case ValueType::kTime: {
      const Time& t = std::get<Time>(s);
      out->push_back(kGroupTime);  // by instant, then offset
      AppendOrderedInt64(out, t.nanos - std::int64_t{t.offset_seconds} * 1000000000);
      AppendOrderedInt32(out, t.offset_seconds);
      return;
    }
    case ValueType::kLocalDateTime: {
      const LocalDateTime& t = std::get<LocalDateTime>(s);
      out->push_back(kGroupLocalDateTime);
      AppendOrderedInt64(out, t.seconds);
      AppendOrderedInt32(out, t.nanos);
      return;
    }
    case ValueType::kDateTime: {
      const DateTime& t = std::get<DateTime>(s);
      out->push_back(kGroupDateTime);
      AppendOrderedInt64(out, t.seconds);
      AppendOrderedInt32(out, t.nanos);
      AppendOrderedInt32(out, t.offset_seconds);
      AppendEscapedString(out, t.zone);
      return;
    }
    case ValueType::kDuration: {
      const Duration& d = std::get<Duration>(s);
      out->push_back(kGroupDuration);
      AppendOrderedInt64(out, d.months);
      AppendOrderedInt64(out, d.days);
      AppendOrderedInt64(out, d.seconds);
      AppendOrderedInt32(out, d.nanos);
      return;
    }
    default:
      out->push_back('\0');  // not a property value; never stored
      return;
  }
}

std::string EncodeIndexPrefix(LabelId label, PropKeyId key) {
  std::string out;
  AppendBigEndian32(&out, label.value);
  AppendBigEndian32(&out, key.value);
  return out;
}

std::string EncodeIndexKey(LabelId label, PropKeyId key, const Value& value, NodeId node) {
  std::string out = EncodeIndexPrefix(label, key);
  EncodeIndexValue(value, &out);
  AppendBigEndian64(&out, node.value);
  return out;
}

std::optional<NodeId> DecodeIndexKeyNode(std::string_view key) {
  if (key.size() < 8 + 8 + 1) return std::nullopt;
  return NodeId(ReadBigEndian64(key.substr(key.size() - 8)));
}

std::string IndexGroupBegin(std::string_view prefix, const Value& value) {
  std::string out(prefix);
  std::string encoded;
  EncodeIndexValue(value, &encoded);
  out.push_back(encoded[0]);
  return out;
}

std::string IndexGroupEnd(std::string_view prefix, const Value& value) {
  std::string out(prefix);
  std::string encoded;
  EncodeIndexValue(value, &encoded);
  if (encoded[0] == kGroupNumber) {
    EncodeIndexValue(Value(std::numeric_limits<double>::quiet_NaN()), &out);
    return out;
  }
  out.push_back(static_cast<char>(encoded[0] + 1));
  return out;
}

std::string EncodeFormatVersionKey() { return std::string(1, kMetaVersion); }

std::string EncodeNameKey(NameKind kind, std::uint32_t id) {
  std::string key = EncodeNamePrefix(kind);
  AppendBigEndian32(&key, id);
  return key;
}

std::string EncodeNamePrefix(NameKind kind) { return std::string(1, static_cast<char>(kind)); }

std::optional<std::uint32_t> DecodeNameKey(NameKind kind, std::string_view key) {
  if (key.size() != 5 || key[0] != static_cast<char>(kind)) return std::nullopt;
  return ReadBigEndian32(key.substr(1));
}

std::string EncodeIndexDefKey(LabelId label, PropKeyId key) {
  std::string out = EncodeIndexDefPrefix();
  AppendBigEndian32(&out, label.value);
  AppendBigEndian32(&out, key.value);
  return out;
}

std::string EncodeIndexDefPrefix() { return std::string(1, kMetaIndexDef); }

std::optional<std::pair<LabelId, PropKeyId>> DecodeIndexDefKey(std::string_view key) {
  if (key.size() != 9 || key[0] != kMetaIndexDef) return std::nullopt;
  return std::pair(LabelId(ReadBigEndian32(key.substr(1))),
                   PropKeyId(ReadBigEndian32(key.substr(5))));
}

std::string EncodeConstraintDefKey(LabelId label, PropKeyId key) {
  std::string out = EncodeConstraintDefPrefix();
  AppendBigEndian32(&out, label.value);
  AppendBigEndian32(&out, key.value);
  return out;
}

std::string EncodeConstraintDefPrefix() { return std::string(1, kMetaConstraintDef); }

std::optional<std::pair<LabelId, PropKeyId>> DecodeConstraintDefKey(std::string_view key) {
  if (key.size() != 9 || key[0] != kMetaConstraintDef) return std::nullopt;
  return std::pair(LabelId(ReadBigEndian32(key.substr(1))),
                   PropKeyId(ReadBigEndian32(key.substr(5))));
}

std::string EncodeConstraintDef(const std::string& name, bool owns_index) {
  std::string out(1, owns_index ? '\x01' : '\x00');
  out += name;
  return out;
}

std::optional<std::pair<std::string, bool>> DecodeConstraintDef(std::string_view value) {
  if (value.empty()) return std::nullopt;
  return std::pair(std::string(value.substr(1)), value[0] != 0);
}

std::string EncodeCounterKey(CounterKind kind) {
  std::string key = Tagged(kMetaCounter, 2);
  key.push_back(static_cast<char>(kind));
  return key;
}

std::string EncodeNodeCountKey() { return std::string{kMetaCount, 'N'}; }
std::string EncodeRelCountKey() { return std::string{kMetaCount, 'R'}; }

std::string EncodeLabelCountKey(LabelId label) {
  std::string key{kMetaCount, 'l'};
  AppendBigEndian32(&key, label.value);
  return key;
}

std::string EncodeTypeCountKey(RelTypeId type) {
  std::string key{kMetaCount, 't'};
  AppendBigEndian32(&key, type.value);
  return key;
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    if (static_cast<unsigned char>(out.back()) != 0xff) {
      out.back() = static_cast<char>(static_cast<unsigned char>(out.back()) + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

}  // namespace parley::storage
