// Parley's abstract syntax tree: what parser::Parse returns and binder::Binder reads.
//
// Plain structs, no ANTLR types. Every node carries the SourcePos (1-based line and column,
// in code points) of its first token, so later stages can point errors at the query text.
//
// Ownership: a tree owns its children outright. Sub-expressions are held by ExprPtr
// (std::unique_ptr<Expr>); a null ExprPtr means "absent" only where the field comment says
// so. Nodes are movable, not copyable. A tree is immutable once Parse returns; reading it
// from several threads at once is safe.
//
// Walking: switch on Expr::kind; the table at ExprKind says which fields each kind uses.
// ForEachChild visits every direct sub-expression of an Expr (including those inside its
// patterns, CASE arms and map projections), which is enough for "does this expression
// contain an aggregate / which variables does it read" style walks. Constructs that bind a
// variable (list comprehension, quantifiers, reduce, pattern comprehension, EXISTS) need a
// scoped walk of their own; their fields say which parts see the variable.
//
// Names are kept as written (case preserved, backticks removed). Function and procedure
// names keep their namespace, dotted ("db.labels", "toInteger").
#ifndef PARLEY_ENGINE_PARSER_AST_H_
#define PARLEY_ENGINE_PARSER_AST_H_

#include <parley/error.h>
#include <parley/value.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parley::ast {

struct Expr;
struct PatternPart;
struct Query;
using ExprPtr = std::unique_ptr<Expr>;

// ---------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : std::uint8_t {
  //                          fields used (all kinds use `pos`)
  kLiteral,               // literal: null, bool, int, float or string (lists/maps are kList/kMap)
  kParameter,             // name: "name" for $name, "0" for $0
  kVariable,              // name
  kProperty,              // children = {subject}; name = property key
  kIndex,                 // children = {subject, index}
  kSlice,                 // children = {subject, from or null, to or null}
  kUnary,                 // unary_op; children = {operand}
  kBinary,                // binary_op; children = {lhs, rhs}
  kComparison,            // compare_ops (n >= 1); children = n + 1 operands.
                          //   a < b <= c is {a, b, c} with {kLt, kLe}: a < b AND b <= c
  kIsNull,                // children = {operand}
  kIsNotNull,             // children = {operand}
  kIn,                    // children = {element, list}
  kStringOp,              // string_op; children = {lhs, rhs}
  kRegex,                 // children = {lhs, pattern}   (lhs =~ pattern)
  kLabelPredicate,        // children = {subject}; labels (n:A:B means both A and B)
  kFunctionCall,          // name (dotted, as written); distinct; children = arguments
  kCountStar,             // count(*): no fields
  kCase,                  // case_subject (null for the generic form); children = when0,
                          //   then0, when1, then1, ...; case_else (null if absent)
  kList,                  // children = elements
  kMap,                   // keys[i] -> children[i]
  kListComprehension,     // variable; children = {list, where or null, projection or null}
                          //   `variable` is in scope in where and projection only
  kPatternComprehension,  // pattern (one part; its path variable may be set);
                          //   children = {where or null, projection}
  kQuantifier,            // quantifier; variable; children = {list, where or null}
  kReduce,                // accumulator, variable; children = {init, list, expression};
                          //   both names are in scope in `expression` only
  kExists,                // EXISTS { ... }: either subquery (a full query; children empty)
                          //   or pattern (one or more parts) with children = {where or null}
  kPatternPredicate,      // a relationship pattern used as a boolean: pattern (one part);
                          //   the parser accepts it only inside a WHERE predicate
  kMapProjection,         // children = {subject (a kVariable)}; projection_items
};

enum class UnaryOp : std::uint8_t { kNot, kNegate, kPlus };
enum class BinaryOp : std::uint8_t { kOr, kXor, kAnd, kAdd, kSub, kMul, kDiv, kMod, kPow };
enum class CompareOp : std::uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
enum class StringOp : std::uint8_t { kStartsWith, kEndsWith, kContains };
enum class QuantifierOp : std::uint8_t { kAll, kAny, kNone, kSingle };

// One entry of a map projection `v {.key, key: expr, other, .*}`.
struct MapProjectionItem {
  enum class Kind : std::uint8_t {
    kProperty,       // .key        -> key
    kLiteral,        // key: expr   -> key, value
    kVariable,       // other       -> key (the variable's name; also its output key)
    kAllProperties,  // .*          -> nothing
  };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  std::string key;
  ExprPtr value;  // kLiteral only; else null
};

struct Expr {
  explicit Expr(ExprKind k, SourcePos p = {});
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  ExprKind kind;
  SourcePos pos;  // first token of the expression
  // The number of Exprs on the longest path from here down to a leaf, 0 until the parser
  // has measured it (parser::kMaxExpressionHeight bounds it).
  std::uint32_t height = 0;

  Value literal;                                 // kLiteral
  std::string name;                              // see ExprKind
  UnaryOp unary_op = UnaryOp::kNot;              // kUnary
  BinaryOp binary_op = BinaryOp::kOr;            // kBinary
  StringOp string_op = StringOp::kStartsWith;    // kStringOp
  QuantifierOp quantifier = QuantifierOp::kAll;  // kQuantifier
  bool distinct = false;                         // kFunctionCall: f(DISTINCT x)
  std::vector<CompareOp> compare_ops;            // kComparison
  std::vector<ExprPtr> children;                 // see ExprKind
  std::vector<std::string> labels;               // kLabelPredicate
  std::vector<std::string> keys;                 // kMap
  std::string variable;                          // comprehensions, quantifiers, reduce
  SourcePos variable_pos;
  std::string accumulator;  // kReduce
  SourcePos accumulator_pos;
  ExprPtr case_subject;                             // kCase
  ExprPtr case_else;                                // kCase
  std::vector<PatternPart> pattern;                 // kPatternComprehension, kExists,
                                                    // kPatternPredicate
  std::unique_ptr<Query> subquery;                  // kExists with a full query
  std::vector<MapProjectionItem> projection_items;  // kMapProjection
};

// Calls `fn` on every direct sub-expression of `e` (non-null only): children, case_subject,
// case_else, property maps of `pattern`'s nodes and relationships, projection item values.
// Does not descend into `subquery`.
void ForEachChild(const Expr& e, const std::function<void(const Expr&)>& fn);

// Constructors for the common kinds (used by the builder and by tests).
ExprPtr MakeLiteral(Value v, SourcePos pos = {});
ExprPtr MakeVariable(std::string name, SourcePos pos = {});
ExprPtr MakeProperty(ExprPtr subject, std::string key, SourcePos pos = {});

// ---------------------------------------------------------------------------------------
// Patterns

struct NodePattern {
  SourcePos pos;         // the '('
  std::string variable;  // empty: anonymous
  SourcePos variable_pos;
  std::vector<std::string> labels;  // (n:A:B): all of them
  ExprPtr properties;               // a kMap or a kParameter; null if absent
};

enum class RelDirection : std::uint8_t {
  kRight,  // (a)-[]->(b)
  kLeft,   // (a)<-[]-(b)
  kNone,   // (a)-[]-(b)
  kBoth,   // (a)<-[]->(b): openCypher treats it as undirected
};

struct VarLength {                  // *min..max; absent bounds are nullopt
  std::optional<std::int64_t> min;  // `*` alone: both nullopt; `*3`: min = max = 3
  std::optional<std::int64_t> max;
};

struct RelPattern {
  SourcePos pos;         // the first '-' or '<'
  std::string variable;  // empty: anonymous
  SourcePos variable_pos;
  RelDirection direction = RelDirection::kNone;
  std::vector<std::string> types;       // [:A|B]: alternatives; empty: any type
  std::optional<VarLength> var_length;  // set iff the pattern has '*'
  ExprPtr properties;                   // a kMap or a kParameter; null if absent
};

enum class PathKind : std::uint8_t { kPlain, kShortestPath, kAllShortestPaths };

// One comma-separated part of a pattern: p = (a)-[r]->(b)<-[s]-(c).
// nodes.size() == rels.size() + 1; rels[i] joins nodes[i] and nodes[i + 1].
// Parenthesised chains are flattened.
struct PatternPart {
  SourcePos pos;
  std::string path_variable;  // empty if none
  SourcePos path_variable_pos;
  PathKind path_kind = PathKind::kPlain;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

using Pattern = std::vector<PatternPart>;

// ---------------------------------------------------------------------------------------
// Clauses

struct SortItem {
  SourcePos pos;
  ExprPtr expr;
  bool descending = false;
};

struct ProjectionItem {
  SourcePos pos;
  ExprPtr expr;
  std::string alias;  // empty if the item had no AS
  SourcePos alias_pos;
  // The expression's source text exactly as written (comments inside it kept, surrounding
  // whitespace trimmed): the column name of an un-aliased item, e.g. "n.name", "count(*)".
  std::string text;
  bool has_alias() const { return !alias.empty(); }
  // The output column name: the alias, else the text.
  const std::string& column_name() const { return has_alias() ? alias : text; }
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *: items (if any) come after the star
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;   // null if absent
  ExprPtr limit;  // null if absent
};

struct MatchClause {
  SourcePos pos;
  bool optional = false;
  Pattern pattern;
  ExprPtr where;  // null if absent
};

struct UnwindClause {
  SourcePos pos;
  ExprPtr list;
  std::string variable;
  SourcePos variable_pos;
};

struct WithClause {
  SourcePos pos;
  Projection projection;
  ExprPtr where;  // null if absent
};

struct ReturnClause {
  SourcePos pos;
  Projection projection;
};

struct CreateClause {
  SourcePos pos;
  Pattern pattern;
};

struct SetItem {
  enum class Kind : std::uint8_t {
    kProperty,  // target.key = value   (target: a kProperty expression)
    kReplace,   // variable = value     (replace all properties with a map/entity)
    kMerge,     // variable += value    (merge a map into the properties)
    kLabels,    // variable:A:B
  };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  ExprPtr target;                   // kProperty only
  std::string variable;             // kReplace, kMerge, kLabels
  ExprPtr value;                    // kProperty, kReplace, kMerge
  std::vector<std::string> labels;  // kLabels
};

struct MergeClause {
  SourcePos pos;
  PatternPart pattern;
  std::vector<SetItem> on_create;  // all ON CREATE SET items, in order
  std::vector<SetItem> on_match;   // all ON MATCH SET items, in order
};

struct SetClause {
  SourcePos pos;
  std::vector<SetItem> items;
};

struct RemoveItem {
  enum class Kind : std::uint8_t { kProperty, kLabels };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  ExprPtr target;                   // kProperty: a kProperty expression
  std::string variable;             // kLabels
  std::vector<std::string> labels;  // kLabels
};

struct RemoveClause {
  SourcePos pos;
  std::vector<RemoveItem> items;
};

struct DeleteClause {
  SourcePos pos;
  bool detach = false;
  std::vector<ExprPtr> exprs;
};

struct YieldItem {
  SourcePos pos;
  std::string name;   // the procedure's output column
  std::string alias;  // empty if no AS
  const std::string& variable() const { return alias.empty() ? name : alias; }
};

struct CallClause {
  SourcePos pos;
  std::string procedure;  // dotted: "db.labels"
  SourcePos procedure_pos;
  bool has_args = false;  // false for `CALL p` (implicit arguments from parameters)
  std::vector<ExprPtr> args;
  bool has_yield = false;
  bool yield_star = false;  // YIELD *
  std::vector<YieldItem> yield_items;
  ExprPtr where;  // YIELD ... WHERE; null if absent
};

enum class ClauseKind : std::uint8_t {
  kMatch,
  kUnwind,
  kWith,
  kReturn,
  kCreate,
  kMerge,
  kSet,
  kRemove,
  kDelete,
  kCall,
};

// The alternatives are in ClauseKind's order.
using Clause = std::variant<MatchClause, UnwindClause, WithClause, ReturnClause, CreateClause,
                            MergeClause, SetClause, RemoveClause, DeleteClause, CallClause>;

inline ClauseKind KindOf(const Clause& c) { return static_cast<ClauseKind>(c.index()); }
SourcePos PosOf(const Clause& c);
// "MATCH", "OPTIONAL MATCH", "UNWIND", "WITH", ... (for messages).
std::string ClauseName(const Clause& c);

// ---------------------------------------------------------------------------------------
// Queries and statements

struct SingleQuery {
  SourcePos pos;
  std::vector<Clause> clauses;
};

// parts[0] UNION [ALL] parts[1] ...; union_all[i] is the operator between parts[i] and
// parts[i + 1] (size parts.size() - 1).
struct Query {
  SourcePos pos;
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;
  std::vector<SourcePos> union_pos;  // position of each UNION keyword
};

struct SchemaCommand {
  enum class Kind : std::uint8_t {
    kCreateIndex,            // CREATE INDEX [name] [IF NOT EXISTS] FOR (n:L) ON (n.p, ...)
                             // or CREATE INDEX ON :L(p, ...)
    kDropIndex,              // DROP INDEX name [IF EXISTS] or DROP INDEX ON :L(p, ...)
    kShowIndexes,            // SHOW INDEXES / SHOW INDEX
    kCreateConstraint,       // CREATE CONSTRAINT [name] [IF NOT EXISTS]
                             //   FOR (n:L) REQUIRE n.p IS UNIQUE (Neo4j 5) or
                             //   ON (n:L) ASSERT n.p IS UNIQUE (Neo4j 4)
    kDropConstraint,         // DROP CONSTRAINT name [IF EXISTS]
    kShowConstraints,        // SHOW CONSTRAINTS / SHOW CONSTRAINT
    kShowLabels,             // SHOW LABELS
    kShowRelationshipTypes,  // SHOW RELATIONSHIP TYPES / SHOW TYPES
    kShowPropertyKeys,       // SHOW PROPERTY KEYS
    kShowProcedures,         // SHOW PROCEDURES
    kShowFunctions,          // SHOW FUNCTIONS
  };
  Kind kind = Kind::kShowLabels;
  SourcePos pos;
  std::string index_name;               // index or constraint name; may be empty
  std::string label;                    // index and constraint commands, when given
  std::vector<std::string> properties;  // index and constraint commands, when given
  bool if_exists = false;               // IF NOT EXISTS (create) / IF EXISTS (drop)
};

enum class ExplainMode : std::uint8_t { kNone, kExplain, kProfile };

struct Statement {
  std::string text;  // the full statement text as passed to Parse
  ExplainMode explain = ExplainMode::kNone;
  std::variant<Query, SchemaCommand> body;

  bool is_query() const { return body.index() == 0; }
  const Query& query() const { return std::get<Query>(body); }
  const SchemaCommand& schema() const { return std::get<SchemaCommand>(body); }
};

// True if the statement cannot change the graph or the schema (no CREATE, MERGE, SET,
// REMOVE, DELETE, no schema change). CALLs count as read-only; procedures that write
// must be checked by whoever resolves them.
bool IsReadOnly(const Statement& stmt);

// ---------------------------------------------------------------------------------------
// Canonical printing: deterministic, fully parenthesised where precedence matters (every
// binary/comparison/predicate expression is wrapped in parentheses), used by tests and
// EXPLAIN. Literals print in Cypher form ('text' with escapes, 1.5, null).
std::string ToString(const Expr& e);
std::string ToString(const PatternPart& p);
std::string ToString(const Pattern& p);
std::string ToString(const Clause& c);
std::string ToString(const Query& q);
std::string ToString(const Statement& s);

std::string_view ToString(BinaryOp op);   // "OR", "+", "^", ...
std::string_view ToString(CompareOp op);  // "=", "<>", "<", ...

}  // namespace parley::ast

#endif  // PARLEY_ENGINE_PARSER_AST_H_
