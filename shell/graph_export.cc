#include "shell/graph_export.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "parley/error.h"

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
  int in[2];
  if (pipe(in) != 0) RenderFailed(std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, in[1]);
  const std::string type = "-T" + format;
  const std::string out = "-o" + out_path;
  char* argv[] = {const_cast<char*>("dot"), const_cast<char*>(type.c_str()),
                  const_cast<char*>(out.c_str()), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  if (rc != 0) {
    close(in[1]);
    RenderFailed(fmt::format("cannot run dot ({}); is Graphviz installed?", std::strerror(rc)));
  }
  // dot reads everything before writing, so one blocking write cannot deadlock.
  std::size_t written = 0;
  while (written < dot_text.size()) {
    ssize_t n = write(in[1], dot_text.data() + written, dot_text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(in[1]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    RenderFailed(fmt::format("dot exited with status {}", WEXITSTATUS(status)));
  }
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
  std::ofstream out(path, std::ios::binary);
  out << WriteGraph(graph, *format);
  if (!out) {
    throw Error(ErrorKind::kArgumentError, "",
                fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
}

}  // namespace parley::shell
