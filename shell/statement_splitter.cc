#include "shell/statement_splitter.h"

namespace parley::shell {
namespace {

enum class State { kCode, kSingle, kDouble, kBacktick, kLineComment, kBlockComment };

// Tracks line and code-point column while scanning bytes of UTF-8.
struct Cursor {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  void Advance(char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;  // continuation bytes do not start a code point
    }
  }
};

// Scans `input`, calling on_separator(index) at every top-level `;`. Returns the final state.
template <typename F>
State Scan(std::string_view input, F on_separator) {
  State state = State::kCode;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    const char next = i + 1 < input.size() ? input[i + 1] : '\0';
    switch (state) {
      case State::kCode:
        if (c == '\'')
          state = State::kSingle;
        else if (c == '"')
          state = State::kDouble;
        else if (c == '`')
          state = State::kBacktick;
        else if (c == '/' && next == '/')
          state = State::kLineComment, ++i;
        else if (c == '/' && next == '*')
          state = State::kBlockComment, ++i;
        else if (c == ';')
          on_separator(i);
        break;
      case State::kSingle:
      case State::kDouble:
        if (c == '\\')
          ++i;  // the escaped character cannot end the string
        else if (c == (state == State::kSingle ? '\'' : '"'))
          state = State::kCode;
        break;
      case State::kBacktick:
        if (c == '`' && next == '`')
          ++i;
        else if (c == '`')
          state = State::kCode;
        break;
      case State::kLineComment:
        if (c == '\n') state = State::kCode;
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') state = State::kCode, ++i;
        break;
    }
  }
  return state;
}

}  // namespace

SourcePos Statement::ToInputPos(SourcePos p) const {
  if (!p.known()) return p;
  if (p.line == 1) return SourcePos{line, column + p.column - 1};
  return SourcePos{line + p.line - 1, p.column};
}

bool IsBlankStatement(std::string_view text) {
  bool blank = true;
  State state = State::kCode;
  for (std::size_t i = 0; i < text.size() && blank; ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (state == State::kLineComment) {
      if (c == '\n') state = State::kCode;
    } else if (state == State::kBlockComment) {
      if (c == '*' && next == '/') state = State::kCode, ++i;
    } else if (c == '/' && next == '/') {
      state = State::kLineComment, ++i;
    } else if (c == '/' && next == '*') {
      state = State::kBlockComment, ++i;
    } else if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) {
      blank = false;
    }
  }
  return blank;
}

SplitResult SplitStatements(std::string_view input) {
  SplitResult result;
  Cursor cursor;
  std::size_t start = 0;
  Cursor start_cursor;
  std::size_t scanned = 0;  // bytes already counted into `cursor`
  auto advance_to = [&](std::size_t end) {
    for (; scanned < end; ++scanned) cursor.Advance(input[scanned]);
  };
  auto emit = [&](std::size_t end) {
    std::string_view text = input.substr(start, end - start);
    if (!IsBlankStatement(text)) {
      result.statements.push_back(
          Statement{std::string(text), start_cursor.line, start_cursor.column});
    }
  };
  const State final_state = Scan(input, [&](std::size_t semicolon) {
    emit(semicolon);
    advance_to(semicolon + 1);
    start = semicolon + 1;
    start_cursor = cursor;
  });
  const std::string_view rest = input.substr(start);
  result.open_construct = final_state != State::kCode && final_state != State::kLineComment;
  if (!IsBlankStatement(rest) || result.open_construct) {
    result.statements.push_back(
        Statement{std::string(rest), start_cursor.line, start_cursor.column});
    result.complete = false;
  }
  return result;
}

}  // namespace parley::shell
