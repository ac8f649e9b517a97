// The C API's databases, connections, parameters, prepared statements and results.
#include <cstring>

#include "engine/capi/handles.h"

using parley::capi::Guarded;
using parley::capi::Require;

namespace {

parley_result* NewResult(parley::ResultStream stream) {
  auto* r = new parley_result;
  r->stream = std::move(stream);
  return r;
}

parley_status SetParam(parley_params* params, const char* name, parley::Value value) {
  return Guarded([&] {
    Require(params, "params");
    Require(name, "the parameter name");
    params->values[name] = std::move(value);
  });
}

}  // namespace

extern "C" {

const char* parley_version(void) { return PARLEY_VERSION; }

parley_database_options parley_database_default_options(void) {
  parley::DatabaseOptions d;
  return parley_database_options{d.create_if_missing, d.read_only, d.in_memory,
                                 d.query_memory_limit, d.query_timeout_ms};
}

parley_status parley_database_open(const char* path, const parley_database_options* options,
                                   parley_database** out) {
  return Guarded([&] {
    Require(path, "path");
    Require(out, "out");
    parley::DatabaseOptions o;
    if (options != nullptr) {
      o.create_if_missing = options->create_if_missing != 0;
      o.read_only = options->read_only != 0;
      o.in_memory = options->in_memory != 0;
      o.query_memory_limit = options->query_memory_limit;
      o.query_timeout_ms = options->query_timeout_ms;
    }
    auto db = std::make_unique<parley::Database>(path, o);
    *out = new parley_database{std::move(db)};
  });
}

void parley_database_close(parley_database* db) { delete db; }

parley_status parley_connection_open(parley_database* db, parley_connection** out) {
  return Guarded([&] {
    Require(db, "db");
    Require(out, "out");
    *out = new parley_connection{std::make_unique<parley::Connection>(*db->db)};
  });
}

void parley_connection_close(parley_connection* conn) { delete conn; }

void parley_connection_interrupt(parley_connection* conn) {
  if (conn != nullptr) conn->conn->Interrupt();
}

parley_status parley_connection_set_timeout_ms(parley_connection* conn, uint64_t ms) {
  return Guarded([&] {
    Require(conn, "conn");
    conn->conn->set_query_timeout_ms(ms);
  });
}

parley_status parley_connection_set_memory_limit(parley_connection* conn, uint64_t bytes) {
  return Guarded([&] {
    Require(conn, "conn");
    conn->conn->set_query_memory_limit(bytes);
  });
}

parley_status parley_connection_begin(parley_connection* conn) {
  return Guarded([&] {
    Require(conn, "conn");
    conn->conn->Begin();
  });
}

parley_status parley_connection_commit(parley_connection* conn) {
  return Guarded([&] {
    Require(conn, "conn");
    conn->conn->Commit();
  });
}

parley_status parley_connection_rollback(parley_connection* conn) {
  return Guarded([&] {
    Require(conn, "conn");
    conn->conn->Rollback();
  });
}

parley_params* parley_params_create(void) { return new parley_params; }
void parley_params_destroy(parley_params* params) { delete params; }

parley_status parley_params_set_null(parley_params* params, const char* name) {
  return SetParam(params, name, parley::Value());
}
parley_status parley_params_set_bool(parley_params* params, const char* name, int value) {
  return SetParam(params, name, parley::Value(value != 0));
}
parley_status parley_params_set_int(parley_params* params, const char* name, int64_t value) {
  return SetParam(params, name, parley::Value(static_cast<std::int64_t>(value)));
}
parley_status parley_params_set_double(parley_params* params, const char* name, double value) {
  return SetParam(params, name, parley::Value(value));
}
parley_status parley_params_set_string(parley_params* params, const char* name,
                                       const char* value) {
  if (value == nullptr) return SetParam(params, name, parley::Value());
  return SetParam(params, name, parley::Value(std::string(value)));
}
parley_status parley_params_set_value(parley_params* params, const char* name,
                                      const parley_value* value) {
  if (value == nullptr) return SetParam(params, name, parley::Value());
  return SetParam(params, name, parley::capi::AsCpp(value));
}

parley_status parley_connection_execute(parley_connection* conn, const char* query,
                                        const parley_params* params, parley_result** out) {
  return Guarded([&] {
    Require(conn, "conn");
    Require(query, "query");
    Require(out, "out");
    static const parley::Params kNone;
    *out = NewResult(conn->conn->Stream(query, params != nullptr ? params->values : kNone));
  });
}

parley_status parley_connection_prepare(parley_connection* conn, const char* query,
                                        parley_prepared** out) {
  return Guarded([&] {
    Require(conn, "conn");
    Require(query, "query");
    Require(out, "out");
    *out = new parley_prepared{conn->conn->Prepare(query), {}};
  });
}

void parley_prepared_destroy(parley_prepared* stmt) { delete stmt; }

parley_params* parley_prepared_params(parley_prepared* stmt) {
  return stmt != nullptr ? &stmt->params : nullptr;
}
parley_status parley_prepared_bind_null(parley_prepared* stmt, const char* name) {
  return parley_params_set_null(parley_prepared_params(stmt), name);
}
parley_status parley_prepared_bind_bool(parley_prepared* stmt, const char* name, int value) {
  return parley_params_set_bool(parley_prepared_params(stmt), name, value);
}
parley_status parley_prepared_bind_int(parley_prepared* stmt, const char* name,
                                       int64_t value) {
  return parley_params_set_int(parley_prepared_params(stmt), name, value);
}
parley_status parley_prepared_bind_double(parley_prepared* stmt, const char* name,
                                          double value) {
  return parley_params_set_double(parley_prepared_params(stmt), name, value);
}
parley_status parley_prepared_bind_string(parley_prepared* stmt, const char* name,
                                          const char* value) {
  return parley_params_set_string(parley_prepared_params(stmt), name, value);
}
void parley_prepared_clear_bindings(parley_prepared* stmt) {
  if (stmt != nullptr) stmt->params.values.clear();
}

parley_status parley_prepared_execute(parley_prepared* stmt, parley_result** out) {
  return Guarded([&] {
    Require(stmt, "stmt");
    Require(out, "out");
    *out = NewResult(stmt->stmt.Stream(stmt->params.values));
  });
}

void parley_result_destroy(parley_result* result) { delete result; }

parley_status parley_result_column_count(parley_result* result, size_t* out) {
  return Guarded([&] {
    Require(result, "result");
    Require(out, "out");
    *out = result->stream.columns().size();
  });
}

parley_status parley_result_column_name(parley_result* result, size_t index,
                                        const char** out) {
  return Guarded([&] {
    Require(result, "result");
    Require(out, "out");
    const std::vector<std::string>& columns = result->stream.columns();
    if (index >= columns.size()) {
      throw parley::Error(parley::ErrorKind::kArgumentError, "",
                          "column " + std::to_string(index) + " is past the last of " +
                              std::to_string(columns.size()));
    }
    *out = columns[index].c_str();
  });
}

parley_status parley_result_next(parley_result* result, int* has_row) {
  return Guarded([&] {
    Require(result, "result");
    Require(has_row, "has_row");
    result->handed_out.clear();
    result->made.clear();
    result->has_row = false;
    try {
      result->has_row = result->stream.Next(&result->row);
    } catch (...) {
      result->stream.Close();  // the connection is free again
      throw;
    }
    if (!result->has_row) result->stream.Close();
    *has_row = result->has_row ? 1 : 0;
  });
}

parley_status parley_result_value(parley_result* result, size_t index,
                                  const parley_value** out) {
  return Guarded([&] {
    Require(result, "result");
    Require(out, "out");
    if (!result->has_row) {
      throw parley::Error(parley::ErrorKind::kArgumentError, "",
                          "there is no current row (call parley_result_next first)");
    }
    if (index >= result->row.size()) {
      throw parley::Error(parley::ErrorKind::kArgumentError, "",
                          "column " + std::to_string(index) + " is past the last of " +
                              std::to_string(result->row.size()));
    }
    *out = parley::capi::Hand(result, result->row[index]);
  });
}

parley_status parley_result_stats(parley_result* result, parley_stats* out) {
  return Guarded([&] {
    Require(result, "result");
    Require(out, "out");
    const parley::QueryStats& s = result->stream.stats();
    *out = parley_stats{s.nodes_created,  s.nodes_deleted,  s.relationships_created,
                        s.relationships_deleted, s.properties_set, s.labels_added,
                        s.labels_removed, s.properties_removed};
  });
}

}  // extern "C"
