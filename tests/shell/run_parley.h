// Runs the built `parley` binary for end-to-end tests: arguments, standard input and
// environment in; exit status, standard output and standard error out.
#ifndef PARLEY_TESTS_SHELL_RUN_PARLEY_H_
#define PARLEY_TESTS_SHELL_RUN_PARLEY_H_

#include <map>
#include <string>
#include <vector>

namespace parley::shell::testing {

struct RunResult {
  int exit_status = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs PARLEY_EXE with `args`, feeding `input` on stdin; `env` entries are added to the
// environment. Blocks until it exits. With `interrupt_after_ms` >= 0 it is sent SIGINT
// (as by Ctrl-C) that long after it starts.
RunResult RunParley(const std::vector<std::string>& args, const std::string& input = "",
                    const std::map<std::string, std::string>& env = {},
                    int interrupt_after_ms = -1);

// A fresh directory under the test temp dir, for databases and files.
std::string FreshDir(const std::string& name);

std::string ReadWholeFile(const std::string& path);
void WriteWholeFile(const std::string& path, const std::string& text);

// Why the engine cannot run `RETURN 1`, or "" when it can: end-to-end tests skip (saying
// why) only in that case.
std::string EngineUnavailableReason();

}  // namespace parley::shell::testing

#endif  // PARLEY_TESTS_SHELL_RUN_PARLEY_H_
