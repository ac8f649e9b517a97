#include "parley/prepared_statement.h"

#include "engine/main/prepared_statement_impl.h"

namespace parley {

PreparedStatement::PreparedStatement(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedStatement::PreparedStatement(PreparedStatement&&) noexcept = default;
PreparedStatement& PreparedStatement::operator=(PreparedStatement&&) noexcept = default;
PreparedStatement::~PreparedStatement() = default;

Result PreparedStatement::Execute(const Params& params) {
  return impl_->conn().Run(*impl_->statement(), params, nullptr, true);
}

Result PreparedStatement::Execute(const Params& params, RowSink& sink) {
  return impl_->conn().Run(*impl_->statement(), params, &sink, true);
}

ResultStream PreparedStatement::Stream(const Params& params) {
  impl_->conn().CheckIdle();
  return impl_->conn().Stream(impl_->statement(), params, true);
}

const std::string& PreparedStatement::query() const { return impl_->statement()->text; }

std::uint64_t PreparedStatement::plans_made() const {
  return impl_->statement()->cache.plans_made;
}

}  // namespace parley
