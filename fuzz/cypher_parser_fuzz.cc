// libFuzzer target: the Cypher parser. Any input either parses or fails with parley::Error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/parser/parser.h"
#include "parley/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    parley::parser::Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const parley::Error&) {
  }
  return 0;
}
