// Integers in JSON text that do not fit in 64 bits. nlohmann::json reads such a literal
// as a float, so `--param x=99999999999999999999` would silently bind 1e+20; the text is
// checked before it is decoded so that it is refused instead.
#ifndef PARLEY_SHELL_FORMAT_JSON_INTEGERS_H_
#define PARLEY_SHELL_FORMAT_JSON_INTEGERS_H_

#include <string_view>

namespace parley::shell {

// Throws parley::Error (ArgumentError) "integer N is out of the 64-bit range" for the
// first integer literal (no fraction, no exponent) of the JSON `text` below -2^63 or above
// 2^64 - 1; those between 2^63 and 2^64 - 1 are refused when decoded (ValueFromJson).
// Text that is not JSON passes: parsing it reports that.
void CheckJsonIntegersFit(std::string_view text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_JSON_INTEGERS_H_
