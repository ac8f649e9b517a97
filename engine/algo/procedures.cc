#include "engine/algo/procedures.h"

#include "engine/algo/algorithms.h"

namespace parley::algo {
namespace {

using Col = TableProcedure::Column;

const Col kConfig{"config", "MAP?"};
const Col kNode{"node", "NODE?"};

Procedure Make(std::string name, std::vector<Col> nodes, std::vector<Col> outputs,
               std::string description,
               Rows (*run)(RunContext&, const std::vector<Value>&)) {
  std::size_t required = nodes.size();
  nodes.push_back(kConfig);
  return Procedure{TableProcedure{std::move(name), std::move(nodes), std::move(outputs), {}},
                   required, std::move(description), run};
}

}  // namespace

const std::vector<Procedure>& Procedures() {
  static const std::vector<Procedure> kAll = {
      Make("algo.bfs", {{"start", "NODE?"}}, {kNode, {"depth", "INTEGER?"}},
           "Breadth-first search: each node reachable from start and its depth in hops. "
           "Config: maxDepth, labels, relationshipTypes, direction (OUTGOING).",
           RunBfs),
      Make("algo.sssp", {{"source", "NODE?"}}, {kNode, {"distance", "FLOAT?"}},
           "Single-source shortest paths: each node reachable from source and its distance "
           "(Dijkstra over the weight property; hops without one). Config: weight, labels, "
           "relationshipTypes, direction (OUTGOING).",
           RunSssp),
      Make("algo.shortestPath", {{"source", "NODE?"}, {"target", "NODE?"}},
           {{"path", "PATH?"}, {"nodes", "LIST?"}, {"cost", "FLOAT?"}},
           "One cheapest path from source to target (no row when there is none). Config: "
           "weight, labels, relationshipTypes, direction (OUTGOING).",
           RunShortestPath),
      Make("algo.pageRank", {}, {kNode, {"score", "FLOAT?"}},
           "PageRank as LDBC Graphalytics defines it (ranks sum to 1, sinks spread evenly). "
           "Config: iterations (20), damping (0.85), tolerance (0), labels, "
           "relationshipTypes, direction (OUTGOING).",
           RunPageRank),
      Make("algo.wcc", {}, {kNode, {"componentId", "INTEGER?"}},
           "Weakly connected components; componentId is the component's smallest node id. "
           "Config: labels, relationshipTypes.",
           RunWcc),
      Make("algo.scc", {}, {kNode, {"componentId", "INTEGER?"}},
           "Strongly connected components; componentId is the component's smallest node id. "
           "Config: labels, relationshipTypes, direction (OUTGOING).",
           RunScc),
      Make("algo.betweenness", {}, {kNode, {"score", "FLOAT?"}},
           "Betweenness centrality over unweighted shortest paths (Brandes). Config: "
           "sampleSize (all nodes), labels, relationshipTypes, direction (OUTGOING).",
           RunBetweenness),
      Make("algo.degree", {}, {kNode, {"degree", "INTEGER?"}},
           "The number of relationships of each node. Config: direction (OUTGOING), labels, "
           "relationshipTypes.",
           RunDegree),
      Make("algo.triangleCount", {}, {kNode, {"triangles", "INTEGER?"}},
           "The triangles each node is a corner of, relationships taken as undirected. "
           "Config: labels, relationshipTypes.",
           RunTriangleCount),
      Make("algo.lcc", {}, {kNode, {"coefficient", "FLOAT?"}},
           "Local clustering coefficient as LDBC Graphalytics defines it. Config: labels, "
           "relationshipTypes, direction (BOTH: undirected; OUTGOING: directed).",
           RunLcc),
      Make("algo.labelPropagation", {}, {kNode, {"communityId", "INTEGER?"}},
           "Communities by label propagation (the LDBC Graphalytics CDLP rules); labels "
           "start as node ids, or as the integer property seedProperty. Config: iterations "
           "(10), seedProperty, labels, relationshipTypes, direction (BOTH).",
           RunLabelPropagation),
      Make("algo.kCore", {}, {kNode, {"coreNumber", "INTEGER?"}},
           "Each node's core number, relationships taken as undirected. Config: labels, "
           "relationshipTypes.",
           RunKCore),
  };
  return kAll;
}

const Procedure* FindProcedure(std::string_view name) {
  for (const Procedure& p : Procedures()) {
    if (p.signature.name == name) return &p;
  }
  return nullptr;
}

std::string SignatureText(const Procedure& p) {
  const TableProcedure& s = p.signature;
  std::string text = s.name + "(";
  for (std::size_t i = 0; i < s.inputs.size(); ++i) {
    if (i) text += ", ";
    text += s.inputs[i].name;
    if (i >= p.required_inputs) text += " = {}";
    text += " :: " + s.inputs[i].type;
  }
  text += ") :: (";
  for (std::size_t i = 0; i < s.outputs.size(); ++i) {
    if (i) text += ", ";
    text += s.outputs[i].name + " :: " + s.outputs[i].type;
  }
  return text + ")";
}

}  // namespace parley::algo
