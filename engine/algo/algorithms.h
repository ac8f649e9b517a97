// The algorithm procedures' entry points, one per file (bfs.cc, sssp.cc, ...), registered
// by procedures.cc. Each reads its arguments (positional inputs, then the config map or
// null) and returns its rows in the column order of its signature there.
#ifndef PARLEY_ENGINE_ALGO_ALGORITHMS_H_
#define PARLEY_ENGINE_ALGO_ALGORITHMS_H_

#include <cstdint>
#include <vector>

#include "engine/algo/procedures.h"
#include "engine/algo/run_context.h"
#include "engine/algo/topology.h"
#include "parley/value.h"

namespace parley::algo {

Rows RunBfs(RunContext& ctx, const std::vector<Value>& args);
Rows RunSssp(RunContext& ctx, const std::vector<Value>& args);
Rows RunShortestPath(RunContext& ctx, const std::vector<Value>& args);
Rows RunPageRank(RunContext& ctx, const std::vector<Value>& args);
Rows RunWcc(RunContext& ctx, const std::vector<Value>& args);
Rows RunScc(RunContext& ctx, const std::vector<Value>& args);
Rows RunBetweenness(RunContext& ctx, const std::vector<Value>& args);
Rows RunDegree(RunContext& ctx, const std::vector<Value>& args);
Rows RunTriangleCount(RunContext& ctx, const std::vector<Value>& args);
Rows RunLcc(RunContext& ctx, const std::vector<Value>& args);
Rows RunLabelPropagation(RunContext& ctx, const std::vector<Value>& args);
Rows RunKCore(RunContext& ctx, const std::vector<Value>& args);

// The node at dense index `index`, as a value.
inline Value NodeValue(const Topology& t, std::uint32_t index) {
  Node n;
  n.id = t.NodeAt(index).value;
  return Value(std::move(n));
}

// Rows of (node, value) for every node, charging their memory to `held`.
template <typename T, typename ToValue>
Rows NodeRows(RunContext& ctx, const Topology& t, const std::vector<T>& values,
              ToValue to_value, HeldMemory* held) {
  Rows rows;
  rows.reserve(t.node_count());
  held->Add(static_cast<std::uint64_t>(t.node_count()) * (2 * sizeof(Value) + 64));
  for (std::uint32_t i = 0; i < t.node_count(); ++i) {
    rows.push_back({NodeValue(t, i), to_value(values[i])});
    if ((i + 1) % 4096 == 0) ctx.CheckInterrupt();
  }
  return rows;
}

// For each node of `simple` (a Topology::Simplify(..., kBoth) graph seen in kOut), the
// number of triangles it is a corner of.
class CsrGraph;
std::vector<std::uint64_t> CountTriangles(RunContext& ctx, const CsrGraph& simple);

// The id of the smallest node of each component, by dense index (the component labels
// of WCC and SCC: stable across runs, unlike Boost's component numbers).
std::vector<std::int64_t> ComponentIds(const Topology& t, const std::vector<std::uint32_t>& comp,
                                       std::uint32_t count);

}  // namespace parley::algo

#endif  // PARLEY_ENGINE_ALGO_ALGORITHMS_H_
