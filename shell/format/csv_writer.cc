#include "shell/format/csv_writer.h"

namespace parley::shell {
namespace {

std::string CellText(const Value& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.as_string();
  return v.ToString();
}

template <typename Range, typename ToText>
void AppendRecord(const Range& fields, ToText to_text, std::string& out) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out += ',';
    first = false;
    out += CsvField(to_text(f));
  }
  out += "\r\n";
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string ResultToCsv(const Result& result) {
  std::string out;
  AppendRecord(
      result.columns(), [](const std::string& s) { return s; }, out);
  for (const auto& row : result.rows()) AppendRecord(row, CellText, out);
  return out;
}

}  // namespace parley::shell
