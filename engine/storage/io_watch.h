// IoErrorLog and WatchedFileSystem: every I/O error RocksDB meets, counted.
//
// RocksDB 7.8 does not report every failed read to its caller: a merging iterator can
// end early with an OK status when one of its tables cannot be opened (too many open
// files), and the scan then looks complete. Each store opens RocksDB on a
// WatchedFileSystem, which records every failed open and read in the store's IoErrorLog,
// and each statement fails when the log grew while it ran (Txn::ThrowIfIoFailed). A
// statement may so fail for an error met by a background job or another statement at
// the same time; it never succeeds with an error unseen.
#ifndef PARLEY_ENGINE_STORAGE_IO_WATCH_H_
#define PARLEY_ENGINE_STORAGE_IO_WATCH_H_

#include <rocksdb/file_system.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace parley::storage {

// Thread-safe.
class IoErrorLog {
 public:
  // Counts the error and keeps its text as the latest ("<what> <file>: <status>").
  void Record(std::string_view what, const std::string& file, const rocksdb::IOStatus& status);
  // The number of errors recorded so far: a mark to compare a later count with.
  std::uint64_t count() const { return count_.load(std::memory_order_acquire); }
  // The latest error's text ("" before the first).
  std::string latest() const;

 private:
  std::atomic<std::uint64_t> count_{0};
  mutable std::mutex mutex_;
  std::string latest_;
};

// Forwards every call to `target`; records failed opens of files for reading (other than
// "not found", which RocksDB meets in normal operation when it probes for optional
// files) and failed reads in `log`.
class WatchedFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  WatchedFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target,
                    std::shared_ptr<IoErrorLog> log)
      : FileSystemWrapper(target), log_(std::move(log)) {}

  const char* Name() const override { return "ParleyWatchedFileSystem"; }

  rocksdb::IOStatus NewSequentialFile(const std::string& file, const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSSequentialFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewRandomAccessFile(const std::string& file,
                                        const rocksdb::FileOptions& options,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* result,
                                        rocksdb::IODebugContext* dbg) override;

 private:
  std::shared_ptr<IoErrorLog> log_;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_IO_WATCH_H_
