#include "ingest/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "ingest/writer.h"
#include "parley/error.h"

namespace parley::ingest {
namespace {

namespace fs = std::filesystem;

// Length of the UTF-8 sequence starting at `i`, or 0 when it is malformed.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  unsigned char c = s[i];
  std::size_t n = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  if (n == 2 && c < 0xC2) return 0;  // overlong
  if (n == 3) {
    unsigned char c1 = s[i + 1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;  // overlong, surrogate
  }
  if (n == 4) {
    unsigned char c1 = s[i + 1];
    if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
  }
  return n;
}

// "[=====     ] 120/500  85 articles/s"
std::string ProgressBar(std::size_t done, std::size_t total, double seconds) {
  constexpr std::size_t kWidth = 30;
  std::size_t fill = total ? done * kWidth / total : kWidth;
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  return fmt::format("\r[{}{}] {}/{}  {:.0f} articles/s", std::string(fill, '='),
                     std::string(kWidth - fill, ' '), done, total, rate);
}

std::size_t RelationCount(const ArticleFacts& f) {
  return f.attendance.size() + f.discussed.size() + f.disputed.size() + f.stances.size() +
         f.leads.size();
}

}  // namespace

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     std::vector<std::string>* missing) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else if (missing) {
      missing->push_back(p);
    }
  }
  return out;
}

namespace {

// Whether `bytes` is an HTML page: it opens (after white space and a byte order mark) with
// a doctype, an <html> or <head> element, or a comment followed by one of those.
bool IsHtmlPage(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  std::string head;
  for (char c : bytes.substr(start, 512)) {
    head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (!head.starts_with("<")) return false;
  for (const char* opener : {"<!doctype html", "<html", "<head", "<?xml"}) {
    if (head.find(opener) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> CheckArticleText(std::string_view bytes) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty";
  if (bytes.find('\0') != std::string_view::npos) return "binary (contains NUL bytes)";
  if (IsHtmlPage(bytes)) {
    return "an HTML page, not article text (save the article as plain text to ingest it)";
  }
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t n = Utf8Length(bytes, i);
    if (n == 0) return fmt::format("not valid UTF-8 (byte {})", i);
    i += n;
  }
  return std::nullopt;
}

std::string SummaryLine(const ArticleFacts& f, std::string_view outcome) {
  std::string line = fmt::format(
      "{}: {}: {} leaders, {} countries, {} issues, {} people; {} relations", f.path, outcome,
      f.leaders.size(), f.countries.size(), f.issues.size(), f.people.size(), RelationCount(f));
  if (f.summit) {
    std::string who;
    for (const AttendanceFact& a : f.attendance) who += (who.empty() ? "" : ", ") + a.leader;
    line += fmt::format("; summit {} ({})", f.summit->name, who);
  } else {
    line += "; no summit";
  }
  return line;
}

void DropBelow(ArticleFacts& facts, double min_confidence) {
  auto below = [&](const auto& f) { return f.provenance.confidence < min_confidence; };
  std::erase_if(facts.attendance, below);
  std::erase_if(facts.discussed, below);
  std::erase_if(facts.disputed, below);
  std::erase_if(facts.stances, below);
}

namespace {

// One article read and extracted by a worker, waiting for the writer.
struct Prepared {
  std::optional<std::string> problem;  // why the file is skipped
  ArticleFacts facts;
  std::size_t bytes = 0;
};

Prepared Prepare(const Extractor& extractor, const std::string& path, double min_confidence) {
  Prepared p;
  std::error_code ec;
  if (std::uintmax_t size = fs::file_size(path, ec); !ec && size > kMaxArticleBytes) {
    p.problem = fmt::format("{} bytes, more than the {} an article may have (a news report is "
                            "rarely past 100 KB): split it into its articles",
                            size, kMaxArticleBytes);
    return p;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  if (in) buf << in.rdbuf();
  if (!in) {
    p.problem = "cannot read the file";
    return p;
  }
  p.problem = CheckArticleText(buf.view());
  if (p.problem) return p;
  p.bytes = buf.view().size();
  p.facts = extractor.Extract(buf.view(), path);
  if (p.facts.sentence_count == 0) {
    // Nothing is left once bylines, captions and page furniture are gone: there is no
    // article to know it by (every such file would share one id).
    p.problem = "no article text once bylines, captions and page furniture are removed";
    return p;
  }
  if (min_confidence > 0) DropBelow(p.facts, min_confidence);
  return p;
}

// Workers prepare articles in parallel, at most `window` ahead of the writer; the writer
// takes them in path order.
class PreparePipeline {
 public:
  PreparePipeline(const Extractor& extractor, const std::vector<std::string>& paths,
                  double min_confidence, unsigned threads)
      : extractor_(extractor), paths_(paths), min_confidence_(min_confidence),
        window_(std::max<std::size_t>(4, 4 * static_cast<std::size_t>(threads))),
        slots_(window_) {
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { Work(); });
  }
  ~PreparePipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    room_.notify_all();
    for (std::thread& w : workers_) w.join();
  }

  // The prepared article `i`, waiting for it. REQUIRES: called for i = 0, 1, 2, ... in order.
  Prepared Take(std::size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    std::optional<Prepared>& slot = slots_[i % window_];
    ready_.wait(lock, [&] { return slot.has_value(); });
    Prepared p = std::move(*slot);
    slot.reset();
    taken_ = i + 1;
    room_.notify_all();
    return p;
  }

 private:
  void Work() {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu_);
        room_.wait(lock, [&] {
          return stopping_ || next_ >= paths_.size() || next_ < taken_ + window_;
        });
        if (stopping_ || next_ >= paths_.size()) return;
        i = next_++;
      }
      Prepared p = Prepare(extractor_, paths_[i], min_confidence_);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slots_[i % window_] = std::move(p);
      }
      ready_.notify_all();
    }
  }

  const Extractor& extractor_;
  const std::vector<std::string>& paths_;
  const double min_confidence_;
  const std::size_t window_;
  // A ring of `window_` slots: article i waits in slot i % window_ (workers never run a whole
  // window ahead of the writer, so no two waiting articles share a slot).
  std::vector<std::optional<Prepared>> slots_;
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::size_t next_ = 0, taken_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

IngestTotals IngestPaths(Connection& connection, const Extractor& extractor,
                         const std::vector<std::string>& paths, const IngestOptions& options,
                         std::ostream& out, std::ostream& err) {
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  IngestTotals totals;
  GraphWriter writer(connection);
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  PreparePipeline pipeline(extractor, paths, options.min_confidence, std::max(1u, threads));
  double last_drawn = -1;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    if (options.progress && (elapsed() - last_drawn >= 0.1 || i == 0)) {
      last_drawn = elapsed();
      err << ProgressBar(i, paths.size(), last_drawn) << std::flush;
    }
    Prepared prepared = pipeline.Take(i);
    if (prepared.problem) {
      if (options.progress) err << "\r";
      err << "skipped " << path << ": " << *prepared.problem << "\n";
      ++totals.skipped;
      continue;
    }
    const ArticleFacts& facts = prepared.facts;
    try {
      WriteOutcome outcome = writer.Write(facts);
      const char* word = outcome == WriteOutcome::kAdded      ? "added"
                         : outcome == WriteOutcome::kReplaced ? "replaced"
                                                              : "unchanged";
      if (outcome == WriteOutcome::kAdded) ++totals.added;
      if (outcome == WriteOutcome::kReplaced) ++totals.replaced;
      if (outcome == WriteOutcome::kUnchanged) ++totals.unchanged;
      if (outcome != WriteOutcome::kUnchanged) totals.relations += RelationCount(facts);
      if (options.per_article) {
        if (options.progress) out << "\r";
        out << SummaryLine(facts, word) << "\n";
      }
    } catch (const Error& e) {
      if (options.progress) err << "\r";
      err << "skipped " << path << ": the database rejected it: " << e.what() << "\n";
      ++totals.skipped;
    }
  }
  totals.seconds = elapsed();
  if (options.progress) err << ProgressBar(paths.size(), paths.size(), totals.seconds) << "\n";
  out << fmt::format(
      "total: {} articles: {} added, {} replaced, {} unchanged, {} skipped; {} relations; "
      "{:.2f} s\n",
      paths.size(), totals.added, totals.replaced, totals.unchanged, totals.skipped,
      totals.relations, totals.seconds);
  return totals;
}

}  // namespace parley::ingest
