// parley::ImportCsv: bulk loading in the CSV format of `neo4j-admin database import`.
//
//   parley::ImportOptions options;
//   options.nodes.push_back({"people.csv", {"Person"}});
//   options.relationships.push_back({"knows.csv", "KNOWS"});
//   parley::ImportReport report = parley::ImportCsv(db, options);
//
// Node files: a header row such as `personId:ID,name,age:INT,tags:STRING[],:LABEL`.
// The ID column (optionally `:ID(Group)`, an id space) identifies the node for the
// relationship files and is also stored as a property under its name (`personId`) unless
// unnamed; a string, or an integer with IdType::kInteger. Labels come from the file's
// `labels` and/or a `:LABEL` column (`;`-separated).
// Relationship files: `:START_ID,:END_ID,since:INT,:TYPE` (START_ID/END_ID may name an id
// space as `:START_ID(Group)`); the type comes from the file's `type` or a `:TYPE` column.
// Column types: INT/LONG/SHORT/BYTE, FLOAT/DOUBLE, BOOLEAN, STRING/CHAR (the default), each
// also as an array `TYPE[]` whose elements are `;`-separated. `:IGNORE` skips a column.
// Fields follow RFC 4180: quoted with `"`, `""` inside quotes is one quote, quoted fields
// may span lines. An empty unquoted field sets no property; `""` is the empty string.
//
// Text must be UTF-8. A header that is not, or that names a stored column twice
// (`name,name`, `name:ID,name`) or has two :TYPE columns, is refused.
// Every label given to the nodes of a file with a named ID column gets a uniqueness
// constraint on that property (as a primary key), named constraint_<Label>_<key>, with its
// index built in the same load, unless the store has one already; so lookups by imported id
// are index seeks. The store's uniqueness constraints, new or not, hold for every row.
// A bad row (unparsable value, text that is not UTF-8 in a column that is not :IGNORE,
// wrong number of fields, duplicate id within its id space, a value that a uniqueness
// constraint of one of the node's labels already has from an earlier row or an existing
// node, relationship end not among the imported nodes, missing type) is an Error naming
// the file, line and reason, and nothing of the import is kept; with skip_bad_rows the
// rest is loaded and the bad rows are listed in the report. Existing nodes of a label that
// already repeat a value of the new constraint's property make the import fail. The load
// is atomic: other readers see all of it or none.
#ifndef PARLEY_IMPORT_H_
#define PARLEY_IMPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parley/database.h"

namespace parley {

enum class IdType : std::uint8_t { kString, kInteger };

struct NodeFile {
  std::string path;
  std::vector<std::string> labels;  // added to every node of the file
};

struct RelFile {
  std::string path;
  std::string type;  // empty: every row names its type in a :TYPE column
};

struct ImportProgress {
  std::uint64_t rows_done = 0;   // data rows read so far, over all files
  std::uint64_t bytes_done = 0;  // bytes read so far, over all files
  std::uint64_t bytes_total = 0;
};

struct SkippedRow {
  std::string file;
  std::uint64_t line = 0;  // 1-based line where the row starts
  std::string reason;
};

struct ImportReport {
  std::uint64_t nodes_imported = 0;
  std::uint64_t relationships_imported = 0;
  std::vector<SkippedRow> skipped;  // only with skip_bad_rows
};

struct ImportOptions {
  std::vector<NodeFile> nodes;
  std::vector<RelFile> relationships;
  bool skip_bad_rows = false;
  IdType id_type = IdType::kString;
  char delimiter = ',';
  // Called from the importing thread now and then, and once at the end.
  std::function<void(const ImportProgress&)> progress;
};

// Loads the files into `db`. Throws Error(kRuntimeError, "ImportError", "FILE:LINE: reason")
// for a bad row (unless skip_bad_rows) or an unusable header, Error(kRuntimeError,
// "ImportError", ...) for a label or type in `options` that is not UTF-8 or a delimiter
// that is not ASCII (or is `"` or a line break), and
// Error(kRuntimeError, "ImportError", ...) naming the file when one cannot be read.
// Waits for, and then excludes, write transactions on `db` while it runs.
ImportReport ImportCsv(Database& db, const ImportOptions& options);

}  // namespace parley

#endif  // PARLEY_IMPORT_H_
