// Crash safety of the bulk import: a child process imports CSV files into an on-disk store
// and is killed with SIGKILL at random moments (while parsing, sorting, writing the SST
// files or ingesting them). After each kill the store must reopen holding a whole number of
// imports (the previous state, or the previous state plus the whole import), with counts
// equal to full scans, and must accept writes and further imports.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "engine/storage/csr_snapshot.h"
#include "engine/storage/graph_store.h"

namespace parley::storage {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kNodes = 4000;
constexpr std::uint64_t kRels = 50000;
constexpr int kKills = 6;

// Ids first_id .. first_id + kNodes - 1: each round imports new ones, as the import's
// uniqueness constraint on :Person(id) requires.
void WriteCsvFiles(const std::string& dir, std::uint64_t first_id) {
  std::mt19937 rng(11);
  std::ofstream nodes(dir + "/persons.csv");
  nodes << "id:ID,name,age:INT\n";
  for (std::uint64_t i = first_id; i < first_id + kNodes; ++i) {
    nodes << i << ",Person " << i << "," << i % 90 << "\n";
  }
  std::ofstream rels(dir + "/knows.csv");
  rels << ":START_ID,:END_ID,since:INT\n";
  for (std::uint64_t i = 0; i < kRels; ++i) {
    rels << first_id + rng() % kNodes << "," << first_id + rng() % kNodes << ","
         << 1990 + rng() % 30 << "\n";
  }
}

std::uint64_t CountNodes(std::unique_ptr<NodeCursor> cursor) {
  std::uint64_t n = 0;
  for (NodeId id; cursor->Next(&id);) ++n;
  return n;
}

std::uint64_t CountRels(std::unique_ptr<RelCursor> cursor) {
  std::uint64_t n = 0;
  for (RelRecord r{}; cursor->Next(&r);) ++n;
  return n;
}

// Checks that the store holds `probes` probe nodes plus a whole number of imports, and
// returns that number.
std::uint64_t CheckWholeImports(GraphStore& store, std::uint64_t probes) {
  auto txn = store.Begin(TxnMode::kReadOnly);
  std::uint64_t nodes = txn->NodeCount();
  EXPECT_GE(nodes, probes);
  EXPECT_EQ((nodes - probes) % kNodes, 0u) << "a partial import: " << nodes << " nodes";
  std::uint64_t imports = (nodes - probes) / kNodes;
  EXPECT_EQ(txn->RelCount(), imports * kRels) << "relationships of a partial import";
  EXPECT_EQ(CountNodes(txn->ScanNodes()), nodes);
  EXPECT_EQ(CountRels(txn->ScanRels()), imports * kRels);
  auto person = txn->FindLabel("Person");
  EXPECT_EQ(person.has_value(), imports > 0);
  if (person) {
    EXPECT_EQ(txn->LabelCount(*person), imports * kNodes);
    EXPECT_EQ(CountNodes(txn->ScanLabel(*person)), imports * kNodes);
    RelTypeId knows = *txn->FindRelType("KNOWS");
    EXPECT_EQ(txn->RelTypeCount(knows), imports * kRels);
    EXPECT_EQ(CountRels(txn->ScanRelType(knows)), imports * kRels);
    // The constraint on the ids and its index came with the first whole import.
    PropKeyId id = *txn->FindPropKey("id");
    EXPECT_TRUE(txn->HasUniqueConstraint(*person, id));
    EXPECT_EQ(CountNodes(txn->IndexRange(*person, id, std::nullopt, std::nullopt)),
              imports * kNodes);
  }
  // The `out` and `in` families hold every relationship once (read by a CSR build, one
  // sequential pass over each).
  auto csr = store.Csr();
  EXPECT_EQ(csr->out().rels.size(), imports * kRels);
  EXPECT_EQ(csr->in().rels.size(), imports * kRels);
  EXPECT_EQ(csr->node_count(), nodes);
  return imports;
}

// Starts the importing child; returns its pid once it has opened the store.
pid_t StartImport(const std::string& db, const std::string& csv) {
  int ready_pipe[2];
  if (::pipe(ready_pipe) != 0) return -1;
  std::string nodes = csv + "/persons.csv", rels = csv + "/knows.csv";
  pid_t child = ::fork();
  if (child == 0) {
    ::dup2(ready_pipe[1], STDOUT_FILENO);
    ::close(ready_pipe[0]);
    ::close(ready_pipe[1]);
    ::execl(PARLEY_IMPORT_CRASH_CHILD, PARLEY_IMPORT_CRASH_CHILD, db.c_str(), nodes.c_str(),
            rels.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(ready_pipe[1]);
  pollfd ready{ready_pipe[0], POLLIN, 0};
  ::poll(&ready, 1, 30000);
  ::close(ready_pipe[0]);
  return child;
}

bool LeftoverBulkFiles(const std::string& db) {
  for (const auto& entry : fs::directory_iterator(db)) {
    if (entry.path().filename().string().starts_with("bulk-")) return true;
  }
  return false;
}

TEST(ImportCrashTest, KilledImportLeavesAllOrNothing) {
  std::string dir = ::testing::TempDir() + "/import_crash_test_" + std::to_string(::getpid());
  std::string db = dir + "/db";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::mt19937 rng(std::random_device{}());
  std::uint64_t imports = 0, probes = 0;
  double full_seconds = 0;
  int killed = 0;
  // Round 0 and the last round import to the end; the others are killed somewhere in
  // the time round 0's import took, from opening the store to the end of the process.
  for (int round = 0; round <= kKills + 1; ++round) {
    bool kill = round > 0 && round <= kKills;
    WriteCsvFiles(dir, static_cast<std::uint64_t>(round) * kNodes);
    pid_t child = StartImport(db, dir);
    auto start = Clock::now();  // the store is open: the import starts
    ASSERT_GT(child, 0);
    if (kill) {
      auto delay = std::chrono::duration<double>(full_seconds * (rng() % 1000) / 1000.0);
      std::this_thread::sleep_for(delay);
      ::kill(child, SIGKILL);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!kill) {
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the import failed";
      full_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    killed += WIFSIGNALED(status);
    auto store = GraphStore::Open(db, {});
    std::uint64_t now = CheckWholeImports(*store, probes);
    if (HasFailure()) break;
    if (!kill || WIFEXITED(status)) {
      EXPECT_EQ(now, imports + 1) << "round " << round << " completed its import";
    } else {
      EXPECT_TRUE(now == imports || now == imports + 1) << "round " << round;
    }
    imports = now;
    auto txn = store->Begin(TxnMode::kReadWrite);  // the store still takes writes
    txn->CreateNode(std::vector<LabelId>{txn->GetOrCreateLabel("Probe")}, {});
    txn->Commit();
    ++probes;
  }
  EXPECT_GT(killed, 0) << "every import ended before its kill";
  EXPECT_FALSE(LeftoverBulkFiles(db)) << "a completed import leaves no temporary files";
  RecordProperty("imports", static_cast<int>(imports));
  RecordProperty("killed", killed);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::storage
