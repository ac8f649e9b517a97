#include "frame.h"

#include <pybind11/numpy.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "convert.h"

namespace parley::python {

namespace {

constexpr std::int64_t kNaT = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kNanosPerSecond = 1000000000;

enum class Kind { kNone, kInt, kFloat, kBool, kDatetime, kDatetimeTz, kTimedelta, kObject };

// Nanoseconds since the epoch, or nullopt outside datetime64[ns]'s range (1677..2262).
std::optional<std::int64_t> Nanos(std::int64_t seconds, std::int64_t nanos) {
  constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() /
                                       kNanosPerSecond - 1;
  if (seconds > kMaxSeconds || seconds < -kMaxSeconds) return std::nullopt;
  return seconds * kNanosPerSecond + nanos;
}

// What a column's non-null values allow: one kind for all, or kObject.
Kind Classify(const std::vector<std::vector<Value>>& rows, std::size_t first, std::size_t col) {
  Kind kind = Kind::kNone;
  for (std::size_t r = first; r < rows.size(); ++r) {
    const Value& v = rows[r][col];
    Kind k;
    switch (v.type()) {
      case ValueType::kNull: continue;
      case ValueType::kInt: k = Kind::kInt; break;
      case ValueType::kFloat: k = Kind::kFloat; break;
      case ValueType::kBool: k = Kind::kBool; break;
      case ValueType::kDate:
        k = Nanos(std::get<Date>(v.storage()).days * 86400, 0) ? Kind::kDatetime
                                                               : Kind::kObject;
        break;
      case ValueType::kLocalDateTime: {
        const auto& t = std::get<LocalDateTime>(v.storage());
        k = Nanos(t.seconds, t.nanos) ? Kind::kDatetime : Kind::kObject;
        break;
      }
      case ValueType::kDateTime: {
        const auto& t = std::get<DateTime>(v.storage());
        k = Nanos(t.seconds, t.nanos) ? Kind::kDatetimeTz : Kind::kObject;
        break;
      }
      case ValueType::kDuration: {
        const auto& d = std::get<Duration>(v.storage());
        k = d.months == 0 && Nanos(d.days * 86400 + d.seconds, d.nanos) ? Kind::kTimedelta
                                                                         : Kind::kObject;
        break;
      }
      default: k = Kind::kObject; break;
    }
    if (kind == Kind::kNone || kind == k) {
      kind = k;
    } else if ((kind == Kind::kInt && k == Kind::kFloat) ||
               (kind == Kind::kFloat && k == Kind::kInt)) {
      kind = Kind::kFloat;
    } else {
      return Kind::kObject;
    }
    if (kind == Kind::kObject) return kind;
  }
  return kind == Kind::kNone ? Kind::kObject : kind;
}

std::int64_t TemporalNanos(const Value& v) {
  const auto& s = v.storage();
  if (const auto* d = std::get_if<Date>(&s)) return *Nanos(d->days * 86400, 0);
  if (const auto* t = std::get_if<LocalDateTime>(&s)) return *Nanos(t->seconds, t->nanos);
  if (const auto* t = std::get_if<DateTime>(&s)) return *Nanos(t->seconds, t->nanos);
  const auto& d = std::get<Duration>(s);
  return *Nanos(d.days * 86400 + d.seconds, d.nanos);
}

}  // namespace

py::list FrameColumns(const std::vector<std::string>& columns,
                      const std::vector<std::vector<Value>>& rows, std::size_t first_row) {
  py::list out;
  std::size_t n = rows.size() - std::min(first_row, rows.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    Kind kind = Classify(rows, first_row, c);
    py::object values;
    py::object mask = py::none();
    const char* name = "object";
    bool any_null = false;
    for (std::size_t r = first_row; r < rows.size() && !any_null; ++r) {
      any_null = rows[r][c].is_null();
    }
    switch (kind) {
      case Kind::kInt:
      case Kind::kBool: {
        name = kind == Kind::kInt ? "int" : "bool";
        py::array_t<bool> m(static_cast<py::ssize_t>(n));
        bool* mp = m.mutable_data();
        if (kind == Kind::kInt) {
          py::array_t<std::int64_t> a(static_cast<py::ssize_t>(n));
          std::int64_t* p = a.mutable_data();
          for (std::size_t r = 0; r < n; ++r) {
            const Value& v = rows[first_row + r][c];
            mp[r] = v.is_null();
            p[r] = v.is_null() ? 0 : v.as_int();
          }
          values = std::move(a);
        } else {
          py::array_t<bool> a(static_cast<py::ssize_t>(n));
          bool* p = a.mutable_data();
          for (std::size_t r = 0; r < n; ++r) {
            const Value& v = rows[first_row + r][c];
            mp[r] = v.is_null();
            p[r] = !v.is_null() && v.as_bool();
          }
          values = std::move(a);
        }
        if (any_null) mask = std::move(m);
        break;
      }
      case Kind::kFloat: {
        name = "float";
        py::array_t<double> a(static_cast<py::ssize_t>(n));
        double* p = a.mutable_data();
        for (std::size_t r = 0; r < n; ++r) {
          const Value& v = rows[first_row + r][c];
          p[r] = v.is_null() ? std::nan("") : v.as_number();
        }
        values = std::move(a);
        break;
      }
      case Kind::kDatetime:
      case Kind::kDatetimeTz:
      case Kind::kTimedelta: {
        name = kind == Kind::kDatetime     ? "datetime"
               : kind == Kind::kDatetimeTz ? "datetimetz"
                                           : "timedelta";
        py::array_t<std::int64_t> a(static_cast<py::ssize_t>(n));
        std::int64_t* p = a.mutable_data();
        for (std::size_t r = 0; r < n; ++r) {
          const Value& v = rows[first_row + r][c];
          p[r] = v.is_null() ? kNaT : TemporalNanos(v);
        }
        values = std::move(a);
        break;
      }
      default: {
        // An object array filled in place. Its slots start uninitialised: null them
        // first, so that an exception part way leaves an array numpy can free.
        py::array a(py::dtype("O"), py::array::ShapeContainer{static_cast<py::ssize_t>(n)});
        auto** p = static_cast<PyObject**>(a.mutable_data());
        std::memset(p, 0, n * sizeof(PyObject*));
        for (std::size_t r = 0; r < n; ++r) {
          const Value& v = rows[first_row + r][c];
          py::object o = v.is_string() ? py::str(v.as_string()) : ToPython(v);
          p[r] = o.release().ptr();
        }
        values = std::move(a);
        break;
      }
    }
    out.append(py::make_tuple(py::str(columns[c]), py::str(name), values, mask));
  }
  return out;
}

}  // namespace parley::python
