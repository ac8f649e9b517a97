// The JSON encoding of values that `parley query --format json` prints and `--param`
// reads (INTERFACES.md section 2).
//
// null, booleans, integers and strings map to JSON's own; floats always carry a `.` or an
// exponent and enough digits to round-trip (NaN and infinities as {"$float":"NaN"} …);
// lists are arrays and maps objects; nodes, relationships and paths are {"$node":{…}},
// {"$rel":{…}}, {"$path":[…]}; temporal values are their ISO strings under the type's
// tag ({"$date":…}, {"$localtime":…}, {"$time":…}, {"$localdatetime":…},
// {"$datetime":…}, {"$duration":…}).
#ifndef PARLEY_SHELL_FORMAT_VALUE_JSON_H_
#define PARLEY_SHELL_FORMAT_VALUE_JSON_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "parley/value.h"

namespace parley::shell {

// Appends the JSON text of `value` to `out` (compact, no spaces, UTF-8 passed through; see
// AppendJsonString for text that is not UTF-8).
void AppendValueJson(const Value& value, std::string& out);
std::string ValueToJson(const Value& value);

// Appends `s` as a JSON string literal (quotes, backslashes and control characters escaped;
// a byte that does not start a well-formed UTF-8 sequence becomes \ufffd).
void AppendJsonString(std::string_view s, std::string& out);

// The shortest text that parses back to `d` and reads as a float ("1.0", "1e+300").
// REQUIRES: std::isfinite(d).
std::string FormatJsonFloat(double d);

// Decodes a parsed JSON document into a Value, accepting every tagged form above. A
// one-key object whose key is not a known tag is an ordinary map. Throws parley::Error
// (ArgumentError) naming what is wrong, e.g. {"$date":"1984-13-01"}.
Value ValueFromJson(const nlohmann::json& json);

// Parses `text` as JSON and decodes it. Throws parley::Error (ArgumentError) when the
// text is not JSON or the value is malformed, an integer among them that does not fit in
// 64 bits (json_integers.h).
Value ParseValueJson(std::string_view text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_VALUE_JSON_H_
