#include "engine/execution/distinct_reach.h"

#include <algorithm>
#include <span>
#include <unordered_set>
#include <utility>

#include "engine/storage/csr_snapshot.h"

namespace parley::execution {

// The search over one way of reading the graph.
class DistinctReach::Search {
 public:
  virtual ~Search() = default;
  // Fills `ends`; returns whether it went level by level.
  virtual bool From(NodeId start, std::vector<NodeId>* ends) = 0;
};

namespace {

// A set of CSR node indexes: one bit per node, and the members in insertion order, so
// that clearing costs the members, not the graph, when few were inserted.
class DenseSet {
 public:
  using Node = std::uint32_t;
  explicit DenseSet(std::uint32_t node_count) : words_((node_count + 63) / 64) {}

  bool Insert(Node n) {
    std::uint64_t& word = words_[n >> 6];
    std::uint64_t bit = std::uint64_t{1} << (n & 63);
    if (word & bit) return false;
    word |= bit;
    members_.push_back(n);
    return true;
  }
  void Clear() {
    if (members_.size() < words_.size() / 8) {
      for (Node n : members_) words_[n >> 6] = 0;  // every bit set in it is a member's
    } else {
      std::fill(words_.begin(), words_.end(), 0);
    }
    members_.clear();
  }
  const std::vector<Node>& members() const { return members_; }
  // Its whole size from the start: charged once.
  std::uint64_t bytes() const { return words_.size() * sizeof(std::uint64_t); }
  static constexpr bool kGrows = false;

 private:
  std::vector<std::uint64_t> words_;
  std::vector<Node> members_;
};

// A set of node ids, for graphs read through cursors.
class HashSet {
 public:
  using Node = NodeId;
  bool Insert(Node n) {
    if (!set_.insert(n.value).second) return false;
    members_.push_back(n);
    return true;
  }
  void Clear() {
    set_.clear();
    members_.clear();
  }
  const std::vector<Node>& members() const { return members_; }
  // Grows with the search: checked against the memory bound as it goes (Tick).
  std::uint64_t bytes() const { return set_.size() * kBytesPerMember; }
  static constexpr bool kGrows = true;

 private:
  // A hash node, its bucket and the member list's copy, roughly.
  static constexpr std::uint64_t kBytesPerMember = 48;
  std::unordered_set<std::uint64_t> set_;
  std::vector<Node> members_;
};

// The relationship types of a hop: `any`, or the listed ones (none: the hop has no
// relationships to follow, as when its only type does not exist).
struct TypeFilter {
  bool any = true;
  std::span<const RelTypeId> types;
};

// The committed graph as the CSR snapshot holds it, node indexes as nodes.
class CsrGraph {
 public:
  using Node = std::uint32_t;
  using Set = DenseSet;
  explicit CsrGraph(std::shared_ptr<const storage::CsrSnapshot> csr) : csr_(std::move(csr)) {}

  Set MakeSet() const { return DenseSet(csr_->node_count()); }
  bool Locate(NodeId id, Node* n) const {
    *n = csr_->IndexOf(id);
    return *n != storage::CsrSnapshot::kNoIndex;
  }
  NodeId Id(Node n) const { return csr_->NodeAt(n); }

  // Calls f(far node, relationship) for each relationship of `n` the filters allow; under
  // kBoth a self-loop once, as an undirected pattern matches it.
  template <class F>
  void ForEach(Node n, Direction direction, const TypeFilter& filter, F&& f) const {
    if (!filter.any && filter.types.empty()) return;
    std::span<const RelTypeId> types = filter.any ? std::span<const RelTypeId>() : filter.types;
    csr_->ForEachRun(n, direction, types,
                     [&](const storage::CsrSnapshot::Edges& run, bool outgoing) {
                       for (std::size_t i = 0; i < run.size(); ++i) {
                         if (direction == Direction::kBoth && !outgoing && run.targets[i] == n) {
                           continue;  // the self-loop, met in the outgoing run already
                         }
                         f(run.targets[i], run.rels[i]);
                       }
                       return true;
                     });
  }

 private:
  std::shared_ptr<const storage::CsrSnapshot> csr_;
};

// The graph as the transaction's Expand cursors read it (its own writes, commits after the
// snapshot), node ids as nodes.
class CursorGraph {
 public:
  using Node = NodeId;
  using Set = HashSet;
  explicit CursorGraph(ExecContext* ctx) : ctx_(ctx) {}

  Set MakeSet() const { return HashSet(); }
  bool Locate(NodeId id, Node* n) const {
    *n = id;
    return true;
  }
  NodeId Id(Node n) const { return n; }

  template <class F>
  void ForEach(Node n, Direction direction, const TypeFilter& filter, F&& f) const {
    if (!filter.any && filter.types.empty()) return;
    auto cursor = ctx_->txn->Expand(n, direction, filter.types);
    storage::EdgeRef e;
    while (cursor->Next(&e)) {
      if (direction == Direction::kBoth && !e.outgoing && e.other == n) continue;
      if (ctx_->IsDeleted(e.rel)) continue;
      f(e.other, e.rel);
    }
  }

 private:
  ExecContext* ctx_;
};

// How often a search checks for cancellation, in relationships followed.
constexpr std::uint32_t kInterruptEvery = 4096;

template <class Graph>
class SearchOver final : public DistinctReach::Search {
 public:
  using Node = typename Graph::Node;

  SearchOver(ExecContext* ctx, const std::vector<ReachHop>& hops, Graph graph)
      : ctx_(ctx),
        hops_(hops),
        graph_(std::move(graph)),
        visited_(graph_.MakeSet()),
        found_(graph_.MakeSet()),
        layer_(graph_.MakeSet()),
        ends_(graph_.MakeSet()) {
    charged_ = visited_.bytes() + found_.bytes() + layer_.bytes() + ends_.bytes();
    ctx_->Charge(charged_);
    // Level by level needs one direction throughout and at most three relationships.
    levels_ = true;
    length_ = 0;
    bool any_type = false;
    for (const ReachHop& hop : hops_) {
      filters_.push_back(Filter(hop));
      if (hop.direction != hops_[0].direction || hop.direction == Direction::kBoth ||
          hop.max_hops < 0) {
        levels_ = false;
      }
      length_ += std::max<std::int64_t>(hop.max_hops, 0);
      if (hop.types.empty() && !hop.no_relationships) any_type = true;
      union_types_.insert(union_types_.end(), hop.types.begin(), hop.types.end());
    }
    if (length_ > 3) levels_ = false;
    std::sort(union_types_.begin(), union_types_.end());
    union_types_.erase(std::unique(union_types_.begin(), union_types_.end()),
                       union_types_.end());
    union_filter_ = TypeFilter{any_type, union_types_};
  }
  ~SearchOver() override { ctx_->Release(charged_); }

  bool From(NodeId start, std::vector<NodeId>* ends) override {
    ends->clear();
    Node s;
    if (!graph_.Locate(start, &s)) return false;
    bool by_levels = levels_ && WalksArePaths(s);
    const std::vector<Node>& found = by_levels ? ByLevels(s) : ByPaths(s);
    ends->reserve(found.size());
    for (Node n : found) ends->push_back(graph_.Id(n));
    return by_levels;
  }

 private:
  static TypeFilter Filter(const ReachHop& hop) {
    if (hop.no_relationships) return TypeFilter{false, {}};
    return TypeFilter{hop.types.empty(), hop.types};
  }

  bool LabelsOk(const ReachHop& hop, Node n) {
    for (LabelId l : hop.labels) {
      if (!ctx_->NodeHasLabel(graph_.Id(n), l)) return false;
    }
    return true;
  }

  // Per relationship followed: now and then, cancellation and the memory bound.
  void Tick() {
    if (++edges_ % kInterruptEvery != 0) return;
    ctx_->CheckInterrupt();
    if constexpr (Graph::Set::kGrows) {
      ctx_->RequireRoom(visited_.bytes() + found_.bytes() + layer_.bytes() + ends_.bytes());
    }
  }

  // Whether every walk of up to length_ relationships from `s` along the hops is a path:
  // a walk repeats a relationship only through a self-loop on the start (two or more
  // relationships) or, at three, a self-loop on a neighbour or a neighbour's relationship
  // back to the start (s->u->s->u). Checked over the union of the hops' types.
  bool WalksArePaths(Node s) {
    if (length_ < 2) return true;
    Direction direction = hops_[0].direction;
    bool paths = true;
    layer_.Clear();
    graph_.ForEach(s, direction, union_filter_, [&](Node far, RelId) {
      if (far == s) paths = false;
      layer_.Insert(far);
    });
    if (!paths || length_ < 3) return paths;
    for (Node u : layer_.members()) {
      graph_.ForEach(u, direction, union_filter_, [&](Node far, RelId) {
        Tick();
        if (far == u || far == s) paths = false;
      });
      if (!paths) break;
    }
    return paths;
  }

  // Each hop from the deduplicated ends of the one before: the nodes exactly min_hops - 1
  // relationships on (level by level), then a breadth-first search from those for the rest
  // of the range, each node expanded once.
  const std::vector<Node>& ByLevels(Node s) {
    current_.assign(1, s);
    for (std::size_t h = 0; h < hops_.size() && !current_.empty(); ++h) {
      const ReachHop& hop = hops_[h];
      const TypeFilter& filter = filters_[h];
      std::int64_t min = hop.min_hops;
      std::int64_t max = hop.max_hops;
      found_.Clear();
      next_.clear();
      if (max < min) {
        current_.clear();
        break;
      }
      for (std::int64_t i = 1; i < min && !current_.empty(); ++i) {
        layer_.Clear();
        for (Node u : current_) {
          graph_.ForEach(u, hop.direction, filter, [&](Node far, RelId) {
            Tick();
            layer_.Insert(far);
          });
        }
        current_ = layer_.members();
      }
      auto offer = [&](Node n) {
        if (found_.Insert(n) && LabelsOk(hop, n)) next_.push_back(n);
      };
      if (min == 0) {
        for (Node u : current_) offer(u);
      }
      visited_.Clear();
      for (Node u : current_) visited_.Insert(u);
      std::int64_t steps = max - std::max<std::int64_t>(min - 1, 0);
      for (std::int64_t step = 1; step <= steps && !current_.empty(); ++step) {
        frontier_.clear();
        for (Node u : current_) {
          graph_.ForEach(u, hop.direction, filter, [&](Node far, RelId) {
            Tick();
            offer(far);
            if (step < steps && visited_.Insert(far)) frontier_.push_back(far);
          });
        }
        current_.swap(frontier_);
      }
      current_.swap(next_);
    }
    return current_;
  }

  // Depth-first over paths (no relationship twice), with an explicit stack: a frame per
  // node on the path, first handing over to the next hop where this one may end there,
  // then following its relationships.
  struct Frame {
    std::uint32_t hop;
    std::int64_t steps;  // relationships of this hop so far
    Node node;
    std::size_t begin, end, next;  // its relationships in edges_
    bool hand_over;                // the next hop is still to be started from here
    bool via_relationship;         // entered by following path_.back()
  };

  const std::vector<Node>& ByPaths(Node s) {
    ends_.Clear();
    frames_.clear();
    edge_list_.clear();
    path_.clear();
    Enter(0, 0, s, false);
    while (!frames_.empty()) {
      Frame& f = frames_.back();
      if (f.hand_over) {
        f.hand_over = false;
        Enter(f.hop + 1, 0, f.node, false);  // may move frames_: f is not used after
        continue;
      }
      if (f.next < f.end) {
        auto [far, rel] = edge_list_[f.next++];
        if (std::find(path_.begin(), path_.end(), rel) != path_.end()) continue;
        path_.push_back(rel);
        Enter(f.hop, f.steps + 1, far, true);
        continue;
      }
      edge_list_.resize(f.begin);
      if (f.via_relationship) path_.pop_back();
      frames_.pop_back();
    }
    return ends_.members();
  }

  void Enter(std::uint32_t h, std::int64_t steps, Node n, bool via_relationship) {
    const ReachHop& hop = hops_[h];
    bool last = h + 1 == hops_.size();
    bool may_end = steps >= hop.min_hops && (hop.max_hops < 0 || steps <= hop.max_hops) &&
                   LabelsOk(hop, n);
    if (may_end && last) ends_.Insert(n);
    Frame f{h, steps, n, edge_list_.size(), 0, 0, may_end && !last, via_relationship};
    if (hop.max_hops < 0 || steps < hop.max_hops) {
      graph_.ForEach(n, hop.direction, filters_[h], [&](Node far, RelId rel) {
        Tick();
        edge_list_.emplace_back(far, rel);
      });
    }
    f.end = edge_list_.size();
    f.next = f.begin;
    if (f.end > f.begin) ctx_->RequireRoom(edge_list_.size() * sizeof(edge_list_[0]));
    frames_.push_back(f);
  }

  ExecContext* ctx_;
  const std::vector<ReachHop>& hops_;
  Graph graph_;
  std::vector<TypeFilter> filters_;
  std::vector<RelTypeId> union_types_;
  TypeFilter union_filter_;
  bool levels_ = false;
  std::int64_t length_ = 0;
  std::uint64_t charged_ = 0;
  std::uint32_t edges_ = 0;
  typename Graph::Set visited_, found_, layer_, ends_;
  std::vector<Node> current_, next_, frontier_;
  std::vector<Frame> frames_;
  std::vector<std::pair<Node, RelId>> edge_list_;
  std::vector<RelId> path_;
};

}  // namespace

DistinctReach::DistinctReach(ExecContext* ctx, std::vector<ReachHop> hops)
    : ctx_(ctx), hops_(std::move(hops)) {
  for (ReachHop& hop : hops_) {
    std::sort(hop.types.begin(), hop.types.end());
    hop.types.erase(std::unique(hop.types.begin(), hop.types.end()), hop.types.end());
  }
}

DistinctReach::~DistinctReach() = default;

void DistinctReach::From(NodeId start, std::vector<NodeId>* ends) {
  if (auto csr = ctx_->txn->ExactCsr()) {
    if (!csr_search_ || csr_ != csr.get()) {
      csr_ = csr.get();
      csr_search_ = std::make_unique<SearchOver<CsrGraph>>(ctx_, hops_, CsrGraph(csr));
    }
    by_levels_ = csr_search_->From(start, ends);
    return;
  }
  if (!cursor_search_) {
    cursor_search_ = std::make_unique<SearchOver<CursorGraph>>(ctx_, hops_, CursorGraph(ctx_));
  }
  by_levels_ = cursor_search_->From(start, ends);
}

}  // namespace parley::execution
