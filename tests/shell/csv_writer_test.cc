#include "shell/format/csv_writer.h"

#include <gtest/gtest.h>

namespace parley::shell {
namespace {

TEST(CsvWriterTest, WritesHeaderAndRecordsWithCrlf) {
  Result r({"name", "n", "x"}, {{Value("Kosovo"), Value(3), Value()}}, {});
  EXPECT_EQ(ResultToCsv(r), "name,n,x\r\nKosovo,3,\r\n");
}

TEST(CsvWriterTest, QuotesFieldsWithSeparatorsQuotesAndLineBreaks) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

TEST(CsvWriterTest, NonStringValuesUseTheirLiteralForm) {
  Result r({"l", "f"}, {{Value(List{Value(1), Value("a")}), Value(1.5)}}, {});
  EXPECT_EQ(ResultToCsv(r), "l,f\r\n\"[1, 'a']\",1.5\r\n");
}

}  // namespace
}  // namespace parley::shell
