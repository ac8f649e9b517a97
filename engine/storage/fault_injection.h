// FaultInjector and FaultInjectingFileSystem: I/O failures on demand, for testing how the
// store behaves when its disk misbehaves.
//
// Installed through StoreOptions::wrap_file_system. While a fault is set, every operation
// of its class on the store's files (optionally only files whose names contain a given
// part: ".sst", "MANIFEST") fails the way the operating system fails it:
//   kWrite         appends fail with an I/O error (EIO), nothing written;
//   kNoSpace       appends write the first half of their data, then fail with "No space
//                  left on device" (ENOSPC), as a full disk tears the write;
//   kSync          syncs (fsync, fdatasync) fail with an I/O error; the data was written;
//   kRead          reads fail with an I/O error (EIO);
//   kTooManyFiles  opening any file or directory fails with "Too many open files" (EMFILE).
// Clearing the fault makes the disk healthy again; files keep what was written to them.
#ifndef PARLEY_ENGINE_STORAGE_FAULT_INJECTION_H_
#define PARLEY_ENGINE_STORAGE_FAULT_INJECTION_H_

#include <rocksdb/file_system.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace parley::storage {

enum class Fault { kNone, kWrite, kNoSpace, kSync, kRead, kTooManyFiles };

std::string_view FaultName(Fault fault);  // "write", "no space", ...

// The fault in force and how often it struck. Thread-safe; shared by the file system and
// every file it opened.
class FaultInjector {
 public:
  // From now on, `fault` strikes operations on files whose name contains `part` ("" for
  // all files).
  // `spared` operations of the class succeed first: a disk that fails from the middle of
  // a workload on (sweeping `spared` over 0, 1, 2, ... fails each operation in turn).
  void Set(Fault fault, std::string part = "", std::uint64_t spared = 0);
  void Clear() { Set(Fault::kNone); }
  // True (and counted) when an operation of class `fault` on `file` must fail now.
  bool Strikes(Fault fault, const std::string& file);
  // How many operations failed so far.
  std::uint64_t injected() const { return injected_.load(std::memory_order_acquire); }

 private:
  std::atomic<Fault> fault_{Fault::kNone};
  mutable std::mutex mutex_;
  std::string part_;
  std::uint64_t spared_ = 0;  // guarded by mutex_
  std::atomic<std::uint64_t> injected_{0};
};

// Forwards every call to `target`, failing those the injector says.
class FaultInjectingFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  FaultInjectingFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target,
                           std::shared_ptr<FaultInjector> injector)
      : FileSystemWrapper(target), injector_(std::move(injector)) {}

  const char* Name() const override { return "ParleyFaultInjectingFileSystem"; }

  rocksdb::IOStatus NewSequentialFile(const std::string& file, const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSSequentialFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewRandomAccessFile(const std::string& file,
                                        const rocksdb::FileOptions& options,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* result,
                                        rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewWritableFile(const std::string& file, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& file,
                                       const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& file, const std::string& old_file,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* result,
                                 rocksdb::IODebugContext* dbg) override;

 private:
  std::shared_ptr<FaultInjector> injector_;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_FAULT_INJECTION_H_
