#include "engine/storage/csr_snapshot.h"

#include <algorithm>

namespace parley::storage {

CsrSnapshot::CsrSnapshot(std::uint64_t topology_version, std::vector<NodeId> nodes, Adjacency out,
                         Adjacency in)
    : topology_version_(topology_version),
      nodes_(std::move(nodes)),
      out_(std::move(out)),
      in_(std::move(in)) {
  // A direct id -> index table costs 4 bytes per id up to the largest; worth it unless
  // the ids are very sparse (many deletions), where a binary search serves instead.
  // Ascending unique ids end at size - 1 exactly when they are 0..size-1.
  identity_ = !nodes_.empty() && nodes_.back().value == nodes_.size() - 1;
  if (identity_) return;
  if (!nodes_.empty() && nodes_.back().value < 4 * nodes_.size() + 1024) {
    direct_.assign(nodes_.back().value + 1, kNoIndex);
    for (std::uint32_t i = 0; i < nodes_.size(); ++i) direct_[nodes_[i].value] = i;
  }
}

std::uint32_t CsrSnapshot::IndexOf(NodeId id) const {
  if (identity_) return id.value < nodes_.size() ? static_cast<std::uint32_t>(id.value) : kNoIndex;
  if (!direct_.empty()) return id.value < direct_.size() ? direct_[id.value] : kNoIndex;
  auto it = std::lower_bound(nodes_.begin(), nodes_.end(), id);
  if (it == nodes_.end() || *it != id) return kNoIndex;
  return static_cast<std::uint32_t>(it - nodes_.begin());
}

CsrSnapshot::Edges CsrSnapshot::Slice(const Adjacency& adjacency, std::uint32_t index) {
  std::uint64_t begin = adjacency.offsets[index];
  std::uint64_t size = adjacency.offsets[index + 1] - begin;
  return Edges{std::span(adjacency.targets).subspan(begin, size),
               std::span(adjacency.rels).subspan(begin, size),
               std::span(adjacency.types).subspan(begin, size)};
}

CsrSnapshot::Edges CsrSnapshot::OfType(const Edges& edges, RelTypeId type) {
  auto lo = std::lower_bound(edges.types.begin(), edges.types.end(), type);
  auto hi = std::upper_bound(lo, edges.types.end(), type);
  std::size_t begin = static_cast<std::size_t>(lo - edges.types.begin());
  std::size_t size = static_cast<std::size_t>(hi - lo);
  return Edges{edges.targets.subspan(begin, size), edges.rels.subspan(begin, size),
               edges.types.subspan(begin, size)};
}

std::span<const RelTypeId> SortedTypes(std::span<const RelTypeId> types,
                                       std::vector<RelTypeId>* storage) {
  if (types.size() <= 1) return types;
  storage->assign(types.begin(), types.end());
  std::sort(storage->begin(), storage->end());
  storage->erase(std::unique(storage->begin(), storage->end()), storage->end());
  return *storage;
}

}  // namespace parley::storage
