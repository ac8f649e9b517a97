// Writes one article's ArticleFacts into a Parley graph (INTERFACES.md section 5) through
// the public embedding API, with parameterised Cypher only (values never enter query text).
//
// Each article is one transaction (Connection::Begin/Commit): after a crash or a kill it is
// wholly in the graph or not at all. Writing is idempotent: an Article whose id (hash of the
// normalised text) is already stored is left alone. An article whose text changed at the same
// path replaces its old facts: relationships whose `article` is the old id and the old
// Article node are deleted in the same transaction before the new facts are written.
// Not thread-safe (it uses one Connection).
#ifndef PARLEY_INGEST_WRITER_H_
#define PARLEY_INGEST_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "ingest/facts.h"
#include "parley/connection.h"

namespace parley::ingest {

enum class WriteOutcome { kAdded, kUnchanged, kReplaced };

struct Statement {
  std::string cypher;
  Params params;
};

class GraphWriter {
 public:
  // REQUIRES: `connection` outlives the writer and has no open transaction.
  explicit GraphWriter(Connection& connection) : connection_(connection) {}

  // Writes `facts` in one transaction. Throws parley::Error (after rolling back) when the
  // engine rejects a statement. The first call also creates the indexes the writer's lookups
  // use (Article id and path, the entities' names, the Summit key), where absent.
  WriteOutcome Write(const ArticleFacts& facts);

 private:
  void EnsureIndexes();

  Connection& connection_;
  bool indexed_ = false;
};

// The statements that store `facts` (without the idempotence check and replacement).
std::vector<Statement> FactStatements(const ArticleFacts& facts);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_WRITER_H_
