// Values between Parley and Python: parley::Value -> Python object (nodes, relationships
// and paths as parley.Node, parley.Relationship, parley.Path; temporal values as datetime
// objects) and Python parameter values -> parley::Value.
#ifndef PARLEY_PYTHON_CONVERT_H_
#define PARLEY_PYTHON_CONVERT_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <vector>

#include "parley/value.h"

namespace parley::python {

namespace py = pybind11;

// A node as Python sees it: id, labels and properties (a dict), equal by id.
struct PyNode {
  std::uint64_t id = 0;
  py::list labels;
  py::dict properties;
};

// A relationship: id, type, the ids of its start and end nodes, and properties.
struct PyRelationship {
  std::uint64_t id = 0;
  std::string type;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  py::dict properties;
};

// A path: nodes and relationships, relationships[i] joining nodes[i] and nodes[i + 1].
struct PyPath {
  py::list nodes;
  py::list relationships;
};

// A Cypher duration, which keeps months, days and seconds apart (datetime.timedelta
// cannot hold months).
struct PyDuration {
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  std::int32_t nanoseconds = 0;
};

// Requires the GIL. Temporal values Python's datetime cannot hold (years outside
// 1..9999) come out as their Cypher string form.
py::object ToPython(const Value& v);

// Requires the GIL. Throws parley::Error (TypeError) naming `what` for an object that is
// no Cypher value (e.g. a set, or a dict with a non-string key).
Value FromPython(py::handle obj, const std::string& what);
Map ParamsFromPython(const py::object& params);

}  // namespace parley::python

#endif  // PARLEY_PYTHON_CONVERT_H_
