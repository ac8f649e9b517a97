#include "parley/error.h"

namespace parley {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kSyntaxError: return "SyntaxError";
    case ErrorKind::kSemanticError: return "SemanticError";
    case ErrorKind::kTypeError: return "TypeError";
    case ErrorKind::kArgumentError: return "ArgumentError";
    case ErrorKind::kParameterMissing: return "ParameterMissing";
    case ErrorKind::kEntityNotFound: return "EntityNotFound";
    case ErrorKind::kConstraintVerificationFailed: return "ConstraintVerificationFailed";
    case ErrorKind::kProcedureError: return "ProcedureError";
    case ErrorKind::kRuntimeError: return "RuntimeError";
  }
  return "RuntimeError";
}

}  // namespace parley
