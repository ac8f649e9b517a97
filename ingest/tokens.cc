#include "ingest/tokens.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace parley::ingest {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}
bool IsLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

Token MakeToken(std::string_view text, std::size_t b, std::size_t e, bool word) {
  Token t;
  t.begin = static_cast<std::uint32_t>(b);
  t.end = static_cast<std::uint32_t>(e);
  t.word = word;
  for (std::size_t i = b; i < e; ++i) {
    if (text[i] == '.' || text[i] == ' ') continue;
    t.surface.push_back(text[i]);
    t.key.push_back(Lower(text[i]));
  }
  return t;
}

// Length of a run of initials at `i` ("U.S.", "U. S.", "H.W.", a lone "W."), or 0.
std::size_t InitialsRun(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  auto initial_at = [&](std::size_t j) {  // a letter, a period, then no further letters
    return j + 1 < n && IsLetter(text[j]) && text[j + 1] == '.' &&
           (j + 2 >= n || !IsWordByte(text[j + 2]) ||
            (IsLetter(text[j + 2]) && j + 3 < n && text[j + 3] == '.'));
  };
  std::size_t j = i, end = 0;
  while (initial_at(j)) {
    j += 2;
    end = j;
    if (j < n && IsLetter(text[j])) continue;  // "U.S."
    if (j + 1 < n && text[j] == ' ' && initial_at(j + 1)) {
      ++j;  // "H. W."
      continue;
    }
    break;
  }
  return end > 0 ? end - i : 0;
}

// The general category of the code point starting `s`, or UTF8PROC_CATEGORY_CN when `s` does
// not start with a well-formed one.
utf8proc_category_t FirstCategory(std::string_view s) {
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 && cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
}

}  // namespace

bool Token::Capitalized() const {
  if (surface.empty()) return false;
  unsigned char c = static_cast<unsigned char>(surface[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  // "Émile", "Ólafur", "Şavkat": a capital outside ASCII.
  utf8proc_category_t cat = FirstCategory(surface);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool Token::AllCaps() const {
  bool any = false;
  for (char c : surface) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') any = true;
  }
  return any;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5);
  std::size_t i = 0, n = text.size();
  while (i < n) {
    unsigned char c = text[i];
    if (IsSpace(c) || c == '.') {
      ++i;
      continue;
    }
    bool at_word_start = (i == 0 || !IsWordByte(text[i - 1]));
    if (IsLetter(c) && at_word_start) {
      if (std::size_t len = InitialsRun(text, i); len > 0) {
        out.push_back(MakeToken(text, i, i + len, true));
        i += len;
        continue;
      }
    }
    if (c == '\'' && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S') &&
        (i + 2 >= n || !IsWordByte(text[i + 2]))) {
      out.push_back(MakeToken(text, i, i + 2, true));  // possessive 's
      i += 2;
      continue;
    }
    if (!IsWordByte(c)) {
      out.push_back(MakeToken(text, i, i + 1, false));
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n) {
      if (IsWordByte(text[j])) {
        ++j;
      } else if (text[j] == '\'' && j + 1 < n && IsLetter(text[j + 1]) &&
                 !((text[j + 1] == 's' || text[j + 1] == 'S') &&
                   (j + 2 >= n || !IsWordByte(text[j + 2]))) &&
                 !(text[j + 1] == 't' && j > i && (text[j - 1] == 'n' || text[j - 1] == 'N'))) {
        ++j;  // O'Neill
      } else {
        break;
      }
    }
    // "don't", "hasn't": split off n't.
    if (j + 1 < n && text[j] == '\'' && text[j + 1] == 't' && j > i + 1 &&
        (text[j - 1] == 'n' || text[j - 1] == 'N')) {
      out.push_back(MakeToken(text, i, j - 1, true));
      out.push_back(MakeToken(text, j - 1, j + 2, true));
      i = j + 2;
      continue;
    }
    out.push_back(MakeToken(text, i, j, true));
    i = j;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string FoldDiacritics(std::string_view word) {
  if (IsAscii(word)) return std::string(word);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                    static_cast<utf8proc_ssize_t>(word.size()), &mapped,
                                    static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE |
                                                                   UTF8PROC_STRIPMARK));
  if (n < 0) return std::string(word);
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
  if (IsAscii(out)) return out;
  // Letters that Unicode does not decompose into a base letter and a mark, and the modifier
  // letters written for a glottal stop ("Tuilaʻepa"), which English text leaves out.
  static const std::pair<std::string_view, std::string_view> kLetters[] = {
      {"ø", "o"}, {"Ø", "O"}, {"ł", "l"}, {"Ł", "L"}, {"đ", "d"}, {"Đ", "D"}, {"ð", "d"},
      {"Ð", "D"}, {"ı", "i"}, {"ß", "ss"}, {"æ", "ae"}, {"Æ", "Ae"}, {"œ", "oe"}, {"Œ", "Oe"},
      {"þ", "th"}, {"Þ", "Th"}, {"ʻ", ""}, {"ʼ", ""}};
  for (const auto& [from, to] : kLetters) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      out.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return out;
}

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (Token& t : Tokenize(phrase)) keys.push_back(std::move(t.key));
  return keys;
}

}  // namespace parley::ingest
