// Watches a running statement from a second thread: turns Ctrl-C into
// Connection::Interrupt and, on a terminal, shows a spinner with the elapsed time and the
// progress the statement reports (Connection::progress) once it has run for a second.
//
// The SIGINT handler only writes a byte to a pipe (async-signal-safe); the watcher thread
// reads it and calls Interrupt, which is thread-safe.
#ifndef PARLEY_SHELL_QUERY_WATCHER_H_
#define PARLEY_SHELL_QUERY_WATCHER_H_

#include <atomic>
#include <thread>

#include "parley/connection.h"

namespace parley::shell {

// Installs (once per process) a SIGINT handler that writes to a pipe and returns the read
// end; non-blocking. SA_RESTART is not set, so a blocking read or select returns EINTR.
int InstallSigintPipe();
// Reads and discards every pending byte of the pipe; true when there was one.
bool DrainSigintPipe();

class QueryWatcher {
 public:
  // Starts watching. REQUIRES: `connection` outlives the watcher; InstallSigintPipe was
  // called. `spinner`: draw the progress spinner on stderr.
  QueryWatcher(Connection& connection, bool spinner);
  ~QueryWatcher();  // stops the thread and erases the spinner
  QueryWatcher(const QueryWatcher&) = delete;
  QueryWatcher& operator=(const QueryWatcher&) = delete;

  bool interrupted() const { return interrupted_; }

 private:
  void Run();

  Connection& connection_;
  const bool spinner_;
  int stop_pipe_[2] = {-1, -1};
  std::atomic<bool> interrupted_{false};
  std::thread thread_;
};

}  // namespace parley::shell

#endif  // PARLEY_SHELL_QUERY_WATCHER_H_
