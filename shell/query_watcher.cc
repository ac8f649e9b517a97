#include "shell/query_watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>

namespace parley::shell {
namespace {

int g_sigint_pipe[2] = {-1, -1};

void OnSigint(int) {
  const int saved = errno;
  const char c = 'i';
  [[maybe_unused]] ssize_t n = write(g_sigint_pipe[1], &c, 1);
  errno = saved;
}

void SetNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

int InstallSigintPipe() {
  if (g_sigint_pipe[0] >= 0) return g_sigint_pipe[0];
  if (pipe(g_sigint_pipe) != 0) return -1;
  for (int fd : g_sigint_pipe) {
    SetNonBlocking(fd);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  struct sigaction sa {};
  sa.sa_handler = OnSigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
  return g_sigint_pipe[0];
}

bool DrainSigintPipe() {
  bool any = false;
  char buf[64];
  while (g_sigint_pipe[0] >= 0 && read(g_sigint_pipe[0], buf, sizeof buf) > 0) any = true;
  return any;
}

QueryWatcher::QueryWatcher(Connection& connection, bool spinner)
    : connection_(connection), spinner_(spinner) {
  if (pipe(stop_pipe_) != 0) stop_pipe_[0] = stop_pipe_[1] = -1;
  thread_ = std::thread([this] { Run(); });
}

QueryWatcher::~QueryWatcher() {
  const char c = 's';
  if (stop_pipe_[1] >= 0) [[maybe_unused]]
    ssize_t n = write(stop_pipe_[1], &c, 1);
  thread_.join();
  for (int fd : stop_pipe_) {
    if (fd >= 0) close(fd);
  }
}

void QueryWatcher::Run() {
  static constexpr const char* kFrames[] = {"|", "/", "-", "\\"};
  const auto start = std::chrono::steady_clock::now();
  bool drawn = false;
  for (int frame = 0;; ++frame) {
    pollfd fds[2] = {{g_sigint_pipe[0], POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    const int n = poll(fds, 2, 100);
    if (n > 0 && (fds[1].revents & POLLIN)) break;
    if (n > 0 && (fds[0].revents & POLLIN) && DrainSigintPipe()) {
      interrupted_ = true;
      connection_.Interrupt();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (spinner_ && seconds >= 1.0) {
      // What the statement reports of itself, e.g. "algo.pageRank iterations 7/20".
      std::string detail;
      if (std::optional<StatementProgress> p = connection_.progress()) {
        detail = "  " + p->task + " " + std::to_string(p->done);
        if (p->total != 0) detail += "/" + std::to_string(p->total);
      }
      std::fprintf(stderr, "\r\033[K%s running %.1f s%s%s", kFrames[frame % 4], seconds,
                   detail.c_str(), interrupted_ ? " (cancelling)" : "");
      std::fflush(stderr);
      drawn = true;
    }
  }
  if (drawn) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  }
}

}  // namespace parley::shell
