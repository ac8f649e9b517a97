#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>

#include "engine/execution/operators/expand_common.h"
#include "engine/storage/csr_snapshot.h"

namespace parley::execution {
namespace {

// shortestPath / allShortestPaths between two bound nodes: breadth-first search level by
// level, remembering every predecessor edge on a shortest route, then enumerating paths
// back from the target. `rel` gets the relationship list, `slot` (if any) the path.
class ShortestPathOp final : public Operator {
 public:
  ShortestPathOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    results_.clear();
    next_ = 0;
    filter_.Resolve(*ctx_->txn, op_);
  }

  bool Next(Row* row) override {
    if (filter_.impossible) return false;
    while (next_ >= results_.size()) {
      if (!Pull(*child_, row)) return false;
      input_ = *row;
      results_.clear();
      next_ = 0;
      Search();
    }
    *row = input_;
    const std::vector<storage::RelRecord>& rels = results_[next_++];
    List list;
    for (const storage::RelRecord& r : rels) list.push_back(RelValue(*ctx_->txn, r));
    (*row)[op_.rel] = std::move(list);
    return true;
  }

 private:
  struct Pred {
    NodeId prev;
    storage::RelRecord rel;
  };

  // Calls f(edge) for each relationship of `n` in `dir` of the op's types (under kBoth a
  // self-loop once) until f returns false: over the CSR snapshot's arrays when it is exactly
  // what the transaction sees, else through an Expand cursor.
  template <class F>
  void ForEachEdge(NodeId n, Direction dir, F&& f) {
    if (csr_ != nullptr) {
      std::uint32_t index = csr_->IndexOf(n);
      if (index == storage::CsrSnapshot::kNoIndex) return;
      csr_->ForEachRun(index, dir, types_, [&](const storage::CsrSnapshot::Edges& edges,
                                               bool outgoing) {
        for (std::size_t i = 0; i < edges.size(); ++i) {
          NodeId other = csr_->NodeAt(edges.targets[i]);
          if (!outgoing && dir == Direction::kBoth && other == n) continue;
          storage::EdgeRef e{edges.rels[i], edges.types[i], other, outgoing};
          if (!f(e)) return false;
        }
        return true;
      });
      return;
    }
    auto cursor = ctx_->txn->Expand(n, dir, filter_.types);
    storage::EdgeRef e;
    while (cursor->Next(&e)) {
      if (dir == Direction::kBoth && !e.outgoing && e.other == n) continue;
      if (!f(e)) return;
    }
  }

  void Search() {
    csr_ = ctx_->txn->ExactCsr();
    // In key order, each once, as a cursor over the `out` and `in` families yields them.
    types_ = filter_.types;
    std::sort(types_.begin(), types_.end());
    types_.erase(std::unique(types_.begin(), types_.end()), types_.end());
    const Value& a = input_[op_.node];
    const Value& b = input_[op_.target];
    if (!a.is_node() || !b.is_node()) return;
    NodeId from(a.as_node().id), to(b.as_node().id);
    if (from == to) {
      if (op_.min_hops == 0) results_.push_back({});
      return;
    }
    if (!op_.all_shortest) return SearchOne(from, to);
    std::unordered_map<NodeId, std::vector<Pred>> preds;
    std::unordered_map<NodeId, std::int64_t> depth{{from, 0}};
    std::vector<NodeId> frontier{from};
    std::int64_t level = 0;
    bool found = false;
    while (!frontier.empty() && !found && (op_.max_hops < 0 || level < op_.max_hops)) {
      ctx_->CheckInterrupt();
      std::vector<NodeId> next;
      for (NodeId n : frontier) {
        ForEachEdge(n, op_.direction, [&](const storage::EdgeRef& e) {
          if (RelUsed(input_, op_.distinct_from, e.rel)) return true;
          auto it = depth.find(e.other);
          if (it == depth.end()) {
            depth.emplace(e.other, level + 1);
            next.push_back(e.other);
          } else if (it->second != level + 1) {
            return true;
          }
          preds[e.other].push_back(Pred{n, ToRecord(n, e)});
          if (e.other == to) found = true;
          return true;
        });
      }
      frontier = std::move(next);
      ++level;
    }
    if (!found) return;
    std::vector<storage::RelRecord> suffix;
    Enumerate(preds, from, to, &suffix);
  }

  struct Step {
    NodeId prev;  // the node one step closer to this side's origin
    storage::RelRecord rel;
    std::int64_t depth;
  };
  using Side = std::unordered_map<NodeId, Step>;

  static Direction Reverse(Direction d) {
    return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
  }

  // One shortest path by bidirectional breadth-first search: always grow the smaller
  // frontier; the first node reached from both sides lies on a shortest path.
  void SearchOne(NodeId from, NodeId to) {
    Side fwd{{from, Step{from, {}, 0}}}, bwd{{to, Step{to, {}, 0}}};
    std::vector<NodeId> ff{from}, bf{to};
    std::int64_t df = 0, db = 0;
    std::optional<NodeId> meet;
    while (!meet && !ff.empty() && !bf.empty() &&
           (op_.max_hops < 0 || df + db < op_.max_hops)) {
      ctx_->CheckInterrupt();
      bool forward = ff.size() <= bf.size();
      Side& mine = forward ? fwd : bwd;
      Side& other = forward ? bwd : fwd;
      std::vector<NodeId>& frontier = forward ? ff : bf;
      std::int64_t depth = (forward ? df : db) + 1;
      Direction dir = forward ? op_.direction : Reverse(op_.direction);
      std::vector<NodeId> next;
      for (NodeId n : frontier) {
        ForEachEdge(n, dir, [&](const storage::EdgeRef& e) {
          if (RelUsed(input_, op_.distinct_from, e.rel)) return true;
          if (mine.count(e.other)) return true;
          mine.emplace(e.other, Step{n, ToRecord(n, e), depth});
          auto hit = other.find(e.other);
          if (hit != other.end() &&
              (op_.max_hops < 0 || depth + hit->second.depth <= op_.max_hops)) {
            meet = e.other;
            return false;
          }
          next.push_back(e.other);
          return true;
        });
        if (meet) break;
      }
      frontier = std::move(next);
      (forward ? df : db) = depth;
    }
    if (!meet) return;
    std::vector<storage::RelRecord> rels;
    for (NodeId at = *meet; at != from;) {
      const Step& s = fwd.at(at);
      rels.push_back(s.rel);
      at = s.prev;
    }
    std::reverse(rels.begin(), rels.end());
    for (NodeId at = *meet; at != to;) {
      const Step& s = bwd.at(at);
      rels.push_back(s.rel);
      at = s.prev;
    }
    results_.push_back(std::move(rels));
  }

  void Enumerate(const std::unordered_map<NodeId, std::vector<Pred>>& preds, NodeId from,
                 NodeId at, std::vector<storage::RelRecord>* suffix) {
    if (!op_.all_shortest && !results_.empty()) return;
    if (at == from) {
      results_.emplace_back(suffix->rbegin(), suffix->rend());
      return;
    }
    for (const Pred& p : preds.at(at)) {
      suffix->push_back(p.rel);
      Enumerate(preds, from, p.prev, suffix);
      suffix->pop_back();
    }
  }

  const logical::Op& op_;
  OperatorPtr child_;
  ExpandFilter filter_;
  std::shared_ptr<const storage::CsrSnapshot> csr_;  // while Search runs; may be null
  std::vector<RelTypeId> types_;                      // filter_.types, sorted, each once
  Row input_;
  std::vector<std::vector<storage::RelRecord>> results_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeShortestPath(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<ShortestPathOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
