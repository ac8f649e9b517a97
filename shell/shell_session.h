// The shell's state and line handling, independent of the terminal: statements collected
// over lines until `;`, `:` commands, parameters, output settings and the last result.
// The interactive REPL (repl.h) and the scripted mode both feed it lines.
#ifndef PARLEY_SHELL_SHELL_SESSION_H_
#define PARLEY_SHELL_SHELL_SESSION_H_

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/connection.h"
#include "parley/result.h"
#include "shell/completion.h"
#include "shell/query_runner.h"
#include "shell/statement_splitter.h"

namespace parley::shell {

class ShellSession {
 public:
  // Runs one statement (the REPL wraps execution to make it interruptible).
  using Executor = std::function<Executed(Connection&, const Statement&, const Params&)>;

  // REQUIRES: `connection`, `out` and `err` outlive the session. `interactive` selects
  // positions relative to each statement (else to the whole input) and the row limit.
  ShellSession(Connection& connection, std::ostream& out, std::ostream& err, bool interactive);

  // Feeds one line of input (without its line break). A line starting with `:` outside a
  // statement is a command; otherwise the text joins the pending statement, and every
  // statement completed by a `;` runs, in order.
  void FeedLine(std::string_view line);
  // At the end of input: runs a pending statement that lacks its `;`.
  void Finish();
  // Drops the pending, unfinished statement (Ctrl-C at the prompt).
  void ClearPending();

  bool in_statement() const { return !pending_.empty(); }
  bool quit_requested() const { return quit_; }
  bool all_succeeded() const { return failures_ == 0; }

  void set_executor(Executor executor) { executor_ = std::move(executor); }
  // Called with each complete statement (with its `;`) or command, for the history.
  void set_history_sink(std::function<void(const std::string&)> sink) {
    history_sink_ = std::move(sink);
  }
  // The terminal width for tables (0: unlimited), asked for before each table is drawn.
  void set_width_source(std::function<std::size_t()> width) { width_ = std::move(width); }

  // Names for tab completion: cached, reloaded after a statement changed the graph.
  const Vocabulary& vocabulary();
  const Params& params() const { return params_; }

  // The numbered example questions (:examples); the first is INTERFACES.md's question.
  struct Example {
    const char* question;
    const char* cypher;
  };
  static const std::vector<Example>& Examples();

 private:
  void RunCommand(std::string_view line);
  void RunPendingStatements(bool at_end);
  // Runs one statement and prints its result or error; false on error.
  bool RunStatement(const Statement& statement, std::string_view input);
  // Runs an internal query and prints its result as a table; false (reported) on error.
  bool ShowQuery(const std::string& title, const std::string& cypher, const Params& params);
  std::optional<Result> Query(const std::string& cypher, const Params& params);
  void ReportError(const Error& error);
  OutputOptions CurrentOutput();

  // Commands (shell_commands.cc).
  void Help();
  void Schema();
  void Timer(std::string_view arg);
  void Format(std::string_view arg);
  void SetParam(std::string_view arg);
  void ListParams();
  void MaxRows(std::string_view arg);
  void SetTimeout(std::string_view arg);
  void SetMaxMemory(std::string_view arg);
  void ShowExamples(std::string_view arg);
  void Why();
  void Export(std::string_view arg);

  Connection& connection_;
  std::ostream& out_;
  std::ostream& err_;
  const bool interactive_;
  Executor executor_;
  std::function<void(const std::string&)> history_sink_;
  std::function<std::size_t()> width_;

  OutputOptions output_;
  Params params_;
  std::optional<Result> last_result_;
  std::optional<Vocabulary> vocabulary_;
  std::string pending_;
  Statement pending_origin_;       // where pending_ starts in the whole input
  std::uint32_t line_number_ = 0;  // lines fed so far
  int failures_ = 0;
  bool quit_ = false;
  bool first_output_ = true;
};

}  // namespace parley::shell

#endif  // PARLEY_SHELL_SHELL_SESSION_H_
