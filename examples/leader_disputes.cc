// For every pair of leaders who met more than once: the issues they disputed at every one
// of their meetings, with the sentences that say so.
//
//   parley ingest --db articles.db data/articles
//   leader_disputes articles.db
//
// It shows the C++ API at work: a materialised Result (the pairs), a PreparedStatement
// run once per pair with new parameters, and a ResultStream read row by row.
#include <parley/parley.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace {

// Pairs of leaders (each pair once) and how many summits both attended, if more than one.
constexpr const char* kPairs = R"(
  MATCH (a:Leader)-[:MET_AT]->(s:Summit)<-[:MET_AT]-(b:Leader)
  WHERE a.name < b.name
  WITH a.name AS leader, b.name AS other, count(DISTINCT s) AS meetings
  WHERE meetings > 1
  RETURN leader, other, meetings ORDER BY leader, other)";

// The issues disputed at every summit both leaders of the pair attended, with the
// evidence of each dispute as [summit, sentence].
constexpr const char* kDisputedEverywhere = R"(
  MATCH (:Leader {name: $leader})-[:MET_AT]->(s:Summit)<-[:MET_AT]-(:Leader {name: $other})
  WITH collect(DISTINCT s) AS summits
  UNWIND summits AS s
  MATCH (s)-[d:DISPUTED]->(i:Issue)
  WITH i, summits, collect(DISTINCT s) AS at, collect([s.name, d.evidence]) AS evidence
  WHERE size(at) = size(summits)
  RETURN i.name AS issue, evidence ORDER BY issue)";

std::string Text(const parley::Value& v) { return v.is_null() ? "(none)" : v.as_string(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: leader_disputes DATABASE_DIR\n";
    return 2;
  }
  try {
    parley::DatabaseOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    parley::Database db(argv[1], options);
    parley::Connection conn(db);

    parley::Result pairs = conn.Execute(kPairs);
    parley::PreparedStatement disputed = conn.Prepare(kDisputedEverywhere);
    for (const std::vector<parley::Value>& pair : pairs.rows()) {
      std::cout << pair[0].as_string() << " and " << pair[1].as_string() << " met "
                << pair[2].as_int() << " times; disputed at every meeting:\n";
      parley::ResultStream issues =
          disputed.Stream({{"leader", pair[0]}, {"other", pair[1]}});
      for (const std::vector<parley::Value>& row : issues) {
        std::cout << "  " << row[0].as_string() << "\n";
        std::vector<std::pair<std::string, std::string>> evidence;
        for (const parley::Value& e : row[1].as_list()) {
          evidence.emplace_back(Text(e.as_list()[0]), Text(e.as_list()[1]));
        }
        std::sort(evidence.begin(), evidence.end());
        for (const auto& [summit, sentence] : evidence) {
          std::cout << "    " << summit << ": " << sentence << "\n";
        }
      }
    }
  } catch (const parley::Error& e) {
    std::cerr << "leader_disputes: " << parley::ErrorKindName(e.kind()) << ": " << e.what()
              << "\n";
    return 1;
  }
  return 0;
}
