#include "shell/format/json_writer.h"

#include <fmt/format.h>

#include "shell/format/value_json.h"

namespace parley::shell {

std::string ResultToJsonLine(const Result& result, std::optional<double> elapsed_ms) {
  std::string out = "{\"columns\":[";
  for (std::size_t i = 0; i < result.columns().size(); ++i) {
    if (i) out += ',';
    AppendJsonString(result.columns()[i], out);
  }
  out += "],\"rows\":[";
  bool first_row = true;
  for (const auto& row : result.rows()) {
    out += first_row ? "[" : ",[";
    first_row = false;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      AppendValueJson(row[i], out);
    }
    out += ']';
  }
  const QueryStats& s = result.stats();
  out += fmt::format(
      "],\"stats\":{{\"nodes_created\":{},\"nodes_deleted\":{},\"relationships_created\":{},"
      "\"relationships_deleted\":{},\"properties_set\":{},\"labels_added\":{},"
      "\"labels_removed\":{},\"properties_removed\":{}}}",
      s.nodes_created, s.nodes_deleted, s.relationships_created, s.relationships_deleted,
      s.properties_set, s.labels_added, s.labels_removed, s.properties_removed);
  if (elapsed_ms) out += ",\"elapsed_ms\":" + FormatJsonFloat(*elapsed_ms);
  if (!result.plan().empty()) {
    out += ",\"plan\":";
    AppendJsonString(result.plan(), out);
  }
  out += '}';
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
