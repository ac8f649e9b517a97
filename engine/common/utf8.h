// Checking that text is well-formed UTF-8, for strings that come from outside (files,
// arguments) before they are stored: everything stored and printed as text is UTF-8.
#ifndef PARLEY_ENGINE_COMMON_UTF8_H_
#define PARLEY_ENGINE_COMMON_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

// The offset of the first byte of `text` that does not start a well-formed UTF-8
// sequence, or nullopt when all of `text` is well-formed. Malformed: stray continuation
// bytes, truncated sequences, overlong forms, surrogates (U+D800..U+DFFF) and code points
// past U+10FFFF. NUL bytes are well-formed.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// `text` with each byte that does not start a well-formed sequence replaced by
// `replacement`, for showing text that failed the check above in a message.
std::string ReplaceInvalidUtf8(std::string_view text, std::string_view replacement);

}  // namespace parley

#endif  // PARLEY_ENGINE_COMMON_UTF8_H_
