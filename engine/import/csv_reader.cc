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

// The text between the quotes is a slice of the data unless it holds `""`; only then is
// it copied, unescaped, into the record.
void CsvReader::ReadQuoted(CsvField* field, CsvRecord* record) {
  field->quoted = true;
  ++pos_;  // the opening quote
  std::size_t start = pos_;
  std::string* copy = nullptr;
  while (true) {
    if (pos_ >= data_.size()) {
      record->error = "a quoted field is not closed";
      field->text = copy != nullptr ? std::string_view(*copy) : data_.substr(start);
      return;
    }
    char c = data_[pos_];
    if (c == '"') {
      if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
        if (copy == nullptr) {
          copy = &record->unescaped.emplace_back(data_.substr(start, pos_ - start));
        }
        copy->push_back('"');
        pos_ += 2;
        continue;
      }
      if (copy == nullptr) field->text = data_.substr(start, pos_ - start);
      ++pos_;  // the closing quote
      break;
    }
    if (c == '\n') ++line_;
    if (copy != nullptr) copy->push_back(c);
    ++pos_;
  }
  if (copy != nullptr) field->text = *copy;
  if (!AtRecordEnd() && data_[pos_] != delimiter_) {
    record->error = "unexpected text after the closing quote of a field";
    while (!AtRecordEnd() && data_[pos_] != delimiter_) ++pos_;  // resynchronise
  }
}

void CsvReader::ReadPlain(CsvField* field) {
  std::size_t start = pos_;
  while (!AtRecordEnd() && data_[pos_] != delimiter_) ++pos_;
  field->text = data_.substr(start, pos_ - start);
}

bool CsvReader::Next(CsvRecord* record) {
  while (pos_ < data_.size() && AtRecordEnd()) SkipRecordEnd();  // blank lines
  if (pos_ >= data_.size()) return false;
  record->fields.clear();
  record->error.clear();
  record->unescaped.clear();
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
