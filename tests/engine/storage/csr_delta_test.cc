#include "engine/storage/csr_delta.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <shared_mutex>
#include <tuple>
#include <vector>

#include "engine/storage/store_impl.h"
#include "tests/engine/storage/store_test_support.h"

namespace parley::storage {
namespace {

using Change = CsrDelta::Change;

TEST(CsrDeltaTest, ReadersSeeExactlyTheChangesUpToTheirVersion) {
  CsrDelta delta;
  const NodeId a(1), b(2), c(3);
  const RelTypeId t(0);
  EXPECT_FALSE(delta.Touches(a, 100));
  delta.Apply(std::vector<Change>{{RelId(10), t, a, b, true}}, 5);
  delta.Apply(std::vector<Change>{{RelId(3), t, a, c, false},   // a snapshot rel
                                  {RelId(10), t, a, b, false},  // created at 5
                                  {RelId(11), t, c, c, true}},  // a self-loop
              6);
  EXPECT_FALSE(delta.Touches(a, 4));
  EXPECT_TRUE(delta.Touches(a, 5));
  EXPECT_FALSE(delta.Touches(c, 5));
  EXPECT_TRUE(delta.Touches(c, 6));
  EXPECT_FALSE(delta.Touches(NodeId(9), 6));

  CsrDelta::NodeEdges at5 = delta.EdgesAt(a, 5);
  ASSERT_EQ(at5.created.size(), 1u);
  EXPECT_EQ(at5.created[0].rel, RelId(10));
  EXPECT_EQ(at5.created[0].other, b);
  EXPECT_TRUE(at5.created[0].outgoing);
  EXPECT_TRUE(at5.deleted.empty());

  CsrDelta::NodeEdges at6 = delta.EdgesAt(a, 6);
  EXPECT_TRUE(at6.created.empty());
  EXPECT_EQ(at6.deleted, (std::unordered_set<std::uint64_t>{3}));
  EXPECT_EQ(delta.EdgesAt(c, 6).deleted, (std::unordered_set<std::uint64_t>{3}));
  CsrDelta::NodeEdges loop = delta.EdgesAt(c, 6);
  ASSERT_EQ(loop.created.size(), 2u);  // one edge in each direction
  EXPECT_NE(loop.created[0].outgoing, loop.created[1].outgoing);
  EXPECT_EQ(delta.size(), 4u);
}

// The model of a graph: its relationships by id.
struct Rel {
  RelTypeId type;
  NodeId start;
  NodeId end;
};
using Model = std::map<std::uint64_t, Rel>;

// What Expand must yield: outgoing then incoming, each sorted by type, far node and id;
// under kBoth a self-loop once.
std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t, bool>> Expected(
    const Model& model, NodeId node, Direction direction, std::span<const RelTypeId> types) {
  std::vector<std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>> out, in;
  for (const auto& [id, rel] : model) {
    if (!types.empty() && std::find(types.begin(), types.end(), rel.type) == types.end()) {
      continue;
    }
    if (rel.start == node) out.emplace_back(rel.type.value, rel.end.value, id);
    if (rel.end == node && !(direction == Direction::kBoth && rel.start == node)) {
      in.emplace_back(rel.type.value, rel.start.value, id);
    }
  }
  std::sort(out.begin(), out.end());
  std::sort(in.begin(), in.end());
  std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t, bool>> edges;
  if (direction != Direction::kIn) {
    for (auto [type, other, id] : out) edges.emplace_back(id, type, other, true);
  }
  if (direction != Direction::kOut) {
    for (auto [type, other, id] : in) edges.emplace_back(id, type, other, false);
  }
  return edges;
}

void ExpectExpandsLikeTheModel(const Txn& txn, const Model& model,
                               const std::vector<NodeId>& nodes,
                               const std::vector<RelTypeId>& types) {
  std::vector<RelTypeId> only_first{types[0]};
  for (NodeId node : nodes) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      for (bool filtered : {false, true}) {
        std::span<const RelTypeId> filter =
            filtered ? std::span<const RelTypeId>(only_first) : std::span<const RelTypeId>();
        std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t, bool>> got;
        auto cursor = txn.Expand(node, d, filter);
        for (EdgeRef e{}; cursor->Next(&e);) {
          got.emplace_back(e.rel.value, e.type.value, e.other.value, e.outgoing);
        }
        auto expected = Expected(model, node, d, filter);
        ASSERT_EQ(got, expected) << "node " << node.value << " direction " << static_cast<int>(d)
                                 << (filtered ? " filtered" : "");
        EXPECT_EQ(txn.Degree(node, d, filter), expected.size());
      }
    }
  }
}

// Commits of random creations and deletions (self-loops, detached nodes, relationships
// created and deleted in one Txn, rolled-back save points) after the CSR was built:
// readers at every version expand exactly as the graph was at their version, and the
// CSR is carried forward by its delta rather than rebuilt.
TEST(CsrDeltaTest, ExpandFollowsCommitsThroughTheDelta) {
  auto store = testing::MemoryStore("csr-delta");
  auto* impl = dynamic_cast<GraphStoreImpl*>(store.get());
  ASSERT_NE(impl, nullptr);
  std::mt19937 random(7);
  std::vector<NodeId> nodes;  // every node ever made; deleted ones stay listed
  std::vector<NodeId> alive;
  std::vector<RelTypeId> types;
  Model model;
  auto pick = [&](const std::vector<NodeId>& from) { return from[random() % from.size()]; };
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    types = {txn->GetOrCreateRelType("A"), txn->GetOrCreateRelType("B")};
    for (int i = 0; i < 40; ++i) alive.push_back(txn->CreateNode({}, {}));
    for (int i = 0; i < 150; ++i) {
      Rel rel{types[random() % 2], pick(alive), pick(alive)};
      model[txn->CreateRel(rel.start, rel.type, rel.end, {}).value] = rel;
    }
    txn->Commit();
  }
  nodes = alive;
  store->RefreshCsr();
  auto built = store->Csr();

  std::vector<std::pair<std::unique_ptr<Txn>, Model>> readers;
  for (int round = 0; round < 30; ++round) {
    readers.emplace_back(store->Begin(TxnMode::kReadOnly), model);
    auto txn = store->Begin(TxnMode::kReadWrite);
    for (int step = 0; step < 12; ++step) {
      int what = static_cast<int>(random() % 10);
      if (what < 5) {
        Rel rel{types[random() % 2], pick(alive), pick(alive)};
        if (random() % 6 == 0) rel.end = rel.start;  // a self-loop
        model[txn->CreateRel(rel.start, rel.type, rel.end, {}).value] = rel;
      } else if (what < 8 && !model.empty()) {
        auto it = std::next(model.begin(), static_cast<long>(random() % model.size()));
        txn->DeleteRel(RelId(it->first));
        model.erase(it);
      } else if (what == 8) {
        NodeId created = txn->CreateNode({}, {});
        alive.push_back(created);
        nodes.push_back(created);
      } else if (alive.size() > 5) {
        std::size_t victim = random() % alive.size();
        txn->DeleteNode(alive[victim], /*detach=*/true);
        std::erase_if(model, [&](const auto& entry) {
          return entry.second.start == alive[victim] || entry.second.end == alive[victim];
        });
        alive.erase(alive.begin() + static_cast<long>(victim));
      }
    }
    if (round % 5 == 4) {  // a statement undone by its save point leaves no trace
      txn->SetSavePoint();
      txn->CreateRel(alive[0], types[0], alive[1], {});
      txn->DeleteRel(RelId(model.begin()->first));
      txn->RollbackToSavePoint();
    }
    txn->Commit();
    store->RefreshCsr();  // the delta covers the commit: nothing to rebuild
    auto now = store->Begin(TxnMode::kReadOnly);
    ExpectExpandsLikeTheModel(*now, model, alive, types);
  }
  for (auto& [reader, then] : readers) {
    std::vector<NodeId> then_alive;
    for (NodeId n : nodes) {
      if (reader->NodeExists(n)) then_alive.push_back(n);
    }
    ExpectExpandsLikeTheModel(*reader, then, then_alive, types);
  }
  std::uint64_t committed;
  {
    std::shared_lock lock(impl->state_mutex());
    committed = impl->committed().topology_version;
  }
  CsrView view = impl->CsrIfBuilt(committed);
  EXPECT_EQ(view.snapshot, built) << "the CSR was rebuilt instead of carried forward";
  EXPECT_GT(view.delta->size(), 0u);
  // Csr() itself answers with an exact snapshot: it folds the commits in by rebuilding.
  auto exact = store->Csr();
  EXPECT_NE(exact, built);
  EXPECT_EQ(exact->rel_count(), model.size());
}

}  // namespace
}  // namespace parley::storage
