#include <algorithm>
#include <unordered_set>

#include "engine/execution/distinct_reach.h"
#include "engine/execution/operators/expand_common.h"

namespace parley::execution {
namespace {

// target := each distinct node the chain of hops reaches from the row's node, once per
// input row (engine/execution/distinct_reach.h). Planned only where what follows reads
// each end the same however many paths lead to it (count(DISTINCT ...), DISTINCT rows).
class ReachDistinctOp final : public Operator {
 public:
  ReachDistinctOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    ends_.clear();
    next_ = 0;
    counted_ = false;
    impossible_ = false;
    std::vector<ReachHop> hops;
    for (const logical::Hop& h : op_.hops) {
      ReachHop hop;
      hop.direction = h.direction;
      hop.min_hops = h.min_hops;
      hop.max_hops = h.max_hops;
      for (const bound::Token& t : h.types) {
        if (auto id = ResolveType(*ctx_->txn, t)) hop.types.push_back(*id);
      }
      std::sort(hop.types.begin(), hop.types.end());
      hop.types.erase(std::unique(hop.types.begin(), hop.types.end()), hop.types.end());
      std::uint64_t of_types = 0;
      for (RelTypeId type : hop.types) of_types += ctx_->txn->RelTypeCount(type);
      hop.no_relationships = !h.types.empty() && hop.types.empty();
      // Types every relationship has filter nothing: following all skips the type ranges.
      if (!hop.types.empty() && of_types == ctx_->txn->RelCount()) hop.types.clear();
      for (const bound::Token& l : h.target_labels) {
        auto id = ResolveLabel(*ctx_->txn, l);
        if (!id) impossible_ = true;  // no node has it
        // A label every node has tests nothing: skip the test.
        if (id && ctx_->txn->LabelCount(*id) != ctx_->txn->NodeCount()) {
          hop.labels.push_back(*id);
        }
      }
      hops.push_back(std::move(hop));
    }
    reach_ = std::make_unique<DistinctReach>(ctx_, std::move(hops));
  }

  bool Next(Row* row) override {
    if (impossible_) return false;
    if (op_.distinct) return NextCount(row);
    while (next_ >= ends_.size()) {
      if (!Pull(*child_, row)) return false;
      const Value& from = (*row)[op_.node];
      if (!from.is_node()) continue;  // null from an OPTIONAL MATCH
      NodeId id(from.as_node().id);
      if (ctx_->IsDeleted(id)) continue;
      reach_->From(id, &ends_);
      next_ = 0;
    }
    SetNode(&(*row)[op_.target], ends_[next_++]);
    return true;
  }

 private:
  // All input rows, then one row: target := the number of distinct ends over them all.
  bool NextCount(Row* row) {
    if (counted_) return false;
    counted_ = true;
    std::uint64_t rows = 0;
    std::vector<NodeId> first;  // the ends of the first row: most often the only one
    std::unordered_set<std::uint64_t> all;
    while (Pull(*child_, row)) {
      const Value& from = (*row)[op_.node];
      if (!from.is_node()) continue;
      NodeId id(from.as_node().id);
      if (ctx_->IsDeleted(id)) continue;
      reach_->From(id, rows == 0 ? &first : &ends_);
      if (++rows == 1) continue;
      if (rows == 2) {
        for (NodeId n : first) all.insert(n.value);
      }
      for (NodeId n : ends_) all.insert(n.value);
      ctx_->RequireRoom(all.size() * 32);
    }
    if (rows == 0) return false;
    (*row)[op_.target] = static_cast<std::int64_t>(rows == 1 ? first.size() : all.size());
    return true;
  }

  const logical::Op& op_;
  OperatorPtr child_;
  std::unique_ptr<DistinctReach> reach_;
  std::vector<NodeId> ends_;
  std::size_t next_ = 0;
  bool counted_ = false;
  bool impossible_ = false;
};

}  // namespace

OperatorPtr MakeReachDistinct(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ReachDistinctOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
