#include "engine/storage/property_column.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <string_view>
#include <utility>

namespace parley::storage {

PropertyColumn::Kind PropertyColumn::KindOf(const Value& value) {
  switch (value.type()) {
    case ValueType::kInt: return Kind::kInt;
    case ValueType::kFloat: return Kind::kFloat;
    case ValueType::kBool: return Kind::kBool;
    case ValueType::kString: return Kind::kString;
    default: return Kind::kValue;
  }
}

void PropertyColumn::Become(Kind kind) {
  if (kind == kind_) return;
  if (kind == Kind::kValue && kind_ != Kind::kEmpty) {
    // Mixed types: move what is there into Values first.
    std::vector<Value> values(size_);
    for (std::size_t i = 0; i < size_; ++i) {
      if (present_[i]) values[i] = Get(i);
    }
    dictionary_ = {};
    hashes_ = {};
    values_ = std::move(values);
    kind_ = kind;
    return;
  }
  dictionary_ = {};
  hashes_ = {};
  values_ = {};
  switch (kind) {
    case Kind::kInt:
    case Kind::kBool:
    case Kind::kFloat: words_.fill(0); break;
    case Kind::kString: codes_.fill(0); break;
    case Kind::kValue: values_.resize(size_); break;
    case Kind::kEmpty: break;
  }
  kind_ = kind;
}

void PropertyColumn::Set(std::size_t slot, const Value& value) {
  if (value.is_null()) {
    if (!present_[slot]) return;
    present_.reset(slot);
    if (kind_ == Kind::kValue) values_[slot] = Value();
    return;
  }
  Kind kind = KindOf(value);
  if (kind != kind_) {
    bool only_this = present_.none() || (present_.count() == 1 && present_[slot]);
    if (only_this) {
      present_.reset();
      Become(kind);
    } else {
      Become(Kind::kValue);
    }
  }
  present_.set(slot);
  switch (kind_) {
    case Kind::kInt: words_[slot] = static_cast<std::uint64_t>(value.as_int()); break;
    case Kind::kBool: words_[slot] = value.as_bool() ? 1 : 0; break;
    case Kind::kFloat: words_[slot] = std::bit_cast<std::uint64_t>(value.as_float()); break;
    case Kind::kString: codes_[slot] = CodeFor(value.as_string()); break;
    case Kind::kValue: values_[slot] = value; break;
    case Kind::kEmpty: break;
  }
}

std::uint8_t PropertyColumn::CodeFor(const std::string& s) {
  auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(s));
  for (std::size_t code = 0; code < dictionary_.size(); ++code) {
    if (hashes_[code] == hash && dictionary_[code] == s) return static_cast<std::uint8_t>(code);
  }
  if (dictionary_.size() == kMaxDictionary) CompactDictionary();
  dictionary_.push_back(s);
  hashes_.push_back(hash);
  return static_cast<std::uint8_t>(dictionary_.size() - 1);
}

void PropertyColumn::CompactDictionary() {
  std::array<std::int16_t, kMaxDictionary> renumbered;
  renumbered.fill(-1);
  std::vector<std::string> dictionary;
  std::vector<std::uint32_t> hashes;
  for (std::size_t slot = 0; slot < size_; ++slot) {
    if (!present_[slot]) continue;
    std::uint8_t& code = codes_[slot];
    if (renumbered[code] < 0) {
      renumbered[code] = static_cast<std::int16_t>(dictionary.size());
      dictionary.push_back(std::move(dictionary_[code]));
      hashes.push_back(hashes_[code]);
    }
    code = static_cast<std::uint8_t>(renumbered[code]);
  }
  dictionary_ = std::move(dictionary);
  hashes_ = std::move(hashes);
}

void PropertyColumn::AddNumericRange(double* min, double* max, std::uint64_t* count) const {
  auto add = [&](double x) {
    *min = std::min(*min, x);
    *max = std::max(*max, x);
    ++*count;
  };
  for (std::size_t i = 0; i < size_; ++i) {
    if (!present_[i]) continue;
    switch (kind_) {
      case Kind::kInt: add(static_cast<double>(static_cast<std::int64_t>(words_[i]))); break;
      case Kind::kFloat:
        if (double x = std::bit_cast<double>(words_[i]); !std::isnan(x)) add(x);
        break;
      case Kind::kValue:
        if (values_[i].is_number() && !std::isnan(values_[i].as_number())) {
          add(values_[i].as_number());
        }
        break;
      default: return;  // strings, booleans: not numeric
    }
  }
}

}  // namespace parley::storage
