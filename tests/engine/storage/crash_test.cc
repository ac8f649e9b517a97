// Crash safety: a writer process is killed with SIGKILL at random moments; after each kill
// the database must reopen with every committed transaction wholly present, no partial
// one, and counts equal to full scans.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "engine/storage/graph_store.h"

namespace parley::storage {
namespace {

constexpr int kKills = 30;

void CheckConsistent(GraphStore& store, std::int64_t* batches) {
  auto txn = store.Begin(TxnMode::kReadOnly);
  auto counter_label = txn->FindLabel("Counter");
  if (!counter_label) {  // killed before the first commit
    EXPECT_EQ(txn->NodeCount(), 0u);
    *batches = 0;
    return;
  }
  NodeId counter;
  ASSERT_TRUE(txn->ScanLabel(*counter_label)->Next(&counter));
  std::int64_t done = txn->NodeProperty(counter, *txn->FindPropKey("done")).as_int();
  // Every node, label and count agrees with full scans.
  std::uint64_t nodes = 0;
  std::map<std::int64_t, int> parts;  // batch -> nodes seen
  auto batch_label = txn->FindLabel("Batch");
  auto all = txn->ScanNodes();
  for (NodeId id; all->Next(&id);) {
    ++nodes;
    if (batch_label && txn->NodeHasLabel(id, *batch_label)) {
      ++parts[txn->NodeProperty(id, *txn->FindPropKey("batch")).as_int()];
    }
  }
  EXPECT_EQ(txn->NodeCount(), nodes);
  ASSERT_EQ(static_cast<std::int64_t>(parts.size()), done);
  for (const auto& [batch, count] : parts) {
    ASSERT_LT(batch, done);
    ASSERT_EQ(count, 3) << "batch " << batch << " is partial";
  }
  if (batch_label) {
    std::uint64_t labelled = 0;
    auto scan = txn->ScanLabel(*batch_label);
    for (NodeId id; scan->Next(&id);) ++labelled;
    EXPECT_EQ(labelled, txn->LabelCount(*batch_label));
    EXPECT_EQ(labelled, static_cast<std::uint64_t>(3 * done));
  }
  std::uint64_t rels = 0;
  auto rel_scan = txn->ScanRels();
  for (RelRecord r{}; rel_scan->Next(&r);) {
    ++rels;
    ASSERT_TRUE(txn->NodeExists(r.start));
    ASSERT_TRUE(txn->NodeExists(r.end));
  }
  EXPECT_EQ(rels, txn->RelCount());
  EXPECT_EQ(rels, static_cast<std::uint64_t>(done > 0 ? 3 * done - 1 : 0));
  std::uint64_t degree_sum = 0;
  all = txn->ScanNodes();
  for (NodeId id; all->Next(&id);) degree_sum += txn->Degree(id, Direction::kOut, {});
  EXPECT_EQ(degree_sum, rels);
  *batches = done;
}

TEST(CrashTest, KilledWriterLeavesOnlyWholeTransactions) {
  std::string dir = ::testing::TempDir() + "/crash_test_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::mt19937 rng(std::random_device{}());
  std::int64_t previous = 0;
  for (int round = 0; round < kKills; ++round) {
    int ready_pipe[2];
    ASSERT_EQ(::pipe(ready_pipe), 0);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::dup2(ready_pipe[1], STDOUT_FILENO);
      ::close(ready_pipe[0]);
      ::close(ready_pipe[1]);
      ::execl(PARLEY_CRASH_WRITER, PARLEY_CRASH_WRITER, dir.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(ready_pipe[1]);
    // One round in four kills at any moment, opening and creating included; the others
    // wait until the writer is in its commit loop, however slow the machine is to start it.
    if (round % 4 != 0) {
      pollfd ready{ready_pipe[0], POLLIN, 0};
      ::poll(&ready, 1, 30000);
    }
    ::close(ready_pipe[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 100));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself: " << status;
    auto store = GraphStore::Open(dir, {});
    std::int64_t batches = 0;
    CheckConsistent(*store, &batches);
    if (HasFatalFailure()) break;
    EXPECT_GE(batches, previous);  // committed work never disappears
    previous = batches;
  }
  EXPECT_GT(previous, 0) << "the writer never committed";
  RecordProperty("committed_batches", static_cast<int>(previous));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::storage
