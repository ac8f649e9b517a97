#include "engine/execution/operators/hash_join.h"

#include <unordered_map>

#include "engine/execution/operators/expand_common.h"

namespace parley::execution {
namespace {

using Key = std::vector<std::uint64_t>;

struct KeyHash {
  std::size_t operator()(const Key& key) const {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (std::uint64_t v : key) h = (h ^ v) * 0xBF58476D1CE4E5B9ull + (h >> 31);
    return static_cast<std::size_t>(h);
  }
};

// Bytes a table entry costs beyond its values: bucket, node and index overhead.
constexpr std::uint64_t kEntryOverhead = 48;

class HashJoinOp final : public Operator {
 public:
  HashJoinOp(ExecContext* ctx, const logical::Op& op, OperatorPtr probe, OperatorPtr build)
      : Operator(ctx), op_(op), probe_(std::move(probe)), build_(std::move(build)) {
    for (bound::Slot r : op_.build_rels) {
      for (std::size_t i = 0; i < op_.slots.size(); ++i) {
        if (op_.slots[i] == r) rel_columns_.push_back(i);
      }
    }
  }
  ~HashJoinOp() override { Clear(); }

  void Reset(const Row* argument) override {
    probe_->Reset(argument);
    has_argument_ = argument != nullptr;
    if (has_argument_) argument_ = *argument;
    Clear();
  }

  bool Next(Row* row) override {
    if (!built_) Build();
    if (rows_.empty()) return false;  // nothing can match: the probe side need not run
    for (;;) {
      if (matches_ != nullptr) {
        while (next_match_ < matches_->size()) {
          const Row& b = rows_[(*matches_)[next_match_++]];
          if (RelsReused(*row, b)) continue;
          for (std::size_t i = 0; i < op_.slots.size(); ++i) (*row)[op_.slots[i]] = b[i];
          return true;
        }
        matches_ = nullptr;
      }
      if (!Pull(*probe_, row)) return false;
      if ((++probed_ & 1023) == 0) ctx_->CheckInterrupt();
      if (!KeyOf(*row, &key_)) continue;
      auto it = table_.find(key_);
      if (it == table_.end()) continue;
      matches_ = &it->second;
      next_match_ = 0;
    }
  }

 private:
  void Build() {
    built_ = true;
    build_->Reset(has_argument_ ? &argument_ : nullptr);
    Row in;
    while (Pull(*build_, &in)) {
      if ((rows_.size() & 1023) == 0) ctx_->CheckInterrupt();
      if (!KeyOf(in, &key_)) continue;
      Row stored;
      stored.reserve(op_.slots.size());
      for (bound::Slot s : op_.slots) stored.push_back(std::move(in[s]));
      std::uint64_t size = ApproxSize(stored) + key_.size() * sizeof(std::uint64_t) +
                           kEntryOverhead;
      charged_ += size;
      ctx_->Charge(size);
      table_[key_].push_back(static_cast<std::uint32_t>(rows_.size()));
      rows_.push_back(std::move(stored));
    }
  }

  // The node ids of the key slots; false when one is not a node (null never joins).
  bool KeyOf(const Row& row, Key* key) const {
    key->clear();
    for (bound::Slot s : op_.keys) {
      const Value& v = row[s];
      if (!v.is_node()) return false;
      key->push_back(v.as_node().id);
    }
    return true;
  }

  // Whether a relationship of build row `b` is already bound on the probe side.
  bool RelsReused(const Row& probe, const Row& b) const {
    for (std::size_t column : rel_columns_) {
      const Value& v = b[column];
      if (v.is_relationship()) {
        if (RelUsed(probe, op_.distinct_from, RelId(v.as_relationship().id))) return true;
      } else if (v.is_list()) {
        for (const Value& e : v.as_list()) {
          if (e.is_relationship() &&
              RelUsed(probe, op_.distinct_from, RelId(e.as_relationship().id))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  void Clear() {
    table_.clear();
    rows_.clear();
    matches_ = nullptr;
    next_match_ = 0;
    built_ = false;
    ctx_->Release(charged_);
    charged_ = 0;
  }

  const logical::Op& op_;
  OperatorPtr probe_;
  OperatorPtr build_;
  std::vector<std::size_t> rel_columns_;  // indexes into a stored row of op_.build_rels
  Row argument_;
  bool has_argument_ = false;
  bool built_ = false;
  std::vector<Row> rows_;  // build rows: the values of op_.slots
  std::unordered_map<Key, std::vector<std::uint32_t>, KeyHash> table_;
  const std::vector<std::uint32_t>* matches_ = nullptr;
  std::size_t next_match_ = 0;
  Key key_;
  std::uint64_t probed_ = 0;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeHashJoin(ExecContext* ctx, const logical::Op& op, OperatorPtr probe,
                         OperatorPtr build) {
  return std::make_unique<HashJoinOp>(ctx, op, std::move(probe), std::move(build));
}

}  // namespace parley::execution
