// The CSV importer on a GraphStore (public entry: include/parley/import.h).
//
// One pass per file: node files first, building the id -> NodeId map per id space, then
// relationship files, resolving their ends through it. Rows go straight to a
// storage::BulkWriter, which buffers them and makes the whole load visible and durable
// at once at the end (or drops it when the import fails), so no transaction per row is
// needed and a failed import leaves nothing behind.
#ifndef PARLEY_ENGINE_IMPORT_IMPORTER_H_
#define PARLEY_ENGINE_IMPORT_IMPORTER_H_

#include "engine/storage/graph_store.h"
#include "parley/import.h"

namespace parley::import {

// As parley::ImportCsv, on a store.
ImportReport ImportCsv(storage::GraphStore& store, const ImportOptions& options);

}  // namespace parley::import

#endif  // PARLEY_ENGINE_IMPORT_IMPORTER_H_
