// RocksTxn: property indexes on (label, key).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/storage/key_codec.h"
#include "engine/storage/txn_impl.h"

namespace parley::storage {
namespace {

class EmptyNodeCursor final : public NodeCursor {
 public:
  bool Next(NodeId*) override { return false; }
};

// Nodes whose index key lies in [begin, end).
class IndexRangeCursor final : public NodeCursor {
 public:
  // REQUIRES: `end` outlives the cursor (the iterator's upper bound points into it).
  IndexRangeCursor(std::unique_ptr<rocksdb::Iterator> it, std::string begin, const std::string& end,
                   const std::string& path)
      : it_(std::move(it)), end_(end), path_(path) {
    it_->Seek(begin);
  }
  bool Next(NodeId* id) override {
    if (started_) it_->Next();
    started_ = true;
    if (!it_->Valid()) {
      ThrowIfError(it_->status(), "cannot scan an index", path_);
      return false;
    }
    // A write Txn's iterator merges its own batch, which does not honour the upper bound.
    if (it_->key().compare(rocksdb::Slice(end_)) >= 0) return false;
    auto node = DecodeIndexKeyNode(std::string_view(it_->key().data(), it_->key().size()));
    if (!node) return false;
    *id = *node;
    return true;
  }

 private:
  std::unique_ptr<rocksdb::Iterator> it_;
  const std::string& end_;
  const std::string& path_;
  bool started_ = false;
};

// Values no range or equality comparison can match: null, NaN, non-property values.
bool Unmatchable(const Value& value) {
  return !IsPropertyValue(value) || (value.is_float() && std::isnan(value.as_float()));
}

std::string EncodedGroup(const Value& value) {
  std::string encoded;
  EncodeIndexValue(value, &encoded);
  return encoded.substr(0, 1);
}

}  // namespace

void RocksTxn::CreateIndex(LabelId label, PropKeyId key, const std::string& name) {
  RequireWritable("create an index");
  if (schema_->HasIndex(label, key)) return;
  MutableSchema().indexes.emplace(std::make_pair(label, key), name);
  Put(Cf::kMeta, EncodeIndexDefKey(label, key), name);  // an empty value: the default name
  auto nodes = ScanLabel(label);
  std::vector<NodeId> ids;
  for (NodeId id; nodes->Next(&id);) ids.push_back(id);
  for (NodeId id : ids) {
    Value value = NodeProperty(id, key);
    if (!value.is_null()) Put(Cf::kIndex, EncodeIndexKey(label, key, value, id), std::string());
  }
}

void RocksTxn::DropIndex(LabelId label, PropKeyId key) {
  RequireWritable("drop an index");
  if (!schema_->HasIndex(label, key)) {
    throw Error(ErrorKind::kRuntimeError, "IndexNotFound",
                fmt::format("there is no index on :{}({})", LabelName(label), PropKeyName(key)));
  }
  if (auto it = schema_->unique.find({label, key}); it != schema_->unique.end()) {
    throw Error(ErrorKind::kSemanticError, "IndexBelongsToConstraint",
                fmt::format("the index on :{}({}) backs the uniqueness constraint {}; drop the "
                            "constraint instead",
                            LabelName(label), PropKeyName(key), it->second.name));
  }
  MutableSchema().indexes.erase({label, key});
  Delete(Cf::kMeta, EncodeIndexDefKey(label, key));
  std::string prefix = EncodeIndexPrefix(label, key);
  std::string end = PrefixSuccessor(prefix);
  rocksdb::Slice upper(end);
  std::vector<std::string> keys;
  auto it = NewIterator(Cf::kIndex, &upper);
  for (it->Seek(prefix); it->Valid() && it->key().compare(upper) < 0; it->Next()) {
    keys.push_back(it->key().ToString());
  }
  ThrowIfError(it->status(), "cannot scan an index", rocks_.path());
  it.reset();
  for (const std::string& k : keys) Delete(Cf::kIndex, k);
}

bool RocksTxn::HasIndex(LabelId label, PropKeyId key) const {
  return schema_->HasIndex(label, key);
}

std::vector<IndexInfo> RocksTxn::Indexes() const {
  std::vector<IndexInfo> out;
  for (const auto& [def, name] : schema_->indexes) {
    const auto& [label, key] = def;
    out.push_back({label, key,
                   name.empty() ? fmt::format("index_{}_{}", LabelName(label), PropKeyName(key))
                                : name,
                   schema_->IsUnique(label, key)});
  }
  return out;
}

void RocksTxn::CreateUniqueConstraint(LabelId label, PropKeyId key, const std::string& name) {
  RequireWritable("create a constraint");
  bool had_index = schema_->HasIndex(label, key);
  // The index entries of (label, key) in key order: equal values are neighbours.
  std::vector<std::string> entries;
  if (had_index) {
    std::string prefix = EncodeIndexPrefix(label, key);
    std::string end = PrefixSuccessor(prefix);
    rocksdb::Slice upper(end);
    auto it = NewIterator(Cf::kIndex, &upper);
    for (it->Seek(prefix); it->Valid() && it->key().compare(upper) < 0; it->Next()) {
      entries.push_back(it->key().ToString());
    }
    ThrowIfError(it->status(), "cannot scan an index", rocks_.path());
  } else {
    auto nodes = ScanLabel(label);
    std::vector<NodeId> ids;
    for (NodeId id; nodes->Next(&id);) ids.push_back(id);
    for (NodeId id : ids) {
      Value value = NodeProperty(id, key);
      if (!value.is_null()) entries.push_back(EncodeIndexKey(label, key, value, id));
    }
    std::sort(entries.begin(), entries.end());
  }
  for (std::size_t i = 1; i < entries.size(); ++i) {
    std::string_view a(entries[i - 1]);
    std::string_view b(entries[i]);
    if (a.size() != b.size() || a.substr(0, a.size() - 8) != b.substr(0, b.size() - 8)) continue;
    NodeId first = *DecodeIndexKeyNode(a);
    NodeId second = *DecodeIndexKeyNode(b);
    throw Error(ErrorKind::kConstraintVerificationFailed, "ConstraintCreationFailed",
                fmt::format("cannot create the uniqueness constraint {} on :{}({}): nodes {} "
                            "and {} both have {} = {}",
                            name, LabelName(label), PropKeyName(key), first.value, second.value,
                            PropKeyName(key), NodeProperty(first, key).ToString()));
  }
  if (!had_index) {
    MutableSchema().indexes.emplace(std::make_pair(label, key), name);
    Put(Cf::kMeta, EncodeIndexDefKey(label, key), name);
    for (const std::string& entry : entries) Put(Cf::kIndex, entry, std::string());
  }
  MutableSchema().unique.emplace(std::make_pair(label, key), UniqueConstraint{name, !had_index});
  Put(Cf::kMeta, EncodeConstraintDefKey(label, key), EncodeConstraintDef(name, !had_index));
}

void RocksTxn::DropUniqueConstraint(LabelId label, PropKeyId key) {
  RequireWritable("drop a constraint");
  auto it = schema_->unique.find({label, key});
  if (it == schema_->unique.end()) {
    throw Error(ErrorKind::kRuntimeError, "ConstraintNotFound",
                fmt::format("there is no uniqueness constraint on :{}({})", LabelName(label),
                            PropKeyName(key)));
  }
  bool owns_index = it->second.owns_index;
  MutableSchema().unique.erase({label, key});
  Delete(Cf::kMeta, EncodeConstraintDefKey(label, key));
  if (owns_index) DropIndex(label, key);
}

bool RocksTxn::HasUniqueConstraint(LabelId label, PropKeyId key) const {
  return schema_->IsUnique(label, key);
}

std::vector<ConstraintInfo> RocksTxn::Constraints() const {
  std::vector<ConstraintInfo> out;
  for (const auto& [def, constraint] : schema_->unique) {
    out.push_back({def.first, def.second, constraint.name, constraint.owns_index});
  }
  return out;
}

void RocksTxn::CheckUnique(LabelId label, PropKeyId key, const Value& value, NodeId id) const {
  auto holders = IndexSeek(label, key, value);
  for (NodeId other; holders->Next(&other);) {
    if (other == id) continue;
    throw Error(ErrorKind::kConstraintVerificationFailed, "ConstraintValidationFailed",
                fmt::format("Node({}) already exists with label `{}` and property `{}` = {}",
                            other.value, LabelName(label), PropKeyName(key), value.ToString()));
  }
}

std::unique_ptr<NodeCursor> RocksTxn::IndexSeek(LabelId label, PropKeyId key,
                                                const Value& equal_to) const {
  if (Unmatchable(equal_to)) return std::make_unique<EmptyNodeCursor>();
  RequireOpen();
  // Encoded values are prefix-free, so [enc(v), successor(enc(v))) holds exactly v's entries.
  std::string begin = EncodeIndexPrefix(label, key);
  EncodeIndexValue(equal_to, &begin);
  std::string end = PrefixSuccessor(begin);
  // An equality seek finds few entries and is often repeated per row (a join on a key):
  // it reuses one iterator over the committed index instead of opening a merged one each
  // time (opening costs more than the seek), then applies this Txn's own index changes.
  std::vector<NodeId> ids;
  rocksdb::Iterator* base = IndexIterator();
  for (base->Seek(begin); base->Valid() && base->key().compare(end) < 0; base->Next()) {
    if (auto node = DecodeIndexKeyNode({base->key().data(), base->key().size()})) {
      ids.push_back(*node);
    }
  }
  ThrowIfError(base->status(), "cannot scan an index", rocks_.path());
  if (batch_) {
    IndexWrites(Cf::kIndex);
    std::unique_ptr<rocksdb::WBWIIterator> own(batch_->NewIterator(rocks_.cf(Cf::kIndex)));
    for (own->Seek(begin); own->Valid(); own->Next()) {
      rocksdb::WriteEntry entry = own->Entry();
      if (entry.key.compare(end) >= 0) break;
      auto node = DecodeIndexKeyNode({entry.key.data(), entry.key.size()});
      if (!node) continue;
      auto at = std::lower_bound(ids.begin(), ids.end(), *node);
      bool present = at != ids.end() && *at == *node;
      if (entry.type == rocksdb::kPutRecord && !present) ids.insert(at, *node);
      if ((entry.type == rocksdb::kDeleteRecord || entry.type == rocksdb::kSingleDeleteRecord) &&
          present) {
        ids.erase(at);
      }
    }
  }
  return std::make_unique<ListCursor<NodeCursor, NodeId>>(std::move(ids));
}

rocksdb::Iterator* RocksTxn::IndexIterator() const {
  // A read Txn's iterator reads its snapshot. A write Txn's reads the committed state as
  // of its creation, which stays current: no other writer commits while this Txn lives.
  if (!index_iterator_) {
    index_iterator_.reset(rocks_.db()->NewIterator(read_options_, rocks_.cf(Cf::kIndex)));
  }
  return index_iterator_.get();
}

std::unique_ptr<NodeCursor> RocksTxn::IndexRange(LabelId label, PropKeyId key,
                                                 const std::optional<IndexBound>& lower,
                                                 const std::optional<IndexBound>& upper) const {
  RequireOpen();
  if ((lower && Unmatchable(lower->value)) || (upper && Unmatchable(upper->value)) ||
      (lower && upper && EncodedGroup(lower->value) != EncodedGroup(upper->value))) {
    return std::make_unique<EmptyNodeCursor>();  // Cypher compares only within a type group
  }
  std::string prefix = EncodeIndexPrefix(label, key);
  std::string begin;
  std::string end;
  if (lower) {
    begin = prefix;
    EncodeIndexValue(lower->value, &begin);
    if (!lower->inclusive) begin = PrefixSuccessor(begin);
  } else {
    begin = upper ? IndexGroupBegin(prefix, upper->value) : prefix;
  }
  if (upper) {
    end = prefix;
    EncodeIndexValue(upper->value, &end);
    if (upper->inclusive) end = PrefixSuccessor(end);
  } else {
    end = lower ? IndexGroupEnd(prefix, lower->value) : PrefixSuccessor(prefix);
  }
  if (begin >= end) return std::make_unique<EmptyNodeCursor>();
  // The cursor owns the bound the iterator points at.
  struct Owned final : NodeCursor {
    std::string end;
    rocksdb::Slice upper;
    std::unique_ptr<IndexRangeCursor> inner;
    bool Next(NodeId* id) override { return inner->Next(id); }
  };
  auto cursor = std::make_unique<Owned>();
  cursor->end = std::move(end);
  cursor->upper = rocksdb::Slice(cursor->end);
  cursor->inner = std::make_unique<IndexRangeCursor>(NewIterator(Cf::kIndex, &cursor->upper),
                                                     std::move(begin), cursor->end, rocks_.path());
  return cursor;
}

}  // namespace parley::storage
