/* parley_c.h: Parley's C API, a stable C ABI over the engine for C programs and for
 * bindings from other languages.
 *
 *   parley_database* db;
 *   parley_connection* conn;
 *   parley_result* r;
 *   if (parley_database_open("graph.db", NULL, &db) != PARLEY_OK ||
 *       parley_connection_open(db, &conn) != PARLEY_OK ||
 *       parley_connection_execute(conn, "MATCH (l:Leader) RETURN l.name", NULL, &r)
 *           != PARLEY_OK) {
 *     const parley_error* e = parley_last_error();
 *     fprintf(stderr, "%s at %u:%u: %s\n", e->kind_name, e->line, e->column, e->message);
 *   }
 *   int has_row;
 *   while (parley_result_next(r, &has_row) == PARLEY_OK && has_row) { ... }
 *   parley_result_destroy(r);
 *
 * Conventions.
 * - Handles are opaque; each made by a function here is released by its _destroy or
 *   _close function (which accept NULL). A database must outlive its connections, a
 *   connection its results and prepared statements.
 * - A function that can fail returns parley_status: PARLEY_OK, or PARLEY_ERROR with the
 *   error's kind, detail, message and position available from parley_last_error() on
 *   the same thread. Out-parameters are written only on success. Passing NULL where a
 *   handle is required fails with PARLEY_ERROR (kind ARGUMENT_ERROR), never crashes.
 * - Strings are UTF-8 and NUL-terminated. Strings and values handed out are borrowed:
 *   they stay valid until the call named in each function's comment.
 * - Threading: a connection, and everything made from it, is used by one thread at a
 *   time (parley_connection_interrupt excepted); a database is shared by any number of
 *   connections on any threads. Concurrency otherwise is as parley/connection.h says.
 */
#ifndef PARLEY_PARLEY_C_H_
#define PARLEY_PARLEY_C_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct parley_database parley_database;
typedef struct parley_connection parley_connection;
typedef struct parley_result parley_result;
typedef struct parley_prepared parley_prepared;
typedef struct parley_params parley_params;
typedef struct parley_value parley_value;

typedef enum parley_status { PARLEY_OK = 0, PARLEY_ERROR = 1 } parley_status;

/* openCypher's error classes, as parley::ErrorKind. */
typedef enum parley_error_kind {
  PARLEY_SYNTAX_ERROR = 0,
  PARLEY_SEMANTIC_ERROR,
  PARLEY_TYPE_ERROR,
  PARLEY_ARGUMENT_ERROR,
  PARLEY_PARAMETER_MISSING,
  PARLEY_ENTITY_NOT_FOUND,
  PARLEY_CONSTRAINT_VERIFICATION_FAILED,
  PARLEY_PROCEDURE_ERROR,
  PARLEY_RUNTIME_ERROR
} parley_error_kind;

typedef struct parley_error {
  parley_error_kind kind;
  const char* kind_name; /* "SyntaxError", ... as INTERFACES.md prints them */
  const char* detail;    /* e.g. "UndefinedVariable", "QueryCancelled"; "" when none */
  const char* message;   /* what went wrong, in plain words */
  uint32_t line;         /* 1-based position in the query text; 0 when unknown */
  uint32_t column;       /* 1-based, in code points; 0 when unknown */
} parley_error;

/* The error of the latest call on this thread that returned PARLEY_ERROR (a RuntimeError
 * "no error" before any). Valid until the next failing call on this thread. */
const parley_error* parley_last_error(void);

/* The library's version, e.g. "0.1.0". Static storage. */
const char* parley_version(void);

/* --- Databases. */

typedef struct parley_database_options {
  int create_if_missing;       /* nonzero: create the directory's database when absent */
  int read_only;               /* nonzero: refuse statements that write */
  int in_memory;               /* nonzero: keep everything in memory; `path` is a name */
  uint64_t query_memory_limit; /* bytes of working memory per statement; 0: none */
  uint64_t query_timeout_ms;   /* per statement; 0: none */
} parley_database_options;

/* The defaults: create if missing, writable, on disk, 4 GiB, no timeout. */
parley_database_options parley_database_default_options(void);

/* Opens (or creates) the database in directory `path`; `options` may be NULL (the
 * defaults). Fails when the directory is no Parley database, is damaged, or is open in
 * another process (RuntimeError "DatabaseLocked"). */
parley_status parley_database_open(const char* path, const parley_database_options* options,
                                   parley_database** out);
/* REQUIRES: every connection of `db` is closed. */
void parley_database_close(parley_database* db);

/* --- Connections. */

parley_status parley_connection_open(parley_database* db, parley_connection** out);
/* REQUIRES: its results and prepared statements are destroyed. */
void parley_connection_close(parley_connection* conn);
/* Asks the statement running on `conn` to stop: it then fails with RuntimeError
 * "QueryCancelled" and changes nothing. Callable from any thread, any time. */
void parley_connection_interrupt(parley_connection* conn);
/* Limits for the statements `conn` runs from now on; 0: none. */
parley_status parley_connection_set_timeout_ms(parley_connection* conn, uint64_t ms);
parley_status parley_connection_set_memory_limit(parley_connection* conn, uint64_t bytes);

/* Explicit transactions (see parley/connection.h): statements between begin and commit
 * or rollback form one atomic unit. */
parley_status parley_connection_begin(parley_connection* conn);
parley_status parley_connection_commit(parley_connection* conn);
parley_status parley_connection_rollback(parley_connection* conn);

/* --- Parameters: name (without `$`) -> value. The setters replace an earlier value. */

parley_params* parley_params_create(void);
void parley_params_destroy(parley_params* params);
parley_status parley_params_set_null(parley_params* params, const char* name);
parley_status parley_params_set_bool(parley_params* params, const char* name, int value);
parley_status parley_params_set_int(parley_params* params, const char* name, int64_t value);
parley_status parley_params_set_double(parley_params* params, const char* name, double value);
parley_status parley_params_set_string(parley_params* params, const char* name,
                                       const char* value);
/* A copy of `value` (e.g. a node or list read from a result). */
parley_status parley_params_set_value(parley_params* params, const char* name,
                                      const parley_value* value);

/* --- Running statements. */

/* Runs `query` with `params` (may be NULL) and returns its result, whose rows are read
 * with parley_result_next while the statement runs. Until the result has been read to
 * its end or destroyed, `conn` runs nothing else (RuntimeError "ConnectionBusy").
 * Errors found before the statement starts (syntax, a read-only database) fail here;
 * later ones fail parley_result_columns or parley_result_next. */
parley_status parley_connection_execute(parley_connection* conn, const char* query,
                                        const parley_params* params, parley_result** out);

/* Parses `query` once; each execution reuses its plan (see parley/prepared_statement.h)
 * with the values bound at that time. */
parley_status parley_connection_prepare(parley_connection* conn, const char* query,
                                        parley_prepared** out);
void parley_prepared_destroy(parley_prepared* stmt);
/* The statement's own parameters, kept between executions until replaced or cleared. */
parley_params* parley_prepared_params(parley_prepared* stmt);
parley_status parley_prepared_bind_null(parley_prepared* stmt, const char* name);
parley_status parley_prepared_bind_bool(parley_prepared* stmt, const char* name, int value);
parley_status parley_prepared_bind_int(parley_prepared* stmt, const char* name, int64_t value);
parley_status parley_prepared_bind_double(parley_prepared* stmt, const char* name,
                                          double value);
parley_status parley_prepared_bind_string(parley_prepared* stmt, const char* name,
                                          const char* value);
void parley_prepared_clear_bindings(parley_prepared* stmt);
/* As parley_connection_execute, with the bound parameters. */
parley_status parley_prepared_execute(parley_prepared* stmt, parley_result** out);

/* --- Results. */

/* Stops the statement if it still runs (a write that has not finished then changes
 * nothing) and releases the result. */
void parley_result_destroy(parley_result* result);
/* The number of columns; waits until the statement knows them. */
parley_status parley_result_column_count(parley_result* result, size_t* out);
/* Column `index`'s name; valid until the result is destroyed. */
parley_status parley_result_column_name(parley_result* result, size_t index,
                                        const char** out);
/* Moves to the next row: *has_row is 1 when there is one, 0 after the last. Fails when
 * the statement fails (timeout, memory bound, runtime error, interrupt). */
parley_status parley_result_next(parley_result* result, int* has_row);
/* The current row's value in column `index`; valid until the next parley_result_next or
 * parley_result_destroy. */
parley_status parley_result_value(parley_result* result, size_t index,
                                  const parley_value** out);

/* What a statement changed (INTERFACES.md section 2), known once parley_result_next has
 * reported the end. */
typedef struct parley_stats {
  int64_t nodes_created;
  int64_t nodes_deleted;
  int64_t relationships_created;
  int64_t relationships_deleted;
  int64_t properties_set;
  int64_t labels_added;
  int64_t labels_removed;
  int64_t properties_removed;
} parley_stats;
parley_status parley_result_stats(parley_result* result, parley_stats* out);

/* --- Values, borrowed from a result (see parley_result_value). A reader of the wrong
 * type fails with TypeError; the *_at readers fail with ArgumentError past the end. */

/* The kinds of value, in parley::ValueType's order. */
typedef enum parley_type {
  PARLEY_TYPE_NULL = 0,
  PARLEY_TYPE_BOOL,
  PARLEY_TYPE_INT,
  PARLEY_TYPE_FLOAT,
  PARLEY_TYPE_STRING,
  PARLEY_TYPE_LIST,
  PARLEY_TYPE_MAP,
  PARLEY_TYPE_NODE,
  PARLEY_TYPE_RELATIONSHIP,
  PARLEY_TYPE_PATH,
  PARLEY_TYPE_DATE,
  PARLEY_TYPE_LOCAL_TIME,
  PARLEY_TYPE_TIME,
  PARLEY_TYPE_LOCAL_DATETIME,
  PARLEY_TYPE_DATETIME,
  PARLEY_TYPE_DURATION
} parley_type;

parley_type parley_value_type(const parley_value* value); /* NULL reads as null */
parley_status parley_value_bool(const parley_value* value, int* out);
parley_status parley_value_int(const parley_value* value, int64_t* out);
/* A float, or an integer converted. */
parley_status parley_value_double(const parley_value* value, double* out);
/* A string's bytes (NUL-terminated; `length` may be NULL). */
parley_status parley_value_string(const parley_value* value, const char** out,
                                  size_t* length);
/* Any value as text: a string as it is, a temporal value in ISO 8601 (e.g.
 * "1984-10-11T12:31:14+01:00[Europe/Stockholm]"), anything else in its Cypher literal
 * form ([1, 'two'], (:Leader {name: 'x'})); free with parley_free. */
parley_status parley_value_to_string(const parley_value* value, char** out);
void parley_free(void* p);

/* Lists and paths: a path's elements alternate node, relationship, ..., node. */
parley_status parley_value_size(const parley_value* value, size_t* out);
parley_status parley_value_at(const parley_value* value, size_t index,
                              const parley_value** out);

/* Maps, and the properties of nodes and relationships, in key order. */
parley_status parley_value_property_count(const parley_value* value, size_t* out);
parley_status parley_value_property_at(const parley_value* value, size_t index,
                                       const char** key, const parley_value** out);
/* *out is NULL when there is no such key. */
parley_status parley_value_property(const parley_value* value, const char* key,
                                    const parley_value** out);

/* Nodes and relationships. */
parley_status parley_value_id(const parley_value* value, uint64_t* out);
parley_status parley_value_label_count(const parley_value* node, size_t* out);
parley_status parley_value_label_at(const parley_value* node, size_t index, const char** out);
parley_status parley_value_rel_type(const parley_value* rel, const char** out);
parley_status parley_value_rel_ends(const parley_value* rel, uint64_t* start, uint64_t* end);

/* Temporal values by their fields (parley/value.h gives their meaning); the fields a
 * type does not have are 0, and `zone` is "" unless a datetime has a named zone. */
typedef struct parley_temporal {
  int64_t months;         /* duration */
  int64_t days;           /* date: days since 1970-01-01; duration */
  int64_t seconds;        /* local/datetime: seconds since the epoch; duration */
  int64_t nanos;          /* local/time: of the day; local/datetime, duration: [0, 1e9) */
  int32_t offset_seconds; /* time, datetime */
  const char* zone;       /* datetime: IANA zone id; borrowed like the value */
} parley_temporal;
parley_status parley_value_temporal(const parley_value* value, parley_temporal* out);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* PARLEY_PARLEY_C_H_ */
