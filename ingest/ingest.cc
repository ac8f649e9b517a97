#include "ingest/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

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

std::string ProgressBar(std::size_t done, std::size_t total) {
  constexpr std::size_t kWidth = 30;
  std::size_t fill = total ? done * kWidth / total : kWidth;
  return fmt::format("\r[{}{}] {}/{}", std::string(fill, '='), std::string(kWidth - fill, ' '),
                     done, total);
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

std::optional<std::string> CheckArticleText(std::string_view bytes) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty";
  if (bytes.find('\0') != std::string_view::npos) return "binary (contains NUL bytes)";
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

IngestTotals IngestPaths(Connection& connection, const Extractor& extractor,
                         const std::vector<std::string>& paths, const IngestOptions& options,
                         std::ostream& out, std::ostream& err) {
  auto started = std::chrono::steady_clock::now();
  IngestTotals totals;
  GraphWriter writer(connection);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    if (options.progress) err << ProgressBar(i, paths.size()) << std::flush;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    if (in) buf << in.rdbuf();
    std::optional<std::string> problem;
    if (!in) {
      problem = "cannot read the file";
    } else {
      problem = CheckArticleText(buf.view());
    }
    if (problem) {
      if (options.progress) err << "\r";
      err << "skipped " << path << ": " << *problem << "\n";
      ++totals.skipped;
      continue;
    }
    ArticleFacts facts = extractor.Extract(buf.view(), path);
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
  if (options.progress) err << ProgressBar(paths.size(), paths.size()) << "\n";
  totals.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << fmt::format(
      "total: {} articles: {} added, {} replaced, {} unchanged, {} skipped; {} relations; "
      "{:.2f} s\n",
      paths.size(), totals.added, totals.replaced, totals.unchanged, totals.skipped,
      totals.relations, totals.seconds);
  return totals;
}

}  // namespace parley::ingest
