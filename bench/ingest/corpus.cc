#include "bench/ingest/corpus.h"

#include <random>

namespace parley::bench {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

const char* kMonths[] = {"January", "March", "April", "June", "July", "September", "November"};

const char* kFiller[] = {
    "The meeting took place amid heavy security, with streets closed for several blocks.",
    "Officials on both sides described the atmosphere as businesslike but cordial.",
    "Reporters were kept at a distance for most of the day, and few details emerged.",
    "Analysts said the encounter was more about tone than substance.",
    "The leaders were joined by their foreign ministers for the afternoon session.",
    "Protesters gathered outside the venue, waving banners and chanting slogans.",
    "A joint statement was expected to be released later in the evening.",
    "The visit was the first of its kind in several years, diplomats noted.",
};

}  // namespace

std::vector<std::string> GenerateCorpus(const ingest::Lexicon& lex, std::size_t n,
                                        std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t size) { return static_cast<std::size_t>(rng() % size); };
  std::vector<const ingest::LeaderEntry*> leaders;
  for (const auto& l : lex.leaders()) {
    if (!l.terms.empty() && !l.terms.front().start.empty()) leaders.push_back(&l);
  }
  std::vector<std::string> cities;
  for (const auto& c : lex.countries()) {
    if (!c.capital.empty()) cities.push_back(c.capital);
  }
  for (const auto& p : lex.places()) cities.push_back(p.city);
  std::vector<std::string> triggers;
  for (const auto& i : lex.issues()) {
    if (!i.triggers.empty()) triggers.push_back(i.triggers[0]);
  }
  std::vector<std::string> out;
  if (leaders.size() < 2 || cities.empty() || triggers.size() < 3) return out;
  for (std::size_t a = 0; a < n; ++a) {
    const auto* x = leaders[pick(leaders.size())];
    const auto* y = leaders[pick(leaders.size())];
    if (x == y) y = leaders[(pick(leaders.size()) + 1) % leaders.size()];
    const std::string& city = cities[pick(cities.size())];
    std::string i1 = triggers[pick(triggers.size())], i2 = triggers[pick(triggers.size())],
                i3 = triggers[pick(triggers.size())];
    std::string year = x->terms.front().start.substr(0, 4);
    std::string xs = x->aliases.empty() ? x->name : x->aliases[0];
    std::string ys = y->aliases.empty() ? y->name : y->aliases[0];
    std::string t;
    t += xs + " and " + ys + " Clash Over " + i1 + "\n\n";
    t += Upper(city) + " -- " + x->terms.front().office + " " + x->name + " and " +
         y->terms.front().office + " " + y->name + " held talks here on " + kMonths[pick(7)] + " " +
         std::to_string(1 + pick(28)) + ", " + year + ", but remained at odds over " + i1 +
         " and " + i2 + ".\n\n";
    for (int p = 0; p < 6; ++p) {
      t += std::string(kFiller[pick(8)]) + " " + kFiller[pick(8)] + "\n\n";
      switch (pick(6)) {
        case 0:
          t += "Mr. " + xs + " backs " + i3 + ", aides said.\n\n";
          break;
        case 1:
          t += ys + " has repeatedly rejected " + i1 + ", calling it a threat.\n\n";
          break;
        case 2:
          t += "\"We do not oppose " + i2 + ",\" " + xs + " told reporters.\n\n";
          break;
        case 3:
          t += "The two leaders discussed " + i3 + " over dinner.\n\n";
          break;
        case 4:
          t += "Years ago, " + ys + " had met a former U.S. president in Geneva.\n\n";
          break;
        default:
          t += "The two countries made no progress on " + i2 + ".\n\n";
          break;
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> WithLeadersTheLexiconLacks(std::vector<std::string> corpus,
                                                    const ingest::Lexicon& lex,
                                                    std::uint64_t seed) {
  static const char* const kSyllables[] = {"ka", "lo", "ven", "dra", "mi", "tu", "sor", "ne",
                                           "bal", "ri", "go", "shen", "ta", "vu", "lin", "er"};
  static const char* const kTitles[] = {"President", "Prime Minister", "Chancellor"};
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t size) { return static_cast<std::size_t>(rng() % size); };
  auto word = [&](std::size_t syllables) {
    std::string w;
    for (std::size_t i = 0; i < syllables; ++i) w += kSyllables[pick(16)];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  std::vector<std::string> countries;
  for (const auto& c : lex.countries()) countries.push_back(c.name);
  if (countries.empty()) return corpus;
  for (std::string& text : corpus) {
    std::string name;
    do {
      name = word(2) + " " + word(3);
    } while (lex.FindLeader(name));
    std::size_t lead_end = text.find("\n\n", text.find("\n\n") + 2);
    if (lead_end == std::string::npos) continue;
    text.insert(lead_end + 2, "Also at the table was " + std::string(kTitles[pick(3)]) + " " +
                                  name + " of " + countries[pick(countries.size())] + ".\n\n");
  }
  return corpus;
}

}  // namespace parley::bench
