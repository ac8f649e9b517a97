// A set of nodes and relationships to draw or export: what a query's result mentions
// (nodes, relationships, and the elements of paths, at any depth inside lists and maps).
#ifndef PARLEY_SHELL_FORMAT_SUBGRAPH_H_
#define PARLEY_SHELL_FORMAT_SUBGRAPH_H_

#include <cstdint>
#include <map>
#include <vector>

#include "parley/result.h"
#include "parley/value.h"

namespace parley::shell {

struct Subgraph {
  std::map<std::uint64_t, Node> nodes;         // by id
  std::map<std::uint64_t, Relationship> rels;  // by id

  // Adds every node, relationship and path element inside `value`.
  void AddValue(const Value& value);
  void AddResult(const Result& result);
  // Ids of relationship ends that are not among `nodes`.
  std::vector<std::uint64_t> MissingEndpoints() const;
};

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_SUBGRAPH_H_
