#include "engine/import/header.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "engine/common/utf8.h"

namespace parley::import {
namespace {

constexpr char kArrayDelimiter = ';';

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "ID(Group)" -> ("ID", "Group").
std::pair<std::string, std::string> SplitGroup(std::string_view type) {
  std::size_t open = type.find('(');
  if (open == std::string_view::npos || type.back() != ')') return {Upper(type), ""};
  return {Upper(type.substr(0, open)), std::string(type.substr(open + 1, type.size() - open - 2))};
}

std::optional<ScalarType> ScalarTypeOf(const std::string& name) {
  if (name == "INT" || name == "LONG" || name == "SHORT" || name == "BYTE") return ScalarType::kInt;
  if (name == "FLOAT" || name == "DOUBLE") return ScalarType::kFloat;
  if (name == "BOOLEAN") return ScalarType::kBool;
  if (name == "STRING" || name == "CHAR") return ScalarType::kString;
  return std::nullopt;
}

bool ParseColumn(std::string_view text, Column* column, std::string* error) {
  std::size_t colon = text.rfind(':');
  column->name = std::string(colon == std::string_view::npos ? text : text.substr(0, colon));
  if (colon == std::string_view::npos) {
    if (column->name.empty()) *error = "a column has an empty name";
    return !column->name.empty();
  }
  auto [type, group] = SplitGroup(text.substr(colon + 1));
  column->group = group;
  if (type == "ID")
    column->role = ColumnRole::kId;
  else if (type == "LABEL")
    column->role = ColumnRole::kLabel;
  else if (type == "START_ID")
    column->role = ColumnRole::kStartId;
  else if (type == "END_ID")
    column->role = ColumnRole::kEndId;
  else if (type == "TYPE")
    column->role = ColumnRole::kType;
  else if (type == "IGNORE")
    column->role = ColumnRole::kIgnore;
  if (column->role != ColumnRole::kProperty) return true;
  column->array = type.size() > 2 && type.ends_with("[]");
  if (column->array) type.resize(type.size() - 2);
  auto scalar = ScalarTypeOf(type);
  if (!scalar) {
    *error = fmt::format("unknown column type '{}' in '{}'", type, text);
    return false;
  }
  column->type = *scalar;
  if (column->name.empty()) {
    *error = fmt::format("column '{}' has no name", text);
    return false;
  }
  return true;
}

bool ConvertScalar(std::string_view text, ScalarType type, Value* value, std::string* reason) {
  switch (type) {
    case ScalarType::kString:
      *value = Value(std::string(text));
      return true;
    case ScalarType::kInt:
      if (auto i = ParseInteger(text)) {
        *value = Value(*i);
        return true;
      }
      *reason = fmt::format("'{}' is not an integer", text);
      return false;
    case ScalarType::kFloat: {
      std::string trimmed(Trim(text));
      char* end = nullptr;
      double d = std::strtod(trimmed.c_str(), &end);
      if (trimmed.empty() || end != trimmed.c_str() + trimmed.size()) {
        *reason = fmt::format("'{}' is not a number", text);
        return false;
      }
      *value = Value(d);
      return true;
    }
    case ScalarType::kBool: {
      std::string upper = Upper(Trim(text));
      if (upper == "TRUE" || upper == "FALSE") {
        *value = Value(upper == "TRUE");
        return true;
      }
      *reason = fmt::format("'{}' is not a boolean (true or false)", text);
      return false;
    }
  }
  return false;
}

// A row's value of a column named twice would overwrite the other's (and a second :TYPE
// the first), so such a header is refused, as neo4j-admin refuses it. Repeated :LABEL and
// :IGNORE columns lose nothing and are allowed.
bool CheckNamedOnce(const std::vector<Column>& columns, std::string* error) {
  std::unordered_map<std::string, std::size_t> named;  // stored name -> first column
  std::optional<std::size_t> type;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& column = columns[i];
    if (column.role == ColumnRole::kType) {
      if (type) {
        *error =
            fmt::format("a relationship file can have only one :TYPE column (columns {} and {})",
                        *type + 1, i + 1);
        return false;
      }
      type = i;
    }
    bool stored = column.role == ColumnRole::kProperty ||
                  (column.role == ColumnRole::kId && !column.name.empty());
    if (!stored) continue;
    auto [first, inserted] = named.emplace(column.name, i);
    if (!inserted) {
      *error = fmt::format("column '{}' is named twice (columns {} and {})", column.name,
                           first->second + 1, i + 1);
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    std::size_t cut = text.find(kArrayDelimiter);
    std::string_view part = Trim(text.substr(0, cut));
    if (!part.empty()) out.emplace_back(part);
    if (cut == std::string_view::npos) return out;
    text.remove_prefix(cut + 1);
  }
}

std::string DescribeColumn(const Column& column) {
  switch (column.role) {
    case ColumnRole::kProperty:
      return fmt::format("column '{}'", column.name);
    case ColumnRole::kId:
      return column.name.empty() ? "the :ID column" : fmt::format("column '{}'", column.name);
    case ColumnRole::kLabel:
      return "the :LABEL column";
    case ColumnRole::kStartId:
      return "the :START_ID column";
    case ColumnRole::kEndId:
      return "the :END_ID column";
    case ColumnRole::kType:
      return "the :TYPE column";
    case ColumnRole::kIgnore:
      return "an :IGNORE column";
  }
  return "a column";
}

std::optional<std::vector<Column>> ParseHeader(const CsvRecord& header, bool relationships,
                                               std::string* error) {
  std::vector<Column> columns;
  if (header.fields.size() > kMaxColumns) {
    *error = fmt::format("the header has {} columns, more than the {} a file may have",
                         header.fields.size(), kMaxColumns);
    return std::nullopt;
  }
  int ids = 0, starts = 0, ends = 0;
  for (const CsvField& field : header.fields) {
    if (std::optional<std::size_t> bad = FindInvalidUtf8(field.text)) {
      *error = fmt::format("column {} is not valid UTF-8 (byte {})", columns.size() + 1, *bad + 1);
      return std::nullopt;
    }
    Column column;
    if (!ParseColumn(field.text, &column, error)) return std::nullopt;
    ids += column.role == ColumnRole::kId;
    starts += column.role == ColumnRole::kStartId;
    ends += column.role == ColumnRole::kEndId;
    if (relationships && (column.role == ColumnRole::kId || column.role == ColumnRole::kLabel)) {
      *error = fmt::format("a relationship file cannot have column '{}'", field.text);
      return std::nullopt;
    }
    if (!relationships && (column.role == ColumnRole::kStartId ||
                           column.role == ColumnRole::kEndId || column.role == ColumnRole::kType)) {
      *error = fmt::format("a node file cannot have column '{}'", field.text);
      return std::nullopt;
    }
    columns.push_back(std::move(column));
  }
  if (!CheckNamedOnce(columns, error)) return std::nullopt;
  if (!relationships && ids > 1) {
    *error = "a node file can have only one :ID column";
    return std::nullopt;
  }
  if (relationships && (starts != 1 || ends != 1)) {
    *error = "a relationship file needs exactly one :START_ID and one :END_ID column";
    return std::nullopt;
  }
  return columns;
}

bool ConvertField(const CsvField& field, const Column& column, Value* value, std::string* reason) {
  if (field.text.empty() && !field.quoted) {
    *value = Value();
    return true;
  }
  if (!column.array) {
    if (!ConvertScalar(field.text, column.type, value, reason)) {
      *reason = fmt::format("column '{}': {}", column.name, *reason);
      return false;
    }
    return true;
  }
  List list;
  std::string_view text = field.text;
  while (!text.empty()) {
    std::size_t cut = text.find(kArrayDelimiter);
    Value element;
    if (!ConvertScalar(text.substr(0, cut), column.type, &element, reason)) {
      *reason = fmt::format("column '{}': {}", column.name, *reason);
      return false;
    }
    list.push_back(std::move(element));
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  *value = Value(std::move(list));
  return true;
}

}  // namespace parley::import
