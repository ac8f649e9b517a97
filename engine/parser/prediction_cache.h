// PredictionCache: what the parser has learnt about deciding between the grammar's
// alternatives (ANTLR's DFA, and the prediction contexts its states share), kept from one
// parse to the next because learning it is most of the cost of a parse.
//
// The generated parser keeps such a cache in static members that only ever grow: each new
// shape of statement adds states, and a process that parsed many different statements
// kept them all (121 MB after 300,000 random variations of the fuzzing corpus). This one
// is emptied when a check, every kCheckInterval parses, finds it past kMaxStates, while
// no parse uses it (it then stays under 50 MB in the same run).
//
// Internal to engine/parser. Thread-safe: parses share the cache (the ANTLR runtime
// serialises its own updates); emptying it waits until no parse holds it.
#ifndef PARLEY_ENGINE_PARSER_PREDICTION_CACHE_H_
#define PARLEY_ENGINE_PARSER_PREDICTION_CACHE_H_

#include <atomic>
#include <cstddef>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "antlr4-runtime.h"

namespace parley::parser {

class PredictionCache {
 public:
  // How many DFA states the cache may hold before it is emptied: the 1,600 queries of the
  // TCK's scenarios need 471, and a state with its share of the contexts takes about
  // 9 KiB, so some 45 MiB at most.
  static constexpr std::size_t kMaxStates = 5000;
  // How many parses go between two checks (a check briefly excludes parses).
  static constexpr std::size_t kCheckInterval = 1024;

  // The process's cache.
  static PredictionCache& Shared();

  // Makes `parser` predict with this cache; the parser may parse for as long as the
  // returned lock is held, and must not afterwards.
  [[nodiscard]] std::shared_lock<std::shared_mutex> Attach(antlr4::Parser& parser);

  // Counts a finished parse; every kCheckInterval-th empties the cache when it is past
  // `max_states`. Call without holding a lock from Attach.
  void ParseFinished(std::size_t max_states = kMaxStates);

  // The DFA states held now, and how often the cache has been emptied.
  std::size_t StateCount();
  std::size_t clears() const { return clears_.load(std::memory_order_relaxed); }

 private:
  void Reset();  // REQUIRES: mutex_ held exclusively
  std::size_t CountStates() const;  // REQUIRES: mutex_ held exclusively

  std::once_flag init_;
  std::shared_mutex mutex_;
  const antlr4::atn::ATN* atn_ = nullptr;
  std::vector<antlr4::dfa::DFA> dfa_;
  antlr4::atn::PredictionContextCache contexts_;
  std::atomic<std::size_t> parses_{0};
  std::atomic<std::size_t> clears_{0};
};

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_PREDICTION_CACHE_H_
