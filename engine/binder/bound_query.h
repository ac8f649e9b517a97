// The binder's output: a query whose names are resolved.
//
// Variables are slots: indexes into the row every operator passes along (one flat layout
// per statement, `Query::num_slots` wide). Expressions are trees of `Expr` with a kind and
// children; properties, labels and relationship types keep their names plus the catalog id
// when the catalog knew it at bind time (operators resolve the rest once, when they open).
// Pattern predicates, pattern comprehensions and EXISTS { } refer to `Query::subqueries`
// by index; the planner plans each into a sub-plan with the same index.
//
// Everything here is plain data, owned by the Query through unique_ptr; pointers into a
// Query stay valid while it lives and is not modified.
#ifndef PARLEY_ENGINE_BINDER_BOUND_QUERY_H_
#define PARLEY_ENGINE_BINDER_BOUND_QUERY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/common/ids.h"
#include "parley/error.h"
#include "parley/value.h"

namespace parley::function {
struct ScalarFunction;
}

namespace parley::bound {

using Slot = int;
inline constexpr Slot kNoSlot = -1;

enum class ExprKind : std::uint8_t {
  kLiteral,       // value
  kParameter,     // name; value: the parameter's value at bind time (see Query::parameters)
  kVariable,      // slot
  kProperty,      // args[0].name
  kList,          // args
  kMap,           // names[i]: args[i]
  kNot, kAnd, kOr, kXor,
  kCompare,       // op: CompareOp
  kArith,         // op: ArithOp
  kNegate,
  kIsNull, kIsNotNull,
  kIn, kStartsWith, kEndsWith, kContains, kRegex,
  kIndex,         // args[0][args[1]]
  kSlice,         // args[0][args[1]..args[2]] (null args = open end)
  kFunction,      // fn(args)
  kGraphFunction, // op: GraphFunction
  kCase,          // op 1: args[0] is the tested value; then when/then pairs; has_else: last
  kListComprehension,  // slot = element; args: list, where (or null), projection (or null)
  kQuantifier,    // op: Quantifier; slot; args: list, predicate
  kReduce,        // slot = element, slot2 = accumulator; args: init, list, expression
  kHasLabels,     // args[0] has all `labels`
  kMapProjection, // args[0] is the base; items in map_items
  kSubquery,      // op: SubqueryKind; subquery = index into Query::subqueries
};

enum class CompareOp : std::uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
enum class ArithOp : std::uint8_t { kAdd, kSub, kMul, kDiv, kMod, kPow };
enum class Quantifier : std::uint8_t { kAll, kAny, kNone, kSingle };
enum class SubqueryKind : std::uint8_t { kExists, kComprehension, kCount };
enum class GraphFunction : std::uint8_t {
  kId, kLabels, kType, kProperties, kKeys, kStartNode, kEndNode, kNodes, kRelationships,
  kLength, kExists, kSize, kHead, kLast, kTail, kElementId
};

// A label, relationship type or property key: its name, and its id if it existed when the
// statement was bound.
struct Token {
  std::string name;
  std::optional<std::uint32_t> id;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct MapProjectionItem {
  enum class Kind : std::uint8_t { kProperty, kLiteral, kVariable, kAllProperties };
  Kind kind;
  std::string key;  // output key (the property name for kProperty)
  Token prop;       // for kProperty
  int arg = -1;     // index into Expr::args for kLiteral and kVariable
};

struct Expr {
  ExprKind kind;
  SourcePos pos;
  std::uint8_t op = 0;
  bool has_else = false;
  bool distinct = false;
  Slot slot = kNoSlot;
  Slot slot2 = kNoSlot;
  int subquery = -1;
  std::string name;               // parameter name, function name
  Token prop;                     // kProperty
  std::vector<Token> labels;      // kHasLabels
  std::vector<std::string> names; // kMap keys
  std::vector<MapProjectionItem> map_items;
  Value value;                    // kLiteral, kParameter
  const function::ScalarFunction* fn = nullptr;
  std::vector<ExprPtr> args;      // children; may hold nullptr where noted

  Expr(ExprKind k, SourcePos p) : kind(k), pos(p) {}
};

ExprPtr MakeLiteral(Value v, SourcePos pos = {});
ExprPtr MakeVariable(Slot slot, SourcePos pos = {});
ExprPtr MakeExpr(ExprKind kind, SourcePos pos, std::vector<ExprPtr> args);
ExprPtr CloneExpr(const Expr& e);
// Slots an expression reads (variables, not the comprehension-local ones it defines).
void CollectSlots(const Expr& e, std::vector<Slot>* out);

// --- Patterns.
struct NodePattern {
  Slot slot;
  bool bound = false;          // bound by an earlier clause (or earlier in this pattern)
  std::vector<Token> labels;
  ExprPtr properties;          // kMap or kParameter, or null
  SourcePos pos;
};

struct RelPattern {
  Slot slot;
  bool bound = false;
  std::vector<Token> types;    // any of
  Direction direction = Direction::kOut;  // relative to left -> right
  bool var_length = false;
  std::int64_t min_hops = 1;
  std::int64_t max_hops = 1;   // -1: unbounded
  ExprPtr properties;
  SourcePos pos;
};

enum class PathKind : std::uint8_t { kNormal, kShortest, kAllShortest };

// n0 -r0- n1 -r1- n2 ...: nodes.size() == rels.size() + 1.
struct PatternPart {
  Slot path_slot = kNoSlot;
  PathKind kind = PathKind::kNormal;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

// --- Clauses.
struct Match {
  bool optional = false;
  std::vector<PatternPart> parts;
  ExprPtr where;
  std::vector<Slot> new_slots;  // slots this clause binds (nulled by OPTIONAL)
};

struct Unwind {
  ExprPtr list;
  Slot slot;
};

struct ProjectionItem {
  ExprPtr expr;
  Slot slot;
  std::string name;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct AggregateCall {
  std::string function;  // lower case; "count" with count_star for count(*)
  bool distinct = false;
  bool count_star = false;
  std::vector<ExprPtr> args;
  Slot slot;
};

struct Projection {
  bool is_return = false;
  bool distinct = false;
  bool aggregating = false;
  // With aggregation: keys are evaluated into their slots, aggregates into theirs, then
  // `items` are evaluated over those slots.
  std::vector<ProjectionItem> group_keys;
  std::vector<AggregateCall> aggregates;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  ExprPtr where;
};

struct SetItem {
  enum class Kind : std::uint8_t { kProperty, kReplaceProperties, kMergeProperties, kLabels };
  Kind kind;
  ExprPtr target;  // the entity (for kProperty: the entity whose property `prop` is set)
  Token prop;
  ExprPtr value;
  std::vector<Token> labels;
  SourcePos pos;
};

struct Create {
  std::vector<PatternPart> parts;
};

struct Merge {
  PatternPart part;
  std::vector<SetItem> on_create;
  std::vector<SetItem> on_match;
  std::vector<Slot> new_slots;
};

struct SetClause {
  std::vector<SetItem> items;
};

struct Remove {
  std::vector<SetItem> items;  // kProperty (value null) or kLabels
};

struct Delete {
  std::vector<ExprPtr> targets;
  bool detach = false;
};

struct Call {
  enum class Builtin : std::uint8_t {
    kNone, kLabels, kRelationshipTypes, kPropertyKeys, kIndexes, kProcedures,
    kAlgo,  // a graph algorithm (engine/algo/procedures.h), run by the executor
  };
  std::string procedure;
  Builtin builtin = Builtin::kNone;
  std::vector<ExprPtr> args;
  std::vector<int> yield_columns;  // output column index per yielded slot
  std::vector<Slot> yield_slots;
  ExprPtr where;
  bool standalone = false;
};

using Clause = std::variant<Match, Unwind, Projection, Create, Merge, SetClause, Remove,
                            Delete, Call>;

struct SingleQuery {
  std::vector<Clause> clauses;
};

// EXISTS { }, pattern predicates and pattern comprehensions: run per outer row with the
// outer row as argument.
struct Subquery {
  SubqueryKind kind;
  std::vector<Clause> clauses;   // MATCH clauses (with WHERE)
  ExprPtr projection;            // kComprehension: evaluated per match
};

enum class ExplainMode : std::uint8_t { kNone, kExplain, kProfile };

struct Query {
  std::vector<SingleQuery> parts;  // UNION branches (one when no UNION)
  std::vector<bool> union_all;     // between parts[i] and parts[i + 1]
  std::vector<std::string> columns;
  std::vector<Slot> output_slots;  // where each column's value is, in every part
  std::vector<Subquery> subqueries;
  int num_slots = 0;
  std::vector<std::string> slot_names;  // for EXPLAIN and messages
  bool updating = false;
  ExplainMode explain = ExplainMode::kNone;
  // The parameters the statement reads, by name, each once. A plan reused with other
  // parameter values reads them from ExecContext::params (PreparedStatement).
  std::vector<std::string> parameters;
  // Whether binding or planning copied a parameter's value into the plan as a constant
  // (a standalone CALL's implicit arguments): such a plan serves only those values.
  bool bakes_parameters = false;
};

}  // namespace parley::bound

#endif  // PARLEY_ENGINE_BINDER_BOUND_QUERY_H_
