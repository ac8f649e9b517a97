// Ingesting article files into a database: what `parley ingest` runs.
//
// Paths are files or directories (searched recursively for *.txt, in name order). A file that
// cannot be read, is empty, is binary (holds a NUL byte) or is not valid UTF-8 is reported
// with its path and skipped; the others still load. Articles are read and extracted on every
// core at once and written by one writer, in path order, each in its own transaction
// (writer.h); at most a few articles per thread wait to be written, so memory stays bounded
// whatever the number of files. A summary line per article and a total go to `out`; skipped
// files to `err`; with `progress`, a progress bar with the articles per second on `err`.
#ifndef PARLEY_INGEST_INGEST_H_
#define PARLEY_INGEST_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extractor.h"
#include "parley/connection.h"

namespace parley::ingest {

struct IngestTotals {
  std::size_t added = 0;
  std::size_t unchanged = 0;
  std::size_t replaced = 0;
  std::size_t skipped = 0;  // unreadable, empty, binary, non-UTF-8, or rejected by the engine
  std::size_t relations = 0;
  double seconds = 0;
};

struct IngestOptions {
  bool progress = false;    // draw a progress bar on `err`
  bool per_article = true;  // print a summary line per article
  // Relationships read with less confidence than this are not stored (see DropBelow).
  double min_confidence = 0;
  unsigned threads = 0;  // extraction threads; 0: one per core
};

// Removes from `facts` the extracted relationships (MET_AT, DISCUSSED, DISPUTED, SUPPORTS,
// OPPOSES) whose confidence is below `min_confidence`. LEADS (from the lexicon's terms of
// office) and the entities stay.
void DropBelow(ArticleFacts& facts, double min_confidence);

// The article files named by `paths`, in order. Paths that do not exist are reported in
// `missing`.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     std::vector<std::string>* missing);

// Why `bytes` cannot be ingested ("empty", "binary", "not valid UTF-8 (byte N)", an HTML
// page), or nullopt.
std::optional<std::string> CheckArticleText(std::string_view bytes);

// The largest article file ingested, in bytes; a larger one is skipped with the reason.
// Extraction takes time linear in an article's length, and about 60 bytes of memory per
// byte while it runs, on each core: 4 MiB is far past any news report and keeps that
// bounded.
inline constexpr std::uintmax_t kMaxArticleBytes = 4u << 20;

// Ingests `paths` through `connection`. Never throws for a bad file or an engine error on one
// article: those are reported and counted as skipped.
IngestTotals IngestPaths(Connection& connection, const Extractor& extractor,
                         const std::vector<std::string>& paths, const IngestOptions& options,
                         std::ostream& out, std::ostream& err);

// One summary line for an article: "PATH: added: 2 leaders, ...; summit Sochi 2008 (...)".
std::string SummaryLine(const ArticleFacts& facts, std::string_view outcome);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_INGEST_H_
