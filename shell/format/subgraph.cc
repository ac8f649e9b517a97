#include "shell/format/subgraph.h"

#include <set>

namespace parley::shell {

void Subgraph::AddValue(const Value& value) {
  switch (value.type()) {
    case ValueType::kNode:
      nodes.emplace(value.as_node().id, value.as_node());
      break;
    case ValueType::kRelationship:
      rels.emplace(value.as_relationship().id, value.as_relationship());
      break;
    case ValueType::kPath:
      for (const Node& n : value.as_path().nodes) nodes.emplace(n.id, n);
      for (const Relationship& r : value.as_path().rels) rels.emplace(r.id, r);
      break;
    case ValueType::kList:
      for (const Value& v : value.as_list()) AddValue(v);
      break;
    case ValueType::kMap:
      for (const auto& [key, v] : value.as_map()) AddValue(v);
      break;
    default:
      break;
  }
}

void Subgraph::AddResult(const Result& result) {
  for (const auto& row : result.rows()) {
    for (const Value& v : row) AddValue(v);
  }
}

std::vector<std::uint64_t> Subgraph::MissingEndpoints() const {
  std::set<std::uint64_t> missing;
  for (const auto& [id, r] : rels) {
    if (!nodes.count(r.start)) missing.insert(r.start);
    if (!nodes.count(r.end)) missing.insert(r.end);
  }
  return {missing.begin(), missing.end()};
}

}  // namespace parley::shell
