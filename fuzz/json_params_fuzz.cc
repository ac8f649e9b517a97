// libFuzzer target: `--param NAME=JSON` parsing, then the parameter used in a query. Any
// input either becomes a parameter or fails with parley::Error.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "parley/parley.h"
#include "shell/cli_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<parley::Database> db = [] {
    parley::DatabaseOptions options;
    options.in_memory = true;
    options.query_timeout_ms = 200;
    return std::make_unique<parley::Database>("fuzz", options);
  }();
  std::string option = "p=" + std::string(reinterpret_cast<const char*>(data), size);
  try {
    parley::Params params = parley::shell::ParseParamOptions({option});
    parley::Connection conn(*db);
    conn.Execute("RETURN $p AS p, $p = $p AS same, toString($p) AS text", params);
  } catch (const parley::Error&) {
  }
  return 0;
}
