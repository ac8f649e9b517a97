#include "ingest/normalize.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace parley::ingest {
namespace {

struct Replacement {
  std::string_view from;
  std::string_view to;
};

// UTF-8 typography and its ASCII replacement. Dashes become " -- " so that datelines and
// parenthetical dashes look alike whichever character the outlet used.
constexpr Replacement kTypography[] = {
    {"\xE2\x80\x98", "'"},
    {"\xE2\x80\x99", "'"},
    {"\xE2\x80\x9A", "'"},
    {"\xE2\x80\x9B", "'"},
    {"\xE2\x80\xB2", "'"},
    {"\xE2\x80\x9C", "\""},
    {"\xE2\x80\x9D", "\""},
    {"\xE2\x80\x9E", "\""},
    {"\xE2\x80\x9F", "\""},
    {"\xE2\x80\xB3", "\""},
    {"\xC2\xAB", "\""},
    {"\xC2\xBB", "\""},
    {"\xE2\x80\x94", " -- "},
    {"\xE2\x80\x95", " -- "},
    {"\xE2\x80\x93", " -- "},
    {"\xE2\x88\x92", "-"},
    {"\xE2\x80\x90", "-"},
    {"\xE2\x80\x91", "-"},
    {"\xC2\xA0", " "},
    {"\xE2\x80\xAF", " "},
    {"\xE2\x80\x89", " "},
    {"\xE2\x80\x8A", " "},
    {"\xE2\x80\x82", " "},
    {"\xE2\x80\x83", " "},
    {"\xE2\x80\x8B", ""},
    {"\xC2\xAD", ""},
    {"\xEF\xBB\xBF", ""},
    {"\xE2\x80\xA6", "..."},
    {"\r", ""},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if ((c == ' ' || c == '\t') && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c == '\t' ? ' ' : c);
  }
  return Trim(out);
}

// Rejoins `Medve-dev` and `Medve-\ndev` when the joined word is a known name word.
std::string RejoinHyphenation(std::string_view text, const std::unordered_set<std::string>* words) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && words && !out.empty() && IsAlpha(out.back())) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ') && j - i <= 2) ++j;
      std::size_t k = j;
      while (k < text.size() && std::islower(static_cast<unsigned char>(text[k]))) ++k;
      std::size_t w = out.size();
      while (w > 0 && IsAlpha(out[w - 1])) --w;
      if (k > j && (k == text.size() || !IsAlpha(text[k]))) {
        std::string joined = Lower(out.substr(w)) + std::string(text.substr(j, k - j));
        if (words->count(joined)) {
          out.append(text.substr(j, k - j));
          i = k;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

bool EndsLikeSentence(std::string_view line) {
  if (line.empty()) return false;
  char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ':';
}

std::size_t WordCount(std::string_view line) {
  std::size_t n = 0;
  bool in = false;
  for (char c : line) {
    bool w = !std::isspace(static_cast<unsigned char>(c));
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// "By Jane Smith", "By Staff Writer": a short unpunctuated line starting with "By".
bool IsByline(const std::string& line) {
  return line.rfind("By ", 0) == 0 && WordCount(line) <= 6 && !EndsLikeSentence(line);
}

bool IsBoilerplate(const std::string& line, const NormalizeOptions& opt) {
  std::string low = Lower(line);
  for (const std::string& p : opt.boilerplate_prefixes) {
    if (low.compare(0, p.size(), p) == 0) return true;
  }
  for (const std::string& m : opt.caption_markers) {
    if (low.find(m) != std::string::npos) return true;
  }
  return line.find(" | ") != std::string::npos;  // navigation trail
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (IsAlpha(c)) {
      c = static_cast<char>(start ? std::toupper(static_cast<unsigned char>(c))
                                  : std::tolower(static_cast<unsigned char>(c)));
      start = false;
    } else {
      start = (c == ' ' || c == '-');
    }
  }
  return out;
}

// Takes a dateline off the front of `para`; fills city and region.
void TakeDateline(std::string& para, NormalizedText& out) {
  static const RE2 kDateline(
      R"(^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:, ?([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?)"
      R"((?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?:,? \d{4})? ?(?:\([A-Za-z .]+\))? ?(?:--|-|:) +)");
  std::string city, region;
  re2::StringPiece input(para);
  if (!RE2::Consume(&input, kDateline, &city, &region)) return;
  if (city.size() < 3) return;
  out.dateline_city = TitleCase(city);
  out.dateline_region = region;
  para = std::string(input.data(), input.size());
}

}  // namespace

std::string FoldTypography(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    unsigned char c = raw[i];
    bool replaced = false;
    if (c >= 0x80 || c == '\r') {
      for (const Replacement& r : kTypography) {
        if (raw.compare(i, r.from.size(), r.from) == 0) {
          out.append(r.to);
          i += r.from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(raw[i++]);
  }
  return out;
}

std::string FindWrittenDate(std::string_view text) {
  static const RE2 kDate(
      R"(\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? ((?:19|20)\d\d)\b)");
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string month, day, year;
  if (!RE2::PartialMatch(text, kDate, &month, &day, &year)) return "";
  std::string m = Lower(month.substr(0, 3));
  int index = 0;
  for (int k = 0; k < 12; ++k) {
    if (m == kMonths[k]) index = k + 1;
  }
  if (index == 0 || std::stoi(day) < 1 || std::stoi(day) > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), index, std::stoi(day));
  return buf;
}

NormalizedText Normalize(std::string_view raw, const NormalizeOptions& options) {
  NormalizedText out;
  std::string text = RejoinHyphenation(FoldTypography(raw), options.name_words);
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = CollapseSpaces(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || IsBoilerplate(line, options) || IsByline(line)) continue;
    if (!lines.empty() && lines.back() == line) continue;  // repeated banner
    lines.push_back(std::move(line));
  }
  // The head: unpunctuated lines before the first sentence-like one. The last of them is the
  // headline; the others are banners and greetings.
  std::size_t first = 0;
  while (first < lines.size() && !EndsLikeSentence(lines[first])) ++first;
  if (first == lines.size()) first = 0;  // no punctuation anywhere: keep every line
  std::size_t last = lines.size();
  while (last > first && !EndsLikeSentence(lines[last - 1]) && WordCount(lines[last - 1]) <= 8) {
    --last;  // footer: "Los Angeles Times Articles", "News Photos and Videos"
  }
  std::vector<std::string> kept;
  if (first > 0 && first <= lines.size() && WordCount(lines[first - 1]) >= 2) {
    out.title = lines[first - 1];
    kept.push_back(out.title);
  }
  for (std::size_t i = 0; i < lines.size() && out.date.empty() && i < first + 3; ++i) {
    out.date = FindWrittenDate(lines[i]);
  }
  for (std::size_t i = first; i < last; ++i) {
    if (!EndsLikeSentence(lines[i]) && WordCount(lines[i]) <= 3) continue;  // stray label
    std::string para = lines[i];
    if (out.dateline_city.empty() && i < first + 3) TakeDateline(para, out);
    kept.push_back(std::move(para));
  }
  for (const std::string& k : kept) {
    out.text += k;
    out.text += '\n';
  }
  return out;
}

}  // namespace parley::ingest
