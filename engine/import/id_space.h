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
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/common/ids.h"
#include "parley/value.h"

namespace parley::import {

class IdSpace {
 public:
  std::optional<NodeId> Find(std::int64_t id) const {
    if (id >= 0 && static_cast<std::uint64_t>(id) < dense_.size()) {
      std::uint64_t slot = dense_[static_cast<std::size_t>(id)];
      return slot == 0 ? std::nullopt : std::optional<NodeId>(NodeId(slot - 1));
    }
    auto it = integers_.find(id);
    return it == integers_.end() ? std::nullopt : std::optional<NodeId>(it->second);
  }
  std::optional<NodeId> Find(std::string_view id) const {
    auto it = strings_.find(id);
    return it == strings_.end() ? std::nullopt : std::optional<NodeId>(it->second);
  }
  // REQUIRES: `id` is an integer or a string value.
  std::optional<NodeId> Find(const Value& id) const {
    return id.is_string() ? Find(std::string_view(id.as_string())) : Find(id.as_int());
  }

  // REQUIRES: !Find(id).
  void Insert(std::int64_t id, NodeId node) {
    if (id >= 0 && id < kDenseLimit) {
      auto index = static_cast<std::size_t>(id);
      if (index >= dense_.size()) dense_.resize(std::max(index + 1, dense_.size() * 2), 0);
      dense_[index] = node.value + 1;  // 0 marks an empty slot
      return;
    }
    integers_.emplace(id, node);
  }
  void Insert(std::string_view id, NodeId node) { strings_.emplace(id, node); }
  // REQUIRES: `id` is an integer or a string value; !Find(id).
  void Insert(const Value& id, NodeId node) {
    if (id.is_string()) {
      Insert(std::string_view(id.as_string()), node);
    } else {
      Insert(id.as_int(), node);
    }
  }

 private:
  static constexpr std::int64_t kDenseLimit = std::int64_t{1} << 24;  // at most 128 MiB

  // Lets the string map be searched with a string_view, without a std::string per lookup.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  std::vector<std::uint64_t> dense_;  // id -> NodeId + 1
  std::unordered_map<std::int64_t, NodeId> integers_;
  std::unordered_map<std::string, NodeId, StringHash, std::equal_to<>> strings_;
};

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_ID_SPACE_H_
