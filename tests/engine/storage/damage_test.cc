// Damaged database directories: an existing database is never created anew or emptied
// on open; missing or damaged store files and writes lost from the log fail the open with
// DatabaseCorrupted; Repair is the explicit way back. Also: tiny tables left by many short
// writers are compacted, and reads that fail unreported fail the statement.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "engine/storage/graph_store.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

namespace fs = std::filesystem;

class DamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/damage_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Opens the store once and commits `count` nodes, one Txn each.
  void CommitNodes(int count) {
    auto store = GraphStore::Open(dir_, {});
    for (int i = 0; i < count; ++i) {
      auto txn = store->Begin(TxnMode::kReadWrite);
      txn->CreateNode({}, {});
      txn->Commit();
    }
  }

  std::uint64_t NodeCount() {
    auto store = GraphStore::Open(dir_, {});
    return store->Begin(TxnMode::kReadOnly)->NodeCount();
  }

  Error OpenError() {
    try {
      GraphStore::Open(dir_, {});
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "Open did not throw";
    return Error(ErrorKind::kRuntimeError, "", "");
  }

  std::set<std::string> Files() const {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      out.insert(entry.path().filename().string());
    }
    return out;
  }

  std::vector<fs::path> FilesEndingIn(std::string_view suffix) const {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (entry.path().string().ends_with(suffix)) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The write-ahead log that holds the last open's commits (the newest non-empty one).
  fs::path NewestLog() const {
    fs::path newest;
    for (const fs::path& log : FilesEndingIn(".log")) {
      if (fs::file_size(log) > 0) newest = log;
    }
    return newest;
  }

  // The newest MANIFEST (the one CURRENT names after a clean close).
  fs::path NewestManifest() const {
    fs::path newest;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      std::string name = entry.path().filename().string();
      if (name.starts_with("MANIFEST-") && (newest.empty() || entry.path() > newest)) {
        newest = entry.path();
      }
    }
    return newest;
  }

  // Commits nodes {v: 0 .. count - 1} and reopens once, so that they are in tables.
  void CommitValuesToTables(int count) {
    {
      auto store = GraphStore::Open(dir_, {});
      auto txn = store->Begin(TxnMode::kReadWrite);
      PropKeyId v = txn->GetOrCreatePropKey("v");
      for (int i = 0; i < count; ++i) txn->CreateNode({}, {{v, Value(std::int64_t{i})}});
      txn->Commit();
    }
    GraphStore::Open(dir_, {}).reset();  // this open flushes the log into tables
  }

  // Opens the store and reads every node's v. A damaged database must fail (the open or
  // the read) with an Error; when it does not, it must answer in full: `count` nodes with
  // v = 0 .. count - 1. Returns the error's detail, "" when it answered in full.
  std::string FailsOrIsWhole(int count) {
    try {
      auto store = GraphStore::Open(dir_, {});
      std::uint64_t mark = store->IoErrorMark();
      auto txn = store->Begin(TxnMode::kReadOnly);
      auto v = txn->FindPropKey("v");
      std::set<std::int64_t> values;
      auto cursor = txn->ScanNodes();
      for (NodeId id; cursor->Next(&id);) {
        Value value = v ? txn->NodeProperty(id, *v) : Value();
        if (value.is_int()) values.insert(value.as_int());
      }
      store->ThrowIfIoErrorSince(mark);
      EXPECT_EQ(values.size(), static_cast<std::size_t>(count)) << "a silently shorter database";
      EXPECT_EQ(txn->NodeCount(), static_cast<std::uint64_t>(count));
      if (!values.empty()) EXPECT_EQ(*values.rbegin(), count - 1);
      return "";
    } catch (const Error& e) {
      EXPECT_FALSE(e.detail().empty()) << e.what();
      EXPECT_FALSE(std::string(e.what()).empty());
      return e.detail();
    }
  }

  // Flips one bit of `file` at `offset`.
  static void FlipBit(const fs::path& file, std::uint64_t offset) {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekg(static_cast<std::streamoff>(offset));
    char byte = 0;
    stream.read(&byte, 1);
    byte = static_cast<char>(byte ^ 0x10);
    stream.seekp(static_cast<std::streamoff>(offset));
    stream.write(&byte, 1);
  }

  // Runs `check` once per damaged copy of the database: a fresh copy of the undamaged
  // directory, damaged by `damage(copy_number)`, `copies` times.
  void ForEachDamagedCopy(int copies, const std::function<void(int)>& damage,
                          const std::function<void(int)>& check) {
    std::string pristine = dir_ + ".pristine";
    fs::remove_all(pristine);
    fs::copy(dir_, pristine, fs::copy_options::recursive);
    for (int copy = 0; copy < copies; ++copy) {
      SCOPED_TRACE("copy " + std::to_string(copy));
      fs::remove_all(dir_);
      fs::copy(pristine, dir_, fs::copy_options::recursive);
      damage(copy);
      check(copy);
    }
    fs::remove_all(pristine);
  }

  std::string dir_;
};

TEST_F(DamageTest, MissingCurrentFailsEveryOpenAndDeletesNothing) {
  CommitNodes(3);
  fs::remove(fs::path(dir_) / "CURRENT");
  std::set<std::string> before = Files();
  for (int attempt = 0; attempt < 2; ++attempt) {
    Error e = OpenError();
    EXPECT_EQ(e.detail(), "DatabaseCorrupted");
    EXPECT_NE(std::string(e.what()).find("CURRENT"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("parley repair"), std::string::npos) << e.what();
  }
  EXPECT_EQ(Files(), before);
  GraphStore::Repair(dir_);
  EXPECT_EQ(NodeCount(), 3u);
}

TEST_F(DamageTest, DirectoryWithOnlyTheMarkerIsNotAnEmptyDatabase) {
  CommitNodes(1);
  for (const auto& name : Files()) {
    if (name != "PARLEY") fs::remove_all(fs::path(dir_) / name);
  }
  EXPECT_EQ(OpenError().detail(), "DatabaseCorrupted");
  EXPECT_EQ(Files(), std::set<std::string>{"PARLEY"});
}

TEST_F(DamageTest, TablesWithoutTheirManifestFailAndRepairRecoversThem) {
  CommitNodes(20);
  CommitNodes(1);  // this open flushes the first one's log into tables
  for (const auto& name : Files()) {
    if (name != "PARLEY" && !name.ends_with(".sst")) fs::remove_all(fs::path(dir_) / name);
  }
  ASSERT_FALSE(FilesEndingIn(".sst").empty());
  EXPECT_EQ(OpenError().detail(), "DatabaseCorrupted");
  GraphStore::Repair(dir_);
  EXPECT_GE(NodeCount(), 20u);
}

TEST_F(DamageTest, MissingTableFailsTheOpen) {
  CommitNodes(5);
  CommitNodes(1);
  auto tables = FilesEndingIn(".sst");
  ASSERT_FALSE(tables.empty());
  for (const fs::path& table : tables) fs::remove(table);
  EXPECT_EQ(OpenError().detail(), "DatabaseCorrupted");
}

TEST_F(DamageTest, DeletedLogWithCommittedWritesFailsTheOpen) {
  CommitNodes(1);
  CommitNodes(200);  // only in this open's log
  fs::path log = NewestLog();
  ASSERT_FALSE(log.empty());
  fs::remove(log);
  Error e = OpenError();
  EXPECT_EQ(e.detail(), "DatabaseCorrupted");
  EXPECT_EQ(OpenError().detail(), "DatabaseCorrupted");  // and stays so
  GraphStore::Repair(dir_);
  EXPECT_EQ(NodeCount(), 1u);  // the lost writes stay lost, and the rest opens
  CommitNodes(1);
  EXPECT_EQ(NodeCount(), 2u);
}

TEST_F(DamageTest, TruncatedLogFailsTheOpen) {
  CommitNodes(1);
  CommitNodes(200);
  fs::path log = NewestLog();
  ASSERT_FALSE(log.empty());
  fs::resize_file(log, fs::file_size(log) / 2);
  EXPECT_EQ(OpenError().detail(), "DatabaseCorrupted");
}

TEST_F(DamageTest, LogCorruptedInTheMiddleFailsTheOpen) {
  CommitNodes(1);
  CommitNodes(200);
  fs::path log = NewestLog();
  ASSERT_FALSE(log.empty());
  {
    std::fstream file(log, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(fs::file_size(log) / 2));
    file.write("\xff\xff\xff\xff\xff\xff\xff\xff", 8);
  }
  Error e = OpenError();
  EXPECT_EQ(e.detail(), "DatabaseCorrupted");
  GraphStore::Repair(dir_);
  std::uint64_t count = NodeCount();
  EXPECT_GE(count, 1u);
  EXPECT_LE(count, 201u);
}

TEST_F(DamageTest, TornRecordAtTheEndOfTheLogIsACrashAndOpens) {
  CommitNodes(1);
  CommitNodes(50);
  fs::path log = NewestLog();
  ASSERT_FALSE(log.empty());
  {
    // The start of a record header whose body never made it to disk.
    std::ofstream file(log, std::ios::app | std::ios::binary);
    file.write("\x12\x34\x56\x78\x40\x00", 6);
  }
  EXPECT_EQ(NodeCount(), 51u);
}

TEST_F(DamageTest, UnfinishedCreationIsStartedAgain) {
  fs::create_directories(dir_);
  std::ofstream(fs::path(dir_) / "PARLEY.new");
  std::ofstream(fs::path(dir_) / "000003.log") << "half a log";
  std::ofstream(fs::path(dir_) / "MANIFEST-000001") << "half a manifest";
  auto store = GraphStore::Open(dir_, {});
  EXPECT_EQ(store->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
  store.reset();
  EXPECT_TRUE(fs::exists(fs::path(dir_) / "PARLEY"));
  EXPECT_FALSE(fs::exists(fs::path(dir_) / "PARLEY.new"));
}

TEST_F(DamageTest, ManyShortWritersDoNotPileUpTinyTables) {
  for (int i = 0; i < 150; ++i) CommitNodes(1);
  EXPECT_EQ(NodeCount(), 150u);
  // Without compaction each open leaves a table per family it wrote: 450 here.
  EXPECT_LT(FilesEndingIn(".sst").size(), 100u);
}

// In a child process with few file descriptors, a scan over more tables than may be open
// at once either counts every node or fails; it never answers with fewer.
TEST_F(DamageTest, ReadsThatCannotOpenTheirTablesNeverGiveAShortAnswer) {
  for (int i = 0; i < 60; ++i) CommitNodes(1);
  ASSERT_GT(FilesEndingIn(".sst").size(), 40u);
  pid_t child = ::fork();
  if (child == 0) {
    int code = 3;
    try {
      StoreOptions options;
      options.read_only = true;  // no compaction: every table stays
      auto store = GraphStore::Open(dir_, options);
      struct rlimit limit {40, 40};
      ::setrlimit(RLIMIT_NOFILE, &limit);
      std::uint64_t mark = store->IoErrorMark();
      auto txn = store->Begin(TxnMode::kReadOnly);
      std::uint64_t seen = 0;
      auto cursor = txn->ScanNodes();
      for (NodeId id; cursor->Next(&id);) ++seen;
      store->ThrowIfIoErrorSince(mark);
      code = seen == 60 ? 0 : 1;  // 1: a short answer
    } catch (const Error&) {
      code = 2;  // the failure was reported
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 1) << "the scan counted fewer nodes and reported nothing";
  EXPECT_NE(WEXITSTATUS(status), 3);
}

// Two processes creating one database at once: the one that waited for the lock must
// open what the other created, not start over and remove it.
TEST_F(DamageTest, ConcurrentCreatorsNeverRemoveACommittedDatabase) {
  for (int round = 0; round < 20; ++round) {
    fs::remove_all(dir_);
    pid_t child = ::fork();
    if (child == 0) {
      int code = 0;
      try {
        auto store = GraphStore::Open(dir_, {});
        auto txn = store->Begin(TxnMode::kReadWrite);
        txn->CreateNode({}, {});
        txn->Commit();
      } catch (const Error&) {
        code = 1;  // locked: the parent holds it
      }
      ::_exit(code);
    }
    bool parent_opened = false;
    for (int attempt = 0; attempt < 200 && !parent_opened; ++attempt) {
      try {
        auto store = GraphStore::Open(dir_, {});
        auto txn = store->Begin(TxnMode::kReadWrite);
        txn->CreateNode({}, {});
        txn->Commit();
        parent_opened = true;
      } catch (const Error& e) {
        ASSERT_EQ(e.detail(), "DatabaseLocked") << e.what();
        ::usleep(5000);
      }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(parent_opened);
    int child_committed = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 1 : 0;
    EXPECT_EQ(NodeCount(), static_cast<std::uint64_t>(1 + child_committed)) << "round " << round;
  }
}

// A bit flipped anywhere in a table: the open or the read fails, or (a bit no read uses)
// every node is there; never fewer.
TEST_F(DamageTest, BitFlippedTableNeverGivesAShorterDatabase) {
  CommitValuesToTables(300);
  auto tables = FilesEndingIn(".sst");
  ASSERT_FALSE(tables.empty());
  std::uintmax_t largest = 0;
  fs::path table;
  for (const fs::path& t : tables) {
    if (fs::file_size(t) > largest) largest = fs::file_size(t), table = t;
  }
  const int copies = 24;
  int failed = 0;
  ForEachDamagedCopy(
      copies, [&](int copy) { FlipBit(dir_ / table.filename(), largest * copy / copies); },
      [&](int) { failed += FailsOrIsWhole(300).empty() ? 0 : 1; });
  EXPECT_GT(failed, 0);  // the data blocks at least are checked
}

TEST_F(DamageTest, TruncatedTableFailsTheOpenOrTheRead) {
  CommitValuesToTables(300);
  auto tables = FilesEndingIn(".sst");
  ASSERT_FALSE(tables.empty());
  ForEachDamagedCopy(
      static_cast<int>(tables.size()),
      [&](int copy) {
        fs::path table = dir_ / tables[copy].filename();
        fs::resize_file(table, fs::file_size(table) / 2);
      },
      [&](int) { EXPECT_NE(FailsOrIsWhole(300), ""); });
}

// The last records of a MANIFEST may describe nothing the data needs (the last open's own
// bookkeeping): damage there may open whole, as a torn tail does; damage before them fails
// the open. Either way never a shorter database.
void ExpectCorruptedOrWhole(const std::string& detail, int* failed) {
  if (detail.empty()) return;  // FailsOrIsWhole checked it is whole
  EXPECT_EQ(detail, "DatabaseCorrupted");
  ++*failed;
}

TEST_F(DamageTest, BitFlippedManifestFailsTheOpenOrIsWhole) {
  CommitValuesToTables(300);
  fs::path manifest = NewestManifest();
  ASSERT_FALSE(manifest.empty());
  std::uintmax_t size = fs::file_size(manifest);
  const int copies = 16;
  int failed = 0;
  ForEachDamagedCopy(
      copies, [&](int copy) { FlipBit(dir_ / manifest.filename(), size * copy / copies); },
      [&](int) { ExpectCorruptedOrWhole(FailsOrIsWhole(300), &failed); });
  EXPECT_GT(failed, copies / 2);
}

TEST_F(DamageTest, TruncatedManifestFailsTheOpenOrIsWhole) {
  CommitValuesToTables(300);
  fs::path manifest = NewestManifest();
  ASSERT_FALSE(manifest.empty());
  std::uintmax_t size = fs::file_size(manifest);
  const int copies = 8;
  int failed = 0;
  ForEachDamagedCopy(
      copies, [&](int copy) { fs::resize_file(dir_ / manifest.filename(), size * copy / copies); },
      [&](int) { ExpectCorruptedOrWhole(FailsOrIsWhole(300), &failed); });
  EXPECT_GT(failed, copies / 2);
}

TEST_F(DamageTest, DamagedMarkerFileFailsTheOpenAndChangesNothing) {
  CommitValuesToTables(10);
  fs::path marker = fs::path(dir_) / "PARLEY";
  std::uintmax_t size = fs::file_size(marker);
  std::set<std::string> before = Files();
  auto damages = static_cast<int>(size) + 2;  // a bit flipped in each byte; emptied; halved
  ForEachDamagedCopy(
      damages,
      [&](int copy) {
        if (copy < static_cast<int>(size)) {
          FlipBit(marker, static_cast<std::uint64_t>(copy));
        } else {
          fs::resize_file(marker, copy == static_cast<int>(size) ? 0 : size / 2);
        }
      },
      [&](int copy) {
        std::string detail = FailsOrIsWhole(10);
        // A flip in the trailing newline changes nothing a reader uses.
        if (copy == static_cast<int>(size) - 1) return;
        EXPECT_TRUE(detail == "NotADatabase" || detail == "UnsupportedFormat") << detail;
        EXPECT_EQ(Files(), before);
      });
}

}  // namespace
}  // namespace parley::storage
