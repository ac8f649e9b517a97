// Helpers shared by the storage tests: an in-memory store and draining a node cursor.
#ifndef PARLEY_TESTS_ENGINE_STORAGE_STORE_TEST_SUPPORT_H_
#define PARLEY_TESTS_ENGINE_STORAGE_STORE_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/storage/graph_store.h"

namespace parley::storage::testing {

// A fresh in-memory store; `name` only labels it.
inline std::unique_ptr<GraphStore> MemoryStore(const std::string& name) {
  StoreOptions options;
  options.in_memory = true;
  return GraphStore::Open(name, options);
}

// Every node id the cursor yields, in its order.
inline std::vector<NodeId> Drain(std::unique_ptr<NodeCursor> cursor) {
  std::vector<NodeId> out;
  for (NodeId id; cursor->Next(&id);) out.push_back(id);
  return out;
}

}  // namespace parley::storage::testing

#endif  // PARLEY_TESTS_ENGINE_STORAGE_STORE_TEST_SUPPORT_H_
