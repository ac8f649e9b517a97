// parley::PreparedStatement: one statement, parsed once, run many times with different
// parameters.
//
//   parley::PreparedStatement met = conn.Prepare(
//       "MATCH (l:Leader {name: $name})-[:MET_AT]->(s) RETURN s.name AS summit");
//   for (const char* name : {"Vladimir Putin", "George W. Bush"})
//     parley::Result r = met.Execute({{"name", name}});
//
// The text is parsed by Prepare. The first run binds and plans it; later runs reuse that
// plan with their own parameter values, which are read when the statement runs. It is
// bound and planned again only when a parameter it reads has a value of another type
// than before (e.g. an integer where a string was) or the database's indexes have
// changed since; a statement whose standalone CALL takes its arguments from parameters
// is planned at each run (the values are part of its plan). A plan, once made, is kept
// while the data grows; prepare the statement again to have it planned for the new data.
//
// Threading and lifetime: a PreparedStatement belongs to the Connection that made it and
// runs on it, so it has the Connection's rules (one thread at a time) and must not
// outlive it. Runs are atomic exactly as Connection::Execute's are, and take part in the
// Connection's explicit transaction when one is open.
#ifndef PARLEY_PREPARED_STATEMENT_H_
#define PARLEY_PREPARED_STATEMENT_H_

#include <cstdint>
#include <memory>
#include <string>

#include "parley/result.h"
#include "parley/result_stream.h"
#include "parley/value.h"

namespace parley {

class RowSink;
using Params = Map;  // parameter name (without `$`) -> value

class PreparedStatement {
 public:
  PreparedStatement(PreparedStatement&&) noexcept;
  PreparedStatement& operator=(PreparedStatement&&) noexcept;
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;
  ~PreparedStatement();

  // As Connection::Execute with this statement's text, without parsing it again. Throws
  // parley::Error (ParameterMissing when a parameter it reads is not in `params`).
  Result Execute(const Params& params = {});
  Result Execute(const Params& params, RowSink& sink);
  // As Connection::Stream with this statement's text.
  ResultStream Stream(const Params& params = {});

  const std::string& query() const;
  // How many times the statement has been bound and planned so far (see the file
  // comment): for tests and for tuning.
  std::uint64_t plans_made() const;

  class Impl;  // for the engine's own components only
  explicit PreparedStatement(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_PREPARED_STATEMENT_H_
