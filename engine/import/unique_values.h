// UniqueValues: the values one uniqueness constraint (label, key) has seen during an import,
// each with the node that holds it, so that a row repeating one is found before it is
// loaded.
//
// Values are equal as the store's index compares them (storage::EncodeIndexValue):
// numbers across integer and float (1 = 1.0), everything else by type and value. Integer
// and string values, the usual ids, live in an IdSpace (a run of consecutive integer ids
// held by consecutive nodes costs no memory, small integers a dense table); a float with an
// integral value counts as that integer; other values are kept by their index encoding.
// Not thread-safe.
#ifndef PARLEY_ENGINE_IMPORT_UNIQUE_VALUES_H_
#define PARLEY_ENGINE_IMPORT_UNIQUE_VALUES_H_

#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/import/id_space.h"
#include "engine/storage/key_codec.h"
#include "parley/value.h"

namespace parley::import {

class UniqueValues {
 public:
  // NaN equals nothing, so it is never a duplicate and is not kept (nor is it in the index
  // seeks that check uniqueness in transactions).
  static bool Constrained(const Value& value) {
    return !value.is_null() && !(value.is_float() && std::isnan(value.as_float()));
  }

  // The node holding `value`, if any. REQUIRES: Constrained(value).
  std::optional<NodeId> Find(const Value& value) const {
    if (auto integer = AsInteger(value)) return ids_.Find(*integer);
    if (value.is_string()) return ids_.Find(std::string_view(value.as_string()));
    auto it = others_.find(Encode(value));
    return it == others_.end() ? std::nullopt : std::optional<NodeId>(it->second);
  }
  // REQUIRES: Constrained(value), !Find(value).
  void Insert(const Value& value, NodeId node) {
    if (auto integer = AsInteger(value)) {
      ids_.Insert(*integer, node);
    } else if (value.is_string()) {
      ids_.Insert(std::string_view(value.as_string()), node);
    } else {
      others_.emplace(Encode(value), node);
    }
  }

 private:
  static std::optional<std::int64_t> AsInteger(const Value& value) {
    if (value.is_int()) return value.as_int();
    if (!value.is_float()) return std::nullopt;
    double d = value.as_float();
    // [-2^63, 2^63): the doubles that convert to an int64 exactly when integral.
    if (std::trunc(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(d);
  }
  static std::string Encode(const Value& value) {
    std::string out;
    storage::EncodeIndexValue(value, &out);
    return out;
  }

  IdSpace ids_;
  std::unordered_map<std::string, NodeId> others_;
};

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_UNIQUE_VALUES_H_
