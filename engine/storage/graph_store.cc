// GraphStoreImpl: opening, Begin, the committed state and the CSR.
#include <algorithm>
#include <fmt/format.h>

#include "engine/storage/bulk_writer.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/store_impl.h"
#include "engine/storage/txn_impl.h"
#include "engine/storage/value_codec.h"

namespace parley::storage {
namespace {

// Calls fn(key, value) for every key of `cf` with `prefix`, as of `snapshot` (or latest).
template <typename Fn>
void ScanPrefix(RocksHandle& rocks, Cf cf, const std::string& prefix,
                const rocksdb::Snapshot* snapshot, Fn fn) {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  std::string end = PrefixSuccessor(prefix);
  rocksdb::Slice upper(end);
  if (!end.empty()) options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(rocks.db()->NewIterator(options, rocks.cf(cf)));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    fn(std::string_view(it->key().data(), it->key().size()),
       std::string_view(it->value().data(), it->value().size()));
  }
  ThrowIfError(it->status(), "cannot scan", rocks.path());
}

std::uint64_t ReadCounter(RocksHandle& rocks, CounterKind kind) {
  std::string value;
  rocksdb::Status status =
      rocks.db()->Get(rocksdb::ReadOptions(), rocks.cf(Cf::kMeta), EncodeCounterKey(kind), &value);
  if (status.IsNotFound()) return 0;
  ThrowIfError(status, "cannot read the id counters", rocks.path());
  return value.size() == 8 ? ReadBigEndian64(value) : 0;
}

// Fills one direction's adjacency from `out` or `in`; keys arrive in node order, so
// counting per node and taking prefix sums gives the offsets.
CsrSnapshot::Adjacency BuildAdjacency(RocksHandle& rocks, Cf cf, const rocksdb::Snapshot* snapshot,
                                      const CsrSnapshot& index) {
  CsrSnapshot::Adjacency adjacency;
  adjacency.offsets.assign(index.node_count() + 1, 0);
  ScanPrefix(rocks, cf, std::string(), snapshot, [&](std::string_view key, std::string_view) {
    auto edge = DecodeAdjacencyKey(key);
    if (!edge) return;
    std::uint32_t self = index.IndexOf(edge->node);
    std::uint32_t other = index.IndexOf(edge->other);
    if (self == CsrSnapshot::kNoIndex || other == CsrSnapshot::kNoIndex) return;
    ++adjacency.offsets[self + 1];
    adjacency.targets.push_back(other);
    adjacency.rels.push_back(edge->rel);
    adjacency.types.push_back(edge->type);
  });
  for (std::size_t i = 1; i < adjacency.offsets.size(); ++i) {
    adjacency.offsets[i] += adjacency.offsets[i - 1];
  }
  return adjacency;
}

std::shared_ptr<const CsrSnapshot> BuildCsr(RocksHandle& rocks, const rocksdb::Snapshot* snapshot,
                                            std::uint64_t version) {
  std::vector<NodeId> nodes;
  ScanPrefix(rocks, Cf::kNode, std::string(), snapshot,
             [&](std::string_view key, std::string_view) {
               if (auto id = DecodeNodeKey(key)) nodes.push_back(*id);
             });
  // A node-only snapshot serves as the id -> index map while the adjacency is read.
  CsrSnapshot index(version, nodes, {}, {});
  CsrSnapshot::Adjacency out = BuildAdjacency(rocks, Cf::kOut, snapshot, index);
  CsrSnapshot::Adjacency in = BuildAdjacency(rocks, Cf::kIn, snapshot, index);
  return std::make_shared<CsrSnapshot>(version, std::move(nodes), std::move(out), std::move(in));
}

}  // namespace

std::unique_ptr<GraphStore> GraphStore::Open(const std::string& path, const StoreOptions& options) {
  return std::make_unique<GraphStoreImpl>(path, options);
}

void GraphStore::Repair(const std::string& path) { RocksHandle::Repair(path); }

void GraphStoreImpl::ThrowIfIoErrorSince(std::uint64_t mark) const {
  std::uint64_t now = rocks_.io_errors().count();
  if (now == mark) return;
  throw Error(ErrorKind::kRuntimeError, "StorageError",
              fmt::format("{} I/O error(s) while the statement ran, the latest: {} ({})",
                          now - mark, rocks_.io_errors().latest(), rocks_.path()));
}

GraphStoreImpl::GraphStoreImpl(const std::string& path, const StoreOptions& options)
    : rocks_(path, options), read_only_(options.read_only) {
  LoadCommittedState();
}

GraphStoreImpl::~GraphStoreImpl() = default;

void GraphStoreImpl::LoadCommittedState() {
  auto schema = std::make_shared<Schema>();
  struct Table {
    NameKind kind;
    NameTable* names;
  };
  for (Table table :
       {Table{NameKind::kLabel, &schema->labels}, Table{NameKind::kRelType, &schema->rel_types},
        Table{NameKind::kPropKey, &schema->prop_keys}}) {
    ScanPrefix(rocks_, Cf::kMeta, EncodeNamePrefix(table.kind), nullptr,
               [&](std::string_view key, std::string_view value) {
                 if (auto id = DecodeNameKey(table.kind, key)) {
                   table.names->Load(*id, std::string(value));
                 }
               });
  }
  ScanPrefix(rocks_, Cf::kMeta, EncodeIndexDefPrefix(), nullptr,
             [&](std::string_view key, std::string_view value) {
               if (auto def = DecodeIndexDefKey(key)) schema->indexes.emplace(*def, value);
             });
  ScanPrefix(rocks_, Cf::kMeta, EncodeConstraintDefPrefix(), nullptr,
             [&](std::string_view key, std::string_view value) {
               auto def = DecodeConstraintDefKey(key);
               auto constraint = DecodeConstraintDef(value);
               if (def && constraint) {
                 schema->unique.emplace(*def,
                                        UniqueConstraint{constraint->first, constraint->second});
               }
             });
  committed_.schema = std::move(schema);
  committed_.next_node = ReadCounter(rocks_, CounterKind::kNextNode);
  committed_.next_rel = ReadCounter(rocks_, CounterKind::kNextRel);
}

std::unique_ptr<Txn> GraphStoreImpl::Begin(TxnMode mode) {
  std::unique_lock<std::mutex> writer_lock;
  if (mode == TxnMode::kReadWrite) {
    if (read_only_) {
      throw Error(ErrorKind::kRuntimeError, "ReadOnlyDatabase",
                  fmt::format("database {} is open read-only", path()));
    }
    writer_lock = std::unique_lock<std::mutex>(writer_mutex_);
  }
  return std::make_unique<RocksTxn>(*this, mode, std::move(writer_lock));
}

CsrView GraphStoreImpl::CsrIfBuilt(std::uint64_t topology_version) {
  std::lock_guard lock(csr_mutex_);
  if (!csr_ || topology_version < csr_->topology_version() || topology_version > csr_version_) {
    return {};
  }
  return {csr_, csr_delta_, topology_version};
}

void GraphStoreImpl::ApplyToCsr(std::span<const CsrDelta::Change> changes,
                                std::uint64_t version) {
  std::lock_guard lock(csr_mutex_);
  if (!csr_ || csr_version_ + 1 != version) return;  // stale already
  // Past this, expansions of the touched nodes pay for merging more than a rebuild costs.
  std::uint64_t limit = std::max<std::uint64_t>(4096, csr_->rel_count() / 8);
  if (csr_delta_->size() + changes.size() > limit) return;  // left stale: rebuilt when asked
  csr_delta_->Apply(changes, version);
  csr_version_ = version;
}

template <typename Serves>
std::shared_ptr<const CsrSnapshot> GraphStoreImpl::BuildCsrUnless(Serves serves) {
  std::lock_guard build_lock(csr_build_mutex_);
  std::uint64_t version;
  const rocksdb::Snapshot* snapshot;
  {
    std::shared_lock state_lock(state_mutex_);
    version = committed_.topology_version;
    snapshot = rocks_.db()->GetSnapshot();
  }
  {
    std::lock_guard lock(csr_mutex_);
    if (csr_ && serves(*csr_, csr_version_, version)) {
      rocks_.db()->ReleaseSnapshot(snapshot);
      return csr_;
    }
  }
  std::shared_ptr<const CsrSnapshot> built;
  try {
    built = BuildCsr(rocks_, snapshot, version);
  } catch (...) {
    rocks_.db()->ReleaseSnapshot(snapshot);
    throw;
  }
  rocks_.db()->ReleaseSnapshot(snapshot);
  std::lock_guard lock(csr_mutex_);
  // Commits during the build may have carried the old CSR past `version`: keep the more
  // current of the two.
  if (!csr_ || csr_version_ <= version) {
    csr_ = built;
    csr_delta_ = std::make_shared<CsrDelta>();
    csr_version_ = version;
  }
  return built;
}

std::shared_ptr<const CsrSnapshot> GraphStoreImpl::Csr() {
  return BuildCsrUnless([](const CsrSnapshot& csr, std::uint64_t, std::uint64_t committed) {
    return csr.topology_version() >= committed;
  });
}

void GraphStoreImpl::RefreshCsr() {
  BuildCsrUnless([](const CsrSnapshot&, std::uint64_t covered, std::uint64_t committed) {
    return covered >= committed;
  });
}

void GraphStoreImpl::Publish(CommittedState state, std::shared_ptr<const NodeTable> nodes) {
  committed_ = std::move(state);
  std::lock_guard lock(node_table_mutex_);
  if (nodes && nodes->version() == committed_.node_version) {
    node_table_ = std::move(nodes);
  } else if (node_table_ && node_table_->version() != committed_.node_version) {
    node_table_.reset();  // stale: free its memory now rather than at the next build
  }
}

std::shared_ptr<const NodeTable> GraphStoreImpl::NodeTableIfBuilt(std::uint64_t node_version) {
  std::lock_guard lock(node_table_mutex_);
  if (node_table_ && node_table_->version() == node_version) return node_table_;
  return nullptr;
}

std::shared_ptr<const NodeTable> GraphStoreImpl::BuildNodeTable(std::uint64_t node_version) {
  std::lock_guard build_lock(node_table_build_mutex_);
  if (auto built = NodeTableIfBuilt(node_version)) return built;  // built while we waited
  const rocksdb::Snapshot* snapshot;
  {
    std::shared_lock state_lock(state_mutex_);
    if (committed_.node_version != node_version) return nullptr;
    snapshot = rocks_.db()->GetSnapshot();
  }
  std::shared_ptr<const NodeTable> table;
  try {
    NodeTable::Builder builder;
    ScanPrefix(rocks_, Cf::kNode, std::string(), snapshot,
               [&](std::string_view key, std::string_view value) {
                 if (auto id = DecodeNodeKey(key)) builder.Add(*id, DecodeNodeRecord(value));
               });
    table = builder.Finish(node_version);
  } catch (...) {
    rocks_.db()->ReleaseSnapshot(snapshot);
    throw;
  }
  rocks_.db()->ReleaseSnapshot(snapshot);
  // Installed only if still current: a writer that committed meanwhile found no table to
  // carry forward, so this one would be stale for everybody but the caller.
  std::shared_lock state_lock(state_mutex_);
  if (committed_.node_version == node_version) {
    std::lock_guard lock(node_table_mutex_);
    node_table_ = table;
  }
  return table;
}

std::unique_ptr<BulkWriter> GraphStoreImpl::BeginBulk() {
  if (read_only_) {
    throw Error(ErrorKind::kRuntimeError, "ReadOnlyDatabase",
                fmt::format("database {} is open read-only", path()));
  }
  return std::make_unique<BulkWriter>(*this, std::unique_lock<std::mutex>(writer_mutex_));
}

}  // namespace parley::storage
