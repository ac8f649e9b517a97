#!/usr/bin/env python3
"""Checks an example's answer to "which issues did each pair of leaders who met more than
once dispute at every one of their meetings, and where is it said" against the same
question asked in one Cypher statement through `parley query --format json`.

  check_leader_disputes.py --parley BIN --db DIR --program EXE    (C++ and C: text)
  check_leader_disputes.py --parley BIN --db DIR --python SCRIPT  (Python: --csv table)
"""
import argparse
import csv
import io
import json
import subprocess
import sys

QUERY = """
MATCH (a:Leader)-[:MET_AT]->(s:Summit)<-[:MET_AT]-(b:Leader)
WHERE a.name < b.name
WITH a, b, collect(DISTINCT s) AS summits
WHERE size(summits) > 1
UNWIND summits AS s
MATCH (s)-[d:DISPUTED]->(i:Issue)
WITH a, b, summits, i, collect(DISTINCT s) AS at, collect([s.name, d.evidence]) AS evidence
WHERE size(at) = size(summits)
RETURN a.name AS leader, b.name AS other, size(summits) AS meetings, i.name AS issue,
       evidence
"""


def expected_rows(parley, db):
    """(leader, other, meetings, issue, summit, evidence) tuples, sorted."""
    out = subprocess.run([parley, "query", "--db", db, "--read-only", "--format", "json",
                          QUERY], capture_output=True, text=True, check=True).stdout
    rows = []
    for leader, other, meetings, issue, evidence in json.loads(out)["rows"]:
        for summit, sentence in evidence:
            text = "(none)" if sentence is None else sentence
            rows.append((leader, other, meetings, issue, summit, text))
    return sorted(rows)


def as_text(rows):
    """The examples' text: a heading per pair, the issue, then its evidence."""
    lines = []
    pair = issue = None
    for leader, other, meetings, this_issue, summit, sentence in rows:
        if (leader, other) != pair:
            pair, issue = (leader, other), None
            lines.append(f"{leader} and {other} met {meetings} times; "
                         "disputed at every meeting:")
        if this_issue != issue:
            issue = this_issue
            lines.append(f"  {issue}")
        lines.append(f"    {summit}: {sentence}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parley", required=True)
    parser.add_argument("--db", required=True)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--program")
    group.add_argument("--python")
    args = parser.parse_args()

    want = expected_rows(args.parley, args.db)
    if not want:
        sys.exit("the ingested sample articles give no pair of leaders to check against")
    if args.program:
        got = subprocess.run([args.program, args.db], capture_output=True, text=True,
                             check=True).stdout
        if got != as_text(want):
            sys.exit(f"{args.program} answered\n{got}\nbut parley query says\n"
                     f"{as_text(want)}")
    else:
        out = subprocess.run([sys.executable, args.python, args.db, "--csv"],
                             capture_output=True, text=True, check=True).stdout
        table = list(csv.DictReader(io.StringIO(out)))
        got = [(r["leader"], r["other"], int(r["meetings"]), r["issue"], r["summit"],
                r["evidence"]) for r in table]
        if got != want:
            sys.exit(f"{args.python} answered\n{got}\nbut parley query says\n{want}")
    print(f"{len(want)} piece(s) of evidence agree")


if __name__ == "__main__":
    main()
