// The database the query-running fuzz targets share: in memory, with a time and a memory
// bound per statement, so that an input that would run long or grow large ends with a
// parley::Error (what the targets look for) instead of reading as a hang or an OOM.
#pragma once

#include "parley/parley.h"

namespace parley::fuzz {

inline DatabaseOptions BoundedInMemoryOptions() {
  DatabaseOptions options;
  options.in_memory = true;
  options.query_timeout_ms = 200;
  options.query_memory_limit = 64ull << 20;
  return options;
}

}  // namespace parley::fuzz
