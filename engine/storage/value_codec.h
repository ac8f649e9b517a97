// Values of the `node` and `rel` families: property values, node and relationship records.
//
// A property value is bool, integer, float, string, a temporal value, or a homogeneous
// list of one of those (no nulls, no nested lists, integers and floats not mixed). The
// encoding is compact, self-delimiting and not order-preserving (index keys use
// key_codec's order-preserving form). Layouts: docs/storage-format.md.
#ifndef PARLEY_ENGINE_STORAGE_VALUE_CODEC_H_
#define PARLEY_ENGINE_STORAGE_VALUE_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph_store.h"

namespace parley::storage {

// True when `value` may be stored as a property (null is not: it means "remove").
bool IsPropertyValue(const Value& value);
// Throws Error(kTypeError, "InvalidPropertyType", ...) unless IsPropertyValue(value).
void CheckPropertyValue(const Value& value);

void AppendVarint(std::string* out, std::uint64_t v);
// Reads a varint from the front of `*in` and advances it; false when malformed.
bool ReadVarint(std::string_view* in, std::uint64_t* v);

// REQUIRES: IsPropertyValue(value).
void EncodeValue(const Value& value, std::string* out);
// Decodes one value from the front of `*in` and advances it; false when malformed.
bool DecodeValue(std::string_view* in, Value* value);

struct NodeRecord {
  std::vector<LabelId> labels;  // sorted, unique
  PropertyMap properties;       // sorted by key, no nulls
};
struct RelValue {
  RelTypeId type;
  NodeId start;
  NodeId end;
  PropertyMap properties;
};

std::string EncodeNodeRecord(const NodeRecord& record);
// Throws Error(kRuntimeError, "CorruptData", ...) when malformed.
NodeRecord DecodeNodeRecord(std::string_view in);
std::string EncodeRelValue(const RelValue& rel);
RelValue DecodeRelValue(std::string_view in);  // throws like DecodeNodeRecord

// Sets (or, for null, removes) `key` in a sorted map; returns the previous value (null
// when absent).
Value SetInMap(PropertyMap* map, PropKeyId key, const Value& value);
// The value of `key` in a sorted map; null when absent.
Value FindInMap(const PropertyMap& map, PropKeyId key);

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_VALUE_CODEC_H_
