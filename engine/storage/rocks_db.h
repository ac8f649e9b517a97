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
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/storage/graph_store.h"
#include "engine/storage/ingest_guard.h"
#include "engine/storage/io_watch.h"

namespace parley::storage {

// The on-disk format this code reads and writes (meta key `v`, and the PARLEY file).
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::string_view kMarkerFileName = "PARLEY";
inline constexpr std::string_view kLockFileName = "parley.lock";
// Present while a new database is being created, before its PARLEY file: a directory
// with it and no PARLEY file is a creation cut short, which nothing was ever committed to.
inline constexpr std::string_view kCreatingFileName = "PARLEY.new";
// The RocksDB sequence number of the latest durable commit, written after each (not
// synced: a process killed after its commit returned leaves it; a power failure may
// leave an older one, never a newer). A database whose recovered sequence is below it
// lost committed writes from its write-ahead log.
inline constexpr std::string_view kSequenceFileName = "parley.sequence";

// Column families, in the order they are opened.
enum class Cf : int { kMeta, kNode, kRel, kOut, kIn, kLabel, kType, kIndex, kCount };
inline constexpr std::array<const char*, static_cast<int>(Cf::kCount)> kCfNames = {
    "meta", "node", "rel", "out", "in", "label", "type", "index"};

// Throws Error(kRuntimeError, "StorageError", "<context> (<path>): <status>") unless ok.
// The one place where a rocksdb::Status becomes a parley::Error.
void ThrowIfError(const rocksdb::Status& status, std::string_view context, std::string_view path);

// An open RocksDB with its families, its Env and its lock. Not copyable.
class RocksHandle {
 public:
  // Checks the directory (marker file, format version), takes the lock, opens or
  // creates the families. Throws Error naming `path` on any failure.
  //
  // A directory with a PARLEY file is an existing database and is never created anew:
  // store files that are missing (CURRENT, MANIFEST, a table, a write-ahead log RocksDB
  // tracks) or damaged, and committed writes missing from the recovered log (see
  // kSequenceFileName), fail the open with Error(kRuntimeError, "DatabaseCorrupted")
  // naming the damage; Repair is the explicit way out. A torn record at the very end of
  // the log, as a crash leaves it, is dropped (it was never acknowledged).
  //
  // The lock is an flock on parley.lock: exclusive for a read-write open, shared for a
  // read-only one. So any number of read-only processes may share a database, and no
  // process writes while another has it open; the one refused gets
  // Error(kRuntimeError, "DatabaseLocked", "database is locked by process PID (path)"),
  // or "by processes PID, PID" when several readers hold it. The holders are found in
  // the kernel's list of locks (/proc/locks) by the lock file's inode, not in the file:
  // the list holds every holder from the moment it has the lock until it lets go or
  // exits, where a PID each holder wrote into the file was only the last one's, possibly
  // exited, and absent while a creator had the lock but had not written yet. A holder
  // the list does not show (another PID namespace, another host) is "another process".
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
  // Starts flushing each family whose memtable is mostly deletions (see the definition).
  // Cheap when none is; call after writes that deleted keys.
  void FlushDeletionHeavyMemtables();
  // After a committed bulk load: flushes every family when logs have piled up, and
  // compacts a family whose tables have (see the definition for why loads make both).
  // Throws Error when the disk fails; the load stays committed either way.
  void TidyAfterBulkLoad();
  // Records the sequence number of the write that just became durable (kSequenceFileName).
  // Call after every successful durable write.
  void RecordDurable();
  // The I/O errors met so far (io_watch.h).
  const IoErrorLog& io_errors() const { return *io_errors_; }
  // Keeps the tables of a failed bulk ingestion until the store is closed (ingest_guard.h).
  IngestGuardFileSystem& ingest_guard() const { return *ingest_guard_; }

  // Rebuilds a damaged database's RocksDB files from what is left of them (RocksDB's
  // RepairDB: tables that can be read are kept, a lost log's writes are gone) and accepts
  // the result as the database's new state. Takes the lock; `path` must hold a PARLEY
  // file. Throws Error on failure.
  static void Repair(const std::string& path);

 private:
  explicit RocksHandle(const std::string& path)  // for Repair: holds only the lock
      : path_(path), in_memory_(false), read_only_(false) {}
  void CheckDirectory(const StoreOptions& options);
  void TakeLock();
  void StartCreating();
  void WriteMarker();
  void ConfigureOptions();
  void OpenFamilies();
  void CheckOrWriteVersion();
  void CheckSequence();
  void CompactSmallTables();
  void WaitForCompactions();
  void Close();

  std::string path_;
  bool in_memory_;
  bool read_only_;
  std::unique_ptr<rocksdb::Env> mem_env_;
  std::shared_ptr<IoErrorLog> io_errors_ = std::make_shared<IoErrorLog>();
  std::shared_ptr<IngestGuardFileSystem> ingest_guard_;
  // Whether RocksDB is in a background error (its listener sets it).
  std::shared_ptr<std::atomic<bool>> background_error_ = std::make_shared<std::atomic<bool>>();
  std::unique_ptr<rocksdb::Env> watched_env_;
  std::function<std::shared_ptr<rocksdb::FileSystem>(std::shared_ptr<rocksdb::FileSystem>)>
      wrap_file_system_;
  int lock_fd_ = -1;
  int sequence_fd_ = -1;
  bool needs_marker_ = false;
  rocksdb::Options options_;
  rocksdb::WriteOptions durable_write_;
  rocksdb::DB* db_ = nullptr;
  std::array<rocksdb::ColumnFamilyHandle*, static_cast<int>(Cf::kCount)> cfs_{};
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_ROCKS_DB_H_
