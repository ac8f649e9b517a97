#include "engine/import/csv_reader.h"

namespace parley::import {

CsvReader::CsvReader(std::string_view data, char delimiter) : data_(data), delimiter_(delimiter) {
  if (data_.substr(0, 3) == "\xef\xbb\xbf") pos_ = 3;
}

bool CsvReader::AtRecordEnd() const {
  return pos_ >= data_.size() || data_[pos_] == '\n' ||
         (data_[pos_] == '\r' && (pos_ + 1 == data_.size() || data_[pos_ + 1] == '\n'));
}

void CsvReader::SkipRecordEnd() {
  if (pos_ < data_.size() && data_[pos_] == '\r') ++pos_;
  if (pos_ < data_.size() && data_[pos_] == '\n') {
    ++pos_;
    ++line_;
  }
}

void CsvReader::ReadQuoted(CsvField* field, CsvRecord* record) {
  field->quoted = true;
  ++pos_;  // the opening quote
  while (true) {
    if (pos_ >= data_.size()) {
      record->error = "a quoted field is not closed";
      return;
    }
    char c = data_[pos_++];
    if (c == '"') {
      if (pos_ < data_.size() && data_[pos_] == '"') {
        field->text.push_back('"');
        ++pos_;
        continue;
      }
      break;
    }
    if (c == '\n') ++line_;
    field->text.push_back(c);
  }
  if (!AtRecordEnd() && data_[pos_] != delimiter_) {
    record->error = "unexpected text after the closing quote of a field";
    while (!AtRecordEnd() && data_[pos_] != delimiter_) ++pos_;  // resynchronise
  }
}

void CsvReader::ReadPlain(CsvField* field) {
  std::size_t start = pos_;
  while (!AtRecordEnd() && data_[pos_] != delimiter_) ++pos_;
  field->text.assign(data_.substr(start, pos_ - start));
}

bool CsvReader::Next(CsvRecord* record) {
  while (pos_ < data_.size() && AtRecordEnd()) SkipRecordEnd();  // blank lines
  if (pos_ >= data_.size()) return false;
  record->fields.clear();
  record->error.clear();
  record->line = line_;
  while (true) {
    CsvField& field = record->fields.emplace_back();
    if (pos_ < data_.size() && data_[pos_] == '"') {
      ReadQuoted(&field, record);
    } else {
      ReadPlain(&field);
    }
    if (AtRecordEnd()) break;
    ++pos_;  // the delimiter
  }
  SkipRecordEnd();
  return true;
}

}  // namespace parley::import
