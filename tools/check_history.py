#!/usr/bin/env python3
"""Checks that history gives the same week-over-week figures as one run on all weeks.

Splits corpora/sample/tickets.csv into one export per ISO week, runs `koe report --db` on
each earlier week in turn (building the history), then reports the last week from its own
export with the history, and compares with one report over the whole file.

    python3 tools/check_history.py [--koe .build/release/koe] [--week 2026-W47]
"""
import argparse, csv, json, os, subprocess, sys, tempfile
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKYO = timezone(timedelta(hours=9))


def iso_week(text):
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d"):
        try:
            d = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        if d.tzinfo:
            d = d.astimezone(TOKYO)
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build", "release", "koe"))
    ap.add_argument("--tickets", default=os.path.join(ROOT, "corpora", "sample", "tickets.csv"))
    ap.add_argument("--week", default="2026-W47")
    args = ap.parse_args()
    rows = list(csv.reader(open(args.tickets, encoding="utf-8", newline="")))
    head, body = rows[0], rows[1:]
    by_week = {}
    for r in body:
        by_week.setdefault(iso_week(r[1]), []).append(r)
    tmp = tempfile.mkdtemp(prefix="koe-history-")
    db = os.path.join(tmp, "history.sqlite")
    weeks = sorted(w for w in by_week if w and w <= args.week)
    for w in weeks:
        path = os.path.join(tmp, f"{w}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([head] + by_week[w])
    def report(paths, week, extra):
        out = subprocess.run([args.koe, "report", *paths, "--week", week, "-f", "json", "-q", *extra],
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"koe report failed for {week}: {out.stderr}")
        return json.loads(out.stdout)
    for w in weeks[:-1]:
        report([os.path.join(tmp, f"{w}.csv")], w, ["--db", db])
    # Twice: re-ingesting the same week must not double count.
    report([os.path.join(tmp, f"{args.week}.csv")], args.week, ["--db", db])
    single = report([os.path.join(tmp, f"{args.week}.csv")], args.week, ["--db", db])
    full = report([args.tickets], args.week, [])
    listing = subprocess.run([args.koe, "history", "list", "--db", db], capture_output=True, text=True).stdout
    print(listing.strip())
    failures = 0
    for key in ["volume", "stance", "effort"]:
        same = single[key] == full[key]
        failures += not same
        print(f"{key:28s} {'same' if same else 'DIFFERENT'}")
    for key in ["praise"]:
        same = single["success"][key] == full["success"][key]
        failures += not same
        print(f"success.{key:20s} {'same' if same else 'DIFFERENT'}")
    same = single["appendix"]["signal_counts"] == full["appendix"]["signal_counts"]
    failures += not same
    print(f"{'appendix.signal_counts':28s} {'same' if same else 'DIFFERENT'}")
    def issues(r):
        return [(i["label"], i["count"], i.get("previous"), i["first_seen"], i["weeks_active"]) for i in r["top_issues"][:5]]
    print("top issues (history):", issues(single))
    print("top issues (one run):", issues(full))
    print("emerging (history):", [(e["label"], e["reason"], e["count"]) for e in single["emerging"]["issues"]])
    print("emerging (one run):", [(e["label"], e["reason"], e["count"]) for e in full["emerging"]["issues"]])
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
