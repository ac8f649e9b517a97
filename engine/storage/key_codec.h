// Keys of every column family: the only place that builds or parses them.
//
// Integers are big-endian so that byte order is numeric order and a prefix of a key
// (e.g. the start node of an `out` key) selects a contiguous range. The layouts are
// documented in docs/storage-format.md; decoders return nullopt for a malformed key.
//
// Index keys hold property values in an order-preserving encoding (EncodeIndexValue):
// comparing encoded bytes compares values as Cypher orders them within one type group.
// Integers and floats form one group and sort numerically together (1 < 1.5 < 2; an
// integer and a float with the same value encode identically); -0.0 encodes as 0.0;
// NaN sorts after +infinity. Strings sort by their UTF-8 bytes.
#ifndef PARLEY_ENGINE_STORAGE_KEY_CODEC_H_
#define PARLEY_ENGINE_STORAGE_KEY_CODEC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/common/ids.h"
#include "parley/value.h"

namespace parley::storage {

// --- Fixed-width big-endian integers (also used by tests and the value codec).
void AppendBigEndian32(std::string* out, std::uint32_t v);
void AppendBigEndian64(std::string* out, std::uint64_t v);
std::uint32_t ReadBigEndian32(std::string_view in);  // REQUIRES: in.size() >= 4
std::uint64_t ReadBigEndian64(std::string_view in);  // REQUIRES: in.size() >= 8

// --- `node` and `rel`: the id, 8 bytes.
std::string EncodeNodeKey(NodeId id);
std::optional<NodeId> DecodeNodeKey(std::string_view key);
std::string EncodeRelKey(RelId id);
std::optional<RelId> DecodeRelKey(std::string_view key);

// --- `out` key: start | type | end | rel; `in` key: end | type | start | rel. Both
// 28 bytes, big-endian: a prefix scan on (node) or (node, type) yields exactly one
// node's edges in that direction.
struct AdjacencyKey {
  NodeId node;  // the node whose list this is (start for `out`, end for `in`)
  RelTypeId type;
  NodeId other;  // the far end
  RelId rel;
};
inline constexpr std::size_t kAdjacencyKeySize = 28;
std::string EncodeAdjacencyKey(NodeId node, RelTypeId type, NodeId other, RelId rel);
std::optional<AdjacencyKey> DecodeAdjacencyKey(std::string_view key);
std::string EncodeAdjacencyPrefix(NodeId node);                  // 8 bytes
std::string EncodeAdjacencyPrefix(NodeId node, RelTypeId type);  // 12 bytes

// --- `label` key: label | node (12 bytes). `type` key: rel type | rel (12 bytes).
std::string EncodeLabelKey(LabelId label, NodeId node);
std::optional<std::pair<LabelId, NodeId>> DecodeLabelKey(std::string_view key);
std::string EncodeLabelPrefix(LabelId label);
std::string EncodeTypeKey(RelTypeId type, RelId rel);
std::optional<std::pair<RelTypeId, RelId>> DecodeTypeKey(std::string_view key);
std::string EncodeTypePrefix(RelTypeId type);

// --- `index` key: label | key | EncodeIndexValue(value) | node.
// REQUIRES for EncodeIndexValue: a property value (see value_codec.h).
void EncodeIndexValue(const Value& value, std::string* out);
std::string EncodeIndexPrefix(LabelId label, PropKeyId key);  // 8 bytes
std::string EncodeIndexKey(LabelId label, PropKeyId key, const Value& value, NodeId node);
// The node id of an index key (its last 8 bytes); nullopt when too short.
std::optional<NodeId> DecodeIndexKeyNode(std::string_view key);
// The type group of an encoded index value (its first byte), and the key range
// [GroupBegin, GroupEnd) holding every value of `value`'s group under `prefix`.
// For numbers, GroupEnd stops before NaN, which no range comparison matches.
std::string IndexGroupBegin(std::string_view prefix, const Value& value);
std::string IndexGroupEnd(std::string_view prefix, const Value& value);

// --- `meta` keys.
enum class NameKind : char { kLabel = 'L', kRelType = 'T', kPropKey = 'K' };
enum class CounterKind : char { kNextNode = 'n', kNextRel = 'r' };
std::string EncodeFormatVersionKey();
std::string EncodeNameKey(NameKind kind, std::uint32_t id);
std::string EncodeNamePrefix(NameKind kind);
std::optional<std::uint32_t> DecodeNameKey(NameKind kind, std::string_view key);
std::string EncodeIndexDefKey(LabelId label, PropKeyId key);
std::string EncodeIndexDefPrefix();
std::optional<std::pair<LabelId, PropKeyId>> DecodeIndexDefKey(std::string_view key);
// A uniqueness constraint: key 'U' | label | key; value EncodeConstraintDef.
std::string EncodeConstraintDefKey(LabelId label, PropKeyId key);
std::string EncodeConstraintDefPrefix();
std::optional<std::pair<LabelId, PropKeyId>> DecodeConstraintDefKey(std::string_view key);
// The value: one byte, 1 when the constraint owns its index (else 0), then the name.
std::string EncodeConstraintDef(const std::string& name, bool owns_index);
// nullopt for an empty value.
std::optional<std::pair<std::string, bool>> DecodeConstraintDef(std::string_view value);
std::string EncodeCounterKey(CounterKind kind);
// Exact counts: all nodes, all rels, per label, per rel type.
std::string EncodeNodeCountKey();
std::string EncodeRelCountKey();
std::string EncodeLabelCountKey(LabelId label);
std::string EncodeTypeCountKey(RelTypeId type);

// The smallest key greater than every key with prefix `prefix` (for upper bounds);
// empty when no such key exists (prefix all 0xff).
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_KEY_CODEC_H_
