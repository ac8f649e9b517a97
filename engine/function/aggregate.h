// Cypher's aggregating functions: count, sum, avg, min, max, collect, stDev, stDevP,
// percentileDisc, percentileCont.
//
// An Aggregator folds the argument values of one group. Nulls are skipped by every
// aggregate (count(x) counts non-null x; collect skips nulls). With DISTINCT, a value
// equivalent (semantics.h Equivalent) to one already seen is skipped. Errors are
// parley::Error: sum over a non-number throws kTypeError "InvalidArgumentType"; integer
// overflow in sum throws kRuntimeError "IntegerOverflow"; a percentile outside [0, 1]
// throws kArgumentError "NumberOutOfRange".
//
// Not thread-safe: one Aggregator per group per thread.
#ifndef PARLEY_ENGINE_FUNCTION_AGGREGATE_H_
#define PARLEY_ENGINE_FUNCTION_AGGREGATE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "parley/value.h"

namespace parley::function {

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // Folds one row's argument values (args.size() is the call's argument count: 1, or 2 for
  // the percentiles, whose second argument is the percentile and is read from the first
  // row that has a non-null value). Throws parley::Error.
  virtual void Add(std::span<const Value> args) = 0;
  // Add of a single integer or float argument, for callers reading typed columns: the
  // same result and errors as Add({Value(x)}), without building the Value where the
  // aggregate can fold the number directly.
  virtual void AddInt(std::int64_t x);
  virtual void AddFloat(double x);
  // The aggregate of everything added. Called once, after the last Add. An empty group
  // gives: count 0, sum 0, collect [], stDev and stDevP 0.0, and null for avg, min, max and the
  // percentiles.
  virtual Value Finish() = 0;
  // The memory the aggregate holds so far (the values DISTINCT has seen, collect's list,
  // a percentile's values), roughly, for the query memory bound: callers charge its growth.
  virtual std::uint64_t HeldBytes() const { return 0; }
};

// Whether `name` (case-insensitive) is an aggregating function.
bool IsAggregateFunction(std::string_view name);

// The number of arguments the aggregate takes (both 1 except the percentiles: 2).
// REQUIRES: IsAggregateFunction(name).
int AggregateArity(std::string_view name);

// A fresh aggregator for `name` (case-insensitive), or nullptr if it is not an aggregate.
std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, bool distinct);

// count(*): counts rows; Add ignores its arguments (call it with an empty span).
std::unique_ptr<Aggregator> MakeCountStar();

}  // namespace parley::function

#endif  // PARLEY_ENGINE_FUNCTION_AGGREGATE_H_
