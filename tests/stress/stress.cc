// parley_stress: a crash and stress test in the manner of RocksDB's db_crashtest.
//
//   parley_stress run --dir DIR [--kills N] [--seconds S] [--seed N]
//   parley_stress worker --dir DIR --epoch N --seed N        (started by `run`)
//
// `run` (the driver) starts a worker process again and again and kills it with SIGKILL at
// a random moment. The worker runs writer threads (random CREATE / MERGE / SET / DELETE
// statements, single and in explicit transactions, now and then a CSV import and an
// article ingest) and reader threads (queries whose answers must never go backwards).
// Every write creates :Marker nodes with ids unique over the whole run, and the worker
// records each attempt in an independent journal (DIR/journal, appended and fdatasync'd):
//   T <thread> <first> <count>   before the attempt
//   A <first> <count>            after it returned (acknowledged)
//   F <first> <count>            after it failed (must leave nothing)
// After each kill the driver opens the database and checks it against the journal:
// every acknowledged marker range is wholly there; a range that failed is not there at
// all; a range neither acknowledged nor failed is there wholly or not at all, and only
// when it was its thread's last attempt (the one the kill interrupted); no marker exists
// that was never attempted. Then it checks the structure: counts against full scans, every
// index against the nodes, both adjacency directions against the relationships, the CSR
// snapshot against them, and a traversal query's count against the relationships.
// Exit status 0 when every check passed; the failures are printed.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "engine/storage/csr_snapshot.h"
#include "engine/storage/graph_store.h"
#include "ingest/extractor.h"
#include "ingest/ingest.h"
#include "ingest/lexicon.h"
#include "parley/import.h"
#include "parley/parley.h"

namespace parley::stress {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kWriters = 2;
constexpr int kReaders = 2;

std::string DatabaseDir(const std::string& dir) { return dir + "/db"; }
std::string JournalPath(const std::string& dir) { return dir + "/journal"; }

// ---------------------------------------------------------------------------------------
// The journal.

class Journal {
 public:
  explicit Journal(const std::string& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      std::perror(path.c_str());
      std::_Exit(4);
    }
  }
  ~Journal() { ::close(fd_); }
  // One line, written with one write() (atomic for O_APPEND) and made durable.
  void Append(const std::string& line) {
    std::string text = line + "\n";
    if (::write(fd_, text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
        ::fdatasync(fd_) != 0) {
      std::perror("journal");
      std::_Exit(4);
    }
  }

 private:
  int fd_ = -1;
};

struct Range {
  std::int64_t first = 0;
  std::int64_t count = 0;
  int thread = 0;
  char state = 'T';  // T: attempted only, A: acknowledged, F: failed
  bool last_of_thread = false;
};

// The journal's ranges by first id. A torn last line (none is expected: each is one
// write) is ignored.
std::map<std::int64_t, Range> ReadJournal(const std::string& path) {
  std::map<std::int64_t, Range> ranges;
  // (epoch, thread), the bits above a marker id's sequence number -> its latest attempt
  std::map<std::int64_t, std::int64_t> last;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    char kind = 0;
    Range r;
    if (!(fields >> kind)) continue;
    if (kind == 'T') {
      if (!(fields >> r.thread >> r.first >> r.count)) continue;
      ranges[r.first] = r;
      last[r.first >> 24] = r.first;
    } else if (kind == 'A' || kind == 'F') {
      if (!(fields >> r.first >> r.count)) continue;
      auto found = ranges.find(r.first);
      if (found != ranges.end()) found->second.state = kind;
    }
  }
  for (const auto& [worker_thread, first] : last) ranges[first].last_of_thread = true;
  return ranges;
}

// ---------------------------------------------------------------------------------------
// The worker.

[[noreturn]] void Defect(const std::string& what) {
  std::fprintf(stderr, "worker defect: %s\n", what.c_str());
  std::fflush(stderr);
  std::_Exit(3);
}

std::int64_t MarkerId(int epoch, int thread, std::int64_t seq) {
  return (static_cast<std::int64_t>(epoch) << 32) | (static_cast<std::int64_t>(thread) << 24) |
         seq;
}

// Synthetic article text (written here, not taken from any corpus).
std::string ArticleText(std::int64_t id) {
  return "President Anna Marlow of Freedonia met Prime Minister Otto Veld of Sylvania in "
         "Geneva on 3 March 2021. The two leaders discussed trade and border security. "
         "Report number " +
         std::to_string(id) + ".\n";
}

class Worker {
 public:
  Worker(std::string dir, int epoch, std::uint64_t seed)
      : dir_(std::move(dir)), epoch_(epoch), seed_(seed), journal_(JournalPath(dir_)) {}

  int Run() {
    DatabaseOptions options;
    Database db(DatabaseDir(dir_), options);
    {
      Connection setup(db);
      setup.Execute("CREATE INDEX marker_id IF NOT EXISTS FOR (m:Marker) ON (m.id)");
      setup.Execute("CREATE INDEX key_k IF NOT EXISTS FOR (k:Key) ON (k.k)");
    }
    std::vector<std::thread> threads;
    for (int t = 0; t < kWriters; ++t) threads.emplace_back([&, t] { Write(db, t); });
    for (int r = 0; r < kReaders; ++r) threads.emplace_back([&, r] { Read(db, r); });
    for (auto& thread : threads) thread.join();  // never: the driver kills the process
    return 0;
  }

 private:
  void Attempt(int thread, std::int64_t first, std::int64_t count,
               const std::function<void()>& write, int kind) {
    journal_.Append("T " + std::to_string(thread) + " " + std::to_string(first) + " " +
                    std::to_string(count));
    try {
      write();
    } catch (const Error& e) {
      journal_.Append("F " + std::to_string(first) + " " + std::to_string(count));
      Defect("a write (kind " + std::to_string(kind) + ") failed: " + e.what());
    }
    journal_.Append("A " + std::to_string(first) + " " + std::to_string(count));
  }

  void Write(Database& db, int thread) {
    std::mt19937_64 rng(seed_ * 31 + static_cast<std::uint64_t>(thread));
    Connection conn(db);
    std::int64_t seq = 0;
    for (;;) {
      const std::int64_t id = MarkerId(epoch_, thread, ++seq);
      const std::int64_t key = static_cast<std::int64_t>(rng() % 50);
      const std::int64_t other = MarkerId(epoch_, thread, std::max<std::int64_t>(1, seq - 1));
      const int kind = static_cast<int>(rng() % 10);
      switch (kind) {
        case 0:
        case 1:
          Attempt(thread, id, 1, [&] {
            conn.Execute("CREATE (:Marker {id: $id, w: $w})",
                         {{"id", Value(id)}, {"w", Value(std::int64_t{thread})}});
          }, kind);
          break;
        case 2:
          Attempt(thread, id, 1, [&] {
            conn.Execute(
                "MERGE (k:Key {k: $k}) ON CREATE SET k.n = 1 ON MATCH SET k.n = k.n + 1 "
                "CREATE (:Marker {id: $id})-[:TOUCHED]->(k)",
                {{"id", Value(id)}, {"k", Value(key)}});
          }, kind);
          break;
        case 3:
          Attempt(thread, id, 1, [&] {
            conn.Execute(
                "CREATE (m:Marker {id: $id}) WITH m MATCH (p:Marker {id: $other}) "
                "CREATE (m)-[:NEXT]->(p)",
                {{"id", Value(id)}, {"other", Value(other)}});
          }, kind);
          break;
        case 4:
          Attempt(thread, id, 1, [&] {
            conn.Execute("CREATE (m:Marker {id: $id}) WITH m MATCH (k:Key {k: $k}) "
                         "SET k.last = $id, m.seen = true",
                         {{"id", Value(id)}, {"k", Value(key)}});
          }, kind);
          break;
        case 5:
          Attempt(thread, id, 1, [&] {
            conn.Execute("CREATE (m:Marker {id: $id}), (s:Scratch {id: $id})-[:SCRATCH]->(m)",
                         {{"id", Value(id)}});
          }, kind);
          break;
        case 6:
          Attempt(thread, id, 1, [&] {
            conn.Execute(
                "CREATE (:Marker {id: $id}) WITH 1 AS one MATCH (s:Scratch) "
                "WITH s LIMIT 3 DETACH DELETE s",
                {{"id", Value(id)}});
          }, kind);
          break;
        case 7:  // an explicit transaction of three markers
          seq += 2;
          Attempt(thread, id, 3, [&] {
            conn.Begin();
            for (std::int64_t i = 0; i < 3; ++i) {
              conn.Execute("CREATE (:Marker {id: $id})", {{"id", Value(id + i)}});
              if (i == 1) {
                conn.Execute("MATCH (k:Key {k: $k}) SET k.n = coalesce(k.n, 0) + 1",
                             {{"k", Value(key)}});
              }
            }
            conn.Commit();
          }, kind);
          break;
        case 8:
          if (thread == 0 && rng() % 4 == 0) {
            seq += 19;
            Attempt(thread, id, 20, [&] { Import(db, id, 20); }, kind);
          } else {
            Attempt(thread, id, 1, [&] {
              conn.Execute("CREATE (:Marker {id: $id})", {{"id", Value(id)}});
            }, kind);
          }
          break;
        default:
          if (thread == 1 && rng() % 4 == 0) {
            Ingest(conn, id);  // not a marker range: checked by the structural checks
          }
          Attempt(thread, id, 1, [&] {
            conn.Execute("CREATE (:Marker {id: $id}) UNION ALL "
                         "MATCH (k:Key {k: $k}) CREATE (:Scratch {id: $id})-[:SAW]->(k)",
                         {{"id", Value(id)}, {"k", Value(key)}});
          }, kind);
          break;
      }
    }
  }

  void Import(Database& db, std::int64_t first, std::int64_t count) {
    std::string file = dir_ + "/import_" + std::to_string(epoch_) + ".csv";
    {
      std::ofstream out(file, std::ios::trunc);
      out << ":ID,id:INT\n";
      for (std::int64_t i = 0; i < count; ++i) out << "n" << i << "," << first + i << "\n";
    }
    ImportOptions options;
    options.nodes.push_back({file, {"Marker", "Imported"}});
    ImportCsv(db, options);
  }

  void Ingest(Connection& conn, std::int64_t id) {
    static const std::string kLexicon = std::string(PARLEY_SOURCE_DIR) + "/data/lexicon";
    if (!fs::exists(kLexicon)) return;
    static const ingest::Lexicon lexicon = ingest::Lexicon::LoadDirectory(kLexicon);
    static const ingest::Extractor extractor(lexicon);
    std::string file = dir_ + "/article_" + std::to_string(epoch_) + ".txt";
    std::ofstream(file, std::ios::trunc) << ArticleText(id);
    std::ostringstream out, err;
    ingest::IngestOptions options;
    options.per_article = false;
    options.threads = 1;
    ingest::IngestTotals totals = ingest::IngestPaths(conn, extractor, {file}, options, out, err);
    if (totals.skipped != 0) Defect("an ingest skipped its article: " + err.str());
    journal_.Append("I " + std::to_string(id));  // for the figures only
  }

  void Read(Database& db, int reader) {
    Connection conn(db);
    std::int64_t markers = 0, links = 0;
    for (std::uint64_t round = 0;; ++round) {
      try {
        Result r = conn.Execute("MATCH (m:Marker) RETURN count(m) AS c");
        std::int64_t now = r.rows().at(0).at(0).as_int();
        if (now < markers) {
          Defect("reader " + std::to_string(reader) + " saw the markers go from " +
                 std::to_string(markers) + " to " + std::to_string(now));
        }
        markers = now;
        r = conn.Execute("MATCH (:Marker)-[:NEXT]->(:Marker) RETURN count(*) AS c");
        now = r.rows().at(0).at(0).as_int();
        if (now < links) Defect("the NEXT links went backwards");
        links = now;
        if (round % 8 == 0) {
          conn.Execute("MATCH (k:Key)<-[:TOUCHED]-(m) RETURN k.k, count(m) ORDER BY k.k");
        }
      } catch (const Error& e) {
        Defect(std::string("a read failed: ") + e.what());
      }
    }
  }

  std::string dir_;
  int epoch_;
  std::uint64_t seed_;
  Journal journal_;
};

// ---------------------------------------------------------------------------------------
// The checks.

class Checker {
 public:
  explicit Checker(std::vector<std::string>* failures) : failures_(failures) {}

  void Fail(const std::string& what) {
    if (failures_->size() < 50) failures_->push_back(what);
  }

  // Returns the number of markers present.
  std::uint64_t CheckMarkers(storage::Txn& txn, const std::map<std::int64_t, Range>& ranges,
                             std::int64_t epoch, std::uint64_t* in_flight_present) {
    std::map<std::int64_t, std::int64_t> present;  // range first -> markers present
    std::uint64_t markers = 0;
    auto label = txn.FindLabel("Marker");
    auto key = txn.FindPropKey("id");
    if (label && key) {
      std::set<std::int64_t> seen;
      auto cursor = txn.ScanLabel(*label);
      for (NodeId node; cursor->Next(&node);) {
        ++markers;
        Value v = txn.NodeProperty(node, *key);
        if (!v.is_int()) {
          Fail("a marker without an integer id");
          continue;
        }
        std::int64_t id = v.as_int();
        if (!seen.insert(id).second) Fail("marker " + std::to_string(id) + " twice");
        auto it = ranges.upper_bound(id);
        if (it == ranges.begin() || id >= std::prev(it)->first + std::prev(it)->second.count) {
          Fail("marker " + std::to_string(id) + " was never attempted");
          continue;
        }
        ++present[std::prev(it)->first];
      }
    }
    for (const auto& [first, range] : ranges) {
      std::int64_t have = present.count(first) ? present[first] : 0;
      std::string name = "range " + std::to_string(first) + "+" + std::to_string(range.count);
      if (have != 0 && have != range.count) {
        Fail(name + " is partial: " + std::to_string(have) + " markers");
      } else if (range.state == 'A' && have == 0) {
        Fail(name + " was acknowledged and is lost");
      } else if (range.state == 'F' && have != 0) {
        Fail(name + " failed and is visible");
      } else if (range.state == 'T' && have != 0) {
        if (!range.last_of_thread) Fail(name + " was never acknowledged but is visible");
        if ((first >> 32) == epoch) ++*in_flight_present;  // interrupted by this kill
      }
    }
    return markers;
  }

  void CheckStructure(storage::GraphStore& store) {
    auto txn = store.Begin(storage::TxnMode::kReadOnly);
    // Counts against scans.
    std::vector<NodeId> nodes;
    auto all = txn->ScanNodes();
    for (NodeId n; all->Next(&n);) nodes.push_back(n);
    if (txn->NodeCount() != nodes.size()) {
      Fail("NodeCount " + std::to_string(txn->NodeCount()) + " but the scan has " +
           std::to_string(nodes.size()));
    }
    for (LabelId label : txn->AllLabels()) {
      std::uint64_t scanned = 0, has = 0;
      auto with_label = txn->ScanLabel(label);
      for (NodeId n; with_label->Next(&n);) ++scanned;
      for (NodeId n : nodes) has += txn->NodeHasLabel(n, label) ? 1 : 0;
      if (scanned != txn->LabelCount(label) || scanned != has) {
        Fail("label " + txn->LabelName(label) + ": count " +
             std::to_string(txn->LabelCount(label)) + ", label scan " +
             std::to_string(scanned) + ", nodes with it " + std::to_string(has));
      }
    }
    std::vector<storage::RelRecord> rels;
    auto all_rels = txn->ScanRels();
    for (storage::RelRecord r; all_rels->Next(&r);) rels.push_back(r);
    if (txn->RelCount() != rels.size()) Fail("RelCount disagrees with the scan");
    for (RelTypeId type : txn->AllRelTypes()) {
      std::uint64_t scanned = 0, of_type = 0;
      auto of_its_type = txn->ScanRelType(type);
      for (storage::RelRecord r; of_its_type->Next(&r);) ++scanned;
      for (const auto& r : rels) of_type += r.type == type ? 1 : 0;
      if (scanned != txn->RelTypeCount(type) || scanned != of_type) {
        Fail("type " + txn->RelTypeName(type) + " count disagrees with its scans");
      }
    }
    // Indexes against the nodes.
    for (const storage::IndexInfo& index : txn->Indexes()) {
      std::uint64_t with_value = 0, through_index = 0;
      auto labelled = txn->ScanLabel(index.label);
      for (NodeId n; labelled->Next(&n);) {
        Value v = txn->NodeProperty(n, index.key);
        if (v.is_null()) continue;
        ++with_value;
        bool found = false;
        auto seek = txn->IndexSeek(index.label, index.key, v);
        for (NodeId m; seek->Next(&m);) {
          found = found || m == n;
        }
        if (!found) Fail("index " + index.name + " misses a node");
      }
      auto range = txn->IndexRange(index.label, index.key, std::nullopt, std::nullopt);
      for (NodeId n; range->Next(&n);) ++through_index;
      if (with_value != through_index) {
        Fail("index " + index.name + " has " + std::to_string(through_index) +
             " entries for " + std::to_string(with_value) + " nodes");
      }
    }
    // Both adjacency directions against the relationships.
    using Edge = std::tuple<std::uint64_t, std::uint64_t, std::uint64_t>;  // node, rel, other
    std::multiset<Edge> out, in;
    for (const auto& r : rels) {
      out.emplace(r.start.value, r.id.value, r.end.value);
      in.emplace(r.end.value, r.id.value, r.start.value);
    }
    CompareAdjacency(*txn, nodes, out, in, "the out/in families");
    // The CSR snapshot, and Expand reading it.
    std::shared_ptr<const storage::CsrSnapshot> csr = store.Csr();
    std::multiset<Edge> csr_out, csr_in;
    for (std::uint32_t i = 0; i < csr->node_count(); ++i) {
      auto o = csr->Out(i);
      for (std::size_t e = 0; e < o.size(); ++e) {
        csr_out.emplace(csr->NodeAt(i).value, o.rels[e].value, csr->NodeAt(o.targets[e]).value);
      }
      auto n = csr->In(i);
      for (std::size_t e = 0; e < n.size(); ++e) {
        csr_in.emplace(csr->NodeAt(i).value, n.rels[e].value, csr->NodeAt(n.targets[e]).value);
      }
    }
    if (csr_out != out || csr_in != in) Fail("the CSR snapshot disagrees with the relationships");
    if (csr->node_count() != nodes.size()) Fail("the CSR snapshot has another node count");
    store.RefreshCsr();
    auto after = store.Begin(storage::TxnMode::kReadOnly);
    CompareAdjacency(*after, nodes, out, in, "Expand over the CSR");
    rel_count_ = rels.size();
  }

  std::uint64_t rel_count() const { return rel_count_; }

 private:
  template <typename Set>
  void CompareAdjacency(storage::Txn& txn, const std::vector<NodeId>& nodes, const Set& out,
                        const Set& in, const std::string& what) {
    Set got_out, got_in;
    for (NodeId n : nodes) {
      std::uint64_t degree_out = 0, degree_in = 0;
      auto outgoing = txn.Expand(n, Direction::kOut, {});
      for (storage::EdgeRef e; outgoing->Next(&e);) {
        got_out.emplace(n.value, e.rel.value, e.other.value);
        ++degree_out;
      }
      auto incoming = txn.Expand(n, Direction::kIn, {});
      for (storage::EdgeRef e; incoming->Next(&e);) {
        got_in.emplace(n.value, e.rel.value, e.other.value);
        ++degree_in;
      }
      if (txn.Degree(n, Direction::kOut, {}) != degree_out ||
          txn.Degree(n, Direction::kIn, {}) != degree_in) {
        Fail(what + ": Degree disagrees with Expand");
      }
    }
    if (got_out != out) Fail(what + ": outgoing adjacency disagrees with the relationships");
    if (got_in != in) Fail(what + ": incoming adjacency disagrees with the relationships");
  }

  std::vector<std::string>* failures_;
  std::uint64_t rel_count_ = 0;
};

// ---------------------------------------------------------------------------------------
// The driver.

struct Totals {
  std::uint64_t kills = 0;
  std::uint64_t checks = 0;
  std::uint64_t acknowledged = 0;  // ranges
  std::uint64_t in_flight_present = 0;
  std::uint64_t markers = 0;
  std::uint64_t imports = 0;  // acknowledged CSV imports
  std::uint64_t ingests = 0;  // articles ingested
};

std::uint64_t CountIngests(const std::string& journal) {
  std::ifstream in(journal);
  std::uint64_t count = 0;
  for (std::string line; std::getline(in, line);) count += line.starts_with("I ") ? 1 : 0;
  return count;
}

int Drive(const std::string& self, const std::string& dir, std::uint64_t kills,
          double seconds, std::uint64_t seed) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::mt19937_64 rng(seed);
  Totals totals;
  std::vector<std::string> failures;
  auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  for (int epoch = 1; totals.kills < kills && elapsed() < seconds && failures.empty(); ++epoch) {
    std::string epoch_text = std::to_string(epoch), seed_text = std::to_string(rng());
    std::string errors = dir + "/worker.err";
    pid_t child = ::fork();
    if (child == 0) {
      int fd = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) ::dup2(fd, 2);
      ::execl(self.c_str(), self.c_str(), "worker", "--dir", dir.c_str(), "--epoch",
              epoch_text.c_str(), "--seed", seed_text.c_str(), static_cast<char*>(nullptr));
      std::perror(("cannot start the worker " + self).c_str());
      std::_Exit(5);
    }
    // A random moment: during the open and recovery now and then, mostly under load.
    int delay_ms = static_cast<int>(rng() % 10 < 2 ? rng() % 150 : 150 + rng() % 1200);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
      std::ifstream in(errors);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      failures.push_back("the worker ended by itself (status " + std::to_string(status) +
                         "): " + text);
      break;
    }
    ++totals.kills;
    // Check the database against the journal.
    auto ranges = ReadJournal(JournalPath(dir));
    Checker checker(&failures);
    try {
      if (fs::exists(DatabaseDir(dir) + "/PARLEY")) {
        storage::StoreOptions options;
        options.create_if_missing = false;
        auto store = storage::GraphStore::Open(DatabaseDir(dir), options);
        {
          auto txn = store->Begin(storage::TxnMode::kReadOnly);
          totals.markers = checker.CheckMarkers(*txn, ranges, epoch, &totals.in_flight_present);
        }
        checker.CheckStructure(*store);
        store.reset();
        // A traversal through the query engine agrees with the relationships.
        Database db(DatabaseDir(dir));
        Connection conn(db);
        std::int64_t traversed =
            conn.Execute("MATCH (a)-[r]->(b) RETURN count(r)").rows().at(0).at(0).as_int();
        std::int64_t reversed =
            conn.Execute("MATCH (a)<-[r]-(b) RETURN count(r)").rows().at(0).at(0).as_int();
        if (static_cast<std::uint64_t>(traversed) != checker.rel_count() ||
            traversed != reversed) {
          checker.Fail("traversals count " + std::to_string(traversed) + " and " +
                       std::to_string(reversed) + " relationships, the store has " +
                       std::to_string(checker.rel_count()));
        }
      } else {
        for (const auto& [first, range] : ranges) {
          if (range.state == 'A') checker.Fail("acknowledged writes but no database");
        }
      }
    } catch (const Error& e) {
      checker.Fail(std::string("the check failed: ") + e.what());
    }
    ++totals.checks;
    totals.acknowledged = totals.imports = 0;
    for (const auto& [first, range] : ranges) {
      totals.acknowledged += range.state == 'A' ? 1 : 0;
      totals.imports += range.state == 'A' && range.count == 20 ? 1 : 0;
    }
    totals.ingests = CountIngests(JournalPath(dir));
    if (totals.kills % 50 == 0) {
      std::printf("%llu kills, %llu acknowledged writes, %llu markers\n",
                  static_cast<unsigned long long>(totals.kills),
                  static_cast<unsigned long long>(totals.acknowledged),
                  static_cast<unsigned long long>(totals.markers));
      std::fflush(stdout);
    }
  }
  std::printf("kills: %llu, checks: %llu, failures: %zu, acknowledged writes: %llu "
              "(%llu of them CSV imports), articles ingested: %llu, kills whose interrupted "
              "write was found committed: %llu, markers: %llu, seconds: %.0f\n",
              static_cast<unsigned long long>(totals.kills),
              static_cast<unsigned long long>(totals.checks), failures.size(),
              static_cast<unsigned long long>(totals.acknowledged),
              static_cast<unsigned long long>(totals.imports),
              static_cast<unsigned long long>(totals.ingests),
              static_cast<unsigned long long>(totals.in_flight_present),
              static_cast<unsigned long long>(totals.markers), elapsed());
  for (const std::string& failure : failures) std::printf("FAILED: %s\n", failure.c_str());
  if (failures.empty()) fs::remove_all(dir);
  return failures.empty() ? 0 : 1;
}

// ---------------------------------------------------------------------------------------
// Snapshots: one writer and many readers on one Database for a sustained run. The writer
// moves money between :Account nodes, records each payment as a PAID relationship, and now
// and then refunds (deletes) one or opens or closes an account, each in one transaction
// that keeps these invariants; every reader statement sees one snapshot, so every reader
// must always find them true:
//   the balances sum to zero;
//   the :Meta node's counters equal the number of accounts and of PAID relationships;
//   each account's balance is what it was paid minus what it paid (both directions).

int Snapshots(const std::string& dir, double seconds, int readers, std::uint64_t seed) {
  fs::remove_all(dir);
  Database db(dir + "/db");
  {
    Connection setup(db);
    setup.Execute("CREATE (:Meta {accounts: 10, paid: 0})");
    setup.Execute("UNWIND range(0, 9) AS n CREATE (:Account {n: n, balance: 0})");
    setup.Execute("CREATE INDEX account_n FOR (a:Account) ON (a.n)");
  }
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> writes{0}, checks{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  auto fail = [&](const std::string& what) {
    std::lock_guard lock(failures_mutex);
    if (failures.size() < 20) failures.push_back(what);
    stop = true;
  };
  std::thread writer([&] {
    std::mt19937_64 rng(seed);
    Connection conn(db);
    std::int64_t next_account = 10;
    while (!stop) {
      try {
        std::uint64_t choice = rng() % 20;
        if (choice < 14) {
          conn.Execute(
              "MATCH (a:Account {n: $a}), (b:Account {n: $b}) "
              "SET a.balance = a.balance - $x, b.balance = b.balance + $x "
              "CREATE (a)-[:PAID {x: $x}]->(b) "
              "WITH 1 AS one MATCH (m:Meta) SET m.paid = m.paid + 1",
              {{"a", Value(static_cast<std::int64_t>(rng() % next_account))},
               {"b", Value(static_cast<std::int64_t>(rng() % next_account))},
               {"x", Value(static_cast<std::int64_t>(1 + rng() % 100))}});
        } else if (choice < 18) {
          conn.Execute(
              "MATCH (a:Account)-[p:PAID]->(b:Account) WITH a, p, b LIMIT 1 "
              "SET a.balance = a.balance + p.x, b.balance = b.balance - p.x "
              "DELETE p WITH 1 AS one MATCH (m:Meta) SET m.paid = m.paid - 1");
        } else if (choice < 19) {
          conn.Execute("CREATE (:Account {n: $n, balance: 0}) "
                       "WITH 1 AS one MATCH (m:Meta) SET m.accounts = m.accounts + 1",
                       {{"n", Value(next_account++)}});
        } else {
          // Closes an account with no payments, if there is one (its balance is zero).
          conn.Execute(
              "MATCH (a:Account) WHERE NOT (a)--() WITH a LIMIT 1 DELETE a "
              "WITH count(*) AS closed MATCH (m:Meta) SET m.accounts = m.accounts - closed");
        }
        ++writes;
      } catch (const Error& e) {
        fail(std::string("a write failed: ") + e.what());
      }
    }
  });
  std::vector<std::thread> reader_threads;
  for (int r = 0; r < readers; ++r) {
    reader_threads.emplace_back([&] {
      Connection conn(db);
      while (!stop) {
        try {
          Result totals = conn.Execute(
              "MATCH (m:Meta) OPTIONAL MATCH (a:Account) "
              "WITH m, count(a) AS accounts, sum(a.balance) AS total "
              "OPTIONAL MATCH (:Account)-[p:PAID]->(:Account) "
              "RETURN m.accounts, accounts, total, m.paid, count(p)");
          const auto& row = totals.rows().at(0);
          if (row[0].as_int() != row[1].as_int() || row[2].as_int() != 0 ||
              row[3].as_int() != row[4].as_int()) {
            fail("an inconsistent snapshot: accounts " + std::to_string(row[0].as_int()) +
                 " recorded, " + std::to_string(row[1].as_int()) + " seen; balances sum to " +
                 std::to_string(row[2].as_int()) + "; payments " +
                 std::to_string(row[3].as_int()) + " recorded, " +
                 std::to_string(row[4].as_int()) + " seen");
          }
          Result wrong = conn.Execute(
              "MATCH (a:Account) "
              "OPTIONAL MATCH (a)<-[i:PAID]-() WITH a, sum(i.x) AS paid_in "
              "OPTIONAL MATCH (a)-[o:PAID]->() WITH a, paid_in, sum(o.x) AS paid_out "
              "WHERE a.balance <> paid_in - paid_out RETURN count(a)");
          if (wrong.rows().at(0).at(0).as_int() != 0) {
            fail(std::to_string(wrong.rows()[0][0].as_int()) +
                 " accounts whose balance disagrees with their payments in a snapshot");
          }
          ++checks;
        } catch (const Error& e) {
          fail(std::string("a read failed: ") + e.what());
        }
      }
    });
  }
  auto start = Clock::now();
  while (!stop && std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop = true;
  writer.join();
  for (auto& thread : reader_threads) thread.join();
  std::printf("snapshots: %d readers, 1 writer, %.0f s: %llu write transactions, %llu reader "
              "checks (2 statements each), %zu failures\n",
              readers, seconds, static_cast<unsigned long long>(writes.load()),
              static_cast<unsigned long long>(checks.load()), failures.size());
  for (const std::string& failure : failures) std::printf("FAILED: %s\n", failure.c_str());
  if (failures.empty()) fs::remove_all(dir);
  return failures.empty() ? 0 : 1;
}

int Usage() {
  std::fprintf(stderr,
               "usage: parley_stress run --dir DIR [--kills N] [--seconds S] [--seed N]\n"
               "       parley_stress worker --dir DIR --epoch N --seed N\n"
               "       parley_stress snapshots --dir DIR [--seconds S] [--readers N] "
               "[--seed N]\n");
  return 2;
}

}  // namespace
}  // namespace parley::stress

int main(int argc, char** argv) {
  using namespace parley::stress;
  if (argc < 2) return Usage();
  std::string mode = argv[1], dir;
  std::uint64_t kills = 1000000, seed = 1;
  double seconds = 1e12;
  int epoch = 0, readers = 8;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--dir") dir = value;
    else if (flag == "--kills") kills = std::stoull(value);
    else if (flag == "--seconds") seconds = std::stod(value);
    else if (flag == "--seed") seed = std::stoull(value);
    else if (flag == "--epoch") epoch = std::stoi(value);
    else if (flag == "--readers") readers = std::stoi(value);
    else return Usage();
  }
  if (dir.empty()) return Usage();
  try {
    if (mode == "worker") return Worker(dir, epoch, seed).Run();
    if (mode == "snapshots") return Snapshots(dir, seconds == 1e12 ? 30 : seconds, readers, seed);
    if (mode == "run") {
      std::string self = std::filesystem::canonical("/proc/self/exe").string();
      return Drive(self, dir, kills, seconds, seed);
    }
  } catch (const parley::Error& e) {
    std::fprintf(stderr, "parley_stress %s: %s\n", mode.c_str(), e.what());
    return 3;
  }
  return Usage();
}
