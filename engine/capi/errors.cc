// parley_last_error: the latest failure on each thread, kept in thread-local storage.
#include <string>

#include "engine/capi/handles.h"

namespace parley::capi {
namespace {

struct LastError {
  std::string kind_name = "RuntimeError";
  std::string detail;
  std::string message = "no error";
  parley_error view{PARLEY_RUNTIME_ERROR, "", "", "", 0, 0};
};

LastError& Last() {
  thread_local LastError last;
  return last;
}

}  // namespace

void SetError(const Error& e) {
  LastError& last = Last();
  last.kind_name = std::string(ErrorKindName(e.kind()));
  last.detail = e.detail();
  last.message = e.what();
  last.view = parley_error{static_cast<parley_error_kind>(e.kind()), last.kind_name.c_str(),
                           last.detail.c_str(), last.message.c_str(), e.pos().line,
                           e.pos().column};
}

void Require(const void* p, const char* what) {
  if (p == nullptr) {
    throw Error(ErrorKind::kArgumentError, "", std::string(what) + " must not be NULL");
  }
}

}  // namespace parley::capi

extern "C" const parley_error* parley_last_error(void) {
  parley::capi::LastError& last = parley::capi::Last();
  last.view.kind_name = last.kind_name.c_str();
  last.view.detail = last.detail.c_str();
  last.view.message = last.message.c_str();
  return &last.view;
}
