#include "engine/storage/bulk_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <tuple>

#include "engine/storage/csr_snapshot.h"
#include "parley/error.h"

namespace parley::storage {
namespace {

// Loads finished both ways: as one WriteBatch (small loads, the default limit) and as
// ingested tables (limit 0).
class BulkWriterModeTest : public ::testing::TestWithParam<std::uint64_t> {};

INSTANTIATE_TEST_SUITE_P(Finish, BulkWriterModeTest,
                         ::testing::Values(BulkWriter::kDefaultBatchLimit, 0),
                         [](const auto& info) {
                           return std::string(info.param == 0 ? "Tables" : "Batch");
                         });

TEST_P(BulkWriterModeTest, FinishMakesEverythingVisibleAndConsistent) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("bulk", options);
  LabelId person;
  PropKeyId name;
  {
    auto txn = store->Begin(TxnMode::kReadWrite);
    person = txn->GetOrCreateLabel("Person");
    name = txn->GetOrCreatePropKey("name");
    txn->CreateIndex(person, name);
    txn->CreateNode(std::vector<LabelId>{person}, {{name, Value("existing")}});
    txn->Commit();
  }
  std::vector<NodeId> ids;
  {
    auto bulk = store->BeginBulk();
    bulk->SetBatchLimit(GetParam());
    LabelId city = bulk->GetOrCreateLabel("City");
    RelTypeId knows = bulk->GetOrCreateRelType("KNOWS");
    PropKeyId since = bulk->GetOrCreatePropKey("since");
    for (int i = 0; i < 100; ++i) {
      std::vector<LabelId> labels{person};
      if (i % 10 == 0) labels.push_back(city);
      std::string text = "p";
      text += std::to_string(i);
      ids.push_back(bulk->CreateNode(labels, {{name, Value(text)}}));
    }
    for (int i = 0; i < 99; ++i) bulk->CreateRel(ids[i + 1], knows, ids[i], {{since, Value(i)}});
    auto before = store->Begin(TxnMode::kReadOnly);
    EXPECT_EQ(before->NodeCount(), 1u);
    bulk->Finish();
  }
  auto txn = store->Begin(TxnMode::kReadWrite);
  EXPECT_EQ(txn->NodeCount(), 101u);
  EXPECT_EQ(txn->LabelCount(person), 101u);
  EXPECT_EQ(txn->LabelCount(*txn->FindLabel("City")), 10u);
  RelTypeId knows = *txn->FindRelType("KNOWS");
  EXPECT_EQ(txn->RelTypeCount(knows), 99u);
  EXPECT_EQ(txn->Degree(ids[5], Direction::kBoth, {}), 2u);
  auto found = txn->IndexSeek(person, name, Value("p42"));
  NodeId hit;
  ASSERT_TRUE(found->Next(&hit));
  EXPECT_EQ(hit, ids[42]);
  EXPECT_EQ(store->Csr()->rel_count(), 99u);
  NodeId next = txn->CreateNode({}, {});  // ids continue after the load
  EXPECT_GT(next, ids.back());
}

TEST(BulkWriterTest, DroppingWithoutFinishKeepsNothing) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("bulk", options);
  {
    auto bulk = store->BeginBulk();
    bulk->CreateNode(std::vector<LabelId>{bulk->GetOrCreateLabel("X")}, {});
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 0u);
  EXPECT_FALSE(txn->FindLabel("X").has_value());
}

TEST(BulkWriterTest, LoadedCatalogSurvivesReopen) {
  std::string dir = ::testing::TempDir() + "/bulk_writer_reopen";
  std::filesystem::remove_all(dir);
  {
    auto store = GraphStore::Open(dir, {});
    auto bulk = store->BeginBulk();
    NodeId a = bulk->CreateNode(std::vector<LabelId>{bulk->GetOrCreateLabel("A")}, {});
    bulk->CreateRel(a, bulk->GetOrCreateRelType("T"), a, {});
    bulk->Finish();
  }
  auto store = GraphStore::Open(dir, {});
  auto txn = store->Begin(TxnMode::kReadOnly);
  ASSERT_TRUE(txn->FindLabel("A").has_value());
  EXPECT_EQ(txn->LabelCount(*txn->FindLabel("A")), 1u);
  EXPECT_EQ(txn->RelCount(), 1u);
  std::filesystem::remove_all(dir);
}

// The same graph written through transactions and through a BulkWriter: every family must
// read back identically (adjacency order, type scans, counts), whatever the mix of types,
// parallel edges, self-loops, ends among committed nodes and node-id spreads.
struct EdgeSpec {
  int start, type, end;
};

void WriteWithTxn(GraphStore& store, int new_nodes, const std::vector<EdgeSpec>& edges) {
  auto txn = store.Begin(TxnMode::kReadWrite);
  std::vector<RelTypeId> types{txn->GetOrCreateRelType("A"), txn->GetOrCreateRelType("B"),
                               txn->GetOrCreateRelType("C")};
  PropKeyId w = txn->GetOrCreatePropKey("w");
  for (int i = 0; i < new_nodes; ++i) txn->CreateNode({}, {});
  int i = 0;
  for (const EdgeSpec& e : edges) {
    txn->CreateRel(NodeId(e.start), types[e.type], NodeId(e.end), {{w, Value(i++)}});
  }
  txn->Commit();
}

void WriteWithBulk(GraphStore& store, int new_nodes, const std::vector<EdgeSpec>& edges,
                   std::uint64_t batch_limit) {
  auto bulk = store.BeginBulk();
  bulk->SetBatchLimit(batch_limit);
  std::vector<RelTypeId> types{bulk->GetOrCreateRelType("A"), bulk->GetOrCreateRelType("B"),
                               bulk->GetOrCreateRelType("C")};
  PropKeyId w = bulk->GetOrCreatePropKey("w");
  for (int i = 0; i < new_nodes; ++i) bulk->CreateNode({}, {});
  int i = 0;
  for (const EdgeSpec& e : edges) {
    bulk->CreateRel(NodeId(e.start), types[e.type], NodeId(e.end), {{w, Value(i++)}});
  }
  bulk->Finish();
}

using Edges = std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t, bool>>;

Edges ExpandAll(Txn& txn, NodeId node, Direction direction) {
  Edges out;
  auto cursor = txn.Expand(node, direction, {});
  for (EdgeRef e; cursor->Next(&e);)
    out.emplace_back(e.rel.value, e.type.value, e.other.value, e.outgoing);
  return out;
}

void ExpectSameGraph(GraphStore& expected, GraphStore& actual, std::uint64_t nodes) {
  auto want = expected.Begin(TxnMode::kReadOnly);
  auto got = actual.Begin(TxnMode::kReadOnly);
  ASSERT_EQ(got->NodeCount(), want->NodeCount());
  ASSERT_EQ(got->RelCount(), want->RelCount());
  for (RelTypeId type : want->AllRelTypes()) {
    EXPECT_EQ(got->RelTypeCount(type), want->RelTypeCount(type));
    std::vector<std::uint64_t> want_ids, got_ids;
    auto a = want->ScanRelType(type);
    for (RelRecord r{}; a->Next(&r);) want_ids.push_back(r.id.value);
    auto b = got->ScanRelType(type);
    for (RelRecord r{}; b->Next(&r);) got_ids.push_back(r.id.value);
    EXPECT_EQ(got_ids, want_ids) << "type " << type.value;
  }
  for (std::uint64_t n = 0; n < nodes; ++n) {
    for (Direction d : {Direction::kOut, Direction::kIn}) {
      ASSERT_EQ(ExpandAll(*got, NodeId(n), d), ExpandAll(*want, NodeId(n), d)) << "node " << n;
    }
  }
  auto rels = want->ScanRels();
  for (RelRecord r{}; rels->Next(&r);) {
    auto mine = got->GetRel(r.id);
    ASSERT_TRUE(mine.has_value());
    EXPECT_EQ(std::tie(mine->type, mine->start, mine->end), std::tie(r.type, r.start, r.end));
    EXPECT_EQ(got->RelProperties(r.id), want->RelProperties(r.id));
  }
}

void CheckAgainstTxn(int committed, int new_nodes, const std::vector<EdgeSpec>& edges,
                     std::uint64_t batch_limit = BulkWriter::kDefaultBatchLimit) {
  StoreOptions options;
  options.in_memory = true;
  auto expected = GraphStore::Open("bulk_expected", options);
  auto actual = GraphStore::Open("bulk_actual", options);
  for (GraphStore* store : {expected.get(), actual.get()}) {
    auto txn = store->Begin(TxnMode::kReadWrite);
    for (int i = 0; i < committed; ++i) txn->CreateNode({}, {});
    txn->Commit();
  }
  WriteWithTxn(*expected, new_nodes, edges);
  WriteWithBulk(*actual, new_nodes, edges, batch_limit);
  ExpectSameGraph(*expected, *actual, committed + new_nodes);
}

TEST_P(BulkWriterModeTest, RelationshipsMatchTransactionalWrites) {
  std::mt19937 rng(7);
  const int committed = 20, created = 180;
  std::vector<EdgeSpec> edges;
  for (int i = 0; i < 3000; ++i) {
    int start = static_cast<int>(rng() % (committed + created));
    int end = i % 50 == 0 ? start : static_cast<int>(rng() % (committed + created));
    edges.push_back({start, static_cast<int>(rng() % 3), end});
    if (i % 7 == 0) edges.push_back(edges.back());  // parallel edges: same ends and type
  }
  CheckAgainstTxn(committed, created, edges, GetParam());
}

TEST_P(BulkWriterModeTest, RelationshipsBetweenFarApartNodesMatchTransactionalWrites) {
  // Few relationships over a wide id range take the comparison sort instead of counting.
  std::vector<EdgeSpec> edges{{4999, 2, 0}, {0, 1, 4999}, {0, 0, 4999}, {2500, 0, 0},
                              {4999, 2, 0}, {0, 0, 4999}, {17, 1, 17}};
  CheckAgainstTxn(10, 4990, edges, GetParam());
}

// Loads spanning several of the background writer's chunks, checked against the edge list
// itself: one type throughout (the `type` file written as relationships arrive), and a
// second type first appearing in a later chunk (that file abandoned and rewritten).
void CheckChunkedLoad(bool second_type_late, std::uint64_t run_limit = 0) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("bulk_chunks", options);
  const std::size_t nodes = 3000, rels = 2 * BulkWriter::kRelChunk + 1234;
  std::mt19937 rng(3);
  std::vector<EdgeSpec> edges;
  for (std::size_t i = 0; i < rels; ++i) {
    bool late = second_type_late && i > BulkWriter::kRelChunk + 10 && i % 3 == 0;
    edges.push_back(
        {static_cast<int>(rng() % nodes), late ? 1 : 0, static_cast<int>(rng() % nodes)});
  }
  {
    auto bulk = store->BeginBulk();
    if (run_limit != 0) bulk->SetRelRunLimit(run_limit);
    std::vector<RelTypeId> types{bulk->GetOrCreateRelType("A"), bulk->GetOrCreateRelType("B")};
    PropKeyId w = bulk->GetOrCreatePropKey("w");
    for (std::size_t i = 0; i < nodes; ++i) bulk->CreateNode({}, {});
    for (std::size_t i = 0; i < rels; ++i) {
      const EdgeSpec& e = edges[i];
      bulk->CreateRel(NodeId(e.start), types[e.type], NodeId(e.end),
                      {{w, Value(static_cast<std::int64_t>(i))}});
    }
    bulk->Finish();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  ASSERT_EQ(txn->RelCount(), rels);
  std::vector<std::vector<std::uint64_t>> by_type(2);
  std::vector<Edges> out(nodes);
  for (std::size_t i = 0; i < rels; ++i) {
    const EdgeSpec& e = edges[i];
    by_type[e.type].push_back(i);
    out[e.start].emplace_back(i, e.type, e.end, true);
  }
  PropKeyId w = *txn->FindPropKey("w");
  for (std::uint32_t t = 0; t < 2; ++t) {
    auto type = txn->FindRelType(t == 0 ? "A" : "B");
    ASSERT_TRUE(type.has_value());
    EXPECT_EQ(txn->RelTypeCount(*type), by_type[t].size());
    std::vector<std::uint64_t> ids;
    auto scan = txn->ScanRelType(*type);
    for (RelRecord r{}; scan->Next(&r);) {
      ids.push_back(r.id.value);
      ASSERT_EQ(r.start.value, static_cast<std::uint64_t>(edges[r.id.value].start));
      ASSERT_EQ(r.end.value, static_cast<std::uint64_t>(edges[r.id.value].end));
    }
    EXPECT_EQ(ids, by_type[t]);
  }
  for (std::size_t n = 0; n < nodes; n += run_limit != 0 ? 3 : 7) {
    std::sort(out[n].begin(), out[n].end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<1>(a), std::get<2>(a), std::get<0>(a)) <
             std::tie(std::get<1>(b), std::get<2>(b), std::get<0>(b));
    });
    ASSERT_EQ(ExpandAll(*txn, NodeId(n), Direction::kOut), out[n]) << "node " << n;
  }
  for (std::size_t i = 0; i < rels; i += 997) {
    EXPECT_EQ(txn->RelProperty(RelId(i), w), Value(static_cast<std::int64_t>(i)));
  }
}

TEST(BulkWriterTest, OneTypeOverSeveralChunks) { CheckChunkedLoad(false); }

TEST(BulkWriterTest, SecondTypeInALaterChunk) { CheckChunkedLoad(true); }

// A run limit of one chunk: each chunk's `out`, `in` (and `type`) keys go to a run file of
// their own, and all runs are ingested together.
TEST(BulkWriterTest, RunsOfOneType) { CheckChunkedLoad(false, 1); }

TEST(BulkWriterTest, RunsWithASecondTypeInALaterChunk) { CheckChunkedLoad(true, 1); }

TEST(BulkWriterTest, DroppingAfterChunksWereWrittenLeavesNoFiles) {
  std::string dir = ::testing::TempDir() + "/bulk_writer_drop_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  auto store = GraphStore::Open(dir, {});
  {
    auto bulk = store->BeginBulk();
    NodeId a = bulk->CreateNode({}, {});
    RelTypeId t = bulk->GetOrCreateRelType("T");
    for (std::size_t i = 0; i < 3 * BulkWriter::kRelChunk; ++i) bulk->CreateRel(a, t, a, {});
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("bulk-")) << entry.path();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->RelCount(), 0u);
  EXPECT_FALSE(txn->FindRelType("T").has_value());
  txn.reset();
  store.reset();
  std::filesystem::remove_all(dir);
}

TEST(BulkWriterTest, PropertyMapsAreStoredSortedWithoutNulls) {
  StoreOptions options;
  options.in_memory = true;
  auto store = GraphStore::Open("bulk_props", options);
  NodeId sorted, unsorted;
  RelId rel;
  PropKeyId a, b, c;
  {
    auto bulk = store->BeginBulk();
    a = bulk->GetOrCreatePropKey("a");
    b = bulk->GetOrCreatePropKey("b");
    c = bulk->GetOrCreatePropKey("c");
    sorted = bulk->CreateNode({}, {{a, Value(1)}, {c, Value("x")}});
    unsorted = bulk->CreateNode({}, {{c, Value(3)}, {a, Value(2)}, {b, Value(5)}, {b, Value()}});
    rel = bulk->CreateRel(sorted, bulk->GetOrCreateRelType("T"), unsorted,
                          {{b, Value(7)}, {a, Value(8)}, {b, Value(9)}});
    EXPECT_THROW(bulk->CreateNode({}, {{a, Value(List{Value(1), Value("mixed")})}}), Error);
    bulk->Finish();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeProperties(sorted), (PropertyMap{{a, Value(1)}, {c, Value("x")}}));
  EXPECT_EQ(txn->NodeProperties(unsorted), (PropertyMap{{a, Value(2)}, {c, Value(3)}}));
  EXPECT_EQ(txn->RelProperties(rel), (PropertyMap{{a, Value(8)}, {b, Value(9)}}));
}

TEST(BulkWriterTest, RunsSurviveReopen) {
  std::string dir = ::testing::TempDir() + "/bulk_writer_runs_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  const std::size_t rels = 3 * BulkWriter::kRelChunk + 5;
  {
    auto store = GraphStore::Open(dir, {});
    auto bulk = store->BeginBulk();
    bulk->SetRelRunLimit(1);
    std::vector<NodeId> nodes;
    for (int i = 0; i < 100; ++i) nodes.push_back(bulk->CreateNode({}, {}));
    RelTypeId t = bulk->GetOrCreateRelType("T");
    for (std::size_t i = 0; i < rels; ++i) bulk->CreateRel(nodes[i % 100], t, nodes[i % 7], {});
    bulk->Finish();
  }
  auto store = GraphStore::Open(dir, {});
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->RelCount(), rels);
  std::uint64_t out = 0, in = 0;
  for (int n = 0; n < 100; ++n) {
    out += txn->Degree(NodeId(n), Direction::kOut, {});
    in += txn->Degree(NodeId(n), Direction::kIn, {});
  }
  EXPECT_EQ(out, rels);
  EXPECT_EQ(in, rels);
  EXPECT_EQ(store->Csr()->rel_count(), rels);
  txn.reset();
  store.reset();
  std::filesystem::remove_all(dir);
}

// Adds three :Person nodes (name p0, p1, p2) and p0-[:KNOWS]->p1-[:KNOWS]->p2; returns the
// nodes' ids.
std::vector<NodeId> AddThreeKnowingPeople(BulkWriter& bulk) {
  LabelId person = bulk.GetOrCreateLabel("Person");
  PropKeyId name = bulk.GetOrCreatePropKey("name");
  RelTypeId knows = bulk.GetOrCreateRelType("KNOWS");
  std::vector<NodeId> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(bulk.CreateNode(std::vector<LabelId>{person},
                                  {{name, Value("p" + std::to_string(i))}}));
  }
  bulk.CreateRel(ids[0], knows, ids[1], {});
  bulk.CreateRel(ids[1], knows, ids[2], {});
  return ids;
}

// A process that loads many small files, deleting what each load made, keeps a bounded
// number of tables and logs (each load used to leave a table per family it wrote and a
// log), and the last load's data is all there after a reopen.
TEST(BulkWriterTest, ManySmallLoadsInOneProcessLeaveFewTablesAndLogs) {
  namespace fs = std::filesystem;
  std::string dir = ::testing::TempDir() + "/bulk_writer_loads_" + std::to_string(::getpid());
  fs::remove_all(dir);
  const int loads = 150;
  std::vector<NodeId> last;
  {
    auto store = GraphStore::Open(dir, {});
    for (int load = 0; load < loads; ++load) {
      {
        auto bulk = store->BeginBulk();
        bulk->SetBatchLimit(0);  // tables, as larger loads write
        last = AddThreeKnowingPeople(*bulk);
        bulk->Finish();
      }
      if (load + 1 == loads) break;
      auto txn = store->Begin(TxnMode::kReadWrite);
      for (NodeId id : last) txn->DeleteNode(id, true);
      txn->GetOrCreatePropKey("k" + std::to_string(load));  // a catalog write, kept in a log
      txn->Commit();
    }
    std::size_t tables = 0, logs = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      tables += entry.path().extension() == ".sst";
      logs += entry.path().extension() == ".log";
    }
    // Without tidying: about a table per family a load writes (7) and a log per load.
    EXPECT_LE(logs, 17u);
    EXPECT_LE(tables, 8u * 64u);
    EXPECT_LT(tables, static_cast<std::size_t>(loads) * 3);
  }
  auto store = GraphStore::Open(dir, {});
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 3u);
  EXPECT_EQ(txn->RelCount(), 2u);
  for (NodeId id : last) EXPECT_EQ(txn->Degree(id, Direction::kBoth, {}), id == last[1] ? 2u : 1u);
  EXPECT_EQ(store->Csr()->rel_count(), 2u);
  txn.reset();
  store.reset();
  fs::remove_all(dir);
}

// A small load is written through the log: no table at all until a flush, and all of it
// there after a reopen (from the log). Past the limit, the same load writes tables.
TEST(BulkWriterTest, ASmallLoadWritesNoTablesAndOneOverTheLimitDoes) {
  namespace fs = std::filesystem;
  for (std::uint64_t limit : {BulkWriter::kDefaultBatchLimit, std::uint64_t{1}}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    std::string dir = ::testing::TempDir() + "/bulk_writer_small_" + std::to_string(::getpid());
    fs::remove_all(dir);
    auto tables = [&] {
      std::size_t n = 0;
      for (const auto& entry : fs::directory_iterator(dir)) n += entry.path().extension() == ".sst";
      return n;
    };
    std::vector<NodeId> ids;
    {
      auto store = GraphStore::Open(dir, {});
      std::size_t before = tables();
      auto bulk = store->BeginBulk();
      bulk->SetBatchLimit(limit);
      ids = AddThreeKnowingPeople(*bulk);
      bulk->Finish();
      if (limit == 1) {
        EXPECT_GT(tables(), before);
      } else {
        EXPECT_EQ(tables(), before);
      }
      bulk.reset();
      auto txn = store->Begin(TxnMode::kReadOnly);
      EXPECT_EQ(txn->NodeCount(), 3u);
      EXPECT_EQ(txn->RelCount(), 2u);
    }
    auto store = GraphStore::Open(dir, {});
    auto txn = store->Begin(TxnMode::kReadOnly);
    EXPECT_EQ(txn->NodeCount(), 3u);
    EXPECT_EQ(txn->RelCount(), 2u);
    EXPECT_EQ(txn->LabelCount(*txn->FindLabel("Person")), 3u);
    EXPECT_EQ(txn->Degree(ids[1], Direction::kBoth, {}), 2u);
    RelTypeId knows = *txn->FindRelType("KNOWS");
    EXPECT_EQ(txn->RelTypeCount(knows), 2u);
    EXPECT_EQ(store->Csr()->rel_count(), 2u);
    txn.reset();
    store.reset();
    fs::remove_all(dir);
  }
}

}  // namespace
}  // namespace parley::storage
