#include "shell/graph_export.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "parley/error.h"
#include "shell/file_io.h"

extern char** environ;

namespace parley::shell {
namespace {

std::string Extension(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "";
  }
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

[[noreturn]] void RenderFailed(const std::string& why) {
  throw Error(ErrorKind::kRuntimeError, "", "rendering with Graphviz dot failed: " + why);
}

// Runs `dot -T<format>` on `dot_text` and returns what it printed.
std::string RunDot(const std::string& dot_text, const std::string& format) {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) RenderFailed(std::strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0) {
    const int error = errno;
    close(in[0]);
    close(in[1]);
    RenderFailed(std::strerror(error));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  const std::string type = "-T" + format;
  char* argv[] = {const_cast<char*>("dot"), const_cast<char*>(type.c_str()), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    RenderFailed(fmt::format("cannot run dot ({}); is Graphviz installed?", std::strerror(rc)));
  }
  // Feed and drain at once, so that neither side waits on a full pipe.
  std::string drawing;
  std::string_view input = dot_text;
  pollfd fds[2] = {{in[1], POLLOUT, 0}, {out[0], POLLIN, 0}};
  if (input.empty()) close(std::exchange(fds[0].fd, -1));
  char buffer[1 << 16];
  while (fds[1].fd >= 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].fd >= 0 && fds[0].revents != 0) {
      const ssize_t n = (fds[0].revents & POLLOUT) ? write(in[1], input.data(), input.size()) : -1;
      if (n > 0) input.remove_prefix(static_cast<std::size_t>(n));
      if ((n < 0 && errno != EINTR && errno != EAGAIN) || input.empty()) {
        close(std::exchange(fds[0].fd, -1));  // done, or dot stopped reading
      }
    }
    if (fds[1].revents != 0) {
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n > 0) drawing.append(buffer, static_cast<std::size_t>(n));
      if (n == 0 || (n < 0 && errno != EINTR)) close(std::exchange(fds[1].fd, -1));
    }
  }
  if (fds[0].fd >= 0) close(fds[0].fd);
  if (fds[1].fd >= 0) close(fds[1].fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    RenderFailed(fmt::format("dot exited with status {}", WEXITSTATUS(status)));
  }
  return drawing;
}

}  // namespace

std::optional<std::string> RenderFormatFor(std::string_view path) {
  std::string ext = Extension(path);
  if (ext == "svg" || ext == "png" || ext == "pdf") return ext;
  return std::nullopt;
}

std::optional<GraphFormat> GraphFormatFor(std::string_view path) {
  std::string ext = Extension(path);
  if (ext == "dot" || ext == "gv") return GraphFormat::kDot;
  if (ext == "graphml" || ext == "xml") return GraphFormat::kGraphml;
  if (ext == "json") return GraphFormat::kJson;
  return std::nullopt;
}

void RenderDot(const std::string& dot_text, const std::string& format,
               const std::string& out_path) {
  // dot writes to a pipe, and the drawing reaches `out_path` through WriteFile: so a path
  // that cannot be written fails with the OS's reason, and a failed drawing leaves no file.
  WriteFile(out_path, RunDot(dot_text, format));
}

void ExportGraphToFile(const Subgraph& graph, const std::string& path) {
  if (std::optional<std::string> format = RenderFormatFor(path)) {
    RenderDot(WriteDot(graph), *format, path);
    return;
  }
  std::optional<GraphFormat> format = GraphFormatFor(path);
  if (!format) {
    throw Error(ErrorKind::kArgumentError, "",
                fmt::format("{}: unknown file type; use .dot, .graphml, .json, .svg, .png "
                            "or .pdf",
                            path));
  }
  WriteFile(path, WriteGraph(graph, *format));
}

}  // namespace parley::shell
