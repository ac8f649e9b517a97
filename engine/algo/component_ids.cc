#include <limits>

#include "engine/algo/algorithms.h"

namespace parley::algo {

std::vector<std::int64_t> ComponentIds(const Topology& t, const std::vector<std::uint32_t>& comp,
                                       std::uint32_t count) {
  std::vector<std::uint32_t> smallest(count, std::numeric_limits<std::uint32_t>::max());
  // Indexes ascend with node ids, so the first index met per component is its smallest.
  for (std::uint32_t i = 0; i < comp.size(); ++i) {
    if (smallest[comp[i]] > i) smallest[comp[i]] = i;
  }
  std::vector<std::int64_t> ids(comp.size());
  for (std::uint32_t i = 0; i < comp.size(); ++i) {
    ids[i] = static_cast<std::int64_t>(t.NodeAt(smallest[comp[i]]).value);
  }
  return ids;
}

}  // namespace parley::algo
