// IdSpace: the node ids of one `:ID(Group)` space during an import, mapped to NodeIds.
//
// Ids are strings, or integers with IdType::kInteger. Small non-negative integers (the
// usual 0..n-1 numbering) live in a dense table, which keeps the lookups of large
// relationship files cheap; other ids in hash maps. Not thread-safe.
#ifndef PARLEY_ENGINE_IMPORT_ID_SPACE_H_
#define PARLEY_ENGINE_IMPORT_ID_SPACE_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/common/ids.h"
#include "parley/value.h"

namespace parley::import {

class IdSpace {
 public:
  // REQUIRES: `id` is an integer or a string value.
  std::optional<NodeId> Find(const Value& id) const {
    if (id.is_string()) {
      auto it = strings_.find(id.as_string());
      return it == strings_.end() ? std::nullopt : std::optional<NodeId>(it->second);
    }
    std::int64_t v = id.as_int();
    if (v >= 0 && static_cast<std::uint64_t>(v) < dense_.size()) {
      std::uint64_t slot = dense_[static_cast<std::size_t>(v)];
      return slot == 0 ? std::nullopt : std::optional<NodeId>(NodeId(slot - 1));
    }
    auto it = integers_.find(v);
    return it == integers_.end() ? std::nullopt : std::optional<NodeId>(it->second);
  }

  // REQUIRES: !Find(id).
  void Insert(const Value& id, NodeId node) {
    if (id.is_string()) {
      strings_.emplace(id.as_string(), node);
      return;
    }
    std::int64_t v = id.as_int();
    if (v >= 0 && v < kDenseLimit) {
      auto index = static_cast<std::size_t>(v);
      if (index >= dense_.size()) dense_.resize(std::max(index + 1, dense_.size() * 2), 0);
      dense_[index] = node.value + 1;  // 0 marks an empty slot
      return;
    }
    integers_.emplace(v, node);
  }

 private:
  static constexpr std::int64_t kDenseLimit = std::int64_t{1} << 24;  // at most 128 MiB

  std::vector<std::uint64_t> dense_;  // id -> NodeId + 1
  std::unordered_map<std::int64_t, NodeId> integers_;
  std::unordered_map<std::string, NodeId> strings_;
};

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_ID_SPACE_H_
