// How the command line shows an error to a person: the kind, detail and message, where it
// happened, and the offending line with a caret under the column.
//
//   error: SyntaxError/UndefinedVariable: variable `b` is not defined
//     at line 1, column 18
//     MATCH (a) RETURN b
//                      ^
#ifndef PARLEY_SHELL_ERROR_REPORT_H_
#define PARLEY_SHELL_ERROR_REPORT_H_

#include <string>
#include <string_view>

#include "parley/error.h"

namespace parley::shell {

// `input` is the whole text the position refers to; `source` names it ("query.cypher")
// or is empty for a query given on the command line. Every line ends in '\n'.
std::string FormatErrorForHumans(const Error& error, SourcePos pos, std::string_view input,
                                 std::string_view source);

// The same, given the text of the offending line and the caret's column in it (which
// differs from pos.column when the line shown starts mid-line of the input).
std::string FormatErrorAt(const Error& error, SourcePos pos, std::string_view line_text,
                          std::uint32_t caret_column, std::string_view source);

// Line `line` (1-based) of `text`, without its line break; empty when there is none.
std::string_view LineOf(std::string_view text, std::uint32_t line);

// The caret line for a 1-based code-point `column` of `line`: tabs are kept so the caret
// lines up under tab-indented text.
std::string CaretLine(std::string_view line, std::uint32_t column);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_ERROR_REPORT_H_
