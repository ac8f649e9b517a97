// catalog::Statistics: cardinality estimates for the planner, from the store's exact counts.
//
// The store keeps exact counts of nodes, of nodes per label, of relationships and of
// relationships per type, inside each transaction (storage::Txn). Statistics turns them
// into the estimates a planner compares: how many rows a label scan, an index seek or an
// expansion produces. Counts are read once per Statistics and cached, so one planning pass
// sees one consistent picture. Estimates are doubles; the counts they start from are exact.
//
// Not thread-safe (like the Txn it reads). REQUIRES: the Txn outlives the Statistics.
#ifndef PARLEY_ENGINE_CATALOG_STATISTICS_H_
#define PARLEY_ENGINE_CATALOG_STATISTICS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>

#include "engine/storage/graph_store.h"

namespace parley::catalog {

class Statistics {
 public:
  // Fraction of a label's nodes an equality predicate on a property keeps, and a range
  // predicate keeps, when nothing better is known (no value histograms are kept).
  static constexpr double kEqualitySelectivity = 0.05;
  static constexpr double kRangeSelectivity = 0.3;

  explicit Statistics(const storage::Txn& txn) : txn_(txn) {}

  std::uint64_t NodeCount() const;
  std::uint64_t RelCount() const;
  // 0 for nullopt: a label or type name the catalog does not know matches nothing.
  std::uint64_t LabelCount(std::optional<LabelId> label) const;
  std::uint64_t RelTypeCount(std::optional<RelTypeId> type) const;

  // Rows of a scan of all nodes with every label in `labels` (all nodes when empty):
  // the smallest label count, scaled by each other label's share of all nodes
  // (independence assumed).
  double LabelScanRows(std::span<const LabelId> labels) const;
  // Expected relationships per node when expanding in `direction` over `types` (all when
  // empty); kBoth counts both directions.
  double ExpandFactor(std::span<const RelTypeId> types, Direction direction) const;
  // Rows of an index seek on (label, key): equality or range.
  double IndexSeekRows(LabelId label, bool range) const;
  // The same for the index on (label, key), knowing its constraints: an equality on a key
  // with a uniqueness constraint yields at most one row.
  double IndexSeekRows(LabelId label, PropKeyId key, bool range) const;

 private:
  const storage::Txn& txn_;
  mutable std::optional<std::uint64_t> nodes_;
  mutable std::optional<std::uint64_t> rels_;
  mutable std::unordered_map<LabelId, std::uint64_t> labels_;
  mutable std::unordered_map<RelTypeId, std::uint64_t> types_;
};

}  // namespace parley::catalog

#endif  // PARLEY_ENGINE_CATALOG_STATISTICS_H_
