// parley._parley: the Python binding of Parley's C++ API (include/parley). The package
// parley (parley/__init__.py) re-exports it and adds to_pandas / to_networkx.
//
// Threading: a statement runs on a thread of its own while the calling thread waits with
// the GIL released, waking every 50 ms to let Python handle signals: Ctrl-C (any signal
// whose handler raises) interrupts the statement, which then changes nothing, and the
// exception (KeyboardInterrupt) reaches the caller. A Connection is for one Python
// thread at a time, as in C++; a Database is shared by any number of Connections.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <thread>

#include "convert.h"
#include "frame.h"
#include "parley/parley.h"

namespace parley::python {
namespace {

[[noreturn]] void Closed(const char* what) {
  throw Error(ErrorKind::kRuntimeError, "Closed", std::string(what) + " is closed");
}

// A Database the Python objects made from it keep alive: close() lets go of this
// object's hold, and the database closes (releasing its lock) once no connection or
// statement made from it is left either.
struct PyDatabase {
  std::shared_ptr<Database> db;
  const std::shared_ptr<Database>& Get() const {
    if (!db) Closed("the database");
    return db;
  }
  void Close() {
    py::gil_scoped_release release;  // closing may wait for background work
    db.reset();
  }
};

struct PyConnection {
  std::shared_ptr<Database> db;  // outlives the connection
  std::shared_ptr<Connection> conn;
  const std::shared_ptr<Connection>& Get() const {
    if (!conn) Closed("the connection");
    return conn;
  }
  // Rolls back an open transaction; prepared statements keep the Connection alive.
  void Close() {
    conn.reset();
    db.reset();
  }
};

// A materialised result read by a cursor, DB-API style.
struct PyResult {
  std::shared_ptr<const Result> result;
  std::size_t next = 0;       // the next row fetch* returns
  std::size_t arraysize = 1;  // fetchmany's default size (DB-API)

  py::tuple Row(std::size_t i) const {
    const std::vector<Value>& row = result->rows()[i];
    py::tuple out(row.size());
    for (std::size_t c = 0; c < row.size(); ++c) out[c] = ToPython(row[c]);
    return out;
  }
  py::object FetchOne() {
    if (next >= result->row_count()) return py::none();
    return Row(next++);
  }
  py::list FetchMany(std::size_t n) {
    py::list out;
    for (; n > 0 && next < result->row_count(); --n) out.append(Row(next++));
    return out;
  }
};

struct PyPrepared {
  std::shared_ptr<Database> db;
  std::shared_ptr<Connection> conn;  // the statement must not outlive it
  std::shared_ptr<PreparedStatement> stmt;
};

// Runs `run` on a worker thread with the GIL released; see the file comment.
PyResult RunInterruptibly(Connection& conn, std::function<Result()> run) {
  std::promise<Result> promise;
  std::future<Result> done = promise.get_future();
  std::thread worker([&] {
    try {
      promise.set_value(run());
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  });
  for (;;) {
    bool ready;
    {
      py::gil_scoped_release release;
      ready = done.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready;
    }
    if (ready) break;
    if (PyErr_CheckSignals() != 0) {
      conn.Interrupt();
      {
        py::gil_scoped_release release;
        worker.join();
      }
      throw py::error_already_set();
    }
  }
  worker.join();
  return PyResult{std::make_shared<const Result>(done.get())};
}

py::dict Stats(const QueryStats& s) {
  py::dict d;
  d["nodes_created"] = s.nodes_created;
  d["nodes_deleted"] = s.nodes_deleted;
  d["relationships_created"] = s.relationships_created;
  d["relationships_deleted"] = s.relationships_deleted;
  d["properties_set"] = s.properties_set;
  d["labels_added"] = s.labels_added;
  d["labels_removed"] = s.labels_removed;
  d["properties_removed"] = s.properties_removed;
  return d;
}

// parley.Error is defined in Python (parley/__init__.py); C++ errors become it.
void TranslateErrors(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const Error& e) {
    py::object cls = py::module_::import("parley").attr("Error");
    py::object err = cls(std::string(e.what()), std::string(ErrorKindName(e.kind())),
                         e.detail(), e.pos().line, e.pos().column);
    PyErr_SetObject(cls.ptr(), err.ptr());
  }
}

}  // namespace

PYBIND11_MODULE(_parley, m) {
  m.doc() = "Parley, an embedded knowledge-graph database (Cypher)";
  py::register_exception_translator(&TranslateErrors);

  py::class_<PyNode>(m, "Node", "A node: id, labels and properties; equal by id.")
      .def_readonly("id", &PyNode::id)
      .def_readonly("labels", &PyNode::labels)
      .def_readonly("properties", &PyNode::properties)
      .def("__getitem__", [](const PyNode& n, py::object k) { return n.properties[k]; })
      .def("__eq__", [](const PyNode& a, py::object b) {
        return py::isinstance<PyNode>(b) && a.id == b.cast<const PyNode&>().id;
      })
      .def("__hash__", [](const PyNode& n) { return std::hash<std::uint64_t>()(n.id); })
      .def("__repr__", [](const PyNode& n) {
        return "Node(id=" + std::to_string(n.id) + ", labels=" +
               std::string(py::repr(n.labels)) + ", properties=" +
               std::string(py::repr(n.properties)) + ")";
      });
  py::class_<PyRelationship>(m, "Relationship",
                             "A relationship: id, type, start and end node ids, properties.")
      .def_readonly("id", &PyRelationship::id)
      .def_readonly("type", &PyRelationship::type)
      .def_readonly("start", &PyRelationship::start)
      .def_readonly("end", &PyRelationship::end)
      .def_readonly("properties", &PyRelationship::properties)
      .def("__getitem__",
           [](const PyRelationship& r, py::object k) { return r.properties[k]; })
      .def("__eq__", [](const PyRelationship& a, py::object b) {
        return py::isinstance<PyRelationship>(b) && a.id == b.cast<const PyRelationship&>().id;
      })
      .def("__hash__",
           [](const PyRelationship& r) { return std::hash<std::uint64_t>()(~r.id); })
      .def("__repr__", [](const PyRelationship& r) {
        return "Relationship(id=" + std::to_string(r.id) + ", type=" + r.type + ", start=" +
               std::to_string(r.start) + ", end=" + std::to_string(r.end) + ", properties=" +
               std::string(py::repr(r.properties)) + ")";
      });
  py::class_<PyPath>(m, "Path", "A path: nodes, and relationships joining them in order.")
      .def_readonly("nodes", &PyPath::nodes)
      .def_readonly("relationships", &PyPath::relationships)
      .def("__len__", [](const PyPath& p) { return py::len(p.relationships); })
      .def("__repr__", [](const PyPath& p) {
        return "Path(nodes=" + std::string(py::repr(p.nodes)) + ", relationships=" +
               std::string(py::repr(p.relationships)) + ")";
      });
  py::class_<PyDuration>(m, "Duration",
                         "A Cypher duration: months, days, seconds and nanoseconds apart.")
      .def(py::init<std::int64_t, std::int64_t, std::int64_t, std::int32_t>(),
           py::arg("months") = 0, py::arg("days") = 0, py::arg("seconds") = 0,
           py::arg("nanoseconds") = 0)
      .def_readonly("months", &PyDuration::months)
      .def_readonly("days", &PyDuration::days)
      .def_readonly("seconds", &PyDuration::seconds)
      .def_readonly("nanoseconds", &PyDuration::nanoseconds)
      .def("__eq__", [](const PyDuration& a, const PyDuration& b) {
        return a.months == b.months && a.days == b.days && a.seconds == b.seconds &&
               a.nanoseconds == b.nanoseconds;
      })
      .def("__repr__", [](const PyDuration& d) {
        return "Duration(months=" + std::to_string(d.months) + ", days=" +
               std::to_string(d.days) + ", seconds=" + std::to_string(d.seconds) +
               ", nanoseconds=" + std::to_string(d.nanoseconds) + ")";
      });

  py::class_<PyResult>(m, "Result", "A statement's rows, read DB-API style.")
      .def_property_readonly("columns", [](const PyResult& r) { return r.result->columns(); })
      .def_property_readonly("rowcount",
                             [](const PyResult& r) { return r.result->row_count(); })
      .def_property_readonly("stats", [](const PyResult& r) { return Stats(r.result->stats()); })
      .def_property_readonly("elapsed_ms", [](const PyResult& r) { return r.result->elapsed_ms(); })
      .def_readwrite("arraysize", &PyResult::arraysize)
      .def("fetchone", &PyResult::FetchOne, "The next row as a tuple, or None after the last.")
      .def("fetchmany", [](PyResult& r, std::optional<std::size_t> size) {
        return r.FetchMany(size.value_or(r.arraysize));
      }, py::arg("size") = py::none(),
         "Up to `size` (default: arraysize) next rows, as a list of tuples.")
      .def("fetchall", [](PyResult& r) { return r.FetchMany(r.result->row_count()); },
           "Every row not fetched yet, as a list of tuples.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", [](PyResult& r) {
        py::object row = r.FetchOne();
        if (row.is_none()) throw py::stop_iteration();
        return row;
      })
      .def("_frame_columns", [](const PyResult& r) {
        return FrameColumns(r.result->columns(), r.result->rows(), r.next);
      });

  py::class_<PyPrepared>(m, "PreparedStatement",
                         "A statement parsed once and planned once, run with many parameters.")
      .def_property_readonly("query", [](const PyPrepared& p) { return p.stmt->query(); })
      .def_property_readonly("plans_made", [](const PyPrepared& p) { return p.stmt->plans_made(); })
      .def("execute", [](PyPrepared& p, py::object params) {
        Params values = ParamsFromPython(params);
        auto stmt = p.stmt;
        return RunInterruptibly(*p.conn, [stmt, values] { return stmt->Execute(values); });
      }, py::arg("params") = py::none());

  py::class_<PyConnection>(m, "Connection", "Runs Cypher; one Python thread at a time.")
      .def("execute", [](PyConnection& c, const std::string& query, py::object params) {
        Params values = ParamsFromPython(params);
        auto conn = c.Get();
        return RunInterruptibly(*conn, [conn, query, values] {
          return conn->Execute(query, values);
        });
      }, py::arg("query"), py::arg("params") = py::none(),
         "Runs `query` with `params` (a dict) and returns its Result; raises parley.Error.")
      .def("prepare", [](PyConnection& c, const std::string& query) {
        return PyPrepared{c.db, c.Get(),
                          std::make_shared<PreparedStatement>(c.Get()->Prepare(query))};
      }, py::arg("query"))
      .def("begin", [](PyConnection& c) { c.Get()->Begin(); })
      .def("commit", [](PyConnection& c) { c.Get()->Commit(); })
      .def("rollback", [](PyConnection& c) { c.Get()->Rollback(); })
      .def_property_readonly("in_transaction",
                             [](const PyConnection& c) { return c.Get()->in_transaction(); })
      .def("interrupt", [](PyConnection& c) { c.Get()->Interrupt(); },
           "Cancels the statement running on this connection (from another thread).")
      .def_property("timeout_ms", [](const PyConnection& c) { return c.Get()->query_timeout_ms(); },
                    [](PyConnection& c, std::uint64_t ms) { c.Get()->set_query_timeout_ms(ms); })
      .def_property("memory_limit",
                    [](const PyConnection& c) { return c.Get()->query_memory_limit(); },
                    [](PyConnection& c, std::uint64_t b) { c.Get()->set_query_memory_limit(b); })
      .def("close", &PyConnection::Close,
           "Closes the connection (an open transaction is rolled back). Idempotent.")
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](PyConnection& c, py::args) { c.Close(); });

  py::class_<PyDatabase>(m, "Database", "One open database directory.")
      .def(py::init([](const std::string& path, bool read_only, bool create_if_missing,
                       bool in_memory, std::uint64_t query_timeout_ms,
                       std::optional<std::uint64_t> query_memory_limit) {
             DatabaseOptions o;
             o.read_only = read_only;
             o.create_if_missing = create_if_missing;
             o.in_memory = in_memory;
             o.query_timeout_ms = query_timeout_ms;
             if (query_memory_limit) o.query_memory_limit = *query_memory_limit;
             py::gil_scoped_release release;
             return PyDatabase{std::make_shared<Database>(path, o)};
           }),
           py::arg("path"), py::kw_only(), py::arg("read_only") = false,
           py::arg("create_if_missing") = true, py::arg("in_memory") = false,
           py::arg("query_timeout_ms") = 0, py::arg("query_memory_limit") = py::none())
      .def_property_readonly("path", [](const PyDatabase& d) { return d.Get()->path(); })
      .def("connect", [](PyDatabase& d) {
        return PyConnection{d.Get(), std::make_shared<Connection>(*d.Get())};
      }, "A new Connection to this database.")
      .def("close", &PyDatabase::Close,
           "Lets go of the database: it closes, and its lock is released, once the "
           "connections made from it are closed too. Idempotent.")
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](PyDatabase& d, py::args) { d.Close(); });
}

}  // namespace parley::python
