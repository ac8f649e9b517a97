#include "shell/format/json_writer.h"

#include <fmt/format.h>

#include "shell/format/value_json.h"

namespace parley::shell {

std::string JsonLineHead(const std::vector<std::string>& columns) {
  std::string out = "{\"columns\":[";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(columns[i], out);
  }
  out += "],\"rows\":[";
  return out;
}

void AppendJsonRow(const std::vector<Value>& row, bool first, std::string& out) {
  out += first ? "[" : ",[";
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    AppendValueJson(row[i], out);
  }
  out += ']';
}

std::string JsonLineTail(const QueryStats& s, std::optional<double> elapsed_ms,
                         const std::string& plan) {
  std::string out = fmt::format(
      "],\"stats\":{{\"nodes_created\":{},\"nodes_deleted\":{},\"relationships_created\":{},"
      "\"relationships_deleted\":{},\"properties_set\":{},\"labels_added\":{},"
      "\"labels_removed\":{},\"properties_removed\":{}}}",
      s.nodes_created, s.nodes_deleted, s.relationships_created, s.relationships_deleted,
      s.properties_set, s.labels_added, s.labels_removed, s.properties_removed);
  if (elapsed_ms) out += ",\"elapsed_ms\":" + FormatJsonFloat(*elapsed_ms);
  if (!plan.empty()) {
    out += ",\"plan\":";
    AppendJsonString(plan, out);
  }
  out += '}';
  return out;
}

std::string ResultToJsonLine(const Result& result, std::optional<double> elapsed_ms) {
  std::string out = JsonLineHead(result.columns());
  bool first = true;
  for (const auto& row : result.rows()) {
    AppendJsonRow(row, first, out);
    first = false;
  }
  out += JsonLineTail(result.stats(), elapsed_ms, result.plan());
  return out;
}

std::string ErrorToJsonLine(const Error& error, SourcePos pos) {
  std::string out = "{\"error\":{\"kind\":";
  AppendJsonString(ErrorKindName(error.kind()), out);
  if (!error.detail().empty()) {
    out += ",\"detail\":";
    AppendJsonString(error.detail(), out);
  }
  out += ",\"message\":";
  AppendJsonString(error.message(), out);
  if (pos.known()) out += fmt::format(",\"line\":{},\"column\":{}", pos.line, pos.column);
  out += "}}";
  return out;
}

}  // namespace parley::shell
