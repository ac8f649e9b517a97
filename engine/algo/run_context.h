// What an algorithm needs from the statement that calls it: the transaction whose
// snapshot it reads, cancellation and the query memory bound. The executor implements it
// over its ExecContext; algo sees only this, so that it depends on storage alone.
#ifndef PARLEY_ENGINE_ALGO_RUN_CONTEXT_H_
#define PARLEY_ENGINE_ALGO_RUN_CONTEXT_H_

#include <cstdint>
#include <string_view>

#include "engine/storage/graph_store.h"

namespace parley::algo {

class RunContext {
 public:
  virtual ~RunContext() = default;
  // The statement's transaction: every read of one call goes through it, so a call sees
  // one consistent snapshot. Outlives the call.
  virtual const storage::Txn& txn() const = 0;
  // Throws Error(kRuntimeError, "QueryCancelled" / "QueryTimedOut") when the statement was
  // interrupted or ran out of time. Algorithms call it every few thousand steps.
  virtual void CheckInterrupt() = 0;
  // Charges working memory against the statement's bound; throws Error(kRuntimeError,
  // "MemoryLimitExceeded") past it. Release gives it back.
  virtual void Charge(std::uint64_t bytes) = 0;
  virtual void Release(std::uint64_t bytes) = 0;
  // Tells whoever watches the statement how far a long phase has come: `done` of `total`
  // steps of `task` (e.g. "algo.pageRank iterations"). Cheap; call it at most every few
  // thousand steps.
  virtual void ReportProgress(std::string_view task, std::uint64_t done,
                              std::uint64_t total) {
    (void)task, (void)done, (void)total;
  }
};

// Memory charged for as long as the holder lives: Add charges more, the destructor
// releases everything charged through it. Move-only.
class HeldMemory {
 public:
  explicit HeldMemory(RunContext* ctx) : ctx_(ctx) {}
  HeldMemory(HeldMemory&& other) noexcept : ctx_(other.ctx_), bytes_(other.bytes_) {
    other.bytes_ = 0;
  }
  HeldMemory& operator=(HeldMemory&& other) noexcept {
    if (this != &other) {
      Clear();
      ctx_ = other.ctx_;
      bytes_ = other.bytes_;
      other.bytes_ = 0;
    }
    return *this;
  }
  HeldMemory(const HeldMemory&) = delete;
  HeldMemory& operator=(const HeldMemory&) = delete;
  ~HeldMemory() { Clear(); }

  void Add(std::uint64_t bytes) {
    if (ctx_ == nullptr) return;
    ctx_->Charge(bytes);
    bytes_ += bytes;
  }
  // For `count` elements of type T.
  template <typename T>
  void AddArray(std::uint64_t count) { Add(count * sizeof(T)); }

 private:
  void Clear() {
    if (ctx_ != nullptr && bytes_ != 0) ctx_->Release(bytes_);
    bytes_ = 0;
  }
  RunContext* ctx_;
  std::uint64_t bytes_ = 0;
};

}  // namespace parley::algo

#endif  // PARLEY_ENGINE_ALGO_RUN_CONTEXT_H_
