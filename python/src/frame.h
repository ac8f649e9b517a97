// A result's columns as arrays for pandas: each column gets the tightest type its values
// allow, filled straight from the engine's values without a Python object per cell where
// the type permits.
#ifndef PARLEY_PYTHON_FRAME_H_
#define PARLEY_PYTHON_FRAME_H_

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "parley/value.h"

namespace parley::python {

namespace py = pybind11;

// One tuple (name, kind, values, mask) per column, where kind is
//   "int"      values: int64 array; mask (bool array, True = null) or None
//   "float"    values: float64 array, NaN for null (integers mixed in are converted)
//   "bool"     values: bool array; mask or None
//   "datetime" values: int64 nanoseconds since the epoch, local (dates, local
//              date-times); nulls are the int64 minimum (NaT)
//   "datetimetz" the same for date-times, as the UTC instant
//   "timedelta" values: int64 nanoseconds (durations without months)
//   "object"   values: an object array (strings, nodes, lists, mixed columns...)
// Requires the GIL. `rows` are rows of `columns.size()` values.
py::list FrameColumns(const std::vector<std::string>& columns,
                      const std::vector<std::vector<Value>>& rows, std::size_t first_row);

}  // namespace parley::python

#endif  // PARLEY_PYTHON_FRAME_H_
