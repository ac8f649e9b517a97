// algo.labelPropagation({iterations, seedProperty}): community detection by label
// propagation as the LDBC Graphalytics specification defines it (CDLP, appendix A). Every
// node starts with its own id as label (or with its integer property `seedProperty`: the
// specification's vertex ids are the input's ids, which an import keeps as a property);
// then, for exactly `iterations` synchronous rounds, each node takes the label most
// frequent among its neighbours' labels of the previous round, the smallest of those
// tied; a node without neighbours keeps its label.
//
// Neighbours are counted per relationship along the direction (BOTH by default: in- and
// out-neighbours, so a node linked both ways counts twice, as the specification says for
// directed graphs; for an undirected graph stored one relationship per edge this counts
// each neighbour once). Boost.Graph has no label propagation, so the rounds are written
// here, over the adapter.
#include <fmt/format.h>

#include <algorithm>

#include "engine/algo/algorithms.h"
#include "engine/algo/boost_adapter.h"
#include "engine/algo/config.h"

namespace parley::algo {

Rows RunLabelPropagation(RunContext& ctx, const std::vector<Value>& args) {
  Config config("algo.labelPropagation", args[0], {"iterations", "seedProperty"});
  std::optional<std::string> seed = config.String("seedProperty");
  const std::int64_t iterations = config.Int("iterations", 0, 1'000'000).value_or(10);
  Direction direction = config.Orientation(Direction::kBoth);
  Topology t = Topology::Load(ctx, config.Restrict(ctx.txn()));
  CsrGraph g(t, direction, &ctx);

  const std::uint32_t n = t.node_count();
  HeldMemory held(&ctx);
  held.AddArray<std::int64_t>(2 * static_cast<std::uint64_t>(n));
  std::vector<std::int64_t> label(n);
  if (seed) {
    const storage::Txn& txn = ctx.txn();
    std::optional<PropKeyId> key = txn.FindPropKey(*seed);
    if (!key) {
      config.Fail("seedProperty", fmt::format("names property `{}`, which no node has", *seed));
    }
    for (std::uint32_t v = 0; v < n; ++v) {
      Value value = txn.NodeProperty(t.NodeAt(v), *key);
      if (!value.is_int()) {
        config.Fail("seedProperty",
                    fmt::format("names property `{}`, but node {} has {}", *seed,
                                t.NodeAt(v).value,
                                value.is_null() ? std::string("none")
                                                : fmt::format("a {}", TypeName(value.type()))));
      }
      label[v] = value.as_int();
      if ((v + 1) % 4096 == 0) ctx.CheckInterrupt();
    }
  } else {
    for (std::uint32_t v = 0; v < n; ++v) label[v] = static_cast<std::int64_t>(t.NodeAt(v).value);
  }
  std::vector<std::int64_t> next(n);
  std::vector<std::int64_t> seen;  // the neighbours' labels of one node
  for (std::int64_t round = 0; round < iterations; ++round) {
    ctx.CheckInterrupt();
    ctx.ReportProgress("algo.labelPropagation iterations", static_cast<std::uint64_t>(round),
                       static_cast<std::uint64_t>(iterations));
    for (std::uint32_t v = 0; v < n; ++v) {
      seen.clear();
      auto [e, end] = out_edges(v, g);
      for (; e != end; ++e) seen.push_back(label[target(*e, g)]);
      if (seen.empty()) {
        next[v] = label[v];
        continue;
      }
      std::sort(seen.begin(), seen.end());
      // The longest run of equal labels; ascending order makes the first longest the
      // smallest label among those tied.
      std::int64_t best = seen[0];
      std::size_t best_count = 0;
      for (std::size_t i = 0; i < seen.size();) {
        std::size_t j = i;
        while (j < seen.size() && seen[j] == seen[i]) ++j;
        if (j - i > best_count) {
          best_count = j - i;
          best = seen[i];
        }
        i = j;
      }
      next[v] = best;
    }
    label.swap(next);
  }
  return NodeRows(ctx, t, label, [](std::int64_t l) { return Value(l); }, &held);
}

}  // namespace parley::algo
