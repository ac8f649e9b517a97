// RFC 4180 CSV output of `--format csv`: a header of column names, then one record per
// row, CRLF line ends. Strings are written as they are, null as an empty field, other
// values in their Cypher literal form (Value::ToString); fields holding a comma, a quote
// or a line break are quoted, quotes doubled.
#ifndef PARLEY_SHELL_FORMAT_CSV_WRITER_H_
#define PARLEY_SHELL_FORMAT_CSV_WRITER_H_

#include <string>
#include <string_view>

#include "parley/result.h"

namespace parley::shell {

std::string ResultToCsv(const Result& result);

// One field, quoted when it needs to be.
std::string CsvField(std::string_view text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_FORMAT_CSV_WRITER_H_
