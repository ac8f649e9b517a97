// CsvReader: RFC 4180 records from an in-memory file.
//
// Fields are separated by `delimiter`; records end at LF or CRLF. A field that starts
// with `"` is quoted: it may contain delimiters and line breaks, `""` stands for one
// quote, and the closing quote must be followed by a delimiter or the end of the record.
// Blank lines are skipped; a UTF-8 byte-order mark at the start is ignored.
//
// Fields are views, not copies: into the reader's data, or, for a quoted field holding
// `""`, into storage of the record. They stay valid while both the data and the record
// live, until the next Next() on that record.
#ifndef PARLEY_ENGINE_IMPORT_CSV_READER_H_
#define PARLEY_ENGINE_IMPORT_CSV_READER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace parley::import {

struct CsvField {
  std::string_view text;  // the value, quotes removed and `""` unescaped
  bool quoted = false;
};

struct CsvRecord {
  std::vector<CsvField> fields;
  std::uint64_t line = 0;             // 1-based line where the record starts
  std::string error;                  // non-empty: the record is malformed (e.g. an unclosed quote)
  std::deque<std::string> unescaped;  // the text of quoted fields that held `""`
};

class CsvReader {
 public:
  // REQUIRES: `data` outlives the reader.
  CsvReader(std::string_view data, char delimiter);

  // Reads the next record into `*record`; false at the end of the data.
  bool Next(CsvRecord* record);
  std::uint64_t offset() const { return pos_; }  // bytes consumed so far

 private:
  bool AtRecordEnd() const;
  void SkipRecordEnd();
  void ReadQuoted(CsvField* field, CsvRecord* record);
  void ReadPlain(CsvField* field);

  std::string_view data_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
};

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_CSV_READER_H_
