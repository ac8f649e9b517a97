// The graph-algorithm procedures (algo.bfs, algo.pageRank, ...): their signatures for the
// binder and db.procedures, and how the executor runs them.
//
// Each procedure takes its positional arguments (nodes) and then an optional config map,
// which may be left out (then it is {}). It returns all its rows at once; the executor
// streams them into the query. Errors are parley::Error: ArgumentError naming the
// procedure and the argument or config key for bad arguments, and what RunContext
// throws for cancellation and the memory bound.
#ifndef PARLEY_ENGINE_ALGO_PROCEDURES_H_
#define PARLEY_ENGINE_ALGO_PROCEDURES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/algo/run_context.h"
#include "parley/database.h"
#include "parley/value.h"

namespace parley::algo {

using Rows = std::vector<std::vector<Value>>;  // one Value per output column

struct Procedure {
  TableProcedure signature;      // name, inputs and outputs as the binder checks them
  std::size_t required_inputs;   // the inputs after these may be left out (then null)
  std::string description;
  Rows (*run)(RunContext& ctx, const std::vector<Value>& args);  // args: every input
};

// All of them, in a fixed order. Valid forever.
const std::vector<Procedure>& Procedures();
// nullptr when `name` is no algorithm procedure.
const Procedure* FindProcedure(std::string_view name);
// "algo.bfs(start :: NODE?, config = {} :: MAP?) :: (node :: NODE?, depth :: INTEGER?)"
std::string SignatureText(const Procedure& p);

}  // namespace parley::algo

#endif  // PARLEY_ENGINE_ALGO_PROCEDURES_H_
