#include "shell/format/table_writer.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace parley::shell {
namespace {

constexpr std::size_t kMinColumnWidth = 3;

// Decodes one code point at `i`, advancing it; invalid bytes count as one column each.
utf8proc_int32_t NextCodePoint(std::string_view s, std::size_t& i) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    ++i;
    return '?';
  }
  i += static_cast<std::size_t>(n);
  return cp;
}

std::size_t CodePointWidth(utf8proc_int32_t cp) {
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 1 : static_cast<std::size_t>(w);
}

std::string Repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string Border(const std::vector<std::size_t>& widths, std::string_view left,
                   std::string_view mid, std::string_view right) {
  std::string out(left);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i) out += mid;
    out += Repeat("─", widths[i] + 2);
  }
  out += right;
  out += '\n';
  return out;
}

std::string Line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
  std::string out = "│";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string text = TruncateToWidth(cells[i], widths[i]);
    out += ' ';
    out += text;
    out += std::string(widths[i] - DisplayWidth(text), ' ');
    out += " │";
  }
  out += '\n';
  return out;
}

// Narrows the widest columns, one column at a time, until the table fits `max_width`.
void FitWidths(std::vector<std::size_t>& widths, std::size_t max_width) {
  if (max_width == 0 || widths.empty()) return;
  auto total = [&] {
    return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + 3 * widths.size() + 1;
  };
  while (total() > max_width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= kMinColumnWidth) break;
    --*widest;
  }
}

std::string Plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += CodePointWidth(NextCodePoint(text, i));
  return width;
}

std::string TruncateToWidth(std::string_view text, std::size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  std::size_t used = 0, i = 0;
  while (i < text.size()) {
    std::size_t before = i;
    std::size_t w = CodePointWidth(NextCodePoint(text, i));
    if (used + w > width - 1) {  // keep one column for the ellipsis
      i = before;
      break;
    }
    used += w;
  }
  return std::string(text.substr(0, i)) + "…";
}

std::string CellText(const Value& value) {
  std::string raw = value.ToString();
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else
      out += c;
  }
  return out;
}

std::string DescribeStats(const QueryStats& s) {
  std::vector<std::string> parts;
  auto add = [&](std::int64_t n, std::string_view verb, std::string_view one,
                 std::string_view many) {
    if (n) parts.push_back(fmt::format("{} {}", verb, Plural(n, one, many)));
  };
  add(s.nodes_created, "created", "node", "nodes");
  add(s.nodes_deleted, "deleted", "node", "nodes");
  add(s.relationships_created, "created", "relationship", "relationships");
  add(s.relationships_deleted, "deleted", "relationship", "relationships");
  add(s.properties_set, "set", "property", "properties");
  add(s.properties_removed, "removed", "property", "properties");
  add(s.labels_added, "added", "label", "labels");
  add(s.labels_removed, "removed", "label", "labels");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string RenderTable(const Result& result, const TableOptions& options) {
  std::string out;
  const std::size_t total_rows = result.row_count();
  const std::size_t shown = options.max_rows ? std::min(options.max_rows, total_rows) : total_rows;
  if (!result.columns().empty()) {
    std::vector<std::size_t> widths;
    for (const auto& c : result.columns()) widths.push_back(DisplayWidth(c));
    std::vector<std::vector<std::string>> cells;
    for (std::size_t r = 0; r < shown; ++r) {
      std::vector<std::string> line;
      for (std::size_t c = 0; c < widths.size(); ++c) {
        line.push_back(c < result.rows()[r].size() ? CellText(result.rows()[r][c]) : "");
        widths[c] = std::max(widths[c], DisplayWidth(line.back()));
      }
      cells.push_back(std::move(line));
    }
    FitWidths(widths, options.max_width);
    out += Border(widths, "┌", "┬", "┐");
    out += Line(result.columns(), widths);
    out += Border(widths, "├", "┼", "┤");
    for (const auto& line : cells) out += Line(line, widths);
    out += Border(widths, "└", "┴", "┘");
  }
  if (!options.footer) return out;
  out += TableFooter(total_rows, shown, result.stats(), options.elapsed_ms);
  if (!result.plan().empty()) out += result.plan() + (result.plan().back() == '\n' ? "" : "\n");
  return out;
}

std::string TableFooter(std::size_t total_rows, std::size_t shown, const QueryStats& stats,
                        std::optional<double> elapsed_ms) {
  std::string footer = Plural(static_cast<std::int64_t>(total_rows), "row", "rows");
  if (shown < total_rows) footer += fmt::format(" ({} not shown)", total_rows - shown);
  if (std::string changes = DescribeStats(stats); !changes.empty()) footer += ". " + changes;
  if (elapsed_ms) footer += fmt::format(", {:.2f} ms", *elapsed_ms);
  return footer + "\n";
}

}  // namespace parley::shell
