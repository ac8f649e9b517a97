// Human-readable results: an aligned table drawn with box-drawing characters, then a
// footer with the row count, what the statement changed, and the time when asked for.
//
//   ┌───────────────────┐
//   │ issue             │
//   ├───────────────────┤
//   │ 'missile defense' │
//   └───────────────────┘
//   1 row, 2.31 ms
//
// Cells show values in their Cypher literal form (Value::ToString) with control
// characters escaped. Widths are measured in terminal columns (wide characters count 2).
#ifndef PARLEY_SHELL_FORMAT_TABLE_WRITER_H_
#define PARLEY_SHELL_FORMAT_TABLE_WRITER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "parley/result.h"

namespace parley::shell {

struct TableOptions {
  // The table is kept within this many terminal columns by truncating the widest cells
  // with an ellipsis; 0: no limit.
  std::size_t max_width = 0;
  // At most this many rows are shown, and the footer says how many were left out; 0: all.
  std::size_t max_rows = 0;
  // Shown in the footer when given.
  std::optional<double> elapsed_ms;
  // Without it only the table is drawn (a page of a longer result; see TableFooter).
  bool footer = true;
};

// The table and footer, each line ending in '\n'.
std::string RenderTable(const Result& result, const TableOptions& options);

// The footer line: "3 rows (1 not shown). Created 2 nodes, 1.25 ms".
std::string TableFooter(std::size_t total_rows, std::size_t shown, const QueryStats& stats,
                        std::optional<double> elapsed_ms);

// The text of one cell: the value's literal form with control characters escaped.
std::string CellText(const Value& value);

// Terminal columns `text` (UTF-8) takes.
std::size_t DisplayWidth(std::string_view text);

// `text` cut to at most `width` terminal columns, ending in "…" when something was cut.
std::string TruncateToWidth(std::string_view text, std::size_t width);

// "Created 2 nodes, set 3 properties" or "" when nothing changed.
std::string DescribeStats(const QueryStats& stats);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_TABLE_WRITER_H_
