#!/usr/bin/env python3
"""Fetching a large result into pandas: rows per second of Result.to_pandas(), and of the
whole round trip (running the statement too).

    PYTHONPATH=build/python python3 bench/python/to_pandas_bench.py [ROWS] [REPEATS]

The result has four columns: an integer, a float, a string and a nullable integer.
"""
import sys
import time

import parley


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    conn = parley.Database("bench", in_memory=True).connect()
    query = ("UNWIND range(1, $n) AS i RETURN i, i / 3.0 AS f, 'row ' + toString(i) AS s, "
             "CASE WHEN i % 10 = 0 THEN null ELSE i END AS gappy")
    best_fetch = best_total = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        result = conn.execute(query, {"n": rows})
        executed = time.perf_counter()
        frame = result.to_pandas()
        done = time.perf_counter()
        assert len(frame) == rows and str(frame["i"].dtype) == "int64"
        best_fetch = min(best_fetch, done - executed)
        best_total = min(best_total, done - start)
    print(f"rows: {rows:,}")
    print(f"to_pandas:         {best_fetch:.3f} s  {rows / best_fetch:,.0f} rows/s")
    print(f"execute+to_pandas: {best_total:.3f} s  {rows / best_total:,.0f} rows/s")


if __name__ == "__main__":
    main()
