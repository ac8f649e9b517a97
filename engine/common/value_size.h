// ApproxSize: the memory a Value holds, roughly, for the query memory bound.
#ifndef PARLEY_ENGINE_COMMON_VALUE_SIZE_H_
#define PARLEY_ENGINE_COMMON_VALUE_SIZE_H_

#include <cstdint>

#include "parley/value.h"

namespace parley {

// The Value itself plus what it owns: string bytes, elements, entries (with their keys and
// a map node's overhead), a path's nodes and relationships. An estimate: allocator
// overhead and the properties of nodes are not counted.
inline std::uint64_t ApproxSize(const Value& v) {
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

}  // namespace parley

#endif  // PARLEY_ENGINE_COMMON_VALUE_SIZE_H_
