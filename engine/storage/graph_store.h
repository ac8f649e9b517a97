// The property-graph store: Parley's durable state on RocksDB.
//
// A GraphStore owns one database directory (or an in-memory database). All reads and
// writes go through a Txn: a consistent snapshot for reading, plus, for a write Txn, a
// private set of changes that become durable and visible atomically at Commit. Nothing
// above this layer sees RocksDB types; rocksdb::Status becomes parley::Error in one place.
//
// Concurrency: one write Txn at a time per store (Begin(kReadWrite) waits for the previous
// writer to finish); any number of read Txns, each on its own snapshot, concurrently with
// the writer. A second *process* opening the same directory gets
// Error(kRuntimeError, "DatabaseLocked", "database is locked by process PID").
//
// Property values are parley::Value restricted to the property types: bool, integer,
// float, string, temporal values, and homogeneous lists of those. Storing null removes
// the property. Other values are refused with a TypeError.
#ifndef PARLEY_ENGINE_STORAGE_GRAPH_STORE_H_
#define PARLEY_ENGINE_STORAGE_GRAPH_STORE_H_

#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/ids.h"
#include "engine/storage/property_column.h"
#include "parley/value.h"

namespace rocksdb {
class FileSystem;
}  // namespace rocksdb

namespace parley::storage {

class BulkWriter;  // engine/storage/bulk_writer.h
class CsrSnapshot;  // engine/storage/csr_snapshot.h

struct StoreOptions {
  bool create_if_missing = true;
  bool read_only = false;
  bool in_memory = false;  // RocksDB on an in-memory Env; `path` is only a name
  // Wraps the file system RocksDB reads and writes through (fault injection in tests,
  // engine/storage/fault_injection.h); the result must outlive the store. Empty: none.
  std::function<std::shared_ptr<rocksdb::FileSystem>(std::shared_ptr<rocksdb::FileSystem>)>
      wrap_file_system;
};

// A node's or relationship's properties, sorted by key id, no nulls.
using PropertyMap = std::vector<std::pair<PropKeyId, Value>>;

struct RelRecord {
  RelId id;
  RelTypeId type;
  NodeId start;
  NodeId end;
};

// One relationship as seen from a node during expansion.
struct EdgeRef {
  RelId rel;
  RelTypeId type;
  NodeId other;   // the node at the far end (the node itself for a self-loop)
  bool outgoing;  // true when the expanded node is the relationship's start
};

// A page of nodes read column by column (Txn::VisitNodeColumns): the nodes are the ids
// first + slot for the slots set in `rows`; columns[i] holds property keys[i] of the page
// (a slot's value is columns[i]->Get(slot) when columns[i]->Has(slot)), nullptr when no
// node of the page has it or keys[i] is not a property key. Valid during the visit only.
struct NodeColumnPage {
  NodeId first;
  std::bitset<PropertyColumn::kMaxSize> rows;
  std::span<const PropertyColumn* const> columns;
};

// The spread of a property's numeric (integer or float) values, for estimates.
struct NumericRange {
  double min = 0;
  double max = 0;
  std::uint64_t count = 0;  // nodes with a numeric value for the key
};

struct IndexInfo {
  LabelId label;
  PropKeyId key;
  std::string name;  // as given at creation, else index_<Label>_<key>
  // A uniqueness constraint backs the index: an equality seek yields at most one node.
  bool unique = false;
};

// A uniqueness constraint on (label, key) (Txn::CreateUniqueConstraint).
struct ConstraintInfo {
  LabelId label;
  PropKeyId key;
  std::string name;
  bool owns_index = false;  // its index was made for it and is dropped with it
};

// A range bound for index seeks; values compare in Cypher order within one type
// (numbers of both kinds together, strings by bytes).
struct IndexBound {
  Value value;
  bool inclusive = true;
};

// Pull cursors. REQUIRES: the Txn that made a cursor outlives it. A cursor sees the
// Txn's own writes made before the cursor was created; writes made while it is open may
// or may not be seen (the executor materialises before writing where semantics demand).
class NodeCursor {
 public:
  virtual ~NodeCursor() = default;
  virtual bool Next(NodeId* id) = 0;  // false at the end
};
class RelCursor {
 public:
  virtual ~RelCursor() = default;
  virtual bool Next(RelRecord* rel) = 0;
};
class EdgeCursor {
 public:
  virtual ~EdgeCursor() = default;
  virtual bool Next(EdgeRef* edge) = 0;
};

enum class TxnMode : std::uint8_t { kReadOnly, kReadWrite };

class Txn {
 public:
  virtual ~Txn() = default;  // rolls back unless committed

  // --- Catalog: names <-> small ids. Find* never creates; GetOrCreate* needs kReadWrite.
  virtual std::optional<LabelId> FindLabel(std::string_view name) const = 0;
  virtual std::optional<RelTypeId> FindRelType(std::string_view name) const = 0;
  virtual std::optional<PropKeyId> FindPropKey(std::string_view name) const = 0;
  virtual LabelId GetOrCreateLabel(std::string_view name) = 0;
  virtual RelTypeId GetOrCreateRelType(std::string_view name) = 0;
  virtual PropKeyId GetOrCreatePropKey(std::string_view name) = 0;
  virtual const std::string& LabelName(LabelId id) const = 0;
  virtual const std::string& RelTypeName(RelTypeId id) const = 0;
  virtual const std::string& PropKeyName(PropKeyId id) const = 0;
  virtual std::vector<LabelId> AllLabels() const = 0;
  virtual std::vector<RelTypeId> AllRelTypes() const = 0;
  virtual std::vector<PropKeyId> AllPropKeys() const = 0;

  // --- Nodes. Functions taking a NodeId REQUIRE that the node exists, except NodeExists.
  virtual NodeId CreateNode(std::span<const LabelId> labels, PropertyMap properties) = 0;
  virtual bool NodeExists(NodeId id) const = 0;
  virtual std::vector<LabelId> NodeLabels(NodeId id) const = 0;  // sorted
  virtual bool NodeHasLabel(NodeId id, LabelId label) const = 0;
  virtual Value NodeProperty(NodeId id, PropKeyId key) const = 0;  // null when absent
  virtual PropertyMap NodeProperties(NodeId id) const = 0;
  virtual void SetNodeProperty(NodeId id, PropKeyId key, const Value& value) = 0;
  virtual bool AddNodeLabel(NodeId id, LabelId label) = 0;     // false: already there
  virtual bool RemoveNodeLabel(NodeId id, LabelId label) = 0;  // false: was not there
  // Deletes the node. With `detach`, first deletes its relationships and returns how many;
  // without, throws Error(kConstraintVerificationFailed, "DeleteConnectedNode", ...) if it
  // has any.
  virtual std::uint64_t DeleteNode(NodeId id, bool detach) = 0;

  // --- Relationships. REQUIRE that the relationship (or its end nodes) exist.
  virtual RelId CreateRel(NodeId start, RelTypeId type, NodeId end,
                          PropertyMap properties) = 0;
  virtual std::optional<RelRecord> GetRel(RelId id) const = 0;  // nullopt: no such rel
  virtual Value RelProperty(RelId id, PropKeyId key) const = 0;
  virtual PropertyMap RelProperties(RelId id) const = 0;
  virtual void SetRelProperty(RelId id, PropKeyId key, const Value& value) = 0;
  virtual void DeleteRel(RelId id) = 0;

  // --- Scans and traversal.
  virtual std::unique_ptr<NodeCursor> ScanNodes() const = 0;  // ascending id
  virtual std::unique_ptr<NodeCursor> ScanLabel(LabelId label) const = 0;
  virtual std::unique_ptr<RelCursor> ScanRels() const = 0;
  virtual std::unique_ptr<RelCursor> ScanRelType(RelTypeId type) const = 0;
  // The node's relationships in `direction` (kBoth: outgoing then incoming; a self-loop
  // appears once per direction it matches), restricted to `types` unless empty.
  // Under kBoth a self-loop is reported once (as outgoing), as Cypher's undirected
  // pattern matches it once; Degree counts the same way. Expand reads the CSR when one
  // is built for the Txn's snapshot and the Txn has not changed the topology; otherwise
  // it scans the `out`/`in` families. Either way it sees the Txn's own writes.
  virtual std::unique_ptr<EdgeCursor> Expand(NodeId node, Direction direction,
                                             std::span<const RelTypeId> types) const = 0;
  virtual std::uint64_t Degree(NodeId node, Direction direction,
                               std::span<const RelTypeId> types) const = 0;
  // The CSR snapshot when it is exactly the topology this Txn sees (built at the Txn's
  // topology version, and the Txn has not changed nodes or relationships since); nullptr
  // otherwise, and then ScanNodes and Expand are the way to read the graph. Never builds
  // one (GraphStore::Csr does). For whole-graph algorithms that index the CSR directly.
  virtual std::shared_ptr<const CsrSnapshot> ExactCsr() const = 0;

  // --- Property indexes on (label, key): equality and range seeks.
  // Builds from existing nodes; a no-op when (label, key) is indexed already. `name` may
  // be empty (then index_<Label>_<key>). REQUIRES: no other index has that name.
  virtual void CreateIndex(LabelId label, PropKeyId key, const std::string& name) = 0;
  void CreateIndex(LabelId label, PropKeyId key) { CreateIndex(label, key, std::string()); }
  // Throws Error(kRuntimeError, "IndexNotFound") if absent and
  // Error(kSemanticError, "IndexBelongsToConstraint") while a constraint uses it.
  virtual void DropIndex(LabelId label, PropKeyId key) = 0;
  virtual bool HasIndex(LabelId label, PropKeyId key) const = 0;
  virtual std::vector<IndexInfo> Indexes() const = 0;
  // REQUIRE: HasIndex(label, key).
  virtual std::unique_ptr<NodeCursor> IndexSeek(LabelId label, PropKeyId key,
                                                const Value& equal_to) const = 0;
  virtual std::unique_ptr<NodeCursor> IndexRange(LabelId label, PropKeyId key,
                                                 const std::optional<IndexBound>& lower,
                                                 const std::optional<IndexBound>& upper) const = 0;

  // --- Uniqueness constraints on (label, key): no two nodes with `label` have equal
  // non-null values of `key` (numbers compare across integer and float, as in the index).
  // Each is backed by the index on (label, key): an existing one is adopted, else one named
  // like the constraint is built and owned by it. Every write that would break one (a node
  // created, a property set, a label added) throws
  // Error(kConstraintVerificationFailed, "ConstraintValidationFailed") naming the label,
  // key, value and the node that holds it, before making the change; the caller undoes
  // the statement (a statement is atomic).
  // Checks the existing nodes first: when two share a value it throws
  // Error(kConstraintVerificationFailed, "ConstraintCreationFailed") naming the label, key,
  // value and both nodes, and changes nothing. REQUIRES: no constraint on (label, key);
  // `name` is not empty and names no other index or constraint.
  virtual void CreateUniqueConstraint(LabelId label, PropKeyId key, const std::string& name) = 0;
  // Drops the constraint, and its index when it owns it. Throws
  // Error(kRuntimeError, "ConstraintNotFound") if absent.
  virtual void DropUniqueConstraint(LabelId label, PropKeyId key) = 0;
  virtual bool HasUniqueConstraint(LabelId label, PropKeyId key) const = 0;
  virtual std::vector<ConstraintInfo> Constraints() const = 0;  // by (label, key)

  // --- Column reads. Calls `visit(page)` for every run of up to
  // PropertyColumn::kMaxSize consecutive node ids holding nodes (with `label`, when
  // given), in ascending order, with the page's column of each of `keys` read from the
  // NodeTable (see NodeColumnPage). Returns false, calling nothing, when the NodeTable
  // cannot serve this Txn (none worth building, or the Txn has changed nodes): then scan
  // and read nodes one by one. `visit` may throw.
  virtual bool VisitNodeColumns(std::optional<LabelId> label, std::span<const PropKeyId> keys,
                                const std::function<void(const NodeColumnPage&)>& visit) const = 0;

  // --- Estimates for the planner: the committed numeric values of `key` over all nodes;
  // nullopt when not known cheaply (no NodeTable) or when no node has a numeric value.
  virtual std::optional<NumericRange> NumericPropertyRange(PropKeyId key) const = 0;

  // --- Exact statistics, including this Txn's own changes (for the planner).
  virtual std::uint64_t NodeCount() const = 0;
  virtual std::uint64_t LabelCount(LabelId label) const = 0;
  virtual std::uint64_t RelCount() const = 0;
  virtual std::uint64_t RelTypeCount(RelTypeId type) const = 0;

  // --- Outcome. A statement inside an explicit transaction is undone alone on failure
  // through a save point.
  virtual void SetSavePoint() = 0;
  virtual void RollbackToSavePoint() = 0;  // undoes everything since the last SetSavePoint
  virtual void PopSavePoint() = 0;         // forgets the last save point, keeps the changes
  // Durable (WAL synced) before it returns. When the write fails it throws and the Txn
  // ends rolled back.
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool read_only() const = 0;

  // True when this Txn reads committed nodes (labels, properties) from the in-memory
  // NodeTable rather than from RocksDB: callers then gain nothing by caching node
  // records themselves. May become true during the Txn, once a large scan builds it.
  virtual bool NodeReadsInMemory() const = 0;
};

class GraphStore {
 public:
  // Opens or creates. Throws Error naming the path when the directory is not a Parley
  // database, has an unknown format version, or is locked by another process.
  static std::unique_ptr<GraphStore> Open(const std::string& path, const StoreOptions& options);
  // Rebuilds a damaged store from its remaining files (RocksHandle::Repair).
  static void Repair(const std::string& path);
  virtual ~GraphStore() = default;

  virtual std::unique_ptr<Txn> Begin(TxnMode mode) = 0;

  // The compressed adjacency of the committed graph exactly, rebuilt now if commits have
  // changed the topology since the last build. The snapshot is immutable; holders keep
  // it alive with the shared_ptr.
  virtual std::shared_ptr<const CsrSnapshot> Csr() = 0;
  // Makes Txn::Expand of the committed graph read a CSR: rebuilds it only when no built
  // CSR, with the changes committed since it was built, covers the committed topology
  // (commits keep it covering unless they change many relationships). Cheap when current.
  virtual void RefreshCsr() = 0;

  // A loader for large imports that bypasses transactions (see bulk_writer.h). Waits for
  // and then holds the writer slot, like Begin(kReadWrite), until the BulkWriter dies.
  virtual std::unique_ptr<BulkWriter> BeginBulk() = 0;

  virtual const std::string& path() const = 0;

  // Read errors that RocksDB may not report to the reader (io_watch.h): take a mark
  // before a statement, and check after it; the check throws
  // Error(kRuntimeError, "StorageError") naming the latest error when any was met since.
  virtual std::uint64_t IoErrorMark() const = 0;
  virtual void ThrowIfIoErrorSince(std::uint64_t mark) const = 0;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_GRAPH_STORE_H_
