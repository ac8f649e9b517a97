#include "engine/storage/node_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace parley::storage {
namespace {

NodeRecord Record(std::vector<LabelId> labels, PropertyMap properties) {
  return NodeRecord{std::move(labels), std::move(properties)};
}

std::vector<NodeId> Scan(const NodeTable& table, std::optional<LabelId> label) {
  std::vector<NodeId> out;
  for (std::uint64_t page = 0; page < table.page_count(); ++page) {
    table.NodesOfPage(page, label, &out);
  }
  return out;
}

TEST(NodeTableTest, BuiltTableAnswersForEveryNodeAndOnlyThem) {
  NodeTable::Builder builder;
  builder.Add(NodeId(0), Record({LabelId(1)}, {{PropKeyId(0), Value("Ann")}}));
  builder.Add(NodeId(5), Record({LabelId(1), LabelId(2)}, {{PropKeyId(1), Value(7)}}));
  builder.Add(NodeId(300), Record({}, {}));
  auto table = builder.Finish(4);
  EXPECT_EQ(table->version(), 4u);
  EXPECT_EQ(table->node_count(), 3u);
  EXPECT_TRUE(table->Contains(NodeId(0)));
  EXPECT_FALSE(table->Contains(NodeId(1)));
  EXPECT_FALSE(table->Contains(NodeId(299)));
  EXPECT_FALSE(table->Contains(NodeId(100000)));
  EXPECT_EQ(table->FindProperty(NodeId(0), PropKeyId(0)), std::optional<Value>(Value("Ann")));
  EXPECT_FALSE(table->FindProperty(NodeId(0), PropKeyId(1)).has_value());
  EXPECT_EQ(table->FindProperty(NodeId(5), PropKeyId(1)), std::optional<Value>(Value(7)));
  EXPECT_TRUE(table->HasLabel(NodeId(5), LabelId(2)));
  EXPECT_FALSE(table->HasLabel(NodeId(0), LabelId(2)));
  EXPECT_EQ(Scan(*table, std::nullopt), (std::vector<NodeId>{NodeId(0), NodeId(5), NodeId(300)}));
  EXPECT_EQ(Scan(*table, LabelId(1)), (std::vector<NodeId>{NodeId(0), NodeId(5)}));
  EXPECT_EQ(Scan(*table, LabelId(2)), (std::vector<NodeId>{NodeId(5)}));
  EXPECT_TRUE(Scan(*table, LabelId(9)).empty());
}

TEST(NodeTableTest, RecordRoundTripsLabelsAboveSixtyFourAndAllPropertyTypes) {
  NodeRecord record = Record({LabelId(3), LabelId(64), LabelId(200)},
                             {{PropKeyId(0), Value(true)},
                              {PropKeyId(2), Value(1.5)},
                              {PropKeyId(4), Value(List{Value("a"), Value("b")})},
                              {PropKeyId(9), Value(Date{19000})}});
  NodeTable::Builder builder;
  builder.Add(NodeId(130), record);
  auto table = builder.Finish(0);
  NodeRecord back = table->Record(NodeId(130));
  EXPECT_EQ(back.labels, record.labels);
  EXPECT_EQ(back.properties, record.properties);
  EXPECT_TRUE(table->HasLabel(NodeId(130), LabelId(200)));
  EXPECT_FALSE(table->HasLabel(NodeId(130), LabelId(199)));
  EXPECT_EQ(Scan(*table, LabelId(200)), std::vector<NodeId>{NodeId(130)});
}

TEST(NodeTableTest, UpdateLeavesTheOldTableUntouched) {
  NodeTable::Builder builder;
  builder.Add(NodeId(1), Record({LabelId(0)}, {{PropKeyId(0), Value(1)}}));
  builder.Add(NodeId(2), Record({LabelId(0)}, {{PropKeyId(0), Value(2)}}));
  auto before = builder.Finish(1);
  std::vector<NodeTable::Change> changes;
  changes.push_back({NodeId(1), Record({LabelId(1)}, {{PropKeyId(1), Value("x")}})});
  changes.push_back({NodeId(2), std::nullopt});
  changes.push_back({NodeId(1000), Record({LabelId(0)}, {})});
  auto after = before->UpdatedWith(2, std::move(changes));

  EXPECT_EQ(before->node_count(), 2u);
  EXPECT_EQ(before->FindProperty(NodeId(1), PropKeyId(0)), std::optional<Value>(Value(1)));
  EXPECT_TRUE(before->Contains(NodeId(2)));
  EXPECT_FALSE(before->Contains(NodeId(1000)));

  EXPECT_EQ(after->version(), 2u);
  EXPECT_EQ(after->node_count(), 2u);
  EXPECT_FALSE(after->FindProperty(NodeId(1), PropKeyId(0)).has_value());
  EXPECT_EQ(after->FindProperty(NodeId(1), PropKeyId(1)), std::optional<Value>(Value("x")));
  EXPECT_FALSE(after->HasLabel(NodeId(1), LabelId(0)));
  EXPECT_FALSE(after->Contains(NodeId(2)));
  EXPECT_TRUE(after->Contains(NodeId(1000)));
  EXPECT_EQ(Scan(*after, LabelId(0)), std::vector<NodeId>{NodeId(1000)});
}

// Random changes against a map: the table must read exactly like the map after each.
TEST(NodeTableTest, RandomUpdatesMatchAModel) {
  std::mt19937_64 rng(7);
  std::map<std::uint64_t, NodeRecord> model;
  auto table = NodeTable::Builder().Finish(0);
  auto random_value = [&]() -> Value {
    switch (rng() % 4) {
      case 0: return Value(static_cast<std::int64_t>(rng() % 100));
      case 1: return Value(static_cast<double>(rng() % 100) / 4);
      case 2: return Value("s" + std::to_string(rng() % 10));
      default: return Value(rng() % 2 == 0);
    }
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<NodeTable::Change> changes;
    std::map<std::uint64_t, bool> seen;
    for (int i = 0; i < 20; ++i) {
      std::uint64_t id = rng() % 600;
      if (seen[id]) continue;
      seen[id] = true;
      if (rng() % 4 == 0) {
        model.erase(id);
        changes.push_back({NodeId(id), std::nullopt});
        continue;
      }
      NodeRecord record;
      for (std::uint32_t l = 0; l < 4; ++l) {
        if (rng() % 2) record.labels.emplace_back(l * 40);  // 0, 40, 80, 120
      }
      for (std::uint32_t k = 0; k < 5; ++k) {
        if (rng() % 2) record.properties.emplace_back(PropKeyId(k), random_value());
      }
      model[id] = record;
      changes.push_back({NodeId(id), record});
    }
    table = table->UpdatedWith(round + 1, std::move(changes));
    ASSERT_EQ(table->node_count(), model.size());
    for (std::uint64_t id = 0; id < 600; ++id) {
      auto it = model.find(id);
      ASSERT_EQ(table->Contains(NodeId(id)), it != model.end()) << id;
      if (it == model.end()) continue;
      NodeRecord back = table->Record(NodeId(id));
      ASSERT_EQ(back.labels, it->second.labels) << id;
      ASSERT_EQ(back.properties, it->second.properties) << id;
      for (std::uint32_t k = 0; k < 5; ++k) {
        Value expected = FindInMap(it->second.properties, PropKeyId(k));
        Value got = table->FindProperty(NodeId(id), PropKeyId(k)).value_or(Value());
        ASSERT_EQ(got.type(), expected.type());
        ASSERT_TRUE(got == expected) << id << " " << k;
      }
    }
    std::vector<NodeId> with_label;
    for (const auto& [id, record] : model) {
      if (std::binary_search(record.labels.begin(), record.labels.end(), LabelId(80)))
        with_label.push_back(NodeId(id));
    }
    ASSERT_EQ(Scan(*table, LabelId(80)), with_label);
  }
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

TEST(NodeTableTest, PageByPageScanYieldsEveryNodeWithTheLabelInOrder) {
  NodeTable::Builder builder;
  for (std::uint64_t id = 3; id < 1000; id += 7) {
    std::vector<LabelId> labels;
    if (id % 2) labels.push_back(LabelId(5));
    if (id % 3 == 0) labels.push_back(LabelId(70));
    builder.Add(NodeId(id), NodeRecord{labels, {}});
  }
  auto table = builder.Finish(0);
  for (std::optional<LabelId> label : {std::optional<LabelId>(), std::optional<LabelId>(LabelId(5)),
                                       std::optional<LabelId>(LabelId(70))}) {
    std::vector<NodeId> expected;
    for (std::uint64_t id = 0; id < 1100; ++id) {
      if (table->Contains(NodeId(id)) && (!label || table->HasLabel(NodeId(id), *label))) {
        expected.push_back(NodeId(id));
      }
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(Scan(*table, label), expected);
  }
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

TEST(NodeTableTest, NumericRangeCoversIntegersAndFloatsOnly) {
  NodeTable::Builder builder;
  builder.Add(NodeId(0), NodeRecord{{}, {{PropKeyId(0), Value(18)}, {PropKeyId(1), Value("a")}}});
  builder.Add(NodeId(1), NodeRecord{{}, {{PropKeyId(0), Value(90.5)}}});  // mixed column
  builder.Add(NodeId(300), NodeRecord{{}, {{PropKeyId(0), Value(-3)}}});   // another page
  builder.Add(NodeId(301), NodeRecord{{}, {{PropKeyId(0), Value("not a number")}}});
  auto table = builder.Finish(0);
  auto range = table->NumericRangeOf(PropKeyId(0));
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->min, -3);
  EXPECT_EQ(range->max, 90.5);
  EXPECT_EQ(range->count, 3u);
  EXPECT_FALSE(table->NumericRangeOf(PropKeyId(1)).has_value());  // strings only
  EXPECT_FALSE(table->NumericRangeOf(PropKeyId(7)).has_value());  // no such key
  EXPECT_EQ(table->NumericRangeOf(PropKeyId(0))->max, 90.5);      // remembered
}

}  // namespace
}  // namespace parley::storage
