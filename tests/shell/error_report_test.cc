#include "shell/error_report.h"

#include <gtest/gtest.h>

namespace parley::shell {
namespace {

TEST(ErrorReportTest, ShowsKindDetailMessageLineAndCaret) {
  Error e(ErrorKind::kSyntaxError, "UndefinedVariable", "variable `b` is not defined");
  EXPECT_EQ(FormatErrorForHumans(e, {2, 8}, "RETURN 1;\nRETURN b;", ""),
            "error: SyntaxError/UndefinedVariable: variable `b` is not defined\n"
            "  at line 2, column 8\n"
            "  RETURN b;\n"
            "         ^\n");
}

TEST(ErrorReportTest, NamesTheFileAndOmitsAnEmptyDetail) {
  Error e(ErrorKind::kTypeError, "", "bad");
  EXPECT_EQ(FormatErrorForHumans(e, {1, 1}, "x", "q.cypher"),
            "error: TypeError: bad\n  at q.cypher:1:1\n  x\n  ^\n");
  EXPECT_EQ(FormatErrorForHumans(e, {}, "x", ""), "error: TypeError: bad\n");
}

TEST(ErrorReportTest, CaretCountsCodePointsAndKeepsTabs) {
  EXPECT_EQ(CaretLine("'äö' x", 6), "     ^");
  EXPECT_EQ(CaretLine("\tx", 2), "\t^");
  EXPECT_EQ(CaretLine("日本 x", 4), "     ^");
}

TEST(ErrorReportTest, LineOfFindsLines) {
  EXPECT_EQ(LineOf("a\r\nb\nc", 1), "a");
  EXPECT_EQ(LineOf("a\nb\nc", 3), "c");
  EXPECT_EQ(LineOf("a", 4), "");
}

}  // namespace
}  // namespace parley::shell
