#include "engine/storage/io_watch.h"

#include <fmt/format.h>

namespace parley::storage {
namespace {

bool IsProbe(const rocksdb::IOStatus& status) {
  return status.IsNotFound() || status.IsPathNotFound();
}

// Records failed reads of one random-access file (tables, mostly).
class WatchedRandomAccessFile final : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  WatchedRandomAccessFile(std::unique_ptr<rocksdb::FSRandomAccessFile> target, std::string file,
                          std::shared_ptr<IoErrorLog> log)
      : FSRandomAccessFileOwnerWrapper(std::move(target)), file_(std::move(file)),
        log_(std::move(log)) {}

  rocksdb::IOStatus Read(std::uint64_t offset, std::size_t n, const rocksdb::IOOptions& options,
                         rocksdb::Slice* result, char* scratch,
                         rocksdb::IODebugContext* dbg) const override {
    rocksdb::IOStatus status = target()->Read(offset, n, options, result, scratch, dbg);
    if (!status.ok()) log_->Record("cannot read", file_, status);
    return status;
  }
  rocksdb::IOStatus MultiRead(rocksdb::FSReadRequest* requests, std::size_t count,
                              const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus status = target()->MultiRead(requests, count, options, dbg);
    if (!status.ok()) log_->Record("cannot read", file_, status);
    for (std::size_t i = 0; status.ok() && i < count; ++i) {
      if (!requests[i].status.ok()) log_->Record("cannot read", file_, requests[i].status);
    }
    return status;
  }

 private:
  std::string file_;
  std::shared_ptr<IoErrorLog> log_;
};

class WatchedSequentialFile final : public rocksdb::FSSequentialFileOwnerWrapper {
 public:
  WatchedSequentialFile(std::unique_ptr<rocksdb::FSSequentialFile> target, std::string file,
                        std::shared_ptr<IoErrorLog> log)
      : FSSequentialFileOwnerWrapper(std::move(target)), file_(std::move(file)),
        log_(std::move(log)) {}

  rocksdb::IOStatus Read(std::size_t n, const rocksdb::IOOptions& options, rocksdb::Slice* result,
                         char* scratch, rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus status = target()->Read(n, options, result, scratch, dbg);
    if (!status.ok()) log_->Record("cannot read", file_, status);
    return status;
  }

 private:
  std::string file_;
  std::shared_ptr<IoErrorLog> log_;
};

}  // namespace

void IoErrorLog::Record(std::string_view what, const std::string& file,
                        const rocksdb::IOStatus& status) {
  {
    std::lock_guard lock(mutex_);
    latest_ = fmt::format("{} {}: {}", what, file, status.ToString());
  }
  count_.fetch_add(1, std::memory_order_acq_rel);
}

std::string IoErrorLog::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

rocksdb::IOStatus WatchedFileSystem::NewSequentialFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSSequentialFile>* result, rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus status = target()->NewSequentialFile(file, options, result, dbg);
  if (!status.ok()) {
    if (!IsProbe(status)) log_->Record("cannot open", file, status);
    return status;
  }
  *result = std::make_unique<WatchedSequentialFile>(std::move(*result), file, log_);
  return status;
}

rocksdb::IOStatus WatchedFileSystem::NewRandomAccessFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSRandomAccessFile>* result, rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus status = target()->NewRandomAccessFile(file, options, result, dbg);
  if (!status.ok()) {
    if (!IsProbe(status)) log_->Record("cannot open", file, status);
    return status;
  }
  *result = std::make_unique<WatchedRandomAccessFile>(std::move(*result), file, log_);
  return status;
}

}  // namespace parley::storage
