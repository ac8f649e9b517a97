// Ingest speed. BM_Extract: extraction alone (normalise, split, match, link, relations) in
// bytes/s on one core, no database. BM_IngestEndToEnd: articles/s written into a fresh
// in-memory database through the public API (built only when the engine is).
#include <benchmark/benchmark.h>

#include <sstream>

#include "bench/ingest/corpus.h"
#include "ingest/extractor.h"
#ifdef PARLEY_BENCH_WITH_ENGINE
#include "ingest/ingest.h"
#include "ingest/writer.h"
#include "parley/parley.h"
#endif

namespace parley::bench {
namespace {

const ingest::Lexicon& BenchLexicon() {
  static const ingest::Lexicon lexicon =
      ingest::Lexicon::LoadDirectory(std::string(PARLEY_SOURCE_DIR) + "/data/lexicon");
  return lexicon;
}

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = GenerateCorpus(BenchLexicon(), 3000);
  return corpus;
}

void BM_Extract(benchmark::State& state) {
  ingest::Extractor extractor(BenchLexicon());
  const auto& corpus = Corpus();
  std::size_t bytes = 0, relations = 0;
  for (auto _ : state) {
    for (const std::string& text : corpus) {
      ingest::ArticleFacts f = extractor.Extract(text, "bench.txt");
      relations += f.stances.size() + f.disputed.size() + f.attendance.size();
      bytes += text.size();
    }
  }
  benchmark::DoNotOptimize(relations);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * corpus.size()));
  state.counters["articles"] = static_cast<double>(corpus.size());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

#ifdef PARLEY_BENCH_WITH_ENGINE
void BM_IngestEndToEnd(benchmark::State& state) {
  ingest::Extractor extractor(BenchLexicon());
  const auto& corpus = Corpus();
  std::size_t n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    DatabaseOptions options;
    options.in_memory = true;
    Database db("bench", options);
    Connection conn(db);
    ingest::GraphWriter writer(conn);
    for (std::size_t i = 0; i < n && i < corpus.size(); ++i) {
      writer.Write(extractor.Extract(corpus[i], "bench/" + std::to_string(i) + ".txt"));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}
BENCHMARK(BM_IngestEndToEnd)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
#endif

}  // namespace
}  // namespace parley::bench

BENCHMARK_MAIN();
