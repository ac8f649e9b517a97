// libFuzzer target: `--param NAME=JSON` parsing, then the parameter used in a query. Any
// input either becomes a parameter or is refused: with UsageError (the shell's error for a
// bad command line, cli_common.h) when it is not valid JSON, with parley::Error when the
// query cannot use it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/bounded_database.h"
#include "parley/parley.h"
#include "shell/cli_common.h"

namespace {

// The statement is prepared once: parsing it again for every input would cost more than
// the parameter itself.
struct Fixture {
  Fixture() {
    db = std::make_unique<parley::Database>("fuzz", parley::fuzz::BoundedInMemoryOptions());
    conn = std::make_unique<parley::Connection>(*db);
    use = std::make_unique<parley::PreparedStatement>(
        conn->Prepare("RETURN $p AS p, $p = $p AS same, toString($p) AS text"));
  }
  std::unique_ptr<parley::Database> db;
  std::unique_ptr<parley::Connection> conn;
  std::unique_ptr<parley::PreparedStatement> use;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  std::string option = "p=" + std::string(reinterpret_cast<const char*>(data), size);
  parley::Params params;
  try {
    params = parley::shell::ParseParamOptions({option});
  } catch (const parley::shell::UsageError&) {
    return 0;
  }
  try {
    fixture.use->Execute(params);
  } catch (const parley::Error&) {
  }
  return 0;
}
