// PropertyColumn: the values of one property key over a fixed run of node ids (a
// NodeTable page), stored by type.
//
// Why typed: parley::Value is over a hundred bytes, most of it for kinds a column rarely
// holds; integers, floats, booleans and strings are kept in plain arrays instead, so a
// scan reading one property touches 8 (or 32) bytes per node, not a whole record. A column
// whose values mix types, or hold temporal values or lists, falls back to an array of
// Value.
//
// Thread-safety: none; NodeTable publishes columns only after it stops changing them.
#ifndef PARLEY_ENGINE_STORAGE_PROPERTY_COLUMN_H_
#define PARLEY_ENGINE_STORAGE_PROPERTY_COLUMN_H_

#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/value.h"

namespace parley::storage {

class PropertyColumn {
 public:
  static constexpr std::size_t kMaxSize = 128;

  // REQUIRES: 0 < size <= kMaxSize.
  explicit PropertyColumn(std::size_t size) : size_(size) {}

  // Null when slot `slot` has no value. REQUIRES: slot < size. Inline: the hot read.
  Value Get(std::size_t slot) const {
    if (!present_[slot]) return Value();
    switch (kind_) {
      case Kind::kInt: return Value(static_cast<std::int64_t>(words_[slot]));
      case Kind::kBool: return Value(words_[slot] != 0);
      case Kind::kFloat: return Value(std::bit_cast<double>(words_[slot]));
      case Kind::kString: return Value(strings_[slot]);
      case Kind::kValue: return values_[slot];
      case Kind::kEmpty: break;
    }
    return Value();
  }
  bool Has(std::size_t slot) const { return present_[slot]; }
  // Stores `value`; null clears the slot. REQUIRES: a property value (see value_codec.h).
  void Set(std::size_t slot, const Value& value);
  bool empty() const { return present_.none(); }
  // Folds the column's numeric values into [*min, *max] and adds their number to *count.
  void AddNumericRange(double* min, double* max, std::uint64_t* count) const;

 private:
  enum class Kind : std::uint8_t { kEmpty, kInt, kFloat, kBool, kString, kValue };
  static Kind KindOf(const Value& value);
  void Become(Kind kind);  // REQUIRES: empty() or kind == Kind::kValue

  std::size_t size_;
  Kind kind_ = Kind::kEmpty;
  std::bitset<kMaxSize> present_;
  // kInt, kBool (0/1) and kFloat (the double's bits) inline: a read is one access.
  std::array<std::uint64_t, kMaxSize> words_{};
  std::vector<std::string> strings_;
  std::vector<Value> values_;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_PROPERTY_COLUMN_H_
