// The public entry point: parley::ImportCsv on a Database.
#include "engine/import/importer.h"
#include "engine/main/database_impl.h"

namespace parley {

ImportReport ImportCsv(Database& db, const ImportOptions& options) {
  return import::ImportCsv(db.impl().store(), options);
}

}  // namespace parley
