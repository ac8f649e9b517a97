// List- and map-shaped parts of the evaluator: indexing, slicing, comprehensions,
// quantifiers, reduce and map projections.
#include <fmt/format.h>

#include "engine/execution/expression_eval.h"

namespace parley::execution {

namespace {

[[noreturn]] void TypeErr(std::string detail, std::string msg) {
  throw Error(ErrorKind::kTypeError, std::move(detail), std::move(msg));
}

const List& ListArg(const Value& v, const char* what) {
  if (!v.is_list()) {
    TypeErr("InvalidArgumentType", fmt::format("{} expects a list but got {}", what,
                                               TypeName(v.type())));
  }
  return v.as_list();
}

}  // namespace

Value Evaluator::EvalIndex(const bound::Expr& e, Row& row) {
  Value base = Eval(*e.args[0], row);
  Value idx = Eval(*e.args[1], row);
  if (base.is_null() || idx.is_null()) return Value();
  if (base.is_list()) {
    if (!idx.is_int()) {
      TypeErr("ListElementAccessByNonInteger",
              fmt::format("a list index must be an integer, not {}", TypeName(idx.type())));
    }
    const List& l = base.as_list();
    std::int64_t i = idx.as_int();
    std::int64_t n = static_cast<std::int64_t>(l.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value();
    return l[i];
  }
  if (base.is_map() || base.is_node() || base.is_relationship()) {
    if (!idx.is_string()) {
      TypeErr("MapElementAccessByNonString",
              fmt::format("a map key must be a string, not {}", TypeName(idx.type())));
    }
    if (base.is_map()) {
      auto it = base.as_map().find(idx.as_string());
      return it == base.as_map().end() ? Value() : it->second;
    }
    return EntityProperty(*ctx_, base, bound::Token{idx.as_string(), std::nullopt});
  }
  TypeErr("InvalidArgumentType",
          fmt::format("cannot index into a {}", TypeName(base.type())));
}

Value Evaluator::EvalSlice(const bound::Expr& e, Row& row) {
  Value base = Eval(*e.args[0], row);
  Value from = e.args[1] ? Eval(*e.args[1], row) : Value();
  Value to = e.args[2] ? Eval(*e.args[2], row) : Value();
  if (base.is_null()) return Value();
  if ((e.args[1] && from.is_null()) || (e.args[2] && to.is_null())) return Value();
  const List& l = ListArg(base, "slicing");
  std::int64_t n = static_cast<std::int64_t>(l.size());
  auto norm = [&](const Value& v, std::int64_t dflt) {
    if (v.is_null()) return dflt;
    if (!v.is_int()) TypeErr("InvalidArgumentType", "slice bounds must be integers");
    std::int64_t i = v.as_int();
    if (i < 0) i += n;
    return std::clamp<std::int64_t>(i, 0, n);
  };
  std::int64_t a = norm(from, 0);
  std::int64_t b = norm(to, n);
  if (b <= a) return List{};
  return List(l.begin() + a, l.begin() + b);
}

Value Evaluator::EvalComprehension(const bound::Expr& e, Row& row) {
  Value list = Eval(*e.args[0], row);
  if (list.is_null()) return Value();
  List src = ListArg(list, "a list comprehension");
  List out;
  for (Value& x : src) {
    row[e.slot] = x;
    if (e.args[1] && !Test(*e.args[1], row)) continue;
    out.push_back(e.args[2] ? Eval(*e.args[2], row) : std::move(x));
  }
  return out;
}

Value Evaluator::EvalQuantifier(const bound::Expr& e, Row& row) {
  Value list = Eval(*e.args[0], row);
  if (list.is_null()) return Value();
  List src = ListArg(list, "a quantifier");
  std::int64_t trues = 0;
  std::int64_t nulls = 0;
  for (Value& x : src) {
    row[e.slot] = std::move(x);
    Value p = e.args[1] ? Eval(*e.args[1], row) : Value(true);
    if (p.is_null()) {
      ++nulls;
    } else if (IsTrue(p, e.pos)) {
      ++trues;
    }
  }
  bool saw_null = nulls > 0;
  std::int64_t falses = static_cast<std::int64_t>(src.size()) - trues - nulls;
  switch (static_cast<bound::Quantifier>(e.op)) {
    case bound::Quantifier::kAll:
      if (falses > 0) return false;
      return saw_null ? Value() : Value(true);
    case bound::Quantifier::kAny:
      if (trues > 0) return true;
      return saw_null ? Value() : Value(false);
    case bound::Quantifier::kNone:
      if (trues > 0) return false;
      return saw_null ? Value() : Value(true);
    case bound::Quantifier::kSingle:
      if (trues > 1) return false;
      if (saw_null) return Value();
      return trues == 1;
  }
  return Value();
}

Value Evaluator::EvalReduce(const bound::Expr& e, Row& row) {
  Value acc = Eval(*e.args[0], row);
  Value list = Eval(*e.args[1], row);
  if (list.is_null()) return Value();
  List src = ListArg(list, "reduce");
  for (Value& x : src) {
    row[e.slot] = std::move(x);
    row[e.slot2] = std::move(acc);
    acc = Eval(*e.args[2], row);
  }
  return acc;
}

Value Evaluator::EvalMapProjection(const bound::Expr& e, Row& row) {
  Value base = Eval(*e.args[0], row);
  if (base.is_null()) return Value();
  bool entity = base.is_node() || base.is_relationship();
  if (!entity && !base.is_map()) {
    TypeErr("InvalidArgumentType",
            fmt::format("map projection needs a map, node or relationship, not {}",
                        TypeName(base.type())));
  }
  Map out;
  for (const bound::MapProjectionItem& item : e.map_items) {
    switch (item.kind) {
      case bound::MapProjectionItem::Kind::kAllProperties: {
        Map all = entity ? EntityProperties(*ctx_, base) : base.as_map();
        for (auto& [k, v] : all) out[k] = std::move(v);
        break;
      }
      case bound::MapProjectionItem::Kind::kProperty:
        if (entity) {
          out[item.key] = EntityProperty(*ctx_, base, item.prop);
        } else {
          auto it = base.as_map().find(item.key);
          out[item.key] = it == base.as_map().end() ? Value() : it->second;
        }
        break;
      default: out[item.key] = Eval(*e.args[item.arg], row); break;
    }
  }
  return out;
}

}  // namespace parley::execution
