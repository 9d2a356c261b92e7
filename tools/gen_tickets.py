#!/usr/bin/env python3
"""gen_tickets.py — large ticket CSVs for `tools/bench.sh report`, from corpora/sample/tickets.csv.

Standard library only. Deterministic: the same arguments always give byte-identical output.

  gen_tickets.py repeat N OUT
      The sample's rows in turn until N rows, each with a new id (1000000 + row number).
      Every body repeats the sample's, so memos keyed by text (the clause segmentation memo)
      hit almost always: a best case.

  gen_tickets.py varied N OUT [--seed 7]
      The same rows (dates, channels, accounts, ratings), but the nouns of subjects and bodies
      vary: each run of two kanji or katakana or more (not after お/ご, where it is a set phrase:
      お世話, ご確認; not before kana other than a particle, where it is a verb stem: 値上げ) gets,
      with probability 0.7, a word of the same script from the sample put before it (請求書 →
      月次請求書, ログイン → メンバーログイン), and numbers of three digits or more are redrawn.
      Every word of the sample stays, so the lexicon finds what it found, but few clauses
      repeat: closer to a real export than `repeat`.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "corpora" / "sample" / "tickets.csv"
FIRST_ID = 1000000

KANJI = r"[\u4e00-\u9fff\u3005]"
KATAKANA = r"[\u30a1-\u30fa\u30fc]"
# A word: a run of kanji or of katakana, two characters or more (the character before is
# captured to leave set phrases after お/ご alone); or a run of ASCII digits.
WORD = re.compile(rf"(?P<kanji>{KANJI}{{2,}})|(?P<kata>{KATAKANA}{{2,}})|(?P<num>[0-9]+)")
HIRAGANA = re.compile(r"[\u3041-\u309f]")
# Hiragana that start a particle after a noun.
PARTICLES = "がをはにのでもとへや"


def read_sample() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(open(SAMPLE, encoding="utf-8", newline="")))
    return rows[0], rows[1:]


def write_rows(n: int, out: str, head: list[str], body: list[list[str]], change=None) -> None:
    """Writes n rows cycling through body, each with a fresh id; change(row) may edit a row."""
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        for i in range(n):
            r = list(body[i % len(body)])
            r[0] = str(FIRST_ID + i)
            if change:
                change(r)
            w.writerow(r)


def write_repeat(n: int, out: str) -> None:
    head, body = read_sample()
    write_rows(n, out, head, body)


class Varier:
    def __init__(self, rows: list[list[str]], text_columns: list[int], seed: int):
        self.rng = random.Random(seed)
        kanji: dict[str, None] = {}
        kata: dict[str, None] = {}
        for r in rows:
            for c in text_columns:
                for m in WORD.finditer(r[c]):
                    if m.group("kanji"):
                        kanji[m.group("kanji")] = None
                    elif m.group("kata"):
                        kata[m.group("kata")] = None
        self.words = {"kanji": list(kanji), "kata": list(kata)}


    def text(self, s: str) -> str:
        out = []
        last = 0
        for m in WORD.finditer(s):
            out.append(s[last:m.start()])
            last = m.end()
            token = m.group()
            after = s[m.end()] if m.end() < len(s) else ""
            if m.group("num"):
                out.append(str(self.rng.randrange(10 ** (len(token) - 1), 10 ** len(token))) if len(token) >= 3 else token)
            elif (m.start() > 0 and s[m.start() - 1] in "おご") or (HIRAGANA.match(after) and after not in PARTICLES) \
                    or self.rng.random() >= 0.7:
                out.append(token)
            else:
                out.append(self.rng.choice(self.words["kanji" if m.group("kanji") else "kata"]) + token)
        out.append(s[last:])
        return "".join(out)


def write_varied(n: int, out: str, seed: int) -> None:
    head, body = read_sample()
    columns = [head.index("subject"), head.index("body")]
    varier = Varier(body, columns, seed)

    def vary(r: list[str]) -> None:
        for c in columns:
            r[c] = varier.text(r[c])

    write_rows(n, out, head, body, vary)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("repeat", "varied"):
        p = sub.add_parser(name)
        p.add_argument("n", type=int, help="number of tickets")
        p.add_argument("out", help="output CSV path")
        if name == "varied":
            p.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.n < 1:
        print("gen_tickets.py: N must be at least 1", file=sys.stderr)
        return 64
    if args.cmd == "repeat":
        write_repeat(args.n, args.out)
    else:
        write_varied(args.n, args.out, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
