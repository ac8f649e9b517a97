// binder::Binder: resolves an ast::Statement into a bound::Query.
//
// The binder walks clauses in order with a scope of variables (name -> slot and kind),
// gives every variable a slot, resolves labels, relationship types and property keys to
// catalog ids where they exist, binds parameters to their values, extracts aggregates and
// their grouping keys, and raises the compile-time errors openCypher specifies (all as
// parley::Error with a position): SyntaxError with detail UndefinedVariable,
// VariableAlreadyBound, VariableTypeConflict, InvalidAggregation,
// AmbiguousAggregationExpression, NoSingleRelationshipType, CreatingVarLength,
// RequiresDirectedRelationship, InvalidDelete, DifferentColumnsInUnion,
// InvalidClauseComposition, ColumnNameConflict, NoExpressionAlias, NoVariablesInScope,
// InvalidArgumentType, InvalidNumberOfArguments, UnknownFunction, NegativeIntegerArgument,
// InvalidParameterUse, NonConstantExpression; ParameterMissing MissingParameter;
// ProcedureError ProcedureNotFound.
//
// A Binder binds one statement; it reads the catalog through `txn` (never writes).
#ifndef PARLEY_ENGINE_BINDER_BINDER_H_
#define PARLEY_ENGINE_BINDER_BINDER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/binder/bound_query.h"
#include "engine/parser/ast.h"
#include "engine/storage/graph_store.h"
#include "parley/database.h"

namespace parley::binder {

using ProcedureLookup = std::function<const TableProcedure*(const std::string&)>;

enum class VarKind : std::uint8_t { kAny, kNode, kRel, kRelList, kPath };

struct Variable {
  std::string name;
  bound::Slot slot;
  VarKind kind = VarKind::kAny;
  std::optional<ValueType> type;  // statically known value type, if any
};

class Binder {
 public:
  // `txn` and `params` must outlive the Binder. `procedures` may be empty.
  Binder(const storage::Txn& txn, const Map& params, ProcedureLookup procedures = {});

  // Throws parley::Error (see the file comment).
  bound::Query Bind(const ast::Statement& stmt);

 private:
  using Scope = std::vector<Variable>;

  // binder.cc
  void BindSingle(const ast::SingleQuery& q, bound::SingleQuery* out, bool last_part);
  void BindClause(const ast::Clause& c, bool is_last, bound::SingleQuery* out);
  const Variable* Find(const std::string& name) const;
  const Variable& Declare(const std::string& name, VarKind kind, SourcePos pos,
                          std::optional<ValueType> type = std::nullopt);
  bound::Slot NewSlot(const std::string& name);
  bound::Token LabelToken(const std::string& name) const;
  bound::Token TypeToken(const std::string& name) const;
  bound::Token KeyToken(const std::string& name) const;
  // Records that the statement reads parameter `name` (bound::Query::parameters).
  void NoteParameter(const std::string& name);

  // bind_match.cc
  void BindMatch(const ast::MatchClause& m, bound::SingleQuery* out);
  bound::PatternPart BindPatternPart(const ast::PatternPart& p, bool for_create,
                                     std::vector<bound::Slot>* new_slots);
  void DeclarePatternVariables(const ast::PatternPart& p, bool for_create,
                               std::vector<bound::Slot>* new_slots);
  void CheckNodeVar(const std::string& name, SourcePos pos);

  // bind_projection.cc
  void BindUnwind(const ast::UnwindClause& u, bound::SingleQuery* out);
  void BindProjection(const ast::Projection& p, const ast::Expr* where, bool is_return,
                      SourcePos pos, bound::SingleQuery* out);
  void BindAggregatingItems(const ast::Projection& p, bound::Projection* out,
                            std::vector<Variable>* new_scope);
  void BindOrderBy(const ast::Projection& p, const Scope& old_scope, bound::Projection* out);
  bound::ExprPtr BindCount(const ast::Expr& e, const char* what);
  bound::ExprPtr BindSortExpr(const ast::Expr& e, bool aggregating, const Scope& old_scope,
                              const Scope& new_scope,
                              const std::vector<std::pair<std::string, bound::Slot>>& keys);

  // bind_update.cc
  void BindCreate(const ast::CreateClause& c, bound::SingleQuery* out);
  void BindMerge(const ast::MergeClause& m, bound::SingleQuery* out);
  void BindSet(const ast::SetClause& s, bound::SingleQuery* out);
  void BindRemove(const ast::RemoveClause& r, bound::SingleQuery* out);
  void BindDelete(const ast::DeleteClause& d, bound::SingleQuery* out);
  void BindCall(const ast::CallClause& c, bool standalone, bound::SingleQuery* out);
  bound::SetItem BindSetItem(const ast::SetItem& item);
  void CheckCreateRel(const ast::RelPattern& r, bool merge);

  // bind_expression.cc
  bound::ExprPtr BindExpr(const ast::Expr& e);
  bound::ExprPtr BindExprInner(const ast::Expr& e);
  bound::ExprPtr BindFunction(const ast::Expr& e);
  bound::ExprPtr BindAggregate(const ast::Expr& e);
  bound::ExprPtr BindScoped(const ast::Expr& e);
  bound::ExprPtr BindSubquery(const ast::Expr& e);
  bound::ExprPtr BindMapProjection(const ast::Expr& e);
  bound::ExprPtr BindVariable(const ast::Expr& e);
  bound::ExprPtr BindGraphFunction(const ast::Expr& e, bound::GraphFunction fn);
  bound::ExprPtr BindPropertiesMap(const ast::Expr* e);
  std::optional<ValueType> StaticType(const bound::Expr& e) const;
  void CheckBoolean(const bound::Expr& e, SourcePos pos) const;
  bool ContainsAggregate(const ast::Expr& e) const;

  const storage::Txn& txn_;
  const Map& params_;
  ProcedureLookup procedures_;
  bound::Query query_;
  Scope scope_;
  // While binding aggregating projection items: where aggregates go (null: not allowed).
  std::vector<bound::AggregateCall>* aggregates_ = nullptr;
  // While binding expressions after aggregation: grouping keys by expression text.
  const std::vector<std::pair<std::string, bound::Slot>>* group_keys_ = nullptr;
  bool in_aggregate_args_ = false;
  // While binding aggregating items: variables declared before this index that are not
  // grouping keys cannot be read outside an aggregate (AmbiguousAggregationExpression).
  std::size_t ambiguous_below_ = 0;
  // While binding an ORDER BY item that aggregates after an aggregating projection: only
  // variables, property reads and aggregates may stand for projected items.
  bool sort_with_aggregate_ = false;
  const std::string* text_ = nullptr;
};

}  // namespace parley::binder

#endif  // PARLEY_ENGINE_BINDER_BINDER_H_
