#include "engine/catalog/statistics.h"

#include <gtest/gtest.h>

namespace parley::catalog {
namespace {

class StatisticsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.in_memory = true;
    store_ = storage::GraphStore::Open("stats", options);
    txn_ = store_->Begin(storage::TxnMode::kReadWrite);
    person_ = txn_->GetOrCreateLabel("Person");
    leader_ = txn_->GetOrCreateLabel("Leader");
    knows_ = txn_->GetOrCreateRelType("KNOWS");
    met_ = txn_->GetOrCreateRelType("MET");
    std::vector<NodeId> nodes;
    for (int i = 0; i < 100; ++i) {
      std::vector<LabelId> labels{person_};
      if (i < 10) labels.push_back(leader_);
      nodes.push_back(txn_->CreateNode(labels, {}));
    }
    for (int i = 0; i < 100; ++i) txn_->CreateRel(nodes[i], knows_, nodes[(i + 1) % 100], {});
    for (int i = 0; i < 20; ++i) txn_->CreateRel(nodes[i], met_, nodes[i + 1], {});
  }

  std::unique_ptr<storage::GraphStore> store_;
  std::unique_ptr<storage::Txn> txn_;
  LabelId person_, leader_;
  RelTypeId knows_, met_;
};

TEST_F(StatisticsTest, CountsAreTheTxnsExactCountsIncludingItsOwnWrites) {
  Statistics stats(*txn_);
  EXPECT_EQ(stats.NodeCount(), 100u);
  EXPECT_EQ(stats.RelCount(), 120u);
  EXPECT_EQ(stats.LabelCount(leader_), 10u);
  EXPECT_EQ(stats.RelTypeCount(met_), 20u);
  EXPECT_EQ(stats.LabelCount(std::nullopt), 0u);
  EXPECT_EQ(stats.RelTypeCount(txn_->FindRelType("NOPE")), 0u);
}

TEST_F(StatisticsTest, LabelScanRowsAssumesIndependentLabels) {
  Statistics stats(*txn_);
  EXPECT_DOUBLE_EQ(stats.LabelScanRows({}), 100.0);
  std::vector<LabelId> one{person_};
  EXPECT_DOUBLE_EQ(stats.LabelScanRows(one), 100.0);
  std::vector<LabelId> both{person_, leader_};
  EXPECT_DOUBLE_EQ(stats.LabelScanRows(both), 10.0);  // 10 * (100 / 100)
}

TEST_F(StatisticsTest, ExpandFactorIsRelationshipsPerNode) {
  Statistics stats(*txn_);
  std::vector<RelTypeId> met{met_};
  EXPECT_DOUBLE_EQ(stats.ExpandFactor({}, Direction::kOut), 1.2);
  EXPECT_DOUBLE_EQ(stats.ExpandFactor(met, Direction::kIn), 0.2);
  EXPECT_DOUBLE_EQ(stats.ExpandFactor(met, Direction::kBoth), 0.4);
}

TEST_F(StatisticsTest, IndexSeeksAreSmallerThanTheLabelAndAtLeastOneRow) {
  Statistics stats(*txn_);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(person_, false), 100 * Statistics::kEqualitySelectivity);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(person_, true), 100 * Statistics::kRangeSelectivity);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(leader_, false), 1.0);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(txn_->GetOrCreateLabel("Empty"), false), 0.0);
}

TEST_F(StatisticsTest, AnEqualityOnAUniqueKeyYieldsAtMostOneRow) {
  PropKeyId id = txn_->GetOrCreatePropKey("id");
  PropKeyId name = txn_->GetOrCreatePropKey("name");
  txn_->CreateUniqueConstraint(person_, id, "person_id");
  txn_->CreateIndex(person_, name);
  Statistics stats(*txn_);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(person_, id, false), 1.0);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(person_, id, true), 100 * Statistics::kRangeSelectivity);
  EXPECT_DOUBLE_EQ(stats.IndexSeekRows(person_, name, false),
                   100 * Statistics::kEqualitySelectivity);
  LabelId empty = txn_->GetOrCreateLabel("Empty");
  txn_->CreateUniqueConstraint(empty, id, "empty_id");
  EXPECT_DOUBLE_EQ(Statistics(*txn_).IndexSeekRows(empty, id, false), 0.0);
}

}  // namespace
}  // namespace parley::catalog
