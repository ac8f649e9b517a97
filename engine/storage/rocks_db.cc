#include "engine/storage/rocks_db.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/table.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/utilities/table_properties_collectors.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <thread>
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

// A family with at least this many tables of at most this size on average is compacted
// when the database is opened for writing and after a bulk load (CompactSmallTables).
constexpr std::size_t kSmallTablePileup = 64;
constexpr std::uint64_t kSmallTableBytes = 256 << 10;

// More live logs than this after a bulk load flush every family (TidyAfterBulkLoad).
constexpr std::size_t kLogPileup = 16;
// A table is compacted when any kDeletionWindow of its consecutive entries are half
// deletions; a memtable holding at least kDeletionFlush deletions, half its entries, is
// flushed into one (FlushDeletionHeavyMemtables).
constexpr std::size_t kDeletionWindow = 1024;
constexpr std::uint64_t kDeletionFlush = 4096;

// How long a closing database waits for RocksDB to finish compacting small tables.
constexpr int kCompactionWaitSeconds = 10;

// Sets the flag when RocksDB meets a background error (which it may stop all background
// work for) and clears it when RocksDB recovered from it.
class BackgroundErrorListener final : public rocksdb::EventListener {
 public:
  explicit BackgroundErrorListener(std::shared_ptr<std::atomic<bool>> flag)
      : flag_(std::move(flag)) {}
  void OnBackgroundError(rocksdb::BackgroundErrorReason, rocksdb::Status* error) override {
    if (error != nullptr && !error->ok()) flag_->store(true, std::memory_order_release);
  }
  void OnErrorRecoveryEnd(const rocksdb::BackgroundErrorRecoveryInfo& info) override {
    if (info.new_bg_error.ok()) flag_->store(false, std::memory_order_release);
  }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

[[noreturn]] void ThrowDamaged(const std::string& path, const std::string& what) {
  throw Error(ErrorKind::kRuntimeError, "DatabaseCorrupted",
              fmt::format("database {} is damaged: {}. It was not opened; `parley repair --db "
                          "{}` rebuilds it from what remains (writes whose only copy is lost "
                          "stay lost), or restore a backup",
                          path, what, path));
}

// Tables kept open at once: half the descriptors the process may open (a table that does
// not fit is closed and reopened when read, instead of failing with "too many open
// files"), between 32 and 5000.
int TableCacheSize() {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 5000;
  return static_cast<int>(std::clamp<rlim_t>(limit.rlim_cur / 2, 32, 5000));
}

void SyncDirectory(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    int error = errno;
    if (fd >= 0) ::close(fd);
    ThrowOpenError("StorageError", fmt::format("cannot sync {}: {}", path, std::strerror(error)));
  }
  ::close(fd);
}

void WriteFileDurably(const fs::path& file, const std::string& contents) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0 &&
            ::write(fd, contents.data(), contents.size()) ==
                static_cast<ssize_t>(contents.size()) &&
            ::fsync(fd) == 0;
  int error = errno;
  if (fd >= 0) ::close(fd);
  if (!ok) {
    ThrowOpenError("StorageError",
                   fmt::format("cannot write {}: {}", file.string(), std::strerror(error)));
  }
  SyncDirectory(file.parent_path().string());
}

// The RocksDB options of every store (the Env and create_if_missing are set per open).
rocksdb::Options StoreRocksOptions(bool in_memory) {
  rocksdb::Options options;
  options.max_background_jobs = 2;
  options.keep_log_file_num = 2;
  options.max_log_file_size = 1 << 20;
  options.stats_dump_period_sec = 0;
  options.stats_persist_period_sec = 0;
  options.max_open_files = TableCacheSize();
  options.max_manifest_file_size = 16 << 20;
  // A torn record at the end of the log is a write a crash cut short, never acknowledged;
  // damage anywhere else fails the open instead of silently ending the log there.
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  // The MANIFEST lists the logs (and their synced sizes) so a missing one is detected.
  options.track_and_verify_wals_in_manifest = true;
  if (in_memory) {
    options.avoid_flush_during_shutdown = true;
    options.write_buffer_size = 1 << 20;
    options.compression = rocksdb::kNoCompression;
  } else {
    options.write_buffer_size = 32 << 20;
  }
  options.max_write_buffer_number = 3;
  // A table written mostly of deletions (a flushed memtable of deleted nodes, say) is
  // compacted soon, which drops its tombstones: every scan over their keys would otherwise
  // step past each of them until compactions came by on their own.
  options.table_properties_collector_factories.push_back(
      rocksdb::NewCompactOnDeletionCollectorFactory(kDeletionWindow, kDeletionWindow / 2));
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = SharedBlockCache();
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

// How often TakeLock tries before it reports a lock whose holder it cannot see.
constexpr int kLockAttempts = 5;

// The PIDs of the processes holding a lock on the file open as `fd`, from /proc/locks
// (ascending, each once; empty when the list cannot be read). Lines look like
//   "3: FLOCK  ADVISORY  READ 1234 fe:00:10952989 0 EOF"
// and "3: -> FLOCK ..." for a process waiting for the lock, which does not hold it. The
// inode decides; the device (major:minor, hex) is compared only when some line matches
// it, as a file system such as btrfs reports a device to stat() that its locks do not.
std::vector<pid_t> FlockHolders(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return {};
  std::ifstream locks("/proc/locks");
  std::vector<pid_t> on_inode, on_device;
  for (std::string line; std::getline(locks, line);) {
    std::istringstream fields(line);
    std::string number, kind, advisory, mode, file;
    long long pid = 0;
    if (!(fields >> number >> kind) || kind == "->") continue;
    if (!(fields >> advisory >> mode >> pid >> file) || pid <= 0) continue;
    unsigned device_major = 0, device_minor = 0;
    unsigned long long inode = 0;
    if (std::sscanf(file.c_str(), "%x:%x:%llu", &device_major, &device_minor, &inode) != 3) {
      continue;
    }
    if (inode != st.st_ino) continue;
    on_inode.push_back(static_cast<pid_t>(pid));
    if (device_major == major(st.st_dev) && device_minor == minor(st.st_dev)) {
      on_device.push_back(static_cast<pid_t>(pid));
    }
  }
  std::vector<pid_t> holders = on_device.empty() ? on_inode : on_device;
  std::sort(holders.begin(), holders.end());
  holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
  return holders;
}

// "process 12", "processes 12, 34", or "another process" when none is known.
std::string DescribeHolders(const std::vector<pid_t>& holders) {
  if (holders.empty()) return "another process";
  return fmt::format("{} {}", holders.size() == 1 ? "process" : "processes",
                     fmt::join(holders, ", "));
}

}  // namespace

void ThrowIfError(const rocksdb::Status& status, std::string_view context, std::string_view path) {
  if (status.ok()) return;
  throw Error(ErrorKind::kRuntimeError, "StorageError",
              fmt::format("{} ({}): {}", context, path, status.ToString()));
}

RocksHandle::RocksHandle(const std::string& path, const StoreOptions& options)
    : path_(path),
      in_memory_(options.in_memory),
      read_only_(options.read_only && !options.in_memory),
      wrap_file_system_(options.wrap_file_system) {
  if (in_memory_) {
    mem_env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    if (path_.empty() || path_[0] != '/') path_ = "/parley-memory/" + path_;
    needs_marker_ = true;  // always new; there is no marker to write
  } else {
    CheckDirectory(options);
    if (needs_marker_ && read_only_) {
      ThrowOpenError("DatabaseNotFound", fmt::format("no database at {}", path_));
    }
    TakeLock();
    if (needs_marker_) {
      // Another process may have created the database between the check and the lock:
      // look again under the lock, or StartCreating would remove what it committed.
      needs_marker_ = false;
      CheckDirectory(options);
    }
    if (needs_marker_) StartCreating();
  }
  try {
    OpenFamilies();
    CheckOrWriteVersion();
    if (!in_memory_) {
      CheckSequence();
      if (!read_only_) CompactSmallTables();
      // Only now is the database complete; from here on it is never created anew.
      if (needs_marker_) WriteMarker();
    }
  } catch (...) {
    Close();  // the destructor does not run when the constructor throws
    throw;
  }
}

RocksHandle::~RocksHandle() { Close(); }

void RocksHandle::Close() {
  if (db_ != nullptr) {
    if (!read_only_) WaitForCompactions();
    for (auto*& handle : cfs_) {
      if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
      handle = nullptr;
    }
    delete db_;
    db_ = nullptr;
  }
  if (sequence_fd_ >= 0) {
    ::close(sequence_fd_);
    sequence_fd_ = -1;
  }
  if (lock_fd_ >= 0) {
    ::close(lock_fd_);  // releases the flock
    lock_fd_ = -1;
  }
}

// A process that writes a statement or two and exits leaves each family's recovered log
// as a small table; RocksDB compacts them in the background, but a closing database
// cancels the compaction. Without waiting, thousands of tiny tables pile up and every
// scan opens them all. Bounded, so that closing a large database stays quick.
void RocksHandle::WaitForCompactions() {
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::seconds(kCompactionWaitSeconds);
  while (Clock::now() < deadline) {
    std::uint64_t busy = 0;
    std::uint64_t value = 0;
    // After a background error (a failed MANIFEST write, say) RocksDB may have stopped
    // its background work: compactions stay pending and would never end.
    if (background_error_->load(std::memory_order_acquire)) return;
    if (db_->GetIntProperty(rocksdb::DB::Properties::kNumRunningCompactions, &value)) busy += value;
    if (db_->GetIntProperty(rocksdb::DB::Properties::kNumRunningFlushes, &value)) busy += value;
    for (auto* handle : cfs_) {
      if (handle != nullptr &&
          db_->GetIntProperty(handle, rocksdb::DB::Properties::kCompactionPending, &value)) {
        busy += value;
      }
    }
    if (busy == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Each process that writes a little leaves, per family it wrote, one small table (its
// log, recovered by the next open). RocksDB moves such tables down a level without
// merging them when their keys do not overlap, and never merges the tables of a level
// below its size target: thousands of tiny tables pile up, each a file every scan opens.
// A family whose tables are many and small on average is compacted into a few here.
void RocksHandle::CompactSmallTables() {
  for (auto* handle : cfs_) {
    rocksdb::ColumnFamilyMetaData meta;
    db_->GetColumnFamilyMetaData(handle, &meta);
    if (meta.file_count < kSmallTablePileup || meta.size / meta.file_count > kSmallTableBytes) {
      continue;
    }
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    ThrowIfError(db_->CompactRange(compact, handle, nullptr, nullptr),
                 "cannot compact small tables", path_);
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
    // RocksDB, told to create a database where its CURRENT file is gone, starts an empty
    // one and deletes the tables it does not know: never let it.
    if (!fs::exists(fs::path(path_) / "CURRENT", ec)) {
      ThrowDamaged(path_, "its file CURRENT is missing");
    }
    return;
  }
  // Our own lock file (and a marker being written) may be all a creator killed early
  // left; after PARLEY.new, anything RocksDB had begun to create.
  bool creating = fs::exists(fs::path(path_) / kCreatingFileName, ec);
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    std::string name = entry.path().filename().string();
    if (!creating && name != kLockFileName && name != std::string(kMarkerFileName) + ".tmp") {
      // Another process may have been creating the database since `creating` was read:
      // then PARLEY.new or PARLEY is there now, and the directory is read again.
      if (fs::exists(fs::path(path_) / kCreatingFileName, ec) || fs::exists(marker, ec)) {
        return CheckDirectory(options);
      }
      ThrowOpenError("NotADatabase",
                     fmt::format("{} is not a Parley database (the directory is not empty and "
                                 "has no PARLEY file)",
                                 path_));
    }
  }
  needs_marker_ = true;
}

// Called with the lock held. A creation cut short committed nothing: what it left is
// removed, and PARLEY.new marks the directory as ours until the PARLEY file is written.
void RocksHandle::StartCreating() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    std::string name = entry.path().filename().string();
    if (name == kLockFileName || name == kCreatingFileName) continue;
    fs::remove_all(entry.path(), ec);
    if (ec) {
      ThrowOpenError("StorageError", fmt::format("cannot remove {} of an unfinished creation: {}",
                                                 entry.path().string(), ec.message()));
    }
  }
  WriteFileDurably(fs::path(path_) / kCreatingFileName, "");
}

// Written last when a database is created, as a temporary file renamed into place and
// synced with its directory, so that a PARLEY file is complete and outlives a power loss
// that the database's first commits outlive.
void RocksHandle::WriteMarker() {
  fs::path marker = fs::path(path_) / kMarkerFileName;
  fs::path temporary = marker.string() + ".tmp";
  WriteFileDurably(temporary, MarkerContents());
  std::error_code ec;
  fs::rename(temporary, marker, ec);
  if (ec) {
    ThrowOpenError("StorageError",
                   fmt::format("cannot write {}: {}", marker.string(), ec.message()));
  }
  SyncDirectory(path_);
  fs::remove(fs::path(path_) / kCreatingFileName, ec);
}

// The flock is the lock; the kernel's list of locks says who holds it. A holder is listed
// from the moment it has the lock until it lets go or exits, and every reader sharing it is
// listed, so unlike a PID the holder writes into the file, the list can neither name an
// exited process nor lack a holder that has not written yet.
void RocksHandle::TakeLock() {
  std::string lock_path = (fs::path(path_) / kLockFileName).string();
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    ThrowOpenError("StorageError",
                   fmt::format("cannot open lock file {}: {}", lock_path, std::strerror(errno)));
  }
  const int operation = (read_only_ ? LOCK_SH : LOCK_EX) | LOCK_NB;
  for (int attempt = 1;; ++attempt) {
    if (::flock(lock_fd_, operation) == 0) return;
    const int error = errno;
    if (error == EINTR) continue;
    if (error != EWOULDBLOCK) {
      ::close(lock_fd_);
      lock_fd_ = -1;
      ThrowOpenError("StorageError",
                     fmt::format("cannot lock {}: {}", lock_path, std::strerror(error)));
    }
    std::vector<pid_t> holders = FlockHolders(lock_fd_);
    // No holder listed: it let go after our attempt (so try again), or it is invisible
    // from here (another PID namespace, a remote host): say so after a few attempts.
    if (holders.empty() && attempt < kLockAttempts) {
      std::this_thread::sleep_for(std::chrono::milliseconds(attempt));
      continue;
    }
    ::close(lock_fd_);
    lock_fd_ = -1;
    ThrowOpenError("DatabaseLocked",
                   fmt::format("database is locked by {} ({})", DescribeHolders(holders), path_));
  }
}

void RocksHandle::ConfigureOptions() {
  rocksdb::Env* base = in_memory_ ? mem_env_.get() : rocksdb::Env::Default();
  std::shared_ptr<rocksdb::FileSystem> files = base->GetFileSystem();
  if (wrap_file_system_) files = wrap_file_system_(files);
  ingest_guard_ = std::make_shared<IngestGuardFileSystem>(files);
  watched_env_ =
      rocksdb::NewCompositeEnv(std::make_shared<WatchedFileSystem>(ingest_guard_, io_errors_));
  options_ = StoreRocksOptions(in_memory_);
  options_.env = watched_env_.get();
  options_.listeners.push_back(std::make_shared<BackgroundErrorListener>(background_error_));
  // Only a new database is created: an existing one whose files are missing must fail.
  options_.create_if_missing = needs_marker_;
  if (in_memory_) {
    durable_write_.disableWAL = true;
  } else {
    durable_write_.sync = true;
  }
}

void RocksHandle::OpenFamilies() {
  ConfigureOptions();
  // Open the families that exist, then create the missing ones in one
  // CreateColumnFamilies call: RocksDB rewrites its OPTIONS file once per call (creating
  // them one by one made opening a tiny database cost tens of ms), and a process killed
  // while creating them may have left only some.
  std::vector<std::string> existing;
  if (needs_marker_) {
    existing = {rocksdb::kDefaultColumnFamilyName};  // a new database
  } else {
    rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(options_, path_, &existing);
    if (!listed.ok()) ThrowDamaged(path_, listed.ToString());
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : existing) families.emplace_back(name, options_);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  // No RocksDB lock for a read-only open: the shared flock already keeps writers out.
  rocksdb::Status opened =
      read_only_ ? rocksdb::DB::OpenForReadOnly(options_, path_, families, &handles, &db_)
                 : rocksdb::DB::Open(options_, path_, families, &handles, &db_);
  if (!opened.ok() && !needs_marker_ && (opened.IsCorruption() || opened.IsIOError() ||
                                         opened.IsInvalidArgument() || opened.IsNotFound())) {
    ThrowDamaged(path_, opened.ToString());
  }
  ThrowIfError(opened, "cannot open database", path_);
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
  if (status.IsNotFound() && !needs_marker_) {
    ThrowDamaged(path_, "its format version record is missing");
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

void RocksHandle::CheckSequence() {
  std::string file = (fs::path(path_) / kSequenceFileName).string();
  std::uint64_t recorded = 0;
  {
    std::ifstream in(file);
    std::uint64_t value = 0;
    if (in >> value) recorded = value;  // absent or unreadable: nothing to compare with
  }
  std::uint64_t recovered = db_->GetLatestSequenceNumber();
  if (recorded > recovered) {
    ThrowDamaged(path_, fmt::format("its write-ahead log has lost committed writes: the store "
                                    "recovered writes up to sequence number {}, but writes up "
                                    "to {} were committed",
                                    recovered, recorded));
  }
  if (read_only_) return;
  sequence_fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (sequence_fd_ < 0) {
    ThrowOpenError("StorageError",
                   fmt::format("cannot open {}: {}", file, std::strerror(errno)));
  }
  RecordDurable();
}

void RocksHandle::RecordDurable() {
  if (sequence_fd_ < 0) return;
  // Fixed width, so that a shorter number never leaves digits of a longer one behind.
  std::string text = fmt::format("{:020}\n", db_->GetLatestSequenceNumber());
  if (::pwrite(sequence_fd_, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
    // Only the safeguard is lost: the commit itself is durable.
  }
}

namespace {

// CURRENT names the live MANIFEST; when only CURRENT is lost, pointing it at the newest
// MANIFEST restores the database whole, logs included (RepairDB would drop the writes of
// families that have no table yet).
bool RestoreCurrent(const std::string& path) {
  std::error_code ec;
  if (fs::exists(fs::path(path) / "CURRENT", ec)) return false;
  std::string newest;
  std::uint64_t newest_number = 0;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("MANIFEST-")) continue;
    std::uint64_t number = std::strtoull(name.c_str() + 9, nullptr, 10);
    if (newest.empty() || number > newest_number) {
      newest = name;
      newest_number = number;
    }
  }
  if (newest.empty()) return false;
  WriteFileDurably(fs::path(path) / "CURRENT", newest + "\n");
  return true;
}

// Opens the RocksDB in `path` as it is, writes its format version if the repair lost it,
// and closes it; false when it does not open.
bool OpenRepaired(const std::string& path, rocksdb::Options options, bool must_open) {
  options.create_if_missing = false;
  options.create_missing_column_families = true;
  std::vector<std::string> names;
  rocksdb::Status status = rocksdb::DB::ListColumnFamilies(options, path, &names);
  if (!status.ok()) {
    if (must_open) ThrowIfError(status, "cannot open the repaired database", path);
    return false;
  }
  for (const char* name : kCfNames) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, options);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  status = rocksdb::DB::Open(options, path, families, &handles, &db);
  if (!status.ok()) {
    if (must_open) ThrowIfError(status, "cannot open the repaired database", path);
    return false;
  }
  auto meta = std::find(names.begin(), names.end(), kCfNames[static_cast<int>(Cf::kMeta)]);
  rocksdb::ColumnFamilyHandle* meta_family = handles[meta - names.begin()];
  std::string value;
  status = db->Get(rocksdb::ReadOptions(), meta_family, EncodeFormatVersionKey(), &value);
  if (status.IsNotFound()) {
    std::string encoded;
    AppendBigEndian32(&encoded, kFormatVersion);
    rocksdb::WriteOptions durable;
    durable.sync = true;
    status = db->Put(durable, meta_family, EncodeFormatVersionKey(), encoded);
  }
  for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  delete db;
  ThrowIfError(status, "cannot write the format version of the repaired database", path);
  return true;
}

}  // namespace

void RocksHandle::Repair(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(fs::path(path) / kMarkerFileName, ec)) {
    ThrowOpenError("NotADatabase",
                   fmt::format("{} is not a Parley database (it has no PARLEY file)", path));
  }
  RocksHandle lock_only(path);
  lock_only.TakeLock();
  rocksdb::Options options = StoreRocksOptions(false);
  bool whole = RestoreCurrent(path) && OpenRepaired(path, options, false);
  if (!whole) {
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    families.emplace_back(rocksdb::kDefaultColumnFamilyName, options);
    for (const char* name : kCfNames) families.emplace_back(name, options);
    ThrowIfError(rocksdb::RepairDB(path, options, families, options),
                 "cannot repair the database", path);
    OpenRepaired(path, options, true);
  }
  // What was repaired is the database now: the lost writes are not waited for.
  fs::remove(fs::path(path) / kSequenceFileName, ec);
}

// A bulk load's tables go to the last level when their keys overlap nothing there (the
// load's nodes and relationships have new ids), where RocksDB never merges them; and the
// flush its ingestion forces starts a new log, which is kept while any family still has
// an unflushed write of an earlier one (a dropped constraint, a deleted node). A process
// that loads many small files, as an analysis importing in a loop does, thus piled up a
// table per family and a log per load: after some 1,900 loads, 11,430 tables and 1,890 logs,
// each scan merging them all, each load a little slower than the one before.
void RocksHandle::TidyAfterBulkLoad() {
  rocksdb::VectorLogPtr logs;
  if (db_->GetSortedWalFiles(logs).ok() && logs.size() > kLogPileup) FlushAll();
  CompactSmallTables();
}

// A memtable's tombstones are never dropped before it is flushed and then compacted, and
// until then every scan over their keys steps past each: after a loop of loads and
// deletions, scanning a handful of live nodes meant stepping past tens of thousands of
// deleted ones. RocksDB flushes on size alone; a family whose memtable is half deletions
// is flushed here, and the table it becomes is compacted soon (the deletion collector).
void RocksHandle::FlushDeletionHeavyMemtables() {
  if (read_only_) return;
  for (auto* handle : cfs_) {
    std::uint64_t deletes = 0, entries = 0;
    if (!db_->GetIntProperty(handle, rocksdb::DB::Properties::kNumDeletesActiveMemTable,
                             &deletes) ||
        deletes < kDeletionFlush ||
        !db_->GetIntProperty(handle, rocksdb::DB::Properties::kNumEntriesActiveMemTable,
                             &entries) ||
        deletes * 2 < entries) {
      continue;
    }
    rocksdb::FlushOptions flush;
    flush.wait = false;  // in the background, like a flush on size
    db_->Flush(flush, handle).PermitUncheckedError();  // a failing disk fails later writes
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
