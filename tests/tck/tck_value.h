// Values in the TCK's expected-result syntax, and the canonical form in which expected and
// actual values are compared.
//
// Syntax: null, true, false, integers (decimal, 0x.., 0o..), floats (incl. NaN, Inf,
// -Inf), 'strings' with escapes, [lists], {maps}, nodes (:A:B {k: v}), relationships
// [:T {k: v}], paths <(a)-[:T]->(b)<-[:U]-(c)>.
//
// Comparison follows shared/tools/tck_runner.py: types are distinct (1 is not 1.0),
// floats equal when equal as doubles (-0.0 = 0.0, NaN = NaN), temporal values compare as
// their string form (the TCK writes them as strings), nodes by labels (as a set) and
// properties, relationships by type and properties, paths by elements and direction;
// ids are never compared.
#ifndef PARLEY_TESTS_TCK_TCK_VALUE_H_
#define PARLEY_TESTS_TCK_TCK_VALUE_H_

#include <stdexcept>
#include <string>
#include <string_view>

#include "parley/value.h"

namespace parley::tck {

struct ValueSyntaxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses one value. Nodes and relationships get invented ids; a path's relationships get
// start/end ids that encode the direction written. Throws ValueSyntaxError.
Value ParseTckValue(std::string_view text);

// A string that is equal for two values exactly when the TCK counts them equal.
// With `unordered_lists`, list elements are compared as multisets at every depth.
std::string Canonical(const Value& value, bool unordered_lists = false);

}  // namespace parley::tck

#endif  // PARLEY_TESTS_TCK_TCK_VALUE_H_
