// PreparedStatement::Impl: a parsed statement and the Connection it runs on.
#ifndef PARLEY_ENGINE_MAIN_PREPARED_STATEMENT_IMPL_H_
#define PARLEY_ENGINE_MAIN_PREPARED_STATEMENT_IMPL_H_

#include <memory>

#include "engine/main/connection_impl.h"
#include "parley/prepared_statement.h"

namespace parley {

class PreparedStatement::Impl {
 public:
  // REQUIRES: `conn` outlives this.
  Impl(Connection::Impl& conn, std::shared_ptr<ParsedStatement> statement)
      : conn_(conn), statement_(std::move(statement)) {}

  Connection::Impl& conn() { return conn_; }
  // Shared with the streams it starts, which may run it after this is gone.
  const std::shared_ptr<ParsedStatement>& statement() { return statement_; }

 private:
  Connection::Impl& conn_;
  std::shared_ptr<ParsedStatement> statement_;
};

}  // namespace parley

#endif  // PARLEY_ENGINE_MAIN_PREPARED_STATEMENT_IMPL_H_
