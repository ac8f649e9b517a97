// Opening: directory checks, format version, and the cross-process lock.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/storage/graph_store.h"
#include "engine/storage/key_codec.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

namespace fs = std::filesystem;

class OpenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/open_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Error OpenError(const StoreOptions& options = {}) {
    try {
      GraphStore::Open(dir_, options);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "Open did not throw";
    return Error(ErrorKind::kRuntimeError, "", "");
  }

  // Opens the store in a child process; returns "opened N" (N: its node count) or
  // "<detail>|<message>" of the error it got.
  std::string OpenInChild(const StoreOptions& options) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return "pipe failed";
    pid_t child = ::fork();
    if (child == 0) {
      ::close(pipe_fds[0]);
      std::string message;
      try {
        auto store = GraphStore::Open(dir_, options);
        message = "opened " + std::to_string(store->Begin(TxnMode::kReadOnly)->NodeCount());
      } catch (const Error& e) {
        message = e.detail() + "|" + e.what();
      }
      (void)!::write(pipe_fds[1], message.data(), message.size());
      ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) message.append(buf, n);
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return message;
  }

  // A child process that holds the store open (or, with `flock_only`, only an flock on
  // its lock file, as a creator has before anything else) until Release().
  struct Holder {
    pid_t pid = -1;
    int release_fd = -1;
  };
  Holder HoldInChild(const StoreOptions& options, bool flock_only = false) {
    int ready[2], release[2];
    if (::pipe(ready) != 0 || ::pipe(release) != 0) return {};
    pid_t child = ::fork();
    if (child == 0) {
      ::close(ready[0]);
      ::close(release[1]);
      std::unique_ptr<GraphStore> store;
      if (flock_only) {
        fs::create_directories(dir_);
        int fd = ::open((fs::path(dir_) / "parley.lock").c_str(), O_RDWR | O_CREAT, 0644);
        if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) ::_exit(1);
      } else {
        store = GraphStore::Open(dir_, options);
      }
      (void)!::write(ready[1], "r", 1);
      char c;
      (void)!::read(release[0], &c, 1);  // until the parent closes its end
      ::_exit(0);
    }
    ::close(ready[1]);
    ::close(release[0]);
    char c = 0;
    EXPECT_EQ(::read(ready[0], &c, 1), 1) << "the holder did not start";
    ::close(ready[0]);
    return {child, release[1]};
  }
  static void Release(const Holder& holder) {
    ::close(holder.release_fd);
    int status = 0;
    ::waitpid(holder.pid, &status, 0);
  }
  std::string LockedBy(const std::string& who) {
    return "DatabaseLocked|database is locked by " + who + " (" + dir_ + ")";
  }

  static StoreOptions ReadOnly() {
    StoreOptions options;
    options.read_only = true;
    return options;
  }

  std::string dir_;
};

TEST_F(OpenTest, CreatesADirectoryWithAMarkerFile) {
  GraphStore::Open(dir_, {});
  EXPECT_TRUE(fs::exists(fs::path(dir_) / "PARLEY"));
  GraphStore::Open(dir_, {});  // and opens it again
}

TEST_F(OpenTest, MissingDirectoryWithoutCreateFailsNamingThePath) {
  StoreOptions options;
  options.create_if_missing = false;
  Error e = OpenError(options);
  EXPECT_NE(std::string(e.what()).find(dir_), std::string::npos);
}

TEST_F(OpenTest, NonParleyDirectoryIsRefusedAndLeftAlone) {
  fs::create_directories(dir_);
  std::ofstream(fs::path(dir_) / "notes.txt") << "mine";
  Error e = OpenError();
  EXPECT_EQ(e.detail(), "NotADatabase");
  EXPECT_NE(std::string(e.what()).find(dir_), std::string::npos);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(OpenTest, DirectoryLeftByAnInterruptedCreateOpens) {
  fs::create_directories(dir_);
  std::ofstream(fs::path(dir_) / "parley.lock") << "12345\n";  // killed before the marker
  GraphStore::Open(dir_, {});
  EXPECT_TRUE(fs::exists(fs::path(dir_) / "PARLEY"));
}

TEST_F(OpenTest, UnknownVersionInMarkerIsRefused) {
  GraphStore::Open(dir_, {});
  std::ofstream(fs::path(dir_) / "PARLEY", std::ios::trunc) << "parley-format 99\n";
  Error e = OpenError();
  EXPECT_EQ(e.detail(), "UnsupportedFormat");
  EXPECT_NE(std::string(e.what()).find("99"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find(dir_), std::string::npos);
}

TEST_F(OpenTest, UnknownVersionInMetaIsRefused) {
  GraphStore::Open(dir_, {});
  {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir_, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const auto& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::Options(), dir_, families, &handles, &db).ok());
    std::string version;
    AppendBigEndian32(&version, 7);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "meta") {
        ASSERT_TRUE(
            db->Put(rocksdb::WriteOptions(), handles[i], EncodeFormatVersionKey(), version).ok());
      }
    }
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  Error e = OpenError();
  EXPECT_EQ(e.detail(), "UnsupportedFormat");
}

TEST_F(OpenTest, SecondOpenInTheSameProcessIsLocked) {
  auto store = GraphStore::Open(dir_, {});
  Error e = OpenError();
  EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
  EXPECT_EQ(e.detail(), "DatabaseLocked");
  EXPECT_NE(std::string(e.what()).find(std::to_string(::getpid())), std::string::npos);
}

TEST_F(OpenTest, AnotherProcessGetsTheLockedErrorAndNothingBreaks) {
  auto store = GraphStore::Open(dir_, {});
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateNode({}, {});
    txn->Commit();
  }
  std::string message = OpenInChild({});
  EXPECT_EQ(message, "DatabaseLocked|database is locked by process " + std::to_string(::getpid()) +
                         " (" + dir_ + ")");
  auto txn = store->Begin(TxnMode::kReadWrite);  // the holder carries on
  txn->CreateNode({}, {});
  txn->Commit();
  store.reset();
  EXPECT_EQ(GraphStore::Open(dir_, {})->Begin(TxnMode::kReadOnly)->NodeCount(), 2u);
}

TEST_F(OpenTest, InMemoryStoresAreIndependentAndTouchNoFiles) {
  StoreOptions options;
  options.in_memory = true;
  auto a = GraphStore::Open(dir_, options);
  auto b = GraphStore::Open(dir_, options);
  auto txn = a->Begin(TxnMode::kReadWrite);
  txn->CreateNode({}, {});
  txn->Commit();
  EXPECT_EQ(b->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
  EXPECT_FALSE(fs::exists(dir_));
}

TEST_F(OpenTest, ReadOnlyStoreRefusesWriteTxns) {
  GraphStore::Open(dir_, {});
  StoreOptions options;
  options.read_only = true;
  auto store = GraphStore::Open(dir_, options);
  EXPECT_THROW(store->Begin(TxnMode::kReadWrite), Error);
  EXPECT_EQ(store->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
}

TEST_F(OpenTest, ReadOnlyProcessesShareADatabaseAndSeeItsData) {
  {
    auto store = GraphStore::Open(dir_, {});
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateNode({}, {});
    txn->Commit();
  }  // closed without a flush: the reader must replay the log
  auto reader = GraphStore::Open(dir_, ReadOnly());
  EXPECT_EQ(reader->Begin(TxnMode::kReadOnly)->NodeCount(), 1u);
  EXPECT_EQ(OpenInChild(ReadOnly()), "opened 1");
}

TEST_F(OpenTest, AWriterIsRefusedWhileAReaderHasTheDatabaseOpen) {
  GraphStore::Open(dir_, {});
  auto reader = GraphStore::Open(dir_, ReadOnly());
  EXPECT_EQ(OpenInChild({}).substr(0, 15), "DatabaseLocked|");
  reader.reset();
  EXPECT_EQ(OpenInChild({}), "opened 0");
}

TEST_F(OpenTest, AReaderIsRefusedWhileAWriterHasTheDatabaseOpen) {
  auto writer = GraphStore::Open(dir_, {});
  EXPECT_EQ(OpenInChild(ReadOnly()), "DatabaseLocked|database is locked by process " +
                                         std::to_string(::getpid()) + " (" + dir_ + ")");
}

// The PID a holder once wrote into the lock file was the last reader's, which may have
// exited while an earlier one still holds the lock.
TEST_F(OpenTest, LockedMessageNamesTheReaderStillHoldingTheLockNotOneThatExited) {
  GraphStore::Open(dir_, {});
  Holder first = HoldInChild(ReadOnly());
  EXPECT_EQ(OpenInChild(ReadOnly()), "opened 0");  // a second reader comes and goes
  EXPECT_EQ(OpenInChild({}), LockedBy("process " + std::to_string(first.pid)));
  Release(first);
  EXPECT_EQ(OpenInChild({}), "opened 0");
}

TEST_F(OpenTest, LockedMessageNamesEveryReaderHoldingTheLock) {
  GraphStore::Open(dir_, {});
  auto reader = GraphStore::Open(dir_, ReadOnly());
  Holder other = HoldInChild(ReadOnly());
  pid_t low = std::min(::getpid(), other.pid), high = std::max(::getpid(), other.pid);
  EXPECT_EQ(OpenInChild({}),
            LockedBy("processes " + std::to_string(low) + ", " + std::to_string(high)));
  Release(other);
}

// A creator holds the lock before it has written anything, its PID included.
TEST_F(OpenTest, LockedMessageNamesACreatorThatHasWrittenNothingYet) {
  Holder creator = HoldInChild({}, /*flock_only=*/true);
  EXPECT_EQ(fs::file_size(fs::path(dir_) / "parley.lock"), 0u);
  EXPECT_EQ(OpenInChild({}), LockedBy("process " + std::to_string(creator.pid)));
  Release(creator);
  EXPECT_EQ(OpenInChild({}), "opened 0");
}

TEST_F(OpenTest, ReadOnlyOpenOfAnEmptyDirectoryCreatesNothing) {
  fs::create_directories(dir_);
  EXPECT_EQ(OpenError(ReadOnly()).detail(), "DatabaseNotFound");
  EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace
}  // namespace parley::storage
