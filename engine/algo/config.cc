#include "engine/algo/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "parley/error.h"

namespace parley::algo {
namespace {

constexpr std::string_view kCommonKeys[] = {"labels", "relationshipTypes", "direction"};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Config::Config(std::string_view procedure, const Value& config,
               std::initializer_list<std::string_view> keys)
    : procedure_(procedure) {
  if (config.is_null()) return;
  if (!config.is_map()) {
    throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                fmt::format("{}: the config argument must be a map, got {}", procedure_,
                            TypeName(config.type())));
  }
  entries_ = config.as_map();
  for (const auto& [key, value] : entries_) {
    bool known = std::find(keys.begin(), keys.end(), key) != keys.end() ||
                 std::find(std::begin(kCommonKeys), std::end(kCommonKeys), key) !=
                     std::end(kCommonKeys);
    if (!known) {
      std::string accepted;
      for (std::string_view k : kCommonKeys) accepted += fmt::format("{}, ", k);
      for (std::string_view k : keys) accepted += fmt::format("{}, ", k);
      accepted.resize(accepted.size() - 2);
      throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                  fmt::format("{}: unknown config key `{}` (it accepts {})", procedure_, key,
                              accepted));
    }
  }
}

void Config::Fail(std::string_view key, std::string_view message) const {
  throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
              fmt::format("{}: config `{}` {}", procedure_, key, message));
}

const Value* Config::Find(std::string_view key) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.is_null()) return nullptr;
  return &it->second;
}

std::optional<std::int64_t> Config::Int(std::string_view key, std::int64_t min,
                                        std::int64_t max) const {
  const Value* v = Find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_int()) Fail(key, fmt::format("must be an INTEGER, got {}", TypeName(v->type())));
  if (v->as_int() < min || v->as_int() > max) {
    Fail(key, fmt::format("must be from {} to {}, got {}", min, max, v->as_int()));
  }
  return v->as_int();
}

std::optional<double> Config::Float(std::string_view key, double min, double max) const {
  const Value* v = Find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_int() && !v->is_float()) {
    Fail(key, fmt::format("must be a number, got {}", TypeName(v->type())));
  }
  double d = v->as_number();
  if (!(d >= min && d <= max)) Fail(key, fmt::format("must be from {} to {}, got {}", min, max, d));
  return d;
}

std::optional<std::string> Config::String(std::string_view key) const {
  const Value* v = Find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) Fail(key, fmt::format("must be a STRING, got {}", TypeName(v->type())));
  return v->as_string();
}

Direction Config::Orientation(Direction fallback) const {
  std::optional<std::string> s = String("direction");
  if (!s) return fallback;
  std::string d = Upper(*s);
  if (d == "OUTGOING") return Direction::kOut;
  if (d == "INCOMING") return Direction::kIn;
  if (d == "BOTH") return Direction::kBoth;
  Fail("direction", fmt::format("must be 'OUTGOING', 'INCOMING' or 'BOTH', got '{}'", *s));
}

std::vector<std::string> Config::Names(std::string_view key) const {
  const Value* v = Find(key);
  if (v == nullptr) return {};
  if (v->is_string()) return {v->as_string()};
  if (!v->is_list()) {
    Fail(key, fmt::format("must be a LIST of STRING, got {}", TypeName(v->type())));
  }
  std::vector<std::string> names;
  for (const Value& e : v->as_list()) {
    if (!e.is_string()) {
      Fail(key, fmt::format("must be a LIST of STRING, got an element of type {}",
                            TypeName(e.type())));
    }
    names.push_back(e.as_string());
  }
  return names;
}

Restriction Config::Restrict(const storage::Txn& txn) const {
  Restriction r;
  if (Find("labels") != nullptr) {
    r.labels.emplace();
    for (const std::string& name : Names("labels")) {
      if (auto id = txn.FindLabel(name)) r.labels->push_back(*id);
    }
  }
  if (Find("relationshipTypes") != nullptr) {
    r.types.emplace();
    for (const std::string& name : Names("relationshipTypes")) {
      if (auto id = txn.FindRelType(name)) r.types->push_back(*id);
    }
  }
  return r;
}

std::uint32_t Config::NodeArgument(std::string_view name, const Value& v,
                                   const Topology& topology) const {
  if (v.is_null()) {
    throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                fmt::format("{}: argument `{}` is null; it must be a node", procedure_, name));
  }
  if (!v.is_node()) {
    throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                fmt::format("{}: argument `{}` must be a NODE, got {}", procedure_, name,
                            TypeName(v.type())));
  }
  std::uint32_t index = topology.IndexOf(NodeId(v.as_node().id));
  if (index == Topology::kNoIndex) {
    throw Error(ErrorKind::kArgumentError, "InvalidArgumentValue",
                fmt::format("{}: argument `{}` (node {}) is not in the graph the call sees: "
                            "deleted, or without any of the config's `labels`",
                            procedure_, name, v.as_node().id));
  }
  return index;
}

std::optional<CsrEdgeWeights> Config::Weights(RunContext& ctx, const Topology& topology,
                                              Direction direction, HeldMemory* held) const {
  std::optional<std::string> name = String("weight");
  if (!name) return std::nullopt;
  const storage::Txn& txn = ctx.txn();
  std::optional<PropKeyId> key = txn.FindPropKey(*name);
  if (!key) Fail("weight", fmt::format("names property `{}`, which no relationship has", *name));
  CsrEdgeWeights w;
  auto read = [&](const CsrArrays& side, std::vector<double>* out) {
    held->AddArray<double>(side.rels.size());
    out->reserve(side.rels.size());
    for (RelId rel : side.rels) {
      Value v = txn.RelProperty(rel, *key);
      if (!v.is_int() && !v.is_float()) {
        Fail("weight", fmt::format("names property `{}`, but relationship {} has {}", *name,
                                   rel.value,
                                   v.is_null() ? std::string("none")
                                               : fmt::format("a {}", TypeName(v.type()))));
      }
      double d = v.as_number();
      if (!(d >= 0) || std::isinf(d)) {
        Fail("weight", fmt::format("names property `{}`, but relationship {} has {}, and "
                                   "weights must be finite and not negative",
                                   *name, rel.value, d));
      }
      out->push_back(d);
      if (out->size() % 4096 == 0) ctx.CheckInterrupt();
    }
  };
  if (direction != Direction::kIn) read(topology.out(), &w.out);
  if (direction != Direction::kOut) read(topology.in(), &w.in);
  return w;
}

}  // namespace parley::algo
