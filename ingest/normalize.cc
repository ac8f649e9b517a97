#include "ingest/normalize.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace parley::ingest {
namespace {

struct Replacement {
  std::string_view from;
  std::string_view to;
};

constexpr std::string_view kOpeningQuote = "\xE2\x80\x9C";

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
std::string RejoinHyphenation(std::string_view text,
                              const std::function<bool(const std::string&)>& is_name_word) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && is_name_word && !out.empty() && IsAlpha(out.back())) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ') && j - i <= 2) ++j;
      std::size_t k = j;
      while (k < text.size() && std::islower(static_cast<unsigned char>(text[k]))) ++k;
      std::size_t w = out.size();
      while (w > 0 && IsAlpha(out[w - 1])) --w;
      if (k > j && (k == text.size() || !IsAlpha(text[k]))) {
        std::string joined = Lower(out.substr(w)) + std::string(text.substr(j, k - j));
        if (is_name_word(joined)) {
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
  // "From Our Correspondent", "From our own correspondent": a newspaper's byline naming no one.
  static const RE2 kCorrespondent(
      R"((?i)(?:by|from) (?:our|a|an) (?:own |special |staff |diplomatic |political )?)"
      R"((?:[a-z]+ )?(?:correspondents?|reporters?|staff reporter|staff|writers?))");
  if (RE2::FullMatch(line, kCorrespondent)) return true;
  return line.rfind("By ", 0) == 0 && WordCount(line) <= 6 && !EndsLikeSentence(line);
}

// "ANALYSIS | Macron's G7 gamble: no communique": a section's label before a headline; the
// headline, when one part of four words or more stands among labels of two words or fewer.
// Any other line with " | " is kept as it is (a navigation trail, dropped as boilerplate).
std::string DropSectionLabels(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t bar; (bar = line.find(" | ", from)) != std::string::npos; from = bar + 3) {
    parts.push_back(line.substr(from, bar - from));
  }
  if (parts.empty()) return line;
  parts.push_back(line.substr(from));
  const std::string* text = nullptr;
  for (const std::string& p : parts) {
    if (WordCount(p) >= 4) {
      if (text) return line;  // two long parts: no label and headline
      text = &p;
    } else if (WordCount(p) > 2) {
      return line;
    }
  }
  return text ? Trim(*text) : line;
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

// (Capitals of Latin-1 letters in UTF-8, "BRASÍLIA", fold too: C3 80-9E but the sign of
// multiplication, to C3 A0-BE.)
std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (static_cast<unsigned char>(c) == 0xC3 && next >= 0x80 && next <= 0xBE && next != 0x97 &&
        next != 0xB7) {
      bool upper = next <= 0x9E;
      if (!start && upper) out[i + 1] = static_cast<char>(next + 0x20);
      if (start && !upper && next != 0x9F) out[i + 1] = static_cast<char>(next - 0x20);
      start = false;
      ++i;
      continue;
    }
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

int MonthIndex(const std::string& name) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string m = Lower(name.substr(0, 3));
  for (int k = 0; k < 12; ++k) {
    if (m == kMonths[k]) return k + 1;
  }
  return 0;
}

std::string IsoDate(const std::string& year, int month, const std::string& day) {
  int d = std::stoi(day);
  if (month == 0 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), month, d);
  return buf;
}

// The month (1-12) a month's name or its abbreviation ("Sept") names, not any word that
// starts like one; 0 otherwise.
int MonthOf(const std::string& word) {
  static const RE2 kMonthName(
      R"((?i)jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|)"
      R"(oct(ober)?|nov(ember)?|dec(ember)?)");
  return RE2::FullMatch(word, kMonthName) ? MonthIndex(word) : 0;
}

// Records a dateline read off the front of `para` (its city, region and, when they are a
// month's name and a day, its month and day) and cuts it: `rest` is what follows it.
void SetDateline(const std::string& city, const std::string& region, const std::string& month,
                 const std::string& day, re2::StringPiece rest, std::string& para,
                 NormalizedText& out) {
  out.dateline_city = city;
  out.dateline_region = region;
  int m = MonthOf(month);
  int d = day.empty() ? 0 : std::atoi(day.c_str());
  if (m > 0 && d >= 1 && d <= 31) {
    out.dateline_month = m;
    out.dateline_day = d;
  }
  para = std::string(rest.data(), rest.size());
}

// Takes a dateline off the front of `para`; fills city and region. Agencies' forms:
// "BEIJING, May 16 (Reuters) -", "PALM BEACH, the United States, April 6 (Xinhua) --",
// "SINGAPORE, November 14. /TASS/.", "NEW DELHI, March 20 (PTI) Prime Minister ...",
// "Ufa (Russia), Jul 10 (PTI) ...".
void TakeDateline(std::string& para, NormalizedText& out) {
  static const RE2 kDateline(
      R"(^(\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}))"
      R"((?:, ?((?:the )?[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?)"
      R"((?:, (?:([A-Z][a-z]{2,8})\.? (\d{1,2})|(\d{1,2}) ([A-Z][a-z]{2,8})\.?))?(?:,? \d{4})?)"
      R"((?: ?(?:\([A-Za-z .]+\))? ?(?:--|-|:|>>)|\.? ?/[A-Z][A-Za-z-]+/\.?| \([A-Z]{2,8}\)) +)");
  // ("DAKAR, 12 March (APS) -": the day may come first.)
  // "Asmara, 08 July 2018- ...", "Genoa, 23 July 2001 (Agency) -- ...": a city in ordinary
  // case is a dateline only when a full date follows it.
  // ("LAHORE, 21 February 1999 - ...": so may one in capitals; "SIMLA, July 3, 1972. India
  // and ...": a full date may end with a period.)
  static const RE2 kDatedDateline(
      R"(^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}|)"
      R"(\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}), )"
      R"(((?:\d{1,2} [A-Z][a-z]+\.? (?:19|20)\d\d)|)"
      R"((?:[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)))"
      R"((?:,? ?(?:\([^)]{1,30}\))? ?(?:--|-|:|>>) *|\. +))");
  std::string city, region, date;
  re2::StringPiece input(para);
  if (RE2::Consume(&input, kDatedDateline, &city, &date) && !FindWrittenDate(date).empty()) {
    out.dateline_city = TitleCase(city);
    if (out.date.empty()) out.date = FindWrittenDate(date);
    para = std::string(input.data(), input.size());
    return;
  }
  // "New Delhi, Mar 20 (PTI) Prime Minister ...": a city in ordinary case with a month, a
  // day and an agency in brackets.
  // "Ufa (Russia), Jul 10 (PTI) ...": the city may have its country in brackets.
  static const RE2 kAgencyDateline(
      R"(^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})(?: \(([A-Z][A-Za-z ]{2,30})\))?, )"
      R"(([A-Z][a-z]{2,8})\.? (\d{1,2}) )"
      R"(\([A-Z][A-Za-z]{1,12}\) ?(?:--|-|:|>>)? *)");
  std::string month, day, country;
  input = re2::StringPiece(para);
  if (RE2::Consume(&input, kAgencyDateline, &city, &country, &month, &day) &&
      MonthOf(month) > 0) {
    SetDateline(city, country, month, day, input, para, out);
    return;
  }
  // "Tokyo, 25 Oct: Chinese Vice-Premier ...", "Tokyo, Oct. 25: ...": a city in ordinary case
  // with a day and a month before a colon.
  static const RE2 kDayMonthDateline(
      R"(^([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), (?:(\d{1,2}) ([A-Z][a-z]{2,8})|)"
      R"(([A-Z][a-z]{2,8})\.? (\d{1,2})): +)");
  std::string day2, month2;
  input = re2::StringPiece(para);
  if (RE2::Consume(&input, kDayMonthDateline, &city, &day, &month, &month2, &day2) &&
      MonthOf(month.empty() ? month2 : month) > 0) {
    if (month.empty()) {
      month = month2;
      day = day2;
    }
    SetDateline(city, "", month, day, input, para, out);
    return;
  }
  // "SIMLA, July 3. India and Pakistan early today signed ...": a capitals dateline with a
  // month and a day, ended by a period.
  static const RE2 kCapsDatelinePeriod(
      R"(^(\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}), ([A-Z][a-z]{2,8})\.? (\d{1,2})\. +)");
  input = re2::StringPiece(para);
  // (Not the agency's "SINGAPORE, November 14. /TASS/.", read below.)
  if (RE2::Consume(&input, kCapsDatelinePeriod, &city, &month, &day) && MonthOf(month) > 0 &&
      !(input.size() > 0 && input[0] == '/')) {
    SetDateline(TitleCase(city), "", month, day, input, para, out);
    return;
  }
  input = re2::StringPiece(para);
  month.clear();
  day.clear();
  std::string day_first, month_second;
  if (!RE2::Consume(&input, kDateline, &city, &region, &month, &day, &day_first, &month_second))
    return;
  if (month.empty() && !month_second.empty()) {
    month = month_second;
    day = day_first;
  }
  if (city.size() < 3) return;
  // "ANCHOR: Good evening.": a transcript's speaker, not a place.
  static const RE2 kSpeakerLabel(
      R"((?i)anchor|correspondent|reporter|host|presenter|narrator|interviewer|moderator|)"
      R"(announcer|voice|voice-over|speaker|guest|caller|commentator|analyst|editor|transcript)");
  if (RE2::FullMatch(city, kSpeakerLabel)) return;
  // "WORLD TONIGHT - programme summary, Sunday evening bulletin": a programme's name before a
  // description, not a place before a report's first sentence (which opens with a capital).
  if (!input.empty() && std::islower(static_cast<unsigned char>(input[0]))) return;
  SetDateline(TitleCase(city), region, month, day, input, para, out);
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
          i += r.from.size();
          // An opening quote misplaced after a sentence's end ("Putin.\u201C Our ..."): it
          // opens the next sentence, so it goes there ("Putin. \"Our ...").
          bool misplaced = r.from == kOpeningQuote && !out.empty() &&
                           (out.back() == '.' || out.back() == '!' || out.back() == '?') &&
                           i < raw.size() && raw[i] == ' ';
          if (misplaced) {
            out.push_back(' ');
            ++i;
          }
          out.append(r.to);
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
  // "July 2, 2007", "Sept. 14, 2001", "October 11-12, 2019" (the first day).
  static const RE2 kMonthFirst(
      R"(\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?:-\d{1,2})?,? ((?:19|20)\d\d)\b)");
  // "19 May 2009", "08 July 2018".
  static const RE2 kDayFirst(
      R"(\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,? ((?:19|20)\d\d)\b)");
  re2::StringPiece input(text.data(), text.size());
  std::string first, second;
  std::size_t first_at = std::string_view::npos, second_at = std::string_view::npos;
  {
    re2::StringPiece m[4];
    if (kMonthFirst.Match(input, 0, input.size(), RE2::UNANCHORED, m, 4)) {
      first = IsoDate(std::string(m[3].data(), m[3].size()), MonthIndex(std::string(m[1].data(), m[1].size())),
                      std::string(m[2].data(), m[2].size()));
      first_at = static_cast<std::size_t>(m[0].data() - input.data());
    }
    if (kDayFirst.Match(input, 0, input.size(), RE2::UNANCHORED, m, 4)) {
      second = IsoDate(std::string(m[3].data(), m[3].size()), MonthIndex(std::string(m[2].data(), m[2].size())),
                       std::string(m[1].data(), m[1].size()));
      second_at = static_cast<std::size_t>(m[0].data() - input.data());
    }
  }
  if (!first.empty() && (second.empty() || first_at <= second_at)) return first;
  return second;
}

NormalizedText Normalize(std::string_view raw, const NormalizeOptions& options) {
  NormalizedText out;
  std::string text = RejoinHyphenation(FoldTypography(raw), options.is_name_word);
  std::vector<std::string> lines;
  std::string byline_city;  // where a byline says the report was filed
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = CollapseSpaces(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
    // "Copyright 2023 The Associated Press", "(c) 2009 Reuters": the year of publication
    // (the last such line wins; the line itself is boilerplate).
    static const RE2 kCopyright(R"((?i)^(?:copyright|\(c\)|©)\s*(?:©\s*)?((?:19|20)\d\d)\b)");
    int year = 0;
    if (RE2::PartialMatch(line, kCopyright, &year)) out.copyright_year = year;
    // "From our correspondent, Lusaka", "By our correspondent in Sharm el-Sheikh", "From our
    // Paris correspondent, Saint-Malo", "From Our Political Staff, Hillsborough, Co Down":
    // where the report was filed, a dateline of its own (not the desk the correspondent is
    // named for; not the county or country after the town).
    static const RE2 kPlacedByline(
        R"((?:By|From) (?i:our|a|an) (?i:own |special |staff |diplomatic |political )?)"
        R"((?:[A-Z][a-z]+ )?)"
        R"((?i:correspondents?|reporters?|staff reporter|staff|writers?)(?: in|,) )"
        R"(([A-Z][A-Za-z'.\-]+(?:[ \-][A-Za-z'.\-]+){0,3}))"
        R"((?:, [A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2})?)");
    std::string filed_in;
    if (RE2::FullMatch(line, kPlacedByline, &filed_in)) {
      if (byline_city.empty()) byline_city = filed_in;
      continue;
    }
    // "BANDUNG, April 24.": a dateline on a line of its own.
    static const RE2 kDatelineLine(
        R"((\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}), ([A-Z][a-z]{2,8})\.? (\d{1,2})\.?)");
    std::string line_city, line_month, line_day;
    if (lines.size() < 4 && out.dateline_city.empty() &&
        RE2::FullMatch(line, kDatelineLine, &line_city, &line_month, &line_day) &&
        MonthOf(line_month) > 0) {
      out.dateline_city = TitleCase(line_city);
      out.dateline_month = MonthOf(line_month);
      out.dateline_day = std::atoi(line_day.c_str());
      continue;
    }
    // "LIVINGSTONE, Wednesday": a newspaper's dateline on a line of its own, dated by the day
    // of the week alone.
    static const RE2 kWeekdayDatelineLine(
        R"((\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}), )"
        R"((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?)");
    if (lines.size() < 4 && out.dateline_city.empty() &&
        RE2::FullMatch(line, kWeekdayDatelineLine, &line_city)) {
      out.dateline_city = TitleCase(line_city);
      continue;
    }
    line = DropSectionLabels(line);
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
  // The headline: the last head line of four words or more that is no page furniture ("5 min
  // read", "Updated 3 hours ago", "Skip to main content"), else the last such line of two
  // words or more.
  static const RE2 kFurniture(
      R"((?i)^(?:\d+\s*(?:min|mins|minute|minutes)\s+read|updated\b.*|published\b.*|)"
      R"(listen to (?:this )?article.*|share(?: this)?(?: article)?|advertisement|skip to .*|)"
      R"(sign in|log in|subscribe.*|menu|search|)"
      R"(\d+\s+(?:min|mins|minutes?|hours?|hrs?|days?)\s+ago)$)");
  std::size_t headline = first;
  for (std::size_t i = first; i-- > 0 && headline == first;) {
    if (WordCount(lines[i]) >= 4 && !RE2::FullMatch(lines[i], kFurniture)) headline = i;
  }
  for (std::size_t i = first; i-- > 0 && headline == first;) {
    if (WordCount(lines[i]) >= 2 && !RE2::FullMatch(lines[i], kFurniture)) headline = i;
  }
  if (headline < first) {
    out.title = lines[headline];
    kept.push_back(out.title);
  }
  for (std::size_t i = 0; i < lines.size() && out.date.empty() && i < first + 3; ++i) {
    out.date = FindWrittenDate(lines[i]);
  }
  // A date in the last lines: "(Agency April 2, 2009)", "Posted ...", a copyright line.
  for (std::size_t i = lines.size(); i > first && out.date.empty() && i + 2 > lines.size(); --i) {
    if (WordCount(lines[i - 1]) <= 10) out.date = FindWrittenDate(lines[i - 1]);
  }
  for (std::size_t i = first; i < last; ++i) {
    if (!EndsLikeSentence(lines[i]) && WordCount(lines[i]) <= 3) continue;  // stray label
    std::string para = lines[i];
    if (out.dateline_city.empty() && i < first + 3) TakeDateline(para, out);
    kept.push_back(std::move(para));
  }
  if (out.dateline_city.empty()) out.dateline_city = byline_city;
  // "SIMLA, July 3. ... the line of control resulting from the cease-fire of December 17,
  // 1971": a date the text names days away from its dateline's is not the article's (a page's
  // date a day or two after the dateline is).
  if (out.dateline_month > 0 && out.dateline_day > 0 && out.date.size() >= 10) {
    int month = std::atoi(out.date.substr(5, 2).c_str());
    int day = std::atoi(out.date.substr(8, 2).c_str());
    if (std::abs((month * 31 + day) - (out.dateline_month * 31 + out.dateline_day)) > 3) {
      out.date.clear();
    }
  }
  for (const std::string& k : kept) {
    out.text += k;
    out.text += '\n';
  }
  return out;
}

}  // namespace parley::ingest
