#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/execution/operators/operators.h"
#include "engine/function/aggregate.h"
#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// Hash aggregation: groups by the key expressions (under equivalence), folds each
// aggregate per group, and emits one row per group in first-seen order. With no keys an
// empty input still gives one row.
//
// Groups live in flat arrays (keys_[g * key_count + k], aggregators likewise), found
// through an open-addressing table of group numbers with their hashes, so a new group
// costs no allocation of its own beyond its aggregators; when every aggregate counts rows
// (count(*), possibly weighted by an ExpandCount) there are no aggregators at all, only
// one counter per group.
class AggregateOp final : public Operator {
 public:
  AggregateOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
              const logical::Op* direct_scan)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx), scan_(direct_scan) {
    const bound::Projection& p = *op_.projection;
    key_count_ = p.group_keys.size();
    agg_count_ = p.aggregates.size();
    counts_only_ = agg_count_ > 0;
    for (const bound::AggregateCall& call : p.aggregates) {
      counts_only_ &= Counts(call);
      // Aggregates whose memory grows with their input: collect, the percentiles, and
      // any DISTINCT one; their growth is charged to the memory bound.
      holds_.push_back(call.distinct || call.function == "collect" ||
                       call.function.starts_with("percentile"));
    }
  }

  // Whether `call` counts rows: count(*), or any count over a weighted input, where each
  // row's weight is its count.
  bool Counts(const bound::AggregateCall& call) const {
    return call.count_star || (op_.weight != bound::kNoSlot && call.function == "count");
  }

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    if (argument != nullptr) {
      arg_ = *argument;
    } else {
      arg_.assign(ctx_->num_slots, Value());
    }
    arg_.resize(ctx_->num_slots);
    arg_bound_.clear();
    for (std::size_t i = 0; i < arg_.size(); ++i) {
      if (!arg_[i].is_null()) arg_bound_.push_back(i);
    }
    done_ = false;
    group_count_ = 0;
    keys_.clear();
    int_keys_.clear();
    ints_only_ = key_count_ == 1;
    aggs_.clear();
    counts_.clear();
    table_.clear();
    hashes_.clear();
    next_ = 0;
    ctx_->Release(charged_);
    charged_ = 0;
  }

  bool Next(Row* row) override {
    if (!done_) Consume();
    if (next_ >= group_count_) return false;
    std::size_t g = next_++;
    // Only the argument's bound slots, the keys and the aggregates are read downstream:
    // copying the whole argument row for every group would cost more than the group.
    if (row->size() != arg_.size()) {
      *row = arg_;
    } else {
      for (std::size_t i : arg_bound_) (*row)[i] = arg_[i];
    }
    const bound::Projection& p = *op_.projection;
    for (std::size_t k = 0; k < key_count_; ++k) {
      (*row)[p.group_keys[k].slot] =
          ints_only_ ? Value(int_keys_[g]) : std::move(keys_[g * key_count_ + k]);
    }
    for (std::size_t a = 0; a < agg_count_; ++a) {
      (*row)[p.aggregates[a].slot] =
          counts_only_ ? Value(counts_[g]) : aggs_[g * agg_count_ + a]->Finish();
    }
    return true;
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  // Eight bytes, so the table stays cache-friendly: the group number and the upper half
  // of its hash (the lower half picks the slot).
  struct TableSlot {
    std::uint32_t hash_tag;
    std::uint32_t group;
  };

  void Consume() {
    done_ = true;
    if (scan_ != nullptr && ConsumeColumns()) return;
    const bound::Projection& p = *op_.projection;
    bool weighted = op_.weight != bound::kNoSlot;
    Row in;
    std::vector<Value> key(key_count_);
    std::vector<Value> args;
    std::uint64_t rows = 0;
    while (Pull(*child_, &in)) {
      if ((++rows & 1023) == 0) ctx_->CheckInterrupt();
      for (std::size_t k = 0; k < key_count_; ++k) key[k] = eval_.Eval(*p.group_keys[k].expr, in);
      std::size_t g = op_.unique_group_key >= 0 && !key[op_.unique_group_key].is_null()
                          ? AddOwnGroup(key)
                          : FindOrAddGroup(key);
      if (counts_only_) {
        counts_[g] += weighted ? in[op_.weight].as_int() : 1;
        continue;
      }
      for (std::size_t a = 0; a < agg_count_; ++a) {
        const bound::AggregateCall& call = p.aggregates[a];
        args.clear();
        for (const auto& arg : call.args) args.push_back(eval_.Eval(*arg, in));
        if (Counts(call) && weighted) args.push_back(in[op_.weight]);
        function::Aggregator& agg = *aggs_[g * agg_count_ + a];
        if (!holds_[a]) {
          agg.Add(args);
          continue;
        }
        std::uint64_t before = agg.HeldBytes();
        agg.Add(args);
        std::uint64_t after = agg.HeldBytes();
        if (after > before) Charge(after - before);
      }
    }
    if (group_count_ == 0 && key_count_ == 0) NewGroup(key);
  }

  // The direct scan (see MakeAggregate): keys and arguments are properties of the scanned
  // node, read a page of columns at a time from the storage instead of row by row
  // through the child. False when the storage cannot serve it; then nothing has been
  // consumed.
  bool ConsumeColumns() {
    const bound::Projection& p = *op_.projection;
    std::optional<LabelId> label;
    if (scan_->kind == logical::OpKind::kLabelScan) {
      label = ResolveLabel(*ctx_->txn, scan_->labels[0]);
      if (!label) {  // no such label: no rows, as the scan would find
        if (key_count_ == 0) NewGroup({});
        return true;
      }
    }
    // Property of the group key k / of aggregate a's argument: index into the columns.
    std::vector<PropKeyId> keys;
    auto column = [&](const bound::Expr& property) {
      auto key = ResolveKey(*ctx_->txn, property.prop);
      keys.push_back(key ? *key : PropKeyId(std::numeric_limits<std::uint32_t>::max()));
      return keys.size() - 1;
    };
    std::vector<std::size_t> key_column, arg_column;
    for (const auto& k : p.group_keys) key_column.push_back(column(*k.expr));
    for (const auto& call : p.aggregates) {
      arg_column.push_back(call.count_star ? 0 : column(*call.args[0]));
    }
    PageGroups groups;
    std::vector<Value> args(1);
    bool served = ctx_->txn->VisitNodeColumns(
        label, keys, [&](const storage::NodeColumnPage& page) {
          ctx_->CheckInterrupt();
          GroupPage(page, key_column, &groups);
          for (std::size_t slot = 0; slot < page.rows.size(); ++slot) {
            if (!page.rows[slot]) continue;
            std::uint32_t g = groups.of_slot[slot];
            if (counts_only_) {
              ++counts_[g];
              continue;
            }
            for (std::size_t a = 0; a < agg_count_; ++a) {
              function::Aggregator& agg = *aggs_[g * agg_count_ + a];
              if (p.aggregates[a].count_star) {
                agg.Add({});
                continue;
              }
              const storage::PropertyColumn* c = page.columns[arg_column[a]];
              if (c == nullptr || !c->Has(slot)) continue;  // null: every aggregate skips it
              std::uint64_t before = holds_[a] ? agg.HeldBytes() : 0;
              switch (c->kind()) {
                case storage::PropertyColumn::Kind::kInt: agg.AddInt(c->IntAt(slot)); break;
                case storage::PropertyColumn::Kind::kFloat: agg.AddFloat(c->FloatAt(slot)); break;
                default:
                  args[0] = c->Get(slot);
                  agg.Add(args);
              }
              if (holds_[a] && agg.HeldBytes() > before) Charge(agg.HeldBytes() - before);
            }
          }
        });
    if (served && group_count_ == 0 && key_count_ == 0) NewGroup({});
    return served;
  }

  // Hashes a std::string and a std::string_view alike: lookups by a view build no string.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  // The group of each row of a page, found before folding the page's rows.
  struct PageGroups {
    std::array<std::uint32_t, storage::PropertyColumn::kMaxSize> of_slot;
    // A string key: the group of each dictionary code.
    std::array<std::uint32_t, storage::PropertyColumn::kMaxDictionary> of_code;
    std::vector<Value> key;
    // A string key: the group of each string met so far, so that a string every page
    // holds is hashed once per page rather than built into a Value and looked up each time.
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> of_string;
  };


  void GroupPage(const storage::NodeColumnPage& page, const std::vector<std::size_t>& key_column,
                 PageGroups* groups) {
    std::vector<Value>& key = groups->key;
    key.resize(key_count_);
    auto value = [&](std::size_t k, std::size_t slot) {
      const storage::PropertyColumn* c = page.columns[key_column[k]];
      return c != nullptr && c->Has(slot) ? c->Get(slot) : Value();
    };
    const storage::PropertyColumn* strings =
        key_count_ == 1 ? page.columns[key_column[0]] : nullptr;
    if (strings != nullptr && strings->kind() == storage::PropertyColumn::Kind::kString) {
      // A dictionary-coded key: each distinct string of the page is looked up once.
      std::span<const std::string> dictionary = strings->Dictionary();
      std::fill_n(groups->of_code.begin(), dictionary.size(), kEmpty);
      std::uint32_t null_group = kEmpty;
      for (std::size_t slot = 0; slot < page.rows.size(); ++slot) {
        if (!page.rows[slot]) continue;
        std::uint32_t* group = &null_group;
        if (strings->Has(slot)) group = &groups->of_code[strings->CodeAt(slot)];
        if (*group == kEmpty && group != &null_group) {
          std::string_view text = dictionary[strings->CodeAt(slot)];
          auto known = groups->of_string.find(text);
          if (known != groups->of_string.end()) {
            *group = known->second;
          } else {
            key[0] = value(0, slot);
            *group = static_cast<std::uint32_t>(FindOrAddGroup(key));
            groups->of_string.emplace(std::string(text), *group);
          }
        } else if (*group == kEmpty) {
          key[0] = Value();
          *group = static_cast<std::uint32_t>(FindOrAddGroup(key));
        }
        groups->of_slot[slot] = *group;
      }
      return;
    }
    for (std::size_t slot = 0; slot < page.rows.size(); ++slot) {
      if (!page.rows[slot]) continue;
      for (std::size_t k = 0; k < key_count_; ++k) key[k] = value(k, slot);
      groups->of_slot[slot] = static_cast<std::uint32_t>(FindOrAddGroup(key));
    }
  }

  static std::size_t HashKey(const std::vector<Value>& key) {
    std::size_t h = 0x51ed270b27a5c1d3ull;
    for (const Value& v : key) h = (h ^ function::Hash(v)) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }

  bool SameKey(std::size_t g, const std::vector<Value>& key) const {
    if (ints_only_) return int_keys_[g] == key[0].as_int();  // key[0] is an integer here
    for (std::size_t k = 0; k < key_count_; ++k) {
      if (!function::Equivalent(keys_[g * key_count_ + k], key[k])) return false;
    }
    return true;
  }

  std::size_t FindOrAddGroup(const std::vector<Value>& key) {
    if (ints_only_ && !key[0].is_int()) StoreKeysAsValues();
    if (table_.size() < 2 * (group_count_ + 1)) Grow();
    std::size_t hash = HashKey(key);
    auto tag = static_cast<std::uint32_t>(hash >> 32);
    std::size_t mask = table_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      TableSlot& slot = table_[i];
      if (slot.group == kEmpty) {
        slot = {tag, static_cast<std::uint32_t>(NewGroup(key))};
        hashes_.push_back(hash);
        return slot.group;
      }
      if (slot.hash_tag == tag && SameKey(slot.group, key)) return slot.group;
    }
  }

  // A group no other row can join (logical::Op::unique_group_key): not in the table, whose
  // lookups only rows with a null unique key make.
  std::size_t AddOwnGroup(const std::vector<Value>& key) {
    if (ints_only_ && !key[0].is_int()) StoreKeysAsValues();
    std::size_t g = NewGroup(key);
    hashes_.push_back(0);  // by group number, as FindOrAddGroup keeps them
    return g;
  }

  void Grow() {
    std::vector<TableSlot> old = std::move(table_);
    table_.assign(old.empty() ? 64 : old.size() * 2, TableSlot{0, kEmpty});
    std::size_t mask = table_.size() - 1;
    for (const TableSlot& slot : old) {
      if (slot.group == kEmpty) continue;
      std::size_t i = hashes_[slot.group] & mask;
      while (table_[i].group != kEmpty) i = (i + 1) & mask;
      table_[i] = slot;
    }
  }

  std::size_t NewGroup(const std::vector<Value>& key) {
    const bound::Projection& p = *op_.projection;
    if (group_count_ == kEmpty - 1) {
      throw Error(ErrorKind::kRuntimeError, "TooManyGroups", "too many groups in an aggregation");
    }
    if (ints_only_) {
      int_keys_.push_back(key[0].as_int());
    } else {
      keys_.insert(keys_.end(), key.begin(), key.end());
    }
    if (counts_only_) {
      counts_.push_back(0);
    } else {
      for (const bound::AggregateCall& call : p.aggregates) {
        if (Counts(call) && op_.weight != bound::kNoSlot) {
          aggs_.push_back(function::MakeAggregator("sum", false));  // adds each row's count
        } else {
          aggs_.push_back(call.count_star ? function::MakeCountStar()
                                          : function::MakeAggregator(call.function,
                                                                     call.distinct));
        }
      }
    }
    std::uint64_t bytes = 16 * (agg_count_ + 2);
    for (const Value& v : key) bytes += ApproxSize(v);
    Charge(bytes);
    return group_count_++;
  }

  // Leaves the integer fast path: the first key that is not an integer arrived.
  void StoreKeysAsValues() {
    keys_.assign(int_keys_.begin(), int_keys_.end());
    int_keys_.clear();
    ints_only_ = false;
  }

  void Charge(std::uint64_t bytes) {
    charged_ += bytes;
    ctx_->Charge(bytes);
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  const logical::Op* scan_;  // the scan below, when read directly; else null
  Row arg_;
  std::vector<std::size_t> arg_bound_;  // slots of arg_ that hold a value
  bool done_ = false;
  std::size_t key_count_ = 0;
  std::size_t agg_count_ = 0;
  bool counts_only_ = false;
  std::vector<bool> holds_;  // per aggregate: its memory grows per row (HeldBytes)
  std::size_t group_count_ = 0;
  std::vector<Value> keys_;                                // group_count_ * key_count_
  // One integer key per group while every key so far is an integer (the common group by
  // an id): an eighth of the memory of Values, and equality is a comparison.
  bool ints_only_ = false;
  std::vector<std::int64_t> int_keys_;
  std::vector<std::unique_ptr<function::Aggregator>> aggs_;  // group_count_ * agg_count_
  std::vector<std::int64_t> counts_;                       // when counts_only_
  std::vector<TableSlot> table_;  // a power of two, at most half full
  std::vector<std::size_t> hashes_;  // per group: its full hash, for growing the table
  std::size_t next_ = 0;
  std::uint64_t charged_ = 0;
};

}  // namespace

OperatorPtr MakeAggregate(ExecContext* ctx, const logical::Op& op, OperatorPtr child,
                          const logical::Op* direct_scan) {
  return std::make_unique<AggregateOp>(ctx, op, std::move(child), direct_scan);
}

}  // namespace parley::execution
