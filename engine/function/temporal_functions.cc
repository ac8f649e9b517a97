// The temporal scalar functions: constructors, current time, truncation, epoch
// conversion and durations.
#include "engine/function/scalar_internal.h"
#include "engine/function/temporal.h"
#include "engine/function/temporal_internal.h"

namespace parley::function {
namespace {

using internal::Args;
using internal::TemporalKind;

// The zone a current-time function is asked for: its string argument, or the default.
internal::Zone ZoneArg(std::string_view fn, Args a) {
  if (a.empty()) return internal::DefaultZone();
  return internal::ParseZone(internal::StringArg(fn, a[0]));
}

template <TemporalKind K>
Value Construct(Args a) {
  if (a.empty()) return internal::NowTemporal(K, StatementTime(), internal::DefaultZone());
  return internal::BuildTemporal(K, a[0], StatementTime());
}

template <TemporalKind K>
Value Statement(Args a) {
  if (internal::AnyNull(a)) return {};
  return internal::NowTemporal(K, StatementTime(), ZoneArg("statement", a));
}

template <TemporalKind K>
Value Realtime(Args a) {
  if (internal::AnyNull(a)) return {};
  return internal::NowTemporal(K, internal::RealTime(), ZoneArg("realtime", a));
}

template <TemporalKind K>
Value Truncate(Args a) {
  if (a[0].is_null() || a[1].is_null()) return {};
  const std::string& unit = internal::StringArg("truncate", a[0]);
  static const Map kEmpty;
  const Map* overrides = &kEmpty;
  if (a.size() > 2 && !a[2].is_null()) {
    if (!a[2].is_map()) internal::ThrowArgType("truncate", a[2]);
    overrides = &a[2].as_map();
  }
  return internal::TruncateTemporal(K, unit, a[1], *overrides);
}

Value FromEpoch(Args a) {
  if (internal::AnyNull(a)) return {};
  std::int64_t secs = internal::IntArg("datetime.fromepoch", a[0]);
  std::int64_t nanos = internal::IntArg("datetime.fromepoch", a[1]);
  std::int64_t carry = temporal::FloorDiv(nanos, internal::kNanosPerSecond);
  return Value(DateTime{
      secs + carry, static_cast<std::int32_t>(nanos - carry * internal::kNanosPerSecond), 0, ""});
}

Value FromEpochMillis(Args a) {
  if (a[0].is_null()) return {};
  std::int64_t ms = internal::IntArg("datetime.fromepochmillis", a[0]);
  std::int64_t secs = temporal::FloorDiv(ms, 1000);
  return Value(DateTime{secs, static_cast<std::int32_t>((ms - secs * 1000) * 1000000), 0, ""});
}

Value DurationFn(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (v.is_string()) return Value(ParseDuration(v.as_string()));
  if (v.is_map()) return Value(internal::DurationFromMap(v.as_map()));
  if (v.type() == ValueType::kDuration) return v;
  internal::ThrowArgType("duration", v);
}

template <internal::BetweenUnit U>
Value Between(Args a) {
  if (internal::AnyNull(a)) return {};
  return Value(internal::DurationBetween(a[0], a[1], U));
}

template <TemporalKind K>
void AddKind(std::vector<ScalarFunction>& out, std::string_view name, std::string_view statement,
             std::string_view transaction, std::string_view realtime, std::string_view truncate) {
  out.push_back({name, 0, 1, Construct<K>, false});
  out.push_back({statement, 0, 1, Statement<K>, false});
  out.push_back({transaction, 0, 1, Statement<K>, false});
  out.push_back({realtime, 0, 1, Realtime<K>, false});
  out.push_back({truncate, 2, 3, Truncate<K>, true});
}

}  // namespace

namespace internal {

void AddTemporalFunctions(std::vector<ScalarFunction>& out) {
  AddKind<TemporalKind::kDate>(out, "date", "date.statement", "date.transaction", "date.realtime",
                               "date.truncate");
  AddKind<TemporalKind::kLocalTime>(out, "localtime", "localtime.statement",
                                    "localtime.transaction", "localtime.realtime",
                                    "localtime.truncate");
  AddKind<TemporalKind::kTime>(out, "time", "time.statement", "time.transaction", "time.realtime",
                               "time.truncate");
  AddKind<TemporalKind::kLocalDateTime>(out, "localdatetime", "localdatetime.statement",
                                        "localdatetime.transaction", "localdatetime.realtime",
                                        "localdatetime.truncate");
  AddKind<TemporalKind::kDateTime>(out, "datetime", "datetime.statement", "datetime.transaction",
                                   "datetime.realtime", "datetime.truncate");
  out.insert(out.end(), {
                            {"datetime.fromepoch", 2, 2, FromEpoch, true},
                            {"datetime.fromepochmillis", 1, 1, FromEpochMillis, true},
                            {"duration", 1, 1, DurationFn, true},
                            {"duration.between", 2, 2, Between<BetweenUnit::kAll>, true},
                            {"duration.inMonths", 2, 2, Between<BetweenUnit::kMonths>, true},
                            {"duration.inDays", 2, 2, Between<BetweenUnit::kDays>, true},
                            {"duration.inSeconds", 2, 2, Between<BetweenUnit::kSeconds>, true},
                        });
}

}  // namespace internal
}  // namespace parley::function
