// What the C API's opaque handles are, and the guard every C entry point runs its body
// in. The handles own C++ API objects; the C side only ever holds pointers to them.
#ifndef PARLEY_ENGINE_CAPI_HANDLES_H_
#define PARLEY_ENGINE_CAPI_HANDLES_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/parley.h"
#include "parley/parley_c.h"

struct parley_database {
  std::unique_ptr<parley::Database> db;
};

struct parley_connection {
  std::unique_ptr<parley::Connection> conn;
};

struct parley_params {
  parley::Params values;
};

struct parley_prepared {
  parley::PreparedStatement stmt;
  parley_params params;
};

// A value handed to the C side: where it is, and the result whose row holds it. Every
// parley_value* handed out lives in its result's arena until the next row.
struct parley_value {
  const parley::Value* value;
  parley_result* owner;
};

struct parley_result {
  parley::ResultStream stream;
  std::vector<parley::Value> row;
  bool has_row = false;
  std::deque<parley_value> handed_out;
  // Values made for path elements, which a Path holds as Node and Relationship rather
  // than as Values.
  std::deque<parley::Value> made;
};

namespace parley::capi {

// Records `e` as this thread's last error (parley_last_error).
void SetError(const Error& e);
// Runs `body`, turning any exception into this thread's last error and PARLEY_ERROR.
template <typename F>
parley_status Guarded(F&& body) {
  try {
    body();
    return PARLEY_OK;
  } catch (const Error& e) {
    SetError(e);
  } catch (const std::bad_alloc&) {
    SetError(Error(ErrorKind::kRuntimeError, "OutOfMemory", "out of memory"));
  } catch (const std::exception& e) {
    SetError(Error(ErrorKind::kRuntimeError, "", e.what()));
  } catch (...) {
    SetError(Error(ErrorKind::kRuntimeError, "", "unknown failure"));
  }
  return PARLEY_ERROR;
}

// Throws ArgumentError naming `what` when `p` is null.
void Require(const void* p, const char* what);

// `v` (in `owner`'s row, or made for it) as a value for the C side.
inline const parley_value* Hand(parley_result* owner, const Value& v) {
  owner->handed_out.push_back(parley_value{&v, owner});
  return &owner->handed_out.back();
}
inline const Value& AsCpp(const parley_value* v) { return *v->value; }

}  // namespace parley::capi

#endif  // PARLEY_ENGINE_CAPI_HANDLES_H_
