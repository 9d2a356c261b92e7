#!/usr/bin/env python3
"""Scores `koe tokenize` against gold word segmentation (UD Japanese-GSD style: one sentence per
line, words separated by one space) with word-level precision, recall and F1: a word counts as
right when both its edges match the gold's, as in ../shared/eval/README.md's segmenter table
(ICU's word BreakIterator 0.80, MeCab + unidic-lite 0.99).

    python3 tools/eval_segmentation.py                          # ../shared/eval/ud-gsd-test.*
    python3 tools/eval_segmentation.py --units icu              # ICU's own words, for comparison
    python3 tools/eval_segmentation.py RAW SEG --koe .build/release/koe --show-errors 30

The evaluation data lives outside the repository and is never copied into it.
"""
import argparse
import collections
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = os.path.join(ROOT, "..", "shared", "eval")


def edges(words):
    out, at = set(), 0
    for w in words:
        out.add((at, at + len(w)))
        at += len(w)
    return out


def boundaries(words):
    out, at = set(), 0
    for w in words[:-1]:
        at += len(w)
        out.add(at)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", nargs="?", default=os.path.join(EVAL, "ud-gsd-test.raw.txt"))
    ap.add_argument("seg", nargs="?", default=os.path.join(EVAL, "ud-gsd-test.seg.txt"))
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build", "release", "koe"))
    ap.add_argument("--units", choices=["short", "icu"], default="short")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print the N most frequent missed and extra boundaries (two characters each side)")
    args = ap.parse_args()
    for path in (args.raw, args.seg):
        if not os.path.exists(path):
            sys.exit(f"eval_segmentation: {path}: not found (the evaluation data lives in ../shared/eval)")
    raw = open(args.raw, encoding="utf-8").read().splitlines()
    gold = [line.split() for line in open(args.seg, encoding="utf-8").read().splitlines()]
    if len(raw) != len(gold):
        sys.exit(f"eval_segmentation: {len(raw)} raw lines but {len(gold)} gold lines")
    proc = subprocess.run([args.koe, "tokenize", "-q", "--units", args.units], input="\n".join(raw) + "\n",
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"koe tokenize failed ({proc.returncode}): {proc.stderr[:2000]}")
    pred = [line.split() for line in proc.stdout.splitlines()]
    if len(pred) != len(gold):
        sys.exit(f"eval_segmentation: koe wrote {len(pred)} lines for {len(gold)} sentences")
    tp = n_gold = n_pred = skipped = 0
    missed, extra = collections.Counter(), collections.Counter()
    for g, p in zip(gold, pred):
        text = "".join(g)
        if "".join(p) != text:  # spaces inside a gold word or other text differences
            skipped += 1
            continue
        eg, ep = edges(g), edges(p)
        tp += len(eg & ep)
        n_gold += len(eg)
        n_pred += len(ep)
        bg, bp = boundaries(g), boundaries(p)
        for at in bg - bp:
            missed[text[max(0, at - 2):at] + "|" + text[at:at + 2]] += 1
        for at in bp - bg:
            extra[text[max(0, at - 2):at] + "|" + text[at:at + 2]] += 1
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"segmentation ({args.units} units): word F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}  "
          f"({len(gold) - skipped} sentences, {n_gold} gold words; {skipped} skipped: text differs)")
    if args.show_errors:
        print("missed boundaries:", ", ".join(f"{k} {n}" for k, n in missed.most_common(args.show_errors)))
        print("extra boundaries: ", ", ".join(f"{k} {n}" for k, n in extra.most_common(args.show_errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
