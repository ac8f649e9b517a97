#include "tests/shell/run_parley.h"

#include <csignal>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace parley::shell::testing {

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteWholeFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string FreshDir(const std::string& name) {
  static std::atomic<int> counter{0};
  std::string dir = ::testing::TempDir() + "/parley_shell_" + std::to_string(getpid()) + "_" +
                    std::to_string(counter++) + "_" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

RunResult RunParley(const std::vector<std::string>& args, const std::string& input,
                    const std::map<std::string, std::string>& env, int interrupt_after_ms) {
  // Files rather than pipes: no deadlock however much the child writes.
  const std::string dir = FreshDir("io");
  const std::string in = dir + "/in", out = dir + "/out", err = dir + "/err";
  WriteWholeFile(in, input);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_s = {PARLEY_EXE};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    if (!env.count(entry.substr(0, entry.find('=')))) env_s.push_back(entry);
  }
  for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  RunResult r;
  if (posix_spawn(&pid, PARLEY_EXE, &actions, nullptr, argv.data(), envp.data()) == 0) {
    int status = 0;
    if (interrupt_after_ms >= 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(interrupt_after_ms));
      kill(pid, SIGINT);
    }
    waitpid(pid, &status, 0);
    r.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  r.out = ReadWholeFile(out);
  r.err = ReadWholeFile(err);
  std::filesystem::remove_all(dir);
  return r;
}

std::string EngineUnavailableReason() {
  static const std::string reason = [] {
    const std::string db = FreshDir("probe") + "/db";
    RunResult r = RunParley({"query", "--db", db, "--format", "json", "RETURN 1 AS x"});
    if (r.exit_status == 0 && r.out.find("[[1]]") != std::string::npos) return std::string();
    return "the engine cannot run `RETURN 1` yet (exit " + std::to_string(r.exit_status) +
           "): " + r.err;
  }();
  return reason;
}

}  // namespace parley::shell::testing
