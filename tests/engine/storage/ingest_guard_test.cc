// IngestGuardFileSystem: the tables a failed ingestion linked survive their deletion until
// the file system goes; a successful ingestion's tables and every other file are deleted
// as asked.
#include "engine/storage/ingest_guard.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>

namespace parley::storage {
namespace {

namespace fs = std::filesystem;

class IngestGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/ingest_guard_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string File(const std::string& name) {
    std::string path = dir_ + "/" + name;
    if (!fs::exists(path)) std::ofstream(path) << name;
    return path;
  }
  void Link(IngestGuardFileSystem& guard, const std::string& from, const std::string& to) {
    ASSERT_TRUE(guard.LinkFile(File(from), dir_ + "/" + to, {}, nullptr).ok());
  }
  bool Delete(IngestGuardFileSystem& guard, const std::string& name) {
    return guard.DeleteFile(dir_ + "/" + name, {}, nullptr).ok();
  }
  bool Exists(const std::string& name) { return fs::exists(dir_ + "/" + name); }

  std::string dir_;
};

TEST_F(IngestGuardTest, TablesOfAFailedIngestionOutliveTheirDeletionUntilTheGuardGoes) {
  {
    auto guard = std::make_shared<IngestGuardFileSystem>(rocksdb::FileSystem::Default());
    Link(*guard, "bulk-node-1.sst", "000010.sst");  // before the ingestion: not kept
    guard->BeginIngestion();
    Link(*guard, "bulk-node-2.sst", "000011.sst");
    Link(*guard, "bulk-meta-3.sst", "000012.sst");
    // While the ingestion runs (RocksDB deletes the tables as it fails)...
    EXPECT_TRUE(Delete(*guard, "000011.sst"));
    EXPECT_TRUE(Exists("000011.sst"));
    guard->EndIngestion(false);
    // ... and after it: the deletion reports success, the file stays.
    EXPECT_TRUE(Delete(*guard, "000011.sst"));
    EXPECT_TRUE(Delete(*guard, "000012.sst"));
    EXPECT_TRUE(Exists("000011.sst"));
    EXPECT_TRUE(Exists("000012.sst"));
    EXPECT_EQ(guard->kept(), (std::set<std::string>{"000011.sst", "000012.sst"}));
    // Other files go: the external originals, tables linked outside an ingestion.
    EXPECT_TRUE(Delete(*guard, "bulk-node-2.sst"));
    EXPECT_TRUE(Delete(*guard, "000010.sst"));
    EXPECT_FALSE(Exists("bulk-node-2.sst"));
    EXPECT_FALSE(Exists("000010.sst"));
  }
  // The next open's file system keeps nothing.
  IngestGuardFileSystem guard(rocksdb::FileSystem::Default());
  EXPECT_TRUE(Delete(guard, "000011.sst"));
  EXPECT_FALSE(Exists("000011.sst"));
}

// Where the file system has no links, RocksDB copies the files: a new table file.
TEST_F(IngestGuardTest, TablesCopiedByAFailedIngestionAreKeptToo) {
  IngestGuardFileSystem guard(rocksdb::FileSystem::Default());
  std::unique_ptr<rocksdb::FSWritableFile> file;
  ASSERT_TRUE(guard.NewWritableFile(dir_ + "/000030.sst", {}, &file, nullptr).ok());
  guard.BeginIngestion();
  ASSERT_TRUE(guard.NewWritableFile(dir_ + "/000031.sst", {}, &file, nullptr).ok());
  ASSERT_TRUE(guard.NewWritableFile(dir_ + "/MANIFEST-000032", {}, &file, nullptr).ok());
  file.reset();
  guard.EndIngestion(false);
  EXPECT_EQ(guard.kept(), (std::set<std::string>{"000031.sst"}));
  EXPECT_TRUE(Delete(guard, "000031.sst"));
  EXPECT_TRUE(Exists("000031.sst"));
  EXPECT_TRUE(Delete(guard, "000030.sst"));
  EXPECT_FALSE(Exists("000030.sst"));
}

TEST_F(IngestGuardTest, TablesOfASuccessfulIngestionAreDeletedAsAsked) {
  IngestGuardFileSystem guard(rocksdb::FileSystem::Default());
  guard.BeginIngestion();
  Link(guard, "bulk-node-1.sst", "000020.sst");
  guard.EndIngestion(true);
  EXPECT_TRUE(guard.kept().empty());
  EXPECT_TRUE(Delete(guard, "000020.sst"));  // a compaction replaced it, say
  EXPECT_FALSE(Exists("000020.sst"));
  // A later failed ingestion keeps only its own tables.
  guard.BeginIngestion();
  Link(guard, "bulk-node-2.sst", "000021.sst");
  guard.EndIngestion(false);
  EXPECT_EQ(guard.kept(), (std::set<std::string>{"000021.sst"}));
}

}  // namespace
}  // namespace parley::storage
