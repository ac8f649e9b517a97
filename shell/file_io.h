// Reading and writing the files the commands are given (`-f FILE`, `--out FILE`), with
// errors that name the file and the operating system's reason: a directory, a missing
// folder, a full disk or a denied permission is never an empty read or a silent failure.
#ifndef PARLEY_SHELL_FILE_IO_H_
#define PARLEY_SHELL_FILE_IO_H_

#include <string>
#include <string_view>

namespace parley::shell {

// The whole content of `path`. Throws parley::Error (ArgumentError)
// "cannot read PATH: <reason>" when it cannot be read ("Is a directory" for a directory).
std::string ReadFile(const std::string& path);

// Replaces the content of `path` (creating it) with `contents`. Throws parley::Error
// (ArgumentError) "cannot write PATH: <reason>" when it cannot; what was written before
// the failure stays.
void WriteFile(const std::string& path, std::string_view contents);

// Writes `contents` to standard output, after what std::cout holds. Throws parley::Error
// (ArgumentError) "cannot write standard output: <reason>".
void WriteStdout(std::string_view contents);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FILE_IO_H_
