// The half of graph_export.h that queries the database.
#include "shell/graph_export.h"

namespace parley::shell {
namespace {

void AddNodesById(Connection& connection, const std::vector<std::uint64_t>& ids, Subgraph& graph) {
  if (ids.empty()) return;
  List list;
  for (std::uint64_t id : ids) list.push_back(Value(static_cast<std::int64_t>(id)));
  graph.AddResult(connection.Execute("MATCH (n) WHERE id(n) IN $ids RETURN n",
                                     Params{{"ids", Value(std::move(list))}}));
}

}  // namespace

Subgraph CollectSubgraph(Connection& connection, const Result* result) {
  Subgraph graph;
  if (result == nullptr) {
    graph.AddResult(connection.Execute("MATCH (n) RETURN n"));
    graph.AddResult(connection.Execute("MATCH ()-[r]->() RETURN r"));
  } else {
    graph.AddResult(*result);
  }
  AddNodesById(connection, graph.MissingEndpoints(), graph);
  return graph;
}

}  // namespace parley::shell
