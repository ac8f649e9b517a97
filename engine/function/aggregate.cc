#include "engine/function/aggregate.h"

#include "engine/common/value_size.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/function/arithmetic.h"
#include "engine/function/semantics.h"
#include "engine/function/temporal.h"
#include "parley/error.h"

namespace parley::function {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void ThrowType(std::string_view fn, const Value& v) {
  throw Error(
      ErrorKind::kTypeError, "InvalidArgumentType",
      std::string(fn) + "() cannot aggregate a value of type " + std::string(TypeName(v.type())));
}

// A set of node and relationship ids: open addressing with linear probing in one array,
// for DISTINCT over entities (count(DISTINCT friend)), where hashing and copying whole
// Values cost several times the comparison of ids that decides their equivalence.
class EntityIdSet {
 public:
  // Returns false if the entity was in the set already.
  bool Insert(std::uint64_t id, bool relationship) {
    std::uint64_t key = ((id << 1) | (relationship ? 1 : 0)) + 1;  // 0 marks a free slot
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t mask = slots_.size() - 1;
    std::size_t i = Mix(key) & mask;
    while (slots_[i] != 0) {
      if (slots_[i] == key) return false;
      i = (i + 1) & mask;
    }
    slots_[i] = key;
    ++size_;
    return true;
  }
  std::uint64_t bytes() const { return slots_.size() * sizeof(std::uint64_t); }

 private:
  static std::size_t Mix(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return static_cast<std::size_t>(k);
  }
  void Grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
    std::size_t mask = slots_.size() - 1;
    for (std::uint64_t key : old) {
      if (key == 0) continue;
      std::size_t i = Mix(key) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = key;
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

// The shared skeleton: skips nulls and, with DISTINCT, repeats.
class Base : public Aggregator {
 public:
  explicit Base(bool distinct) : distinct_(distinct) {}
  void Add(std::span<const Value> args) final {
    const Value& v = args[0];
    if (v.is_null()) return;
    if (distinct_) {
      // Nodes (and relationships) are equivalent exactly when their ids are equal.
      if (v.is_node() || v.is_relationship()) {
        bool rel = v.is_relationship();
        if (!entities_.Insert(rel ? v.as_relationship().id : v.as_node().id, rel)) return;
      } else {
        if (!seen_.insert(v).second) return;
        seen_bytes_ += ApproxSize(v) + kSetEntryOverhead;
      }
    }
    Fold(v, args);
  }
  std::uint64_t HeldBytes() const override {
    return seen_bytes_ + entities_.bytes() + FoldedBytes();
  }
  void AddInt(std::int64_t x) final {
    if (distinct_) return Aggregator::AddInt(x);
    FoldInt(x);
  }
  void AddFloat(double x) final {
    if (distinct_) return Aggregator::AddFloat(x);
    FoldFloat(x);
  }

 protected:
  // A hash set's per-entry cost beyond the Value: node, bucket and cached hash.
  static constexpr std::uint64_t kSetEntryOverhead = 32;
  virtual void Fold(const Value& v, std::span<const Value> args) = 0;
  // What Fold keeps (collect's list, a percentile's values).
  virtual std::uint64_t FoldedBytes() const { return 0; }
  // Fold of one number; override where that saves building a Value.
  virtual void FoldInt(std::int64_t x) {
    Value v(x);
    Fold(v, std::span<const Value>(&v, 1));
  }
  virtual void FoldFloat(double x) {
    Value v(x);
    Fold(v, std::span<const Value>(&v, 1));
  }

 private:
  bool distinct_;
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;
  EntityIdSet entities_;
  std::uint64_t seen_bytes_ = 0;
};

class Count : public Base {
 public:
  using Base::Base;
  Value Finish() override { return Value(n_); }

 private:
  void Fold(const Value&, std::span<const Value>) override { ++n_; }
  void FoldInt(std::int64_t) override { ++n_; }
  void FoldFloat(double) override { ++n_; }
  std::int64_t n_ = 0;
};

class CountStar : public Aggregator {
 public:
  void Add(std::span<const Value>) override { ++n_; }
  Value Finish() override { return Value(n_); }

 private:
  std::int64_t n_ = 0;
};

// sum and avg: integers stay integers (checked), a float makes the result a float,
// durations sum as durations. The total is kept unboxed: an integer until a float
// arrives (or, for avg, until the integer sum would overflow), then a double.
class Sum : public Base {
 public:
  Sum(bool distinct, bool average) : Base(distinct), average_(average) {}
  Value Finish() override {
    if (!average_) {
      if (saw_duration_) return Value(duration_);
      return is_float_ ? Value(float_total_) : Value(int_total_);
    }
    if (count_ == 0) return {};
    if (saw_duration_) return Value(DivideDuration(duration_, static_cast<double>(count_)));
    double total = is_float_ ? float_total_ : static_cast<double>(int_total_);
    return Value(total / static_cast<double>(count_));
  }

 private:
  const char* Name() const { return average_ ? "avg" : "sum"; }

  void Fold(const Value& v, std::span<const Value>) override {
    if (v.is_int()) return FoldInt(v.as_int());
    if (v.is_float()) return FoldFloat(v.as_float());
    if (v.type() != ValueType::kDuration || (count_ > 0 && !saw_duration_)) {
      ThrowType(Name(), v);
    }
    saw_duration_ = true;
    duration_ = AddDurations(duration_, std::get<Duration>(v.storage()));
    ++count_;
  }

  void FoldInt(std::int64_t x) override {
    if (saw_duration_) ThrowType(Name(), Value(x));
    if (is_float_) {
      float_total_ += static_cast<double>(x);
    } else if (std::int64_t r; !__builtin_add_overflow(int_total_, x, &r)) {
      int_total_ = r;
    } else if (average_) {  // avg() of large integers must not overflow: go on in floats
      float_total_ = static_cast<double>(int_total_) + static_cast<double>(x);
      is_float_ = true;
    } else {
      CheckedAdd(int_total_, x);  // throws the overflow error
    }
    ++count_;
  }

  void FoldFloat(double x) override {
    if (saw_duration_) ThrowType(Name(), Value(x));
    float_total_ = is_float_ ? float_total_ + x : static_cast<double>(int_total_) + x;
    is_float_ = true;
    ++count_;
  }

  bool average_;
  bool is_float_ = false;
  std::int64_t int_total_ = 0;
  double float_total_ = 0;
  Duration duration_;
  bool saw_duration_ = false;
  std::int64_t count_ = 0;
};

class MinMax : public Base {
 public:
  MinMax(bool distinct, bool max) : Base(distinct), max_(max) {}
  Value Finish() override { return best_; }

 private:
  void Fold(const Value& v, std::span<const Value>) override {
    if (best_.is_null()) {
      best_ = v;
      return;
    }
    int c = OrderCompare(v, best_);
    if (max_ ? c > 0 : c < 0) best_ = v;
  }
  void FoldInt(std::int64_t x) override {
    if (!best_.is_int()) return Base::FoldInt(x);  // empty, or mixed with other types
    std::int64_t best = best_.as_int();
    if (max_ ? x > best : x < best) best_ = Value(x);
  }
  bool max_;
  Value best_;
};

class Collect : public Base {
 public:
  using Base::Base;
  Value Finish() override { return Value(std::move(items_)); }

 private:
  void Fold(const Value& v, std::span<const Value>) override {
    items_.push_back(v);
    bytes_ += ApproxSize(v);
  }
  std::uint64_t FoldedBytes() const override { return bytes_; }
  List items_;
  std::uint64_t bytes_ = 0;
};

// Standard deviation by Welford's method: sample (stDev) or population (stDevP).
class StDev : public Base {
 public:
  StDev(bool distinct, bool population) : Base(distinct), population_(population) {}
  Value Finish() override {
    std::int64_t d = population_ ? n_ : n_ - 1;
    if (d <= 0) return Value(0.0);
    return Value(std::sqrt(m2_ / static_cast<double>(d)));
  }

 private:
  void Fold(const Value& v, std::span<const Value>) override {
    if (!v.is_number()) ThrowType(population_ ? "stDevP" : "stDev", v);
    double x = v.as_number();
    ++n_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
  }
  bool population_;
  std::int64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

class Percentile : public Base {
 public:
  Percentile(bool distinct, bool continuous) : Base(distinct), continuous_(continuous) {}
  Value Finish() override {
    if (values_.empty()) return {};
    std::sort(values_.begin(), values_.end(),
              [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
    double n = static_cast<double>(values_.size());
    if (!continuous_) {
      auto idx = static_cast<std::size_t>(std::max(0.0, std::ceil(p_ * n) - 1));
      return values_[std::min(idx, values_.size() - 1)];
    }
    double pos = p_ * (n - 1);
    auto lo = static_cast<std::size_t>(std::floor(pos));
    auto hi = static_cast<std::size_t>(std::ceil(pos));
    double frac = pos - static_cast<double>(lo);
    double a = values_[lo].as_number(), b = values_[hi].as_number();
    return Value(a + (b - a) * frac);
  }

 private:
  void Fold(const Value& v, std::span<const Value> args) override {
    const char* fn = continuous_ ? "percentileCont" : "percentileDisc";
    if (!v.is_number()) ThrowType(fn, v);
    if (!have_p_) {
      const Value& p = args.size() > 1 ? args[1] : Value();
      if (!p.is_number()) ThrowType(fn, p);
      p_ = p.as_number();
      if (!(p_ >= 0.0 && p_ <= 1.0)) {
        throw Error(ErrorKind::kArgumentError, "NumberOutOfRange",
                    std::string(fn) + "() needs a percentile between 0.0 and 1.0");
      }
      have_p_ = true;
    }
    values_.push_back(v);
    values_bytes_ += ApproxSize(v);
  }
  bool continuous_;
  bool have_p_ = false;
  double p_ = 0;
  std::uint64_t FoldedBytes() const override { return values_bytes_; }
  List values_;
  std::uint64_t values_bytes_ = 0;
};

}  // namespace

bool IsAggregateFunction(std::string_view name) {
  static const std::unordered_set<std::string> kNames = {
      "count",          "sum",           "avg", "min", "max", "collect", "stdev", "stdevp",
      "percentiledisc", "percentilecont"};
  return kNames.contains(Lower(name));
}

void Aggregator::AddInt(std::int64_t x) {
  Value v(x);
  Add(std::span<const Value>(&v, 1));
}

void Aggregator::AddFloat(double x) {
  Value v(x);
  Add(std::span<const Value>(&v, 1));
}

int AggregateArity(std::string_view name) {
  std::string n = Lower(name);
  return n == "percentiledisc" || n == "percentilecont" ? 2 : 1;
}

std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, bool distinct) {
  std::string n = Lower(name);
  if (n == "count") return std::make_unique<Count>(distinct);
  if (n == "sum") return std::make_unique<Sum>(distinct, false);
  if (n == "avg") return std::make_unique<Sum>(distinct, true);
  if (n == "min") return std::make_unique<MinMax>(distinct, false);
  if (n == "max") return std::make_unique<MinMax>(distinct, true);
  if (n == "collect") return std::make_unique<Collect>(distinct);
  if (n == "stdev") return std::make_unique<StDev>(distinct, false);
  if (n == "stdevp") return std::make_unique<StDev>(distinct, true);
  if (n == "percentiledisc") return std::make_unique<Percentile>(distinct, false);
  if (n == "percentilecont") return std::make_unique<Percentile>(distinct, true);
  return nullptr;
}

std::unique_ptr<Aggregator> MakeCountStar() { return std::make_unique<CountStar>(); }

}  // namespace parley::function
