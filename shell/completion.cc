#include "shell/completion.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace parley::shell {
namespace {

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

void AddMatching(const std::vector<std::string>& names, std::string_view word,
                 std::set<std::string>& out) {
  for (const auto& n : names) {
    if (n.compare(0, word.size(), word) == 0) out.insert(n);
  }
}

// Keywords in the case the user started typing: `ma` -> `match`, `Ma`/`MA` -> `MATCH`.
void AddKeywords(std::string_view word, std::set<std::string>& out) {
  const bool lower = !word.empty() && std::islower(static_cast<unsigned char>(word[0]));
  for (const auto& k : CypherKeywords()) {
    if (!StartsWithIgnoringCase(k, word)) continue;
    std::string text = k;
    if (lower) {
      for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (text.compare(0, word.size(), word) == 0) out.insert(text);
  }
}

}  // namespace

const std::vector<std::string>& ShellCommandNames() {
  static const std::vector<std::string> kNames = {"examples", "export", "format", "help",
                                                  "maxrows",  "param",  "params", "quit",
                                                  "schema",   "timer",  "why"};
  return kNames;
}

const std::vector<std::string>& CypherKeywords() {
  static const std::vector<std::string> kKeywords = {
      "ALL",      "AND",     "AS",     "ASC",    "ASCENDING", "BY",         "CALL",     "CASE",
      "CONTAINS", "COUNT",   "CREATE", "DELETE", "DESC",      "DESCENDING", "DETACH",   "DISTINCT",
      "ELSE",     "END",     "ENDS",   "EXISTS", "EXPLAIN",   "FALSE",      "IN",       "IS",
      "LIMIT",    "MATCH",   "MERGE",  "NOT",    "NULL",      "ON",         "OPTIONAL", "OR",
      "ORDER",    "PROFILE", "REMOVE", "RETURN", "SET",       "SKIP",       "STARTS",   "THEN",
      "TRUE",     "UNION",   "UNWIND", "WHEN",   "WHERE",     "WITH",       "XOR",      "YIELD"};
  return kKeywords;
}

std::vector<std::string> CompletionCandidates(std::string_view line, std::size_t word_start,
                                              std::string_view word, bool in_statement,
                                              const Vocabulary& v) {
  std::set<std::string> out;
  const char before = word_start > 0 ? line[word_start - 1] : '\0';
  const bool command_line = !in_statement && !line.empty() && line[0] == ':';
  if (command_line && word_start == 1) {
    AddMatching(ShellCommandNames(), word, out);
  } else if (before == ':') {
    AddMatching(v.labels, word, out);
    AddMatching(v.relationship_types, word, out);
  } else if (before == '.') {
    AddMatching(v.property_keys, word, out);
  } else if (before == '$') {
    AddMatching(v.parameters, word, out);
  } else if (command_line) {
    if (line.rfind(":format", 0) == 0) AddMatching({"csv", "json", "table"}, word, out);
    if (line.rfind(":timer", 0) == 0) AddMatching({"off", "on"}, word, out);
  } else {
    AddKeywords(word, out);
    AddMatching(v.labels, word, out);
    AddMatching(v.relationship_types, word, out);
    AddMatching(v.property_keys, word, out);
  }
  return {out.begin(), out.end()};
}

}  // namespace parley::shell
