#include "engine/storage/ingest_guard.h"

namespace parley::storage {
namespace {

// Files are compared by name: table numbers are unique in a database, and RocksDB spells
// the directory of one file differently at times (a trailing or doubled slash).
std::string FileName(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void IngestGuardFileSystem::BeginIngestion() {
  std::lock_guard lock(mutex_);
  ingesting_ = true;
  ingesting_tables_.clear();
}

void IngestGuardFileSystem::EndIngestion(bool succeeded) {
  std::lock_guard lock(mutex_);
  ingesting_ = false;
  if (!succeeded) kept_.merge(ingesting_tables_);
  ingesting_tables_.clear();
}

std::set<std::string> IngestGuardFileSystem::kept() const {
  std::lock_guard lock(mutex_);
  return kept_;
}

rocksdb::IOStatus IngestGuardFileSystem::LinkFile(const std::string& source,
                                                  const std::string& target,
                                                  const rocksdb::IOOptions& options,
                                                  rocksdb::IODebugContext* dbg) {
  // Recorded before the link exists, so that no deletion can slip in between.
  {
    std::lock_guard lock(mutex_);
    if (ingesting_) ingesting_tables_.insert(FileName(target));
  }
  return FileSystemWrapper::LinkFile(source, target, options, dbg);
}

rocksdb::IOStatus IngestGuardFileSystem::NewWritableFile(
    const std::string& file, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result, rocksdb::IODebugContext* dbg) {
  if (file.ends_with(".sst")) {
    std::lock_guard lock(mutex_);
    if (ingesting_) ingesting_tables_.insert(FileName(file));
  }
  return FileSystemWrapper::NewWritableFile(file, options, result, dbg);
}

rocksdb::IOStatus IngestGuardFileSystem::DeleteFile(const std::string& file,
                                                    const rocksdb::IOOptions& options,
                                                    rocksdb::IODebugContext* dbg) {
  {
    std::lock_guard lock(mutex_);
    std::string name = FileName(file);
    if (ingesting_tables_.count(name) != 0 || kept_.count(name) != 0) {
      return rocksdb::IOStatus::OK();
    }
  }
  return FileSystemWrapper::DeleteFile(file, options, dbg);
}

}  // namespace parley::storage
