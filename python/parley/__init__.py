"""Parley, an embedded knowledge-graph database, from Python.

    import parley
    db = parley.Database("graph.db")
    conn = db.connect()
    result = conn.execute("MATCH (l:Leader) WHERE l.name STARTS WITH $p RETURN l",
                          {"p": "Vladimir"})
    for (leader,) in result:
        print(leader.id, leader.labels, leader["name"])

Results follow DB-API: ``fetchone()``, ``fetchmany(n)``, ``fetchall()``, iteration and
``columns``; ``to_pandas()`` gives a DataFrame with a dtype per column and
``to_networkx()`` a graph of the nodes and relationships in the result. Nodes,
relationships and paths are ``parley.Node``, ``parley.Relationship`` and ``parley.Path``;
dates and times are ``datetime`` objects; durations ``parley.Duration``. Errors are
``parley.Error`` with ``kind``, ``detail``, ``line`` and ``column``. A statement runs
with the GIL released, and Ctrl-C cancels it (it then changes nothing). ``Database``
and ``Connection`` have ``close()`` and are context managers; the database is closed,
and its lock released, once it and every connection made from it are closed.
"""

from ._parley import (Connection, Database, Duration, Node, Path,  # noqa: F401
                      PreparedStatement, Relationship, Result)

__all__ = ["Connection", "Database", "Duration", "Error", "Node", "Path",
           "PreparedStatement", "Relationship", "Result"]


class Error(Exception):
    """A Parley error: ``kind`` is openCypher's error class ("SyntaxError",
    "TypeError", "RuntimeError", ...), ``detail`` its detail code ("UndefinedVariable",
    "QueryCancelled", ...; "" when none), ``line`` and ``column`` its 1-based position in
    the query text (0 when unknown)."""

    def __init__(self, message, kind="RuntimeError", detail="", line=0, column=0):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.detail = detail
        self.line = line
        self.column = column

    def __str__(self):
        where = f" at line {self.line}, column {self.column}" if self.line else ""
        return f"{self.kind}{where}: {self.message}"


def _to_pandas(self):
    """The rows not fetched yet as a pandas DataFrame, one column per result column:
    integers as int64 (Int64 where there are nulls), floats as float64, booleans as bool
    (boolean with nulls), dates and local date-times as datetime64[ns], date-times as
    datetime64[ns, UTC], durations without months as timedelta64[ns], strings and
    everything else (nodes, lists, mixed columns) as objects."""
    import pandas as pd

    data = {}
    for name, kind, values, mask in self._frame_columns():
        if kind == "int":
            column = (pd.arrays.IntegerArray(values, mask) if mask is not None
                      else values)
        elif kind == "bool":
            column = (pd.arrays.BooleanArray(values, mask) if mask is not None
                      else values)
        elif kind == "float":
            column = values
        elif kind == "datetime":
            column = values.view("datetime64[ns]")
        elif kind == "datetimetz":
            column = pd.DatetimeIndex(values.view("datetime64[ns]")).tz_localize("UTC")
        elif kind == "timedelta":
            column = values.view("timedelta64[ns]")
        else:
            column = values  # an object array
        data[name] = column
    return pd.DataFrame(data, columns=self.columns)


def _to_networkx(self):
    """A networkx MultiDiGraph of the nodes and relationships found anywhere in the rows
    not fetched yet (inside lists, maps and paths too): nodes keyed by id with
    ``labels`` and their properties as attributes, edges keyed by relationship id with
    ``type`` and their properties."""
    import networkx as nx

    graph = nx.MultiDiGraph()

    def add(value):
        if isinstance(value, Node):
            graph.add_node(value.id, labels=list(value.labels), **value.properties)
        elif isinstance(value, Relationship):
            graph.add_edge(value.start, value.end, key=value.id, type=value.type,
                           **value.properties)
        elif isinstance(value, Path):
            for part in list(value.nodes) + list(value.relationships):
                add(part)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(item)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)

    for row in self:
        add(row)
    return graph


Result.to_pandas = _to_pandas
Result.to_networkx = _to_networkx
