#include "shell/format/table_writer.h"

#include <gtest/gtest.h>

#include "shell/format/json_writer.h"

namespace parley::shell {
namespace {

Result TwoColumns() {
  return Result({"name", "n"}, {{Value("missile defense"), Value(3)}, {Value("Kosovo"), Value(12)}},
                {});
}

TEST(TableWriterTest, DrawsAnAlignedBoxWithRowCount) {
  EXPECT_EQ(RenderTable(TwoColumns(), {}),
            "┌───────────────────┬────┐\n"
            "│ name              │ n  │\n"
            "├───────────────────┼────┤\n"
            "│ 'missile defense' │ 3  │\n"
            "│ 'Kosovo'          │ 12 │\n"
            "└───────────────────┴────┘\n"
            "2 rows\n");
}

TEST(TableWriterTest, ShowsTimeAndChanges) {
  QueryStats stats;
  stats.nodes_created = 2;
  stats.properties_set = 1;
  Result r({}, {}, stats);
  EXPECT_EQ(RenderTable(r, {0, 0, 1.5}), "0 rows. Created 2 nodes, set 1 property, 1.50 ms\n");
}

TEST(TableWriterTest, LimitsRowsAndSaysHowManyWereLeftOut) {
  Result r({"x"}, {{Value(1)}, {Value(2)}, {Value(3)}}, {});
  std::string table = RenderTable(r, {0, 2, std::nullopt});
  EXPECT_NE(table.find("│ 2 │"), std::string::npos);
  EXPECT_EQ(table.find("│ 3 │"), std::string::npos);
  EXPECT_NE(table.find("3 rows (1 not shown)"), std::string::npos);
}

TEST(TableWriterTest, TruncatesWideCellsWithAnEllipsisToFitTheWidth) {
  Result r({"text"}, {{Value(std::string(100, 'a'))}}, {});
  std::string table = RenderTable(r, {30, 0, std::nullopt});
  std::size_t line_start = 0;
  while (line_start < table.size()) {
    std::size_t end = table.find('\n', line_start);
    EXPECT_LE(DisplayWidth(table.substr(line_start, end - line_start)), 30u);
    line_start = end + 1;
  }
  EXPECT_NE(table.find("aaa…"), std::string::npos);
}

TEST(TableWriterTest, MeasuresWideCharactersAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("Łódź"), 4u);
  EXPECT_EQ(DisplayWidth("日本"), 4u);
  EXPECT_EQ(TruncateToWidth("日本語", 4), "日…");
  EXPECT_EQ(TruncateToWidth("abc", 3), "abc");
}

TEST(TableWriterTest, EscapesControlCharactersInCells) {
  EXPECT_EQ(CellText(Value("a\nb")), "'a\\nb'");
}

TEST(JsonWriterTest, WritesColumnsRowsAndAllEightCounters) {
  EXPECT_EQ(ResultToJsonLine(TwoColumns(), std::nullopt),
            "{\"columns\":[\"name\",\"n\"],\"rows\":[[\"missile defense\",3],[\"Kosovo\",12]],"
            "\"stats\":{\"nodes_created\":0,\"nodes_deleted\":0,\"relationships_created\":0,"
            "\"relationships_deleted\":0,\"properties_set\":0,\"labels_added\":0,"
            "\"labels_removed\":0,\"properties_removed\":0}}");
  EXPECT_NE(ResultToJsonLine(TwoColumns(), 1.25).find(",\"elapsed_ms\":1.25}"), std::string::npos);
}

TEST(JsonWriterTest, ErrorLineOmitsEmptyDetailAndUnknownPosition) {
  EXPECT_EQ(ErrorToJsonLine(Error(ErrorKind::kSyntaxError, "UndefinedVariable", "no `b`"),
                            SourcePos{1, 14}),
            "{\"error\":{\"kind\":\"SyntaxError\",\"detail\":\"UndefinedVariable\","
            "\"message\":\"no `b`\",\"line\":1,\"column\":14}}");
  EXPECT_EQ(ErrorToJsonLine(Error(ErrorKind::kRuntimeError, "", "boom"), SourcePos{}),
            "{\"error\":{\"kind\":\"RuntimeError\",\"message\":\"boom\"}}");
}

}  // namespace
}  // namespace parley::shell
