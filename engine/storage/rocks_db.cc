#include "engine/storage/rocks_db.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/storage/key_codec.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void ThrowOpenError(std::string detail, std::string message) {
  throw Error(ErrorKind::kRuntimeError, std::move(detail), std::move(message));
}

// One block cache for every store in the process: tests open thousands of tiny stores,
// and a cache per store would multiply memory for nothing.
std::shared_ptr<rocksdb::Cache> SharedBlockCache() {
  static std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(64 << 20);
  return cache;
}

std::string MarkerContents() { return fmt::format("parley-format {}\n", kFormatVersion); }

}  // namespace

void ThrowIfError(const rocksdb::Status& status, std::string_view context, std::string_view path) {
  if (status.ok()) return;
  throw Error(ErrorKind::kRuntimeError, "StorageError",
              fmt::format("{} ({}): {}", context, path, status.ToString()));
}

RocksHandle::RocksHandle(const std::string& path, const StoreOptions& options)
    : path_(path), in_memory_(options.in_memory), read_only_(options.read_only && !options.in_memory) {
  if (in_memory_) {
    mem_env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    if (path_.empty() || path_[0] != '/') path_ = "/parley-memory/" + path_;
  } else {
    CheckDirectory(options);
    if (needs_marker_ && read_only_) {
      ThrowOpenError("DatabaseNotFound", fmt::format("no database at {}", path_));
    }
    TakeLock();
    if (needs_marker_) WriteMarker();
  }
  try {
    OpenFamilies();
    CheckOrWriteVersion();
  } catch (...) {
    Close();  // the destructor does not run when the constructor throws
    throw;
  }
}

RocksHandle::~RocksHandle() { Close(); }

void RocksHandle::Close() {
  if (db_ != nullptr) {
    for (auto*& handle : cfs_) {
      if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
      handle = nullptr;
    }
    delete db_;
    db_ = nullptr;
  }
  if (lock_fd_ >= 0) {
    ::close(lock_fd_);  // releases the flock
    lock_fd_ = -1;
  }
}

void RocksHandle::CheckDirectory(const StoreOptions& options) {
  std::error_code ec;
  if (!fs::exists(path_, ec)) {
    if (!options.create_if_missing || options.read_only) {
      ThrowOpenError("DatabaseNotFound", fmt::format("no database at {}", path_));
    }
    fs::create_directories(path_, ec);
    if (ec) {
      ThrowOpenError("StorageError",
                     fmt::format("cannot create database directory {}: {}", path_, ec.message()));
    }
  }
  if (!fs::is_directory(path_, ec)) {
    ThrowOpenError("NotADatabase", fmt::format("{} is not a directory", path_));
  }
  fs::path marker = fs::path(path_) / kMarkerFileName;
  if (fs::exists(marker, ec)) {
    std::ifstream in(marker);
    std::string word;
    std::uint32_t version = 0;
    if (!(in >> word >> version) || word != "parley-format") {
      ThrowOpenError("NotADatabase",
                     fmt::format("{} is not a Parley database (unreadable PARLEY file)", path_));
    }
    if (version != kFormatVersion) {
      ThrowOpenError("UnsupportedFormat",
                     fmt::format("database {} has format version {}, but this build reads "
                                 "only version {}",
                                 path_, version, kFormatVersion));
    }
    return;
  }
  // Our own lock file (and a marker being written) may be all a creator killed early left.
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    std::string name = entry.path().filename().string();
    if (name != kLockFileName && name != std::string(kMarkerFileName) + ".tmp") {
      ThrowOpenError("NotADatabase",
                     fmt::format("{} is not a Parley database (the directory is not empty and "
                                 "has no PARLEY file)",
                                 path_));
    }
  }
  needs_marker_ = true;
}

// Written after the lock is held, as a temporary file renamed into place, so that a
// PARLEY file is always complete.
void RocksHandle::WriteMarker() {
  fs::path marker = fs::path(path_) / kMarkerFileName;
  fs::path temporary = marker.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << MarkerContents();
    out.flush();
    if (!out) ThrowOpenError("StorageError", fmt::format("cannot write {}", temporary.string()));
  }
  std::error_code ec;
  fs::rename(temporary, marker, ec);
  if (ec) {
    ThrowOpenError("StorageError",
                   fmt::format("cannot write {}: {}", marker.string(), ec.message()));
  }
}

void RocksHandle::TakeLock() {
  std::string lock_path = (fs::path(path_) / kLockFileName).string();
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    ThrowOpenError("StorageError",
                   fmt::format("cannot open lock file {}: {}", lock_path, std::strerror(errno)));
  }
  if (::flock(lock_fd_, (read_only_ ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
    char buf[32] = {};
    ssize_t n = ::pread(lock_fd_, buf, sizeof(buf) - 1, 0);
    std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "unknown";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    ::close(lock_fd_);
    lock_fd_ = -1;
    ThrowOpenError("DatabaseLocked",
                   fmt::format("database is locked by process {} ({})", pid, path_));
  }
  std::string pid = fmt::format("{}\n", ::getpid());
  if (::ftruncate(lock_fd_, 0) != 0 ||
      ::pwrite(lock_fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    // The lock itself is held; only the diagnostic PID is missing.
  }
}

void RocksHandle::OpenFamilies() {
  options_.create_if_missing = true;
  options_.max_background_jobs = 2;
  options_.keep_log_file_num = 2;
  options_.max_log_file_size = 1 << 20;
  options_.stats_dump_period_sec = 0;
  options_.stats_persist_period_sec = 0;
  options_.max_open_files = 512;
  options_.max_manifest_file_size = 16 << 20;
  if (in_memory_) {
    options_.env = mem_env_.get();
    options_.avoid_flush_during_shutdown = true;
    options_.write_buffer_size = 1 << 20;
    options_.compression = rocksdb::kNoCompression;
    durable_write_.disableWAL = true;
  } else {
    options_.write_buffer_size = 32 << 20;
    durable_write_.sync = true;
  }
  options_.max_write_buffer_number = 3;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = SharedBlockCache();
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options_.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  // Open the families that exist, then create the missing ones in one
  // CreateColumnFamilies call: RocksDB rewrites its OPTIONS file once per call (creating
  // them one by one made opening a tiny database cost tens of ms), and a process killed
  // while creating them may have left only some.
  std::vector<std::string> existing;
  if (!rocksdb::DB::ListColumnFamilies(options_, path_, &existing).ok()) {
    existing = {rocksdb::kDefaultColumnFamilyName};  // a new database
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : existing) families.emplace_back(name, options_);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  if (read_only_) {
    // No RocksDB lock: the shared flock already keeps writers out.
    ThrowIfError(rocksdb::DB::OpenForReadOnly(options_, path_, families, &handles, &db_),
                 "cannot open database", path_);
  } else {
    ThrowIfError(rocksdb::DB::Open(options_, path_, families, &handles, &db_),
                 "cannot open database", path_);
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < cfs_.size(); ++i) {
    auto found = std::find(existing.begin(), existing.end(), kCfNames[i]);
    if (found == existing.end()) {
      missing.push_back(kCfNames[i]);
    } else {
      cfs_[i] = handles[found - existing.begin()];
      handles[found - existing.begin()] = nullptr;
    }
  }
  for (auto* handle : handles) {  // the default family and any we do not use
    if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
  }
  if (missing.empty()) return;
  if (read_only_) {
    ThrowOpenError("NotADatabase",
                   fmt::format("database {} is incomplete (a family is missing); open it for "
                               "writing once to repair it",
                               path_));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> created;
  ThrowIfError(db_->CreateColumnFamilies(options_, missing, &created),
               "cannot create the column families", path_);
  for (auto* handle : created) {
    auto index = std::find(kCfNames.begin(), kCfNames.end(), handle->GetName()) - kCfNames.begin();
    cfs_[index] = handle;
  }
}

void RocksHandle::CheckOrWriteVersion() {
  std::string value;
  rocksdb::Status status =
      db_->Get(rocksdb::ReadOptions(), cf(Cf::kMeta), EncodeFormatVersionKey(), &value);
  if (status.IsNotFound() && read_only_) {
    ThrowOpenError("NotADatabase",
                   fmt::format("database {} has no format version; open it for writing once "
                               "to finish creating it",
                               path_));
  }
  if (status.IsNotFound()) {
    std::string encoded;
    AppendBigEndian32(&encoded, kFormatVersion);
    ThrowIfError(db_->Put(durable_write_, cf(Cf::kMeta), EncodeFormatVersionKey(), encoded),
                 "cannot write the format version", path_);
    return;
  }
  ThrowIfError(status, "cannot read the format version", path_);
  std::uint32_t version = value.size() == 4 ? ReadBigEndian32(value) : 0;
  if (version != kFormatVersion) {
    ThrowOpenError("UnsupportedFormat",
                   fmt::format("database {} has format version {}, but this build reads only "
                               "version {}",
                               path_, version, kFormatVersion));
  }
}

void RocksHandle::FlushAll() {
  std::vector<rocksdb::ColumnFamilyHandle*> families(cfs_.begin(), cfs_.end());
  rocksdb::FlushOptions flush;
  flush.wait = true;
  ThrowIfError(db_->Flush(flush, families), "cannot flush", path_);
  if (!in_memory_) ThrowIfError(db_->FlushWAL(true), "cannot sync the log", path_);
}

}  // namespace parley::storage
