#include "shell/file_io.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "parley/error.h"

namespace parley::shell {
namespace {

[[noreturn]] void ThrowFileError(std::string_view doing, std::string_view what, int error) {
  throw Error(ErrorKind::kArgumentError, "",
              fmt::format("cannot {} {}: {}", doing, what, std::strerror(error)));
}

// Writes all of `contents` to `fd`; false with errno set when a write fails.
bool WriteAll(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    contents.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

// read(2) and write(2) rather than streams: a stream reads a directory as empty and
// loses errno, and so the reason, on the way.
std::string ReadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) ThrowFileError("read", path, errno);
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      ThrowFileError("read", path, error);
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

void WriteFile(const std::string& path, std::string_view contents) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) ThrowFileError("write", path, errno);
  if (!WriteAll(fd, contents)) {
    const int error = errno;
    ::close(fd);
    ThrowFileError("write", path, error);
  }
  // close(2) is where a file system such as NFS reports a write it could not make.
  if (::close(fd) != 0 && errno != EINTR) ThrowFileError("write", path, errno);
}

void WriteStdout(std::string_view contents) {
  std::cout.flush();
  if (!WriteAll(STDOUT_FILENO, contents)) ThrowFileError("write", "standard output", errno);
}

}  // namespace parley::shell
