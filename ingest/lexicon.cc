#include "ingest/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parley::ingest {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool HasAll(const std::vector<std::string>& cols, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (std::find(cols.begin(), cols.end(), n) == cols.end()) return false;
  }
  return true;
}

// The kind of a lexicon file, recognised from its header columns.
std::string KindOfHeader(const std::vector<std::string>& cols) {
  if (HasAll(cols, {"kind", "phrase"})) return "cues";
  if (HasAll(cols, {"name", "triggers"})) return "issues";
  if (HasAll(cols, {"name", "office"})) return "leaders";
  if (HasAll(cols, {"name", "leaders", "date"})) return "summits";
  if (HasAll(cols, {"name", "city", "kind"})) return "places";
  if (HasAll(cols, {"name", "capital"}) || HasAll(cols, {"name", "metonyms"})) return "countries";
  return "";
}

std::string Cell(const std::map<std::string, std::string>& row, const char* col) {
  auto it = row.find(col);
  return it == row.end() ? std::string() : it->second;
}

bool ValidDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t semi = cell.find(';', start);
    if (semi == std::string_view::npos) semi = cell.size();
    std::string item = Trim(cell.substr(start, semi - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = semi + 1;
  }
  return out;
}

bool Term::Overlaps(std::string_view from, std::string_view to) const {
  bool starts_before_end = start.empty() || start <= to;
  bool ends_after_start = end.empty() || end >= from;
  return starts_before_end && ends_after_start;
}

const Term* LeaderEntry::TermOn(std::string_view date) const {
  const Term* held = nullptr;
  for (const Term& t : terms) {
    if (t.Overlaps(date, date) && (!held || t.start > held->start)) held = &t;
  }
  return held;
}

bool LeaderEntry::InOfficeDuring(std::string_view from, std::string_view to) const {
  return std::any_of(terms.begin(), terms.end(),
                     [&](const Term& t) { return t.Overlaps(from, to); });
}

const Term* LeaderEntry::LatestTerm() const {
  const Term* latest = nullptr;
  for (const Term& t : terms) {
    if (!latest || t.start > latest->start) latest = &t;
  }
  return latest;
}

const std::string& LeaderEntry::country() const {
  static const std::string kNone;
  const Term* latest = LatestTerm();
  return latest ? latest->country : kNone;
}

bool Cue::Has(std::string_view option) const {
  return std::find(options.begin(), options.end(), option) != options.end();
}

void Lexicon::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read lexicon file");
  std::ostringstream buf;
  buf << in.rdbuf();
  LoadText(buf.str(), path);
}

void Lexicon::LoadText(std::string_view text, const std::string& origin) {
  std::vector<std::string> header;
  std::string kind;
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    std::string where = origin + ":" + std::to_string(line_no);
    if (header.empty()) {
      header = SplitTabs(line);
      kind = KindOfHeader(header);
      if (kind.empty()) {
        throw std::runtime_error(where +
                                 ": unrecognised lexicon header (see data/lexicon/README.md)");
      }
      continue;
    }
    std::vector<std::string> cells = SplitTabs(line);
    if (cells.size() > header.size()) {
      throw std::runtime_error(where + ": " + std::to_string(cells.size()) +
                               " columns, header has " + std::to_string(header.size()));
    }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < cells.size(); ++i) row[header[i]] = cells[i];
    AddRow(kind, row, where);
  }
}

void Lexicon::AddRow(const std::string& kind, const std::map<std::string, std::string>& row,
                     const std::string& where) {
  std::string name = Cell(row, "name");
  if (kind != "cues" && name.empty()) throw std::runtime_error(where + ": empty name");
  if (kind == "countries") {
    if (country_index_.Find(name)) return;  // the first definition wins
    country_index_.Add(name, static_cast<std::uint32_t>(countries_->size()));
    countries_.Mutable().push_back({name, SplitList(Cell(row, "aliases")), Cell(row, "capital"),
                                    SplitList(Cell(row, "demonyms")),
                                    SplitList(Cell(row, "metonyms"))});
  } else if (kind == "leaders") {
    Term term{Cell(row, "country"), Cell(row, "office"), Cell(row, "start"), Cell(row, "end")};
    for (const std::string* d : {&term.start, &term.end}) {
      if (!d->empty() && !ValidDate(*d)) {
        throw std::runtime_error(where + ": date '" + *d + "' is not YYYY-MM-DD");
      }
    }
    std::uint32_t index;
    if (std::optional<std::uint32_t> known = leader_index_.Find(name)) {
      index = *known;
    } else {
      index = static_cast<std::uint32_t>(leaders_.size());
      leader_index_.Add(name, index);
      leaders_.push_back({name, {}, {}});
    }
    LeaderEntry& leader = leaders_.Mutable(index);
    for (std::string& a : SplitList(Cell(row, "aliases"))) {
      if (std::find(leader.aliases.begin(), leader.aliases.end(), a) == leader.aliases.end()) {
        leader.aliases.push_back(std::move(a));
      }
    }
    leader.terms.push_back(std::move(term));
  } else if (kind == "places") {
    std::vector<PlaceEntry>& places = places_.Mutable();
    places.push_back({name, SplitList(Cell(row, "aliases")), Cell(row, "city"),
                      Cell(row, "country"), Cell(row, "kind")});
    if (places.back().city.empty()) places.back().city = name;
  } else if (kind == "issues") {
    if (issue_index_.Find(name)) return;
    IssueEntry issue{name, Cell(row, "parent"), {}, Cell(row, "proposition"), {}};
    std::string concern = Cell(row, "concern");
    if (!concern.empty() && concern != "supports") {
      throw std::runtime_error(where + ": concern '" + concern + "' is not empty or 'supports'");
    }
    issue.concern_supports = concern == "supports";
    issue.sides = SplitList(Cell(row, "sides"));
    bool any_pair = issue.sides.size() == 1 && issue.sides[0] == "*";
    if (!issue.sides.empty() && !any_pair && issue.sides.size() != 2) {
      throw std::runtime_error(where + ": sides '" + Cell(row, "sides") +
                               "' is not two countries or '*'");
    }
    issue.topic = issue.proposition.find("a topic") != std::string::npos &&
                  issue.proposition.find("SUPPORTS =") == std::string::npos &&
                  issue.proposition.find("OPPOSES =") == std::string::npos;
    for (std::string& t : SplitList(Cell(row, "triggers"))) {
      if (!t.empty() && t[0] == '!') {
        t.erase(0, 1);
        issue.inverse_triggers.push_back(t);
      }
      issue.triggers.push_back(std::move(t));
    }
    issue_index_.Add(name, static_cast<std::uint32_t>(issues_.size()));
    issues_.push_back(std::move(issue));
  } else if (kind == "summits") {
    std::string date = Cell(row, "date");
    std::string from = date.substr(0, date.find('/'));
    std::string to = date.find('/') == std::string::npos ? from : date.substr(date.find('/') + 1);
    if (!ValidDate(from) || !ValidDate(to)) {
      throw std::runtime_error(where + ": summit date '" + date +
                               "' is not YYYY-MM-DD[/YYYY-MM-DD]");
    }
    summits_.Mutable().push_back(
        {name, Cell(row, "city"), Cell(row, "country"), from, to, SplitList(Cell(row, "leaders")),
         Cell(row, "group")});
  } else if (kind == "cues") {
    std::string phrase = Cell(row, "phrase");
    std::string cue_kind = Cell(row, "kind");
    if (phrase.empty() || cue_kind.empty()) throw std::runtime_error(where + ": empty cue");
    cues_.Mutable().push_back({cue_kind, phrase, SplitList(Cell(row, "options"))});
  }
}

Lexicon Lexicon::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": lexicon directory not found");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  Lexicon lex;
  for (const std::string& f : files) lex.LoadFile(f);
  return lex;
}

const CountryEntry* Lexicon::FindCountry(std::string_view name) const {
  std::optional<std::uint32_t> index = country_index_.Find(name);
  return index ? &(*countries_)[*index] : nullptr;
}

const LeaderEntry* Lexicon::FindLeader(std::string_view name) const {
  std::optional<std::uint32_t> index = leader_index_.Find(name);
  return index ? &leaders_[*index] : nullptr;
}

std::optional<std::uint32_t> Lexicon::FindLeaderIndex(std::string_view name) const {
  return leader_index_.Find(name);
}

std::optional<std::uint32_t> Lexicon::FindIssueIndex(std::string_view name) const {
  return issue_index_.Find(name);
}

void Lexicon::AddOpenIssue(const std::string& name, const std::vector<std::string>& triggers) {
  if (issue_index_.Find(name)) return;
  issue_index_.Add(name, static_cast<std::uint32_t>(issues_.size()));
  IssueEntry issue{name, "", triggers, "", {}};
  issue.open = true;
  issues_.push_back(std::move(issue));
}

void Lexicon::AddIssueTrigger(std::size_t issue, const std::string& trigger, bool inverse) {
  if (issue >= issues_.size()) return;
  IssueEntry& entry = issues_.Mutable(issue);
  entry.triggers.push_back(trigger);
  if (inverse) entry.inverse_triggers.push_back(trigger);
}

const IssueEntry* Lexicon::FindIssue(std::string_view name) const {
  std::optional<std::uint32_t> index = issue_index_.Find(name);
  return index ? &issues_[*index] : nullptr;
}

std::optional<std::uint32_t> Lexicon::NameIndex::Find(std::string_view name) const {
  if (auto it = bulk_->find(name); it != bulk_->end()) return it->second;
  if (auto it = added_->find(name); it != added_->end()) return it->second;
  return std::nullopt;
}

void Lexicon::NameIndex::Add(const std::string& name, std::uint32_t index) {
  if (Find(name)) return;
  (bulk_.Shared() ? added_ : bulk_).Mutable().emplace(name, index);
}

std::string Lexicon::DefaultDirectory(const std::string& argv0) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("PARLEY_LEXICON_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::weakly_canonical(fs::path(argv0), ec);
  for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    fs::path candidate = dir / "data" / "lexicon";
    if (fs::is_directory(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
  }
#ifdef PARLEY_DEFAULT_LEXICON_DIR
  return PARLEY_DEFAULT_LEXICON_DIR;
#else
  return "data/lexicon";
#endif
}

}  // namespace parley::ingest
