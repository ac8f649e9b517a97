#include "engine/storage/csr_delta.h"

#include <mutex>

namespace parley::storage {

void CsrDelta::Apply(std::span<const Change> changes, std::uint64_t version) {
  if (changes.empty()) return;
  std::unique_lock lock(mutex_);
  auto node = [&](NodeId id) -> Node& {
    return nodes_.try_emplace(id.value, Node{version, {}, {}}).first->second;
  };
  for (const Change& change : changes) {
    // A self-loop is one edge of each direction on the same node, as in the snapshot.
    const std::pair<NodeId, bool> ends[] = {{change.start, true}, {change.end, false}};
    if (change.created) {
      created_.insert(change.rel.value);
      for (auto [self, outgoing] : ends) {
        NodeId other = outgoing ? change.end : change.start;
        node(self).edges.push_back({change.rel, change.type, other, outgoing, version});
      }
    } else if (created_.contains(change.rel.value)) {
      for (auto [self, outgoing] : ends) {
        for (Edge& edge : node(self).edges) {
          if (edge.rel == change.rel && edge.outgoing == outgoing) edge.deleted = version;
        }
      }
    } else {
      for (auto [self, outgoing] : ends) node(self).deleted.emplace_back(change.rel, version);
    }
  }
  size_.fetch_add(changes.size(), std::memory_order_relaxed);
  if (first_version_.load(std::memory_order_relaxed) > version) {
    first_version_.store(version, std::memory_order_release);
  }
}

bool CsrDelta::Touches(NodeId node, std::uint64_t version) const {
  if (version < first_version_.load(std::memory_order_acquire)) return false;
  std::shared_lock lock(mutex_);
  auto it = nodes_.find(node.value);
  return it != nodes_.end() && it->second.first_version <= version;
}

CsrDelta::NodeEdges CsrDelta::EdgesAt(NodeId node, std::uint64_t version) const {
  NodeEdges out;
  std::shared_lock lock(mutex_);
  auto it = nodes_.find(node.value);
  if (it == nodes_.end()) return out;
  for (const Edge& edge : it->second.edges) {
    if (edge.created <= version && version < edge.deleted) {
      out.created.push_back({edge.rel, edge.type, edge.other, edge.outgoing});
    }
  }
  for (const auto& [rel, when] : it->second.deleted) {
    if (when <= version) out.deleted.insert(rel.value);
  }
  return out;
}

}  // namespace parley::storage
