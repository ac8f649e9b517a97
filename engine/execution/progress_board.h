// ProgressBoard: where a running statement posts its progress and another thread reads
// it (Connection::progress). Owned by the connection; the statement's ExecContext points
// at it while it runs. Thread-safe.
#ifndef PARLEY_ENGINE_EXECUTION_PROGRESS_BOARD_H_
#define PARLEY_ENGINE_EXECUTION_PROGRESS_BOARD_H_

#include <mutex>
#include <optional>
#include <string_view>

#include "parley/connection.h"

namespace parley::execution {

class ProgressBoard {
 public:
  void Post(std::string_view task, std::uint64_t done, std::uint64_t total) {
    std::lock_guard lock(mutex_);
    if (!current_) current_.emplace();
    if (current_->task != task) current_->task.assign(task);
    current_->done = done;
    current_->total = total;
  }
  void Clear() {
    std::lock_guard lock(mutex_);
    current_.reset();
  }
  std::optional<StatementProgress> Read() const {
    std::lock_guard lock(mutex_);
    return current_;
  }

 private:
  mutable std::mutex mutex_;
  std::optional<StatementProgress> current_;
};

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_PROGRESS_BOARD_H_
