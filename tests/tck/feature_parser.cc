#include "tests/tck/feature_parser.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace parley::tck {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

struct Examples {
  std::vector<std::string> tags;
  std::vector<std::pair<int, std::vector<std::string>>> rows;  // header first
};

struct ScenarioDef {
  std::string name;
  int line = 0;
  std::vector<std::string> tags;
  bool outline = false;
  std::vector<Step> steps;
  std::vector<Examples> examples;
};

// Replaces every <name> of the example's header with its cell; longest names first so
// that <a> never eats part of <ab>.
std::string Substitute(std::string s, const std::vector<std::pair<std::string, std::string>>& m) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (s[i] == '<') {
      for (const auto& [key, value] : m) {
        if (s.compare(i + 1, key.size(), key) == 0 && i + 1 + key.size() < s.size() &&
            s[i + 1 + key.size()] == '>') {
          out += value;
          i += key.size() + 2;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

Step SubstituteStep(const Step& st, const std::vector<std::pair<std::string, std::string>>& m) {
  Step out = st;
  out.text = Substitute(st.text, m);
  if (st.doc_string) out.doc_string = Substitute(*st.doc_string, m);
  if (st.table) {
    for (auto& row : *out.table)
      for (auto& cell : row) cell = Substitute(cell, m);
  }
  return out;
}

void SplitTags(std::string_view line, std::vector<std::string>& tags) {
  line = line.substr(0, line.find('#'));
  std::istringstream in{std::string(line)};
  std::string tag;
  while (in >> tag) tags.push_back(tag);
}

}  // namespace

std::vector<std::string> SplitTableRow(std::string_view row, int line) {
  row = Trim(row);
  std::vector<std::string> cells;
  std::string cur;
  for (std::size_t i = 1; i < row.size(); ++i) {
    char c = row[i];
    if (c == '\\' && i + 1 < row.size()) {
      char d = row[i + 1];
      if (d == '|') cur += '|';
      else if (d == '\\') cur += '\\';
      else if (d == 'n') cur += '\n';
      else cur += std::string{c, d};
      ++i;
    } else if (c == '|') {
      cells.emplace_back(Trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!Trim(cur).empty())
    throw FeatureParseError("line " + std::to_string(line) + ": table row does not end with '|'");
  return cells;
}

std::vector<Scenario> ParseFeature(std::string_view text, const std::string& file,
                                   const std::string& area) {
  std::optional<std::string> feature_name;
  std::vector<std::string> feature_tags, pending_tags;
  std::optional<std::vector<Step>> background;
  std::vector<ScenarioDef> defs;
  enum class Section { kNone, kFeature, kBackground, kScenario, kExamples } section{};
  std::vector<Step>* steps = nullptr;

  // An open doc string: its delimiter, indentation and lines so far.
  struct Doc { std::string delimiter; std::size_t indent; std::vector<std::string> lines; Step* step; };
  std::optional<Doc> doc;

  auto fail = [&](int line, const std::string& msg) {
    throw FeatureParseError(file + ":" + std::to_string(line) + ": " + msg);
  };

  std::istringstream in{std::string(text)};
  std::string raw;
  for (int idx = 1; std::getline(in, raw); ++idx) {
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (doc) {
      if (Trim(raw) == doc->delimiter) {
        std::string joined;
        for (std::size_t i = 0; i < doc->lines.size(); ++i) joined += (i ? "\n" : "") + doc->lines[i];
        doc->step->doc_string = joined;
        doc.reset();
        continue;
      }
      std::size_t k = 0;
      while (k < doc->indent && k < raw.size() && (raw[k] == ' ' || raw[k] == '\t')) ++k;
      std::string content = raw.substr(k);
      for (std::size_t p; (p = content.find("\\\"\\\"\\\"")) != std::string::npos;)
        content.replace(p, 6, "\"\"\"");
      doc->lines.push_back(content);
      continue;
    }
    std::string_view s = Trim(raw);
    if (s.empty() || s[0] == '#') continue;
    if (s[0] == '@') {
      SplitTags(s, pending_tags);
    } else if (StartsWith(s, "Feature:")) {
      if (feature_name) fail(idx, "second Feature");
      feature_name = std::string(Trim(s.substr(8)));
      feature_tags = std::move(pending_tags);
      pending_tags.clear();
      section = Section::kFeature;
    } else if (StartsWith(s, "Background:")) {
      if (section != Section::kFeature || background) fail(idx, "Background out of place");
      background.emplace();
      steps = &*background;
      section = Section::kBackground;
    } else if (StartsWith(s, "Scenario Outline:") || StartsWith(s, "Scenario Template:") ||
               StartsWith(s, "Scenario:") || StartsWith(s, "Example:")) {
      if (!feature_name) fail(idx, "Scenario before Feature");
      ScenarioDef def;
      def.outline = StartsWith(s, "Scenario Outline:") || StartsWith(s, "Scenario Template:");
      def.name = std::string(Trim(s.substr(s.find(':') + 1)));
      def.line = idx;
      def.tags = std::move(pending_tags);
      pending_tags.clear();
      defs.push_back(std::move(def));
      steps = &defs.back().steps;
      section = Section::kScenario;
    } else if (StartsWith(s, "Examples:") || StartsWith(s, "Scenarios:")) {
      if (defs.empty() || !defs.back().outline) fail(idx, "Examples outside a Scenario Outline");
      defs.back().examples.push_back(Examples{std::move(pending_tags), {}});
      pending_tags.clear();
      section = Section::kExamples;
    } else if (s[0] == '|') {
      std::vector<std::string> cells = SplitTableRow(s, idx);
      if (section == Section::kExamples) {
        defs.back().examples.back().rows.emplace_back(idx, std::move(cells));
      } else if ((section == Section::kBackground || section == Section::kScenario) && steps &&
                 !steps->empty()) {
        Step& step = steps->back();
        if (step.doc_string) fail(idx, "table after a doc string");
        if (!step.table) step.table.emplace();
        else if (!step.table->empty() && cells.size() != step.table->front().size())
          fail(idx, "table row with a different number of cells");
        step.table->push_back(std::move(cells));
      } else {
        fail(idx, "table without a step");
      }
    } else if (StartsWith(s, "\"\"\"") || StartsWith(s, "```")) {
      if (!steps || steps->empty()) fail(idx, "doc string without a step");
      std::size_t indent = raw.size() - std::string_view(raw).substr(raw.find_first_not_of(" \t")).size();
      doc = Doc{std::string(s.substr(0, 3)), indent, {}, &steps->back()};
    } else {
      static const std::vector<std::string> kKeywords = {"Given", "When", "Then", "And", "But"};
      bool matched = false;
      if (section == Section::kBackground || section == Section::kScenario) {
        for (const auto& kw : kKeywords) {
          if (StartsWith(s, kw) && s.size() > kw.size() && std::isspace(static_cast<unsigned char>(s[kw.size()]))) {
            steps->push_back(Step{kw, std::string(Trim(s.substr(kw.size()))), idx, {}, {}});
            matched = true;
            break;
          }
        }
        if (!matched && StartsWith(s, "* ")) {
          steps->push_back(Step{"*", std::string(Trim(s.substr(2))), idx, {}, {}});
          matched = true;
        }
      }
      if (!matched) {
        if (section == Section::kFeature && !background && defs.empty()) continue;  // prose
        fail(idx, "unexpected line: " + std::string(s.substr(0, 60)));
      }
    }
  }
  if (doc) throw FeatureParseError(file + ": unterminated doc string");
  if (!feature_name) throw FeatureParseError(file + ": no Feature");

  std::vector<Scenario> out;
  for (const ScenarioDef& d : defs) {
    std::vector<std::string> tags = feature_tags;
    tags.insert(tags.end(), d.tags.begin(), d.tags.end());
    std::vector<Step> base = background ? *background : std::vector<Step>{};
    if (!d.outline) {
      std::vector<Step> all = base;
      all.insert(all.end(), d.steps.begin(), d.steps.end());
      out.push_back(Scenario{*feature_name, file, area, d.name, d.line, tags, std::move(all)});
      continue;
    }
    int k = 0;
    for (const Examples& ex : d.examples) {
      if (ex.rows.empty()) continue;
      const std::vector<std::string>& header = ex.rows.front().second;
      for (std::size_t r = 1; r < ex.rows.size(); ++r) {
        const auto& [line, cells] = ex.rows[r];
        ++k;
        if (cells.size() != header.size()) fail(line, "example row width differs from its header");
        std::vector<std::pair<std::string, std::string>> m;
        for (std::size_t i = 0; i < header.size(); ++i) m.emplace_back(header[i], cells[i]);
        std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) {
          return a.first.size() > b.first.size();
        });
        std::vector<Step> all = base;
        for (const Step& st : d.steps) all.push_back(SubstituteStep(st, m));
        std::vector<std::string> example_tags = tags;
        example_tags.insert(example_tags.end(), ex.tags.begin(), ex.tags.end());
        out.push_back(Scenario{*feature_name, file, area,
                               Substitute(d.name, m) + " #" + std::to_string(k), line,
                               std::move(example_tags), std::move(all)});
      }
    }
  }
  return out;
}

std::vector<Scenario> LoadFeatures(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".feature")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Scenario> out;
  for (const fs::path& path : files) {
    std::string rel = fs::relative(path, dir).generic_string();
    fs::path parent = fs::path(rel).parent_path();
    std::string area;
    int depth = 0;
    for (const auto& part : parent) {
      if (depth++ == 2) break;
      area += (area.empty() ? "" : "/") + part.string();
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<Scenario> scenarios = ParseFeature(text.str(), rel, area.empty() ? "." : area);
    out.insert(out.end(), std::make_move_iterator(scenarios.begin()),
               std::make_move_iterator(scenarios.end()));
  }
  return out;
}

std::vector<std::string> SplitStatements(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t i = 0, n = text.size();
  auto flush = [&] {
    std::string_view t = Trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  while (i < n) {
    char c = text[i];
    if (c == '\'' || c == '"' || c == '`') {
      std::size_t j = i + 1;
      while (j < n && text[j] != c) j += (text[j] == '\\' && c != '`') ? 2 : 1;
      cur += text.substr(i, std::min(j + 1, n) - i);
      i = j + 1;
    } else if (text.substr(i, 2) == "//") {
      std::size_t j = text.find('\n', i);
      j = j == std::string_view::npos ? n : j;
      cur += text.substr(i, j - i);
      i = j;
    } else if (text.substr(i, 2) == "/*") {
      std::size_t j = text.find("*/", i + 2);
      j = j == std::string_view::npos ? n : j + 2;
      cur += text.substr(i, j - i);
      i = j;
    } else if (c == ';') {
      flush();
      ++i;
    } else {
      cur += c;
      ++i;
    }
  }
  flush();
  return out;
}

}  // namespace parley::tck
