#include <fmt/format.h>

#include "engine/main/database_impl.h"
#include "parley/error.h"

namespace parley {

Database::Impl::Impl(std::string path, DatabaseOptions options)
    : path_(std::move(path)), options_(options) {
  storage::StoreOptions store_options;
  store_options.create_if_missing = options_.create_if_missing;
  store_options.read_only = options_.read_only;
  store_options.in_memory = options_.in_memory;
  store_ = storage::GraphStore::Open(path_, store_options);
}

void Database::Impl::AddProcedure(TableProcedure procedure) {
  std::lock_guard<std::mutex> lock(procedures_mutex_);
  std::string name = procedure.name;
  if (procedures_.count(name)) {
    throw Error(ErrorKind::kProcedureError, "ProcedureAlreadyExists",
                fmt::format("a procedure named `{}` is already registered", name));
  }
  procedures_.emplace(std::move(name), std::move(procedure));
}

const TableProcedure* Database::Impl::FindProcedure(const std::string& name) const {
  std::lock_guard<std::mutex> lock(procedures_mutex_);
  auto it = procedures_.find(name);
  return it == procedures_.end() ? nullptr : &it->second;
}

std::vector<const TableProcedure*> Database::Impl::AllProcedures() const {
  std::lock_guard<std::mutex> lock(procedures_mutex_);
  std::vector<const TableProcedure*> out;
  for (const auto& [name, p] : procedures_) out.push_back(&p);
  return out;
}

Database::Database(const std::string& path, const DatabaseOptions& options)
    : impl_(std::make_unique<Impl>(path, options)) {}

Database::~Database() = default;

const std::string& Database::path() const { return impl_->path(); }
const DatabaseOptions& Database::options() const { return impl_->options(); }

void Database::Repair(const std::string& path) { storage::GraphStore::Repair(path); }

void Database::RegisterProcedure(TableProcedure procedure) {
  impl_->AddProcedure(std::move(procedure));
}

}  // namespace parley
