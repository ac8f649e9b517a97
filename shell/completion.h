// Tab completion for the shell: which words fit where the cursor is.
#ifndef PARLEY_SHELL_COMPLETION_H_
#define PARLEY_SHELL_COMPLETION_H_

#include <string>
#include <string_view>
#include <vector>

namespace parley::shell {

// Names in the database and the session that completion offers.
struct Vocabulary {
  std::vector<std::string> labels;
  std::vector<std::string> relationship_types;
  std::vector<std::string> property_keys;
  std::vector<std::string> parameters;
};

// The characters that end a word for completion (readline's word break characters).
inline constexpr const char* kWordBreakCharacters = " \t\n\"'`@$><=;|&{(,)}[]:.+-*/%^";

// The shell commands, without their `:`.
const std::vector<std::string>& ShellCommandNames();
// Cypher keywords, in upper case.
const std::vector<std::string>& CypherKeywords();

// Candidates for `word`, which starts at byte `word_start` of `line`; `in_statement` tells
// whether earlier lines of a statement precede this one. After `:` at the start of a
// command line: commands; after `:` elsewhere: labels and relationship types; after `.`:
// property keys; after `$`: parameters; otherwise keywords (in the case the word is typed
// in), then labels, types and keys. Sorted, unique, all starting with `word`.
std::vector<std::string> CompletionCandidates(std::string_view line, std::size_t word_start,
                                              std::string_view word, bool in_statement,
                                              const Vocabulary& vocabulary);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_COMPLETION_H_
