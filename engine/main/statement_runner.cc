#include "engine/main/statement_runner.h"

#include <optional>

#include <fmt/format.h>

#include "engine/binder/binder.h"
#include "engine/binder/procedures.h"
#include "engine/execution/operator_builder.h"
#include "engine/planner/planner.h"
#include "engine/storage/schema.h"

namespace parley {

namespace {

class Procedures final : public execution::ProcedureSource {
 public:
  explicit Procedures(const Database::Impl& db) : db_(db) {}
  const TableProcedure* FindProcedure(const std::string& name) const override {
    return db_.FindProcedure(name);
  }
  std::vector<const TableProcedure*> AllProcedures() const override {
    return db_.AllProcedures();
  }

 private:
  const Database::Impl& db_;
};

Result ListResult(std::string column, std::vector<std::string> values) {
  std::vector<std::vector<Value>> rows;
  for (auto& v : values) rows.push_back({Value(std::move(v))});
  return Result({std::move(column)}, std::move(rows), {});
}

bool SchemaNameTaken(const storage::Txn& txn, const std::string& name) {
  for (const storage::IndexInfo& i : txn.Indexes()) {
    if (i.name == name) return true;
  }
  for (const storage::ConstraintInfo& c : txn.Constraints()) {
    if (c.name == name) return true;
  }
  return false;
}

// CREATE CONSTRAINT ... IS UNIQUE. One that exists already on the same label and property
// is kept as it is when the statement names none or says IF NOT EXISTS, so that index
// scripts written for a fresh database run after `parley import` made the constraints on
// the :ID properties; a named one is refused, as is a name taken by another index or
// constraint.
Result CreateConstraint(storage::Txn& txn, const ast::SchemaCommand& cmd) {
  if (cmd.properties.size() != 1) {
    throw Error(ErrorKind::kSemanticError, "",
                "a uniqueness constraint covers one label and one property", cmd.pos);
  }
  const std::string& property = cmd.properties[0];
  LabelId label = txn.GetOrCreateLabel(cmd.label);
  PropKeyId key = txn.GetOrCreatePropKey(property);
  if (txn.HasUniqueConstraint(label, key)) {
    if (cmd.if_exists || cmd.index_name.empty()) return Result();
    std::string existing;
    for (const storage::ConstraintInfo& c : txn.Constraints()) {
      if (c.label == label && c.key == key) existing = c.name;
    }
    throw Error(ErrorKind::kSemanticError, "ConstraintAlreadyExists",
                fmt::format("a uniqueness constraint on :{}({}) already exists, named {}",
                            cmd.label, property, existing),
                cmd.pos);
  }
  std::string name = cmd.index_name.empty()
                         ? storage::DefaultConstraintName(cmd.label, property)
                         : cmd.index_name;
  // An index already on (label, key) is adopted and keeps its own name.
  bool adopts = txn.HasIndex(label, key);
  bool taken = false;
  for (const storage::IndexInfo& i : txn.Indexes()) {
    if (i.name == name && !(adopts && i.label == label && i.key == key)) taken = true;
  }
  for (const storage::ConstraintInfo& c : txn.Constraints()) taken = taken || c.name == name;
  if (taken) {
    if (cmd.if_exists) return Result();
    throw Error(ErrorKind::kSemanticError, "ConstraintAlreadyExists",
                fmt::format("an index or constraint named {} already exists", name), cmd.pos);
  }
  txn.CreateUniqueConstraint(label, key, name);
  return Result();
}

Result RunSchema(Database::Impl& db, storage::Txn& txn, const ast::SchemaCommand& cmd) {
  using K = ast::SchemaCommand::Kind;
  switch (cmd.kind) {
    case K::kCreateIndex: {
      if (cmd.label.empty() || cmd.properties.size() != 1) {
        throw Error(ErrorKind::kSemanticError, "", "an index covers one label and one property",
                    cmd.pos);
      }
      LabelId label = txn.GetOrCreateLabel(cmd.label);
      PropKeyId key = txn.GetOrCreatePropKey(cmd.properties[0]);
      if (txn.HasIndex(label, key)) {
        if (cmd.if_exists) return Result();
        throw Error(ErrorKind::kSemanticError, "IndexAlreadyExists",
                    fmt::format("an index on :{}({}) already exists", cmd.label,
                                cmd.properties[0]),
                    cmd.pos);
      }
      if (!cmd.index_name.empty() && SchemaNameTaken(txn, cmd.index_name)) {
        if (cmd.if_exists) return Result();
        throw Error(ErrorKind::kSemanticError, "IndexAlreadyExists",
                    fmt::format("an index or constraint named {} already exists", cmd.index_name),
                    cmd.pos);
      }
      txn.CreateIndex(label, key, cmd.index_name);
      return Result();
    }
    case K::kCreateConstraint: return CreateConstraint(txn, cmd);
    case K::kDropConstraint: {
      for (const storage::ConstraintInfo& c : txn.Constraints()) {
        if (c.name != cmd.index_name) continue;
        txn.DropUniqueConstraint(c.label, c.key);
        return Result();
      }
      if (cmd.if_exists) return Result();
      throw Error(ErrorKind::kSemanticError, "ConstraintNotFound",
                  fmt::format("there is no constraint named {}", cmd.index_name), cmd.pos);
    }
    case K::kShowConstraints: {
      std::vector<std::vector<Value>> rows;
      for (const storage::ConstraintInfo& c : txn.Constraints()) {
        std::string index;
        for (const storage::IndexInfo& i : txn.Indexes()) {
          if (i.label == c.label && i.key == c.key) index = i.name;
        }
        rows.push_back({c.name, "UNIQUENESS", "NODE", List{Value(txn.LabelName(c.label))},
                        List{Value(txn.PropKeyName(c.key))}, std::move(index)});
      }
      return Result({"name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex"},
                    std::move(rows), {});
    }
    case K::kDropIndex: {
      for (const storage::IndexInfo& i : txn.Indexes()) {
        bool match = cmd.label.empty()
                         ? i.name == cmd.index_name
                         : txn.LabelName(i.label) == cmd.label && cmd.properties.size() == 1 &&
                               txn.PropKeyName(i.key) == cmd.properties[0];
        if (match) {
          txn.DropIndex(i.label, i.key);
          return Result();
        }
      }
      if (cmd.if_exists) return Result();
      throw Error(ErrorKind::kSemanticError, "IndexNotFound", "there is no such index", cmd.pos);
    }
    case K::kShowIndexes: {
      std::vector<std::vector<Value>> rows;
      std::vector<storage::ConstraintInfo> constraints = txn.Constraints();
      for (const storage::IndexInfo& i : txn.Indexes()) {
        Value owner;
        for (const storage::ConstraintInfo& c : constraints) {
          if (c.label == i.label && c.key == i.key) owner = Value(c.name);
        }
        rows.push_back({i.name, txn.LabelName(i.label), List{Value(txn.PropKeyName(i.key))},
                        std::move(owner)});
      }
      return Result({"name", "label", "properties", "owningConstraint"}, std::move(rows), {});
    }
    case K::kShowLabels: {
      std::vector<std::string> out;
      for (LabelId l : txn.AllLabels()) {
        if (txn.LabelCount(l) > 0) out.push_back(txn.LabelName(l));
      }
      return ListResult("label", std::move(out));
    }
    case K::kShowRelationshipTypes: {
      std::vector<std::string> out;
      for (RelTypeId t : txn.AllRelTypes()) {
        if (txn.RelTypeCount(t) > 0) out.push_back(txn.RelTypeName(t));
      }
      return ListResult("relationshipType", std::move(out));
    }
    case K::kShowPropertyKeys: {
      std::vector<std::string> out;
      for (PropKeyId k : txn.AllPropKeys()) out.push_back(txn.PropKeyName(k));
      return ListResult("propertyKey", std::move(out));
    }
    case K::kShowProcedures: {
      std::vector<std::string> out;
      for (const TableProcedure& p : binder::BuiltinProcedures()) out.push_back(p.name);
      for (const TableProcedure* p : db.AllProcedures()) out.push_back(p->name);
      return ListResult("name", std::move(out));
    }
    case K::kShowFunctions: return ListResult("name", {});
  }
  return Result();
}

}  // namespace

namespace {

// Hands a Result's rows to `sink` (for statements whose rows are made whole: schema
// commands, EXPLAIN), leaving the Result without them.
Result Forward(Result result, RowSink* sink) {
  if (sink == nullptr) return result;
  sink->OnColumns(result.columns());
  for (auto& row : result.mutable_rows()) sink->OnRow(std::move(row));
  result.mutable_rows().clear();
  return result;
}

}  // namespace

namespace {

std::vector<std::pair<LabelId, PropKeyId>> IndexKeys(const storage::Txn& txn) {
  std::vector<std::pair<LabelId, PropKeyId>> out;
  for (const storage::IndexInfo& i : txn.Indexes()) out.emplace_back(i.label, i.key);
  return out;
}

// The value types of the parameters `names`, or nullopt when one is missing (binding
// again then reports it, with its position).
std::optional<std::vector<std::pair<std::string, ValueType>>> ParameterTypes(
    const std::vector<std::string>& names, const Params& params) {
  std::vector<std::pair<std::string, ValueType>> out;
  for (const std::string& name : names) {
    auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    out.emplace_back(name, it->second.type());
  }
  return out;
}

std::shared_ptr<const logical::Plan> MakePlan(Database::Impl& db, storage::Txn& txn,
                                              const ast::Statement& stmt,
                                              const Params& params) {
  binder::Binder binder(txn, params,
                        [&db](const std::string& name) { return db.FindProcedure(name); });
  auto query = std::make_shared<bound::Query>(binder.Bind(stmt));
  return std::make_shared<const logical::Plan>(
      planner::Rewrite(planner::Planner(txn).Plan(query)));
}

// The cached plan when it fits this run, else a new one (kept in `cache` if it may be).
std::shared_ptr<const logical::Plan> CachedPlan(Database::Impl& db, storage::Txn& txn,
                                                const ast::Statement& stmt,
                                                const Params& params, PlanCache& cache) {
  auto indexes = IndexKeys(txn);
  if (cache.plan != nullptr && indexes == cache.indexes) {
    auto types = ParameterTypes(cache.plan->query->parameters, params);
    if (types && *types == cache.parameter_types) return cache.plan;
  }
  auto plan = MakePlan(db, txn, stmt, params);
  ++cache.plans_made;
  cache.plan = nullptr;
  if (!plan->query->bakes_parameters) {
    cache.plan = plan;
    cache.parameter_types = *ParameterTypes(plan->query->parameters, params);
    cache.indexes = std::move(indexes);
  }
  return plan;
}

}  // namespace

Result RunStatement(Database::Impl& db, storage::Txn& txn, const ast::Statement& stmt,
                    const Params& params, const std::atomic<bool>& interrupted,
                    const StatementLimits& limits, RowSink* sink, PlanCache* cache,
                    execution::ProgressBoard* progress) {
  if (!stmt.is_query()) return Forward(RunSchema(db, txn, stmt.schema()), sink);
  std::shared_ptr<const logical::Plan> kept =
      cache != nullptr ? CachedPlan(db, txn, stmt, params, *cache)
                       : MakePlan(db, txn, stmt, params);
  const logical::Plan& plan = *kept;
  const bound::Query* query = plan.query.get();
  if (query->explain == bound::ExplainMode::kExplain) {
    std::string text = execution::PlanText(plan, nullptr);
    std::vector<std::vector<Value>> rows;
    for (const std::string& line : logical::ExplainLines(plan)) rows.push_back({Value(line)});
    Result r({"plan"}, std::move(rows), {});
    r.set_plan(std::move(text));
    return Forward(std::move(r), sink);
  }
  Procedures procedures(db);
  execution::ExecContext ctx;
  ctx.txn = &txn;
  ctx.read_only = !query->updating;
  ctx.procedures = &procedures;
  ctx.interrupted = &interrupted;
  ctx.progress = progress;
  // What this statement reported is gone once it ends, however it ends.
  struct ClearProgress {
    execution::ProgressBoard* board;
    ~ClearProgress() {
      if (board != nullptr) board->Clear();
    }
  } clear_progress{progress};
  // A kept plan holds the values of the run that made it: this run's are read instead.
  if (cache != nullptr) ctx.params = &params;
  ctx.memory_limit = limits.memory_bytes;
  ctx.SetTimeout(limits.timeout_ms);
  bool profile = query->explain == bound::ExplainMode::kProfile;
  execution::PhysicalPlan physical = execution::BuildOperators(plan, &ctx, profile);
  if (sink != nullptr) sink->OnColumns(plan.columns);
  std::vector<std::vector<Value>> rows = execution::Drain(
      plan, *physical.root, &ctx,
      sink == nullptr ? execution::RowConsumer()
                      : [sink](std::vector<Value>&& row) { sink->OnRow(std::move(row)); });
  Result result(plan.columns, std::move(rows), ctx.stats);
  if (profile) result.set_plan(execution::PlanText(plan, &physical));
  return result;
}

}  // namespace parley
