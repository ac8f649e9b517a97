// RocksTxn: nodes and relationships.
#include <fmt/format.h>

#include <algorithm>

#include "engine/storage/key_codec.h"
#include "engine/storage/txn_impl.h"

namespace parley::storage {
namespace {

// Validates, drops nulls, sorts by key; a later entry for the same key wins.
PropertyMap NormaliseProperties(PropertyMap properties) {
  PropertyMap out;
  out.reserve(properties.size());
  for (auto& [key, value] : properties) {
    if (!value.is_null()) CheckPropertyValue(value);
    SetInMap(&out, key, value);
  }
  return out;
}

std::string EncodeEnds(NodeId start, NodeId end) {
  std::string out;
  AppendBigEndian64(&out, start.value);
  AppendBigEndian64(&out, end.value);
  return out;
}

[[noreturn]] void ThrowNodeNotFound(NodeId id) {
  throw Error(ErrorKind::kEntityNotFound, "NodeNotFound",
              fmt::format("node {} does not exist", id.value));
}

}  // namespace

NodeRecord RocksTxn::ReadNode(NodeId id) const {
  if (const NodeRecord* pending; PendingRecord(id, &pending)) {
    if (pending == nullptr) ThrowNodeNotFound(id);
    return *pending;
  }
  if (const NodeTable* table = TableFor(id)) {
    if (!table->Contains(id)) ThrowNodeNotFound(id);
    return table->Record(id);
  }
  std::string value;
  if (!Get(Cf::kNode, EncodeNodeKey(id), &value)) ThrowNodeNotFound(id);
  return DecodeNodeRecord(value);
}

RelValue RocksTxn::ReadRel(RelId id) const {
  std::string value;
  if (!Get(Cf::kRel, EncodeRelKey(id), &value)) {
    throw Error(ErrorKind::kEntityNotFound, "RelationshipNotFound",
                fmt::format("relationship {} does not exist", id.value));
  }
  return DecodeRelValue(value);
}

void RocksTxn::CheckUniqueEntries(NodeId id, std::span<const LabelId> labels,
                                  const PropertyMap& properties) const {
  if (schema_->unique.empty()) return;
  for (LabelId label : labels) {
    for (const auto& [key, value] : properties) {
      if (!value.is_null() && schema_->IsUnique(label, key)) CheckUnique(label, key, value, id);
    }
  }
}

void RocksTxn::UpdateIndexEntries(NodeId id, std::span<const LabelId> labels,
                                  const PropertyMap& properties, bool add) {
  for (LabelId label : labels) {
    if (!schema_->LabelHasIndexes(label)) continue;
    for (const auto& [key, value] : properties) {
      if (!schema_->HasIndex(label, key)) continue;
      std::string index_key = EncodeIndexKey(label, key, value, id);
      if (add) {
        Put(Cf::kIndex, index_key, std::string());
      } else {
        Delete(Cf::kIndex, index_key);
      }
    }
  }
}

NodeId RocksTxn::CreateNode(std::span<const LabelId> labels, PropertyMap properties) {
  RequireWritable("create a node");
  NodeRecord record;
  record.labels.assign(labels.begin(), labels.end());
  std::sort(record.labels.begin(), record.labels.end());
  record.labels.erase(std::unique(record.labels.begin(), record.labels.end()), record.labels.end());
  record.properties = NormaliseProperties(std::move(properties));
  CheckUniqueEntries(NodeId(next_node_), record.labels, record.properties);
  NodeId id(next_node_++);
  for (LabelId label : record.labels) {
    Put(Cf::kLabel, EncodeLabelKey(label, id), std::string());
    AddCount(EncodeLabelCountKey(label), 1);
  }
  AddCount(EncodeNodeCountKey(), 1);
  UpdateIndexEntries(id, record.labels, record.properties, true);
  WriteNodeRecord(id, std::move(record));
  topology_changed_ = true;
  return id;
}

bool RocksTxn::NodeExists(NodeId id) const {
  if (const NodeRecord* pending; PendingRecord(id, &pending)) return pending != nullptr;
  if (const NodeTable* table = TableFor(id)) return table->Contains(id);
  std::string value;
  return Get(Cf::kNode, EncodeNodeKey(id), &value);
}

std::vector<LabelId> RocksTxn::NodeLabels(NodeId id) const { return ReadNode(id).labels; }

// The two readers below answer from the NodeTable without making the whole record.

bool RocksTxn::NodeHasLabel(NodeId id, LabelId label) const {
  if (const NodeTable* table = TableFor(id)) {
    if (!table->Contains(id)) ThrowNodeNotFound(id);
    return table->HasLabel(id, label);
  }
  std::vector<LabelId> labels = ReadNode(id).labels;
  return std::binary_search(labels.begin(), labels.end(), label);
}

Value RocksTxn::NodeProperty(NodeId id, PropKeyId key) const {
  if (const NodeTable* table = TableFor(id)) {
    const PropertyColumn* column = table->ColumnFor(id, key);
    std::uint32_t slot = NodeTable::SlotOf(id);
    if (column != nullptr && column->Has(slot)) return column->Get(slot);  // the node exists
    if (!table->Contains(id)) ThrowNodeNotFound(id);
    return Value();
  }
  return FindInMap(ReadNode(id).properties, key);
}

PropertyMap RocksTxn::NodeProperties(NodeId id) const { return ReadNode(id).properties; }

void RocksTxn::SetNodeProperty(NodeId id, PropKeyId key, const Value& value) {
  RequireWritable("set a property");
  if (!value.is_null()) CheckPropertyValue(value);
  NodeRecord record = ReadNode(id);
  if (!value.is_null()) CheckUniqueEntries(id, record.labels, {{key, value}});
  Value previous = SetInMap(&record.properties, key, value);
  if (!previous.is_null()) UpdateIndexEntries(id, record.labels, {{key, previous}}, false);
  if (!value.is_null()) UpdateIndexEntries(id, record.labels, {{key, value}}, true);
  WriteNodeRecord(id, std::move(record));
}

bool RocksTxn::AddNodeLabel(NodeId id, LabelId label) {
  RequireWritable("add a label");
  NodeRecord record = ReadNode(id);
  auto it = std::lower_bound(record.labels.begin(), record.labels.end(), label);
  if (it != record.labels.end() && *it == label) return false;
  CheckUniqueEntries(id, std::span(&label, 1), record.properties);
  record.labels.insert(it, label);
  Put(Cf::kLabel, EncodeLabelKey(label, id), std::string());
  AddCount(EncodeLabelCountKey(label), 1);
  UpdateIndexEntries(id, std::span(&label, 1), record.properties, true);
  WriteNodeRecord(id, std::move(record));
  return true;
}

bool RocksTxn::RemoveNodeLabel(NodeId id, LabelId label) {
  RequireWritable("remove a label");
  NodeRecord record = ReadNode(id);
  auto it = std::lower_bound(record.labels.begin(), record.labels.end(), label);
  if (it == record.labels.end() || *it != label) return false;
  record.labels.erase(it);
  Delete(Cf::kLabel, EncodeLabelKey(label, id));
  AddCount(EncodeLabelCountKey(label), -1);
  UpdateIndexEntries(id, std::span(&label, 1), record.properties, false);
  WriteNodeRecord(id, std::move(record));
  return true;
}

std::uint64_t RocksTxn::DeleteNode(NodeId id, bool detach) {
  RequireWritable("delete a node");
  NodeRecord record = ReadNode(id);
  std::vector<RelId> rels;
  auto cursor = Expand(id, Direction::kBoth, {});
  EdgeRef edge{};
  while (cursor->Next(&edge)) {
    if (!detach) {
      throw Error(ErrorKind::kConstraintVerificationFailed, "DeleteConnectedNode",
                  fmt::format("cannot delete node {} because it still has relationships; "
                              "use DETACH DELETE to delete them too",
                              id.value));
    }
    rels.push_back(edge.rel);
  }
  for (RelId rel : rels) DeleteRel(rel);
  for (LabelId label : record.labels) {
    Delete(Cf::kLabel, EncodeLabelKey(label, id));
    AddCount(EncodeLabelCountKey(label), -1);
  }
  UpdateIndexEntries(id, record.labels, record.properties, false);
  WriteNodeRecord(id, std::nullopt);
  AddCount(EncodeNodeCountKey(), -1);
  topology_changed_ = true;
  return rels.size();
}

RelId RocksTxn::CreateRel(NodeId start, RelTypeId type, NodeId end, PropertyMap properties) {
  RequireWritable("create a relationship");
  for (NodeId node : {start, end}) {
    if (!NodeExists(node)) {
      throw Error(ErrorKind::kEntityNotFound, "NodeNotFound",
                  fmt::format("cannot create a relationship: node {} does not exist", node.value));
    }
  }
  RelValue rel{type, start, end, NormaliseProperties(std::move(properties))};
  RelId id(next_rel_++);
  Put(Cf::kRel, EncodeRelKey(id), EncodeRelValue(rel));
  Put(Cf::kOut, EncodeAdjacencyKey(start, type, end, id), std::string());
  Put(Cf::kIn, EncodeAdjacencyKey(end, type, start, id), std::string());
  Put(Cf::kType, EncodeTypeKey(type, id), EncodeEnds(start, end));
  rel_changes_.push_back({id, type, start, end, /*created=*/true});
  AddCount(EncodeRelCountKey(), 1);
  AddCount(EncodeTypeCountKey(type), 1);
  topology_changed_ = true;
  return id;
}

std::optional<RelRecord> RocksTxn::GetRel(RelId id) const {
  std::string value;
  if (!Get(Cf::kRel, EncodeRelKey(id), &value)) return std::nullopt;
  RelValue rel = DecodeRelValue(value);
  return RelRecord{id, rel.type, rel.start, rel.end};
}

Value RocksTxn::RelProperty(RelId id, PropKeyId key) const {
  return FindInMap(ReadRel(id).properties, key);
}

PropertyMap RocksTxn::RelProperties(RelId id) const { return ReadRel(id).properties; }

void RocksTxn::SetRelProperty(RelId id, PropKeyId key, const Value& value) {
  RequireWritable("set a property");
  if (!value.is_null()) CheckPropertyValue(value);
  RelValue rel = ReadRel(id);
  SetInMap(&rel.properties, key, value);
  Put(Cf::kRel, EncodeRelKey(id), EncodeRelValue(rel));
}

void RocksTxn::DeleteRel(RelId id) {
  RequireWritable("delete a relationship");
  RelValue rel = ReadRel(id);
  Delete(Cf::kRel, EncodeRelKey(id));
  Delete(Cf::kOut, EncodeAdjacencyKey(rel.start, rel.type, rel.end, id));
  Delete(Cf::kIn, EncodeAdjacencyKey(rel.end, rel.type, rel.start, id));
  Delete(Cf::kType, EncodeTypeKey(rel.type, id));
  rel_changes_.push_back({id, rel.type, rel.start, rel.end, /*created=*/false});
  AddCount(EncodeRelCountKey(), -1);
  AddCount(EncodeTypeCountKey(rel.type), -1);
  topology_changed_ = true;
}

}  // namespace parley::storage
