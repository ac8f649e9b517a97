// Opening a store's RocksDB: the directory checks, the cross-process lock, the column
// families and their options, and the one conversion of rocksdb::Status to parley::Error.
//
// Internal to engine/storage; nothing above the storage layer sees RocksDB types.
#ifndef PARLEY_ENGINE_STORAGE_ROCKS_DB_H_
#define PARLEY_ENGINE_STORAGE_ROCKS_DB_H_

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/status.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/storage/graph_store.h"

namespace parley::storage {

// The on-disk format this code reads and writes (meta key `v`, and the PARLEY file).
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::string_view kMarkerFileName = "PARLEY";
inline constexpr std::string_view kLockFileName = "parley.lock";

// Column families, in the order they are opened.
enum class Cf : int { kMeta, kNode, kRel, kOut, kIn, kLabel, kType, kIndex, kCount };
inline constexpr std::array<const char*, static_cast<int>(Cf::kCount)> kCfNames = {
    "meta", "node", "rel", "out", "in", "label", "type", "index"};

// Throws Error(kRuntimeError, "StorageError", "<context> (<path>): <status>") unless ok.
// The one place where a rocksdb::Status becomes a parley::Error.
void ThrowIfError(const rocksdb::Status& status, std::string_view context, std::string_view path);

// An open RocksDB with its families, its Env (in memory) and its lock. Not copyable.
class RocksHandle {
 public:
  // Checks the directory (marker file, format version), takes the lock, opens or
  // creates the families. Throws Error naming `path` on any failure.
  //
  // The lock is an flock on parley.lock: exclusive for a read-write open, shared for a
  // read-only one. So any number of read-only processes may share a database, and no
  // process writes while another has it open; the one refused gets
  // Error(kRuntimeError, "DatabaseLocked", "database is locked by process PID (path)").
  // A read-only open needs an existing database and opens RocksDB read-only.
  RocksHandle(const std::string& path, const StoreOptions& options);
  ~RocksHandle();
  RocksHandle(const RocksHandle&) = delete;
  RocksHandle& operator=(const RocksHandle&) = delete;

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(Cf family) const { return cfs_[static_cast<int>(family)]; }
  const std::string& path() const { return path_; }
  bool in_memory() const { return in_memory_; }
  // Options for writes that must be durable when they return (WAL synced; no WAL for an
  // in-memory store, whose contents end with the process anyway).
  const rocksdb::WriteOptions& durable_write() const { return durable_write_; }
  const rocksdb::Options& options() const { return options_; }
  // Persists memtables of every family and syncs (after WAL-less bulk writes).
  void FlushAll();

 private:
  void CheckDirectory(const StoreOptions& options);
  void TakeLock();
  void WriteMarker();
  void OpenFamilies();
  void CheckOrWriteVersion();
  void Close();

  std::string path_;
  bool in_memory_;
  bool read_only_;
  std::unique_ptr<rocksdb::Env> mem_env_;
  int lock_fd_ = -1;
  bool needs_marker_ = false;
  rocksdb::Options options_;
  rocksdb::WriteOptions durable_write_;
  rocksdb::DB* db_ = nullptr;
  std::array<rocksdb::ColumnFamilyHandle*, static_cast<int>(Cf::kCount)> cfs_{};
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_ROCKS_DB_H_
