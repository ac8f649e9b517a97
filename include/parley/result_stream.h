// parley::ResultStream: a statement's rows, read one at a time while it runs.
//
//   parley::ResultStream s = conn.Stream("MATCH (l:Leader) RETURN l.name AS name");
//   for (const std::vector<parley::Value>& row : s) std::cout << row[0].as_string() << "\n";
//
// The statement runs on a thread of its own that hands rows over as they are produced,
// holding at most a small buffer of them, so a result of any size passes through in
// bounded memory and the first row arrives before the last is computed. Rows carry
// nodes and relationships with their labels, type and properties, as in a Result.
//
// Threading and lifetime: a ResultStream is used by one thread at a time. It must be
// closed (Close, or its destruction) before its Connection is destroyed. While it is
// open its Connection runs nothing else: Execute, Prepare's statements, Stream, Begin,
// Commit and Rollback throw Error(RuntimeError, "ConnectionBusy"). Connection::Interrupt
// cancels the streaming statement; the next Next then throws QueryCancelled.
//
// Writes: a statement that writes commits (outside an explicit transaction) once it has
// produced its last row, which may be before the reader has taken them all. Closing its
// stream before then cancels it, and then it changes nothing.
#ifndef PARLEY_RESULT_STREAM_H_
#define PARLEY_RESULT_STREAM_H_

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "parley/result.h"
#include "parley/value.h"

namespace parley {

class ResultStream {
 public:
  ResultStream();  // an empty stream: no columns, no rows
  ResultStream(ResultStream&& other) noexcept;
  ResultStream& operator=(ResultStream&& other) noexcept;  // closes this one first
  ResultStream(const ResultStream&) = delete;
  ResultStream& operator=(const ResultStream&) = delete;
  ~ResultStream();  // Close(); never throws

  // The result's column names; waits until the statement has them. Throws parley::Error
  // when the statement failed before that (e.g. a syntax or type error).
  const std::vector<std::string>& columns();
  // The index of column `name`, or -1 when there is none. Waits as columns() does.
  int column_index(std::string_view name);

  // Moves the next row into `*row` and returns true, waiting for it if need be; returns
  // false after the last row. Throws parley::Error when the statement fails (timeout,
  // memory bound, a runtime error, Interrupt); the statement then changed nothing.
  bool Next(std::vector<Value>* row);

  // Known once Next has returned false (before that, zero): what the statement changed,
  // and its time from start to its last row (in milliseconds; the time the reader took
  // to take the rows is included).
  const QueryStats& stats() const;
  double elapsed_ms() const;

  // Stops the statement if it is still running (see the file comment on writes) and
  // waits for its thread. Idempotent; never throws. Afterwards Next returns false.
  void Close();

  // Input iteration over the rows not yet taken (each row once): for (auto& row : s).
  // Incrementing throws as Next does.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::vector<Value>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;
    iterator() = default;  // the end
    explicit iterator(ResultStream* stream) : stream_(stream) { ++*this; }
    reference operator*() const { return row_; }
    pointer operator->() const { return &row_; }
    iterator& operator++() {
      if (!stream_->Next(&row_)) stream_ = nullptr;
      return *this;
    }
    friend bool operator==(const iterator& a, const iterator& b) {
      return a.stream_ == b.stream_;
    }

   private:
    ResultStream* stream_ = nullptr;
    value_type row_;
  };
  iterator begin() { return iterator(this); }
  iterator end() { return iterator(); }

  class Impl;  // for the engine's own components only
  explicit ResultStream(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_RESULT_STREAM_H_
