// JSON Lines output of `--format json` (INTERFACES.md section 2): one object per result
// on stdout and one error object on stderr.
#ifndef PARLEY_SHELL_FORMAT_JSON_WRITER_H_
#define PARLEY_SHELL_FORMAT_JSON_WRITER_H_

#include <optional>
#include <string>

#include "parley/error.h"
#include "parley/result.h"

namespace parley::shell {

// {"columns":[…],"rows":[[…]…],"stats":{eight counters},"elapsed_ms":…} without a
// trailing newline. `elapsed_ms` is written only when given. A non-empty plan (EXPLAIN,
// PROFILE) is added as "plan".
std::string ResultToJsonLine(const Result& result, std::optional<double> elapsed_ms);

// The same line in three parts, for a result written while it is produced:
// JsonLineHead, then AppendJsonRow for each row (`first` for the first), then JsonLineTail.
std::string JsonLineHead(const std::vector<std::string>& columns);
void AppendJsonRow(const std::vector<Value>& row, bool first, std::string& out);
std::string JsonLineTail(const QueryStats& stats, std::optional<double> elapsed_ms,
                         const std::string& plan);

// {"error":{"kind":…,"detail":…,"message":…,"line":…,"column":…}} without a trailing
// newline. `detail` is left out when empty; line and column when `pos` is unknown.
std::string ErrorToJsonLine(const Error& error, SourcePos pos);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_JSON_WRITER_H_
