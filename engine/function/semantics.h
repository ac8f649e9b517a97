// Cypher's value semantics: equality, comparison, ordering and equivalence.
//
// openCypher distinguishes four relations between values:
//  - Equality (`=`, `<>`): three-valued. Null when either side is null, or when a list or
//    map comparison can only be decided by comparing against a null. 1 = 1.0 is true;
//    NaN = NaN is false. Values of different kinds (other than integer/float) are unequal.
//  - Comparison (`<`, `<=`, `>`, `>=`): defined only between numbers, between strings,
//    between booleans (false < true), between lists (lexicographic), and between temporal
//    values of the same type (durations are not comparable). Anything else, and anything
//    involving null or NaN, is null.
//  - Orderability (ORDER BY): a total order across all values, see OrderCompare.
//  - Equivalence (DISTINCT, grouping keys, UNION, collect(DISTINCT)): like equality, except
//    null is equivalent to null and NaN to NaN. 1 and 1.0 are equivalent (as in Neo4j).
//
// All functions here are pure and thread-safe. They never throw.
#ifndef PARLEY_ENGINE_FUNCTION_SEMANTICS_H_
#define PARLEY_ENGINE_FUNCTION_SEMANTICS_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "parley/value.h"

namespace parley::function {

// Three-valued `a = b`: nullopt stands for Cypher null.
// Nodes and relationships are equal by id; paths element-wise. Temporal values are equal
// when the same type and the same value: datetimes compare the instant (and the zone id is
// ignored), times the instant of day in UTC; durations compare months, days, seconds and
// nanos component-wise.
std::optional<bool> Equals(const Value& a, const Value& b);

// Three-valued `a < b` etc.: a negative number, 0 or a positive number when a < b, a = b,
// a > b; nullopt when the pair is not comparable (see the file comment) or involves NaN.
// Lists compare lexicographically; an incomparable element pair makes the whole result
// nullopt unless an earlier element decided it.
std::optional<int> Compare(const Value& a, const Value& b);

// The comparison operators with openCypher's results, including the NaN rule: NaN compared
// with any number is false for every operator (not null), while NaN compared with a
// non-number is null like any other cross-type comparison.
enum class ComparisonOp : std::uint8_t { kLess, kLessEqual, kGreater, kGreaterEqual };
std::optional<bool> EvaluateComparison(ComparisonOp op, const Value& a, const Value& b);

// The total order ORDER BY uses (ascending), consistent for every pair of values:
//   MAP < NODE < RELATIONSHIP < LIST < PATH < DATETIME < LOCAL DATETIME < DATE <
//   TIME < LOCAL TIME < DURATION < STRING < BOOLEAN < NUMBER < NULL.
// Numbers compare by value with integers and floats mixed (-Infinity first, NaN after
// +Infinity); lists element by element with the shorter prefix first; maps by their sorted
// keys then values; nodes and relationships by id; temporal values by instant (times and
// datetimes by their UTC instant, ties broken by offset); durations by months, days,
// seconds, nanos. Returns <0, 0 or >0.
int OrderCompare(const Value& a, const Value& b);

// Equivalence for DISTINCT, grouping and UNION: null ~ null, NaN ~ NaN, 1 ~ 1.0; lists and
// maps element-wise by equivalence; otherwise as Equals.
bool Equivalent(const Value& a, const Value& b);

// A hash consistent with Equivalent: Equivalent(a, b) implies Hash(a) == Hash(b).
std::size_t Hash(const Value& v);

// Functors for unordered containers keyed by values (or rows of values) under equivalence.
struct ValueHash {
  std::size_t operator()(const Value& v) const { return Hash(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
};
struct RowHash {
  std::size_t operator()(const List& row) const;
};
struct RowEquivalent {
  bool operator()(const List& a, const List& b) const;
};
// Strict weak order under OrderCompare, for std::sort / std::map.
struct OrderLess {
  bool operator()(const Value& a, const Value& b) const { return OrderCompare(a, b) < 0; }
};

// Three-valued `x IN list`: true if some element equals x; null if none does but some
// comparison was null (or x is null and the list is not empty); false otherwise.
std::optional<bool> In(const Value& x, const List& list);

}  // namespace parley::function

#endif  // PARLEY_ENGINE_FUNCTION_SEMANTICS_H_
