// Database::Impl: what an open Database holds. Engine components reach the store and the
// registered procedures through it; embedders never see this header.
#ifndef PARLEY_ENGINE_MAIN_DATABASE_IMPL_H_
#define PARLEY_ENGINE_MAIN_DATABASE_IMPL_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/storage/graph_store.h"
#include "parley/database.h"

namespace parley {

class Database::Impl {
 public:
  Impl(std::string path, DatabaseOptions options);

  storage::GraphStore& store() { return *store_; }
  const std::string& path() const { return path_; }
  const DatabaseOptions& options() const { return options_; }

  // Fixed-table procedures registered by the embedder (RegisterProcedure). Thread-safe.
  void AddProcedure(TableProcedure procedure);
  // nullptr when none has that name (compared case-sensitively, as Neo4j does).
  const TableProcedure* FindProcedure(const std::string& name) const;
  // Every registered procedure, by name. The pointers stay valid while the Database lives
  // (procedures are never removed).
  std::vector<const TableProcedure*> AllProcedures() const;

 private:
  std::string path_;
  DatabaseOptions options_;
  std::unique_ptr<storage::GraphStore> store_;
  mutable std::mutex procedures_mutex_;
  std::map<std::string, TableProcedure> procedures_;
};

}  // namespace parley

#endif  // PARLEY_ENGINE_MAIN_DATABASE_IMPL_H_
