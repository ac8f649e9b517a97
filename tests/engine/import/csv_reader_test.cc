#include "engine/import/csv_reader.h"

#include <gtest/gtest.h>

namespace parley::import {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view data, char delimiter = ',') {
  CsvReader reader(data, delimiter);
  std::vector<std::vector<std::string>> out;
  for (CsvRecord r; reader.Next(&r);) {
    std::vector<std::string> fields;
    for (const auto& f : r.fields) fields.emplace_back(f.text);
    out.push_back(fields);
  }
  return out;
}

TEST(CsvReaderTest, SplitsFieldsAndRecords) {
  auto rows = ReadAll("a,b,c\n1,,3\r\n\n4,5,6");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "", "3"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"4", "5", "6"}));
}

TEST(CsvReaderTest, QuotedFieldsHoldDelimitersQuotesAndNewlines) {
  CsvReader reader("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,\"\"\n", ',');
  CsvRecord r;
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_EQ(r.fields.size(), 3u);
  EXPECT_EQ(r.fields[0].text, "a,b");
  EXPECT_EQ(r.fields[1].text, "say \"hi\"");
  EXPECT_EQ(r.fields[2].text, "two\nlines");
  EXPECT_TRUE(r.fields[2].quoted);
  EXPECT_EQ(r.line, 1u);
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.line, 3u);  // the quoted newline counted
  EXPECT_EQ(r.fields[1].text, "");
  EXPECT_TRUE(r.fields[1].quoted);
  EXPECT_FALSE(reader.Next(&r));
}

TEST(CsvReaderTest, ReportsUnclosedQuotesAndTextAfterQuotes) {
  CsvReader reader("\"ok\"x,1\n\"never closed\n", ',');
  CsvRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_FALSE(r.error.empty());
  EXPECT_EQ(r.fields.size(), 2u);
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_FALSE(r.error.empty());
}

TEST(CsvReaderTest, OtherDelimitersAndByteOrderMark) {
  auto rows = ReadAll("\xef\xbb\xbfid|name\n1|a,b", '|');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "id");
  EXPECT_EQ(rows[1][1], "a,b");
}

}  // namespace
}  // namespace parley::import
