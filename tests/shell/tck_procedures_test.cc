#include "shell/tck_procedures.h"

#include <gtest/gtest.h>

#include "parley/error.h"

namespace parley::shell {
namespace {

TEST(TckProceduresTest, ReadsInputsOutputsAndRowsInputsFirst) {
  auto procs = ParseTableProcedures(R"j({"procedures": [{"name": "test.my.proc",
      "signature": "test.my.proc(in :: INTEGER?) :: (out :: STRING?)",
      "inputs": [{"name": "in", "type": "INTEGER?"}],
      "outputs": [{"name": "out", "type": "STRING?"}],
      "columns": ["out", "in"], "rows": [["nix", null], ["one", 1]]}]})j");
  ASSERT_EQ(procs.size(), 1u);
  const TableProcedure& p = procs[0];
  EXPECT_EQ(p.name, "test.my.proc");
  ASSERT_EQ(p.inputs.size(), 1u);
  EXPECT_EQ(p.inputs[0].type, "INTEGER?");
  EXPECT_EQ(p.outputs[0].name, "out");
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (std::vector<Value>{Value(), Value("nix")}));
  EXPECT_EQ(p.rows[1], (std::vector<Value>{Value(1), Value("one")}));
}

TEST(TckProceduresTest, DecodesTaggedValues) {
  auto procs = ParseTableProcedures(R"j({"procedures": [{"name": "p", "inputs": [],
      "outputs": [{"name": "x", "type": "FLOAT?"}], "columns": ["x"],
      "rows": [[{"$float": "Infinity"}], [1.0]]}]})j");
  ASSERT_EQ(procs[0].rows.size(), 2u);
  EXPECT_TRUE(procs[0].rows[1][0].is_float());
  EXPECT_GT(procs[0].rows[0][0].as_float(), 1e308);
}

TEST(TckProceduresTest, RejectsMalformedFiles) {
  EXPECT_THROW(ParseTableProcedures("{}"), Error);
  EXPECT_THROW(ParseTableProcedures("not json"), Error);
  EXPECT_THROW(ParseTableProcedures(R"j({"procedures": [{"inputs": []}]})j"), Error);
}

}  // namespace
}  // namespace parley::shell
