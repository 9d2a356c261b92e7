#!/usr/bin/env python3
"""Scores `koe cluster` against the sample corpus's ground truth (truth.tsv: id<TAB>issue).

For issue clusters, feature-request clusters and all clusters together it reports
  ARI / NMI   over items whose true issue is not `none` and that landed in a cluster
              (adjusted Rand index; NMI with the arithmetic mean of the entropies),
  coverage    share of true-issue items that landed in some cluster (for `issue` clusters the
              denominator leaves out feature_* issues, for `feature_request` it keeps only them),
  none        how many one-off (`none`) items were put in clusters,
then the purity and majority true issue of the biggest clusters. Exit 0 whatever the scores.

    python3 tools/eval_clusters.py                        # runs koe classify | koe cluster
    python3 tools/eval_clusters.py --koe .build/debug/koe --top 15 --per-issue
    python3 tools/eval_clusters.py --clusters clusters.jsonl
    python3 tools/eval_clusters.py --fabricate perfect > perfect.jsonl   # a fake koe cluster
    python3 tools/eval_clusters.py --self-test

Standard library only.
"""
import argparse
import csv
import json
import math
import os
import random
import shlex
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE = os.path.join(ROOT, "corpora", "sample")
NONE = "none"
FEATURE_PREFIX = "feature_"


# --- partition metrics -----------------------------------------------------------------------

def comb2(n):
    return n * (n - 1) // 2


def contingency(truth, pred):
    """n_ij, row sums (truth classes) and column sums (clusters) of two parallel label lists."""
    if len(truth) != len(pred):
        raise ValueError("label lists differ in length")
    table = Counter(zip(truth, pred))
    return table, Counter(truth), Counter(pred)


def adjusted_rand_index(truth, pred):
    """Hubert & Arabie's ARI; 1.0 for identical partitions, ~0 for chance, can be negative."""
    n = len(truth)
    if n == 0:
        return float("nan")
    table, rows, cols = contingency(truth, pred)
    index = sum(comb2(v) for v in table.values())
    sum_rows = sum(comb2(v) for v in rows.values())
    sum_cols = sum(comb2(v) for v in cols.values())
    expected = sum_rows * sum_cols / comb2(n) if n > 1 else 0.0
    maximum = (sum_rows + sum_cols) / 2
    if maximum == expected:  # both trivial (one block each, or all singletons)
        return 1.0 if len(table) == len(rows) == len(cols) else 0.0
    return (index - expected) / (maximum - expected)


def entropy(counts, n):
    return -sum(c / n * math.log(c / n) for c in counts if c)


def normalized_mutual_info(truth, pred):
    """MI / mean(H(truth), H(pred)) (arithmetic mean, as in Manning et al. and sklearn)."""
    n = len(truth)
    if n == 0:
        return float("nan")
    table, rows, cols = contingency(truth, pred)
    h_truth, h_pred = entropy(rows.values(), n), entropy(cols.values(), n)
    if h_truth == 0 and h_pred == 0:
        return 1.0
    mi = sum(nij / n * math.log(n * nij / (rows[i] * cols[j])) for (i, j), nij in table.items())
    return max(0.0, mi / ((h_truth + h_pred) / 2))


# --- inputs ----------------------------------------------------------------------------------

def read_truth(path):
    with open(path, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        header = next(rows, None)
        if header != ["id", "issue"]:
            sys.exit(f"{path}:1: error: expected header 'id<TAB>issue', got {header!r}")
        return {r[0]: r[1] for r in rows if r}


def parse_clusters(lines, source):
    clusters = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            clusters.append({
                "cluster_id": str(obj["cluster_id"]), "kind": str(obj.get("kind", "issue")),
                "label": str(obj.get("label", "")), "size": obj.get("size"),
                "members": [str(m) for m in obj["members"]],
            })
        except (ValueError, KeyError, TypeError) as e:
            sys.exit(f"{source}:{number}: error: not a cluster object ({e}): {line[:120]!r}")
    return clusters


def run_koe(koe, tickets, classify_args, cluster_args):
    if not os.path.exists(koe):
        sys.exit(f"error: no koe binary at {koe} (swift build -c release, or pass --koe / --clusters)")
    classify = subprocess.Popen([koe, "classify", *classify_args, tickets], stdout=subprocess.PIPE)
    cluster = subprocess.Popen([koe, "cluster", *cluster_args], stdin=classify.stdout,
                               stdout=subprocess.PIPE)
    classify.stdout.close()  # so classify sees SIGPIPE if cluster exits early
    out, _ = cluster.communicate()
    classify.wait()
    # cluster first: when it fails, classify's SIGPIPE is only a consequence.
    for name, proc in (("cluster", cluster), ("classify", classify)):
        if proc.returncode != 0:
            sys.exit(f"error: koe {name} exited with {proc.returncode}")
    return parse_clusters(out.decode("utf-8").splitlines(), "koe cluster")


def fabricate(truth, mode, seed):
    """Cluster JSON Lines from the truth itself: `perfect` (one cluster per issue), `shuffled`
    (same cluster sizes, members dealt at random) — for testing this script without koe."""
    ids = sorted((i for i, issue in truth.items() if issue != NONE), key=lambda x: (len(x), x))
    labels = [truth[i] for i in ids]
    if mode == "shuffled":
        random.Random(seed).shuffle(labels)
    groups = defaultdict(list)
    for i, label in zip(ids, labels):
        groups[label].append(i)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for n, (issue, members) in enumerate(ordered, 1):
        kind = "feature_request" if issue.startswith(FEATURE_PREFIX) else "issue"
        yield json.dumps({"cluster_id": f"c{n}", "kind": kind, "label": issue, "size": len(members),
                          "members": members, "terms": [], "quotes": []}, ensure_ascii=False)


# --- evaluation ------------------------------------------------------------------------------

def assignments(clusters, kinds):
    """id -> cluster_id over clusters of the given kinds (None = all); an id listed in several
    clusters keeps the first (clusters in input order) and is counted."""
    assigned, repeated = {}, 0
    for c in clusters:
        if kinds is not None and c["kind"] not in kinds:
            continue
        for m in c["members"]:
            if m in assigned:
                repeated += 1
            else:
                assigned[m] = c["cluster_id"]
    return assigned, repeated


def score_scope(clusters, truth, kinds, wanted):
    """Metrics for the clusters of `kinds`; `wanted(issue)` picks the coverage denominator."""
    assigned, repeated = assignments(clusters, kinds)
    scored = sorted(i for i in assigned if truth.get(i, NONE) != NONE and i in truth)
    t = [truth[i] for i in scored]
    p = [assigned[i] for i in scored]
    targets = [i for i, issue in truth.items() if issue != NONE and wanted(issue)]
    covered = sum(1 for i in targets if i in assigned)
    return {
        "clusters": sum(1 for c in clusters if kinds is None or c["kind"] in kinds),
        "members": len(assigned), "scored": len(scored),
        "ari": adjusted_rand_index(t, p), "nmi": normalized_mutual_info(t, p),
        "covered": covered, "targets": len(targets),
        "coverage": covered / len(targets) if targets else float("nan"),
        "none_clustered": sum(1 for i in assigned if truth.get(i) == NONE),
        "unknown_ids": sum(1 for i in assigned if i not in truth),
        "repeated": repeated,
    }


def biggest(clusters, truth, top):
    rows = []
    for c in sorted(clusters, key=lambda c: (-len(c["members"]), c["cluster_id"])):
        known = [truth[m] for m in c["members"] if m in truth]
        counts = Counter(known)
        majority, hits = min(counts.items(), key=lambda kv: (-kv[1], kv[0])) if counts else ("?", 0)
        rows.append({"cluster_id": c["cluster_id"], "kind": c["kind"], "size": len(c["members"]),
                     "majority": majority, "purity": hits / len(known) if known else float("nan"),
                     "none": counts.get(NONE, 0), "label": c["label"]})
    return rows[:top]


def per_issue(clusters, truth):
    assigned, _ = assignments(clusters, None)
    by_issue = defaultdict(list)
    for i, issue in truth.items():
        if issue != NONE:
            by_issue[issue].append(assigned.get(i))
    rows = []
    for issue, got in sorted(by_issue.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        placed = Counter(g for g in got if g is not None)
        main, main_n = min(placed.items(), key=lambda kv: (-kv[1], kv[0])) if placed else ("-", 0)
        rows.append({"issue": issue, "items": len(got), "clustered": sum(placed.values()),
                     "clusters": len(placed), "main": main, "main_share": main_n / len(got)})
    return rows


SCOPES = [
    ("issue", {"issue"}, lambda issue: not issue.startswith(FEATURE_PREFIX)),
    ("feature_request", {"feature_request"}, lambda issue: issue.startswith(FEATURE_PREFIX)),
    ("all", None, lambda issue: True),
]


def evaluate(clusters, truth, top):
    return {
        "scopes": {name: score_scope(clusters, truth, kinds, wanted) for name, kinds, wanted in SCOPES},
        "biggest": biggest(clusters, truth, top),
    }


def fmt(x, digits=3):
    if isinstance(x, float) and math.isnan(x):
        return "n/a"
    return f"{round(x, digits) + 0.0:.{digits}f}"  # + 0.0: no "-0.000"


def print_report(result, truth, clusters, per_issue_rows):
    issues = Counter(v for v in truth.values() if v != NONE)
    print(f"truth: {len(truth)} items, {sum(issues.values())} in {len(issues)} issues, "
          f"{len(truth) - sum(issues.values())} none;  clusters: {len(clusters)}")
    print()
    print(f"{'scope':<16}{'clusters':>9}{'members':>9}{'scored':>8}{'ARI':>8}{'NMI':>8}"
          f"{'coverage':>20}{'none in':>9}")
    for name, s in result["scopes"].items():
        coverage = f"{s['covered']}/{s['targets']} {fmt(100 * s['coverage'], 1)}%"
        print(f"{name:<16}{s['clusters']:>9}{s['members']:>9}{s['scored']:>8}{fmt(s['ari']):>8}"
              f"{fmt(s['nmi']):>8}{coverage:>20}{s['none_clustered']:>9}")
    everything = result["scopes"]["all"]
    if everything["unknown_ids"] or everything["repeated"]:
        print(f"warning: {everything['unknown_ids']} member ids not in truth, "
              f"{everything['repeated']} listed in more than one cluster (first one kept)", file=sys.stderr)
    print()
    print(f"{len(result['biggest'])} biggest clusters")
    print(f"{'cluster':<10}{'kind':<17}{'size':>6}  {'majority issue':<22}{'purity':>7}{'none':>6}  label")
    for r in result["biggest"]:
        label = r["label"] if len(r["label"]) <= 30 else r["label"][:29] + "…"
        print(f"{r['cluster_id']:<10}{r['kind']:<17}{r['size']:>6}  {r['majority']:<22}"
              f"{fmt(r['purity'], 2):>7}{r['none']:>6}  {label}")
    if per_issue_rows:
        print()
        print(f"{'true issue':<24}{'items':>6}{'clustered':>10}{'clusters':>9}  main cluster (share)")
        for r in per_issue_rows:
            print(f"{r['issue']:<24}{r['items']:>6}{r['clustered']:>10}{r['clusters']:>9}  "
                  f"{r['main']} ({fmt(100 * r['main_share'], 1)}%)")


# --- self-test -------------------------------------------------------------------------------

def self_test():
    checks = []

    def near(name, got, want, tol=1e-9):
        checks.append((name, abs(got - want) <= tol, got, want))

    a = [0, 0, 0, 1, 1, 2]
    near("ARI identical partitions", adjusted_rand_index(a, a), 1.0)
    near("ARI relabelled partitions", adjusted_rand_index(a, ["x", "x", "x", "z", "z", "y"]), 1.0)
    near("NMI identical partitions", normalized_mutual_info(a, a), 1.0)
    near("NMI relabelled partitions", normalized_mutual_info(a, [5, 5, 5, 7, 7, 6]), 1.0)
    # sklearn docs: one class split in two -> ARI 4/7; NMI 2 ln2 / (ln2 + 1.5 ln2) = 0.8.
    near("ARI split class", adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]), 4 / 7)
    near("NMI split class", normalized_mutual_info([0, 0, 1, 1], [0, 0, 1, 2]), 0.8)
    # Orthogonal partitions: index 0, expected 2/3, max 2 -> ARI -1/2; independent -> NMI 0.
    near("ARI orthogonal", adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]), -0.5)
    near("NMI orthogonal", normalized_mutual_info([0, 0, 1, 1], [0, 1, 0, 1]), 0.0)
    # Manning, Raghavan & Schütze, IIR §16.3 (17 points, 3 clusters): RI 0.68, NMI 0.36.
    # By hand: sum C(n_ij,2) = 20, clusters 6/6/5 -> 40, classes 8/5/4 -> 44, C(17,2) = 136;
    # ARI = (20 - 40*44/136) / (42 - 40*44/136) = 960/3952.
    truth = list("xxxxxo" + "xoooo" + "d" + "xx" + "ddd")
    pred = [1] * 6 + [2] * 6 + [3] * 5
    near("ARI IIR example", adjusted_rand_index(truth, pred), 960 / 3952)
    near("NMI IIR example", normalized_mutual_info(truth, pred), 0.36, tol=0.005)
    near("ARI all in one vs singletons", adjusted_rand_index([0, 0, 0, 0], [0, 1, 2, 3]), 0.0)
    # End to end on a fabricated corpus: perfect clustering scores 1, a shuffled one ~0.
    fake_truth = {str(240000 + i): (["a", "b", "feature_c"][i % 3] if i % 4 else NONE) for i in range(400)}
    perfect = parse_clusters(list(fabricate(fake_truth, "perfect", 1)), "perfect")
    r = evaluate(perfect, fake_truth, 10)["scopes"]
    near("perfect: ARI all", r["all"]["ari"], 1.0)
    near("perfect: coverage issue", r["issue"]["coverage"], 1.0)
    near("perfect: coverage feature", r["feature_request"]["coverage"], 1.0)
    near("perfect: none clustered", r["all"]["none_clustered"], 0)
    shuffled = parse_clusters(list(fabricate(fake_truth, "shuffled", 7)), "shuffled")
    near("shuffled: ARI all ~ 0", evaluate(shuffled, fake_truth, 10)["scopes"]["all"]["ari"], 0.0, tol=0.05)
    failed = [c for c in checks if not c[1]]
    for name, ok, got, want in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {got:.6f} (want {want:.6f})")
    print(f"{len(checks) - len(failed)}/{len(checks)} checks passed")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build", "release", "koe"))
    ap.add_argument("--clusters", metavar="FILE", help="cluster JSON Lines to score instead of running koe ('-' = stdin)")
    ap.add_argument("--tickets", default=os.path.join(SAMPLE, "tickets.csv"))
    ap.add_argument("--truth", default=os.path.join(SAMPLE, "truth.tsv"))
    ap.add_argument("--classify-args", default="", help="extra arguments for koe classify (one shell-quoted string)")
    ap.add_argument("--cluster-args", default="", help="extra arguments for koe cluster (one shell-quoted string)")
    ap.add_argument("--top", type=int, default=10, help="how many of the biggest clusters to list")
    ap.add_argument("--per-issue", action="store_true", help="also list how each true issue was split")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--fabricate", choices=["perfect", "shuffled"], help="write fake cluster JSON Lines from truth")
    ap.add_argument("--seed", type=int, default=1, help="seed for --fabricate shuffled")
    ap.add_argument("--self-test", action="store_true", help="check ARI/NMI on hand-computed examples")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    truth = read_truth(args.truth)
    if args.fabricate:
        for line in fabricate(truth, args.fabricate, args.seed):
            print(line)
        return 0
    if args.clusters == "-":
        clusters = parse_clusters(sys.stdin.read().splitlines(), "<stdin>")
    elif args.clusters:
        with open(args.clusters, encoding="utf-8") as f:
            clusters = parse_clusters(f.read().splitlines(), args.clusters)
    else:
        clusters = run_koe(args.koe, args.tickets, shlex.split(args.classify_args), shlex.split(args.cluster_args))
    result = evaluate(clusters, truth, args.top)
    rows = per_issue(clusters, truth) if args.per_issue else []
    if args.json:
        result["per_issue"] = rows
        print(json.dumps(result, ensure_ascii=False, sort_keys=True,
                         default=lambda x: None))
    else:
        print_report(result, truth, clusters, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
