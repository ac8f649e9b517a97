#!/usr/bin/env python3
"""Parley against Kuzu and against the in-memory limit, in one run, on the same graph.

For each scale: generates the synthetic power-law graph (persons.csv, knows.csv) with
Parley's generator, then, on those same files, each engine in its own processes:

  Kuzu 0.11.3   kuzu_suite.js: COPY FROM (the load), PageRank and WCC of its algo
                extension, the query suite, in one node process.
  Parley        `parley import` (the load; it makes the uniqueness constraint on :ID
                itself), then the suite in process (parley_suite, through the C++ API),
                and the suite through the command as users meet it: one
                `parley query --format json --timer -f FILE` process per query whose FILE
                holds the warm-up and timed statements (its `elapsed_ms` per statement,
                warm-up lines dropped), on a copy of the imported database. PageRank and
                WCC both ways, and `EXPLAIN` of Q4 and Q5 (parse and plan only).
  limit         boost_limit: the traversals, PageRank and WCC on a bare Boost.Graph CSR.

The suite is shared/bench/queries.json; every engine gets the same start ids and pairs.
Answers are compared across all engines that ran a query (floats to 1e-9 relative); a
difference is marked in the table and makes the exit status 1. Prints one Markdown table
per scale (median and p90 in ms, ratios, load time, peak RSS, load averages).

  python3 bench/compare/compare.py --build build --scale s,m [--kuzu-dir /tmp/kuzu]
      [--only Q1,Q4,pagerank] [--reps-scale 0.5] [--work DIR] [--json FILE]

Needs the targets parley, generate_graph, parley_suite and boost_limit built in --build,
and node; Kuzu comes from the npm package kuzu@0.11.3, installed on first use into
--kuzu-dir (outside the repository).
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

import compare_report

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCALES = {"xs": (10_000, 100_000), "s": (100_000, 1_000_000), "m": (1_000_000, 10_000_000)}
KUZU_VERSION = "0.11.3"
GNU_TIME = "/usr/bin/time"
LIMIT_REPS = 10   # timed passes of the limit's traversals (scaled by --reps-scale)
ALGO_REPS = 3     # timed runs of PageRank and WCC on every engine (scaled too)
PLAN_QUERIES = ("Q4", "Q5")
# The statements of parley_suite.cc's kAlgorithms, for the command.
PARLEY_ALGORITHMS = {
    "pagerank": "CALL algo.pageRank({iterations: 20, damping: 0.85}) YIELD node, score "
                "RETURN node.id AS id, score ORDER BY score DESC, id ASC LIMIT 5",
    "wcc": "CALL algo.wcc() YIELD componentId WITH componentId, count(*) AS size "
           "RETURN count(*) AS components, max(size) AS largest",
}


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def remove(path):
    """Removes a database: a folder (Parley) or a file and its companions (Kuzu's .wal)."""
    for p in [path] + glob.glob(glob.escape(path) + ".*"):
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)


def load_avg():
    return round(os.getloadavg()[0], 2)


class Process:
    """One finished child: exit status, output, wall seconds, peak RSS in bytes (or None)."""

    def __init__(self, cmd, env=None, cwd=None):
        rss_file = None
        full = list(cmd)
        if os.access(GNU_TIME, os.X_OK):
            fd, rss_file = tempfile.mkstemp(prefix="compare-rss-")
            os.close(fd)
            full = [GNU_TIME, "-v", "-o", rss_file] + full
        start = time.monotonic()
        p = subprocess.run(full, capture_output=True, text=True, env=env, cwd=cwd)
        self.wall_s = time.monotonic() - start
        self.rc, self.out, self.err = p.returncode, p.stdout, p.stderr
        self.peak_rss = None
        if rss_file:
            with open(rss_file) as fh:
                for line in fh:
                    if "Maximum resident set size" in line:
                        self.peak_rss = int(line.rsplit(":", 1)[1]) * 1024
            os.remove(rss_file)

    def check(self, what):
        if self.rc != 0:
            sys.exit(f"compare.py: {what} failed (exit {self.rc}):\n{self.err[-3000:]}")
        return self


# ---- set-up ----------------------------------------------------------------------------

def programs(build):
    """The build's programs compare.py runs; exits naming what is missing."""
    paths = {"parley": ("parley", "parley"),
             "generator": ("bench/storage/generate_graph", "generate_graph"),
             "suite": ("bench/compare/parley_suite", "parley_suite"),
             "limit": ("bench/compare/boost_limit", "boost_limit")}
    found, missing = {}, []
    for key, (rel, target) in paths.items():
        path = os.path.join(build, rel)
        if os.access(path, os.X_OK):
            found[key] = path
        else:
            missing.append(f"{path} (target {target})")
    if missing:
        sys.exit("compare.py: the build lacks " + ", ".join(missing) + "; build them with\n"
                 f"  cmake --build {build} --target parley generate_graph parley_suite "
                 "boost_limit")
    return found


def ensure_kuzu(kuzu_dir):
    """Installs kuzu@0.11.3 into kuzu_dir when absent; returns the NODE_PATH to use."""
    if shutil.which("node") is None:
        sys.exit("compare.py: node is not installed (Kuzu runs through its npm package)")
    modules = os.path.join(kuzu_dir, "node_modules")
    package = os.path.join(modules, "kuzu")
    if not os.path.isdir(package):
        if shutil.which("npm") is None:
            sys.exit(f"compare.py: Kuzu is not in {package} and npm is not installed")
        os.makedirs(kuzu_dir, exist_ok=True)
        log(f"installing kuzu@{KUZU_VERSION} into {kuzu_dir}")
        base = ["npm", "install", "--no-save", "--prefer-offline", "--prefix", kuzu_dir,
                f"kuzu@{KUZU_VERSION}"]
        if Process(base).rc != 0:  # offline, the npm cache may still hold it
            Process(base + ["--offline"]).check(f"npm install kuzu@{KUZU_VERSION}")
    # npm may be set to skip install scripts; the package's own script copies the prebuilt
    # native module into place.
    if not os.path.exists(os.path.join(package, "kuzujs.node")):
        log(f"running kuzu's install.js in {package}")
        Process(["node", "install.js"], cwd=package).check("kuzu's install.js")
    env = dict(os.environ, NODE_PATH=modules)
    probe = Process(["node", "-e", "console.log(require('kuzu').VERSION)"], env=env)
    if probe.rc != 0:
        sys.exit(f"compare.py: Kuzu does not load from {modules}:\n{probe.err[-2000:]}")
    return env


def generate(prog, scale_dir, nodes, edges):
    """The CSV files of one scale, reused when a previous run made them in the same place."""
    csv_dir = os.path.join(scale_dir, "csv")
    stamp = os.path.join(csv_dir, "generated")
    want = f"{nodes} {edges}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        log(f"reusing the graph in {csv_dir}")
        return csv_dir
    os.makedirs(csv_dir, exist_ok=True)
    log(f"generating {nodes:,} nodes / {edges:,} relationships in {csv_dir}")
    Process([prog, csv_dir, str(nodes), str(edges)]).check("generate_graph")
    with open(stamp, "w") as fh:
        fh.write(want)
    return csv_dir


def write_inputs(scale_dir, nodes, queries_path, only, reps_scale):
    """params.json (start ids and pairs) and the suite, filtered and with reps scaled."""
    rng = random.Random(42)
    params = {"start_ids": [rng.randrange(nodes) for _ in range(20)],
              "pairs": [[rng.randrange(nodes), rng.randrange(nodes)] for _ in range(10)],
              "node_count": nodes}
    suite = json.load(open(queries_path))
    queries = [q for q in suite["queries"] if not only or q["id"].lower() in only]
    for q in queries:
        q["reps"] = max(1, round(q["reps"] * reps_scale))
    suite["queries"] = queries
    paths = (os.path.join(scale_dir, "params.json"), os.path.join(scale_dir, "suite.json"))
    for path, doc in zip(paths, (params, suite)):
        with open(path, "w") as fh:
            json.dump(doc, fh, indent=1)
    return paths[0], paths[1], params, queries


# ---- the suite's statements, as the command gets them -------------------------------------

def bindings(q, params, k):
    """The parameter values of one pass; k numbers the executions of an insert."""
    kind = q["params"]
    if kind == "start_ids":
        return [{"id": i} for i in params["start_ids"]]
    if kind == "pairs":
        return [{"src": s, "dst": d} for s, d in params["pairs"]]
    if kind == "insert":
        return [{"base": 1_000_000_000 + 1000 * k, "salt": k, "n": params["node_count"]}]
    return [{}]


def bind(text, values):
    """Placeholders become integer literals, as the suite's rules say."""
    def value(m):
        if m.group(1) not in values:
            sys.exit(f"compare.py: no value for ${m.group(1)} in: {text}")
        return str(values[m.group(1)])
    return re.sub(r"\$(\w+)", value, text)


def statements(q, params):
    """[(statement, pass)]: the warm-up passes first, then the timed ones."""
    out, k = [], 0
    for pass_no in range(q["warmup"] + q["reps"]):
        for values in bindings(q, params, k):
            out.append((bind(q["cypher"], values), pass_no))
            k += 1
    return out


# ---- running the engines ----------------------------------------------------------------

def run_kuzu(env, csv_dir, work, suite_path, params_path, algo_reps):
    db = os.path.join(work, "kuzu.db")
    remove(db)
    start = load_avg()
    log("Kuzu: load, algorithms, suite")
    p = Process(["node", os.path.join(HERE, "kuzu_suite.js"), "--csv", csv_dir, "--db", db,
                 "--queries", suite_path, "--params", params_path, "--algos", str(algo_reps)],
                env=env).check("kuzu_suite.js")
    out = json.loads(p.out)
    remove(db)
    note = out.get("algorithms_error")
    return {"queries": out["queries"], "algorithms": out.get("algorithms"),
            "algorithms_note": f"not available: {note[:80]}" if note else None,
            "load_s": out["load"]["total_ms"] / 1000, "peak_rss": p.peak_rss,
            "load_avg": (start, load_avg())}


def run_parley(prog, csv_dir, work, suite_path, params_path, algo_reps):
    """Import, then the suite in process. Leaves a pristine copy of the database for the
    command's run, which must not see the rows the in-process Q11 inserts."""
    db, pristine = os.path.join(work, "parley.db"), os.path.join(work, "parley-cmd.db")
    for d in (db, pristine):
        remove(d)
    start = load_avg()
    log("Parley: import")
    imp = Process([prog["parley"], "import", "--db", db, "--id-type=integer",
                   "--nodes=Person", os.path.join(csv_dir, "persons.csv"),
                   "--relationships=KNOWS", os.path.join(csv_dir, "knows.csv")]).check(
                       "parley import")
    shutil.copytree(db, pristine)
    log("Parley: algorithms and suite in process")
    p = Process([prog["suite"], "--db", db, "--queries", suite_path, "--params", params_path,
                 "--algos", str(algo_reps)]).check("parley_suite")
    out = json.loads(p.out)
    remove(db)
    return {"queries": out["queries"], "algorithms": out.get("algorithms"),
            "load_s": imp.wall_s, "import_rss": imp.peak_rss, "peak_rss": p.peak_rss,
            "load_avg": (start, load_avg())}, pristine


def run_statements(parley, db, work, name, texts):
    """One `parley query` process over texts. Returns (Process, [JSON lines], error)."""
    path = os.path.join(work, f"{name}.cypher")
    with open(path, "w") as fh:
        fh.write(";\n".join(texts) + ";\n")
    p = Process([parley, "query", "--db", db, "--format", "json", "--timer", "-f", path])
    try:
        lines = [json.loads(line) for line in p.out.splitlines() if line.strip()]
    except json.JSONDecodeError as e:
        return p, [], f"output is not JSON Lines ({e}), exit {p.rc}: {p.err.strip()[-500:]}"
    error = None
    if p.rc != 0:
        error = f"exit {p.rc}: {p.err.strip()[-500:]}"
    elif len(lines) != len(texts):
        error = f"{len(lines)} result lines for {len(texts)} statements"
    elif any("elapsed_ms" not in line for line in lines):
        error = "a result line has no elapsed_ms"
    return p, lines, error


def as_dicts(line):
    return [dict(zip(line["columns"], row)) for row in line["rows"]]


def run_parley_command(prog, db, work, queries, params, algo_reps):
    """The suite, PageRank and WCC and EXPLAIN of Q4/Q5 through `parley query` processes."""
    start = load_avg()
    rss, result, algorithms, plans = [], {}, {}, {}
    for name, text in PARLEY_ALGORITHMS.items() if algo_reps > 0 else ():
        log(f"Parley: {name} through the command")
        p, lines, error = run_statements(prog["parley"], db, work, name,
                                         [text] * (algo_reps + 1))
        rss.append(p.peak_rss)
        if error:
            sys.exit(f"compare.py: parley query {name} failed: {error}")
        algorithms[name] = {"times_ms": [line["elapsed_ms"] for line in lines[1:]],
                            "answer": as_dicts(lines[0])}
    for q in queries:
        log(f"Parley: {q['id']} through the command")
        stmts = statements(q, params)
        p, lines, error = run_statements(prog["parley"], db, work, q["id"],
                                         [text for text, _ in stmts])
        rss.append(p.peak_rss)
        if error:
            result[q["id"]] = {"error": error}
            continue
        passes = [pass_no for _, pass_no in stmts]
        result[q["id"]] = {
            "times_ms": [line["elapsed_ms"] for line, n in zip(lines, passes)
                         if n >= q["warmup"]],
            "answers": [as_dicts(line) for line, n in zip(lines, passes) if n == 0]}
        if q["id"] in PLAN_QUERIES:
            texts = ["EXPLAIN " + text for text, _ in stmts]
            p, lines, error = run_statements(prog["parley"], db, work, q["id"] + "-plan", texts)
            if error:
                sys.exit(f"compare.py: EXPLAIN of {q['id']} failed: {error}")
            plans[q["id"]] = [line["elapsed_ms"] for line, n in zip(lines, passes)
                              if n >= q["warmup"]]
    remove(db)
    known = [r for r in rss if r is not None]
    return {"queries": result, "algorithms": algorithms, "peak_rss": max(known, default=None),
            "load_avg": (start, load_avg())}, plans


def run_limit(prog, csv_dir, params_path, reps, algo_reps):
    start = load_avg()
    log("limit: Boost.Graph CSR")
    p = Process([prog["limit"], "--csv", csv_dir, "--params", params_path,
                 "--reps", str(reps), "--algos", str(algo_reps)]).check("boost_limit")
    out = json.loads(p.out)
    return {"queries": out["queries"], "algorithms": out["algorithms"],
            "load_s": out["load_ms"] / 1000, "peak_rss": p.peak_rss,
            "load_avg": (start, load_avg())}


# ---- one scale ----------------------------------------------------------------------------

def run_scale(args, prog, kuzu_env, scale):
    nodes, edges = SCALES[scale]
    scale_dir = os.path.join(args.work, scale)
    os.makedirs(scale_dir, exist_ok=True)
    csv_dir = generate(prog["generator"], scale_dir, nodes, edges)
    params_path, suite_path, params, queries = write_inputs(
        scale_dir, nodes, args.queries, args.only, args.reps_scale)
    with_algos = not args.only or {"pagerank", "wcc"} & args.only
    algo_reps = max(1, round(ALGO_REPS * args.reps_scale)) if with_algos else 0

    kuzu = run_kuzu(kuzu_env, csv_dir, scale_dir, suite_path, params_path, algo_reps)
    parley, pristine = run_parley(prog, csv_dir, scale_dir, suite_path, params_path, algo_reps)
    parley_cmd, plans = run_parley_command(prog, pristine, scale_dir, queries, params,
                                           algo_reps)
    limit = run_limit(prog, csv_dir, params_path, max(1, round(LIMIT_REPS * args.reps_scale)),
                      algo_reps)
    wanted = {q["id"] for q in queries}
    limit["queries"] = {k: v for k, v in limit["queries"].items() if k in wanted}
    figures = {"parley": parley, "parley_cmd": parley_cmd, "kuzu": kuzu, "limit": limit}
    for f in figures.values():  # every engine runs both algorithms; show those asked for
        f["algorithms"] = {k: v for k, v in (f.get("algorithms") or {}).items()
                           if not args.only or k in args.only}

    names = [(q["id"], q["name"]) for q in queries]
    lines, problems = compare_report.table(names, figures, plans)
    loads = ", ".join(f"{compare_report.HEADINGS[e]} {f['load_avg'][0]:.2f}-"
                      f"{f['load_avg'][1]:.2f}" for e, f in figures.items())
    print(f"\n### Scale {scale}: {nodes:,} nodes, {edges:,} relationships\n")
    print(f"Load average (1 min) at the start and end of each engine's run: {loads}.\n")
    print("\n".join(lines))
    if problems:
        print("\n**Answers differ:**\n")
        print("\n".join(f"- {p}" for p in problems))
    print()
    return {"scale": scale, "nodes": nodes, "edges": edges, "figures": figures,
            "parse_plan_ms": plans, "problems": problems}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--scale", default="s", help="comma-separated: xs, s, m")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--kuzu-dir", default=os.path.join(tempfile.gettempdir(), "parley-kuzu"))
    ap.add_argument("--only", help="comma-separated query ids (Q1..Q11, pagerank, wcc)")
    ap.add_argument("--reps-scale", type=float, default=1.0,
                    help="multiply every query's timed passes (at least one)")
    ap.add_argument("--work", help="scratch folder, kept (default: a temporary one, removed)")
    ap.add_argument("--json", help="also write the raw figures here")
    args = ap.parse_args()

    scales = [s.strip().lower() for s in args.scale.split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown or not scales:
        sys.exit(f"compare.py: unknown scale {unknown}; use {', '.join(SCALES)}")
    if args.reps_scale <= 0:
        sys.exit("compare.py: --reps-scale must be above 0")
    args.only = {x.strip().lower() for x in args.only.split(",")} if args.only else None
    args.queries = os.path.join(args.shared, "bench", "queries.json")
    if not os.path.exists(args.queries):
        sys.exit(f"compare.py: no query suite at {args.queries} (see --shared)")
    suite_ids = {q["id"].lower() for q in json.load(open(args.queries))["queries"]}
    if args.only and args.only - suite_ids - {"pagerank", "wcc"}:
        sys.exit(f"compare.py: --only names unknown queries: "
                 f"{sorted(args.only - suite_ids - {'pagerank', 'wcc'})}")
    prog = programs(os.path.abspath(args.build))
    kuzu_env = ensure_kuzu(os.path.abspath(args.kuzu_dir))

    keep = args.work is not None
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="parley-compare-"))
    print(f"Machine: {os.cpu_count()} CPUs; command: {' '.join(sys.argv)}")
    results = [run_scale(args, prog, kuzu_env, s) for s in scales]
    print(compare_report.LEGEND)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=1)
    if not keep:
        shutil.rmtree(args.work, ignore_errors=True)
    problems = [p for r in results for p in r["problems"]]
    if problems:
        print(f"compare.py: {len(problems)} answer difference(s) or failure(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
