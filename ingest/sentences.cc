#include "ingest/sentences.h"

#include <cctype>

namespace parley::ingest {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsClosing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

std::string LowerWord(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// The word (letters and inner periods) that ends just before `dot`.
std::string_view WordBefore(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (IsAlnum(text[b - 1]) || text[b - 1] == '.')) --b;
  return text.substr(b, dot - b);
}

std::string_view WordAt(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == '(')) ++i;
  std::size_t e = i;
  while (e < text.size() && IsAlnum(text[e])) ++e;
  return text.substr(i, e - i);
}

// Decides whether the period at `dot` ends a sentence; `next` is where the next word starts.
bool PeriodEnds(std::string_view text, std::size_t dot, std::size_t next,
                const SentenceOptions& opt) {
  std::string_view word = WordBefore(text, dot);
  if (word.empty()) return true;
  const auto& abbrevs = opt.abbreviations.empty() ? DefaultAbbreviations() : opt.abbreviations;
  const auto& openers = opt.openers.empty() ? DefaultOpeners() : opt.openers;
  std::string low = LowerWord(word);
  if (abbrevs.count(low)) return false;
  bool initial = word.size() == 1 && IsUpper(word[0]);
  bool initialism = word.find('.') != std::string_view::npos;  // "U.S", "H.W"
  if (initial || initialism) {
    return openers.count(LowerWord(WordAt(text, next))) > 0;
  }
  return true;
}

}  // namespace

const std::unordered_set<std::string>& DefaultAbbreviations() {
  static const std::unordered_set<std::string> kSet = {
      "mr",   "mrs", "ms",   "dr",    "prof", "gen",  "lt",     "col",  "maj",  "capt",
      "cmdr", "adm", "sgt",  "sen",   "rep",  "gov",  "pres",   "amb",  "rev",  "st",
      "jr",   "sr",  "ft",   "vs",    "etc",  "inc",  "ltd",    "corp", "dept", "univ",
      "jan",  "feb", "mar",  "apr",   "jun",  "jul",  "aug",    "sep",  "sept", "oct",
      "nov",  "dec", "ariz", "calif", "colo", "conn", "fla",    "kan",  "mich", "minn",
      "mont", "neb", "nev",  "okla",  "tenn", "tex",  "approx", "vol",  "cf"};
  return kSet;
}

const std::unordered_set<std::string>& DefaultOpeners() {
  static const std::unordered_set<std::string> kSet = {
      "the",   "a",       "an",    "he",        "she",      "it",     "they",    "we",
      "i",     "you",     "but",   "and",       "this",     "that",   "these",   "those",
      "his",   "her",     "their", "its",       "our",      "in",     "on",      "at",
      "after", "before",  "when",  "while",     "although", "though", "however", "meanwhile",
      "still", "yet",     "there", "some",      "many",     "both",   "each",    "mr",
      "mrs",   "ms",      "as",    "if",        "since",    "for",
      "with",  "without", "by",    "no",        "not",      "one",    "two"};
  return kSet;
}

std::vector<SentenceSpan> SplitSentences(std::string_view text, const SentenceOptions& opt) {
  std::vector<SentenceSpan> out;
  std::uint32_t paragraph = 0;
  std::size_t start = 0, n = text.size();
  auto emit = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    // A run longer than any sentence of news (a page without punctuation) is cut into
    // pieces at spaces, so that the clause analysis after, quadratic in a sentence's
    // length, stays linear in the article's.
    while (e - b > kMaxSentenceBytes) {
      std::size_t cut = text.rfind(' ', b + kMaxSentenceBytes);
      if (cut == std::string_view::npos || cut <= b) {
        cut = b + kMaxSentenceBytes;  // no space: cut between UTF-8 characters
        while (cut > b + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(cut), paragraph});
      b = cut;
      while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    }
    if (e > b) {
      out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), paragraph});
    }
    start = end;
  };
  for (std::size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '\n') {
      emit(i);
      ++paragraph;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;  // "...", "?!"
    while (j < n && IsClosing(text[j])) ++j;
    if (j >= n || text[j] == '\n') continue;  // the line break ends it
    if (text[j] != ' ') continue;
    std::size_t k = j;
    while (k < n && text[k] == ' ') ++k;
    if (k >= n) continue;
    char next = text[k];
    bool opens = IsUpper(next) || std::isdigit(static_cast<unsigned char>(next)) || next == '"' ||
                 next == '\'' || next == '(';
    if (!opens) continue;
    if (c == '.' && j == i + 1 && !PeriodEnds(text, i, k, opt)) continue;
    emit(j);
    i = j - 1;
  }
  emit(n);
  return out;
}

}  // namespace parley::ingest
