#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>
#include <random>

#include "engine/storage/graph_store.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

std::vector<NodeId> Sorted(std::unique_ptr<NodeCursor> cursor) {
  std::vector<NodeId> out;
  for (NodeId id; cursor->Next(&id);) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.in_memory = true;
    store_ = GraphStore::Open("index", options);
    txn_ = store_->Begin(TxnMode::kReadWrite);
    label_ = txn_->GetOrCreateLabel("P");
    other_ = txn_->GetOrCreateLabel("Q");
    key_ = txn_->GetOrCreatePropKey("v");
  }
  NodeId Add(const Value& v, LabelId label) {
    return txn_->CreateNode(std::vector<LabelId>{label}, {{key_, v}});
  }
  std::vector<NodeId> Range(std::optional<IndexBound> lo, std::optional<IndexBound> hi) {
    return Sorted(txn_->IndexRange(label_, key_, lo, hi));
  }

  std::unique_ptr<GraphStore> store_;
  std::unique_ptr<Txn> txn_;
  LabelId label_, other_;
  PropKeyId key_;
};

TEST_F(IndexTest, CreateIndexCoversExistingNodesOfThatLabelOnly) {
  NodeId a = Add(Value(1), label_);
  Add(Value(1), other_);
  txn_->CreateIndex(label_, key_);
  EXPECT_TRUE(txn_->HasIndex(label_, key_));
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(1))), std::vector<NodeId>{a});
  ASSERT_EQ(txn_->Indexes().size(), 1u);
  EXPECT_EQ(txn_->Indexes()[0].label, label_);
}

TEST_F(IndexTest, IntegersAndFloatsCompareNumerically) {
  txn_->CreateIndex(label_, key_);
  NodeId one = Add(Value(1), label_);
  NodeId one_and_half = Add(Value(1.5), label_);
  NodeId two = Add(Value(2), label_);
  NodeId one_float = Add(Value(1.0), label_);
  NodeId minus = Add(Value(-3.25), label_);
  Add(Value(std::numeric_limits<double>::quiet_NaN()), label_);
  Add(Value("1"), label_);
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(1))), (std::vector<NodeId>{one, one_float}));
  EXPECT_EQ(Range(IndexBound{Value(1), false}, IndexBound{Value(2.0), true}),
            (std::vector<NodeId>{one_and_half, two}));
  EXPECT_EQ(Range(IndexBound{Value(1.2), true}, std::nullopt),
            (std::vector<NodeId>{one_and_half, two}));  // NaN and strings excluded
  EXPECT_EQ(Range(std::nullopt, IndexBound{Value(1), false}), std::vector<NodeId>{minus});
  EXPECT_TRUE(Range(IndexBound{Value(1), true}, IndexBound{Value("z"), true}).empty());
  EXPECT_TRUE(Sorted(txn_->IndexSeek(label_, key_, Value(std::nan("")))).empty());
}

TEST_F(IndexTest, StringRangesUseByteOrder) {
  txn_->CreateIndex(label_, key_);
  NodeId apple = Add(Value("apple"), label_);
  NodeId app = Add(Value("app"), label_);
  NodeId banana = Add(Value("banana"), label_);
  Add(Value(5), label_);
  EXPECT_EQ(Range(IndexBound{Value("app"), true}, IndexBound{Value("b"), false}),
            (std::vector<NodeId>{apple, app}));
  EXPECT_EQ(Range(IndexBound{Value("app"), false}, std::nullopt),
            (std::vector<NodeId>{apple, banana}));
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value("app"))), std::vector<NodeId>{app});
}

TEST_F(IndexTest, WritesKeepTheIndexCurrent) {
  txn_->CreateIndex(label_, key_);
  NodeId a = Add(Value(10), label_);
  NodeId b = txn_->CreateNode({}, {{key_, Value(10)}});
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(10))), std::vector<NodeId>{a});
  txn_->AddNodeLabel(b, label_);
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(10))), (std::vector<NodeId>{a, b}));
  txn_->SetNodeProperty(a, key_, Value(11));
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(10))), std::vector<NodeId>{b});
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(11))), std::vector<NodeId>{a});
  txn_->RemoveNodeLabel(b, label_);
  EXPECT_TRUE(Sorted(txn_->IndexSeek(label_, key_, Value(10))).empty());
  txn_->SetNodeProperty(a, key_, Value());
  EXPECT_TRUE(Sorted(txn_->IndexSeek(label_, key_, Value(11))).empty());
  NodeId c = Add(Value(12), label_);
  txn_->DeleteNode(c, false);
  EXPECT_TRUE(Range(std::nullopt, std::nullopt).empty());
}

TEST_F(IndexTest, RangeSeeksMatchAFullScanUnderRandomUpdates) {
  txn_->CreateIndex(label_, key_);
  std::mt19937_64 rng(7);
  std::vector<NodeId> nodes;
  for (int i = 0; i < 300; ++i) {
    Value v = rng() % 2 ? Value(static_cast<std::int64_t>(rng() % 100) - 50)
                        : Value(static_cast<double>(rng() % 1000) / 10.0 - 50.0);
    nodes.push_back(Add(v, label_));
  }
  for (int i = 0; i < 200; ++i) {
    NodeId n = nodes[rng() % nodes.size()];
    if (!txn_->NodeExists(n)) continue;
    switch (rng() % 3) {
      case 0:
        txn_->SetNodeProperty(n, key_, Value(static_cast<std::int64_t>(rng() % 100) - 50));
        break;
      case 1:
        txn_->DeleteNode(n, false);
        break;
      default:
        txn_->SetNodeProperty(n, key_, Value());
        break;
    }
  }
  txn_->Commit();
  auto reader = store_->Begin(TxnMode::kReadOnly);
  for (int trial = 0; trial < 50; ++trial) {
    double lo = static_cast<double>(rng() % 120) - 60, hi = lo + static_cast<double>(rng() % 40);
    bool lo_inc = rng() % 2, hi_inc = rng() % 2;
    std::vector<NodeId> expected;
    for (NodeId n : nodes) {
      if (!reader->NodeExists(n)) continue;
      Value v = reader->NodeProperty(n, key_);
      if (v.is_null()) continue;
      double x = v.as_number();
      if ((lo_inc ? x >= lo : x > lo) && (hi_inc ? x <= hi : x < hi)) expected.push_back(n);
    }
    auto got = Sorted(reader->IndexRange(label_, key_, IndexBound{Value(lo), lo_inc},
                                         IndexBound{Value(static_cast<std::int64_t>(hi)), hi_inc}));
    EXPECT_EQ(got, expected) << lo << " " << hi;
  }
}

TEST_F(IndexTest, DropIndexRemovesEntriesAndFailsWhenAbsent) {
  Add(Value(1), label_);
  txn_->CreateIndex(label_, key_);
  txn_->DropIndex(label_, key_);
  EXPECT_FALSE(txn_->HasIndex(label_, key_));
  EXPECT_THROW(txn_->DropIndex(label_, key_), Error);
  txn_->CreateIndex(label_, key_);
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(1))).size(), 1u);
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

// Equality seeks read the committed index through a reused iterator and overlay the
// Txn's own changes; compare them with a scan after random committed and pending writes.
TEST_F(IndexTest, EqualitySeeksMergeCommittedEntriesWithPendingChanges) {
  txn_->CreateIndex(label_, key_);
  std::mt19937_64 rng(3);
  std::vector<NodeId> nodes;
  for (int i = 0; i < 200; ++i) nodes.push_back(Add(Value(static_cast<int>(rng() % 10)), label_));
  txn_->Commit();
  txn_ = store_->Begin(TxnMode::kReadWrite);
  auto check = [&] {
    for (int v = 0; v < 10; ++v) {
      std::vector<NodeId> expected;
      for (NodeId n : nodes) {
        if (txn_->NodeExists(n) && txn_->NodeHasLabel(n, label_) &&
            txn_->NodeProperty(n, key_) == Value(v)) {
          expected.push_back(n);
        }
      }
      ASSERT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(v))), expected) << v;
    }
  };
  check();  // committed entries only, seen by the writer
  for (int i = 0; i < 150; ++i) {
    NodeId n = nodes[rng() % nodes.size()];
    if (!txn_->NodeExists(n)) continue;
    switch (rng() % 4) {
      case 0: txn_->SetNodeProperty(n, key_, Value(static_cast<int>(rng() % 10))); break;
      case 1: txn_->DeleteNode(n, true); break;
      case 2: txn_->RemoveNodeLabel(n, label_); break;
      default: nodes.push_back(Add(Value(static_cast<int>(rng() % 10)), label_)); break;
    }
    if (i % 10 == 0) check();
  }
  txn_->SetSavePoint();
  txn_->SetNodeProperty(nodes[0], key_, Value(99));
  txn_->RollbackToSavePoint();
  check();
  txn_->Commit();
  txn_ = store_->Begin(TxnMode::kReadOnly);
  check();  // a reader on the committed result
}

}  // namespace
}  // namespace parley::storage

namespace parley::storage {
namespace {

// The error `fn` throws; fails the test if it throws none.
Error Thrown(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a parley::Error";
  return Error(ErrorKind::kRuntimeError, "", "no error");
}

void ExpectViolation(const std::function<void()>& fn, const std::string& holder,
                     const std::string& value) {
  Error e = Thrown(fn);
  EXPECT_EQ(e.kind(), ErrorKind::kConstraintVerificationFailed) << e.what();
  EXPECT_EQ(e.detail(), "ConstraintValidationFailed");
  EXPECT_EQ(std::string(e.what()), "Node(" + holder +
                                       ") already exists with label `P` and property `v` = " +
                                       value);
}

TEST_F(IndexTest, AUniqueConstraintRefusesEveryWriteThatRepeatsAValue) {
  NodeId one = Add(Value(1), label_);
  txn_->CreateUniqueConstraint(label_, key_, "p_v");
  EXPECT_TRUE(txn_->HasUniqueConstraint(label_, key_));
  ASSERT_EQ(txn_->Indexes().size(), 1u);
  EXPECT_TRUE(txn_->Indexes()[0].unique);
  EXPECT_EQ(txn_->Indexes()[0].name, "p_v");
  std::string holder = std::to_string(one.value);
  ExpectViolation([&] { Add(Value(1), label_); }, holder, "1");
  ExpectViolation([&] { Add(Value(1.0), label_); }, holder, "1.0");
  NodeId two = Add(Value(2), label_);
  ExpectViolation([&] { txn_->SetNodeProperty(two, key_, Value(1)); }, holder, "1");
  NodeId other = Add(Value(1), other_);  // another label: not constrained
  ExpectViolation([&] { txn_->AddNodeLabel(other, label_); }, holder, "1");
  EXPECT_FALSE(txn_->NodeHasLabel(other, label_));
  // Nulls are not constrained; a node keeps its own value.
  txn_->CreateNode(std::vector<LabelId>{label_}, {});
  txn_->CreateNode(std::vector<LabelId>{label_}, {});
  txn_->SetNodeProperty(one, key_, Value(1));
  // Removing the value, the label or the node frees the value.
  txn_->SetNodeProperty(one, key_, Value());
  txn_->SetNodeProperty(two, key_, Value(1));
  txn_->RemoveNodeLabel(two, label_);
  NodeId three = Add(Value(1), label_);
  txn_->DeleteNode(three, false);
  txn_->AddNodeLabel(other, label_);
  EXPECT_EQ(Sorted(txn_->IndexSeek(label_, key_, Value(1))), std::vector<NodeId>{other});
}

TEST_F(IndexTest, AUniqueConstraintOverRepeatedValuesIsRefusedAndChangesNothing) {
  NodeId a = Add(Value("x"), label_);
  Add(Value("y"), label_);
  NodeId b = Add(Value("x"), label_);
  Add(Value("x"), other_);
  Error e = Thrown([&] { txn_->CreateUniqueConstraint(label_, key_, "p_v"); });
  EXPECT_EQ(e.kind(), ErrorKind::kConstraintVerificationFailed);
  EXPECT_EQ(e.detail(), "ConstraintCreationFailed");
  EXPECT_EQ(std::string(e.what()),
            "cannot create the uniqueness constraint p_v on :P(v): nodes " +
                std::to_string(a.value) + " and " + std::to_string(b.value) +
                " both have v = 'x'");
  EXPECT_FALSE(txn_->HasUniqueConstraint(label_, key_));
  EXPECT_FALSE(txn_->HasIndex(label_, key_));
  // The same over an existing index, which stays as it was.
  txn_->CreateIndex(label_, key_);
  e = Thrown([&] { txn_->CreateUniqueConstraint(label_, key_, "p_v"); });
  EXPECT_EQ(e.detail(), "ConstraintCreationFailed");
  ASSERT_EQ(txn_->Indexes().size(), 1u);
  EXPECT_FALSE(txn_->Indexes()[0].unique);
  EXPECT_TRUE(txn_->Constraints().empty());
}

TEST_F(IndexTest, UniqueConstraintsPersistAndDropWithTheirOwnIndexOnly) {
  std::string dir = ::testing::TempDir() + "/index_unique_reopen";
  std::filesystem::remove_all(dir);
  PropKeyId w;
  {
    auto store = GraphStore::Open(dir, {});
    auto txn = store->Begin(TxnMode::kReadWrite);
    LabelId p = txn->GetOrCreateLabel("P");
    PropKeyId v = txn->GetOrCreatePropKey("v");
    w = txn->GetOrCreatePropKey("w");
    txn->CreateNode(std::vector<LabelId>{p}, {{v, Value(1)}, {w, Value(1)}});
    txn->CreateIndex(p, w, "by_w");
    txn->CreateUniqueConstraint(p, v, "unique_v");  // builds and owns its index
    txn->CreateUniqueConstraint(p, w, "unique_w");  // adopts by_w
    txn->Commit();
  }
  auto store = GraphStore::Open(dir, {});
  auto txn = store->Begin(TxnMode::kReadWrite);
  LabelId p = *txn->FindLabel("P");
  PropKeyId v = *txn->FindPropKey("v");
  std::vector<ConstraintInfo> constraints = txn->Constraints();
  ASSERT_EQ(constraints.size(), 2u);
  EXPECT_EQ(constraints[0].name, "unique_v");
  EXPECT_TRUE(constraints[0].owns_index);
  EXPECT_EQ(constraints[1].name, "unique_w");
  EXPECT_FALSE(constraints[1].owns_index);
  std::vector<IndexInfo> indexes = txn->Indexes();
  ASSERT_EQ(indexes.size(), 2u);
  EXPECT_EQ(indexes[0].name, "unique_v");
  EXPECT_EQ(indexes[1].name, "by_w");
  EXPECT_TRUE(indexes[0].unique && indexes[1].unique);
  EXPECT_EQ(Thrown([&] { txn->CreateNode(std::vector<LabelId>{p}, {{w, Value(1)}}); }).detail(),
            "ConstraintValidationFailed");
  EXPECT_EQ(Thrown([&] { txn->DropIndex(p, w); }).detail(), "IndexBelongsToConstraint");
  txn->DropUniqueConstraint(p, v);
  txn->DropUniqueConstraint(p, w);
  EXPECT_EQ(Thrown([&] { txn->DropUniqueConstraint(p, w); }).detail(), "ConstraintNotFound");
  EXPECT_FALSE(txn->HasIndex(p, v));
  EXPECT_TRUE(txn->HasIndex(p, w));
  txn->CreateNode(std::vector<LabelId>{p}, {{v, Value(1)}, {w, Value(1)}});
  txn->Commit();
  txn.reset();
  store.reset();
  store = GraphStore::Open(dir, {});
  txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(txn->Constraints().empty());
  ASSERT_EQ(txn->Indexes().size(), 1u);
  EXPECT_FALSE(txn->Indexes()[0].unique);
  txn.reset();
  store.reset();
  std::filesystem::remove_all(dir);
}

TEST_F(IndexTest, AUniqueConstraintRollsBackWithItsSavePoint) {
  Add(Value(1), label_);
  txn_->SetSavePoint();
  txn_->CreateUniqueConstraint(label_, key_, "p_v");
  txn_->RollbackToSavePoint();
  EXPECT_FALSE(txn_->HasUniqueConstraint(label_, key_));
  EXPECT_FALSE(txn_->HasIndex(label_, key_));
  Add(Value(1), label_);
  txn_->Commit();
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(txn->Constraints().empty());
  EXPECT_EQ(txn->LabelCount(label_), 2u);
}

}  // namespace
}  // namespace parley::storage
