// The umbrella header of Parley's embedding API.
//
//   parley::Database db("graph.db");
//   parley::Connection conn(db);
//   parley::Result r = conn.Execute("MATCH (l:Leader) RETURN l.name AS name");
//   for (const auto& row : r.rows()) std::cout << row[0].as_string() << "\n";
#ifndef PARLEY_PARLEY_H_
#define PARLEY_PARLEY_H_

#include "parley/connection.h"
#include "parley/database.h"
#include "parley/error.h"
#include "parley/prepared_statement.h"
#include "parley/result.h"
#include "parley/result_stream.h"
#include "parley/transaction.h"
#include "parley/value.h"

#endif  // PARLEY_PARLEY_H_
