// Ingest speed. BM_Extract: extraction alone (normalise, split, match, link, relations) in
// bytes/s on one core, no database; BM_ExtractIntroducingLeaders: the same with a leader the
// lexicon lacks introduced in each article. BM_IngestEndToEnd: articles/s written into a fresh
// in-memory database through the public API (built only when the engine is).
// BM_IngestFilesAllCores: what `parley ingest DIR` does (read files, extract on every core,
// one writer) in bytes of article text per second, and per core (counter
// `bytes_per_second_per_core`; issue #11 asks for at least 20 KB/s per core).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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

// Extracts every text of `corpus` once per iteration, on one core.
void ExtractAll(benchmark::State& state, const std::vector<std::string>& corpus) {
  ingest::Extractor extractor(BenchLexicon());
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

void BM_Extract(benchmark::State& state) { ExtractAll(state, Corpus()); }
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// As BM_Extract, each article introducing a leader the lexicon lacks: the cost of extending
// the lexicon and annotator for the article and extracting again.
void BM_ExtractIntroducingLeaders(benchmark::State& state) {
  static const std::vector<std::string> corpus =
      WithLeadersTheLexiconLacks(Corpus(), BenchLexicon());
  ExtractAll(state, corpus);
}
BENCHMARK(BM_ExtractIntroducingLeaders)->Unit(benchmark::kMillisecond);

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

void BM_IngestFilesAllCores(benchmark::State& state) {
  ingest::Extractor extractor(BenchLexicon());
  const auto& corpus = Corpus();
  std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(state.range(0)), corpus.size());
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "parley_bench_ingest_files";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::ofstream(dir / (std::to_string(100000 + i) + ".txt")) << corpus[i];
    bytes += corpus[i].size();
  }
  std::vector<std::string> files = ingest::ExpandPaths({dir.string()}, nullptr);
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  for (auto _ : state) {
    DatabaseOptions options;
    options.in_memory = true;
    Database db("bench", options);
    Connection conn(db);
    std::ostringstream out, err;
    ingest::IngestOptions ingest_options;
    ingest_options.per_article = false;
    ingest::IngestPaths(conn, extractor, files, ingest_options, out, err);
  }
  fs::remove_all(dir);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.counters["cores"] = cores;
  state.counters["bytes_per_second_per_core"] = benchmark::Counter(
      static_cast<double>(state.iterations() * bytes) / cores, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IngestFilesAllCores)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1)
    ->UseRealTime();
#endif

}  // namespace
}  // namespace parley::bench

BENCHMARK_MAIN();
