#include "convert.h"

#include <pybind11/stl.h>

#include <fmt/format.h>

#include "parley/error.h"

namespace parley::python {

namespace {

constexpr std::int64_t kUnixEpochOrdinal = 719163;  // date(1970, 1, 1).toordinal()
constexpr std::int64_t kMinOrdinal = 1;             // date(1, 1, 1)
constexpr std::int64_t kMaxOrdinal = 3652059;       // date(9999, 12, 31)

// The datetime module's types, looked up once.
struct DatetimeModule {
  py::object date, time, datetime, timedelta, timezone, zone_info;
  static const DatetimeModule& Get() {
    static const DatetimeModule* m = [] {
      auto* d = new DatetimeModule;  // kept for the process: module objects never die
      py::module_ dt = py::module_::import("datetime");
      d->date = dt.attr("date");
      d->time = dt.attr("time");
      d->datetime = dt.attr("datetime");
      d->timedelta = dt.attr("timedelta");
      d->timezone = dt.attr("timezone");
      d->zone_info = py::module_::import("zoneinfo").attr("ZoneInfo");
      return d;
    }();
    return *m;
  }
};

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

py::object TimeOfDay(std::int64_t nanos, const py::object& tz) {
  const auto& dt = DatetimeModule::Get();
  std::int64_t us = nanos / 1000;
  return dt.time(us / 3600000000LL, us / 60000000LL % 60, us / 1000000LL % 60, us % 1000000,
                 tz);
}

py::object Offset(std::int32_t seconds) {
  const auto& dt = DatetimeModule::Get();
  return dt.timezone(dt.timedelta(py::arg("seconds") = seconds));
}

// Local date and time from seconds since 1970-01-01T00:00 (as if UTC), or None when
// Python's datetime cannot hold it.
py::object LocalDateTimeOf(std::int64_t seconds, std::int32_t nanos, const py::object& tz) {
  const auto& dt = DatetimeModule::Get();
  std::int64_t days = FloorDiv(seconds, 86400);
  std::int64_t ordinal = days + kUnixEpochOrdinal;
  if (ordinal < kMinOrdinal || ordinal > kMaxOrdinal) return py::none();
  std::int64_t in_day = seconds - days * 86400;
  py::object d = dt.date.attr("fromordinal")(ordinal);
  return dt.datetime(d.attr("year"), d.attr("month"), d.attr("day"), in_day / 3600,
                     in_day / 60 % 60, in_day % 60, nanos / 1000, tz);
}

py::object Temporal(const Value& v) {
  const auto& dt = DatetimeModule::Get();
  const auto& s = v.storage();
  if (const auto* d = std::get_if<Date>(&s)) {
    std::int64_t ordinal = d->days + kUnixEpochOrdinal;
    if (ordinal >= kMinOrdinal && ordinal <= kMaxOrdinal) {
      return dt.date.attr("fromordinal")(ordinal);
    }
  } else if (const auto* t = std::get_if<LocalTime>(&s)) {
    return TimeOfDay(t->nanos, py::none());
  } else if (const auto* t = std::get_if<Time>(&s)) {
    return TimeOfDay(t->nanos, Offset(t->offset_seconds));
  } else if (const auto* t = std::get_if<LocalDateTime>(&s)) {
    py::object out = LocalDateTimeOf(t->seconds, t->nanos, py::none());
    if (!out.is_none()) return out;
  } else if (const auto* t = std::get_if<DateTime>(&s)) {
    // The local time at the offset in force, then the named zone where there is one.
    py::object out = LocalDateTimeOf(t->seconds + t->offset_seconds, t->nanos,
                                     Offset(t->offset_seconds));
    if (!out.is_none()) {
      if (t->zone.empty()) return out;
      try {
        return out.attr("astimezone")(dt.zone_info(t->zone));
      } catch (const py::error_already_set&) {
        return out;  // a zone Python's tz database lacks: the fixed offset still holds
      }
    }
  } else if (const auto* d = std::get_if<Duration>(&s)) {
    return py::cast(PyDuration{d->months, d->days, d->seconds, d->nanos});
  }
  return py::str(v.ToString());
}

py::dict Properties(const Map& m) {
  py::dict out;
  for (const auto& [k, v] : m) out[py::str(k)] = ToPython(v);
  return out;
}

py::object NodeObject(const Node& n) {
  PyNode out;
  out.id = n.id;
  for (const std::string& l : n.labels) out.labels.append(py::str(l));
  out.properties = Properties(n.properties);
  return py::cast(std::move(out));
}

py::object RelObject(const Relationship& r) {
  return py::cast(PyRelationship{r.id, r.type, r.start, r.end, Properties(r.properties)});
}

}  // namespace

py::object ToPython(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull: return py::none();
    case ValueType::kBool: return py::bool_(v.as_bool());
    case ValueType::kInt: return py::int_(v.as_int());
    case ValueType::kFloat: return py::float_(v.as_float());
    case ValueType::kString: return py::str(v.as_string());
    case ValueType::kList: {
      py::list out;
      for (const Value& e : v.as_list()) out.append(ToPython(e));
      return out;
    }
    case ValueType::kMap: return Properties(v.as_map());
    case ValueType::kNode: return NodeObject(v.as_node());
    case ValueType::kRelationship: return RelObject(v.as_relationship());
    case ValueType::kPath: {
      PyPath p;
      for (const Node& n : v.as_path().nodes) p.nodes.append(NodeObject(n));
      for (const Relationship& r : v.as_path().rels) p.relationships.append(RelObject(r));
      return py::cast(std::move(p));
    }
    default: return Temporal(v);
  }
}

namespace {

[[noreturn]] void NotAValue(py::handle obj, const std::string& what) {
  std::string type = py::str(py::type::of(obj).attr("__name__"));
  throw Error(ErrorKind::kTypeError, "InvalidParameterType",
              fmt::format("{} is a Python {}, which is no Cypher value", what, type));
}

std::int64_t Int(py::handle obj) { return obj.cast<std::int64_t>(); }

}  // namespace

Value FromPython(py::handle obj, const std::string& what) {
  const auto& dt = DatetimeModule::Get();
  if (obj.is_none()) return Value();
  if (py::isinstance<py::bool_>(obj)) return Value(obj.cast<bool>());
  if (py::isinstance<py::int_>(obj)) {
    try {
      return Value(obj.cast<std::int64_t>());
    } catch (const py::cast_error&) {
      throw Error(ErrorKind::kTypeError, "InvalidParameterType",
                  fmt::format("{} does not fit in a 64-bit integer", what));
    }
  }
  if (py::isinstance<py::float_>(obj)) return Value(obj.cast<double>());
  if (py::isinstance<py::str>(obj)) return Value(obj.cast<std::string>());
  if (py::isinstance<py::list>(obj) || py::isinstance<py::tuple>(obj)) {
    List out;
    std::size_t i = 0;
    for (py::handle e : obj) out.push_back(FromPython(e, fmt::format("{}[{}]", what, i++)));
    return Value(std::move(out));
  }
  if (py::isinstance<py::dict>(obj)) {
    Map out;
    for (auto [k, e] : obj.cast<py::dict>()) {
      if (!py::isinstance<py::str>(k)) NotAValue(k, what + "'s key");
      std::string key = k.cast<std::string>();
      out[key] = FromPython(e, fmt::format("{}['{}']", what, key));
    }
    return Value(std::move(out));
  }
  if (py::isinstance(obj, dt.datetime)) {  // before date: a datetime is a date
    std::int64_t days = Int(obj.attr("toordinal")()) - kUnixEpochOrdinal;
    std::int64_t local = days * 86400 + Int(obj.attr("hour")) * 3600 +
                         Int(obj.attr("minute")) * 60 + Int(obj.attr("second"));
    std::int32_t nanos = static_cast<std::int32_t>(Int(obj.attr("microsecond")) * 1000);
    py::object offset = obj.attr("utcoffset")();
    if (offset.is_none()) return Value(LocalDateTime{local, nanos});
    std::int32_t off = static_cast<std::int32_t>(offset.attr("total_seconds")().cast<double>());
    std::string zone;
    py::object tz = obj.attr("tzinfo");
    if (py::isinstance(tz, dt.zone_info)) zone = py::str(tz.attr("key"));
    return Value(DateTime{local - off, nanos, off, zone});
  }
  if (py::isinstance(obj, dt.date)) {
    return Value(Date{Int(obj.attr("toordinal")()) - kUnixEpochOrdinal});
  }
  if (py::isinstance(obj, dt.time)) {
    std::int64_t nanos = ((Int(obj.attr("hour")) * 60 + Int(obj.attr("minute"))) * 60 +
                          Int(obj.attr("second"))) * 1000000000LL +
                         Int(obj.attr("microsecond")) * 1000;
    py::object offset = obj.attr("utcoffset")();
    if (offset.is_none()) return Value(LocalTime{nanos});
    return Value(Time{nanos, static_cast<std::int32_t>(
                                 offset.attr("total_seconds")().cast<double>())});
  }
  if (py::isinstance(obj, dt.timedelta)) {
    return Value(Duration{0, Int(obj.attr("days")), Int(obj.attr("seconds")),
                          static_cast<std::int32_t>(Int(obj.attr("microseconds")) * 1000)});
  }
  if (py::isinstance<PyDuration>(obj)) {
    const auto& d = obj.cast<const PyDuration&>();
    return Value(Duration{d.months, d.days, d.seconds, d.nanoseconds});
  }
  if (py::isinstance<PyNode>(obj)) return Value(Node{obj.cast<const PyNode&>().id, {}, {}});
  NotAValue(obj, what);
}

Map ParamsFromPython(const py::object& params) {
  Map out;
  if (params.is_none()) return out;
  if (!py::isinstance<py::dict>(params)) {
    throw Error(ErrorKind::kTypeError, "InvalidParameterType",
                "parameters are given as a dict of name -> value");
  }
  for (auto [k, v] : params.cast<py::dict>()) {
    if (!py::isinstance<py::str>(k)) NotAValue(k, "a parameter name");
    std::string name = k.cast<std::string>();
    out[name] = FromPython(v, "parameter $" + name);
  }
  return out;
}

}  // namespace parley::python
