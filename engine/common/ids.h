// Typed identifiers, so a label id is never passed where a node id is meant.
#ifndef PARLEY_ENGINE_COMMON_IDS_H_
#define PARLEY_ENGINE_COMMON_IDS_H_

#include <compare>
#include <cstdint>
#include <functional>

namespace parley {

template <typename Tag, typename Rep>
struct StrongId {
  Rep value = 0;
  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep v) : value(v) {}
  friend constexpr auto operator<=>(StrongId, StrongId) = default;
};

using NodeId = StrongId<struct NodeIdTag, std::uint64_t>;
using RelId = StrongId<struct RelIdTag, std::uint64_t>;
using LabelId = StrongId<struct LabelIdTag, std::uint32_t>;
using RelTypeId = StrongId<struct RelTypeIdTag, std::uint32_t>;
using PropKeyId = StrongId<struct PropKeyIdTag, std::uint32_t>;

enum class Direction : std::uint8_t { kOut, kIn, kBoth };

}  // namespace parley

template <typename Tag, typename Rep>
struct std::hash<parley::StrongId<Tag, Rep>> {
  std::size_t operator()(parley::StrongId<Tag, Rep> id) const noexcept {
    return std::hash<Rep>()(id.value);
  }
};

#endif  // PARLEY_ENGINE_COMMON_IDS_H_
