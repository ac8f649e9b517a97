#!/usr/bin/env python3
"""CTest: `parley ingest` on the development corpus (../shared/corpus), scored by the shared
evaluator (../shared/tools/eval_ingest.py) against both gold files.

Asserts the targets of issue #11: micro F1 >= 0.85, precision >= 0.85, every fact kind >= 0.75
F1, and every corpus question answered. Facts are scored on the whole corpus against both gold
files; each gold file's questions are asked of a database built from that file's articles alone,
as the gold files say they assume (a question about one leader's summits would otherwise also
see another file's meetings).

Exits 77 (CTest's skip code for this test) with a message when the shared folder is absent.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

TARGETS = {"micro_f1": 0.85, "precision": 0.85, "kind_f1": 0.75}

SKIP = 77


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parley", required=True)
    ap.add_argument("--shared", required=True)
    args = ap.parse_args()
    evaluator = os.path.join(args.shared, "tools", "eval_ingest.py")
    corpus = os.path.join(args.shared, "corpus")
    if not (os.path.isfile(evaluator) and os.path.isdir(os.path.join(corpus, "articles"))):
        print(f"skipped: the shared corpus or evaluator is not at {args.shared}")
        return SKIP
    work = tempfile.mkdtemp(prefix="parley-corpus-")
    try:
        r = evaluate(evaluator, args.parley, work, "all", os.path.join(corpus, "articles"),
                     [os.path.join(corpus, "gold-a.json"), os.path.join(corpus, "gold-b.json")],
                     questions=False)
        if r is None:
            return 1
        questions = []
        for gold in sorted(f for f in os.listdir(corpus) if f.startswith("gold-")):
            gold_path = os.path.join(corpus, gold)
            with open(gold_path) as f:
                files = [a["file"] for a in json.load(f)["articles"]]
            articles = os.path.join(work, gold + ".articles")
            os.mkdir(articles)
            for name in files:
                os.symlink(os.path.join(corpus, "articles", name), os.path.join(articles, name))
            per_file = evaluate(evaluator, args.parley, work, gold, articles, [gold_path],
                                questions=True)
            if per_file is None:
                return 1
            questions += per_file["questions"]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    failures = []
    overall = r["overall"]
    answered = sum(1 for q in questions if q.get("passed"))
    print(f"micro P={overall['precision']:.3f} R={overall['recall']:.3f} F1={overall['f1']:.3f}; "
          f"questions {answered}/{len(questions)}")
    for kind, k in r["kinds"].items():
        print(f"  {kind:<11} P={k['precision']:.3f} R={k['recall']:.3f} F1={k['f1']:.3f}")
        if k["f1"] < TARGETS["kind_f1"]:
            failures.append(f"{kind} F1 {k['f1']:.3f} < {TARGETS['kind_f1']}")
    if overall["f1"] < TARGETS["micro_f1"]:
        failures.append(f"micro F1 {overall['f1']:.3f} < {TARGETS['micro_f1']}")
    if overall["precision"] < TARGETS["precision"]:
        failures.append(f"precision {overall['precision']:.3f} < {TARGETS['precision']}")
    for q in questions:
        if not q.get("passed"):
            failures.append(f"question {q.get('id', '?')} not answered: {q.get('question', '')}")
    if not questions:
        failures.append("the gold files asked no questions")
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


def evaluate(evaluator, parley, work, tag, articles, golds, questions):
    """Runs the shared evaluator on `articles` against `golds`; its JSON report, or None."""
    report = os.path.join(work, tag + ".json")
    cmd = [sys.executable, evaluator, "--parley", parley, "--db",
           os.path.join(work, tag + ".db"), "--ingest", articles, "--json-report", report]
    for g in golds:
        cmd += ["--gold", g]
    if not questions:
        cmd.append("--no-questions")
    run = subprocess.run(cmd, capture_output=True, text=True)
    if not os.path.isfile(report):
        print(run.stdout[-4000:], run.stderr[-4000:])
        print(f"FAIL: the evaluator wrote no report for {tag}")
        return None
    with open(report) as f:
        return json.load(f)


if __name__ == "__main__":
    sys.exit(main())
