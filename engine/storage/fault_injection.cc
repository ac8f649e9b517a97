#include "engine/storage/fault_injection.h"

#include <cerrno>
#include <cstring>

namespace parley::storage {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

IOStatus InjectedError(std::string_view what, const std::string& file, int error) {
  return IOStatus::IOError(std::string(what) + " " + file, std::strerror(error));
}

// Appends and syncs of one file, failing as the injector says.
class FaultyWritableFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultyWritableFile(std::unique_ptr<rocksdb::FSWritableFile> target, std::string file,
                     std::shared_ptr<FaultInjector> injector)
      : FSWritableFileOwnerWrapper(std::move(target)), file_(std::move(file)),
        injector_(std::move(injector)) {}

  IOStatus Append(const Slice& data, const IOOptions& options, IODebugContext* dbg) override {
    IOStatus failed;
    if (Fails(data, &failed, [&](const Slice& part) {
          return target()->Append(part, options, dbg);
        })) {
      return failed;
    }
    return target()->Append(data, options, dbg);
  }
  IOStatus Append(const Slice& data, const IOOptions& options,
                  const rocksdb::DataVerificationInfo& /*verification*/,
                  IODebugContext* dbg) override {
    return Append(data, options, dbg);
  }
  IOStatus PositionedAppend(const Slice& data, std::uint64_t offset, const IOOptions& options,
                            IODebugContext* dbg) override {
    IOStatus failed;
    if (Fails(data, &failed, [&](const Slice& part) {
          return target()->PositionedAppend(part, offset, options, dbg);
        })) {
      return failed;
    }
    return target()->PositionedAppend(data, offset, options, dbg);
  }
  IOStatus PositionedAppend(const Slice& data, std::uint64_t offset, const IOOptions& options,
                            const rocksdb::DataVerificationInfo& /*verification*/,
                            IODebugContext* dbg) override {
    return PositionedAppend(data, offset, options, dbg);
  }
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override {
    if (injector_->Strikes(Fault::kSync, file_)) return InjectedError("sync", file_, EIO);
    return target()->Sync(options, dbg);
  }
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override {
    if (injector_->Strikes(Fault::kSync, file_)) return InjectedError("fsync", file_, EIO);
    return target()->Fsync(options, dbg);
  }
  IOStatus RangeSync(std::uint64_t offset, std::uint64_t bytes, const IOOptions& options,
                     IODebugContext* dbg) override {
    if (injector_->Strikes(Fault::kSync, file_)) return InjectedError("sync", file_, EIO);
    return target()->RangeSync(offset, bytes, options, dbg);
  }

 private:
  // True when the append must fail, with the failure in `failed`; a full disk first
  // writes half of the data through `write`, as a torn write does.
  template <typename Write>
  bool Fails(const Slice& data, IOStatus* failed, Write write) {
    if (injector_->Strikes(Fault::kWrite, file_)) {
      *failed = InjectedError("write", file_, EIO);
      return true;
    }
    if (injector_->Strikes(Fault::kNoSpace, file_)) {
      if (data.size() > 1) write(Slice(data.data(), data.size() / 2));
      *failed = IOStatus::NoSpace("write " + file_, std::strerror(ENOSPC));
      return true;
    }
    return false;
  }

  std::string file_;
  std::shared_ptr<FaultInjector> injector_;
};

class FaultyRandomAccessFile final : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  FaultyRandomAccessFile(std::unique_ptr<rocksdb::FSRandomAccessFile> target, std::string file,
                         std::shared_ptr<FaultInjector> injector)
      : FSRandomAccessFileOwnerWrapper(std::move(target)), file_(std::move(file)),
        injector_(std::move(injector)) {}

  IOStatus Read(std::uint64_t offset, std::size_t n, const IOOptions& options, Slice* result,
                char* scratch, IODebugContext* dbg) const override {
    if (injector_->Strikes(Fault::kRead, file_)) {
      *result = Slice();
      return InjectedError("read", file_, EIO);
    }
    return target()->Read(offset, n, options, result, scratch, dbg);
  }
  IOStatus MultiRead(rocksdb::FSReadRequest* requests, std::size_t count,
                     const IOOptions& options, IODebugContext* dbg) override {
    if (injector_->Strikes(Fault::kRead, file_)) {
      for (std::size_t i = 0; i < count; ++i) {
        requests[i].result = Slice();
        requests[i].status = InjectedError("read", file_, EIO);
      }
      return InjectedError("read", file_, EIO);
    }
    return target()->MultiRead(requests, count, options, dbg);
  }

 private:
  std::string file_;
  std::shared_ptr<FaultInjector> injector_;
};

class FaultySequentialFile final : public rocksdb::FSSequentialFileOwnerWrapper {
 public:
  FaultySequentialFile(std::unique_ptr<rocksdb::FSSequentialFile> target, std::string file,
                       std::shared_ptr<FaultInjector> injector)
      : FSSequentialFileOwnerWrapper(std::move(target)), file_(std::move(file)),
        injector_(std::move(injector)) {}

  IOStatus Read(std::size_t n, const IOOptions& options, Slice* result, char* scratch,
                IODebugContext* dbg) override {
    if (injector_->Strikes(Fault::kRead, file_)) {
      *result = Slice();
      return InjectedError("read", file_, EIO);
    }
    return target()->Read(n, options, result, scratch, dbg);
  }

 private:
  std::string file_;
  std::shared_ptr<FaultInjector> injector_;
};

}  // namespace

std::string_view FaultName(Fault fault) {
  switch (fault) {
    case Fault::kNone: return "none";
    case Fault::kWrite: return "write";
    case Fault::kNoSpace: return "no space";
    case Fault::kSync: return "sync";
    case Fault::kRead: return "read";
    case Fault::kTooManyFiles: return "too many open files";
  }
  return "unknown";
}

void FaultInjector::Set(Fault fault, std::string part, std::uint64_t spared) {
  std::lock_guard lock(mutex_);
  part_ = std::move(part);
  spared_ = spared;
  fault_.store(fault, std::memory_order_release);
}

bool FaultInjector::Strikes(Fault fault, const std::string& file) {
  if (fault_.load(std::memory_order_acquire) != fault) return false;
  {
    std::lock_guard lock(mutex_);
    if (fault_.load(std::memory_order_acquire) != fault || file.find(part_) == std::string::npos) {
      return false;
    }
    if (spared_ > 0) {
      --spared_;
      return false;
    }
  }
  injected_.fetch_add(1, std::memory_order_acq_rel);
  return true;
}

#define PARLEY_FAIL_OPEN(file)                                               \
  if (injector_->Strikes(Fault::kTooManyFiles, file)) {                      \
    return InjectedError("open", file, EMFILE);                              \
  }

IOStatus FaultInjectingFileSystem::NewSequentialFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSSequentialFile>* result, IODebugContext* dbg) {
  PARLEY_FAIL_OPEN(file);
  IOStatus status = target()->NewSequentialFile(file, options, result, dbg);
  if (status.ok()) {
    *result = std::make_unique<FaultySequentialFile>(std::move(*result), file, injector_);
  }
  return status;
}

IOStatus FaultInjectingFileSystem::NewRandomAccessFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSRandomAccessFile>* result, IODebugContext* dbg) {
  PARLEY_FAIL_OPEN(file);
  IOStatus status = target()->NewRandomAccessFile(file, options, result, dbg);
  if (status.ok()) {
    *result = std::make_unique<FaultyRandomAccessFile>(std::move(*result), file, injector_);
  }
  return status;
}

IOStatus FaultInjectingFileSystem::NewWritableFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result, IODebugContext* dbg) {
  PARLEY_FAIL_OPEN(file);
  IOStatus status = target()->NewWritableFile(file, options, result, dbg);
  if (status.ok()) {
    *result = std::make_unique<FaultyWritableFile>(std::move(*result), file, injector_);
  }
  return status;
}

IOStatus FaultInjectingFileSystem::ReopenWritableFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result, IODebugContext* dbg) {
  PARLEY_FAIL_OPEN(file);
  IOStatus status = target()->ReopenWritableFile(file, options, result, dbg);
  if (status.ok()) {
    *result = std::make_unique<FaultyWritableFile>(std::move(*result), file, injector_);
  }
  return status;
}

IOStatus FaultInjectingFileSystem::ReuseWritableFile(
    const std::string& file, const std::string& old_file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result, IODebugContext* dbg) {
  PARLEY_FAIL_OPEN(file);
  IOStatus status = target()->ReuseWritableFile(file, old_file, options, result, dbg);
  if (status.ok()) {
    *result = std::make_unique<FaultyWritableFile>(std::move(*result), file, injector_);
  }
  return status;
}

IOStatus FaultInjectingFileSystem::NewDirectory(const std::string& name,
                                                const IOOptions& options,
                                                std::unique_ptr<rocksdb::FSDirectory>* result,
                                                IODebugContext* dbg) {
  PARLEY_FAIL_OPEN(name);
  return target()->NewDirectory(name, options, result, dbg);
}

#undef PARLEY_FAIL_OPEN

}  // namespace parley::storage
