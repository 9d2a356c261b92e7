#!/usr/bin/env python3
"""How much koe's issue grouping moves when a few tickets change: a robustness measure.

Runs `koe classify` once over a cluster-dev folder (tickets.csv, truth.tsv), then `koe cluster`
many times over a perturbed copy of the classify output:
  drop   each run leaves out a random share (--drop, default 2 %) of the records;
  flip   each run turns --flip (default 3) random dissatisfied records to success, so they
         leave the issue grouping (what a corrected stance does to a ticket of no issue).
Each run is scored over the tickets it kept (issue != none) with eval_cluster_dev's ARI, NMI
and macro best-match F1, and compared with the unperturbed grouping on the same tickets:
  |dARI|     how far the score moves (the unperturbed run restricted to the same tickets is
             the reference, so leaving a ticket out does not count by itself);
  agree      ARI between the perturbed and the unperturbed grouping (1 = nothing moved);
  merged     clusters holding at least --merge-min members of each of two true issues (the
             W47 fault: the QR-scan issue inside the crash spike).
--week W groups only that ISO week's dissatisfied records (Asia/Tokyo dates), the items
`koe report --week W` groups. Close to the report, not equal: `koe cluster` sees the body
only, the report groups subject and body (its W47 clusters differ by a few tickets).

    python3 tools/eval_cluster_robustness.py ../shared/eval/cluster-dev
    python3 tools/eval_cluster_robustness.py ../shared/eval/cluster-dev --week 2026-W47 --runs 40
    python3 tools/eval_cluster_robustness.py DIR --koe /tmp/koe-main --json

Standard library only. Fixed seeds (--seed): the same binary gives the same figures.
Exit 0 whatever the scores; 2 on a missing file or a failed koe run.
"""
import argparse
import csv
import datetime
import json
import os
import random
import statistics
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_cluster_dev import ROOT, ari, nmi, read_folder, run, score  # noqa: E402

TOKYO = datetime.timezone(datetime.timedelta(hours=9))


def iso_week(created):
    """ISO week (e.g. 2026-W47) of a created_at value; dates without a zone are Tokyo time."""
    text = created.strip().replace("Z", "+00:00")
    try:
        t = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(TOKYO)
    y, w, _ = t.isocalendar()
    return f"{y}-W{w:02d}"


def dissatisfied(record):
    s = record.get("stance")
    return s == "dissatisfaction" or (s == "mixed" and record.get("dominant") == "dissatisfaction")


def cluster(koe, records, cluster_args):
    """id -> issue cluster id of `koe cluster` over `records` (classify JSON objects)."""
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    pred = {}
    for line in run([koe, "cluster", *cluster_args], data).splitlines():
        if line.strip():
            c = json.loads(line)
            if c["kind"] == "issue":
                for m in c["members"]:
                    pred.setdefault(str(m), c["cluster_id"])
    return pred


def merged_clusters(pred, truth, kept, minimum):
    """Clusters with at least `minimum` members of each of two true issues (none excluded)."""
    members = defaultdict(list)
    for i in kept:
        if i in pred:
            members[pred[i]].append(i)
    found = []
    for c, ids in members.items():
        counts = Counter(truth[i][0] for i in ids if truth[i][0] != "none")
        big = sorted(k for k, v in counts.items() if v >= minimum)
        if len(big) >= 2:
            found.append((c, big))
    return found


def evaluate(pred, truth, kept):
    sub = {i: truth[i] for i in kept}
    return score({i: c for i, c in pred.items() if i in sub}, sub)


def agreement(a, b, truth, kept):
    ids = [i for i in kept if truth[i][0] != "none"]
    return ari([a.get(i, ("single", i)) for i in ids], [b.get(i, ("single", i)) for i in ids])


def summary(values):
    return {"mean": statistics.mean(values), "min": min(values), "max": max(values),
            "stdev": statistics.pstdev(values) if len(values) > 1 else 0.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="a cluster-dev folder (tickets.csv, truth.tsv)")
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build", "release", "koe"))
    ap.add_argument("--runs", type=int, default=20, help="runs per perturbation (default 20)")
    ap.add_argument("--drop", type=float, default=0.02, help="share of records left out per drop run")
    ap.add_argument("--flip", type=int, default=3, help="dissatisfied records turned success per flip run")
    ap.add_argument("--merge-min", type=int, default=3, help="members of each of two issues that make a merged cluster")
    ap.add_argument("--week", help="group only this ISO week's dissatisfied records (as koe report does)")
    ap.add_argument("--seed", type=int, default=25)
    ap.add_argument("--cluster-args", default="", help="extra arguments for koe cluster (space separated)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    folder = read_folder(args.dir, args.koe, "eval_cluster_robustness")
    if folder is None:
        return 2
    tickets, truth = folder
    if args.runs < 1 or not 0 < args.drop < 1 or args.flip < 1:
        sys.stderr.write("eval_cluster_robustness: --runs and --flip must be at least 1, --drop between 0 and 1\n")
        return 2
    with open(tickets, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    weeks = {r["id"]: iso_week(r.get("created_at") or "") for r in rows}
    classified = run([args.koe, "classify", "--input-format", "csv", tickets])
    records = [json.loads(l) for l in classified.splitlines() if l.strip()]
    records = [r for r in records if "text" in r and str(r.get("id")) in truth]
    if args.week:
        records = [r for r in records if weeks.get(str(r["id"])) == args.week and dissatisfied(r)]
        if not records:
            sys.stderr.write(f"eval_cluster_robustness: no dissatisfied record in {args.week}\n")
            return 2
    cluster_args = args.cluster_args.split()
    ids = [str(r["id"]) for r in records]
    base = cluster(args.koe, records, cluster_args)
    base_score = evaluate(base, truth, ids)
    base_merged = merged_clusters(base, truth, ids, args.merge_min)
    rng = random.Random(args.seed)
    out = {"records": len(records), "week": args.week,
           "base": {"ari": base_score["ari"], "nmi": base_score["nmi"], "macro_f1": base_score["macro_f1"],
                    "merged": [b for _, b in base_merged]}}
    candidates = [i for i, r in enumerate(records) if dissatisfied(r)]
    for mode in ("drop", "flip"):
        rows = []
        for _ in range(args.runs):
            if mode == "drop":
                k = max(1, round(len(records) * args.drop))
                out_idx = set(rng.sample(range(len(records)), k))
                changed = [r for i, r in enumerate(records) if i not in out_idx]
            else:
                out_idx = set(rng.sample(candidates, min(args.flip, len(candidates))))
                changed = [dict(r, stance="success", dominant="success") if i in out_idx else r for i, r in enumerate(records)]
            kept = [ids[i] for i in range(len(records)) if i not in out_idx]
            pred = cluster(args.koe, changed, cluster_args)
            s, ref = evaluate(pred, truth, kept), evaluate(base, truth, kept)
            rows.append({"ari": s["ari"], "nmi": s["nmi"], "f1": s["macro_f1"], "dari": abs(s["ari"] - ref["ari"]),
                         "agree": agreement(pred, base, truth, kept),
                         "merged": len(merged_clusters(pred, truth, kept, args.merge_min))})
        out[mode] = {key: summary([r[key] for r in rows]) for key in ("ari", "nmi", "f1", "dari", "agree", "merged")}
        out[mode]["runs_with_merge"] = sum(1 for r in rows if r["merged"] > 0)
        out[mode]["runs"] = len(rows)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    b = out["base"]
    print(f"records grouped: {out['records']}" + (f" (dissatisfied, {args.week})" if args.week else ""))
    print(f"unperturbed: ARI {b['ari']:.3f}  NMI {b['nmi']:.3f}  F1 {b['macro_f1']:.3f}  merged clusters {len(b['merged'])}"
          + "".join(f"  [{'+'.join(m)}]" for m in b["merged"]))
    for mode, what in (("drop", f"drop {args.drop:.0%} of records"), ("flip", f"{args.flip} dissatisfied -> success")):
        m = out[mode]
        print(f"{mode:5} ({what}, {m['runs']} runs): ARI mean {m['ari']['mean']:.3f} min {m['ari']['min']:.3f} "
              f"max {m['ari']['max']:.3f} stdev {m['ari']['stdev']:.4f} | |dARI| mean {m['dari']['mean']:.4f} max {m['dari']['max']:.4f} "
              f"| agree mean {m['agree']['mean']:.3f} min {m['agree']['min']:.3f} | NMI {m['nmi']['mean']:.3f} F1 {m['f1']['mean']:.3f} "
              f"| runs with a merged cluster {m['runs_with_merge']}/{m['runs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
