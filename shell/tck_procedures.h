// Fixed-table test procedures for the openCypher TCK (INTERFACES.md section 7): when the
// environment variable PARLEY_TCK_PROCEDURES names a JSON file, every procedure it
// describes is registered with the Database the command opens.
//
// File format (shared/tck/README.md, "Test procedures"):
//   {"procedures": [{"name": "test.my.proc", "signature": "...",
//                    "inputs": [{"name": "in", "type": "INTEGER?"}],
//                    "outputs": [{"name": "out", "type": "STRING?"}],
//                    "columns": ["in", "out"], "rows": [[null, "nix"]]}]}
// Cells use the JSON value encoding of `--param`.
#ifndef PARLEY_SHELL_TCK_PROCEDURES_H_
#define PARLEY_SHELL_TCK_PROCEDURES_H_

#include <string_view>
#include <vector>

#include "parley/database.h"

namespace parley::shell {

inline constexpr const char* kTckProceduresEnv = "PARLEY_TCK_PROCEDURES";

// Decodes the file's text. Rows are reordered to inputs first, then outputs, by the
// `columns` names. Throws parley::Error (ArgumentError) naming what is malformed.
std::vector<TableProcedure> ParseTableProcedures(std::string_view json_text);

}  // namespace parley::shell

#endif  // PARLEY_SHELL_TCK_PROCEDURES_H_
