#include "shell/tck_procedures.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "parley/error.h"
#include "shell/format/value_json.h"

namespace parley::shell {
namespace {

[[noreturn]] void Bad(const std::string& message) {
  throw Error(ErrorKind::kArgumentError, "", "test procedures: " + message);
}

std::vector<TableProcedure::Column> ReadColumns(const nlohmann::json& list) {
  std::vector<TableProcedure::Column> out;
  if (!list.is_array()) Bad("\"inputs\" and \"outputs\" must be lists");
  for (const auto& c : list) {
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string()) {
      Bad("every input and output needs a \"name\"");
    }
    out.push_back({c["name"].get<std::string>(), c.value("type", std::string())});
  }
  return out;
}

// For each input, then each output, the index of its cell in the file's rows.
std::vector<std::size_t> CellOrder(const TableProcedure& p, const nlohmann::json& columns) {
  std::vector<std::string> names;
  if (columns.is_array()) {
    for (const auto& c : columns) names.push_back(c.is_string() ? c.get<std::string>() : "");
  }
  std::vector<std::size_t> order;
  auto add = [&](const TableProcedure::Column& c) {
    auto it = std::find(names.begin(), names.end(), c.name);
    // Without a matching column name, fall back to the declared order.
    order.push_back(it != names.end() ? static_cast<std::size_t>(it - names.begin())
                                      : order.size());
  };
  for (const auto& c : p.inputs) add(c);
  for (const auto& c : p.outputs) add(c);
  return order;
}

TableProcedure ReadProcedure(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string()) {
    Bad("every procedure needs a \"name\"");
  }
  TableProcedure p;
  p.name = j["name"].get<std::string>();
  p.inputs = ReadColumns(j.value("inputs", nlohmann::json::array()));
  p.outputs = ReadColumns(j.value("outputs", nlohmann::json::array()));
  const std::vector<std::size_t> order = CellOrder(p, j.value("columns", nlohmann::json()));
  for (const auto& row : j.value("rows", nlohmann::json::array())) {
    if (!row.is_array()) Bad(fmt::format("{}: every row must be a list", p.name));
    std::vector<Value> cells;
    for (std::size_t index : order) {
      if (index >= row.size()) Bad(fmt::format("{}: a row has too few cells", p.name));
      cells.push_back(ValueFromJson(row[index]));
    }
    p.rows.push_back(std::move(cells));
  }
  return p;
}

}  // namespace

std::vector<TableProcedure> ParseTableProcedures(std::string_view json_text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    Bad(fmt::format("not valid JSON: {}", e.what()));
  }
  if (!doc.is_object() || !doc.contains("procedures") || !doc["procedures"].is_array()) {
    Bad("expected an object with a \"procedures\" list");
  }
  std::vector<TableProcedure> out;
  for (const auto& p : doc["procedures"]) out.push_back(ReadProcedure(p));
  return out;
}

}  // namespace parley::shell
