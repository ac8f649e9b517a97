// RocksTxn: scans and traversal (cursors over RocksDB ranges or over the CSR).
#include <algorithm>
#include <tuple>

#include "engine/storage/key_codec.h"
#include "engine/storage/txn_impl.h"

namespace parley::storage {
namespace {

// Iterates the keys of one family in [begin, end) (end empty: to the end of the family).
class KeyRange {
 public:
  KeyRange(const RocksTxn& txn, Cf cf, const std::string& begin, std::string end,
           const std::string& path)
      : end_(std::move(end)), upper_(end_), path_(path) {
    it_ = txn.NewIterator(cf, end_.empty() ? nullptr : &upper_);
    it_->Seek(begin);
  }

  // Moves to the next key (the first one on the first call); false at the end.
  bool Next() {
    if (started_) it_->Next();
    started_ = true;
    if (!it_->Valid()) {
      ThrowIfError(it_->status(), "cannot scan", path_);
      return false;
    }
    return end_.empty() || it_->key().compare(upper_) < 0;
  }
  std::string_view key() const { return {it_->key().data(), it_->key().size()}; }
  std::string_view value() const { return {it_->value().data(), it_->value().size()}; }

 private:
  std::string end_;
  rocksdb::Slice upper_;
  const std::string& path_;
  std::unique_ptr<rocksdb::Iterator> it_;
  bool started_ = false;
};

// Node ids from keys: the whole key (`node`) or its last 8 bytes (`label`, `index`).
class KeyNodeCursor final : public NodeCursor {
 public:
  KeyNodeCursor(std::unique_ptr<KeyRange> range, bool whole_key)
      : range_(std::move(range)), whole_key_(whole_key) {}
  bool Next(NodeId* id) override {
    if (!range_->Next()) return false;
    std::string_view key = range_->key();
    *id = NodeId(ReadBigEndian64(whole_key_ ? key : key.substr(key.size() - 8)));
    return true;
  }

 private:
  std::unique_ptr<KeyRange> range_;
  bool whole_key_;
};

class RelScanCursor final : public RelCursor {
 public:
  RelScanCursor(std::unique_ptr<KeyRange> range, bool by_type)
      : range_(std::move(range)), by_type_(by_type) {}
  bool Next(RelRecord* rel) override {
    if (!range_->Next()) return false;
    if (by_type_) {  // `type` key: type | rel; value: start | end
      auto key = DecodeTypeKey(range_->key());
      std::string_view ends = range_->value();
      *rel = RelRecord{key->second, key->first, NodeId(ReadBigEndian64(ends)),
                       NodeId(ReadBigEndian64(ends.substr(8)))};
    } else {
      RelValue value = DecodeRelValue(range_->value());
      *rel = RelRecord{RelId(ReadBigEndian64(range_->key())), value.type, value.start, value.end};
    }
    return true;
  }

 private:
  std::unique_ptr<KeyRange> range_;
  bool by_type_;
};

// One contiguous run of edges, in `out` or `in`.
struct EdgeSegment {
  Cf cf;
  std::string prefix;
  bool skip_self_loops;  // the incoming half of kBoth: loops were reported as outgoing
};

class ScanEdgeCursor final : public EdgeCursor {
 public:
  ScanEdgeCursor(const RocksTxn& txn, std::vector<EdgeSegment> segments, const std::string& path)
      : txn_(txn), segments_(std::move(segments)), path_(path) {}
  bool Next(EdgeRef* edge) override {
    while (true) {
      if (!range_) {
        if (next_segment_ == segments_.size()) return false;
        const EdgeSegment& s = segments_[next_segment_++];
        range_ = std::make_unique<KeyRange>(txn_, s.cf, s.prefix, PrefixSuccessor(s.prefix), path_);
        outgoing_ = s.cf == Cf::kOut;
        skip_self_loops_ = s.skip_self_loops;
      }
      if (!range_->Next()) {
        range_.reset();
        continue;
      }
      auto key = DecodeAdjacencyKey(range_->key());
      if (!key || (skip_self_loops_ && key->node == key->other)) continue;
      *edge = EdgeRef{key->rel, key->type, key->other, outgoing_};
      return true;
    }
  }

 private:
  const RocksTxn& txn_;
  std::vector<EdgeSegment> segments_;
  const std::string& path_;
  std::size_t next_segment_ = 0;
  std::unique_ptr<KeyRange> range_;
  bool outgoing_ = true;
  bool skip_self_loops_ = false;
};

class CsrEdgeCursor final : public EdgeCursor {
 public:
  struct Run {
    CsrSnapshot::Edges edges;
    bool outgoing;
  };
  CsrEdgeCursor(std::shared_ptr<const CsrSnapshot> csr, std::uint32_t self, std::vector<Run> runs)
      : csr_(std::move(csr)), self_(self), runs_(std::move(runs)) {}
  bool Next(EdgeRef* edge) override {
    while (run_ < runs_.size()) {
      const Run& run = runs_[run_];
      if (pos_ == run.edges.size()) {
        ++run_;
        pos_ = 0;
        continue;
      }
      std::size_t i = pos_++;
      std::uint32_t target = run.edges.targets[i];
      if (!run.outgoing && skip_loops_in_ && target == self_) continue;
      *edge = EdgeRef{run.edges.rels[i], run.edges.types[i], csr_->NodeAt(target), run.outgoing};
      return true;
    }
    return false;
  }
  void set_skip_loops_in(bool skip) { skip_loops_in_ = skip; }

 private:
  std::shared_ptr<const CsrSnapshot> csr_;
  std::uint32_t self_;
  std::vector<Run> runs_;
  std::size_t run_ = 0;
  std::size_t pos_ = 0;
  bool skip_loops_in_ = false;
};

// The edges of a node the CSR's delta has touched: the snapshot's still there plus those
// created since, in the order of the `out` and `in` families (type, far node, rel id).
std::unique_ptr<EdgeCursor> MergedExpand(const CsrView& view, NodeId node, Direction direction,
                                         std::span<const RelTypeId> types) {
  CsrDelta::NodeEdges delta = view.delta->EdgesAt(node, view.version);
  const CsrSnapshot& csr = *view.snapshot;
  std::uint32_t index = csr.IndexOf(node);
  auto wanted = [&](RelTypeId type) {
    return types.empty() || std::binary_search(types.begin(), types.end(), type);
  };
  std::vector<EdgeRef> edges;
  for (bool outgoing : {true, false}) {
    if ((outgoing && direction == Direction::kIn) || (!outgoing && direction == Direction::kOut)) {
      continue;
    }
    std::size_t first = edges.size();
    if (index != CsrSnapshot::kNoIndex) {
      CsrSnapshot::Edges all = outgoing ? csr.Out(index) : csr.In(index);
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (!wanted(all.types[i]) || delta.deleted.contains(all.rels[i].value)) continue;
        edges.push_back({all.rels[i], all.types[i], csr.NodeAt(all.targets[i]), outgoing});
      }
    }
    for (const auto& e : delta.created) {
      if (e.outgoing == outgoing && wanted(e.type)) {
        edges.push_back({e.rel, e.type, e.other, outgoing});
      }
    }
    std::sort(edges.begin() + static_cast<std::ptrdiff_t>(first), edges.end(),
              [](const EdgeRef& a, const EdgeRef& b) {
                return std::tie(a.type, a.other, a.rel) < std::tie(b.type, b.other, b.rel);
              });
  }
  if (direction == Direction::kBoth) {  // a self-loop once, as outgoing
    std::erase_if(edges, [&](const EdgeRef& e) { return !e.outgoing && e.other == node; });
  }
  return std::make_unique<ListCursor<EdgeCursor, EdgeRef>>(std::move(edges));
}

std::unique_ptr<EdgeCursor> CsrExpand(const CsrView& view, NodeId node, Direction direction,
                                      std::span<const RelTypeId> types) {
  if (view.delta->Touches(node, view.version)) return MergedExpand(view, node, direction, types);
  std::shared_ptr<const CsrSnapshot> csr = view.snapshot;
  std::uint32_t index = csr->IndexOf(node);
  std::vector<CsrEdgeCursor::Run> runs;
  if (index != CsrSnapshot::kNoIndex) {
    csr->ForEachRun(index, direction, types, [&](const CsrSnapshot::Edges& edges, bool out) {
      runs.push_back({edges, out});
      return true;
    });
  }
  auto cursor = std::make_unique<CsrEdgeCursor>(std::move(csr), index, std::move(runs));
  cursor->set_skip_loops_in(direction == Direction::kBoth);
  return cursor;
}

// The nodes of a NodeTable, all or those with one label, in ascending id order (the
// order of the `node` and `label` families), a page at a time.
class TableNodeCursor final : public NodeCursor {
 public:
  TableNodeCursor(std::shared_ptr<const NodeTable> table, std::optional<LabelId> label)
      : table_(std::move(table)), label_(label) {
    batch_.reserve(NodeTable::kPageSize);
  }
  bool Next(NodeId* id) override {
    while (next_ == batch_.size()) {
      if (page_ >= table_->page_count()) return false;
      batch_.clear();
      next_ = 0;
      table_->NodesOfPage(page_++, label_, &batch_);
    }
    *id = batch_[next_++];
    return true;
  }

 private:
  std::shared_ptr<const NodeTable> table_;
  std::optional<LabelId> label_;
  std::uint64_t page_ = 0;
  std::vector<NodeId> batch_;
  std::size_t next_ = 0;
};

}  // namespace

// --- The NodeTable.

const NodeTable* RocksTxn::UsableNodeTable() const {
  if (!node_table_looked_up_) {
    node_table_ = store_.NodeTableIfBuilt(base_.node_version);
    node_table_looked_up_ = node_table_ != nullptr;  // look again later while absent
  }
  return node_table_.get();
}

const NodeTable* RocksTxn::TableFor(NodeId id) const {
  RequireOpen();
  const NodeTable* table = UsableNodeTable();
  if (table == nullptr) table = NodeTableAfterManyReads();
  if (table == nullptr) return nullptr;
  if (!touched_nodes_.empty() && touched_nodes_.contains(id.value)) return nullptr;
  return table;
}

const NodeTable* RocksTxn::NodeTableAfterManyReads() const {
  // Point reads (after index seeks and expansions) of an eighth of the nodes cost about
  // what building the table does (two or three scans), and the table is then carried
  // forward by commits: later statements read from memory. Small graphs gain nothing.
  constexpr std::uint64_t kMinReadsToBuild = 1024;
  constexpr std::uint64_t kShareToBuild = 8;
  constexpr std::uint64_t kCheckEvery = 256;  // NodeCount is not free
  ++reads_without_table_;
  if (reads_without_table_ < kMinReadsToBuild || reads_without_table_ % kCheckEvery != 0) {
    return nullptr;
  }
  if (!touched_nodes_.empty() || reads_without_table_ * kShareToBuild < NodeCount()) {
    return nullptr;
  }
  node_table_ = store_.BuildNodeTable(base_.node_version);
  node_table_looked_up_ = node_table_ != nullptr;
  return node_table_.get();
}

bool RocksTxn::NodeReadsInMemory() const { return UsableNodeTable() != nullptr; }

bool RocksTxn::VisitNodeColumns(std::optional<LabelId> label, std::span<const PropKeyId> keys,
                                const std::function<void(const NodeColumnPage&)>& visit) const {
  RequireOpen();
  if (NodeTableForScan(label) == nullptr) return false;
  std::shared_ptr<const NodeTable> table = node_table_;  // alive however `visit` behaves
  std::vector<const PropertyColumn*> columns(keys.size());
  for (std::uint64_t page = 0; page < table->page_count(); ++page) {
    table->VisitPage(page, label, keys, &columns, visit);
  }
  return true;
}

std::optional<NumericRange> RocksTxn::NumericPropertyRange(PropKeyId key) const {
  RequireOpen();
  const NodeTable* table = UsableNodeTable();  // an estimate: this Txn's changes not counted
  return table ? table->NumericRangeOf(key) : std::nullopt;
}

const NodeTable* RocksTxn::NodeTableForScan(std::optional<LabelId> label) const {
  if (!touched_nodes_.empty()) return nullptr;
  if (const NodeTable* table = UsableNodeTable()) return table;
  // A build reads every node once, about what two or three RocksDB scans of them cost,
  // and is then carried forward by commits: worth it for a scan of a good part of them.
  if (label) {
    constexpr std::uint64_t kMinShareToBuild = 8;  // the label holds >= 1/8 of the nodes
    if (LabelCount(*label) * kMinShareToBuild < NodeCount()) return nullptr;
  }
  node_table_ = store_.BuildNodeTable(base_.node_version);
  node_table_looked_up_ = node_table_ != nullptr;
  return node_table_.get();
}

void RocksTxn::WriteNodeRecord(NodeId id, std::optional<NodeRecord> record) {
  if (pending_mode_ == Pending::kUndecided) {
    pending_mode_ = UsableNodeTable() != nullptr ? Pending::kKept : Pending::kOff;
  }
  touched_nodes_.insert(id.value);
  if (record) {
    Put(Cf::kNode, EncodeNodeKey(id), EncodeNodeRecord(*record));
  } else {
    Delete(Cf::kNode, EncodeNodeKey(id));
  }
  if (pending_mode_ == Pending::kKept) pending_nodes_[id.value] = std::move(record);
}

bool RocksTxn::PendingRecord(NodeId id, const NodeRecord** record) const {
  if (pending_mode_ != Pending::kKept) return false;
  auto it = pending_nodes_.find(id.value);
  if (it == pending_nodes_.end()) return false;
  *record = it->second ? &*it->second : nullptr;
  return true;
}

std::vector<NodeTable::Change> RocksTxn::NodeChanges() {
  std::vector<NodeTable::Change> changes;
  changes.reserve(touched_nodes_.size());
  if (pending_mode_ == Pending::kKept) {
    for (auto& [id, record] : pending_nodes_) changes.push_back({NodeId(id), std::move(record)});
    pending_nodes_.clear();
    return changes;
  }
  std::string value;
  for (std::uint64_t id : touched_nodes_) {
    NodeTable::Change change{NodeId(id), std::nullopt};
    if (Get(Cf::kNode, EncodeNodeKey(change.id), &value))
      change.record = DecodeNodeRecord(value);
    changes.push_back(std::move(change));
  }
  return changes;
}

// --- Scans.

std::unique_ptr<NodeCursor> RocksTxn::ScanNodes() const {
  RequireOpen();
  if (NodeTableForScan(std::nullopt)) {
    return std::make_unique<TableNodeCursor>(node_table_, std::nullopt);
  }
  return std::make_unique<KeyNodeCursor>(
      std::make_unique<KeyRange>(*this, Cf::kNode, std::string(), std::string(), rocks_.path()),
      true);
}

std::unique_ptr<NodeCursor> RocksTxn::ScanLabel(LabelId label) const {
  RequireOpen();
  if (NodeTableForScan(label)) return std::make_unique<TableNodeCursor>(node_table_, label);
  std::string prefix = EncodeLabelPrefix(label);
  return std::make_unique<KeyNodeCursor>(
      std::make_unique<KeyRange>(*this, Cf::kLabel, prefix, PrefixSuccessor(prefix), rocks_.path()),
      false);
}

std::unique_ptr<RelCursor> RocksTxn::ScanRels() const {
  return std::make_unique<RelScanCursor>(
      std::make_unique<KeyRange>(*this, Cf::kRel, std::string(), std::string(), rocks_.path()),
      false);
}

std::unique_ptr<RelCursor> RocksTxn::ScanRelType(RelTypeId type) const {
  std::string prefix = EncodeTypePrefix(type);
  return std::make_unique<RelScanCursor>(
      std::make_unique<KeyRange>(*this, Cf::kType, prefix, PrefixSuccessor(prefix), rocks_.path()),
      true);
}

const CsrView& RocksTxn::UsableCsr() const {
  static const CsrView kNone;
  if (topology_changed_) return kNone;
  if (!csr_.snapshot) csr_ = store_.CsrIfBuilt(base_.topology_version);
  return csr_;
}

std::shared_ptr<const CsrSnapshot> RocksTxn::ExactCsr() const {
  RequireOpen();
  const CsrView& view = UsableCsr();
  // Node creations and deletions also advance the topology version, so equal versions
  // mean the snapshot holds every node and relationship this Txn sees, and no others.
  if (view.snapshot && view.snapshot->topology_version() == base_.topology_version) {
    return view.snapshot;
  }
  return nullptr;
}

std::unique_ptr<EdgeCursor> RocksTxn::Expand(NodeId node, Direction direction,
                                             std::span<const RelTypeId> types) const {
  RequireOpen();
  std::vector<RelTypeId> storage;
  std::span<const RelTypeId> sorted = SortedTypes(types, &storage);
  if (const CsrView& csr = UsableCsr(); csr.snapshot) {
    return CsrExpand(csr, node, direction, sorted);
  }
  std::vector<EdgeSegment> segments;
  for (Cf cf : {Cf::kOut, Cf::kIn}) {
    if ((cf == Cf::kOut && direction == Direction::kIn) ||
        (cf == Cf::kIn && direction == Direction::kOut)) {
      continue;
    }
    bool skip = cf == Cf::kIn && direction == Direction::kBoth;
    if (sorted.empty()) {
      segments.push_back({cf, EncodeAdjacencyPrefix(node), skip});
    } else {
      for (RelTypeId type : sorted)
        segments.push_back({cf, EncodeAdjacencyPrefix(node, type), skip});
    }
  }
  return std::make_unique<ScanEdgeCursor>(*this, std::move(segments), rocks_.path());
}

std::uint64_t RocksTxn::Degree(NodeId node, Direction direction,
                               std::span<const RelTypeId> types) const {
  RequireOpen();
  const CsrView& view = UsableCsr();
  if (view.snapshot && !view.delta->Touches(node, view.version)) {
    // Span sizes; self-loops counted once under kBoth.
    const CsrSnapshot* csr = view.snapshot.get();
    std::uint32_t index = csr->IndexOf(node);
    if (index == CsrSnapshot::kNoIndex) return 0;
    std::vector<RelTypeId> storage;
    std::span<const RelTypeId> sorted = SortedTypes(types, &storage);
    std::uint64_t degree = 0;
    csr->ForEachRun(index, direction, sorted, [&](const CsrSnapshot::Edges& edges, bool out) {
      degree += edges.size();
      if (!out && direction == Direction::kBoth) {
        degree -= std::count(edges.targets.begin(), edges.targets.end(), index);
      }
      return true;
    });
    return degree;
  }
  std::uint64_t degree = 0;
  auto cursor = Expand(node, direction, types);
  for (EdgeRef edge{}; cursor->Next(&edge);) ++degree;
  return degree;
}

}  // namespace parley::storage
