// Gold-fact matching for the ingest gold tests, following the rules of
// shared/tools/eval_ingest.py: names compared case-, accent- and punctuation-insensitively
// (plural `s` and British spellings folded, leading titles dropped for people), summits
// aligned by city (or a city alias) and year, stances compared by side (a leader stands for
// the country he leads), DISCUSSED/DISPUTED matching one parent/child step up or down, and
// optional facts counting neither for nor against.
#ifndef PARLEY_TESTS_GOLD_GOLD_MATCH_H_
#define PARLEY_TESTS_GOLD_GOLD_MATCH_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace parley::gold {

std::vector<std::string> NameTokens(const std::string& text);
std::string NameKey(const std::string& text);

// Canonical gold names of one kind (leaders, countries, issues) with their aliases.
class Registry {
 public:
  Registry(const nlohmann::json& entries, bool person);
  std::optional<std::string> Match(const std::string& name) const;

 private:
  bool person_;
  std::map<std::string, std::string> names_;
  std::vector<std::pair<std::vector<std::string>, std::string>> entries_;
};

using Fact = std::vector<std::string>;  // kind-specific key parts

struct Score {
  int tp = 0, fp = 0, fn = 0, optional = 0;
  std::vector<std::string> missed, unexpected;
};

// The gold file's facts and the matching of predicted facts onto them.
class Gold {
 public:
  explicit Gold(const nlohmann::json& doc);

  // The gold summit id for a predicted summit, or "?city".
  std::string SummitId(const std::string& city, std::optional<int> year) const;
  std::string Leader(const std::string& name) const;
  std::string Country(const std::string& name) const;
  std::string Issue(const std::string& name) const;
  std::string Side(const std::string& holder) const;  // a leader's country, else the holder
  // DISCUSSED/DISPUTED: the gold issue at `sid` (one parent/child step allowed).
  std::string IssueAt(const std::string& kind, const std::string& sid,
                      const std::string& issue) const;

  // Scores predicted facts of `kind` (attendance, discussed, disputed, stance, leads).
  Score Compare(const std::string& kind, const std::set<Fact>& predicted) const;

  const nlohmann::json& doc() const { return doc_; }

 private:
  nlohmann::json doc_;
  Registry leaders_, countries_, issues_;
  std::map<std::string, std::string> leader_country_, parent_;
  // kind -> fact -> required?
  std::map<std::string, std::map<Fact, bool>> facts_;
};

}  // namespace parley::gold

#endif  // PARLEY_TESTS_GOLD_GOLD_MATCH_H_
