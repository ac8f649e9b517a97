#include "engine/common/utf8.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace parley {

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    // Most imported text is ASCII: skip it eight bytes at a time.
    if (text.size() - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    // utf8proc_iterate rejects every malformed form the header lists.
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length <= 0) return i;
    i += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

std::string ReplaceInvalidUtf8(std::string_view text, std::string_view replacement) {
  std::string out;
  while (std::optional<std::size_t> bad = FindInvalidUtf8(text)) {
    out.append(text.substr(0, *bad)).append(replacement);
    text.remove_prefix(*bad + 1);
  }
  return out.append(text);
}

}  // namespace parley
