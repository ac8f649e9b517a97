// The HashJoin operator on rows from stub children: matching, multiplicity, nulls,
// relationship uniqueness, the memory budget and cancellation.
#include "engine/execution/operators/hash_join.h"

#include <atomic>

#include <gtest/gtest.h>

namespace parley::execution {
namespace {

// Slots of the test rows: the key node, a probe-side node and relationship, a build-side
// node and relationship.
constexpr bound::Slot kX = 0, kA = 1, kR1 = 2, kB = 3, kR2 = 4;
constexpr int kSlots = 5;

Value N(std::uint64_t id) {
  Node n;
  n.id = id;
  return Value(std::move(n));
}
Value R(std::uint64_t id) {
  Relationship r;
  r.id = id;
  return Value(std::move(r));
}

// Yields fixed rows (each laid over its input row), counting how often it is pulled.
class RowsOp final : public Operator {
 public:
  RowsOp(ExecContext* ctx, std::vector<Row> rows) : Operator(ctx), rows_(std::move(rows)) {}
  void Reset(const Row* argument) override {
    next_ = 0;
    ++resets;
    last_argument = argument ? *argument : Row();
  }
  bool Next(Row* row) override {
    ++pulls;
    if (next_ >= rows_.size()) return false;
    row->assign(kSlots, Value());
    for (int s = 0; s < kSlots; ++s) {
      if (!rows_[next_][s].is_null()) (*row)[s] = rows_[next_][s];
    }
    ++next_;
    return true;
  }
  int pulls = 0;
  int resets = 0;
  Row last_argument;

 private:
  std::vector<Row> rows_;
  std::size_t next_ = 0;
};

Row Probe(Value x, Value a, Value r1 = Value()) { return {x, a, r1, Value(), Value()}; }
Row Build(Value x, Value b, Value r2 = Value()) { return {x, Value(), Value(), b, r2}; }

class HashJoinTest : public ::testing::Test {
 protected:
  HashJoinTest() : op_(logical::OpKind::kHashJoin) {
    ctx_.num_slots = kSlots;
    op_.keys = {kX};
    op_.slots = {kB, kR2};
    op_.distinct_from = {kR1};
    op_.build_rels = {kR2};
  }
  // Runs the join of `probe` with `build` to the end; the probe stub stays in probe_.
  std::vector<Row> Run(std::vector<Row> probe, std::vector<Row> build) {
    auto p = std::make_unique<RowsOp>(&ctx_, std::move(probe));
    auto b = std::make_unique<RowsOp>(&ctx_, std::move(build));
    probe_ = p.get();
    build_ = b.get();
    join_ = MakeHashJoin(&ctx_, op_, std::move(p), std::move(b));
    join_->Reset(nullptr);
    std::vector<Row> out;
    Row row;
    while (join_->Next(&row)) out.push_back(row);
    return out;
  }
  // (x, a, b) ids of `rows`, sorted.
  static std::vector<std::array<std::uint64_t, 3>> Ids(const std::vector<Row>& rows) {
    std::vector<std::array<std::uint64_t, 3>> out;
    for (const Row& r : rows) {
      out.push_back({r[kX].as_node().id, r[kA].as_node().id, r[kB].as_node().id});
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  ExecContext ctx_;
  logical::Op op_;
  RowsOp* probe_ = nullptr;
  RowsOp* build_ = nullptr;
  OperatorPtr join_;
};

TEST_F(HashJoinTest, JoinsEveryProbeRowWithEveryBuildRowOfItsKey) {
  auto rows = Run({Probe(N(1), N(10)), Probe(N(1), N(11)), Probe(N(2), N(12))},
                  {Build(N(1), N(20)), Build(N(1), N(21)), Build(N(3), N(22))});
  using Ids3 = std::vector<std::array<std::uint64_t, 3>>;
  EXPECT_EQ(Ids(rows), (Ids3{{1, 10, 20}, {1, 10, 21}, {1, 11, 20}, {1, 11, 21}}));
}

TEST_F(HashJoinTest, KeepsDuplicateRowsOfBothSides) {
  auto rows = Run({Probe(N(1), N(10)), Probe(N(1), N(10))},
                  {Build(N(1), N(20)), Build(N(1), N(20)), Build(N(1), N(20))});
  EXPECT_EQ(rows.size(), 6u);
}

TEST_F(HashJoinTest, YieldsNothingWhenNoKeyMatches) {
  EXPECT_TRUE(Run({Probe(N(1), N(10)), Probe(N(2), N(11))}, {Build(N(3), N(20))}).empty());
  EXPECT_EQ(probe_->pulls, 3);  // every probe row was looked up
}

TEST_F(HashJoinTest, AnEmptyBuildSideSkipsTheProbeSide) {
  EXPECT_TRUE(Run({Probe(N(1), N(10))}, {}).empty());
  EXPECT_EQ(probe_->pulls, 0);
}

TEST_F(HashJoinTest, NullKeysNeverJoin) {
  auto rows = Run({Probe(Value(), N(10)), Probe(N(1), N(11))},
                  {Build(Value(), N(20)), Build(N(1), N(21))});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][kA], N(11));
  EXPECT_EQ(rows[0][kB], N(21));
}

TEST_F(HashJoinTest, JoinsOnEveryKeySlot) {
  op_.keys = {kX, kB};
  op_.slots = {kR2};
  auto rows = Run({Probe(N(1), N(10)), Probe(N(1), N(11))},
                  {Build(N(1), N(10)), Build(N(1), N(12))});
  ASSERT_EQ(rows.size(), 0u);  // the probe rows leave b null: no key
  rows = Run({{N(1), N(10), Value(), N(5), Value()}, {N(1), N(11), Value(), N(6), Value()}},
             {Build(N(1), N(5), R(50)), Build(N(1), N(6), R(60)), Build(N(2), N(5), R(70))});
  ASSERT_EQ(rows.size(), 2u);
  for (const Row& r : rows) EXPECT_EQ(r[kR2], R(r[kB].as_node().id * 10));
}

TEST_F(HashJoinTest, SkipsBuildRowsThatReuseAProbeRelationship) {
  auto rows = Run({Probe(N(1), N(10), R(100)), Probe(N(1), N(11), R(101))},
                  {Build(N(1), N(10), R(100)), Build(N(1), N(11), R(101))});
  ASSERT_EQ(rows.size(), 2u);
  for (const Row& r : rows) EXPECT_NE(r[kR1], r[kR2]);
  // A relationship inside a list (a variable-length binding) counts too.
  rows = Run({Probe(N(1), N(10), Value(List{R(7), R(8)}))},
             {Build(N(1), N(20), R(8)), Build(N(1), N(21), R(9))});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][kR2], R(9));
}

TEST_F(HashJoinTest, RebuildsFromTheArgumentOnReset) {
  Run({Probe(N(1), N(10))}, {Build(N(1), N(20))});
  Row argument(kSlots);
  argument[kA] = N(99);
  join_->Reset(&argument);
  Row row;
  EXPECT_TRUE(join_->Next(&row));
  EXPECT_EQ(build_->resets, 2);
  ASSERT_EQ(build_->last_argument.size(), static_cast<std::size_t>(kSlots));
  EXPECT_EQ(build_->last_argument[kA], N(99));
}

TEST_F(HashJoinTest, ChargesTheBuildSideToTheMemoryBudgetAndReleasesIt) {
  std::vector<Row> build;
  for (std::uint64_t i = 0; i < 1000; ++i) build.push_back(Build(N(i), N(i)));
  Run({Probe(N(1), N(10))}, build);
  EXPECT_GT(ctx_.memory_used, 1000u * sizeof(Value));
  join_.reset();
  EXPECT_EQ(ctx_.memory_used, 0u);

  ctx_.memory_limit = 10000;
  try {
    Run({Probe(N(1), N(10))}, build);
    FAIL() << "expected MemoryLimitExceeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuntimeError);
    EXPECT_EQ(e.detail(), "MemoryLimitExceeded");
  }
}

TEST_F(HashJoinTest, StopsWhenTheStatementIsCancelled) {
  std::atomic<bool> interrupted{true};
  ctx_.interrupted = &interrupted;
  try {
    Run({Probe(N(1), N(10))}, {Build(N(1), N(20))});
    FAIL() << "expected QueryCancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "QueryCancelled");
  }
}

}  // namespace
}  // namespace parley::execution
