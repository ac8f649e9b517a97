#include "ingest/phrase_trie.h"

namespace parley::ingest {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Keys and surfaces are compared without diacritics (tokens.h, FoldDiacritics). A key is
// lower-cased for ASCII letters only, so a folded capital ("Ó" of "Óscar") is lowered here.
const std::string& Folded(const std::string& s, std::string& scratch) {
  if (IsAscii(s)) return s;
  scratch = FoldDiacritics(s);
  return scratch;
}

std::string FoldedKey(const std::string& key) {
  std::string out = FoldDiacritics(key);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const std::string& FoldedKey(const std::string& key, std::string& scratch) {
  if (IsAscii(key)) return key;
  scratch = FoldedKey(key);
  return scratch;
}

}  // namespace

PhraseTrie::PhraseTrie() { nodes_.emplace_back(); }

std::uint32_t PhraseTrie::Intern(const std::string& key) {
  auto [it, inserted] = vocab_.emplace(FoldedKey(key), static_cast<std::uint32_t>(vocab_.size()));
  if (inserted) skippable_.push_back(false);
  return it->second;
}

void PhraseTrie::AddSkippable(std::string_view word) {
  for (const std::string& k : PhraseKeys(word)) skippable_[Intern(k)] = true;
}

void PhraseTrie::Add(std::string_view phrase, std::uint32_t payload, bool case_sensitive,
                     bool allow_gaps) {
  std::vector<Token> tokens = Tokenize(phrase);
  if (tokens.empty()) return;
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::uint32_t id = Intern(tokens[i].key);
    auto it = nodes_[node].next.find(id);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      std::uint32_t child = static_cast<std::uint32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace(id, child);
      node = child;
    } else {
      node = it->second;
    }
    if (allow_gaps && i + 1 < tokens.size()) nodes_[node].gaps = true;
  }
  Entry entry{payload, {}, allow_gaps};
  if (case_sensitive) {
    for (const Token& t : tokens) entry.surfaces.push_back(FoldDiacritics(t.surface));
  }
  entries_.push_back(std::move(entry));
  nodes_[node].entries.push_back(static_cast<std::uint32_t>(entries_.size() - 1));
}

std::vector<std::uint32_t> PhraseTrie::Encode(const std::vector<Token>& tokens) const {
  std::vector<std::uint32_t> ids;
  ids.reserve(tokens.size());
  std::string scratch;
  for (const Token& t : tokens) {
    auto it = vocab_.find(FoldedKey(t.key, scratch));
    ids.push_back(it == vocab_.end() ? kNoId : it->second);
  }
  return ids;
}

std::vector<std::uint32_t> PhraseTrie::PayloadsOf(const std::vector<std::string>& keys) const {
  std::vector<std::uint32_t> out;
  if (keys.empty()) return out;
  std::uint32_t node = 0;
  std::string scratch;
  for (const std::string& k : keys) {
    auto id = vocab_.find(FoldedKey(k, scratch));
    if (id == vocab_.end()) return out;
    auto next = nodes_[node].next.find(id->second);
    if (next == nodes_[node].next.end()) return out;
    node = next->second;
  }
  for (std::uint32_t e : nodes_[node].entries) out.push_back(entries_[e].payload);
  return out;
}

bool PhraseTrie::CaseMatches(const Entry& e, const std::vector<Token>& tokens,
                             const std::vector<std::uint32_t>& positions) const {
  if (e.surfaces.empty()) return true;
  std::string scratch;
  for (std::size_t i = 0; i < e.surfaces.size() && i < positions.size(); ++i) {
    const std::string& want = e.surfaces[i];
    if (want.empty() || !(want[0] >= 'A' && want[0] <= 'Z')) continue;
    const Token& got_token = tokens[positions[i]];
    const std::string& got = Folded(got_token.surface, scratch);
    if (got == want) continue;
    if (got_token.AllCaps() && got.size() > 1 && got == Upper(want)) continue;
    return false;
  }
  return true;
}

void PhraseTrie::FindAll(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& ids,
                         std::vector<Match>* out) const {
  std::vector<std::uint32_t> positions;
  for (std::uint32_t start = 0; start < ids.size(); ++start) {
    if (ids[start] == kNoId) continue;
    std::uint32_t node = 0;
    int skips = 0;
    positions.clear();
    for (std::uint32_t j = start; j < ids.size(); ++j) {
      const Node& n = nodes_[node];
      auto it = ids[j] == kNoId ? n.next.end() : n.next.find(ids[j]);
      if (it == n.next.end()) {
        bool can_skip = n.gaps && skips < 2 && ids[j] != kNoId && skippable_[ids[j]];
        if (!can_skip) break;
        ++skips;
        continue;
      }
      node = it->second;
      positions.push_back(j);
      for (std::uint32_t e : nodes_[node].entries) {
        if (skips > 0 && !entries_[e].gaps) continue;  // only gap-allowing phrases skip
        if (CaseMatches(entries_[e], tokens, positions)) {
          out->push_back({start, j + 1, entries_[e].payload});
        }
      }
    }
  }
}

}  // namespace parley::ingest
