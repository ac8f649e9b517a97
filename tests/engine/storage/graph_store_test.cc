#include "engine/storage/graph_store.h"

#include <gtest/gtest.h>
#include <rocksdb/perf_context.h>
#include <rocksdb/perf_level.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "engine/storage/bulk_writer.h"
#include "engine/storage/csr_snapshot.h"
#include "parley/error.h"
#include "tests/engine/storage/store_test_support.h"

namespace parley::storage {
namespace {

std::unique_ptr<GraphStore> MemoryStore() { return testing::MemoryStore("graph"); }
using testing::Drain;

std::vector<EdgeRef> DrainEdges(std::unique_ptr<EdgeCursor> cursor) {
  std::vector<EdgeRef> out;
  for (EdgeRef e{}; cursor->Next(&e);) out.push_back(e);
  return out;
}

template <typename Fn>
Error CatchError(Fn fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no Error thrown";
  return Error(ErrorKind::kRuntimeError, "", "");
}

TEST(GraphStoreTest, CreatedNodeHasItsLabelsAndPropertiesAfterCommit) {
  auto store = MemoryStore();
  NodeId id;
  LabelId person, leader;
  PropKeyId name, age;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    person = txn->GetOrCreateLabel("Person");
    leader = txn->GetOrCreateLabel("Leader");
    name = txn->GetOrCreatePropKey("name");
    age = txn->GetOrCreatePropKey("age");
    std::vector<LabelId> labels{leader, person};
    id = txn->CreateNode(labels, {{name, Value("Ann")}, {age, Value(42)}});
    txn->Commit();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(txn->NodeExists(id));
  EXPECT_EQ(txn->NodeLabels(id), (std::vector<LabelId>{person, leader}));
  EXPECT_TRUE(txn->NodeHasLabel(id, leader));
  EXPECT_EQ(txn->NodeProperty(id, name), Value("Ann"));
  EXPECT_EQ(txn->NodeProperty(id, age), Value(42));
  EXPECT_EQ(txn->NodeProperties(id).size(), 2u);
  EXPECT_EQ(txn->LabelName(person), "Person");
  EXPECT_EQ(*txn->FindPropKey("age"), age);
  EXPECT_FALSE(txn->FindLabel("Nope").has_value());
}

TEST(GraphStoreTest, SettingNullRemovesAProperty) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  PropKeyId k = txn->GetOrCreatePropKey("k");
  NodeId id = txn->CreateNode({}, {{k, Value(1)}});
  txn->SetNodeProperty(id, k, Value());
  EXPECT_TRUE(txn->NodeProperty(id, k).is_null());
  EXPECT_TRUE(txn->NodeProperties(id).empty());
}

TEST(GraphStoreTest, RefusesMapsMixedListsAndListsOfLists) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  PropKeyId k = txn->GetOrCreatePropKey("k");
  NodeId id = txn->CreateNode({}, {});
  for (const Value& bad : {Value(Map{{"a", Value(1)}}), Value(List{Value(1), Value("x")}),
                           Value(List{Value(List{Value(1)})}), Value(List{Value(1), Value()}),
                           Value(List{Value(1), Value(1.5)})}) {
    Error e = CatchError([&] { txn->SetNodeProperty(id, k, bad); });
    EXPECT_EQ(e.kind(), ErrorKind::kTypeError);
    EXPECT_EQ(e.detail(), "InvalidPropertyType");
  }
  txn->SetNodeProperty(id, k, Value(List{}));
  EXPECT_EQ(txn->NodeProperty(id, k), Value(List{}));
}

TEST(GraphStoreTest, LabelsCanBeAddedAndRemoved) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId a = txn->GetOrCreateLabel("A");
  LabelId b = txn->GetOrCreateLabel("B");
  NodeId n = txn->CreateNode(std::vector<LabelId>{a}, {});
  EXPECT_TRUE(txn->AddNodeLabel(n, b));
  EXPECT_FALSE(txn->AddNodeLabel(n, b));
  EXPECT_EQ(Drain(txn->ScanLabel(b)), std::vector<NodeId>{n});
  EXPECT_EQ(txn->LabelCount(b), 1u);
  EXPECT_TRUE(txn->RemoveNodeLabel(n, a));
  EXPECT_FALSE(txn->RemoveNodeLabel(n, a));
  EXPECT_TRUE(Drain(txn->ScanLabel(a)).empty());
  EXPECT_EQ(txn->LabelCount(a), 0u);
  EXPECT_EQ(txn->NodeLabels(n), std::vector<LabelId>{b});
}

TEST(GraphStoreTest, LabelScanYieldsExactlyTheLabelledNodesInIdOrder) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId a = txn->GetOrCreateLabel("A");
  LabelId b = txn->GetOrCreateLabel("B");
  std::vector<NodeId> with_a, all;
  for (int i = 0; i < 50; ++i) {
    std::vector<LabelId> labels;
    if (i % 3 == 0) labels.push_back(a);
    if (i % 5 == 0) labels.push_back(b);
    NodeId id = txn->CreateNode(labels, {});
    all.push_back(id);
    if (i % 3 == 0) with_a.push_back(id);
  }
  txn->Commit();
  auto reader = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(Drain(reader->ScanLabel(a)), with_a);
  EXPECT_EQ(Drain(reader->ScanNodes()), all);
  EXPECT_EQ(reader->LabelCount(a), with_a.size());
  EXPECT_EQ(reader->LabelCount(b), 10u);
  EXPECT_EQ(reader->NodeCount(), 50u);
}

TEST(GraphStoreTest, ExpandFollowsDirectionAndTypeFilters) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  RelTypeId knows = txn->GetOrCreateRelType("KNOWS");
  RelTypeId likes = txn->GetOrCreateRelType("LIKES");
  NodeId a = txn->CreateNode({}, {}), b = txn->CreateNode({}, {}), c = txn->CreateNode({}, {});
  RelId ab = txn->CreateRel(a, knows, b, {});
  RelId ca = txn->CreateRel(c, likes, a, {});
  RelId aa = txn->CreateRel(a, likes, a, {});
  auto out = DrainEdges(txn->Expand(a, Direction::kOut, {}));
  ASSERT_EQ(out.size(), 2u);  // ab (KNOWS) then aa (LIKES): sorted by type
  EXPECT_EQ(out[0].rel, ab);
  EXPECT_EQ(out[0].other, b);
  EXPECT_TRUE(out[0].outgoing);
  EXPECT_EQ(out[1].rel, aa);
  auto in = DrainEdges(txn->Expand(a, Direction::kIn, {}));
  ASSERT_EQ(in.size(), 2u);
  EXPECT_FALSE(in[0].outgoing);
  std::vector<RelTypeId> only_likes{likes};
  auto both_likes = DrainEdges(txn->Expand(a, Direction::kBoth, only_likes));
  ASSERT_EQ(both_likes.size(), 2u);  // the loop once, ca once
  EXPECT_EQ(both_likes[0].rel, aa);
  EXPECT_EQ(both_likes[1].rel, ca);
  EXPECT_EQ(both_likes[1].other, c);
  EXPECT_EQ(txn->Degree(a, Direction::kBoth, {}), 3u);
  EXPECT_EQ(txn->Degree(a, Direction::kOut, only_likes), 1u);
  EXPECT_EQ(txn->Degree(b, Direction::kIn, {}), 1u);
  auto rel = txn->GetRel(ca);
  ASSERT_TRUE(rel.has_value());
  EXPECT_EQ(rel->start, c);
  EXPECT_EQ(rel->end, a);
  EXPECT_EQ(rel->type, likes);
}

TEST(GraphStoreTest, ExpandOverCsrMatchesExpandOverScans) {
  auto store = MemoryStore();
  std::vector<NodeId> nodes;
  std::vector<RelTypeId> types;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    types = {txn->GetOrCreateRelType("A"), txn->GetOrCreateRelType("B")};
    for (int i = 0; i < 30; ++i) nodes.push_back(txn->CreateNode({}, {}));
    txn->DeleteNode(nodes[7], false);                  // sparse ids
    txn->CreateRel(nodes[3], types[1], nodes[3], {});  // self-loops
    txn->CreateRel(nodes[4], types[0], nodes[4], {});
    for (int i = 0; i < 200; ++i) {
      NodeId s = nodes[(i * 7) % 30], e = nodes[(i * 11 + 3) % 30];
      if (s == nodes[7] || e == nodes[7]) continue;
      txn->CreateRel(s, types[i % 2], e, {});
    }
    txn->Commit();
  }
  std::vector<std::vector<EdgeRef>> by_scan;
  auto reader = store->Begin(TxnMode::kReadOnly);
  std::vector<RelTypeId> only_b{types[1]};
  for (NodeId n : nodes) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      by_scan.push_back(DrainEdges(reader->Expand(n, d, {})));
      by_scan.push_back(DrainEdges(reader->Expand(n, d, only_b)));
      EXPECT_EQ(reader->Degree(n, d, {}), by_scan[by_scan.size() - 2].size());
    }
  }
  auto csr = store->Csr();
  EXPECT_EQ(csr->node_count(), 29u);
  EXPECT_EQ(csr->rel_count(), reader->RelCount());
  auto after = store->Begin(TxnMode::kReadOnly);  // sees the built CSR
  std::size_t i = 0;
  for (NodeId n : nodes) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      for (bool filtered : {false, true}) {
        auto edges = filtered ? DrainEdges(after->Expand(n, d, only_b))
                              : DrainEdges(after->Expand(n, d, {}));
        const auto& expected = by_scan[i++];
        ASSERT_EQ(edges.size(), expected.size());
        EXPECT_EQ(filtered ? after->Degree(n, d, only_b) : after->Degree(n, d, {}),
                  expected.size());
        for (std::size_t j = 0; j < edges.size(); ++j) {
          EXPECT_EQ(edges[j].rel, expected[j].rel);
          EXPECT_EQ(edges[j].other, expected[j].other);
          EXPECT_EQ(edges[j].outgoing, expected[j].outgoing);
          EXPECT_EQ(edges[j].type, expected[j].type);
        }
      }
    }
  }
}

TEST(GraphStoreTest, CsrFollowsCommits) {
  auto store = MemoryStore();
  NodeId a, b;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    a = txn->CreateNode({}, {});
    b = txn->CreateNode({}, {});
    txn->Commit();
  }
  EXPECT_EQ(store->Csr()->rel_count(), 0u);
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateRel(a, txn->GetOrCreateRelType("T"), b, {});
    EXPECT_EQ(DrainEdges(txn->Expand(a, Direction::kOut, {})).size(), 1u);  // own write
    txn->Commit();
  }
  auto csr = store->Csr();
  EXPECT_EQ(csr->rel_count(), 1u);
  EXPECT_EQ(csr->Out(csr->IndexOf(a)).size(), 1u);
  EXPECT_EQ(csr->In(csr->IndexOf(b)).size(), 1u);
}

TEST(GraphStoreTest, CsrMapsVerySparseNodeIds) {
  auto store = MemoryStore();
  std::vector<NodeId> kept;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    RelTypeId t = txn->GetOrCreateRelType("T");
    for (int i = 0; i < 5000; ++i) {
      NodeId id = txn->CreateNode({}, {});
      if (i % 1000 == 999) {
        kept.push_back(id);
      } else {
        txn->DeleteNode(id, false);
      }
    }
    for (std::size_t i = 0; i + 1 < kept.size(); ++i) txn->CreateRel(kept[i], t, kept[i + 1], {});
    txn->Commit();
  }
  auto csr = store->Csr();  // 5 nodes with ids up to 4999: looked up by binary search
  ASSERT_EQ(csr->node_count(), 5u);
  EXPECT_EQ(csr->IndexOf(NodeId(3)), CsrSnapshot::kNoIndex);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    std::uint32_t index = csr->IndexOf(kept[i]);
    ASSERT_NE(index, CsrSnapshot::kNoIndex);
    EXPECT_EQ(csr->NodeAt(index), kept[i]);
    EXPECT_EQ(csr->Out(index).size(), i + 1 < kept.size() ? 1u : 0u);
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  auto edges = DrainEdges(txn->Expand(kept[1], Direction::kBoth, {}));
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0].other, kept[2]);
  EXPECT_EQ(edges[1].other, kept[0]);
}

TEST(GraphStoreTest, DeleteNodeRefusesConnectedNodesUnlessDetach) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  RelTypeId t = txn->GetOrCreateRelType("T");
  NodeId a = txn->CreateNode({}, {}), b = txn->CreateNode({}, {});
  txn->CreateRel(a, t, b, {});
  txn->CreateRel(a, t, a, {});
  Error e = CatchError([&] { txn->DeleteNode(a, false); });
  EXPECT_EQ(e.kind(), ErrorKind::kConstraintVerificationFailed);
  EXPECT_EQ(e.detail(), "DeleteConnectedNode");
  EXPECT_EQ(txn->DeleteNode(a, true), 2u);
  EXPECT_FALSE(txn->NodeExists(a));
  EXPECT_EQ(txn->RelCount(), 0u);
  EXPECT_EQ(txn->RelTypeCount(t), 0u);
  EXPECT_EQ(txn->Degree(b, Direction::kBoth, {}), 0u);
  EXPECT_EQ(txn->NodeCount(), 1u);
}

TEST(GraphStoreTest, RelationshipPropertiesAndScans) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  RelTypeId t = txn->GetOrCreateRelType("T"), u = txn->GetOrCreateRelType("U");
  PropKeyId since = txn->GetOrCreatePropKey("since");
  NodeId a = txn->CreateNode({}, {}), b = txn->CreateNode({}, {});
  RelId r1 = txn->CreateRel(a, t, b, {{since, Value(1999)}});
  RelId r2 = txn->CreateRel(b, u, a, {});
  EXPECT_EQ(txn->RelProperty(r1, since), Value(1999));
  txn->SetRelProperty(r2, since, Value(2001.5));
  EXPECT_EQ(txn->RelProperties(r2).size(), 1u);
  std::vector<RelId> seen;
  auto all = txn->ScanRels();
  for (RelRecord r{}; all->Next(&r);) seen.push_back(r.id);
  EXPECT_EQ(seen, (std::vector<RelId>{r1, r2}));
  auto of_u = txn->ScanRelType(u);
  RelRecord rec{};
  ASSERT_TRUE(of_u->Next(&rec));
  EXPECT_EQ(rec.id, r2);
  EXPECT_EQ(rec.start, b);
  EXPECT_EQ(rec.end, a);
  EXPECT_FALSE(of_u->Next(&rec));
  txn->DeleteRel(r1);
  EXPECT_FALSE(txn->GetRel(r1).has_value());
  EXPECT_EQ(txn->RelTypeCount(t), 0u);
}

TEST(GraphStoreTest, RollbackLeavesNothing) {
  auto store = MemoryStore();
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    LabelId l = txn->GetOrCreateLabel("Gone");
    NodeId a = txn->CreateNode(std::vector<LabelId>{l}, {});
    txn->CreateRel(a, txn->GetOrCreateRelType("T"), a, {});
    txn->Rollback();
  }
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateNode({}, {});
    // destroyed without Commit: rolled back
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 0u);
  EXPECT_EQ(txn->RelCount(), 0u);
  EXPECT_FALSE(txn->FindLabel("Gone").has_value());
  EXPECT_TRUE(txn->AllLabels().empty());
  EXPECT_TRUE(Drain(txn->ScanNodes()).empty());
}

TEST(GraphStoreTest, SavePointUndoesOnlyLaterChanges) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId keep = txn->GetOrCreateLabel("Keep");
  NodeId a = txn->CreateNode(std::vector<LabelId>{keep}, {});
  txn->SetSavePoint();
  LabelId later = txn->GetOrCreateLabel("Later");
  NodeId b = txn->CreateNode(std::vector<LabelId>{later, keep}, {});
  txn->CreateRel(a, txn->GetOrCreateRelType("T"), b, {});
  EXPECT_EQ(txn->LabelCount(keep), 2u);
  txn->RollbackToSavePoint();
  EXPECT_FALSE(txn->NodeExists(b));
  EXPECT_TRUE(txn->NodeExists(a));
  EXPECT_EQ(txn->LabelCount(keep), 1u);
  EXPECT_EQ(txn->NodeCount(), 1u);
  EXPECT_EQ(txn->RelCount(), 0u);
  EXPECT_FALSE(txn->FindLabel("Later").has_value());
  txn->SetSavePoint();
  NodeId c = txn->CreateNode({}, {});
  txn->PopSavePoint();
  txn->Commit();
  auto reader = store->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(reader->NodeExists(c));
  EXPECT_EQ(reader->NodeCount(), 2u);
  EXPECT_FALSE(reader->FindLabel("Later").has_value());
}

// A Txn's batch keeps one entry per write, so a key written several times has several
// entries; every read must still see only the latest, before and after save points.
TEST(GraphStoreTest, KeysWrittenRepeatedlyInOneTxnAreSeenOnceAsLastWritten) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId a = txn->GetOrCreateLabel("A");
  PropKeyId k = txn->GetOrCreatePropKey("k");
  RelTypeId t = txn->GetOrCreateRelType("T");
  txn->CreateIndex(a, k);
  NodeId n = txn->CreateNode(std::vector<LabelId>{a}, {{k, Value(1)}});
  NodeId m = txn->CreateNode(std::vector<LabelId>{a}, {{k, Value(2)}});
  for (int round = 0; round < 3; ++round) {
    EXPECT_TRUE(txn->RemoveNodeLabel(n, a));
    EXPECT_TRUE(txn->AddNodeLabel(n, a));
    txn->SetNodeProperty(n, k, Value(7));
    txn->SetNodeProperty(n, k, Value(1));
  }
  RelId r = txn->CreateRel(n, t, m, {});
  txn->DeleteRel(r);
  RelId kept = txn->CreateRel(n, t, m, {{k, Value(3)}});
  txn->SetRelProperty(kept, k, Value(4));

  auto check = [&](Txn& reader) {
    EXPECT_EQ(Drain(reader.ScanLabel(a)), (std::vector<NodeId>{n, m}));
    EXPECT_EQ(Drain(reader.IndexSeek(a, k, Value(1))), std::vector<NodeId>{n});
    EXPECT_TRUE(Drain(reader.IndexSeek(a, k, Value(7))).empty());
    std::vector<EdgeRef> out = DrainEdges(reader.Expand(n, Direction::kOut, {}));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].rel, kept);
    EXPECT_EQ(reader.RelProperty(kept, k), Value(4));
    EXPECT_EQ(reader.NodeProperty(n, k), Value(1));
    std::vector<RelId> of_type;
    auto rels = reader.ScanRelType(t);
    for (RelRecord rel; rels->Next(&rel);) of_type.push_back(rel.id);
    EXPECT_EQ(of_type, std::vector<RelId>{kept});
  };
  check(*txn);
  txn->SetSavePoint();
  txn->SetNodeProperty(n, k, Value(9));
  EXPECT_TRUE(txn->RemoveNodeLabel(n, a));
  txn->DeleteRel(kept);
  txn->RollbackToSavePoint();
  check(*txn);
  txn->Commit();
  auto reader = store->Begin(TxnMode::kReadOnly);
  check(*reader);
}

// Writes reach the batch's index only when read back; nested save points must undo exactly
// the later writes whether or not they were read back before the rollback.
TEST(GraphStoreTest, NestedSavePointsUndoWritesReadBackOrNot) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId a = txn->GetOrCreateLabel("A");
  txn->SetSavePoint();
  NodeId x = txn->CreateNode(std::vector<LabelId>{a}, {});
  txn->SetSavePoint();
  NodeId y = txn->CreateNode(std::vector<LabelId>{a}, {});
  EXPECT_EQ(Drain(txn->ScanLabel(a)), (std::vector<NodeId>{x, y}));  // read back
  NodeId z = txn->CreateNode(std::vector<LabelId>{a}, {});           // not read back
  txn->RollbackToSavePoint();
  EXPECT_EQ(Drain(txn->ScanLabel(a)), std::vector<NodeId>{x});
  EXPECT_FALSE(txn->NodeExists(y));
  EXPECT_FALSE(txn->NodeExists(z));
  txn->CreateNode(std::vector<LabelId>{a}, {});
  txn->RollbackToSavePoint();
  txn->CreateNode({}, {});  // written after both rollbacks, never read back
  txn->Commit();
  auto reader = store->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(Drain(reader->ScanLabel(a)).empty());
  EXPECT_EQ(Drain(reader->ScanNodes()).size(), 1u);
  EXPECT_EQ(reader->NodeCount(), 1u);
}

TEST(GraphStoreTest, ReaderSnapshotIgnoresConcurrentWriter) {
  auto store = MemoryStore();
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateNode({}, {});
    txn->Commit();
  }
  auto reader = store->Begin(TxnMode::kReadOnly);
  auto writer = store->Begin(TxnMode::kReadWrite);
  LabelId l = writer->GetOrCreateLabel("New");
  writer->CreateNode(std::vector<LabelId>{l}, {});
  EXPECT_EQ(writer->NodeCount(), 2u);
  EXPECT_EQ(reader->NodeCount(), 1u);  // uncommitted work is invisible
  writer->Commit();
  EXPECT_EQ(reader->NodeCount(), 1u);  // and so is later work
  EXPECT_EQ(Drain(reader->ScanNodes()).size(), 1u);
  EXPECT_FALSE(reader->FindLabel("New").has_value());
  auto fresh = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(fresh->NodeCount(), 2u);
  EXPECT_EQ(fresh->LabelCount(*fresh->FindLabel("New")), 1u);
}

TEST(GraphStoreTest, SecondWriterWaitsForTheFirst) {
  auto store = MemoryStore();
  auto first = store->Begin(TxnMode::kReadWrite);
  first->CreateNode({}, {});
  std::atomic<bool> second_began{false};
  std::thread other([&] {
    auto second = store->Begin(TxnMode::kReadWrite);
    second_began = true;
    EXPECT_EQ(second->NodeCount(), 1u);  // it starts after the first committed
    second->CreateNode({}, {});
    second->Commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(second_began);
  first->Commit();
  other.join();
  EXPECT_EQ(store->Begin(TxnMode::kReadOnly)->NodeCount(), 2u);
}

TEST(GraphStoreTest, ReadOnlyTxnRefusesWrites) {
  auto store = MemoryStore();
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(txn->read_only());
  Error e = CatchError([&] { txn->CreateNode({}, {}); });
  EXPECT_EQ(e.detail(), "ReadOnlyTransaction");
  EXPECT_THROW(txn->GetOrCreateLabel("X"), Error);
}

TEST(GraphStoreTest, CatalogAndDataSurviveReopen) {
  std::string dir = ::testing::TempDir() + "/graph_store_reopen";
  std::filesystem::remove_all(dir);
  NodeId a;
  {
    auto store = GraphStore::Open(dir, {});
    auto txn = store->Begin(TxnMode::kReadWrite);
    LabelId l = txn->GetOrCreateLabel("L");
    PropKeyId k = txn->GetOrCreatePropKey("k");
    a = txn->CreateNode(std::vector<LabelId>{l}, {{k, Value("v")}});
    txn->CreateRel(a, txn->GetOrCreateRelType("T"), a, {});
    txn->CreateIndex(l, k);
    txn->Commit();
  }
  auto store = GraphStore::Open(dir, {});
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId l = *txn->FindLabel("L");
  PropKeyId k = *txn->FindPropKey("k");
  EXPECT_EQ(txn->NodeProperty(a, k), Value("v"));
  EXPECT_TRUE(txn->HasIndex(l, k));
  EXPECT_EQ(Drain(txn->IndexSeek(l, k, Value("v"))), std::vector<NodeId>{a});
  EXPECT_EQ(txn->RelTypeName(*txn->FindRelType("T")), "T");
  EXPECT_EQ(txn->NodeCount(), 1u);
  EXPECT_EQ(txn->RelCount(), 1u);
  NodeId b = txn->CreateNode({}, {});
  EXPECT_GT(b, a);  // ids are not reused
  std::filesystem::remove_all(dir);
}

// Deleted nodes left tombstones that every later scan of the node family stepped past
// until the memtable filled and compactions came by: after many loads and deletions,
// reading a few live nodes meant stepping past thousands of deleted ones. A memtable that
// is half deletions is flushed, and its table compacted away, so scans stay short.
TEST(GraphStoreTest, ScansDoNotStepPastTheTombstonesOfManyDeletedNodes) {
  // Loads as one batch put the nodes in the memtable, beside their deletions; loads as
  // tables put them in tables, which only a compaction merges with the deletions.
  for (std::uint64_t batch_limit : {BulkWriter::kDefaultBatchLimit, std::uint64_t{0}}) {
    SCOPED_TRACE(batch_limit == 0 ? "loads as tables" : "loads as batches");
    auto store = MemoryStore();
    // 6,000 deletions: the memtable (1 MB in memory) holds them all, so only the flush for
    // deletions moves them out.
    constexpr int kRounds = 12, kNodes = 500;
    // Loads, as an import does: each retires the in-memory node table, so the next scan
    // reads the node family.
    auto load = [&](int nodes, std::uint64_t limit) {
      std::vector<NodeId> ids;
      auto bulk = store->BeginBulk();
      bulk->SetBatchLimit(limit);
      for (int i = 0; i < nodes; ++i) ids.push_back(bulk->CreateNode({}, {}));
      bulk->Finish();
      return ids;
    };
    for (int round = 0; round < kRounds; ++round) {
      std::vector<NodeId> ids = load(kNodes, batch_limit);
      auto txn = store->Begin(TxnMode::kReadWrite);
      for (NodeId id : ids) txn->DeleteNode(id, true);
      txn->Commit();
    }
    // Tombstones stepped past by a full scan of the node family, once the background
    // flushes and compactions the deletions started are done (polled: they run on RocksDB's
    // threads). Each poll loads a node first, so that the scan reads the family; as a
    // batch, whose few keys start no flush or compaction of their own.
    std::size_t live = 0;
    auto skipped_by_scan = [&] {
      load(1, BulkWriter::kDefaultBatchLimit);
      ++live;
      rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
      rocksdb::get_perf_context()->Reset();
      auto txn = store->Begin(TxnMode::kReadOnly);
      EXPECT_EQ(Drain(txn->ScanNodes()).size(), live);
      EXPECT_GT(rocksdb::get_perf_context()->iter_read_bytes, 0u);  // it read the family
      std::uint64_t skipped = rocksdb::get_perf_context()->internal_delete_skipped_count;
      rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
      return skipped;
    };
    std::uint64_t skipped = skipped_by_scan();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (skipped >= 3000 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      skipped = skipped_by_scan();
    }
    EXPECT_LT(skipped, 3000u) << "of " << kRounds * kNodes << " deleted nodes";
  }
}

}  // namespace
}  // namespace parley::storage
