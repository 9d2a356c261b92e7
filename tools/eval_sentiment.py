#!/usr/bin/env python3
"""Scores `koe classify` on JRTE-style sentiment data (label<TAB>text, labels pos/neu/neg).

Mapping: dissatisfaction -> neg, success -> pos, neutral -> neu, mixed -> its dominant side.
Reports 3-class macro-F1, pos/neg macro-F1 on the items whose gold label is pos or neg
(a neutral prediction counts as wrong there), recall on neg, and the confusion matrix --
the same figures as the anchors in ../shared/eval/README.md.

    python3 tools/eval_sentiment.py                       # ../shared/eval/jrte-pn-dev.tsv
    python3 tools/eval_sentiment.py FILE.tsv --koe .build/release/koe --show-errors 20

The evaluation data lives outside the repository and is never copied into it.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT = os.path.join(ROOT, "..", "shared", "eval", "jrte-pn-dev.tsv")
LABELS = ["pos", "neu", "neg"]
STANCE = {"dissatisfaction": "neg", "success": "pos", "neutral": "neu"}


def predict(koe, texts, extra):
    proc = subprocess.run(
        [koe, "classify", "-q", *extra], input="\n".join(texts) + "\n",
        capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"koe classify failed ({proc.returncode}): {proc.stderr[:2000]}")
    out = []
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        stance = record.get("stance", "neutral")
        if stance == "mixed":
            stance = record.get("dominant") or "neutral"
        out.append((STANCE[stance], record))
    if len(out) != len(texts):
        sys.exit(f"koe wrote {len(out)} records for {len(texts)} inputs")
    return out


def f1(gold, pred, label):
    tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
    fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
    fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), recall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=[DEFAULT])
    ap.add_argument("--koe", default=os.path.join(ROOT, ".build", "release", "koe"))
    ap.add_argument("--show-errors", type=int, default=0, help="print N misclassified items per gold label")
    ap.add_argument("--lexicon", action="append", default=[], help="extra lexicon layer")
    args = ap.parse_args()
    gold, texts = [], []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                label, _, text = line.rstrip("\n").partition("\t")
                if label in LABELS:
                    gold.append(label)
                    texts.append(text.replace("\r", " "))
    extra = [x for lex in args.lexicon for x in ("--lexicon", lex)]
    results = predict(args.koe, texts, extra)
    pred = [p for p, _ in results]
    scores = {label: f1(gold, pred, label) for label in LABELS}
    macro3 = sum(s[0] for s in scores.values()) / 3
    pn = [(g, p) for g, p in zip(gold, pred) if g in ("pos", "neg")]
    macro_pn = (f1([g for g, _ in pn], [p for _, p in pn], "pos")[0] + f1([g for g, _ in pn], [p for _, p in pn], "neg")[0]) / 2
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    print(f"items: {len(gold)}  ({', '.join(f'{l} {gold.count(l)}' for l in LABELS)})")
    print(f"3-class macro-F1: {macro3:.3f}   accuracy: {accuracy:.3f}")
    print(f"pos/neg macro-F1 (neutral dropped): {macro_pn:.3f}")
    print(f"recall on neg: {scores['neg'][1]:.3f}   " + "  ".join(f"F1 {l} {scores[l][0]:.3f}" for l in LABELS))
    print("confusion (rows gold, columns predicted: pos neu neg):")
    for g in LABELS:
        print(f"  {g}: " + " ".join(f"{sum(1 for a, b in zip(gold, pred) if a == g and b == p):5d}" for p in LABELS))
    if args.show_errors:
        for g in LABELS:
            shown = 0
            for (p, rec), gl, text in zip(results, gold, texts):
                if gl == g and p != g and shown < args.show_errors:
                    shown += 1
                    hits = [e["pattern"] for e in rec.get("evidence", [])] + [s["id"] for s in rec.get("signals", [])]
                    print(f"[{g}->{p}] {text}  {hits}")


if __name__ == "__main__":
    main()
