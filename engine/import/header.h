// Header rows of neo4j-admin CSV files and the typed conversion of fields.
#ifndef PARLEY_ENGINE_IMPORT_HEADER_H_
#define PARLEY_ENGINE_IMPORT_HEADER_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/import/csv_reader.h"
#include "parley/value.h"

namespace parley::import {

enum class ColumnRole { kProperty, kId, kLabel, kStartId, kEndId, kType, kIgnore };
enum class ScalarType { kInt, kFloat, kBool, kString };

struct Column {
  ColumnRole role = ColumnRole::kProperty;
  std::string name;  // property name; empty for an unnamed :ID and the other special columns
  ScalarType type = ScalarType::kString;
  bool array = false;
  std::string group;  // id space of :ID, :START_ID, :END_ID ("" is the default space)
};

// The most columns a file may have: every column becomes a property key and state kept
// per column for the whole import (a header of millions of columns took gigabytes).
// PostgreSQL allows 1,600 and SQLite 2,000; this is far beyond either.
inline constexpr std::size_t kMaxColumns = 65536;

// Parses a header row. A header of more than kMaxColumns columns is refused. Node files
// may have at most one :ID column; relationship files
// need :START_ID and :END_ID and may not have :ID or :LABEL, and at most one :TYPE. No
// two columns may store the same property name (`name,name`, `name:ID,name:INT`). Every
// column's text must be UTF-8. On a problem returns nullopt and sets `*error`.
std::optional<std::vector<Column>> ParseHeader(const CsvRecord& header, bool relationships,
                                               std::string* error);

// How messages name the column: "column 'name'", "the :LABEL column".
std::string DescribeColumn(const Column& column);

// Converts a property field by its column's type. Returns false and sets `*reason` when
// the text does not parse; sets `*value` to null for an empty unquoted field.
bool ConvertField(const CsvField& field, const Column& column, Value* value, std::string* reason);

// Parses a whole decimal integer (surrounding spaces allowed).
std::optional<std::int64_t> ParseInteger(std::string_view text);

// Splits on `;`, dropping surrounding spaces and empty parts (for :LABEL).
std::vector<std::string> SplitList(std::string_view text);

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_HEADER_H_
