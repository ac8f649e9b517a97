#include "engine/storage/bulk_writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/storage/csr_snapshot.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

TEST(BulkWriterTest, FinishMakesEverythingVisibleAndConsistent) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("bulk", options);
  LabelId person;
  PropKeyId name;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    person = txn->GetOrCreateLabel("Person");
    name = txn->GetOrCreatePropKey("name");
    txn->CreateIndex(person, name);
    txn->CreateNode(std::vector<LabelId>{person}, {{name, Value("existing")}});
    txn->Commit();
  }
  std::vector<NodeId> ids;
  {
    auto bulk = store->BeginBulk();
    LabelId city = bulk->GetOrCreateLabel("City");
    RelTypeId knows = bulk->GetOrCreateRelType("KNOWS");
    PropKeyId since = bulk->GetOrCreatePropKey("since");
    for (int i = 0; i < 100; ++i) {
      std::vector<LabelId> labels{person};
      if (i % 10 == 0) labels.push_back(city);
      std::string text = "p";
      text += std::to_string(i);
      ids.push_back(bulk->CreateNode(labels, {{name, Value(text)}}));
    }
    for (int i = 0; i < 99; ++i) bulk->CreateRel(ids[i + 1], knows, ids[i], {{since, Value(i)}});
    auto before = store->Begin(TxnMode::kReadOnly);
    EXPECT_EQ(before->NodeCount(), 1u);
    bulk->Finish();
  }
  auto txn = store->Begin(TxnMode::kReadWrite);
  EXPECT_EQ(txn->NodeCount(), 101u);
  EXPECT_EQ(txn->LabelCount(person), 101u);
  EXPECT_EQ(txn->LabelCount(*txn->FindLabel("City")), 10u);
  RelTypeId knows = *txn->FindRelType("KNOWS");
  EXPECT_EQ(txn->RelTypeCount(knows), 99u);
  EXPECT_EQ(txn->Degree(ids[5], Direction::kBoth, {}), 2u);
  auto found = txn->IndexSeek(person, name, Value("p42"));
  NodeId hit;
  ASSERT_TRUE(found->Next(&hit));
  EXPECT_EQ(hit, ids[42]);
  EXPECT_EQ(store->Csr()->rel_count(), 99u);
  NodeId next = txn->CreateNode({}, {});  // ids continue after the load
  EXPECT_GT(next, ids.back());
}

TEST(BulkWriterTest, DroppingWithoutFinishKeepsNothing) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("bulk", options);
  {
    auto bulk = store->BeginBulk();
    bulk->CreateNode(std::vector<LabelId>{bulk->GetOrCreateLabel("X")}, {});
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 0u);
  EXPECT_FALSE(txn->FindLabel("X").has_value());
}

TEST(BulkWriterTest, LoadedCatalogSurvivesReopen) {
  std::string dir = ::testing::TempDir() + "/bulk_writer_reopen";
  std::filesystem::remove_all(dir);
  {
    auto store = GraphStore::Open(dir, {});
    auto bulk = store->BeginBulk();
    NodeId a = bulk->CreateNode(std::vector<LabelId>{bulk->GetOrCreateLabel("A")}, {});
    bulk->CreateRel(a, bulk->GetOrCreateRelType("T"), a, {});
    bulk->Finish();
  }
  auto store = GraphStore::Open(dir, {});
  auto txn = store->Begin(TxnMode::kReadOnly);
  ASSERT_TRUE(txn->FindLabel("A").has_value());
  EXPECT_EQ(txn->LabelCount(*txn->FindLabel("A")), 1u);
  EXPECT_EQ(txn->RelCount(), 1u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::storage
