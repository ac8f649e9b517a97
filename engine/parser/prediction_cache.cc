#include "engine/parser/prediction_cache.h"

namespace parley::parser {

PredictionCache& PredictionCache::Shared() {
  static PredictionCache cache;
  return cache;
}

std::shared_lock<std::shared_mutex> PredictionCache::Attach(antlr4::Parser& parser) {
  std::call_once(init_, [&] {
    std::unique_lock lock(mutex_);
    atn_ = &parser.getATN();
    Reset();
  });
  std::shared_lock lock(mutex_);
  // The parser owns its interpreter: setInterpreter deletes the one the parser made (over
  // the generated static cache), and the parser deletes this one when it is destroyed.
  parser.setInterpreter(new antlr4::atn::ParserATNSimulator(&parser, *atn_, dfa_, contexts_));
  return lock;
}

void PredictionCache::ParseFinished(std::size_t max_states) {
  if (parses_.fetch_add(1, std::memory_order_relaxed) % kCheckInterval != kCheckInterval - 1) {
    return;
  }
  std::unique_lock lock(mutex_);
  if (atn_ != nullptr && CountStates() > max_states) {
    Reset();
    clears_.fetch_add(1, std::memory_order_relaxed);
  }
}

std::size_t PredictionCache::StateCount() {
  std::unique_lock lock(mutex_);
  return CountStates();
}

void PredictionCache::Reset() {
  dfa_.clear();
  contexts_.clear();
  dfa_.reserve(atn_->getNumberOfDecisions());
  for (std::size_t i = 0; i < atn_->getNumberOfDecisions(); ++i) {
    dfa_.emplace_back(atn_->getDecisionState(i), i);
  }
}

std::size_t PredictionCache::CountStates() const {
  std::size_t states = 0;
  for (const antlr4::dfa::DFA& dfa : dfa_) states += dfa.states.size();
  return states;
}

}  // namespace parley::parser
