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

}  // namespace
}  // namespace parley::storage
