#!/usr/bin/env python3
"""Parley and Kuzu side by side, in one run, on the same generated graph.

Generates the synthetic power-law graph (persons.csv, knows.csv) with Parley's generator,
loads it into both engines (Kuzu: COPY FROM; Parley: `parley import` plus an index on
:Person(id), the counterpart of Kuzu's primary key), runs the query suite of
shared/bench/queries.json on both with the same parameters, checks that both return the
same answers, and prints a Markdown table of medians (p90) with the ratio parley/Kuzu.

  python3 bench/compare/compare.py --build build --scale s [--kuzu-dir /tmp/kuzu]

Kuzu comes from the npm package kuzu@0.11.3, installed on first use into --kuzu-dir
(outside the repository).
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCALES = {"xs": (10_000, 100_000), "s": (100_000, 1_000_000), "m": (1_000_000, 10_000_000)}


def run(cmd, **kw):
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p.stdout, time.monotonic() - t0


def ensure_kuzu(kuzu_dir):
    if not os.path.isdir(os.path.join(kuzu_dir, "node_modules", "kuzu")):
        os.makedirs(kuzu_dir, exist_ok=True)
        print(f"installing kuzu@0.11.3 into {kuzu_dir}", file=sys.stderr)
        run(["npm", "install", "--no-save", "--prefix", kuzu_dir, "kuzu@0.11.3"])


def load_avg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def make_params(nodes, seed=42):
    rng = random.Random(seed)
    return {"start_ids": [rng.randrange(nodes) for _ in range(20)],
            "pairs": [[rng.randrange(nodes), rng.randrange(nodes)] for _ in range(10)],
            "node_count": nodes}


def summary(times):
    if not times:
        return None
    s = sorted(times)
    return statistics.median(s), s[min(len(s) - 1, int(round(0.9 * (len(s) - 1))))]


def fmt_ms(x):
    if x is None:
        return "-"
    if x < 0.1:
        return f"{x * 1000:.1f} µs"
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def normalise(rows):
    def val(v):
        return round(v, 6) if isinstance(v, float) else v
    return sorted(json.dumps({k: val(v) for k, v in r.items()}, sort_keys=True) for r in rows or [])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--scale", choices=sorted(SCALES), default="s")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--kuzu-dir", default=os.path.join(tempfile.gettempdir(), "parley-kuzu"))
    ap.add_argument("--work", help="scratch folder (default: a new temporary one)")
    ap.add_argument("--json", help="also write the raw figures here")
    args = ap.parse_args()

    nodes, edges = SCALES[args.scale]
    work = args.work or tempfile.mkdtemp(prefix="parley-compare-")
    csv_dir = os.path.join(work, "csv")
    os.makedirs(csv_dir, exist_ok=True)
    queries = os.path.join(args.shared, "bench", "queries.json")
    generator = os.path.join(args.build, "bench", "storage", "generate_graph")
    parley = os.path.join(args.build, "parley")
    suite = os.path.join(args.build, "bench", "compare", "parley_suite")
    for tool in (generator, parley, suite):
        if not os.path.exists(tool):
            sys.exit(f"missing {tool}: build the project first")
    ensure_kuzu(args.kuzu_dir)

    print(f"generating {nodes} nodes / {edges} edges in {csv_dir}", file=sys.stderr)
    run([generator, csv_dir, str(nodes), str(edges)])
    params_file = os.path.join(work, "params.json")
    with open(params_file, "w") as fh:
        json.dump(make_params(nodes), fh)

    # Kuzu
    kdb = os.path.join(work, "kuzu.db")
    shutil.rmtree(kdb, ignore_errors=True)
    env = dict(os.environ, NODE_PATH=os.path.join(args.kuzu_dir, "node_modules"))
    la_kuzu = load_avg()
    out, _ = run(["node", os.path.join(HERE, "kuzu_suite.js"), "--csv", csv_dir, "--db", kdb,
                  "--queries", queries, "--params", params_file], env=env)
    kuzu = json.loads(out)

    # Parley
    pdb = os.path.join(work, "parley.db")
    shutil.rmtree(pdb, ignore_errors=True)
    la_parley = load_avg()
    _, t_import = run([parley, "import", "--db", pdb, "--id-type=integer",
                       "--nodes=Person", os.path.join(csv_dir, "persons.csv"),
                       "--relationships=KNOWS", os.path.join(csv_dir, "knows.csv")])
    _, t_index = run([parley, "query", "--db", pdb, "CREATE INDEX FOR (p:Person) ON (p.id)"])
    out, _ = run([suite, "--db", pdb, "--queries", queries, "--params", params_file])
    mine = json.loads(out)

    rows = []
    print(f"\nScale {args.scale}: {nodes:,} nodes, {edges:,} edges. Load average at start: "
          f"kuzu {la_kuzu:.2f}, parley {la_parley:.2f}.\n")
    print("| query | Kuzu 0.11.3 | parley | parley/Kuzu | same answer |")
    print("| --- | ---: | ---: | ---: | :---: |")
    names = {q["id"]: q["name"] for q in json.load(open(queries))["queries"]}
    for qid, name in names.items():
        k = summary(kuzu["queries"][qid]["times_ms"])
        p = summary(mine["queries"][qid]["times_ms"])
        same = normalise(kuzu["queries"][qid]["first"]) == normalise(mine["queries"][qid]["first"])
        ratio = p[0] / k[0] if k and p and k[0] > 0 else float("nan")
        rows.append({"query": qid, "kuzu": k, "parley": p, "ratio": ratio, "same": same})
        print(f"| {qid} {name} | {fmt_ms(k[0])} ({fmt_ms(k[1])}) | {fmt_ms(p[0])} ({fmt_ms(p[1])}) "
              f"| {ratio:.2f} | {'yes' if same else 'NO'} |")
    k_load = kuzu["load"]["total_ms"] / 1000
    p_load = t_import
    print(f"| bulk load | {k_load:.2f} s | {p_load:.2f} s (+ index {t_index:.2f} s) "
          f"| {p_load / k_load:.2f} | |")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"scale": args.scale, "rows": rows, "kuzu_load_s": k_load,
                       "parley_import_s": p_load, "parley_index_s": t_index}, fh, indent=1)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r["same"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
