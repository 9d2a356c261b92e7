#!/usr/bin/env python3
"""Scores koe's stance on rated reviews the way the real-review figures are given.

A review CSV (id,created_at,channel,subject,body,…) whose subject opens with its rating (★1…★5, as
in corpora/review-probe and corpora/cluster-probe) is classified with `koe classify`, title and body
joined; 1–2★ should come out dissatisfaction, 4–5★ success (mixed counts as its dominant side; 3★
is left out). Prints the share of rated reviews left neutral and the macro-F1 of the two classes;
-v also lists the reviews whose stance disagrees with the rating.

    python3 tools/eval_ratings.py corpora/review-probe/tickets.csv
    python3 tools/eval_ratings.py FILE --koe .build/debug/koe -v

Standard library only. Exit 0 whatever the scores; 2 on a missing file or a failed koe run.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build/release/koe"))
    ap.add_argument("-v", action="store_true", help="list the reviews whose stance disagrees with the rating")
    args = ap.parse_args()
    try:
        rows = [r for r in csv.DictReader(open(args.file, encoding="utf-8")) if r.get("subject", "").startswith("★")]
    except OSError as e:
        print(f"eval_ratings: {e}", file=sys.stderr)
        return 2
    if not rows:
        print(f"eval_ratings: {args.file}: no review whose subject opens with ★N", file=sys.stderr)
        return 2
    texts = [(r["subject"][2:].strip() + "。" + r["body"]).replace("\n", " ") for r in rows]
    run = subprocess.run([args.koe, "classify", "-q"], input="\n".join(texts) + "\n", capture_output=True, text=True)
    out = run.stdout.splitlines()
    if run.returncode != 0 or len(out) != len(rows):
        print(f"eval_ratings: koe classify exited {run.returncode} with {len(out)} of {len(rows)} lines\n{run.stderr}", file=sys.stderr)
        return 2
    confusion = collections.Counter()
    disagree = []
    for row, line, text in zip(rows, out, texts):
        star = int(row["subject"][1])
        if star == 3:
            continue
        p = json.loads(line)
        stance = p.get("dominant", p["stance"]) if p["stance"] == "mixed" else p["stance"]
        gold = "dissatisfaction" if star <= 2 else "success"
        got = stance if stance in ("dissatisfaction", "success") else "neutral"
        confusion[(gold, got)] += 1
        if got != gold:
            disagree.append((star, got, row.get("id", ""), text))

    def f1(c):
        tp = confusion[(c, c)]
        fp = sum(v for (g, k), v in confusion.items() if k == c and g != c)
        fn = sum(v for (g, k), v in confusion.items() if g == c and k != c)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        return 2 * p * r / max(1e-9, p + r)

    n = sum(confusion.values())
    neutral = sum(v for (g, k), v in confusion.items() if k == "neutral")
    print(f"rated reviews (1–2★, 4–5★): {n}; left neutral {neutral} ({neutral / n:.3f}); "
          f"macro-F1 {(f1('dissatisfaction') + f1('success')) / 2:.3f}")
    for g in ("dissatisfaction", "success"):
        print(f"  {g:16} → " + ", ".join(f"{k} {confusion[(g, k)]}" for k in ("dissatisfaction", "success", "neutral")))
    if args.v:
        for star, got, rid, text in disagree:
            print(f"{rid}\t★{star}\t{got}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
