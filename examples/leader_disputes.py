"""For every pair of leaders who met more than once: the issues they disputed at every one
of their meetings, with the sentences that say so, as a pandas table.

    parley ingest --db articles.db data/articles
    PYTHONPATH=PREFIX/lib/python3/dist-packages python3 leader_disputes.py articles.db
"""
import argparse
import sys

import parley

QUERY = """
MATCH (a:Leader)-[:MET_AT]->(s:Summit)<-[:MET_AT]-(b:Leader)
WHERE a.name < b.name
WITH a, b, collect(DISTINCT s) AS summits WHERE size(summits) > 1
UNWIND summits AS s
MATCH (s)-[d:DISPUTED]->(i:Issue)
WITH a, b, summits, i, collect(DISTINCT s) AS at, collect([s.name, d.evidence]) AS evidence
WHERE size(at) = size(summits)
UNWIND evidence AS e
RETURN a.name AS leader, b.name AS other, size(summits) AS meetings, i.name AS issue,
       e[0] AS summit, e[1] AS evidence
ORDER BY leader, other, issue, summit, evidence
"""


def leader_disputes(db_path):
    """The table: one row per piece of evidence (leader, other, meetings, issue, summit,
    evidence)."""
    db = parley.Database(db_path, read_only=True, create_if_missing=False)
    return db.connect().execute(QUERY).to_pandas()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    args = parser.parse_args()
    table = leader_disputes(args.database)
    if args.csv:
        table.to_csv(sys.stdout, index=False)
    else:
        import pandas as pd
        with pd.option_context("display.max_colwidth", 80, "display.width", 200):
            print(table.to_string(index=False))


if __name__ == "__main__":
    main()
