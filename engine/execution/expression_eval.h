// Evaluates bound expressions over a row.
//
// Pure functions go to the function library (engine/function); graph functions, property
// access, label predicates, comprehensions and pattern sub-queries are evaluated here
// against the statement's Txn. Comprehension variables are slots too: evaluating one
// writes its slot in `row`, which is why rows are passed mutable.
//
// Errors: parley::Error with the expression's position (TypeError for operands of the
// wrong type, EntityNotFound "DeletedEntityAccess" for properties of an entity this
// statement deleted, and whatever the function library throws). Not thread-safe.
#ifndef PARLEY_ENGINE_EXECUTION_EXPRESSION_EVAL_H_
#define PARLEY_ENGINE_EXECUTION_EXPRESSION_EVAL_H_

#include <memory>
#include <optional>
#include <unordered_map>

#include "engine/binder/bound_query.h"
#include "engine/execution/exec_context.h"

namespace re2 {
class RE2;
}

namespace parley::execution {

class Evaluator {
 public:
  explicit Evaluator(ExecContext* ctx);
  ~Evaluator();

  Value Eval(const bound::Expr& e, Row& row);
  // True only when the predicate evaluates to true (null and false filter the row out).
  // Throws TypeError when it evaluates to a non-boolean value.
  bool Test(const bound::Expr& e, Row& row);

 private:
  // A parameter's value in this run (ExecContext::params), else the bound one.
  const Value& Parameter(const bound::Expr& e) const;
  Value EvalInner(const bound::Expr& e, Row& row);
  Value EvalProperty(const bound::Expr& e, Row& row);
  Value EvalLogic(const bound::Expr& e, Row& row);
  Value EvalCompare(const bound::Expr& e, Row& row);
  Value EvalArith(const bound::Expr& e, Row& row);
  Value EvalStringOp(const bound::Expr& e, Row& row);
  Value EvalRegex(const bound::Expr& e, Row& row);
  Value EvalIndex(const bound::Expr& e, Row& row);
  Value EvalSlice(const bound::Expr& e, Row& row);
  Value EvalFunction(const bound::Expr& e, Row& row);
  Value EvalGraphFunction(const bound::Expr& e, Row& row);
  Value EvalCase(const bound::Expr& e, Row& row);
  Value EvalComprehension(const bound::Expr& e, Row& row);
  Value EvalQuantifier(const bound::Expr& e, Row& row);
  Value EvalReduce(const bound::Expr& e, Row& row);
  Value EvalHasLabels(const bound::Expr& e, Row& row);
  Value EvalMapProjection(const bound::Expr& e, Row& row);
  Value EvalSubquery(const bound::Expr& e, Row& row);

  ExecContext* ctx_;
  std::unordered_map<const bound::Expr*, std::unique_ptr<re2::RE2>> regex_cache_;
};

// Graph helpers shared by operators and the evaluator.
Value NodeValue(NodeId id);
Value RelValue(const storage::Txn& txn, const storage::RelRecord& rel);
// `*slot` = NodeValue(id) / RelValue(txn, rel), updating an unmaterialised entity already
// there in place: operators rebind the same slot for every row they produce.
void SetNode(Value* slot, NodeId id);
void SetRel(Value* slot, const storage::Txn& txn, const storage::RelRecord& rel);
std::optional<PropKeyId> ResolveKey(const storage::Txn& txn, const bound::Token& key);
std::optional<LabelId> ResolveLabel(const storage::Txn& txn, const bound::Token& label);
std::optional<RelTypeId> ResolveType(const storage::Txn& txn, const bound::Token& type);
// A property of a node or relationship (null when absent). Throws EntityNotFound
// "DeletedEntityAccess" for an entity this statement deleted.
Value EntityProperty(ExecContext& ctx, const Value& entity, const bound::Token& key);
// All properties of a node or relationship as a map.
Map EntityProperties(const ExecContext& ctx, const Value& entity);
// Whether a value is true in a predicate position (null -> false); throws TypeError
// for non-booleans.
bool IsTrue(const Value& v, SourcePos pos);

// Fills labels/properties of every node and relationship inside `v` (for results).
void Materialize(const ExecContext& ctx, Value* v);

}  // namespace parley::execution

#endif  // PARLEY_ENGINE_EXECUTION_EXPRESSION_EVAL_H_
