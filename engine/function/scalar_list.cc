// List and map functions: size, head, last, tail, range, reverse, keys and properties of
// maps, isEmpty.
#include <algorithm>

#include "engine/function/arithmetic.h"
#include "engine/function/scalar_internal.h"

namespace parley::function {
namespace {

using internal::Args;

Value Size(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (v.is_list()) return Value(static_cast<std::int64_t>(v.as_list().size()));
  if (v.is_string()) {
    return Value(static_cast<std::int64_t>(internal::DecodeUtf8(v.as_string()).size()));
  }
  internal::ThrowArgType("size", v);
}

Value Head(Args a) {
  if (a[0].is_null()) return {};
  const List& l = internal::ListArg("head", a[0]);
  return l.empty() ? Value() : l.front();
}

Value Last(Args a) {
  if (a[0].is_null()) return {};
  const List& l = internal::ListArg("last", a[0]);
  return l.empty() ? Value() : l.back();
}

Value Tail(Args a) {
  if (a[0].is_null()) return {};
  const List& l = internal::ListArg("tail", a[0]);
  if (l.empty()) return Value(List{});
  return Value(List(l.begin() + 1, l.end()));
}

Value Range(Args a) {
  std::optional<IntegerRange> range = RangeOf(a);
  if (!range) return {};
  List out;
  if (range->size() > out.max_size()) {  // possible only without a query memory limit
    throw Error(ErrorKind::kRuntimeError, "OutOfMemory",
                "range() would hold " + std::to_string(range->size()) +
                    " elements, more than a list can");
  }
  out.reserve(range->size());
  std::int64_t i = range->start;
  for (std::uint64_t n = range->size(); n > 0; --n) {
    out.emplace_back(i);
    if (n > 1) i += range->step;  // the next value lies within [start, end]: no overflow
  }
  return Value(std::move(out));
}

}  // namespace

std::uint64_t IntegerRange::size() const {
  // Unsigned differences: end - start may exceed the int64 range.
  if (step > 0) {
    if (start > end) return 0;
    return (static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start)) /
               static_cast<std::uint64_t>(step) + 1;
  }
  if (start < end) return 0;
  return (static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(end)) /
             (static_cast<std::uint64_t>(-(step + 1)) + 1) + 1;
}

std::optional<IntegerRange> RangeOf(std::span<const Value> a) {
  if (internal::AnyNull(a)) return std::nullopt;
  IntegerRange range{internal::IntArg("range", a[0]), internal::IntArg("range", a[1]),
                     a.size() > 2 ? internal::IntArg("range", a[2]) : 1};
  if (range.step == 0) internal::ThrowArgValue("range() step must not be zero");
  return range;
}

bool IsRange(const ScalarFunction* fn) { return fn != nullptr && fn->fn == &Range; }

namespace {

Value Reverse(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (v.is_list()) {
    List l = v.as_list();
    std::reverse(l.begin(), l.end());
    return Value(std::move(l));
  }
  if (v.is_string()) {
    auto cps = internal::DecodeUtf8(v.as_string());
    std::reverse(cps.begin(), cps.end());
    return Value(internal::EncodeUtf8(cps));
  }
  internal::ThrowArgType("reverse", v);
}

Value Keys(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (!v.is_map()) internal::ThrowArgType("keys", v);
  List out;
  for (const auto& [k, _] : v.as_map()) out.emplace_back(k);
  return Value(std::move(out));
}

Value Properties(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (!v.is_map()) internal::ThrowArgType("properties", v);
  return v;
}

Value IsEmpty(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (v.is_list()) return Value(v.as_list().empty());
  if (v.is_map()) return Value(v.as_map().empty());
  if (v.is_string()) return Value(v.as_string().empty());
  internal::ThrowArgType("isEmpty", v);
}

}  // namespace

namespace internal {

void AddListFunctions(std::vector<ScalarFunction>& out) {
  out.insert(out.end(), {
                            {"size", 1, 1, Size, true},
                            {"head", 1, 1, Head, true},
                            {"last", 1, 1, Last, true},
                            {"tail", 1, 1, Tail, true},
                            {"range", 2, 3, Range, true},
                            {"reverse", 1, 1, Reverse, true},
                            {"keys", 1, 1, Keys, true},
                            {"properties", 1, 1, Properties, true},
                            {"isEmpty", 1, 1, IsEmpty, true},
                        });
}

}  // namespace internal
}  // namespace parley::function
