#include "engine/storage/property_column.h"

#include <algorithm>
#include <bit>
#include <cmath>
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
    strings_ = {};
    values_ = std::move(values);
    kind_ = kind;
    return;
  }
  strings_ = {};
  values_ = {};
  switch (kind) {
    case Kind::kInt:
    case Kind::kBool:
    case Kind::kFloat: words_.fill(0); break;
    case Kind::kString: strings_.resize(size_); break;
    case Kind::kValue: values_.resize(size_); break;
    case Kind::kEmpty: break;
  }
  kind_ = kind;
}

void PropertyColumn::Set(std::size_t slot, const Value& value) {
  if (value.is_null()) {
    if (!present_[slot]) return;
    present_.reset(slot);
    if (kind_ == Kind::kString) std::string().swap(strings_[slot]);
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
    case Kind::kString: strings_[slot] = value.as_string(); break;
    case Kind::kValue: values_[slot] = value; break;
    case Kind::kEmpty: break;
  }
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
