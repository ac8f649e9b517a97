#!/usr/bin/env python3
"""CTest: the algorithm procedures against the LDBC Graphalytics reference outputs in
../shared/graphalytics (see its README).

Each graph is imported with `parley import` (vertices as :V nodes with an integer `vid`,
edges as :E relationships with their `weight`), each algorithm the graph's properties file
lists is run through `parley query`, and every vertex's value is validated by the
specification's rules: exact match for BFS and CDLP, equivalence (the same partition) for
WCC, relative epsilon 0.0001 for PR, LCC and SSSP; the vertex sets must be equal. The
validator itself is first checked on the specification's examples in matching/.

Undirected graphs are stored one relationship per edge and run with direction BOTH. CDLP
starts from the input's vertex ids (seedProperty `vid`), as the specification does.

Exits 77 (CTest's skip code for this test) with a message when the shared folder is absent.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
EPSILON = 0.0001
INT64_MAX = 9223372036854775807


def read_values(path, kind):
    values = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            values[int(parts[0])] = int(parts[1]) if kind == "int" else float(parts[1])
    return values


def read_properties(path):
    props = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                props[key.strip()] = value.strip()
    return props


# --- The specification's validation rules. Each returns None or a message.
def same_vertices(expected, actual):
    if set(expected) != set(actual):
        missing = sorted(set(expected) - set(actual))[:5]
        extra = sorted(set(actual) - set(expected))[:5]
        return f"vertex sets differ (missing {missing}, unexpected {extra})"
    return None


def exact(expected, actual):
    bad = [v for v in expected if expected[v] != actual[v]]
    return f"{len(bad)} values differ, e.g. vertex {bad[0]}: expected {expected[bad[0]]}, " \
           f"got {actual[bad[0]]}" if bad else None


def equivalence(expected, actual):
    forward, backward = {}, {}
    for v in expected:
        e, a = expected[v], actual[v]
        if forward.setdefault(e, a) != a or backward.setdefault(a, e) != e:
            return f"not the same partition (at vertex {v})"
    return None


def epsilon(expected, actual):
    for v in expected:
        r, s = expected[v], actual[v]
        if math.isinf(r) or math.isinf(s):
            if r != s:
                return f"vertex {v}: expected {r}, got {s}"
        elif abs(r - s) > EPSILON * abs(r):
            return f"vertex {v}: expected {r!r}, got {s!r} (beyond relative {EPSILON})"
    return None


def validate(rule, expected, actual):
    return same_vertices(expected, actual) or rule(expected, actual)


def check_validator(matching):
    """The rules must pass each *_actual1.csv and fail each *_actual2.csv."""
    problems = []
    for name, rule, kind in (("exact", exact, "int"), ("equivalence", equivalence, "int"),
                             ("epsilon", epsilon, "float")):
        expected = read_values(os.path.join(matching, f"{name}_expected.csv"), kind)
        for n, should_pass in (("1", True), ("2", False)):
            actual = read_values(os.path.join(matching, f"{name}_actual{n}.csv"), kind)
            passed = validate(rule, expected, actual) is None
            if passed != should_pass:
                problems.append(f"validator: {name}_actual{n}.csv "
                                f"{'failed' if should_pass else 'passed'}")
    return problems


# --- Running Parley.
class Graph:
    def __init__(self, parley, graphs, name, work):
        self.parley = parley
        self.name = name
        p = read_properties(os.path.join(graphs, f"{name}.properties"))
        self.props = {k[len(f"graph.{name}."):]: v for k, v in p.items()}
        self.directed = self.props["directed"] == "true"
        self.db = os.path.join(work, name + ".db")
        nodes = os.path.join(work, name + "-nodes.csv")
        rels = os.path.join(work, name + "-rels.csv")
        weighted = "edge-properties.names" in self.props
        with open(os.path.join(graphs, self.props["vertex-file"])) as f, open(nodes, "w") as out:
            out.write("vid:ID\n")
            for line in f:
                if line.strip():
                    out.write(line.strip() + "\n")
        with open(os.path.join(graphs, self.props["edge-file"])) as f, open(rels, "w") as out:
            out.write(":START_ID,:END_ID" + (",weight:DOUBLE" if weighted else "") + "\n")
            for line in f:
                if line.strip():
                    out.write(",".join(line.split()) + "\n")
        self.run([parley, "import", "--db", self.db, "--id-type=integer", "--nodes=V", nodes,
                  "--relationships=E", rels])

    def run(self, cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: exit {r.returncode}: {r.stderr.strip()}")
        return r.stdout

    def query(self, text):
        out = self.run([self.parley, "query", "--db", self.db, "--format", "json", text])
        return json.loads(out.strip().splitlines()[-1])["rows"]

    def values(self, call, column, kind, missing=None):
        rows = self.query(f"{call} YIELD node, {column} RETURN node.vid, {column}")
        values = {int(v): (int(x) if kind == "int" else float(x)) for v, x in rows}
        if missing is not None:
            for v in self.query("MATCH (n:V) RETURN n.vid"):
                values.setdefault(int(v[0]), missing)
        return values

    def direction(self):
        return "OUTGOING" if self.directed else "BOTH"

    def algorithm(self, alg):
        p, d = self.props, self.direction()
        if alg == "bfs":
            src = p["bfs.source-vertex"]
            return exact, self.values(f"MATCH (s:V {{vid: {src}}}) CALL algo.bfs(s, "
                                      f"{{direction: '{d}'}})", "depth", "int", INT64_MAX)
        if alg == "sssp":
            src, w = p["sssp.source-vertex"], p["sssp.weight-property"]
            return epsilon, self.values(f"MATCH (s:V {{vid: {src}}}) CALL algo.sssp(s, "
                                        f"{{weight: '{w}', direction: '{d}'}})", "distance",
                                        "float", math.inf)
        if alg == "pr":
            return epsilon, self.values(
                f"CALL algo.pageRank({{iterations: {p['pr.num-iterations']}, "
                f"damping: {p['pr.damping-factor']}, direction: '{d}'}})", "score", "float")
        if alg == "wcc":
            return equivalence, self.values("CALL algo.wcc()", "componentId", "int")
        if alg == "cdlp":
            return exact, self.values(
                f"CALL algo.labelPropagation({{iterations: {p['cdlp.max-iterations']}, "
                f"seedProperty: 'vid'}})",
                "communityId", "int")
        if alg == "lcc":
            return epsilon, self.values(f"CALL algo.lcc({{direction: '{d}'}})", "coefficient",
                                        "float")
        raise ValueError(alg)


def expected_kind(alg):
    return "int" if alg in ("bfs", "cdlp", "wcc") else "float"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parley", required=True)
    ap.add_argument("--shared", required=True)
    args = ap.parse_args()
    root = os.path.join(args.shared, "graphalytics")
    graphs = os.path.join(root, "graphs")
    if not os.path.isdir(graphs):
        print(f"skipped: the Graphalytics reference graphs are not at {graphs}")
        return SKIP
    failures = check_validator(os.path.join(root, "matching"))
    checked = 0
    work = tempfile.mkdtemp(prefix="parley-graphalytics-")
    try:
        names = sorted(f[:-len(".properties")] for f in os.listdir(graphs)
                       if f.endswith(".properties"))
        for name in names:
            try:
                graph = Graph(args.parley, graphs, name, work)
            except RuntimeError as e:
                failures.append(f"{name}: {e}")
                continue
            for alg in [a.strip() for a in graph.props["algorithms"].split(",")]:
                reference = os.path.join(graphs, f"{name}-{alg.upper()}")
                if not os.path.isfile(reference):
                    continue
                try:
                    rule, actual = graph.algorithm(alg)
                except RuntimeError as e:
                    failures.append(f"{name} {alg}: {e}")
                    continue
                expected = read_values(reference, expected_kind(alg))
                problem = validate(rule, expected, actual)
                checked += 1
                status = "ok" if problem is None else f"FAIL: {problem}"
                print(f"{name} {alg.upper()}: {len(expected)} vertices, {status}")
                if problem is not None:
                    failures.append(f"{name} {alg.upper()}: {problem}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    if checked == 0:
        print("FAIL: no reference output was checked")
        return 1
    print(f"all {checked} reference outputs validated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
