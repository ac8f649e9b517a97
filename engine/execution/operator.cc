#include "engine/execution/operator.h"

#include <chrono>

#include <fmt/format.h>

namespace parley::execution {

bool Operator::ProfiledNext(Row* row) {
  if (!profiling_) return Next(row);
  auto start = std::chrono::steady_clock::now();
  bool ok = Next(row);
  elapsed_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now() - start).count();
  if (ok) ++rows_;
  return ok;
}

void ExecContext::Charge(std::uint64_t bytes) {
  memory_used += bytes;
  if (memory_limit != 0 && memory_used > memory_limit) {
    throw Error(ErrorKind::kRuntimeError, "MemoryLimitExceeded",
                fmt::format("the query needs more than its memory limit of {} bytes",
                            memory_limit));
  }
}

std::uint64_t ApproxSize(const Value& v) {
  std::uint64_t size = sizeof(Value);
  switch (v.type()) {
    case ValueType::kString: size += v.as_string().size(); break;
    case ValueType::kList:
      for (const Value& e : v.as_list()) size += ApproxSize(e);
      break;
    case ValueType::kMap:
      for (const auto& [k, e] : v.as_map()) size += k.size() + 32 + ApproxSize(e);
      break;
    case ValueType::kPath:
      size += v.as_path().nodes.size() * sizeof(Node) +
              v.as_path().rels.size() * sizeof(Relationship);
      break;
    default: break;
  }
  return size;
}

std::uint64_t ApproxSize(const Row& row) {
  std::uint64_t size = sizeof(Row);
  for (const Value& v : row) size += ApproxSize(v);
  return size;
}

}  // namespace parley::execution
