// PropertyColumn: the values of one property key over a fixed run of node ids (a
// NodeTable page), stored by type.
//
// Why typed: parley::Value is over a hundred bytes, most of it for kinds a column rarely
// holds; integers, floats, booleans and strings are kept in plain arrays instead, so a
// scan reading one property touches 8 bytes (or one byte) per node, not a whole record. A
// column whose values mix types, or hold temporal values or lists, falls back to an array
// of Value.
//
// Strings are dictionary-coded: each slot holds a one-byte code into the column's own
// list of distinct strings. Properties such as a city or a country repeat a handful of
// values across thousands of nodes; a scan grouping by one looks up each distinct string
// of a page once instead of hashing and comparing it on every row.
//
// Thread-safety: none; NodeTable publishes columns only after it stops changing them.
#ifndef PARLEY_ENGINE_STORAGE_PROPERTY_COLUMN_H_
#define PARLEY_ENGINE_STORAGE_PROPERTY_COLUMN_H_

#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parley/value.h"

namespace parley::storage {

class PropertyColumn {
 public:
  static constexpr std::size_t kMaxSize = 128;
  // How the values are kept: kEmpty (no value), kInt, kFloat, kBool, kString
  // (dictionary-coded) or kValue (anything, as Value).
  enum class Kind : std::uint8_t { kEmpty, kInt, kFloat, kBool, kString, kValue };
  // Dictionary codes of a kString column are below this. A code is one byte; a full
  // dictionary is compacted to the strings in use (at most kMaxSize), which frees codes.
  static constexpr std::size_t kMaxDictionary = 256;
  static_assert(kMaxSize < kMaxDictionary);

  // REQUIRES: 0 < size <= kMaxSize.
  explicit PropertyColumn(std::size_t size) : size_(size) {}

  // Null when slot `slot` has no value. REQUIRES: slot < size. Inline: the hot read.
  Value Get(std::size_t slot) const {
    if (!present_[slot]) return Value();
    switch (kind_) {
      case Kind::kInt: return Value(static_cast<std::int64_t>(words_[slot]));
      case Kind::kBool: return Value(words_[slot] != 0);
      case Kind::kFloat: return Value(std::bit_cast<double>(words_[slot]));
      case Kind::kString: return Value(dictionary_[codes_[slot]]);
      case Kind::kValue: return values_[slot];
      case Kind::kEmpty: break;
    }
    return Value();
  }
  bool Has(std::size_t slot) const { return present_[slot]; }

  // Typed reads for column-at-a-time scans; each REQUIRES Has(slot) and the kind named.
  Kind kind() const { return kind_; }
  const std::bitset<kMaxSize>& present() const { return present_; }
  std::int64_t IntAt(std::size_t slot) const {  // kInt
    return static_cast<std::int64_t>(words_[slot]);
  }
  double FloatAt(std::size_t slot) const {  // kFloat
    return std::bit_cast<double>(words_[slot]);
  }
  // kString: the slot's value is Dictionary()[CodeAt(slot)]. The dictionary holds each
  // distinct string once, and may hold strings no slot uses any more.
  std::uint8_t CodeAt(std::size_t slot) const { return codes_[slot]; }
  std::span<const std::string> Dictionary() const { return dictionary_; }

  // Stores `value`; null clears the slot. REQUIRES: a property value (see value_codec.h).
  void Set(std::size_t slot, const Value& value);
  bool empty() const { return present_.none(); }
  // Folds the column's numeric values into [*min, *max] and adds their number to *count.
  void AddNumericRange(double* min, double* max, std::uint64_t* count) const;

 private:
  static Kind KindOf(const Value& value);
  void Become(Kind kind);  // REQUIRES: empty() or kind == Kind::kValue
  std::uint8_t CodeFor(const std::string& s);  // adds `s` to the dictionary if absent
  void CompactDictionary();

  std::size_t size_;
  Kind kind_ = Kind::kEmpty;
  std::bitset<kMaxSize> present_;
  // kInt, kBool (0/1) and kFloat (the double's bits) inline: a read is one access.
  std::array<std::uint64_t, kMaxSize> words_{};
  // kString: codes_[slot] indexes dictionary_; hashes_[code] is the hash of
  // dictionary_[code], so finding a string's code compares hashes before strings.
  std::array<std::uint8_t, kMaxSize> codes_{};
  std::vector<std::string> dictionary_;
  std::vector<std::uint32_t> hashes_;
  std::vector<Value> values_;
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_PROPERTY_COLUMN_H_
