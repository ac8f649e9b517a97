// IngestGuardFileSystem: keeps the tables of a failed bulk ingestion on disk.
//
// RocksDB 7.8 ingests a bulk load (BulkWriter) by linking each file into the database
// directory under a table name, then appending one record that names the tables to the
// MANIFEST. When that append or its sync fails, the ingestion fails and RocksDB deletes
// the tables it linked, although the record may have reached the MANIFEST file: the
// next open then finds the MANIFEST naming tables that are gone and fails (the database
// is damaged). Whether the record counts is only known at that next open, so the tables
// must outlive the failure: from BeginIngestion to EndIngestion(false) this file system
// records the tables RocksDB links (or, where the file system has no links, copies) into
// the directory, and refuses to delete them (the deletion reports success and leaves the
// file) for as long as it lives, i.e. until the store is closed. The next open then
// finds them: named by the MANIFEST, the load is there wholly; not named, they are
// unreferenced tables, which RocksDB deletes as it opens. Nothing is recorded on disk, so
// a process killed at any moment leaves what RocksDB's own ingestion leaves: the record
// and its tables, or no record.
//
// A successful ingestion's tables are RocksDB's like any other (compactions delete them
// later): EndIngestion(true) forgets them.
//
// Thread-safe. Installed by RocksHandle below its WatchedFileSystem.
#ifndef PARLEY_ENGINE_STORAGE_INGEST_GUARD_H_
#define PARLEY_ENGINE_STORAGE_INGEST_GUARD_H_

#include <rocksdb/file_system.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace parley::storage {

class IngestGuardFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  explicit IngestGuardFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target)
      : FileSystemWrapper(target) {}

  const char* Name() const override { return "ParleyIngestGuardFileSystem"; }

  // From now on, the target of every link made and every table file created is an
  // ingested table (a flush the ingestion waits for may create one too; keeping it after a
  // failure does no harm). REQUIRES: no ingestion begun and not ended.
  void BeginIngestion();
  // Stops recording links. `succeeded`: the tables recorded are forgotten; otherwise they
  // are kept until this file system is destroyed.
  void EndIngestion(bool succeeded);
  // The tables kept from failed ingestions (file names, without the directory).
  std::set<std::string> kept() const;

  rocksdb::IOStatus LinkFile(const std::string& source, const std::string& target,
                             const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewWritableFile(const std::string& file, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& file, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;

 private:
  mutable std::mutex mutex_;
  // All guarded by mutex_.
  bool ingesting_ = false;
  std::set<std::string> ingesting_tables_;  // linked by the ingestion under way
  std::set<std::string> kept_;              // of failed ingestions
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_INGEST_GUARD_H_
