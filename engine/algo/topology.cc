#include "engine/algo/topology.h"

#include <algorithm>

namespace parley::algo {
namespace {

constexpr std::uint32_t kCheckEvery = 4096;  // nodes between interrupt and memory checks

}  // namespace

Topology Topology::Load(RunContext& ctx, const Restriction& restriction) {
  const storage::Txn& txn = ctx.txn();
  Topology t(&ctx);
  std::shared_ptr<const storage::CsrSnapshot> csr = txn.ExactCsr();
  if (csr && !restriction.labels && !restriction.types) {
    t.snapshot_ = csr;
    t.borrowed_ = true;
    t.node_count_ = csr->node_count();
    t.out_ = {csr->out().offsets, csr->out().targets, csr->out().rels};
    t.in_ = {csr->in().offsets, csr->in().targets, csr->in().rels};
    return t;
  }

  // The nodes, ascending.
  std::vector<NodeId>& nodes = t.nodes_;
  if (restriction.labels) {
    for (LabelId label : *restriction.labels) {
      std::unique_ptr<storage::NodeCursor> cursor = txn.ScanLabel(label);
      for (NodeId id; cursor->Next(&id);) {
        nodes.push_back(id);
        if (nodes.size() % kCheckEvery == 0) ctx.CheckInterrupt();
      }
    }
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  } else if (csr) {
    nodes.assign(csr->nodes().begin(), csr->nodes().end());
  } else {
    std::unique_ptr<storage::NodeCursor> cursor = txn.ScanNodes();
    for (NodeId id; cursor->Next(&id);) {
      nodes.push_back(id);
      if (nodes.size() % kCheckEvery == 0) ctx.CheckInterrupt();
    }
  }
  t.held_.AddArray<NodeId>(nodes.size());
  t.node_count_ = static_cast<std::uint32_t>(nodes.size());

  std::vector<RelTypeId> sorted_storage;
  std::span<const RelTypeId> types;
  if (restriction.types) types = storage::SortedTypes(*restriction.types, &sorted_storage);
  const bool no_types = restriction.types && types.empty();  // none of the names exists

  t.owned_ = std::make_unique<Owned>();
  Owned& o = *t.owned_;
  o.out_offsets.reserve(nodes.size() + 1);
  o.out_offsets.push_back(0);
  std::uint64_t charged_edges = 0;
  auto charge_edges = [&] {
    std::uint64_t now = o.out_targets.size();
    t.held_.Add((now - charged_edges) * (sizeof(std::uint32_t) + sizeof(RelId)));
    charged_edges = now;
  };
  t.held_.AddArray<std::uint64_t>(nodes.size() + 1);

  if (csr) {
    // Snapshot index -> new index, for the far ends.
    std::vector<std::uint32_t> remap(csr->node_count(), kNoIndex);
    HeldMemory remap_held(&ctx);
    remap_held.AddArray<std::uint32_t>(remap.size());
    std::vector<std::uint32_t> from(nodes.size());
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
      from[i] = csr->IndexOf(nodes[i]);
      if (from[i] != kNoIndex) remap[from[i]] = i;
    }
    auto add = [&](const storage::CsrSnapshot::Edges& edges) {
      for (std::size_t k = 0; k < edges.size(); ++k) {
        std::uint32_t to = remap[edges.targets[k]];
        if (to == kNoIndex) continue;
        o.out_targets.push_back(to);
        o.out_rels.push_back(edges.rels[k]);
      }
    };
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
      if (from[i] != kNoIndex && !no_types) {
        csr->ForEachRun(from[i], Direction::kOut, types,
                        [&](const storage::CsrSnapshot::Edges& run, bool) {
                          add(run);
                          return true;
                        });
      }
      o.out_offsets.push_back(o.out_targets.size());
      if ((i + 1) % kCheckEvery == 0) {
        ctx.CheckInterrupt();
        charge_edges();
      }
    }
  } else {
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
      if (!no_types) {
        std::unique_ptr<storage::EdgeCursor> cursor = txn.Expand(nodes[i], Direction::kOut, types);
        for (storage::EdgeRef e; cursor->Next(&e);) {
          auto it = std::lower_bound(nodes.begin(), nodes.end(), e.other);
          if (it == nodes.end() || *it != e.other) continue;
          o.out_targets.push_back(static_cast<std::uint32_t>(it - nodes.begin()));
          o.out_rels.push_back(e.rel);
        }
      }
      o.out_offsets.push_back(o.out_targets.size());
      if ((i + 1) % kCheckEvery == 0) {
        ctx.CheckInterrupt();
        charge_edges();
      }
    }
  }
  charge_edges();
  t.Finish(ctx);
  return t;
}

Topology Topology::Simplify(RunContext& ctx, const Topology& t, Direction direction) {
  Topology s(&ctx);
  s.snapshot_ = t.snapshot_;
  s.nodes_ = t.nodes_;
  s.node_count_ = t.node_count_;
  s.held_.AddArray<NodeId>(s.nodes_.size());
  s.owned_ = std::make_unique<Owned>();
  Owned& o = *s.owned_;
  o.out_offsets.reserve(t.node_count_ + 1);
  o.out_offsets.push_back(0);
  s.held_.AddArray<std::uint64_t>(t.node_count_ + 1);
  std::uint64_t charged = 0;
  std::vector<std::uint32_t> near;
  for (std::uint32_t i = 0; i < t.node_count_; ++i) {
    near.clear();
    if (direction != Direction::kIn) {
      for (std::uint64_t k = t.out_.offsets[i]; k < t.out_.offsets[i + 1]; ++k) {
        near.push_back(t.out_.targets[k]);
      }
    }
    if (direction != Direction::kOut) {
      for (std::uint64_t k = t.in_.offsets[i]; k < t.in_.offsets[i + 1]; ++k) {
        near.push_back(t.in_.targets[k]);
      }
    }
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end()), near.end());
    for (std::uint32_t n : near) {
      if (n != i) o.out_targets.push_back(n);
    }
    o.out_offsets.push_back(o.out_targets.size());
    if ((i + 1) % kCheckEvery == 0) {
      ctx.CheckInterrupt();
      s.held_.AddArray<std::uint32_t>(o.out_targets.size() - charged);
      charged = o.out_targets.size();
    }
  }
  s.held_.AddArray<std::uint32_t>(o.out_targets.size() - charged);
  s.Finish(ctx);
  return s;
}

void Topology::Finish(RunContext& ctx) {
  Owned& o = *owned_;
  const std::uint32_t n = node_count_;
  const bool with_rels = !o.out_rels.empty();
  o.in_offsets.assign(n + 1, 0);
  held_.AddArray<std::uint64_t>(n + 1);
  held_.Add(o.out_targets.size() * (sizeof(std::uint32_t) + (with_rels ? sizeof(RelId) : 0)));
  for (std::uint32_t target : o.out_targets) ++o.in_offsets[target + 1];
  for (std::uint32_t i = 0; i < n; ++i) o.in_offsets[i + 1] += o.in_offsets[i];
  o.in_targets.resize(o.out_targets.size());
  if (with_rels) o.in_rels.resize(o.out_rels.size());
  std::vector<std::uint64_t> next(o.in_offsets.begin(), o.in_offsets.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint64_t k = o.out_offsets[i]; k < o.out_offsets[i + 1]; ++k) {
      std::uint64_t at = next[o.out_targets[k]]++;
      o.in_targets[at] = i;  // ascending sources per target: sorted in-lists
      if (with_rels) o.in_rels[at] = o.out_rels[k];
    }
    if ((i + 1) % kCheckEvery == 0) ctx.CheckInterrupt();
  }
  out_ = {o.out_offsets, o.out_targets, o.out_rels};
  in_ = {o.in_offsets, o.in_targets, o.in_rels};
}

std::uint32_t Topology::IndexOf(NodeId id) const {
  if (snapshot_) return snapshot_->IndexOf(id);
  auto it = std::lower_bound(nodes_.begin(), nodes_.end(), id);
  if (it == nodes_.end() || *it != id) return kNoIndex;
  return static_cast<std::uint32_t>(it - nodes_.begin());
}

}  // namespace parley::algo
