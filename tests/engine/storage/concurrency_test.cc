// Readers, a writer and CSR rebuilds running at once: every reader sees one committed
// state (its snapshot, schema and counts agree), whatever commits meanwhile.
#include <atomic>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "engine/storage/csr_snapshot.h"
#include "engine/storage/graph_store.h"

namespace parley::storage {
namespace {

std::string Name(char prefix, int k) {
  std::string name(1, prefix);
  name += std::to_string(k);
  return name;
}

TEST(ConcurrencyTest, ReadersSeeWholeCommitsWhileAWriterAndCsrBuildsRun) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("concurrency", options);
  std::atomic<bool> stop{false};
  std::atomic<int> checks{0};
  // Commit k creates label "L<k>" with two nodes joined by a relationship of type "T<k>".
  std::thread writer([&] {
    for (int k = 0; k < 150; ++k) {
      auto txn = store->Begin(TxnMode::kReadWrite);
      std::vector<LabelId> labels{txn->GetOrCreateLabel(Name('L', k))};
      NodeId a = txn->CreateNode(labels, {});
      NodeId b = txn->CreateNode(labels, {});
      txn->CreateRel(a, txn->GetOrCreateRelType(Name('T', k)), b, {});
      txn->Commit();
    }
    stop = true;
  });
  std::thread csr_builder([&] {
    while (!stop) store->Csr();
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      for (int own_checks = 0; !stop || own_checks < 20; ++own_checks) {
        auto txn = store->Begin(TxnMode::kReadOnly);
        std::uint64_t labels = txn->AllLabels().size();
        // The schema and the snapshot belong to the same commit.
        EXPECT_EQ(txn->NodeCount(), 2 * labels);
        EXPECT_EQ(txn->RelCount(), labels);
        std::uint64_t degree_sum = 0;
        for (LabelId label : txn->AllLabels()) {
          EXPECT_EQ(txn->LabelCount(label), 2u);
          EXPECT_EQ(txn->LabelName(label)[0], 'L');
          auto nodes = txn->ScanLabel(label);
          for (NodeId id; nodes->Next(&id);) degree_sum += txn->Degree(id, Direction::kBoth, {});
        }
        EXPECT_EQ(degree_sum, 2 * labels);
        ++checks;
      }
    });
  }
  writer.join();
  csr_builder.join();
  for (auto& reader : readers) reader.join();
  EXPECT_GT(checks.load(), 0);
  auto csr = store->Csr();
  EXPECT_EQ(csr->rel_count(), 150u);
  EXPECT_EQ(csr->node_count(), 300u);
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

// Commit k sets property `k` of every node to k, creates one node and deletes another,
// while readers scan (building NodeTables that race with the commits) and read through
// whatever table their snapshot may use: within one read Txn every node must show one k.
TEST(ConcurrencyTest, NodeTableReadsStayWithinTheReadersSnapshot) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("node-table-concurrency", options);
  PropKeyId key;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    key = txn->GetOrCreatePropKey("k");
    for (int i = 0; i < 300; ++i) txn->CreateNode({}, {{key, Value(0)}});
    txn->Commit();
  }
  std::atomic<bool> stop{false};
  std::atomic<int> checks{0};
  std::thread writer([&] {
    for (int k = 1; k <= 120; ++k) {
      auto txn = store->Begin(TxnMode::kReadWrite);
      std::vector<NodeId> live;
      auto cursor = txn->ScanNodes();
      for (NodeId id; cursor->Next(&id);) live.push_back(id);
      cursor.reset();
      for (NodeId id : live) txn->SetNodeProperty(id, key, Value(k));
      txn->DeleteNode(live[static_cast<std::size_t>(k) % live.size()], true);
      txn->CreateNode({}, {{key, Value(k)}});
      txn->Commit();
    }
    stop = true;
  });
  std::vector<std::thread> readers;
  std::atomic<int> failures{0};
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      while (!stop) {
        auto txn = store->Begin(TxnMode::kReadOnly);
        std::vector<NodeId> seen;
        auto cursor = txn->ScanNodes();
        for (NodeId id; cursor->Next(&id);) seen.push_back(id);
        if (seen.size() != 300) ++failures;
        std::optional<Value> first;
        for (NodeId id : seen) {
          Value v = txn->NodeProperty(id, key);
          if (!first) first = v;
          if (v != *first) ++failures;
        }
        ++checks;
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(checks.load(), 0);
  auto txn = store->Begin(TxnMode::kReadOnly);
  auto cursor = txn->ScanNodes();
  int count = 0;
  for (NodeId id; cursor->Next(&id); ++count) EXPECT_EQ(txn->NodeProperty(id, key), Value(120));
  EXPECT_EQ(count, 300);
}

}  // namespace
}  // namespace parley::storage
