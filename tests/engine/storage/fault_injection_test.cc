// Fault injection: a store whose disk fails (writes, syncs, a full disk, reads, too many
// open files) reports each failure as a clear StorageError naming the operation and the
// file, never crashes, and once the disk is healthy again reopens with exactly the
// committed data and keeps working.
#include "engine/storage/fault_injection.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "engine/storage/bulk_writer.h"
#include "engine/storage/graph_store.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

namespace fs = std::filesystem;

class FaultInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/fault_injection_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
  }
  void TearDown() override {
    RecordProperty("faults_injected", std::to_string(injector_->injected()));
    fs::remove_all(dir_);
  }

  std::unique_ptr<GraphStore> Open() {
    StoreOptions options;
    options.wrap_file_system = [injector = injector_](std::shared_ptr<rocksdb::FileSystem> base) {
      return std::make_shared<FaultInjectingFileSystem>(base, injector);
    };
    return GraphStore::Open(dir_, options);
  }

  // Commits nodes :Item {k: first .. first + count - 1}, one Txn each; indexed on k.
  void Commit(GraphStore& store, int first, int count) {
    for (int k = first; k < first + count; ++k) {
      auto txn = store.Begin(TxnMode::kReadWrite);
      LabelId item = txn->GetOrCreateLabel("Item");
      PropKeyId key = txn->GetOrCreatePropKey("k");
      if (!txn->HasIndex(item, key)) txn->CreateIndex(item, key);
      txn->CreateNode(std::span(&item, 1), {{key, Value(std::int64_t{k})}});
      txn->Commit();
    }
  }

  // The k of every node, by a scan; each node must also be found through the index.
  std::set<std::int64_t> Keys(GraphStore& store) {
    auto txn = store.Begin(TxnMode::kReadOnly);
    std::set<std::int64_t> keys;
    auto item = txn->FindLabel("Item");
    auto key = txn->FindPropKey("k");
    if (!item || !key) return keys;
    auto cursor = txn->ScanNodes();
    for (NodeId id; cursor->Next(&id);) {
      Value value = txn->NodeProperty(id, *key);
      EXPECT_TRUE(value.is_int());
      if (!value.is_int()) continue;
      EXPECT_TRUE(keys.insert(value.as_int()).second);
      auto seek = txn->IndexSeek(*item, *key, value);
      NodeId found;
      EXPECT_TRUE(seek->Next(&found) && found == id) << "index misses k=" << value.as_int();
    }
    EXPECT_EQ(txn->NodeCount(), keys.size());
    EXPECT_EQ(txn->LabelCount(*item), keys.size());
    return keys;
  }

  static std::set<std::int64_t> Range(int first, int count) {
    std::set<std::int64_t> keys;
    for (int k = first; k < first + count; ++k) keys.insert(k);
    return keys;
  }

  // Runs `statement`, which must fail with a StorageError whose message has `words`.
  static void ExpectStorageError(const std::function<void()>& statement,
                                 std::initializer_list<std::string_view> words) {
    try {
      statement();
      ADD_FAILURE() << "the statement succeeded";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
      EXPECT_EQ(e.detail(), "StorageError") << e.what();
      for (std::string_view word : words) {
        EXPECT_NE(std::string(e.what()).find(word), std::string::npos)
            << "'" << word << "' not in: " << e.what();
      }
    }
  }

  void RunWithDiskFailingAfter(Fault fault, std::uint64_t spared, bool with_bulk);

  // Runs the bulk loader (bulk_kill_writer.cc) on the store in `mode`; kills it after
  // `kill_after` once it printed its first line, unless it died first. Returns its wait
  // status; its output in `out`.
  int RunBulkKillWriter(const char* mode, std::optional<std::chrono::milliseconds> kill_after,
                        std::string* out) {
    int pipe_fds[2];
    EXPECT_EQ(::pipe(pipe_fds), 0);
    pid_t child = ::fork();
    EXPECT_GE(child, 0);
    if (child == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      ::execl(PARLEY_BULK_KILL_WRITER, PARLEY_BULK_KILL_WRITER, dir_.c_str(), mode,
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    char buffer[4096];
    if (kill_after) {
      pollfd ready{pipe_fds[0], POLLIN, 0};
      ::poll(&ready, 1, 30000);
      std::this_thread::sleep_for(*kill_after);
      ::kill(child, SIGKILL);
    }
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) out->append(buffer, n);
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return status;
  }

  std::string dir_;
  std::shared_ptr<FaultInjector> injector_ = std::make_shared<FaultInjector>();
};

struct WriteFaultCase {
  Fault fault;
  std::string_view words;  // in the error message, besides the log file's name
};

class WriteFaultTest : public FaultInjectionTest,
                       public ::testing::WithParamInterface<WriteFaultCase> {};

// A commit whose log write or sync fails reports it; later commits are refused (the
// store stops writing rather than go on past a hole); reads keep working; after the
// fault clears, a reopen has every committed node, and the failed commit wholly or not
// at all: not at all when the write failed or was torn by a full disk, possibly wholly
// when only the sync failed (the data reached the file, as with a real failed fsync).
TEST_P(WriteFaultTest, FailedCommitIsReportedAndReopenHasTheCommittedData) {
  const WriteFaultCase& c = GetParam();
  {
    auto store = Open();
    Commit(*store, 0, 20);
    injector_->Set(c.fault, ".log");
    ExpectStorageError([&] { Commit(*store, 100, 1); }, {c.words, ".log"});
    EXPECT_GT(injector_->injected(), 0u);
    injector_->Clear();
    try {
      Commit(*store, 200, 1);  // RocksDB refuses writes after a failed log write
    } catch (const Error& e) {
      EXPECT_EQ(e.detail(), "StorageError") << e.what();
    }
    auto txn = store->Begin(TxnMode::kReadOnly);
    EXPECT_GE(txn->NodeCount(), 20u);
  }
  auto store = Open();
  std::set<std::int64_t> keys = Keys(*store);
  std::set<std::int64_t> expected = Range(0, 20);
  keys.erase(200);  // committed after the fault cleared, if the store accepted it
  if (c.fault == Fault::kSync && keys.count(100) != 0) expected.insert(100);
  EXPECT_EQ(keys, expected);
  Commit(*store, 300, 5);
  store.reset();
  store = Open();
  keys = Keys(*store);
  keys.erase(200);
  for (std::int64_t k : Range(300, 5)) expected.insert(k);
  EXPECT_EQ(keys, expected);
}

// A small bulk load goes through the log like a commit: its failure is reported, and a
// reopen has the committed nodes and the load wholly or not at all (wholly only when the
// sync failed after the data reached the file).
TEST_P(WriteFaultTest, SmallBulkLoadWhoseLogFailsIsReportedAndKeptWhollyOrNotAtAll) {
  const WriteFaultCase& c = GetParam();
  {
    auto store = Open();
    Commit(*store, 0, 20);
    ExpectStorageError(
        [&] {
          auto bulk = store->BeginBulk();
          LabelId item = bulk->GetOrCreateLabel("Item");
          PropKeyId key = bulk->GetOrCreatePropKey("k");
          for (int k = 1000; k < 1100; ++k) {
            bulk->CreateNode(std::span(&item, 1), {{key, Value(std::int64_t{k})}});
          }
          injector_->Set(c.fault, ".log");
          bulk->Finish();
        },
        {"cannot write the load", "all of it or none", c.words, ".log"});
    EXPECT_GT(injector_->injected(), 0u);
    injector_->Clear();
    EXPECT_EQ(Keys(*store), Range(0, 20));  // nothing of the load is visible
  }
  auto store = Open();
  std::set<std::int64_t> keys = Keys(*store);
  std::set<std::int64_t> expected = Range(0, 20);
  if (c.fault == Fault::kSync && keys.count(1000) != 0) {
    for (std::int64_t k : Range(1000, 100)) expected.insert(k);
  }
  EXPECT_EQ(keys, expected);
  Commit(*store, 300, 5);
  for (std::int64_t k : Range(300, 5)) expected.insert(k);
  EXPECT_EQ(Keys(*store), expected);
}

INSTANTIATE_TEST_SUITE_P(
    Faults, WriteFaultTest,
    ::testing::Values(WriteFaultCase{Fault::kWrite, "Input/output error"},
                      WriteFaultCase{Fault::kNoSpace, "No space left on device"},
                      WriteFaultCase{Fault::kSync, "sync"}),
    [](const auto& info) {
      switch (info.param.fault) {
        case Fault::kWrite: return std::string("Write");
        case Fault::kNoSpace: return std::string("NoSpace");
        default: return std::string("Sync");
      }
    });

// Reads of tables that fail make the statement fail (never a shorter answer); the same
// store answers in full once the disk reads again.
TEST_F(FaultInjectionTest, FailedTableReadsFailTheStatementAndTheStoreRecovers) {
  {
    auto store = Open();
    Commit(*store, 0, 50);
  }
  Open().reset();  // this open flushes the log into tables
  auto store = Open();
  injector_->Set(Fault::kRead, ".sst");
  ExpectStorageError([&] { Keys(*store); }, {"read", ".sst", "Input/output error"});
  EXPECT_GT(injector_->injected(), 0u);
  injector_->Clear();
  EXPECT_EQ(Keys(*store), Range(0, 50));
  Commit(*store, 50, 1);
  EXPECT_EQ(Keys(*store), Range(0, 51));
}

// Opening while no file can be opened fails with a clear error and changes nothing.
TEST_F(FaultInjectionTest, TooManyOpenFilesFailsTheOpenAndChangesNothing) {
  {
    auto store = Open();
    Commit(*store, 0, 10);
  }
  injector_->Set(Fault::kTooManyFiles);
  try {
    Open();
    ADD_FAILURE() << "the open succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
    EXPECT_NE(std::string(e.what()).find("Too many open files"), std::string::npos) << e.what();
  }
  EXPECT_GT(injector_->injected(), 0u);
  injector_->Clear();
  auto store = Open();
  EXPECT_EQ(Keys(*store), Range(0, 10));
}

// A bulk load whose table files cannot be created or written fails as a whole: nothing
// of it is visible, now or after a reopen, and the store keeps working.
TEST_F(FaultInjectionTest, BulkLoadThatCannotWriteItsTablesLoadsNothing) {
  for (Fault fault : {Fault::kTooManyFiles, Fault::kWrite, Fault::kNoSpace, Fault::kSync}) {
    SCOPED_TRACE(std::string(FaultName(fault)));
    fs::remove_all(dir_);
    auto store = Open();
    Commit(*store, 0, 5);
    std::uint64_t before = injector_->injected();
    try {
      auto bulk = store->BeginBulk();
      bulk->SetBatchLimit(0);  // tables, however small the load
      LabelId item = bulk->GetOrCreateLabel("Item");
      PropKeyId key = bulk->GetOrCreatePropKey("k");
      for (int k = 1000; k < 1100; ++k) {
        bulk->CreateNode(std::span(&item, 1), {{key, Value(std::int64_t{k})}});
      }
      injector_->Set(fault, ".sst");
      bulk->Finish();
      ADD_FAILURE() << "the load succeeded";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
      EXPECT_EQ(e.detail(), "StorageError") << e.what();
      EXPECT_NE(std::string(e.what()).find(".sst"), std::string::npos) << e.what();
    }
    EXPECT_GT(injector_->injected(), before);
    injector_->Clear();
    EXPECT_EQ(Keys(*store), Range(0, 5));
    Commit(*store, 5, 1);
    store.reset();
    store = Open();
    EXPECT_EQ(Keys(*store), Range(0, 6));
  }
}

// One run of a workload (commits, with a bulk load among them) on a disk that fails from
// its `spared`-th operation of class `fault` on; then the disk heals. Every failure must be
// an Error, never a crash; the reopened store must have every acknowledged commit, at most
// the one commit in doubt (the one that failed), a bulk load wholly or not at all, agreeing
// indexes and counts, and take new commits.
void FaultInjectionTest::RunWithDiskFailingAfter(Fault fault, std::uint64_t spared,
                                                 bool with_bulk) {
  fs::remove_all(dir_);
  injector_->Clear();
  std::set<std::int64_t> acknowledged;
  std::optional<std::int64_t> in_doubt;
  bool bulk_in_doubt = false;
  {
    auto store = Open();
    Commit(*store, 0, 3);
    for (std::int64_t k = 0; k < 3; ++k) acknowledged.insert(k);
    injector_->Set(fault, "", spared);
    try {
      for (std::int64_t k = 3; k < 12; ++k) {
        in_doubt = k;
        Commit(*store, static_cast<int>(k), 1);
        acknowledged.insert(k);
        in_doubt.reset();
        if (k == 7 && with_bulk) {
          bulk_in_doubt = true;
          auto bulk = store->BeginBulk();
          // As tables: a small load's batch goes through the log like the commits around
          // it, where the tables' files, MANIFEST record and ingestion are operations of
          // their own to fail at.
          bulk->SetBatchLimit(0);
          LabelId item = bulk->GetOrCreateLabel("Item");
          PropKeyId key = bulk->GetOrCreatePropKey("k");
          for (int b = 1000; b < 1010; ++b) {
            bulk->CreateNode(std::span(&item, 1), {{key, Value(std::int64_t{b})}});
          }
          bulk->Finish();
          for (std::int64_t b = 1000; b < 1010; ++b) acknowledged.insert(b);
          bulk_in_doubt = false;
        }
      }
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
      EXPECT_EQ(e.detail(), "StorageError") << e.what();
    }
    injector_->Clear();
  }
  auto store = Open();
  std::set<std::int64_t> keys = Keys(*store);
  std::set<std::int64_t> extra;
  for (std::int64_t k : keys) {
    if (!acknowledged.count(k)) extra.insert(k);
  }
  for (std::int64_t k : acknowledged) EXPECT_TRUE(keys.count(k)) << "lost k=" << k;
  if (bulk_in_doubt && extra.count(1000)) {
    for (std::int64_t b = 1000; b < 1010; ++b) EXPECT_EQ(extra.erase(b), 1u) << b;
  }
  if (in_doubt) extra.erase(*in_doubt);
  EXPECT_TRUE(extra.empty()) << "a commit that never succeeded is visible";
  Commit(*store, 50, 1);
  EXPECT_TRUE(Keys(*store).count(50));
}

// The disk fails at each operation in turn: every second one of the first 24 writes,
// full-disk writes and syncs, each with a bulk load among the commits.
TEST_F(FaultInjectionTest, DiskFailingAtEachOperationInTurnLosesNoAcknowledgedCommit) {
  std::uint64_t runs = 0;
  for (Fault fault : {Fault::kWrite, Fault::kNoSpace, Fault::kSync}) {
    for (std::uint64_t spared = 0; spared < 24; spared += 2, ++runs) {
      SCOPED_TRACE(std::string(FaultName(fault)) + " after " + std::to_string(spared));
      RunWithDiskFailingAfter(fault, spared, true);
    }
  }
  RecordProperty("runs", std::to_string(runs));
}

// A bulk load makes two MANIFEST records: one reserving its table numbers, then the one
// naming its tables. A failed sync of either fails the load with a clear error; the store
// keeps answering with what it had; reopened, it has the load not at all when the first
// record failed, and wholly when the second did (its record reached the file, and the
// tables RocksDB deletes as the ingestion fails are kept: ingest_guard.h). This second
// case used to leave a database that did not open (DatabaseCorrupted, a table missing).
TEST_F(FaultInjectionTest, FailedManifestSyncDuringABulkLoadLeavesAnOpenableDatabase) {
  for (std::uint64_t spared : {0, 1}) {
    SCOPED_TRACE("MANIFEST syncs spared: " + std::to_string(spared));
    fs::remove_all(dir_);
    injector_->Clear();
    {
      auto store = Open();
      Commit(*store, 0, 5);
    }
    Open().reset();  // this open flushes the log into tables: the load needs no flush
    std::set<std::int64_t> expected = Range(0, 5);
    std::uint64_t before = injector_->injected();
    {
      auto store = Open();
      ExpectStorageError(
          [&] {
            auto bulk = store->BeginBulk();
            bulk->SetBatchLimit(0);  // tables, ingested through the MANIFEST
            LabelId item = bulk->GetOrCreateLabel("Item");
            PropKeyId key = bulk->GetOrCreatePropKey("k");
            for (int k = 1000; k < 1100; ++k) {
              bulk->CreateNode(std::span(&item, 1), {{key, Value(std::int64_t{k})}});
            }
            injector_->Set(Fault::kSync, "MANIFEST", spared);
            bulk->Finish();
          },
          {"cannot ingest the bulk load", "all of it or none", "MANIFEST", "sync"});
      EXPECT_EQ(injector_->injected(), before + 1);
      injector_->Clear();
      EXPECT_EQ(Keys(*store), expected);
    }
    if (spared == 1) expected.merge(Range(1000, 100));
    auto store = Open();
    EXPECT_EQ(Keys(*store), expected);
    Commit(*store, 5, 1);
    store.reset();
    store = Open();
    expected.insert(5);
    EXPECT_EQ(Keys(*store), expected);
    // The tables of the load are referenced or gone: no file is left behind.
    for (const auto& entry : fs::directory_iterator(dir_)) {
      EXPECT_FALSE(entry.path().filename().string().starts_with("bulk-")) << entry.path();
    }
  }
}

// A process killed as RocksDB syncs the MANIFEST record of a bulk load (the record is in
// the file), or killed right after that sync failed and the load reported it, closes
// nothing: the reopened store has the whole load, consistent with its indexes and counts.
TEST_F(FaultInjectionTest, ProcessKilledAtABulkLoadsManifestRecordLeavesTheWholeLoad) {
  for (const char* mode : {"at-record", "after-failure"}) {
    SCOPED_TRACE(mode);
    fs::remove_all(dir_);
    {
      auto store = Open();
      Commit(*store, 0, 5);
    }
    Open().reset();  // this open flushes the log into tables: the load needs no flush
    std::string out;
    int status = RunBulkKillWriter(mode, std::nullopt, &out);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the loader did not die as planned: " << status;
    if (std::string_view(mode) == "after-failure") {
      EXPECT_NE(out.find("cannot ingest the bulk load"), std::string::npos) << out;
    }
    std::set<std::int64_t> expected = Range(0, 5);
    expected.merge(Range(1000, 100));
    auto store = Open();
    EXPECT_EQ(Keys(*store), expected);
    Commit(*store, 5, 1);
    expected.insert(5);
    EXPECT_EQ(Keys(*store), expected);
  }
}

// A process bulk-loading batch after batch, killed at random moments: every batch is in
// the reopened store wholly or not at all, and the batches are a prefix of those loaded.
TEST_F(FaultInjectionTest, ProcessKilledDuringBulkLoadsLeavesWholeLoads) {
  {
    auto store = Open();
    Commit(*store, 0, 5);
  }
  std::mt19937 rng(std::random_device{}());
  std::int64_t previous = 0;
  for (int round = 0; round < 6; ++round) {
    std::string out;
    int status = RunBulkKillWriter("loop", std::chrono::milliseconds(rng() % 300), &out);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the loader stopped by itself: " << status;
    auto store = Open();
    std::set<std::int64_t> keys = Keys(*store);
    std::set<std::int64_t> expected = Range(0, 5);
    std::int64_t batches = 0;
    while (keys.count(1000 * (batches + 1))) expected.merge(Range(1000 * ++batches, 100));
    EXPECT_EQ(keys, expected) << "round " << round;
    EXPECT_GE(batches, previous) << "round " << round;
    previous = batches;
  }
  RecordProperty("batches", static_cast<int>(previous));
}

}  // namespace
}  // namespace parley::storage
