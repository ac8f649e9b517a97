#include "engine/binder/procedures.h"

#include "engine/algo/procedures.h"

namespace parley::binder {

const std::vector<TableProcedure>& BuiltinProcedures() {
  static const std::vector<TableProcedure> kProcedures = {
      {"db.labels", {}, {{"label", "STRING?"}}, {}},
      {"db.relationshipTypes", {}, {{"relationshipType", "STRING?"}}, {}},
      {"db.propertyKeys", {}, {{"propertyKey", "STRING?"}}, {}},
      {"db.indexes", {}, {{"name", "STRING?"}, {"label", "STRING?"}, {"properties", "LIST?"}}, {}},
      {"db.procedures", {}, {{"name", "STRING?"}, {"signature", "STRING?"},
                             {"description", "STRING?"}}, {}},
  };
  return kProcedures;
}

const TableProcedure* FindBuiltinProcedure(const std::string& name, bound::Call::Builtin* kind) {
  using B = bound::Call::Builtin;
  static const B kKinds[] = {B::kLabels, B::kRelationshipTypes, B::kPropertyKeys, B::kIndexes,
                             B::kProcedures};
  const auto& all = BuiltinProcedures();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].name == name) {
      *kind = kKinds[i];
      return &all[i];
    }
  }
  if (const algo::Procedure* p = algo::FindProcedure(name)) {
    *kind = B::kAlgo;
    return &p->signature;
  }
  return nullptr;
}

std::size_t RequiredArguments(const TableProcedure& p) {
  if (const algo::Procedure* a = algo::FindProcedure(p.name); a && &a->signature == &p) {
    return a->required_inputs;
  }
  return p.inputs.size();
}

std::string Signature(const TableProcedure& p) {
  if (const algo::Procedure* a = algo::FindProcedure(p.name); a && &a->signature == &p) {
    return algo::SignatureText(*a);
  }
  std::string s = p.name + "(";
  for (std::size_t i = 0; i < p.inputs.size(); ++i) {
    if (i) s += ", ";
    s += p.inputs[i].name + " :: " + p.inputs[i].type;
  }
  s += ") :: (";
  for (std::size_t i = 0; i < p.outputs.size(); ++i) {
    if (i) s += ", ";
    s += p.outputs[i].name + " :: " + p.outputs[i].type;
  }
  return s + ")";
}

}  // namespace parley::binder
