// A ResultStream runs its statement on a thread of its own (the producer), which hands
// each row through a small buffer to the reader: Connection::Impl::Run with a RowSink
// that waits while the buffer is full. The reader closing the stream early makes the
// sink throw, which ends the statement as any failure would: nothing it wrote remains.
#include "parley/result_stream.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/main/connection_impl.h"

namespace parley {

class ResultStream::Impl : public RowSink {
 public:
  Impl(Connection::Impl& conn, std::shared_ptr<ParsedStatement> statement, Params params,
       bool use_cache)
      : conn_(conn), statement_(std::move(statement)), params_(std::move(params)),
        use_cache_(use_cache) {}

  ~Impl() override { Close(); }

  void Start() {
    conn_.SetStreaming(true);
    producer_ = std::thread([this] { Produce(); });
  }

  const std::vector<std::string>& columns() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return have_columns_ || done_; });
    if (!have_columns_ && error_) std::rethrow_exception(error_);
    return columns_;
  }

  bool Next(std::vector<Value>* row) {
    std::unique_lock<std::mutex> lock(mu_);
    reader_waiting_ = true;
    changed_.wait(lock, [&] { return !rows_.empty() || done_; });
    reader_waiting_ = false;
    if (!rows_.empty()) {
      *row = std::move(rows_.front());
      rows_.pop_front();
      if (rows_.size() + 1 == kCapacity) changed_.notify_all();  // the producer may wait
      return true;
    }
    if (error_ && !closed_) std::rethrow_exception(error_);
    return false;
  }

  // The statement's columns, stats and time once it has ended; before, an empty Result.
  const Result& summary() const {
    static const Result kNone;
    std::lock_guard<std::mutex> lock(mu_);
    return done_ ? summary_ : kNone;  // summary_ is written once, before done_
  }

  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return;
      closed_ = true;
      rows_.clear();
      if (!done_) conn_.Interrupt();  // stops operators that run long before a row
    }
    changed_.notify_all();
    if (producer_.joinable()) producer_.join();
    conn_.SetStreaming(false);
  }

  // RowSink, on the producer thread.
  void OnColumns(const std::vector<std::string>& columns) override {
    std::lock_guard<std::mutex> lock(mu_);
    columns_ = columns;
    have_columns_ = true;
    changed_.notify_all();
  }
  void OnRow(std::vector<Value>&& row) override {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return rows_.size() < kCapacity || closed_; });
    if (closed_) {
      throw Error(ErrorKind::kRuntimeError, "QueryCancelled",
                  "the streamed result was closed before its last row");
    }
    rows_.push_back(std::move(row));
    if (reader_waiting_) changed_.notify_all();
  }

 private:
  static constexpr std::size_t kCapacity = 1024;  // rows buffered ahead of the reader

  void Produce() {
    Result result;
    std::exception_ptr error;
    try {
      // Interrupts before the stream began were forgotten by Stream, on the caller's thread.
      result = conn_.Run(*statement_, params_, this, use_cache_, /*reset_interrupt=*/false,
                         /*from_stream=*/true);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (!have_columns_ && !error) {
      columns_ = result.columns();
      have_columns_ = true;
    }
    summary_ = std::move(result);
    error_ = error;
    done_ = true;
    changed_.notify_all();
  }

  Connection::Impl& conn_;
  std::shared_ptr<ParsedStatement> statement_;
  Params params_;
  bool use_cache_;
  std::thread producer_;

  mutable std::mutex mu_;
  std::condition_variable changed_;  // rows, columns, done or closed changed
  std::deque<std::vector<Value>> rows_;
  std::vector<std::string> columns_;
  bool have_columns_ = false;
  bool done_ = false;
  bool closed_ = false;
  bool reader_waiting_ = false;
  std::exception_ptr error_;
  Result summary_;
};

ResultStream Connection::Impl::Stream(std::shared_ptr<ParsedStatement> statement,
                                      Params params, bool use_cache) {
  CheckIdle();
  if (!statement->read_only && db_.options().read_only) {
    throw Error(ErrorKind::kRuntimeError, "ReadOnlyDatabase",
                "the database is open read-only; this statement would change it");
  }
  interrupted_.store(false);
  auto impl = std::make_unique<ResultStream::Impl>(*this, std::move(statement),
                                                   std::move(params), use_cache);
  impl->Start();
  return ResultStream(std::move(impl));
}

ResultStream::ResultStream() = default;
ResultStream::ResultStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultStream::ResultStream(ResultStream&& other) noexcept = default;
ResultStream& ResultStream::operator=(ResultStream&& other) noexcept {
  if (this != &other) {
    Close();
    impl_ = std::move(other.impl_);
  }
  return *this;
}
ResultStream::~ResultStream() { Close(); }

const std::vector<std::string>& ResultStream::columns() {
  static const std::vector<std::string> kNone;
  return impl_ ? impl_->columns() : kNone;
}

int ResultStream::column_index(std::string_view name) {
  const std::vector<std::string>& cols = columns();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (cols[i] == name) return static_cast<int>(i);
  }
  return -1;
}

bool ResultStream::Next(std::vector<Value>* row) { return impl_ && impl_->Next(row); }

const QueryStats& ResultStream::stats() const {
  static const QueryStats kNone;
  return impl_ ? impl_->summary().stats() : kNone;
}

double ResultStream::elapsed_ms() const { return impl_ ? impl_->summary().elapsed_ms() : 0; }

void ResultStream::Close() {
  if (impl_) impl_->Close();
}

}  // namespace parley
