#include "engine/catalog/statistics.h"

#include <algorithm>

namespace parley::catalog {

std::uint64_t Statistics::NodeCount() const {
  if (!nodes_) nodes_ = txn_.NodeCount();
  return *nodes_;
}

std::uint64_t Statistics::RelCount() const {
  if (!rels_) rels_ = txn_.RelCount();
  return *rels_;
}

std::uint64_t Statistics::LabelCount(std::optional<LabelId> label) const {
  if (!label) return 0;
  auto [it, inserted] = labels_.try_emplace(*label, 0);
  if (inserted) it->second = txn_.LabelCount(*label);
  return it->second;
}

std::uint64_t Statistics::RelTypeCount(std::optional<RelTypeId> type) const {
  if (!type) return 0;
  auto [it, inserted] = types_.try_emplace(*type, 0);
  if (inserted) it->second = txn_.RelTypeCount(*type);
  return it->second;
}

double Statistics::LabelScanRows(std::span<const LabelId> labels) const {
  double nodes = static_cast<double>(NodeCount());
  if (labels.empty()) return nodes;
  if (nodes == 0) return 0;
  std::vector<double> counts;
  for (LabelId label : labels) counts.push_back(static_cast<double>(LabelCount(label)));
  std::sort(counts.begin(), counts.end());
  double rows = counts.front();
  for (std::size_t i = 1; i < counts.size(); ++i) rows *= counts[i] / nodes;
  return rows;
}

double Statistics::ExpandFactor(std::span<const RelTypeId> types, Direction direction) const {
  double nodes = static_cast<double>(NodeCount());
  if (nodes == 0) return 0;
  double rels = 0;
  if (types.empty()) {
    rels = static_cast<double>(RelCount());
  } else {
    for (RelTypeId type : types) rels += static_cast<double>(RelTypeCount(type));
  }
  double per_direction = rels / nodes;
  return direction == Direction::kBoth ? 2 * per_direction : per_direction;
}

double Statistics::IndexSeekRows(LabelId label, bool range) const {
  double rows =
      static_cast<double>(LabelCount(label)) * (range ? kRangeSelectivity : kEqualitySelectivity);
  return std::min(static_cast<double>(LabelCount(label)), std::max(rows, 1.0));
}

double Statistics::IndexSeekRows(LabelId label, PropKeyId key, bool range) const {
  if (!range && txn_.HasUniqueConstraint(label, key)) {
    return std::min(static_cast<double>(LabelCount(label)), 1.0);
  }
  return IndexSeekRows(label, range);
}

}  // namespace parley::catalog
