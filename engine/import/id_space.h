// IdSpace: the node ids of one `:ID(Group)` space during an import, mapped to NodeIds.
//
// Ids are strings, or integers with IdType::kInteger. Small non-negative integers (the
// usual 0..n-1 numbering) live in a dense table, which keeps the lookups of large
// relationship files cheap; other ids in hash maps. The dense table holds 32-bit offsets
// from the space's first node (an import creates its nodes with ascending ids), half the
// cache footprint of full NodeIds. Before any table, while the integer ids arrive as one
// run (k, k+1, k+2, ... for consecutive nodes, as exports number them), the mapping is
// arithmetic: lookups touch no memory at all. Not thread-safe.
#ifndef PARLEY_ENGINE_IMPORT_ID_SPACE_H_
#define PARLEY_ENGINE_IMPORT_ID_SPACE_H_

#include <algorithm>
#include <cstdint>
#include <limits>
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
    if (run_) {
      std::uint64_t offset =
          static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(run_first_);
      return offset < run_length_ ? std::optional<NodeId>(NodeId(base_ + offset)) : std::nullopt;
    }
    if (id >= 0 && static_cast<std::uint64_t>(id) < dense_.size()) {
      std::uint32_t slot = dense_[static_cast<std::size_t>(id)];
      if (slot != 0) return NodeId(base_ + slot - 1);
      // An empty slot: the id is absent, or was too far from base_ for an offset.
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
    if (!has_base_) {
      base_ = node.value;
      run_first_ = id;
      has_base_ = true;
    }
    if (run_) {
      if (static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(run_first_) == run_length_ &&
          node.value == base_ + run_length_) {
        ++run_length_;
        return;
      }
      run_ = false;  // from now on the table: first the run so far
      for (std::uint64_t k = 0; k < run_length_; ++k) {
        InsertInTable(static_cast<std::int64_t>(static_cast<std::uint64_t>(run_first_) + k),
                      NodeId(base_ + k));
      }
    }
    InsertInTable(id, node);
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
  void InsertInTable(std::int64_t id, NodeId node) {
    if (id >= 0 && id < kDenseLimit && node.value >= base_ &&
        node.value - base_ < std::numeric_limits<std::uint32_t>::max()) {
      auto index = static_cast<std::size_t>(id);
      if (index >= dense_.size()) dense_.resize(std::max(index + 1, dense_.size() * 2), 0);
      dense_[index] = static_cast<std::uint32_t>(node.value - base_ + 1);  // 0: empty
      return;
    }
    integers_.emplace(id, node);
  }

  static constexpr std::int64_t kDenseLimit = std::int64_t{1} << 24;  // at most 64 MiB

  // Lets the string map be searched with a string_view, without a std::string per lookup.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  std::vector<std::uint32_t> dense_;  // id -> NodeId - base_ + 1
  std::uint64_t base_ = 0;            // the first node inserted
  bool has_base_ = false;
  bool run_ = true;             // every integer id so far is in the run (no table yet)
  std::int64_t run_first_ = 0;  // the run: run_first_ + k -> base_ + k, k < run_length_
  std::uint64_t run_length_ = 0;
  std::unordered_map<std::int64_t, NodeId> integers_;
  std::unordered_map<std::string, NodeId, StringHash, std::equal_to<>> strings_;
};

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_ID_SPACE_H_
