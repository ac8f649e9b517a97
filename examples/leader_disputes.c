/* For every pair of leaders who met more than once: the issues they disputed at every one
 * of their meetings, with the sentences that say so (as leader_disputes.cc, in C).
 *
 *   cc leader_disputes.c $(pkg-config --cflags --libs parley) -o leader_disputes_c
 *   leader_disputes_c articles.db
 *
 * One statement gives a row per piece of evidence, in order; the program prints a heading
 * when the pair or the issue changes. */
#include <stdio.h>
#include <string.h>

#include <parley/parley_c.h>

static const char* const kQuery =
    "MATCH (a:Leader)-[:MET_AT]->(s:Summit)<-[:MET_AT]-(b:Leader) "
    "WHERE a.name < b.name "
    "WITH a, b, collect(DISTINCT s) AS summits WHERE size(summits) > 1 "
    "UNWIND summits AS s "
    "MATCH (s)-[d:DISPUTED]->(i:Issue) "
    "WITH a, b, summits, i, collect(DISTINCT s) AS at, collect([s.name, d.evidence]) AS ev "
    "WHERE size(at) = size(summits) "
    "UNWIND ev AS e "
    "RETURN a.name AS leader, b.name AS other, size(summits) AS meetings, i.name AS issue, "
    "       e[0] AS summit, e[1] AS evidence "
    "ORDER BY leader, other, issue, summit, evidence";

static int fail(const char* what) {
  const parley_error* e = parley_last_error();
  fprintf(stderr, "leader_disputes_c: %s: %s: %s\n", what, e->kind_name, e->message);
  return 1;
}

/* Column `i` of the current row as text ("(none)" for null). */
static const char* text(parley_result* r, size_t i) {
  const parley_value* v = NULL;
  const char* s = NULL;
  if (parley_result_value(r, i, &v) != PARLEY_OK) return "?";
  if (parley_value_type(v) == PARLEY_TYPE_NULL) return "(none)";
  return parley_value_string(v, &s, NULL) == PARLEY_OK ? s : "?";
}

int main(int argc, char** argv) {
  parley_database_options options = parley_database_default_options();
  parley_database* db = NULL;
  parley_connection* conn = NULL;
  parley_result* r = NULL;
  char pair[1024] = "";
  char issue[1024] = "";
  int has_row = 0;
  int status = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: leader_disputes_c DATABASE_DIR\n");
    return 2;
  }
  options.read_only = 1;
  options.create_if_missing = 0;
  if (parley_database_open(argv[1], &options, &db) != PARLEY_OK) return fail("open");
  if (parley_connection_open(db, &conn) != PARLEY_OK ||
      parley_connection_execute(conn, kQuery, NULL, &r) != PARLEY_OK) {
    status = fail("query");
  }
  while (status == 0) {
    char this_pair[1024];
    const parley_value* meetings = NULL;
    int64_t n = 0;
    if (parley_result_next(r, &has_row) != PARLEY_OK) {
      status = fail("reading the result");
      break;
    }
    if (!has_row) break;
    snprintf(this_pair, sizeof this_pair, "%s and %s", text(r, 0), text(r, 1));
    if (strcmp(this_pair, pair) != 0) {
      parley_result_value(r, 2, &meetings);
      parley_value_int(meetings, &n);
      printf("%s met %lld times; disputed at every meeting:\n", this_pair, (long long)n);
      snprintf(pair, sizeof pair, "%s", this_pair);
      issue[0] = '\0';
    }
    if (strcmp(text(r, 3), issue) != 0) {
      snprintf(issue, sizeof issue, "%s", text(r, 3));
      printf("  %s\n", issue);
    }
    printf("    %s: %s\n", text(r, 4), text(r, 5));
  }
  parley_result_destroy(r);
  parley_connection_close(conn);
  parley_database_close(db);
  return status;
}
