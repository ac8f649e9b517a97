// Reads of committed nodes served from the in-memory NodeTable must agree with RocksDB
// through commits, rollbacks, save points, bulk loads and concurrent snapshots.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "engine/storage/bulk_writer.h"
#include "engine/storage/graph_store.h"
#include "parley/error.h"
#include "tests/engine/storage/store_test_support.h"

namespace parley::storage {
namespace {

std::unique_ptr<GraphStore> MemoryStore() { return testing::MemoryStore("node-reads"); }
using testing::Drain;

struct ModelNode {
  std::vector<LabelId> labels;  // sorted
  std::map<std::uint32_t, Value> properties;
};
using Model = std::map<std::uint64_t, ModelNode>;

// Compares every node the store has, read in a fresh read Txn, with the model.
void ExpectStoreMatches(GraphStore& store, const Model& model, std::span<const LabelId> labels,
                        std::span<const PropKeyId> keys) {
  auto txn = store.Begin(TxnMode::kReadOnly);
  std::vector<NodeId> all = Drain(txn->ScanNodes());  // builds the table when absent
  ASSERT_TRUE(txn->NodeReadsInMemory());
  std::vector<NodeId> expected;
  for (const auto& [id, node] : model) expected.push_back(NodeId(id));
  ASSERT_EQ(all, expected);
  for (const auto& [id, node] : model) {
    ASSERT_EQ(txn->NodeLabels(NodeId(id)), node.labels) << "node " << id;
    for (LabelId label : labels) {
      bool has = std::binary_search(node.labels.begin(), node.labels.end(), label);
      ASSERT_EQ(txn->NodeHasLabel(NodeId(id), label), has) << "node " << id;
    }
    for (PropKeyId key : keys) {
      auto it = node.properties.find(key.value);
      Value expected_value = it == node.properties.end() ? Value() : it->second;
      Value got = txn->NodeProperty(NodeId(id), key);
      ASSERT_TRUE(got == expected_value && got.type() == expected_value.type())
          << "node " << id << " key " << key.value << ": " << got.ToString();
    }
  }
  for (LabelId label : labels) {
    std::vector<NodeId> with_label;
    for (const auto& [id, node] : model) {
      if (std::binary_search(node.labels.begin(), node.labels.end(), label))
        with_label.push_back(NodeId(id));
    }
    ASSERT_EQ(Drain(txn->ScanLabel(label)), with_label);
  }
  ASSERT_FALSE(txn->NodeExists(NodeId(1'000'000)));
}

TEST(NodeReadsTest, TableAgreesWithAModelThroughRandomCommitsAndRollbacks) {
  auto store = MemoryStore();
  std::vector<LabelId> labels;
  std::vector<PropKeyId> keys;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    for (const char* l : {"A", "B", "C"}) labels.push_back(txn->GetOrCreateLabel(l));
    for (const char* k : {"x", "y", "z"}) keys.push_back(txn->GetOrCreatePropKey(k));
    txn->Commit();
  }
  std::mt19937_64 rng(11);
  Model model;
  for (int round = 0; round < 60; ++round) {
    Model next = model;
    auto txn = store->Begin(TxnMode::kReadWrite);
    for (int op = 0; op < 8; ++op) {
      std::vector<std::uint64_t> ids;
      for (const auto& [id, node] : next) ids.push_back(id);
      std::uint64_t pick = ids.empty() ? 0 : ids[rng() % ids.size()];
      LabelId label = labels[rng() % labels.size()];
      PropKeyId key = keys[rng() % keys.size()];
      Value value = rng() % 2 ? Value(static_cast<std::int64_t>(rng() % 50))
                              : Value("v" + std::to_string(rng() % 50));
      switch (ids.empty() ? 0 : rng() % 5) {
        case 0: {
          std::vector<LabelId> node_labels{label};
          NodeId id = txn->CreateNode(node_labels, {{key, value}});
          next[id.value] = ModelNode{{label}, {{key.value, value}}};
          break;
        }
        case 1:
          // Reads inside the writer see its own change, not the table's committed record.
          txn->SetNodeProperty(NodeId(pick), key, value);
          ASSERT_EQ(txn->NodeProperty(NodeId(pick), key), value);
          next[pick].properties[key.value] = value;
          break;
        case 2:
          if (txn->AddNodeLabel(NodeId(pick), label)) {
            auto& l = next[pick].labels;
            l.insert(std::lower_bound(l.begin(), l.end(), label), label);
          }
          ASSERT_TRUE(txn->NodeHasLabel(NodeId(pick), label));
          break;
        case 3:
          if (txn->RemoveNodeLabel(NodeId(pick), label)) {
            auto& l = next[pick].labels;
            l.erase(std::find(l.begin(), l.end(), label));
          }
          ASSERT_FALSE(txn->NodeHasLabel(NodeId(pick), label));
          break;
        default:
          txn->DeleteNode(NodeId(pick), true);
          ASSERT_FALSE(txn->NodeExists(NodeId(pick)));
          next.erase(pick);
          break;
      }
    }
    if (round % 5 == 4) {
      txn->Rollback();  // the table must not take changes that were never committed
    } else {
      txn->Commit();
      model = std::move(next);
    }
    ExpectStoreMatches(*store, model, labels, keys);
  }
}

TEST(NodeReadsTest, ChangesUndoneBySavePointRollbackAreNotInTheTable) {
  auto store = MemoryStore();
  PropKeyId key;
  NodeId id;
  LabelId label;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    label = txn->GetOrCreateLabel("A");
    key = txn->GetOrCreatePropKey("k");
    std::vector<LabelId> labels{label};
    id = txn->CreateNode(labels, {{key, Value(1)}});
    txn->Commit();
  }
  Drain(store->Begin(TxnMode::kReadOnly)->ScanNodes());  // build the table
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->SetSavePoint();
    txn->SetNodeProperty(id, key, Value(2));
    txn->RollbackToSavePoint();
    txn->Commit();
  }
  auto reader = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(Drain(reader->ScanLabel(label)), std::vector<NodeId>{id});
  EXPECT_TRUE(reader->NodeReadsInMemory());
  EXPECT_EQ(reader->NodeProperty(id, key), Value(1));
}

TEST(NodeReadsTest, AReaderKeepsItsSnapshotWhileTheTableMovesOn) {
  auto store = MemoryStore();
  PropKeyId key;
  NodeId id;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    key = txn->GetOrCreatePropKey("k");
    id = txn->CreateNode({}, {{key, Value("old")}});
    txn->Commit();
  }
  auto old_reader = store->Begin(TxnMode::kReadOnly);
  Drain(old_reader->ScanNodes());
  ASSERT_TRUE(old_reader->NodeReadsInMemory());
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->SetNodeProperty(id, key, Value("new"));
    txn->CreateNode({}, {});
    txn->Commit();
  }
  EXPECT_EQ(old_reader->NodeProperty(id, key), Value("old"));
  EXPECT_EQ(Drain(old_reader->ScanNodes()).size(), 1u);
  auto new_reader = store->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(new_reader->NodeReadsInMemory());  // carried forward by the commit
  EXPECT_EQ(new_reader->NodeProperty(id, key), Value("new"));
  EXPECT_EQ(Drain(new_reader->ScanNodes()).size(), 2u);
}

TEST(NodeReadsTest, NodesOfABulkLoadAreSeenAfterTheTableWasBuilt) {
  auto store = MemoryStore();
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    txn->CreateNode({}, {});
    txn->Commit();
  }
  Drain(store->Begin(TxnMode::kReadOnly)->ScanNodes());
  PropKeyId key;
  {
    auto bulk = store->BeginBulk();
    key = bulk->GetOrCreatePropKey("k");
    for (int i = 0; i < 3; ++i) bulk->CreateNode({}, {{key, Value(i)}});
    bulk->Finish();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  std::vector<NodeId> ids = Drain(txn->ScanNodes());
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(txn->NodeProperty(ids[3], key), Value(2));
}

TEST(NodeReadsTest, ScanOfASmallLabelDoesNotBuildTheTable) {
  auto store = MemoryStore();
  LabelId rare, common;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    rare = txn->GetOrCreateLabel("Rare");
    common = txn->GetOrCreateLabel("Common");
    std::vector<LabelId> r{rare}, c{common};
    txn->CreateNode(r, {});
    for (int i = 0; i < 20; ++i) txn->CreateNode(c, {});
    txn->Commit();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(Drain(txn->ScanLabel(rare)).size(), 1u);
  EXPECT_FALSE(txn->NodeReadsInMemory());
  EXPECT_EQ(Drain(txn->ScanLabel(common)).size(), 20u);
  EXPECT_TRUE(txn->NodeReadsInMemory());
}

TEST(NodeReadsTest, PointReadsOfAGoodPartOfTheNodesBuildTheTable) {
  auto store = MemoryStore();
  PropKeyId key;
  std::vector<NodeId> nodes;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    key = txn->GetOrCreatePropKey("k");
    for (int i = 0; i < 4000; ++i) {
      nodes.push_back(txn->CreateNode({}, {{key, Value(i)}}));
    }
    txn->Commit();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(txn->NodeProperty(nodes[i], key), Value(i));
  EXPECT_FALSE(txn->NodeReadsInMemory());  // fewer than the floor of reads
  for (int i = 300; i < 2000; ++i) ASSERT_EQ(txn->NodeProperty(nodes[i], key), Value(i));
  EXPECT_TRUE(txn->NodeReadsInMemory());
  for (int i = 0; i < 4000; i += 7) ASSERT_EQ(txn->NodeProperty(nodes[i], key), Value(i));
  // A Txn that has changed nodes never builds it: the table would miss its changes.
  auto writer = store->Begin(TxnMode::kReadWrite);
  writer->SetNodeProperty(nodes[0], key, Value(-1));
  for (int i = 0; i < 4000; ++i) writer->NodeProperty(nodes[i], key);
  EXPECT_EQ(writer->NodeProperty(nodes[0], key), Value(-1));
}

TEST(NodeReadsTest, MissingNodeIsStillAnErrorWhenReadFromTheTable) {
  auto store = MemoryStore();
  PropKeyId key;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    key = txn->GetOrCreatePropKey("k");
    txn->CreateNode({}, {});
    txn->Commit();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  Drain(txn->ScanNodes());
  ASSERT_TRUE(txn->NodeReadsInMemory());
  try {
    txn->NodeProperty(NodeId(77), key);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kEntityNotFound);
  }
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

TEST(NodeReadsTest, NumericRangesAreKnownOnceTheTableIsBuilt) {
  auto store = MemoryStore();
  PropKeyId age;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    age = txn->GetOrCreatePropKey("age");
    for (int a : {30, 10, 20}) txn->CreateNode({}, {{age, Value(a)}});
    txn->Commit();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_FALSE(txn->NumericPropertyRange(age).has_value());  // not known cheaply yet
  Drain(txn->ScanNodes());
  auto range = txn->NumericPropertyRange(age);
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->min, 10);
  EXPECT_EQ(range->max, 30);
  EXPECT_EQ(range->count, 3u);
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

TEST(NodeReadsTest, VisitingColumnsGivesWhatNodeReadsGive) {
  auto store = MemoryStore();
  LabelId a, b;
  PropKeyId x, y;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    a = txn->GetOrCreateLabel("A");
    b = txn->GetOrCreateLabel("B");
    x = txn->GetOrCreatePropKey("x");
    y = txn->GetOrCreatePropKey("y");
    for (int i = 0; i < 400; ++i) {
      std::vector<LabelId> labels{i % 3 == 0 ? b : a};
      PropertyMap properties;
      if (i % 4 != 0) properties.emplace_back(x, Value(i));
      if (i % 5 == 0) properties.emplace_back(y, Value("y" + std::to_string(i)));
      txn->CreateNode(labels, properties);
    }
    txn->Commit();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  const PropKeyId unknown(999);
  std::vector<PropKeyId> keys{y, x, unknown};
  for (std::optional<LabelId> label : {std::optional<LabelId>(), std::optional<LabelId>(b)}) {
    std::vector<NodeId> visited;
    auto value = [](const PropertyColumn* column, std::size_t slot) {
      return column != nullptr && column->Has(slot) ? column->Get(slot) : Value();
    };
    bool served = txn->VisitNodeColumns(label, keys, [&](const NodeColumnPage& page) {
      ASSERT_EQ(page.columns.size(), 3u);
      EXPECT_EQ(page.columns[2], nullptr);
      for (std::size_t slot = 0; slot < page.rows.size(); ++slot) {
        if (!page.rows[slot]) continue;
        NodeId id(page.first.value + slot);
        visited.push_back(id);
        EXPECT_EQ(value(page.columns[0], slot), txn->NodeProperty(id, y));
        EXPECT_EQ(value(page.columns[1], slot), txn->NodeProperty(id, x));
      }
    });
    ASSERT_TRUE(served);
    EXPECT_EQ(visited, Drain(label ? txn->ScanLabel(*label) : txn->ScanNodes()));
  }
  auto writer = store->Begin(TxnMode::kReadWrite);
  writer->CreateNode({}, {});  // its own change: the table cannot serve it
  bool called = false;
  EXPECT_FALSE(writer->VisitNodeColumns(std::nullopt, keys,
                                        [&](const NodeColumnPage&) { called = true; }));
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace parley::storage
