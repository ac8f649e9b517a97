#include "engine/execution/operator.h"

#include <algorithm>
#include <bit>
#include <chrono>

#include <fmt/format.h>

#include "engine/common/value_size.h"

namespace parley::execution {

bool Operator::ProfiledNext(Row* row) {
  try {
    if (!profiling_) return Next(row);
    auto start = std::chrono::steady_clock::now();
    bool ok = Next(row);
    elapsed_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::steady_clock::now() - start).count();
    if (ok) ++rows_;
    return ok;
  } catch (const Error& e) {
    if (e.pos().known() || !pos_.known()) throw;
    throw e.WithPosition(pos_);
  }
}

namespace {

[[noreturn]] void ThrowMemoryLimit(std::uint64_t limit) {
  throw Error(ErrorKind::kRuntimeError, "MemoryLimitExceeded",
              fmt::format("the query needs more than its memory limit of {} bytes", limit));
}

}  // namespace

void ExecContext::ThrowTimedOut() const {
  throw Error(ErrorKind::kRuntimeError, "QueryTimedOut",
              fmt::format("the statement ran longer than its time limit of {} ms and was "
                          "stopped; it changed nothing",
                          timeout_ms));
}

void ExecContext::Charge(std::uint64_t bytes) {
  memory_used += bytes;
  if (memory_limit != 0 && memory_used > memory_limit) ThrowMemoryLimit(memory_limit);
}

void ExecContext::RequireRoom(std::uint64_t bytes) const {
  if (memory_limit != 0 && (bytes > memory_limit || memory_used > memory_limit - bytes)) {
    ThrowMemoryLimit(memory_limit);
  }
}

NodeCache::Entry& NodeCache::Slot(NodeId id) {
  if (entries_.empty() || (misses_ > 2 * entries_.size() && entries_.size() < kSlots)) {
    // More misses than twice the slots: a wider scan than the cache covers; grow it.
    std::size_t size = entries_.empty() ? kFirstSlots : entries_.size() * 2;
    entries_.clear();
    entries_.resize(size);
    index_shift_ = 64 - std::countr_zero(size);
    misses_ = 0;
  }
  Entry& e = entries_[(id.value * 0x9E3779B97F4A7C15ull) >> index_shift_];
  if (e.id != id.value) {
    ++misses_;
    e.id = id.value;
    e.has_props = e.has_labels = false;
  }
  return e;
}

const storage::PropertyMap& NodeCache::Properties(const storage::Txn& txn, NodeId id) {
  Entry& e = Slot(id);
  if (!e.has_props) {
    e.props = txn.NodeProperties(id);
    e.has_props = true;
  }
  return e.props;
}

const std::vector<LabelId>& NodeCache::Labels(const storage::Txn& txn, NodeId id) {
  Entry& e = Slot(id);
  if (!e.has_labels) {
    e.labels = txn.NodeLabels(id);
    e.has_labels = true;
  }
  return e.labels;
}

Value ExecContext::NodeProperty(NodeId id, PropKeyId key) {
  if (!read_only || UncachedNodeReads()) return txn->NodeProperty(id, key);
  const storage::PropertyMap& props = node_cache.Properties(*txn, id);
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const auto& p, PropKeyId k) { return p.first < k; });
  return it != props.end() && it->first == key ? it->second : Value();
}

bool ExecContext::NodeHasLabel(NodeId id, LabelId label) {
  if (!read_only || UncachedNodeReads()) return txn->NodeHasLabel(id, label);
  const std::vector<LabelId>& labels = node_cache.Labels(*txn, id);
  return std::binary_search(labels.begin(), labels.end(), label);
}

std::uint64_t ApproxSize(const Row& row) {
  std::uint64_t size = sizeof(Row);
  for (const Value& v : row) size += ApproxSize(v);
  return size;
}

}  // namespace parley::execution
