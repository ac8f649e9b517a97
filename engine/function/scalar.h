// The registry of Cypher scalar functions that are pure functions of values.
//
// Graph functions that need storage (labels, type, properties/keys of nodes and
// relationships, startNode, endNode, nodes, relationships, length of paths, id, exists)
// belong to the executor; everything else is here: coalesce, type conversions, maths,
// strings, lists, keys/properties of maps, and the temporal constructors and helpers
// (date, datetime, duration.between, date.truncate, ...).
//
// Argument conventions (openCypher): a null argument gives null unless the function says
// otherwise (coalesce). An argument of a type the function does not accept throws
// Error(kTypeError, "InvalidArgumentType"); the conversion functions toString, toInteger,
// toFloat and toBoolean throw Error(kTypeError, "InvalidArgumentValue") for nodes,
// relationships, paths, lists and maps, as the TCK asks. An argument of the right type but
// an unusable value (a bad temporal string, range(1, 5, 0), a precision mode that does not
// exist) throws Error(kArgumentError, "InvalidArgumentValue"); a negative length or start
// (substring, left, right) throws Error(kArgumentError, "NegativeIntegerArgument"). Integer
// overflow throws Error(kRuntimeError, "IntegerOverflow"). Argument counts are checked by
// the caller against min_args/max_args before calling `fn`.
//
// The registry is immutable and thread-safe. `fn` is thread-safe, except that the current
// time functions read the calling thread's statement clock (see StatementClock).
#ifndef PARLEY_ENGINE_FUNCTION_SCALAR_H_
#define PARLEY_ENGINE_FUNCTION_SCALAR_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "parley/value.h"

namespace parley::function {

inline constexpr int kVariadic = -1;

struct ScalarFunction {
  std::string_view name;  // canonical spelling, e.g. "toInteger", "date.truncate"
  int min_args;
  int max_args;  // kVariadic: any number >= min_args
  // REQUIRES: min_args <= args.size() <= max_args (or variadic). Throws parley::Error.
  Value (*fn)(std::span<const Value> args);
  bool deterministic;  // false for rand() and the current-time functions
};

// The function named `name`, looked up case-insensitively (`toInteger`, `TOINTEGER`,
// `datetime.fromEpoch`), or nullptr if there is no such scalar function. Aggregates are
// not here (see aggregate.h). The returned pointer is valid forever.
const ScalarFunction* FindScalarFunction(std::string_view name);

// All registered functions (for documentation and tests).
std::span<const ScalarFunction> AllScalarFunctions();

// The integers of range(start, end[, step]), for callers that walk them one by one rather
// than build the list (UNWIND range(...)), or check its size first.
struct IntegerRange {
  std::int64_t start;
  std::int64_t end;
  std::int64_t step;  // never 0
  std::uint64_t size() const;
};
// True when `fn` is range().
bool IsRange(const ScalarFunction* fn);
// range()'s arguments, checked as range() checks them (throws the same errors); nullopt
// when one is null, where range() returns null.
std::optional<IntegerRange> RangeOf(std::span<const Value> args);

// The time "now" as the current-time functions see it: `date()`, `datetime()`,
// `date.statement()`, `date.transaction()` read the clock set for the calling thread; the
// `.realtime()` forms read the system clock. While a ScopedStatementClock is alive on a
// thread, that thread's statement (and transaction) time is fixed at the instant the
// guard was made, so every call in one statement sees the same time. Without a guard the
// system clock is read at each call. Also sets the default time zone (UTC by default).
class ScopedStatementClock {
 public:
  ScopedStatementClock();                           // now
  explicit ScopedStatementClock(DateTime instant);  // a fixed instant (tests)
  ~ScopedStatementClock();
  ScopedStatementClock(const ScopedStatementClock&) = delete;
  ScopedStatementClock& operator=(const ScopedStatementClock&) = delete;

 private:
  bool had_previous_;
  DateTime previous_;
};

// The statement time of the calling thread (see above), as a UTC datetime.
DateTime StatementTime();

// toString(v) for a value that is not null: the string Cypher's toString gives
// (floats as 1.0, 1.5E10 style per Java; temporal values in ISO form). Throws as above.
std::string ToCypherString(const Value& v);

}  // namespace parley::function

#endif  // PARLEY_ENGINE_FUNCTION_SCALAR_H_
