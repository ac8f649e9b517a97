// parley::Error: the one error type the engine throws and embedders catch.
//
// It carries a kind (openCypher's error class, printed by the CLI as INTERFACES.md
// section 2 says), a detail code (the TCK's, e.g. "UndefinedVariable"; empty where none
// applies), a message in plain words saying what went wrong, and a position in the query
// text (1-based line and column; 0 where unknown, e.g. storage or I/O failures).
#ifndef PARLEY_ERROR_H_
#define PARLEY_ERROR_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parley {

enum class ErrorKind : std::uint8_t {
  kSyntaxError,
  kSemanticError,
  kTypeError,
  kArgumentError,
  kParameterMissing,
  kEntityNotFound,
  kConstraintVerificationFailed,
  kProcedureError,
  kRuntimeError,
};

// "SyntaxError", "SemanticError", ...: the names INTERFACES.md prints.
std::string_view ErrorKindName(ErrorKind kind);

struct SourcePos {
  std::uint32_t line = 0;    // 1-based; 0 = unknown
  std::uint32_t column = 0;  // 1-based, in code points; 0 = unknown
  bool known() const { return line != 0; }
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

class Error : public std::runtime_error {  // what() is the message
 public:
  Error(ErrorKind kind, std::string detail, std::string message, SourcePos pos = {})
      : std::runtime_error(std::move(message)), kind_(kind), detail_(std::move(detail)),
        pos_(pos) {}

  ErrorKind kind() const { return kind_; }
  const std::string& detail() const { return detail_; }
  SourcePos pos() const { return pos_; }
  std::string_view message() const { return what(); }

  // A copy positioned at `pos`, unless this error already has a position.
  Error WithPosition(SourcePos pos) const {
    return Error(kind_, detail_, what(), pos_.known() ? pos_ : pos);
  }

 private:
  ErrorKind kind_;
  std::string detail_;
  SourcePos pos_;
};

}  // namespace parley

#endif  // PARLEY_ERROR_H_
