#!/usr/bin/env python3
"""Report text runs that a labelled set shares with the evaluation data outside the repository.

    python3 tools/check_overlap.py corpora/probe/voc-probe-6.jsonl [--eval-dir ../shared/eval] [-n 10]

Reads the `text` field of every row of the given JSON Lines file and every text file under the
eval directory (recursively: .jsonl, .tsv, .csv, .txt, .md). Whitespace is removed on both sides
before comparing. A window of N characters (default 10) counts as shared when it occurs anywhere
in the eval data and is not made only of digits, ASCII, punctuation or symbols. Prints one line per
text with shared windows and exits 1 when any was found, 0 when none, 2 on bad input.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

TEXT_EXTENSIONS = (".jsonl", ".tsv", ".csv", ".txt", ".md")


def squeeze(text):
    return re.sub(r"\s+", "", text)


def is_content(window):
    """True when the window holds at least three letters outside ASCII (kana, kanji, full-width)."""
    letters = [c for c in window if ord(c) > 0x7F and unicodedata.category(c)[0] in ("L",)]
    return len(letters) >= 3


def load_eval(eval_dir):
    parts = []
    for root, _, files in os.walk(eval_dir):
        for name in sorted(files):
            if name.endswith(TEXT_EXTENSIONS):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as handle:
                    parts.append(squeeze(handle.read()))
    if not parts:
        sys.exit(f"check_overlap: no text files under {eval_dir}")
    return "\u0000".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl")
    parser.add_argument("--eval-dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
    parser.add_argument("-n", type=int, default=10)
    args = parser.parse_args()
    if args.n < 4:
        print("check_overlap: -n must be at least 4", file=sys.stderr)
        return 2
    haystack = load_eval(args.eval_dir)
    found = 0
    with open(args.jsonl, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = squeeze(row["text"])
            except (ValueError, KeyError, TypeError) as error:
                print(f"{args.jsonl}:{number}: not a row with a text field ({error})", file=sys.stderr)
                return 2
            shared = []
            for start in range(0, max(0, len(text) - args.n + 1)):
                window = text[start:start + args.n]
                if is_content(window) and window in haystack:
                    if shared and start <= shared[-1][0] + len(shared[-1][1]) - 1:
                        first, run = shared[-1]
                        shared[-1] = (first, text[first:start + args.n])
                    else:
                        shared.append((start, window))
            if shared:
                found += 1
                runs = " | ".join(run for _, run in shared)
                print(f"{args.jsonl}:{number}: {row.get('id', '')}: shares {runs}")
    print(f"check_overlap: {found} text(s) share a {args.n}-character run with {args.eval_dir}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
