#include "shell/error_report.h"

#include <fmt/format.h>

#include "shell/format/table_writer.h"

namespace parley::shell {

std::string_view LineOf(std::string_view text, std::uint32_t line) {
  std::size_t begin = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    std::size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) return {};
    begin = nl + 1;
  }
  std::size_t end = text.find('\n', begin);
  std::string_view out = text.substr(begin, end == std::string_view::npos ? end : end - begin);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

std::string CaretLine(std::string_view line, std::uint32_t column) {
  std::string out;
  std::uint32_t col = 1;
  for (std::size_t i = 0; i < line.size() && col < column;) {
    std::size_t len = 1;
    while (i + len < line.size() && (static_cast<unsigned char>(line[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    std::string_view cp = line.substr(i, len);
    out += cp == "\t" ? std::string("\t") : std::string(DisplayWidth(cp), ' ');
    i += len;
    ++col;
  }
  out += std::string(column > col ? column - col : 0, ' ');
  return out + "^";
}

std::string FormatErrorForHumans(const Error& error, SourcePos pos, std::string_view input,
                                 std::string_view source) {
  return FormatErrorAt(error, pos, pos.known() ? LineOf(input, pos.line) : "", pos.column, source);
}

std::string FormatErrorAt(const Error& error, SourcePos pos, std::string_view line_text,
                          std::uint32_t caret_column, std::string_view source) {
  std::string out = fmt::format("error: {}", ErrorKindName(error.kind()));
  if (!error.detail().empty()) out += "/" + error.detail();
  out += fmt::format(": {}\n", error.message());
  if (!pos.known()) {
    if (!source.empty()) out += fmt::format("  in {}\n", source);
    return out;
  }
  if (source.empty()) {
    out += fmt::format("  at line {}, column {}\n", pos.line, pos.column);
  } else {
    out += fmt::format("  at {}:{}:{}\n", source, pos.line, pos.column);
  }
  out += fmt::format("  {}\n  {}\n", line_text, CaretLine(line_text, caret_column));
  return out;
}

}  // namespace parley::shell
