// The REPL uses readline's callback interface so that Ctrl-C at the prompt is handled in
// the main loop (a self-pipe wakes select), not inside a signal handler.
#include "shell/repl.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <stdio.h>  // readline.h needs FILE
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "parley/error.h"
#include "shell/cli_common.h"
#include "shell/query_watcher.h"
#include "shell/shell_session.h"

namespace parley::shell {
namespace {

constexpr const char* kPrompt = "parley> ";
constexpr const char* kContinuationPrompt = "   ...> ";
constexpr int kHistoryLength = 1000;

// readline's callbacks are plain functions; they reach the one running REPL through this.
ShellSession* g_session = nullptr;
bool g_eof = false;

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.parley_history";
}

const char* CurrentPrompt() { return g_session->in_statement() ? kContinuationPrompt : kPrompt; }

void OnLine(char* line) {
  if (line == nullptr) {  // Ctrl-D
    g_eof = true;
    std::cout << "\n";
    return;
  }
  g_session->FeedLine(line);
  std::free(line);
  rl_set_prompt(CurrentPrompt());
}

// Readline keeps calling this while it returns a candidate; state 0 starts a new word.
char* NextCandidate(const char* text, int state) {
  static std::vector<std::string> candidates;
  static std::size_t next = 0;
  if (state == 0) {
    const std::size_t start = static_cast<std::size_t>(rl_point) - std::strlen(text);
    candidates = CompletionCandidates(rl_line_buffer, start, text, g_session->in_statement(),
                                      g_session->vocabulary());
    next = 0;
  }
  return next < candidates.size() ? strdup(candidates[next++].c_str()) : nullptr;
}

char** Complete(const char* text, int /*start*/, int /*end*/) {
  rl_attempted_completion_over = 1;  // no file-name completion
  return rl_completion_matches(text, NextCandidate);
}

void ClearLineAfterInterrupt() {
  rl_free_line_state();
  rl_callback_sigcleanup();
  g_session->ClearPending();
  rl_replace_line("", 0);
  std::cout << "^C" << std::endl;
  rl_set_prompt(kPrompt);
  rl_on_new_line();
  rl_redisplay();
}

// Runs a statement with Ctrl-C wired to Interrupt and a spinner after a second.
Executed ExecuteWatched(Connection& c, const Statement& s, const Params& p) {
  DrainSigintPipe();
  QueryWatcher watcher(c, isatty(STDERR_FILENO) != 0);
  return ExecuteStatement(c, s, p);
}

void Loop(int sigint_fd) {
  while (!g_eof && !g_session->quit_requested()) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(STDIN_FILENO, &fds);
    FD_SET(sigint_fd, &fds);
    const int n = select(sigint_fd + 1, &fds, nullptr, nullptr, nullptr);
    if (n < 0 && errno != EINTR) break;
    if (DrainSigintPipe()) {
      ClearLineAfterInterrupt();
      continue;
    }
    if (n > 0 && FD_ISSET(STDIN_FILENO, &fds)) rl_callback_read_char();
  }
}

}  // namespace

int RunInteractiveShell(Connection& connection, const std::string& db_path) {
  ShellSession session(connection, std::cout, std::cerr, /*interactive=*/true);
  session.set_executor(ExecuteWatched);
  session.set_width_source(StdoutTerminalWidth);
  session.set_history_sink([](const std::string& entry) { add_history(entry.c_str()); });
  g_session = &session;
  g_eof = false;

  const std::string history = HistoryPath();
  // Timestamps delimit entries in the history file, so a statement typed over several
  // lines comes back as one entry.
  history_comment_char = '#';  // timestamp lines are written as comments
  history_write_timestamps = 1;
  history_multiline_entries = 1;
  using_history();
  stifle_history(kHistoryLength);
  read_history(history.c_str());
  rl_readline_name = "parley";
  rl_catch_signals = 0;  // SIGINT goes to our pipe, handled in Loop
  rl_attempted_completion_function = Complete;
  rl_basic_word_break_characters = const_cast<char*>(kWordBreakCharacters);
  const int sigint_fd = InstallSigintPipe();

  std::cout << "Parley shell on " << db_path << ". Statements end with `;`.\n"
            << "Try :examples for questions about the summit graph, :help for commands, "
               ":quit to leave.\n";
  rl_callback_handler_install(kPrompt, OnLine);
  Loop(sigint_fd);
  rl_callback_handler_remove();
  write_history(history.c_str());
  g_session = nullptr;
  return kExitOk;
}

int RunScriptedShell(Connection& connection) {
  ShellSession session(connection, std::cout, std::cerr, /*interactive=*/false);
  std::string line;
  while (!session.quit_requested() && std::getline(std::cin, line)) session.FeedLine(line);
  if (!session.quit_requested()) session.Finish();
  return session.all_succeeded() ? kExitOk : kExitError;
}

void AddShellCommand(CLI::App& app, std::function<int()>* run) {
  auto db_path = std::make_shared<std::string>(kDefaultDbPath);
  auto limits = std::make_shared<QueryLimitOptions>();
  CLI::App* cmd = app.add_subcommand("shell", "The interactive Cypher shell");
  cmd->add_option("--db", *db_path, "Database directory")->capture_default_str();
  AddQueryLimitOptions(*cmd, *limits);
  cmd->callback([db_path, limits, run] {
    *run = [db_path, limits] {
      try {
        std::unique_ptr<Database> db = OpenDatabase(*db_path);
        Connection connection(*db);
        ApplyQueryLimits(*limits, connection);
        return isatty(STDIN_FILENO) ? RunInteractiveShell(connection, *db_path)
                                    : RunScriptedShell(connection);
      } catch (const Error& e) {
        std::cerr << "error: " << ErrorKindName(e.kind()) << ": " << e.what() << "\n";
        return kExitError;
      }
    };
  });
}

}  // namespace parley::shell
