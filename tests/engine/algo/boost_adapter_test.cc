// The Boost.Graph adapter and the Topology under it, on the storage layer alone: concept
// checks, the edges each direction yields, restrictions, the snapshot borrowed without a
// copy, the fallback read of a transaction that changed the graph, and Boost's own
// algorithms run on it.
#include "engine/algo/boost_adapter.h"

#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <stdexcept>

#include "engine/algo/procedures.h"
#include "engine/storage/graph_store.h"

namespace parley::algo {
namespace {

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyMapConcept<CsrVertexIndexMap, std::uint32_t>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<CsrWeightMap, CsrEdge>));

class TestContext final : public RunContext {
 public:
  explicit TestContext(const storage::Txn& txn) : txn_(txn) {}
  const storage::Txn& txn() const override { return txn_; }
  void CheckInterrupt() override {
    ++checks;
    if (cancel) throw std::runtime_error("cancelled");
  }
  void Charge(std::uint64_t bytes) override {
    charged += bytes;
    if (limit != 0 && charged > limit) throw std::runtime_error("memory");
  }
  void Release(std::uint64_t bytes) override { charged -= bytes; }

  std::uint64_t charged = 0;
  std::uint64_t limit = 0;
  int checks = 0;
  bool cancel = false;

 private:
  const storage::Txn& txn_;
};

class AdapterTest : public ::testing::Test {
 protected:
  // a -R-> b, a -S-> c, b -R-> c, c -R-> a; d alone; labels: a, b, c :X; d :Y.
  AdapterTest() {
    storage::StoreOptions options;
    options.in_memory = true;
    store_ = storage::GraphStore::Open("adapter", options);
    auto txn = store_->Begin(storage::TxnMode::kReadWrite);
    LabelId x = txn->GetOrCreateLabel("X"), y = txn->GetOrCreateLabel("Y");
    r_ = txn->GetOrCreateRelType("R");
    s_ = txn->GetOrCreateRelType("S");
    w_ = txn->GetOrCreatePropKey("w");
    for (int i = 0; i < 3; ++i) ids_.push_back(txn->CreateNode(std::vector<LabelId>{x}, {}));
    ids_.push_back(txn->CreateNode(std::vector<LabelId>{y}, {}));
    txn->CreateRel(ids_[0], r_, ids_[1], {{w_, Value(2.0)}});
    txn->CreateRel(ids_[0], s_, ids_[2], {{w_, Value(5)}});
    txn->CreateRel(ids_[1], r_, ids_[2], {{w_, Value(1.5)}});
    txn->CreateRel(ids_[2], r_, ids_[0], {{w_, Value(1)}});
    txn->Commit();
  }

  // Each vertex's targets in the adapter's out_edges order.
  static std::vector<std::vector<std::uint32_t>> Targets(const CsrGraph& g) {
    std::vector<std::vector<std::uint32_t>> out(num_vertices(g));
    for (auto [v, vend] = vertices(g); v != vend; ++v) {
      for (auto [e, eend] = out_edges(*v, g); e != eend; ++e) {
        EXPECT_EQ(source(*e, g), *v);
        out[*v].push_back(target(*e, g));
      }
      EXPECT_EQ(out[*v].size(), out_degree(*v, g));
    }
    return out;
  }

  std::unique_ptr<storage::GraphStore> store_;
  std::vector<NodeId> ids_;
  RelTypeId r_, s_;
  PropKeyId w_;
};

TEST_F(AdapterTest, BorrowsTheExactSnapshot) {
  store_->Csr();
  auto txn = store_->Begin(storage::TxnMode::kReadOnly);
  TestContext ctx(*txn);
  Topology t = Topology::Load(ctx, {});
  EXPECT_TRUE(t.borrowed());
  EXPECT_EQ(ctx.charged, 0u);  // nothing copied
  EXPECT_EQ(t.node_count(), 4u);
  for (std::uint32_t i = 0; i < 4; ++i) EXPECT_EQ(t.IndexOf(ids_[i]), i);

  using V = std::vector<std::vector<std::uint32_t>>;
  // Out: a's edges sorted by type (R then S).
  EXPECT_EQ(Targets(CsrGraph(t, Direction::kOut, &ctx)), (V{{1, 2}, {2}, {0}, {}}));
  // In: c's edges by type too, b -R-> c before a -S-> c.
  EXPECT_EQ(Targets(CsrGraph(t, Direction::kIn, &ctx)), (V{{2}, {0}, {1, 0}, {}}));
  EXPECT_EQ(Targets(CsrGraph(t, Direction::kBoth, &ctx)),
            (V{{1, 2, 2}, {2, 0}, {0, 1, 0}, {}}));
  CsrGraph both(t, Direction::kBoth, &ctx);
  EXPECT_EQ(num_edges(both), 8u);
  std::uint64_t listed = 0;
  for (auto [e, end] = edges(both); e != end; ++e) ++listed;
  EXPECT_EQ(listed, 8u);
}

TEST_F(AdapterTest, RestrictionsBuildADenseCopy) {
  store_->Csr();
  auto txn = store_->Begin(storage::TxnMode::kReadOnly);
  TestContext ctx(*txn);
  Restriction only_r;
  only_r.types = std::vector<RelTypeId>{r_};
  Topology t = Topology::Load(ctx, only_r);
  EXPECT_FALSE(t.borrowed());
  EXPECT_GT(ctx.charged, 0u);
  using V = std::vector<std::vector<std::uint32_t>>;
  EXPECT_EQ(Targets(CsrGraph(t, Direction::kOut, &ctx)), (V{{1}, {2}, {0}, {}}));
  EXPECT_EQ(Targets(CsrGraph(t, Direction::kIn, &ctx)), (V{{2}, {0}, {1}, {}}));

  Restriction only_y;
  only_y.labels = std::vector<LabelId>{*txn->FindLabel("Y")};
  Topology y = Topology::Load(ctx, only_y);
  EXPECT_EQ(y.node_count(), 1u);
  EXPECT_EQ(y.NodeAt(0), ids_[3]);
  EXPECT_EQ(y.IndexOf(ids_[0]), Topology::kNoIndex);
  EXPECT_EQ(y.rel_count(), 0u);
}

TEST_F(AdapterTest, ReadsATransactionsOwnChanges) {
  store_->Csr();
  auto txn = store_->Begin(storage::TxnMode::kReadWrite);
  txn->CreateRel(ids_[3], r_, ids_[0], {});
  TestContext ctx(*txn);
  Topology t = Topology::Load(ctx, {});
  EXPECT_FALSE(t.borrowed());  // the snapshot lacks the new relationship
  using V = std::vector<std::vector<std::uint32_t>>;
  EXPECT_EQ(Targets(CsrGraph(t, Direction::kOut, &ctx)), (V{{1, 2}, {2}, {0}, {0}}));
}

TEST_F(AdapterTest, BoostBreadthFirstSearchRunsOnIt) {
  store_->Csr();
  auto txn = store_->Begin(storage::TxnMode::kReadOnly);
  TestContext ctx(*txn);
  Topology t = Topology::Load(ctx, {});
  CsrGraph g(t, Direction::kIn, &ctx);
  std::vector<boost::default_color_type> color(num_vertices(g));
  std::vector<std::uint32_t> order;
  struct Recorder : boost::default_bfs_visitor {
    std::vector<std::uint32_t>* order;
    void discover_vertex(std::uint32_t v, const CsrGraph&) const { order->push_back(v); }
  } recorder;
  recorder.order = &order;
  boost::breadth_first_search(
      g, 0, boost::visitor(recorder).color_map(boost::make_iterator_property_map(
                color.begin(), get(boost::vertex_index, g))));
  // Against the direction from a: c (c -> a), then b (b -> c).
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 2, 1}));
}

TEST_F(AdapterTest, ProceduresRunThroughTheRegistry) {
  store_->Csr();
  auto txn = store_->Begin(storage::TxnMode::kReadOnly);
  TestContext ctx(*txn);
  Node a;
  a.id = ids_[0].value;
  Map config{{"weight", Value("w")}};
  Rows rows = FindProcedure("algo.sssp")->run(ctx, {Value(a), Value(config)});
  std::map<std::uint64_t, double> distance;
  for (const auto& row : rows) distance[row[0].as_node().id] = row[1].as_float();
  EXPECT_EQ(distance.size(), 3u);
  EXPECT_DOUBLE_EQ(distance[ids_[1].value], 2.0);
  EXPECT_DOUBLE_EQ(distance[ids_[2].value], 3.5);  // a -> b -> c beats a -S-> c (5)
  EXPECT_EQ(ctx.charged, 0u);  // everything charged was given back

  // PageRank sums to one; d, a sink, spreads its rank over everyone.
  rows = FindProcedure("algo.pageRank")->run(ctx, {Value()});
  double sum = 0;
  for (const auto& row : rows) sum += row[1].as_float();
  EXPECT_NEAR(sum, 1.0, 1e-12);

  ctx.cancel = true;
  EXPECT_THROW(FindProcedure("algo.pageRank")->run(ctx, {Value()}), std::runtime_error);
  ctx.cancel = false;
  ctx.limit = 16;
  EXPECT_THROW(FindProcedure("algo.wcc")->run(ctx, {Value()}), std::runtime_error);
}

}  // namespace
}  // namespace parley::algo
