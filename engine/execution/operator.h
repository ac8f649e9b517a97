// The pull-based operator interface every physical operator implements.
//
// An operator is a flat-map over its input: Reset(argument) starts it over for one
// argument row (leaf operators read the argument, others pass it down), then Next fills
// `row` with the next output row until it returns false. Rows are `num_slots` wide;
// operators write only the slots they bind. An operator never commits; errors are thrown
// as parley::Error. Not thread-safe.
#ifndef PARLEY_ENGINE_EXECUTION_OPERATOR_H_
#define PARLEY_ENGINE_EXECUTION_OPERATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/execution/exec_context.h"

namespace parley::execution {

class Operator {
 public:
  explicit Operator(ExecContext* ctx) : ctx_(ctx) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  // Starts over with `argument` (a row the leaf hands out first; nullptr: all nulls).
  virtual void Reset(const Row* argument) = 0;
  // The next row, or false when exhausted. REQUIRES: Reset was called, and `row` is the
  // buffer passed to the previous Next since then, unchanged except in slots the caller
  // binds itself (operators keep their input row in it and rewrite only their slots).
  virtual bool Next(Row* row) = 0;

  // For PROFILE: rows produced and time spent (inclusive), counted by ProfiledNext.
  std::uint64_t rows_produced() const { return rows_; }
  double elapsed_ms() const { return elapsed_ns_ / 1e6; }
  // Next, counted for PROFILE; an error it throws without a position gets position().
  bool ProfiledNext(Row* row);
  void set_profiling(bool on) { profiling_ = on; }
  // Where in the query this operator's work is written (its clause or expression): the
  // position of runtime errors that have none of their own.
  void set_position(SourcePos pos) { pos_ = pos; }
  SourcePos position() const { return pos_; }

 protected:
  ExecContext* ctx_;

 private:
  bool profiling_ = false;
  SourcePos pos_;
  std::uint64_t rows_ = 0;
  std::uint64_t elapsed_ns_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Pulls from a child, counting rows and time when profiling is on.
inline bool Pull(Operator& op, Row* row) { return op.ProfiledNext(row); }

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_OPERATOR_H_
