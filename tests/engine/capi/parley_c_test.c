/* The C API exercised from C: compiled as C11, linked against libparley's engine. Each
 * CHECK that fails prints where and why; the program then exits non-zero. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parley/parley_c.h"

static int failures = 0;

#define CHECK(cond)                                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                             \
    }                                                                         \
  } while (0)

/* A call that must succeed; on failure prints the error and counts it. */
#define OK(call)                                                                    \
  do {                                                                              \
    if ((call) != PARLEY_OK) {                                                      \
      const parley_error* e_ = parley_last_error();                                 \
      fprintf(stderr, "%s:%d: %s failed: %s: %s\n", __FILE__, __LINE__, #call,      \
              e_->kind_name, e_->message);                                          \
      ++failures;                                                                   \
    }                                                                               \
  } while (0)

static parley_database* open_memory_db(void) {
  parley_database_options options = parley_database_default_options();
  options.in_memory = 1;
  parley_database* db = NULL;
  OK(parley_database_open("c_api_test", &options, &db));
  return db;
}

/* Runs a statement that returns one integer and returns it (-1 on failure). */
static int64_t single_int(parley_connection* conn, const char* query) {
  parley_result* r = NULL;
  int64_t out = -1;
  int has_row = 0;
  const parley_value* v = NULL;
  if (parley_connection_execute(conn, query, NULL, &r) != PARLEY_OK) return -1;
  if (parley_result_next(r, &has_row) == PARLEY_OK && has_row &&
      parley_result_value(r, 0, &v) == PARLEY_OK) {
    parley_value_int(v, &out);
  }
  parley_result_destroy(r);
  return out;
}

static void test_execute_with_params_and_typed_values(void) {
  parley_database* db = open_memory_db();
  parley_connection* conn = NULL;
  OK(parley_connection_open(db, &conn));
  parley_params* params = parley_params_create();
  OK(parley_params_set_string(params, "name", "Olof Palme"));
  OK(parley_params_set_int(params, "born", 1927));
  OK(parley_params_set_double(params, "height", 1.78));
  OK(parley_params_set_bool(params, "pm", 1));
  parley_result* r = NULL;
  OK(parley_connection_execute(
      conn,
      "CREATE (l:Leader {name: $name, born: $born, height: $height, pm: $pm})"
      "-[m:MET_AT {year: 1975}]->(s:Summit {name: 'Helsinki', date: date('1975-07-30')}) "
      "RETURN l, m, s.date AS date, [1, 2, 3] AS xs, $pm AS pm, null AS nothing",
      params, &r));
  parley_params_destroy(params);
  size_t columns = 0;
  OK(parley_result_column_count(r, &columns));
  CHECK(columns == 6);
  const char* name = NULL;
  OK(parley_result_column_name(r, 2, &name));
  CHECK(name != NULL && strcmp(name, "date") == 0);
  int has_row = 0;
  OK(parley_result_next(r, &has_row));
  CHECK(has_row == 1);

  const parley_value* node = NULL;
  OK(parley_result_value(r, 0, &node));
  CHECK(parley_value_type(node) == PARLEY_TYPE_NODE);
  size_t labels = 0;
  const char* label = NULL;
  OK(parley_value_label_count(node, &labels));
  CHECK(labels == 1);
  OK(parley_value_label_at(node, 0, &label));
  CHECK(strcmp(label, "Leader") == 0);
  const parley_value* prop = NULL;
  OK(parley_value_property(node, "name", &prop));
  const char* text = NULL;
  size_t length = 0;
  OK(parley_value_string(prop, &text, &length));
  CHECK(strcmp(text, "Olof Palme") == 0 && length == 10);
  int64_t born = 0;
  OK(parley_value_property(node, "born", &prop));
  OK(parley_value_int(prop, &born));
  CHECK(born == 1927);
  double height = 0;
  OK(parley_value_property(node, "height", &prop));
  OK(parley_value_double(prop, &height));
  CHECK(height > 1.77 && height < 1.79);
  OK(parley_value_property(node, "absent", &prop));
  CHECK(prop == NULL);
  size_t count = 0;
  const char* key = NULL;
  OK(parley_value_property_count(node, &count));
  CHECK(count == 4);
  OK(parley_value_property_at(node, 0, &key, &prop));
  CHECK(strcmp(key, "born") == 0);  /* key order */

  const parley_value* rel = NULL;
  OK(parley_result_value(r, 1, &rel));
  CHECK(parley_value_type(rel) == PARLEY_TYPE_RELATIONSHIP);
  const char* type = NULL;
  OK(parley_value_rel_type(rel, &type));
  CHECK(strcmp(type, "MET_AT") == 0);
  uint64_t start = 0, end = 0, node_id = 0;
  OK(parley_value_rel_ends(rel, &start, &end));
  OK(parley_value_id(node, &node_id));
  CHECK(start == node_id && end != node_id);

  const parley_value* date = NULL;
  parley_temporal t;
  OK(parley_result_value(r, 2, &date));
  CHECK(parley_value_type(date) == PARLEY_TYPE_DATE);
  OK(parley_value_temporal(date, &t));
  CHECK(t.days == 2036);  /* 1975-07-30 */
  char* iso = NULL;
  OK(parley_value_to_string(date, &iso));
  CHECK(iso != NULL && strcmp(iso, "1975-07-30") == 0);
  parley_free(iso);

  const parley_value* xs = NULL;
  const parley_value* x = NULL;
  size_t n = 0;
  int64_t third = 0;
  OK(parley_result_value(r, 3, &xs));
  OK(parley_value_size(xs, &n));
  CHECK(n == 3);
  OK(parley_value_at(xs, 2, &x));
  OK(parley_value_int(x, &third));
  CHECK(third == 3);
  CHECK(parley_value_at(xs, 3, &x) == PARLEY_ERROR);
  CHECK(parley_last_error()->kind == PARLEY_ARGUMENT_ERROR);

  const parley_value* pm = NULL;
  int flag = 0;
  OK(parley_result_value(r, 4, &pm));
  OK(parley_value_bool(pm, &flag));
  CHECK(flag == 1);
  const parley_value* nothing = NULL;
  OK(parley_result_value(r, 5, &nothing));
  CHECK(parley_value_type(nothing) == PARLEY_TYPE_NULL);

  /* Reading a value as the wrong type is a TypeError, not a crash. */
  CHECK(parley_value_int(date, &born) == PARLEY_ERROR);
  CHECK(parley_last_error()->kind == PARLEY_TYPE_ERROR);
  CHECK(strcmp(parley_last_error()->kind_name, "TypeError") == 0);

  OK(parley_result_next(r, &has_row));
  CHECK(has_row == 0);
  parley_stats stats;
  OK(parley_result_stats(r, &stats));
  CHECK(stats.nodes_created == 2 && stats.relationships_created == 1);
  parley_result_destroy(r);

  /* Paths: node, relationship, node. */
  OK(parley_connection_execute(conn, "MATCH p = (:Leader)-[:MET_AT]->(:Summit) RETURN p",
                               NULL, &r));
  OK(parley_result_next(r, &has_row));
  CHECK(has_row == 1);
  const parley_value* path = NULL;
  const parley_value* element = NULL;
  OK(parley_result_value(r, 0, &path));
  CHECK(parley_value_type(path) == PARLEY_TYPE_PATH);
  OK(parley_value_size(path, &n));
  CHECK(n == 3);
  OK(parley_value_at(path, 1, &element));
  CHECK(parley_value_type(element) == PARLEY_TYPE_RELATIONSHIP);
  OK(parley_value_at(path, 2, &element));
  OK(parley_value_property(element, "name", &prop));
  OK(parley_value_string(prop, &text, NULL));
  CHECK(strcmp(text, "Helsinki") == 0);
  parley_result_destroy(r);

  parley_connection_close(conn);
  parley_database_close(db);
}

static void test_errors_carry_kind_and_position(void) {
  parley_database* db = open_memory_db();
  parley_connection* conn = NULL;
  OK(parley_connection_open(db, &conn));
  parley_result* r = NULL;
  CHECK(parley_connection_execute(conn, "MATCH (n)\nRETURN m", NULL, &r) == PARLEY_OK);
  size_t columns = 0;
  /* Bound when the statement starts: the error comes from the result. */
  CHECK(parley_result_column_count(r, &columns) == PARLEY_ERROR);
  const parley_error* e = parley_last_error();
  CHECK(e->kind == PARLEY_SYNTAX_ERROR);
  CHECK(strcmp(e->detail, "UndefinedVariable") == 0);
  CHECK(e->line == 2 && e->column == 8);
  parley_result_destroy(r);

  r = NULL;
  CHECK(parley_connection_execute(conn, "RETURN 1 +", NULL, &r) == PARLEY_ERROR);
  CHECK(r == NULL);
  CHECK(parley_last_error()->kind == PARLEY_SYNTAX_ERROR);
  CHECK(parley_last_error()->line == 1);

  CHECK(parley_connection_execute(NULL, "RETURN 1", NULL, &r) == PARLEY_ERROR);
  CHECK(parley_last_error()->kind == PARLEY_ARGUMENT_ERROR);

  /* A missing parameter. */
  CHECK(parley_connection_execute(conn, "RETURN $x", NULL, &r) == PARLEY_OK);
  int has_row = 0;
  CHECK(parley_result_next(r, &has_row) == PARLEY_ERROR);
  CHECK(parley_last_error()->kind == PARLEY_PARAMETER_MISSING);
  parley_result_destroy(r);

  /* The connection is free again after a failure. */
  CHECK(single_int(conn, "RETURN 41 + 1") == 42);
  parley_connection_close(conn);
  parley_database_close(db);
}

static void test_prepared_statements(void) {
  parley_database* db = open_memory_db();
  parley_connection* conn = NULL;
  OK(parley_connection_open(db, &conn));
  parley_prepared* add = NULL;
  OK(parley_connection_prepare(conn, "CREATE (:P {i: $i, name: $name})", &add));
  for (int i = 1; i <= 5; ++i) {
    char name[16];
    snprintf(name, sizeof name, "p%d", i);
    OK(parley_prepared_bind_int(add, "i", i));
    OK(parley_prepared_bind_string(add, "name", name));
    parley_result* r = NULL;
    int has_row = 1;
    OK(parley_prepared_execute(add, &r));
    OK(parley_result_next(r, &has_row));
    CHECK(has_row == 0);
    parley_result_destroy(r);
  }
  parley_prepared_destroy(add);
  CHECK(single_int(conn, "MATCH (p:P) RETURN sum(p.i)") == 15);

  parley_prepared* find = NULL;
  OK(parley_connection_prepare(conn, "MATCH (p:P) WHERE p.i >= $min RETURN p.name ORDER BY p.i",
                               &find));
  OK(parley_prepared_bind_int(find, "min", 4));
  parley_result* r = NULL;
  OK(parley_prepared_execute(find, &r));
  int has_row = 0;
  int rows = 0;
  while (parley_result_next(r, &has_row) == PARLEY_OK && has_row) {
    const parley_value* v = NULL;
    const char* text = NULL;
    OK(parley_result_value(r, 0, &v));
    OK(parley_value_string(v, &text, NULL));
    CHECK(strcmp(text, rows == 0 ? "p4" : "p5") == 0);
    ++rows;
  }
  CHECK(rows == 2);
  parley_result_destroy(r);
  parley_prepared_clear_bindings(find);
  OK(parley_prepared_execute(find, &r));
  CHECK(parley_result_next(r, &has_row) == PARLEY_ERROR);
  CHECK(parley_last_error()->kind == PARLEY_PARAMETER_MISSING);
  parley_result_destroy(r);
  parley_prepared_destroy(find);

  CHECK(parley_connection_prepare(conn, "MATCH (", &find) == PARLEY_ERROR);
  CHECK(parley_last_error()->kind == PARLEY_SYNTAX_ERROR);
  parley_connection_close(conn);
  parley_database_close(db);
}

static void test_transactions(void) {
  parley_database* db = open_memory_db();
  parley_connection* conn = NULL;
  OK(parley_connection_open(db, &conn));
  OK(parley_connection_begin(conn));
  CHECK(single_int(conn, "CREATE (n) RETURN 1") == 1);
  OK(parley_connection_rollback(conn));
  CHECK(single_int(conn, "MATCH (n) RETURN count(n)") == 0);
  CHECK(parley_connection_commit(conn) == PARLEY_ERROR);
  parley_connection_close(conn);
  parley_database_close(db);
}

static void* interrupt_later(void* arg) {
  struct timespec pause = {0, 50 * 1000 * 1000};
  nanosleep(&pause, NULL);
  parley_connection_interrupt((parley_connection*)arg);
  return NULL;
}

static void test_interrupt(void) {
  parley_database* db = open_memory_db();
  parley_connection* conn = NULL;
  OK(parley_connection_open(db, &conn));
  parley_result* r = NULL;
  OK(parley_connection_execute(
      conn, "UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b RETURN count(*)", NULL,
      &r));
  pthread_t thread;
  pthread_create(&thread, NULL, interrupt_later, conn);
  int has_row = 0;
  CHECK(parley_result_next(r, &has_row) == PARLEY_ERROR);
  CHECK(strcmp(parley_last_error()->detail, "QueryCancelled") == 0);
  pthread_join(thread, NULL);
  parley_result_destroy(r);
  CHECK(single_int(conn, "RETURN 7") == 7);
  parley_connection_close(conn);
  parley_database_close(db);
}

int main(void) {
  CHECK(strlen(parley_version()) > 0);
  test_execute_with_params_and_typed_values();
  test_errors_carry_kind_and_position();
  test_prepared_statements();
  test_transactions();
  test_interrupt();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all C API checks passed\n");
  return 0;
}
