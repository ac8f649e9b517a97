// Signatures of the built-in procedures (db.labels, db.relationshipTypes, db.propertyKeys,
// db.indexes, db.procedures, and the graph algorithms algo.* of engine/algo). Their rows
// are computed by the executor from the Txn; here they are TableProcedures without rows,
// so the binder checks calls to them exactly as it checks the embedder's procedures.
#ifndef PARLEY_ENGINE_BINDER_PROCEDURES_H_
#define PARLEY_ENGINE_BINDER_PROCEDURES_H_

#include <string>
#include <vector>

#include "engine/binder/bound_query.h"
#include "parley/database.h"

namespace parley::binder {

// nullptr if `name` is not a built-in procedure. Valid forever.
const TableProcedure* FindBuiltinProcedure(const std::string& name, bound::Call::Builtin* kind);
const std::vector<TableProcedure>& BuiltinProcedures();
// How many of p's inputs a call must pass: the rest may be left out (they are null then).
std::size_t RequiredArguments(const TableProcedure& p);
// "name(in :: TYPE?) :: (out :: TYPE?)"; an input that may be left out: "config = {} :: MAP?"
std::string Signature(const TableProcedure& p);

}  // namespace parley::binder

#endif  // PARLEY_ENGINE_BINDER_PROCEDURES_H_
