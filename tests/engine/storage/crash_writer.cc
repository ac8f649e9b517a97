// A writer for CrashTest: commits batches in a loop until it is killed.
//
// Each transaction creates three :Batch nodes {batch: b, part: 0..2}, links them with two
// NEXT relationships and the batch's first node to the previous batch's first node with a
// PREV relationship, and sets the :Counter node's `done` to b + 1. Prints "ready" once
// it is open and about to start. Usage: DIR.
#include <cstdio>
#include <vector>

#include "engine/storage/graph_store.h"

using namespace parley;
using namespace parley::storage;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  auto store = GraphStore::Open(argv[1], {});
  NodeId counter;
  std::int64_t next_batch = 0;
  std::optional<NodeId> previous_first;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    LabelId counter_label = txn->GetOrCreateLabel("Counter");
    PropKeyId done = txn->GetOrCreatePropKey("done");
    auto existing = txn->ScanLabel(counter_label);
    if (!existing->Next(&counter)) {
      std::vector<LabelId> labels{counter_label};
      counter = txn->CreateNode(labels, {{done, Value(0)}});
    } else {
      next_batch = txn->NodeProperty(counter, done).as_int();
    }
    existing.reset();
    LabelId batch_label = txn->GetOrCreateLabel("Batch");
    PropKeyId batch_key = txn->GetOrCreatePropKey("batch");
    PropKeyId part_key = txn->GetOrCreatePropKey("part");
    if (next_batch > 0) {
      auto nodes = txn->ScanLabel(batch_label);
      for (NodeId id; nodes->Next(&id);) {
        if (txn->NodeProperty(id, batch_key) == Value(next_batch - 1) &&
            txn->NodeProperty(id, part_key) == Value(0)) {
          previous_first = id;
        }
      }
    }
    txn->Commit();
  }
  std::printf("ready\n");  // CrashTest waits for this before timing most kills
  std::fflush(stdout);
  for (std::int64_t b = next_batch;; ++b) {
    auto txn = store->Begin(TxnMode::kReadWrite);
    std::vector<LabelId> labels{*txn->FindLabel("Batch")};
    PropKeyId batch_key = *txn->FindPropKey("batch");
    PropKeyId part_key = *txn->FindPropKey("part");
    RelTypeId next = txn->GetOrCreateRelType("NEXT");
    RelTypeId prev = txn->GetOrCreateRelType("PREV");
    NodeId nodes[3];
    for (int part = 0; part < 3; ++part) {
      nodes[part] = txn->CreateNode(labels, {{batch_key, Value(b)}, {part_key, Value(part)}});
    }
    txn->CreateRel(nodes[0], next, nodes[1], {});
    txn->CreateRel(nodes[1], next, nodes[2], {});
    if (previous_first) txn->CreateRel(nodes[0], prev, *previous_first, {});
    txn->SetNodeProperty(counter, *txn->FindPropKey("done"), Value(b + 1));
    txn->Commit();
    previous_first = nodes[0];
  }
}
