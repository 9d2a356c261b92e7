#!/usr/bin/env python3
"""Scores koe's issue grouping on a cluster-dev corpus the way its README describes.

A cluster-dev folder holds tickets.csv (id,created_at,channel,subject,body,account_id) and
truth.tsv (id<TAB>issue<TAB>issue2). This script runs `koe classify | koe cluster` over the
whole export, maps every ticket to the issue cluster holding it (unclustered = a singleton),
and prints
  ARI / NMI   over tickets whose issue is not `none` (NMI: arithmetic-mean normalisation);
  per issue   the best-matching cluster's precision (a ticket whose issue2 is the issue is no
              false positive), recall and F1, and the macro F1; the two rarest issues apart.
With --week it also runs `koe report --format json` for that week and prints the top issues
and emerging issues (with the true issue each label's members mostly have) and the
churn-risk accounts, so the weekly checks of the README can be read off.

    python3 tools/eval_cluster_dev.py ../shared/eval/cluster-dev
    python3 tools/eval_cluster_dev.py ../shared/eval/cluster-dev --week 2026-W47 --koe .build/debug/koe
    python3 tools/eval_cluster_dev.py DIR --cluster-args "--threshold 0.05" --json

Standard library only. Exit 0 whatever the scores; 2 on a missing file or a failed koe run.
"""
import argparse
import csv
import json
import math
import os
import shlex
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def comb2(n):
    return n * (n - 1) / 2


def ari(a, b):
    n = len(a)
    cont = Counter(zip(a, b))
    sa, sb = Counter(a), Counter(b)
    index = sum(comb2(v) for v in cont.values())
    ea, eb = sum(comb2(v) for v in sa.values()), sum(comb2(v) for v in sb.values())
    expected = ea * eb / comb2(n) if n > 1 else 0.0
    top = (ea + eb) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def nmi(a, b):
    n = len(a)
    cont, sa, sb = Counter(zip(a, b)), Counter(a), Counter(b)
    mi = sum(v / n * math.log(v * n / (sa[x] * sb[y])) for (x, y), v in cont.items())
    ha = -sum(v / n * math.log(v / n) for v in sa.values())
    hb = -sum(v / n * math.log(v / n) for v in sb.values())
    return 1.0 if ha + hb == 0 else mi / ((ha + hb) / 2)


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True)
    if p.returncode != 0:
        sys.stderr.write(f"eval_cluster_dev: {' '.join(cmd)} exited {p.returncode}\n{p.stderr.decode(errors='replace')[-2000:]}")
        sys.exit(2)
    return p.stdout


def score(pred, truth):
    """pred: id -> cluster id (missing = singleton)."""
    ids = [i for i in truth if truth[i][0] != "none"]
    cluster = lambda i: pred.get(i, ("single", i))
    gold = [truth[i][0] for i in ids]
    got = [cluster(i) for i in ids]
    members = defaultdict(set)
    for i, c in pred.items():
        members[c].add(i)
    rows = []
    for issue in sorted(set(gold)):
        g = {i for i in truth if truth[i][0] == issue}
        s = {i for i in truth if truth[i][1] == issue}
        best = (0.0, 0.0, 0.0, None)
        for c, m in sorted(members.items()):
            p, r = len(m & (g | s)) / len(m), len(m & g) / len(g)
            f = 2 * p * r / (p + r) if p + r else 0.0
            if f > best[2]:
                best = (p, r, f, c)
        rows.append({"issue": issue, "n": len(g), "precision": best[0], "recall": best[1], "f1": best[2], "cluster": best[3]})
    return {"ari": ari(gold, got), "nmi": nmi(gold, got), "macro_f1": sum(r["f1"] for r in rows) / len(rows), "issues": rows}


def read_folder(directory, koe, tool):
    """The tickets.csv path and the truth ({id: (issue, issue2)}) of a cluster-dev folder, or None
    after saying on stderr which file (or the koe binary) is missing."""
    tickets, truth_path = os.path.join(directory, "tickets.csv"), os.path.join(directory, "truth.tsv")
    for path in (tickets, truth_path, koe):
        if not os.path.exists(path):
            sys.stderr.write(f"{tool}: {path}: not found\n")
            return None
    with open(truth_path, encoding="utf-8") as f:
        truth = {r["id"]: (r["issue"], r.get("issue2") or "") for r in csv.DictReader(f, delimiter="\t")}
    return tickets, truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="a cluster-dev folder (tickets.csv, truth.tsv)")
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build", "release", "koe"))
    ap.add_argument("--cluster-args", default="", help="extra arguments for koe cluster (one shell-quoted string)")
    ap.add_argument("--week", help="also run koe report for this ISO week (e.g. 2026-W47) and show its issue sections")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    folder = read_folder(args.dir, args.koe, "eval_cluster_dev")
    if folder is None:
        return 2
    tickets, truth = folder
    classified = run([args.koe, "classify", "--input-format", "csv", tickets])
    clusters = [json.loads(line) for line in run([args.koe, "cluster", *shlex.split(args.cluster_args)], classified).splitlines() if line.strip()]
    pred = {}
    for c in clusters:
        if c["kind"] == "issue":
            for m in c["members"]:
                pred.setdefault(str(m), c["cluster_id"])
    result = score(pred, truth)
    result["clusters"] = sum(1 for c in clusters if c["kind"] == "issue")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"tickets scored (issue != none): {sum(1 for v in truth.values() if v[0] != 'none')}; issue clusters: {result['clusters']}")
    print(f"ARI = {result['ari']:.3f}   NMI = {result['nmi']:.3f}   macro best-match F1 = {result['macro_f1']:.3f}")
    print(f"\n{'issue':30} {'n':>4} {'cluster':>8} {'P':>5} {'R':>5} {'F1':>5}")
    rare = sorted(result["issues"], key=lambda r: r["n"])[:2]
    for r in result["issues"]:
        mark = "  (rare)" if r in rare else ""
        print(f"{r['issue']:30} {r['n']:4} {str(r['cluster']):>8} {r['precision']:5.2f} {r['recall']:5.2f} {r['f1']:5.2f}{mark}")
    print("\nbiggest issue clusters (label: true issues of the members)")
    for c in [c for c in clusters if c["kind"] == "issue"][:15]:
        mix = Counter(truth.get(str(m), ("?", ""))[0] for m in c["members"]).most_common(3)
        print(f"  {c['cluster_id']:>4} {c['size']:3}  {c['label']}  — " + ", ".join(f"{k} {v}" for k, v in mix))
    if args.week:
        report = json.loads(run([args.koe, "report", tickets, "--week", args.week, "--format", "json"]))
        print(f"\nkoe report --week {args.week}")
        def majority(quotes):
            issues = Counter(truth.get(str(q.get("id")), ("?", ""))[0] for q in quotes)
            return ", ".join(f"{k} {v}" for k, v in issues.most_common(2))
        for row in report.get("top_issues", []):
            print(f"  top      {row['count']:3}  {row['label']}  (quotes: {majority(row.get('quotes', []))})")
        for row in report.get("emerging", {}).get("issues", []):
            print(f"  emerging {row['count']:3}  {row['reason']:5} {row['label']}  (quotes: {majority(row.get('quotes', []))})")
        risk = report.get("churn_risk", {})
        accounts = [a.get("account") for a in (risk.get("accounts", []) if isinstance(risk, dict) else risk)]
        print(f"  churn-risk accounts: {', '.join(str(a) for a in accounts) or '-'}")
        print(f"  new terms: {', '.join(t['term'] for t in report.get('emerging', {}).get('new_terms', []))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
