// parley::Result: what one statement produced: columns, rows, counters, and timing.
#ifndef PARLEY_RESULT_H_
#define PARLEY_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parley/value.h"

namespace parley {

// Counters as Neo4j's query statistics count them (INTERFACES.md section 2): each
// property written counts once in properties_set, also when it overwrites; each label
// added to a node once in labels_added.
struct QueryStats {
  std::int64_t nodes_created = 0;
  std::int64_t nodes_deleted = 0;
  std::int64_t relationships_created = 0;
  std::int64_t relationships_deleted = 0;
  std::int64_t properties_set = 0;
  std::int64_t labels_added = 0;
  std::int64_t labels_removed = 0;
  std::int64_t properties_removed = 0;
  bool contains_updates() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
           properties_set || labels_added || labels_removed || properties_removed;
  }
  friend bool operator==(const QueryStats&, const QueryStats&) = default;
};

// A fully materialised result: nodes and relationships in `rows` carry their labels,
// type and properties as they were when the statement finished. A Result is a plain
// value: it owns its rows, refers to nothing else (it may outlive its Connection and
// Database), and is copied and read like any standard container (no locking: share a
// const Result between threads, not one being modified). For a result read row by row
// while the statement runs, see ResultStream (result_stream.h).
class Result {
 public:
  Result() = default;
  Result(std::vector<std::string> columns, std::vector<std::vector<Value>> rows,
         QueryStats stats)
      : columns_(std::move(columns)), rows_(std::move(rows)), stats_(stats) {}

  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<std::vector<Value>>& rows() const { return rows_; }
  std::vector<std::vector<Value>>& mutable_rows() { return rows_; }
  std::size_t row_count() const { return rows_.size(); }
  const QueryStats& stats() const { return stats_; }

  // Time to parse (unless prepared beforehand), plan and execute the statement and produce
  // every row, in milliseconds.
  double elapsed_ms() const { return elapsed_ms_; }
  void set_elapsed_ms(double ms) { elapsed_ms_ = ms; }

  // For EXPLAIN and PROFILE: the plan as indented text (PROFILE adds rows and time per
  // operator). Empty for other statements.
  const std::string& plan() const { return plan_; }
  void set_plan(std::string plan) { plan_ = std::move(plan); }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
  QueryStats stats_;
  double elapsed_ms_ = 0;
  std::string plan_;
};

}  // namespace parley

#endif  // PARLEY_RESULT_H_
