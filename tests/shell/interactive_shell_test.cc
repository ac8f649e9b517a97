// End to end: `parley shell` on a pseudo-terminal, typed at as a person would.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "tests/shell/run_parley.h"

namespace parley::shell::testing {
namespace {

using std::chrono::steady_clock;

// A `parley shell` child on a pty, with HOME pointing at a fresh directory.
class PtyShell {
 public:
  PtyShell(const std::string& db, const std::string& home) {
    winsize ws{};
    ws.ws_row = 40;
    ws.ws_col = 120;
    pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      setenv("HOME", home.c_str(), 1);
      setenv("TERM", "xterm", 1);
      execl(PARLEY_EXE, PARLEY_EXE, "shell", "--db", db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~PtyShell() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }

  bool started() const { return pid_ > 0; }

  void Type(const std::string& keys) {
    [[maybe_unused]] ssize_t n = write(fd_, keys.data(), keys.size());
  }

  // Reads until `text` appears in what was read since the last successful wait.
  bool WaitFor(const std::string& text, double seconds = 20) {
    const auto deadline = steady_clock::now() + std::chrono::duration<double>(seconds);
    while (true) {
      std::size_t at = seen_.find(text, consumed_);
      if (at != std::string::npos) {
        consumed_ = at + text.size();
        return true;
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[4096];
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return false;
      seen_.append(buf, static_cast<std::size_t>(n));
    }
  }

  // Waits for the child to exit; its exit status, or -1.
  int WaitExit(double seconds = 10) {
    const auto deadline = steady_clock::now() + std::chrono::duration<double>(seconds);
    while (steady_clock::now() < deadline) {
      int status = 0;
      char buf[4096];
      pollfd p{fd_, POLLIN, 0};
      while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {  // drain without blocking
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) break;
        seen_.append(buf, static_cast<std::size_t>(n));
      }
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      usleep(20000);
    }
    return -1;
  }

  const std::string& transcript() const { return seen_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string seen_;
  std::size_t consumed_ = 0;
};

class InteractiveShellTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = EngineUnavailableReason(); !why.empty()) GTEST_SKIP() << why;
  }
  std::string dir_ = FreshDir("pty");
};

TEST_F(InteractiveShellTest, MultiLineStatementHistoryCompletionAndQuit) {
  PtyShell sh(dir_ + "/db", dir_);
  ASSERT_TRUE(sh.started());
  ASSERT_TRUE(sh.WaitFor(":examples")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type("RETURN 40 + 2\r");
  ASSERT_TRUE(sh.WaitFor("...> ")) << sh.transcript();  // continuation prompt
  sh.Type("  AS answer;\r");
  ASSERT_TRUE(sh.WaitFor("│ 42     │")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("1 row")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type("\x1b[A\r");  // up-arrow recalls the whole statement
  ASSERT_TRUE(sh.WaitFor("│ 42     │")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type(":he\t\r");  // completes to :help
  ASSERT_TRUE(sh.WaitFor("Commands:")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type("RETURN nope;\r");
  ASSERT_TRUE(sh.WaitFor("error: SyntaxError")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("  RETURN nope;\r\n         ^")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();  // still running
  sh.Type(":quit\r");
  EXPECT_EQ(sh.WaitExit(), 0) << sh.transcript();
  EXPECT_NE(ReadWholeFile(dir_ + "/.parley_history").find("AS answer;"), std::string::npos);

  // A second session recalls the multi-line statement from the history file as one entry.
  PtyShell again(dir_ + "/db", dir_);
  ASSERT_TRUE(again.WaitFor("parley> ")) << again.transcript();
  again.Type(":quit\r");  // history: ..., RETURN 40 + 2\n  AS answer;, ..., :quit
  EXPECT_EQ(again.WaitExit(), 0);
  PtyShell third(dir_ + "/db", dir_);
  ASSERT_TRUE(third.WaitFor("parley> ")) << third.transcript();
  third.Type(std::string(6, '\x10') + "\r");  // Ctrl-P six times: back to the statement
  ASSERT_TRUE(third.WaitFor("│ 42     │")) << third.transcript();
  third.Type(":quit\r");
  EXPECT_EQ(third.WaitExit(), 0);
}

TEST_F(InteractiveShellTest, CtrlCCancelsALongQueryAndClearsTheLine) {
  PtyShell sh(dir_ + "/db", dir_);
  ASSERT_TRUE(sh.started());
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  // 10^10 rows: long enough to be interrupted whatever the machine.
  sh.Type("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*);\r");
  ASSERT_TRUE(sh.WaitFor("running")) << sh.transcript();  // the spinner after a second
  sh.Type("\x03");
  ASSERT_TRUE(sh.WaitFor("error: RuntimeError", 15)) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type("RETURN 'half typed");
  // Wait for the echo, as a person would: a Ctrl-C that reaches the terminal before the
  // shell has read the keys typed ahead of it makes the terminal discard them.
  ASSERT_TRUE(sh.WaitFor("half typed")) << sh.transcript();
  sh.Type("\x03");  // at the prompt: clears the line
  ASSERT_TRUE(sh.WaitFor("^C")) << sh.transcript();
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type("RETURN 5 AS five;\r");
  ASSERT_TRUE(sh.WaitFor("│ 5    │")) << sh.transcript();
  // At the prompt: between two lines the terminal is in canonical mode, where an early
  // Ctrl-D is consumed as an empty read before the shell asks for the next line.
  ASSERT_TRUE(sh.WaitFor("parley> ")) << sh.transcript();
  sh.Type("\x04");  // Ctrl-D leaves
  EXPECT_EQ(sh.WaitExit(), 0) << sh.transcript();
}

}  // namespace
}  // namespace parley::shell::testing
