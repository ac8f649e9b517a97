"""The Python module against an in-memory database (and one on disk where files matter)."""
import datetime
import os
import signal
import threading
import time

import pytest

import parley


@pytest.fixture
def conn():
    db = parley.Database("python-test", in_memory=True)
    c = db.connect()
    c.execute("""
        CREATE (putin:Leader {name: 'Vladimir Putin', born: 1952})
        CREATE (bush:Leader {name: 'George W. Bush', born: 1946})
        CREATE (s:Summit {name: 'Sochi 2008', year: 2008, date: date('2008-04-06')})
        CREATE (putin)-[:MET_AT {confidence: 0.9}]->(s)
        CREATE (bush)-[:MET_AT {confidence: 0.8}]->(s)
        CREATE (s)-[:DISPUTED {evidence: 'They disagreed.'}]->(:Issue {name: 'missile defense'})
    """)
    return c


def test_fetching_follows_db_api(conn):
    r = conn.execute("MATCH (l:Leader) RETURN l.name AS name, l.born AS born ORDER BY born")
    assert r.columns == ["name", "born"]
    assert r.rowcount == 2
    assert r.fetchone() == ("George W. Bush", 1946)
    assert r.fetchmany(5) == [("Vladimir Putin", 1952)]
    assert r.fetchone() is None
    assert r.fetchall() == []
    r = conn.execute("UNWIND range(1, 5) AS i RETURN i")
    r.arraysize = 2
    assert r.fetchmany() == [(1,), (2,)]
    assert [row[0] for row in r] == [3, 4, 5]


def test_parameters_of_every_kind_round_trip(conn):
    values = {
        "n": None, "b": True, "i": -7, "f": 2.5, "s": "ünïcode", "l": [1, "two", [3.0]],
        "m": {"k": [1, 2]}, "d": datetime.date(2008, 4, 6),
        "t": datetime.time(12, 31, 14, 645876),
        "ldt": datetime.datetime(1984, 10, 11, 12, 31, 14),
        "dt": datetime.datetime(1984, 10, 11, 12, 31, 14,
                                tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
        "td": datetime.timedelta(days=2, seconds=30),
    }
    names = list(values)
    r = conn.execute("RETURN " + ", ".join(f"${k} AS {k}" for k in names), values)
    row = r.fetchone()
    for name, got in zip(names, row):
        want = values[name]
        if name == "td":
            assert got == parley.Duration(days=2, seconds=30)
        else:
            assert got == want, name
            assert type(got) is type(want), name


def test_graph_values_are_objects(conn):
    r = conn.execute("MATCH p = (l:Leader {name: 'Vladimir Putin'})-[m:MET_AT]->(s) "
                     "RETURN l, m, p, s.date AS date")
    leader, met, path, date = r.fetchone()
    assert isinstance(leader, parley.Node)
    assert leader.labels == ["Leader"]
    assert leader.properties == {"name": "Vladimir Putin", "born": 1952}
    assert leader["name"] == "Vladimir Putin"
    assert isinstance(met, parley.Relationship)
    assert met.type == "MET_AT" and met.start == leader.id
    assert met.properties["confidence"] == pytest.approx(0.9)
    assert isinstance(path, parley.Path) and len(path) == 1
    assert path.nodes[0] == leader and path.relationships[0] == met
    assert date == datetime.date(2008, 4, 6)
    zoned = conn.execute(
        "RETURN datetime('2015-07-21T21:40:32.142+02:00[Europe/Stockholm]') AS t").fetchone()[0]
    assert zoned.tzinfo.key == "Europe/Stockholm"
    assert zoned.utcoffset() == datetime.timedelta(hours=2)
    assert zoned.microsecond == 142000
    assert conn.execute("RETURN duration('P1Y2M3DT4S') AS d").fetchone()[0] == \
        parley.Duration(months=14, days=3, seconds=4)


def test_errors_carry_kind_detail_and_position(conn):
    with pytest.raises(parley.Error) as e:
        conn.execute("MATCH (n)\nRETURN m")
    assert e.value.kind == "SyntaxError"
    assert e.value.detail == "UndefinedVariable"
    assert (e.value.line, e.value.column) == (2, 8)
    with pytest.raises(parley.Error) as e:
        conn.execute("RETURN $missing")
    assert e.value.kind == "ParameterMissing"
    with pytest.raises(parley.Error) as e:
        conn.execute("RETURN $x", {"x": {1, 2}})
    assert e.value.kind == "TypeError"


def test_statistics_and_transactions(conn):
    r = conn.execute("CREATE (:X {a: 1})")
    assert r.stats["nodes_created"] == 1 and r.stats["properties_set"] == 1
    conn.begin()
    conn.execute("CREATE (:X)")
    assert conn.in_transaction
    conn.rollback()
    assert conn.execute("MATCH (x:X) RETURN count(x)").fetchone() == (1,)


def test_prepared_statements_run_with_new_parameters(conn):
    find = conn.prepare("MATCH (l:Leader) WHERE l.born = $born RETURN l.name")
    assert find.execute({"born": 1952}).fetchall() == [("Vladimir Putin",)]
    assert find.execute({"born": 1946}).fetchall() == [("George W. Bush",)]
    assert find.plans_made == 1


def test_to_pandas_gives_each_column_its_type(conn):
    r = conn.execute("""
        UNWIND [1, 2, 3] AS i
        RETURN i, toFloat(i) / 2 AS half, i % 2 = 0 AS even, 'n' + toString(i) AS name,
               CASE WHEN i = 2 THEN null ELSE i END AS gappy,
               date('2008-04-0' + toString(i)) AS day,
               datetime('2008-04-06T10:00:00+02:00') AS at,
               [i] AS list
    """)
    df = r.to_pandas()
    assert list(df.columns) == ["i", "half", "even", "name", "gappy", "day", "at", "list"]
    assert str(df["i"].dtype) == "int64"
    assert str(df["half"].dtype) == "float64"
    assert str(df["even"].dtype) == "bool"
    assert df["name"].tolist() == ["n1", "n2", "n3"]
    assert str(df["gappy"].dtype) == "Int64" and df["gappy"].isna().tolist() == [False, True,
                                                                               False]
    assert str(df["day"].dtype) == "datetime64[ns]"
    assert df["day"][2].day == 3
    assert str(df["at"].dtype) == "datetime64[ns, UTC]" and df["at"][0].hour == 8
    assert df["list"].tolist() == [[1], [2], [3]]
    assert len(conn.execute("MATCH (n:Nothing) RETURN n.x AS x").to_pandas()) == 0


def test_to_networkx_holds_the_nodes_and_relationships(conn):
    g = conn.execute("MATCH p = (:Leader)-[:MET_AT]->(:Summit)-[:DISPUTED]->(:Issue) "
                     "RETURN p").to_networkx()
    # Two paths share the summit, the issue and the DISPUTED relationship.
    assert g.number_of_nodes() == 4
    names = {data["name"] for _, data in g.nodes(data=True)}
    assert names == {"Vladimir Putin", "George W. Bush", "Sochi 2008", "missile defense"}
    types = sorted(data["type"] for _, _, data in g.edges(data=True))
    assert types == ["DISPUTED", "MET_AT", "MET_AT"]
    summit = next(n for n, data in g.nodes(data=True) if data["name"] == "Sochi 2008")
    assert g.nodes[summit]["labels"] == ["Summit"] and g.nodes[summit]["year"] == 2008


LONG = "UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b RETURN count(*)"


def test_the_gil_is_released_and_interrupt_cancels(conn):
    errors = []

    def run():
        try:
            conn.execute(LONG)
        except parley.Error as e:
            errors.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    ticks = 0
    while ticks < 5 and worker.is_alive():  # runs only if the query let go of the GIL
        time.sleep(0.02)
        ticks += 1
    assert ticks == 5 and worker.is_alive()
    conn.interrupt()
    worker.join(30)
    assert not worker.is_alive()
    assert errors and errors[0].detail == "QueryCancelled"


def test_ctrl_c_cancels_the_running_query(conn):
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        conn.execute(LONG)
    assert time.monotonic() - started < 30
    timer.join()
    assert conn.execute("RETURN 1").fetchone() == (1,)


def test_a_database_on_disk_is_locked_until_closed(tmp_path):
    import subprocess
    import sys

    def open_elsewhere():
        child = subprocess.run(
            [sys.executable, "-c",
             "import parley, sys\n"
             "try:\n parley.Database(sys.argv[1]); print('opened')\n"
             "except parley.Error as e:\n print(e.detail)\n",
             str(tmp_path / "db")],
            capture_output=True, text=True, env=os.environ, check=True)
        return child.stdout.strip()

    with parley.Database(str(tmp_path / "db")) as db:
        conn = db.connect()
        conn.execute("CREATE ()")
        assert open_elsewhere() == "DatabaseLocked"
    assert open_elsewhere() == "DatabaseLocked"  # the connection still holds it
    conn.close()
    assert open_elsewhere() == "opened"
    with pytest.raises(parley.Error) as e:
        conn.execute("RETURN 1")
    assert e.value.detail == "Closed"
    with pytest.raises(parley.Error):
        db.connect()
