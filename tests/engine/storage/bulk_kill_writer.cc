// A bulk loader for FaultInjectionTest's kills: loads :Item {k} nodes into DIR with
// BulkWriter and dies by SIGKILL at a chosen moment, without closing anything.
//
// Usage: DIR MODE, MODE one of
//   at-record      dies as RocksDB syncs the MANIFEST record naming the load's tables
//                  (the record is in the file; the sync never happens);
//   after-failure  the sync of that record fails; dies once Finish has reported it;
//   loop           loads batch after batch b of 100 nodes {k: 1000 * b + i} (b from 1,
//                  after those loaded before) until killed; prints "ready" before the first.
// The store must exist with an index on :Item(k). Exits 1 when a load does not behave as
// the mode expects.
#include <rocksdb/file_system.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/storage/bulk_writer.h"
#include "engine/storage/fault_injection.h"
#include "engine/storage/graph_store.h"
#include "parley/error.h"

using namespace parley;
using namespace parley::storage;

namespace {

// MANIFEST syncs to let through before the one that kills; negative: none kills.
std::atomic<int> syncs_before_kill{-1};

void SyncOrDie() {
  int left = syncs_before_kill.load();
  if (left < 0) return;
  if (left == 0) std::raise(SIGKILL);
  syncs_before_kill.store(left - 1);
}

class KillingManifest final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  using FSWritableFileOwnerWrapper::FSWritableFileOwnerWrapper;
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    SyncOrDie();
    return target()->Sync(options, dbg);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options,
                          rocksdb::IODebugContext* dbg) override {
    SyncOrDie();
    return target()->Fsync(options, dbg);
  }
};

class KillingFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  using FileSystemWrapper::FileSystemWrapper;
  const char* Name() const override { return "KillingFileSystem"; }
  rocksdb::IOStatus NewWritableFile(const std::string& file, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus status = target()->NewWritableFile(file, options, result, dbg);
    if (status.ok() && file.find("MANIFEST") != std::string::npos) {
      *result = std::make_unique<KillingManifest>(std::move(*result));
    }
    return status;
  }
};

// One load of `count` nodes; written as files (ingested through the MANIFEST) or, with
// `as_batch`, as one WriteBatch through the log.
void Load(GraphStore& store, std::int64_t first, int count, bool as_batch,
          const std::function<void()>& before) {
  auto bulk = store.BeginBulk();
  if (!as_batch) bulk->SetBatchLimit(0);
  LabelId item = bulk->GetOrCreateLabel("Item");
  PropKeyId key = bulk->GetOrCreatePropKey("k");
  for (std::int64_t k = first; k < first + count; ++k) {
    bulk->CreateNode(std::span(&item, 1), {{key, Value(k)}});
  }
  before();
  bulk->Finish();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DIR at-record|after-failure|loop\n", argv[0]);
    return 2;
  }
  std::string_view mode = argv[2];
  auto injector = std::make_shared<FaultInjector>();
  StoreOptions options;
  options.wrap_file_system = [injector](std::shared_ptr<rocksdb::FileSystem> base) {
    auto faulty = std::make_shared<FaultInjectingFileSystem>(base, injector);
    return std::make_shared<KillingFileSystem>(faulty);
  };
  auto store = GraphStore::Open(argv[1], options);
  // A load's first MANIFEST sync reserves its table numbers; the second is its record.
  if (mode == "at-record") {
    Load(*store, 1000, 100, false, [] { syncs_before_kill.store(1); });
    std::fprintf(stderr, "the load ended without the MANIFEST record's sync\n");
    return 1;
  }
  if (mode == "after-failure") {
    try {
      Load(*store, 1000, 100, false, [&] { injector->Set(Fault::kSync, "MANIFEST", 1); });
    } catch (const Error& e) {
      std::printf("%s\n", e.what());
      std::fflush(stdout);
      std::raise(SIGKILL);
    }
    std::fprintf(stderr, "the load succeeded\n");
    return 1;
  }
  if (mode == "loop") {
    std::int64_t highest = 0;  // the batches go on after those loaded before
    {
      auto txn = store->Begin(TxnMode::kReadOnly);
      PropKeyId key = *txn->FindPropKey("k");
      auto nodes = txn->ScanNodes();
      for (NodeId id; nodes->Next(&id);) {
        highest = std::max(highest, txn->NodeProperty(id, key).as_int());
      }
    }
    std::printf("ready\n");
    std::fflush(stdout);
    // Both ways of finishing a load, in turn.
    for (std::int64_t b = highest / 1000 + 1;; ++b) Load(*store, 1000 * b, 100, b % 2 == 0, [] {});
  }
  std::fprintf(stderr, "unknown mode %s\n", argv[2]);
  return 2;
}
