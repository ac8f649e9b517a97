// Splits a script of Cypher statements separated by `;` into single statements.
//
// The splitter understands just enough Cypher lexing to find the separators: '…' and "…"
// strings with backslash escapes, `backtick` identifiers (`` doubles a backtick), line
// comments (// to the end of the line) and block comments (/* … */). Each statement keeps
// the 1-based line and column (in code points) where its text starts in the whole input,
// so an error positioned inside a statement maps back to the script.
#ifndef PARLEY_SHELL_STATEMENT_SPLITTER_H_
#define PARLEY_SHELL_STATEMENT_SPLITTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/error.h"

namespace parley::shell {

struct Statement {
  std::string text;          // without the terminating `;`, leading whitespace and comments kept
  std::uint32_t line = 1;    // where `text` starts in the whole input (1-based)
  std::uint32_t column = 1;  // 1-based, in code points

  // Maps a position inside `text` (1-based; unknown stays unknown) to the whole input.
  SourcePos ToInputPos(SourcePos in_statement) const;
};

struct SplitResult {
  std::vector<Statement> statements;  // only those with something besides blanks/comments
  // Text after the last `;` that holds only blanks and comments is dropped; text that
  // holds more is returned as the last statement and `complete` tells whether it ended
  // with `;`. A REPL waits for more input while !complete or `open_construct`.
  bool complete = true;
  // The input ends inside a string, a backtick identifier or a block comment.
  bool open_construct = false;
};

// Splits `input`. Never throws: unterminated strings and comments run to the end.
SplitResult SplitStatements(std::string_view input);

// True when `text` holds nothing but whitespace and comments.
bool IsBlankStatement(std::string_view text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_STATEMENT_SPLITTER_H_
