// Reading a procedure's arguments: the config map with its keys checked against what the
// procedure accepts, node arguments, the common restriction keys (labels,
// relationshipTypes, direction) and the weight property. Every error is an
// Error(kArgumentError, ...) whose message names the procedure and the argument or key.
#ifndef PARLEY_ENGINE_ALGO_CONFIG_H_
#define PARLEY_ENGINE_ALGO_CONFIG_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/algo/boost_adapter.h"
#include "engine/algo/run_context.h"
#include "engine/algo/topology.h"
#include "parley/value.h"

namespace parley::algo {

class Config {
 public:
  // `config`: the procedure's config argument, null (left out) or a map whose keys are
  // among `keys`. The restriction keys labels, relationshipTypes and direction are
  // always accepted.
  Config(std::string_view procedure, const Value& config,
         std::initializer_list<std::string_view> keys);

  // The value of `key`, nullopt when absent or null; throws when of the wrong type or
  // outside [min, max].
  std::optional<std::int64_t> Int(std::string_view key, std::int64_t min,
                                  std::int64_t max) const;
  std::optional<double> Float(std::string_view key, double min, double max) const;
  std::optional<std::string> String(std::string_view key) const;
  // `direction`: 'OUTGOING', 'INCOMING' or 'BOTH' (case-insensitive), else `fallback`.
  Direction Orientation(Direction fallback) const;
  // `labels` and `relationshipTypes` as ids; names the graph does not know match nothing.
  Restriction Restrict(const storage::Txn& txn) const;

  // An argument that must be a node of `topology`.
  std::uint32_t NodeArgument(std::string_view name, const Value& v,
                             const Topology& topology) const;
  // The numeric `weight` property of every relationship the direction uses, for
  // dijkstra's weight map; nullopt when the config names no weight. Throws when a
  // relationship lacks it or holds a negative or non-numeric value.
  std::optional<CsrEdgeWeights> Weights(RunContext& ctx, const Topology& topology,
                                        Direction direction, HeldMemory* held) const;

  [[noreturn]] void Fail(std::string_view key, std::string_view message) const;
  const std::string& procedure() const { return procedure_; }

 private:
  const Value* Find(std::string_view key) const;
  std::vector<std::string> Names(std::string_view key) const;

  std::string procedure_;
  Map entries_;
};

}  // namespace parley::algo

#endif  // PARLEY_ENGINE_ALGO_CONFIG_H_
