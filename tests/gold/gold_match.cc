#include "tests/gold/gold_match.h"

#include <algorithm>
#include <cctype>

namespace parley::gold {
namespace {

const std::map<std::string, std::string>& Spelling() {
  static const std::map<std::string, std::string> kMap = {{"defence", "defense"},
                                                          {"defences", "defenses"},
                                                          {"programme", "program"},
                                                          {"programmes", "programs"},
                                                          {"organisation", "organization"},
                                                          {"favour", "favor"},
                                                          {"centre", "center"},
                                                          {"dialogue", "dialog"}};
  return kMap;
}

const std::set<std::string>& TitleWords() {
  static const std::set<std::string> kSet = {
      "mr",     "mrs",      "ms",      "dr",         "sir",     "president", "presidents",
      "prime",  "minister", "premier", "chancellor", "general", "secretary", "chairman",
      "leader", "king",     "queen",   "former",     "vice",    "first",     "lady",
      "us",     "u",        "s",       "russian",    "soviet",  "american",  "chinese",
      "north",  "korean",   "foreign", "defense",    "state",   "elect",     "presidentelect",
      "then",   "late"};
  return kSet;
}

std::string Join(const std::vector<std::string>& t) {
  std::string out;
  for (const auto& s : t) out += s;
  return out;
}

}  // namespace

std::vector<std::string> NameTokens(const std::string& text) {
  std::string s;
  for (unsigned char c : text) {
    if (c == '.' || c == '\'' || c == '`') continue;
    s.push_back(static_cast<char>(std::tolower(c)));
  }
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    auto it = Spelling().find(cur);
    if (it != Spelling().end()) cur = it->second;
    if (cur.size() > 3 && cur.back() == 's' && cur[cur.size() - 2] != 's') cur.pop_back();
    out.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  if (out.size() > 1 && (out[0] == "the" || out[0] == "a" || out[0] == "an"))
    out.erase(out.begin());
  return out;
}

std::string NameKey(const std::string& text) { return Join(NameTokens(text)); }

Registry::Registry(const nlohmann::json& entries, bool person) : person_(person) {
  for (const auto& e : entries) {
    std::string name = e["name"];
    names_.emplace(NameKey(name), name);
    entries_.push_back({NameTokens(name), name});
  }
  for (const auto& e : entries) {
    for (const auto& a : e.value("aliases", nlohmann::json::array())) {
      names_.emplace(NameKey(a.get<std::string>()), e["name"].get<std::string>());
    }
  }
}

std::optional<std::string> Registry::Match(const std::string& name) const {
  auto it = names_.find(NameKey(name));
  if (it != names_.end()) return it->second;
  if (!person_) return std::nullopt;
  std::vector<std::string> t = NameTokens(name);
  std::size_t i = 0;
  while (i + 1 < t.size() && TitleWords().count(t[i])) ++i;
  t.erase(t.begin(), t.begin() + static_cast<long>(i));
  it = names_.find(Join(t));
  if (it != names_.end()) return it->second;
  return std::nullopt;
}

Gold::Gold(const nlohmann::json& doc)
    : doc_(doc),
      leaders_(doc["leaders"], true),
      countries_(doc["countries"], false),
      issues_(doc["issues"], false) {
  for (const auto& l : doc["leaders"]) leader_country_[l["name"]] = l.value("country", "");
  for (const auto& i : doc["issues"]) parent_[i["name"]] = i.value("parent", "");
  for (const auto& a : doc["articles"]) {
    auto add = [&](const std::string& kind, const Fact& f, const nlohmann::json& src) {
      bool required = !src.value("optional", false);
      bool& r = facts_[kind][f];
      r = r || required;
    };
    for (const auto& f : a["attendance"]) add("attendance", {f["leader"], f["summit"]}, f);
    for (const auto& f : a["discussed"]) add("discussed", {f["summit"], f["issue"]}, f);
    for (const auto& f : a["disputed"]) {
      add("disputed", {f["summit"], f["issue"]}, f);
      add("discussed", {f["summit"], f["issue"]}, f);
    }
    for (const auto& f : a["stances"]) {
      add("stance", {Side(f["holder"]), f["stance"], f["issue"], f["summit"]}, f);
    }
    for (const auto& f : a["leads"]) add("leads", {f["leader"], f["country"]}, f);
  }
}

std::string Gold::SummitId(const std::string& city, std::optional<int> year) const {
  std::vector<std::string> want = NameTokens(city);
  for (const auto& s : doc_["summits"]) {
    std::vector<std::vector<std::string>> keys = {NameTokens(s["city"])};
    for (const auto& a : s.value("city_aliases", nlohmann::json::array())) {
      keys.push_back(NameTokens(a.get<std::string>()));
    }
    bool city_ok = std::find(keys.begin(), keys.end(), want) != keys.end();
    if (!city_ok) continue;
    if (year && s.contains("year") && s["year"].get<int>() != *year) continue;
    return s["id"];
  }
  return "?" + city;
}

std::string Gold::Leader(const std::string& name) const {
  return leaders_.Match(name).value_or("?" + name);
}
std::string Gold::Country(const std::string& name) const {
  return countries_.Match(name).value_or("?" + name);
}
std::string Gold::Issue(const std::string& name) const {
  return issues_.Match(name).value_or("?" + name);
}

std::string Gold::Side(const std::string& holder) const {
  std::string l = Leader(holder);
  auto it = leader_country_.find(l);
  if (it != leader_country_.end() && !it->second.empty()) return it->second;
  return Country(holder)[0] == '?' ? holder : Country(holder);
}

std::string Gold::IssueAt(const std::string& kind, const std::string& sid,
                          const std::string& issue) const {
  const auto& facts = facts_.at(kind);
  if (facts.count({sid, issue})) return issue;
  std::vector<std::string> steps;
  auto p = parent_.find(issue);
  if (p != parent_.end() && !p->second.empty()) steps.push_back(p->second);
  for (const auto& [child, par] : parent_) {
    if (par == issue) steps.push_back(child);
  }
  for (const auto& other : steps) {
    auto it = facts.find({sid, other});
    if (it != facts.end() && it->second) return other;
  }
  return issue;
}

Score Gold::Compare(const std::string& kind, const std::set<Fact>& predicted) const {
  Score score;
  const auto& gold = facts_.at(kind);
  auto show = [](const Fact& f) {
    std::string s;
    for (const auto& p : f) s += (s.empty() ? "" : " | ") + p;
    return s;
  };
  for (const Fact& f : predicted) {
    auto it = gold.find(f);
    if (it == gold.end()) {
      ++score.fp;
      score.unexpected.push_back(show(f));
    } else if (it->second) {
      ++score.tp;
    } else {
      ++score.optional;
    }
  }
  for (const auto& [f, required] : gold) {
    if (required && !predicted.count(f)) {
      ++score.fn;
      score.missed.push_back(show(f));
    }
  }
  return score;
}

}  // namespace parley::gold
