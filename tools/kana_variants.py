#!/usr/bin/env python3
"""How much does koe lose when a word is written in kana instead of kanji?

    python3 tools/kana_variants.py [--koe .build/release/koe] GOLD.jsonl [GOLD.jsonl ...]

For every text of the given JSON Lines files (field `text`) and every kanji spelling below that
it contains, classifies the text once as written and once with that spelling replaced by its
kana spelling, and counts the signals that disappear. Casual writers (SNS, app reviews) often
write these words in kana; a signal lost here is a lexicon line that only knows the kanji form.
Prints the lost signals per spelling, most frequent first, then a summary line. Exit 2 on bad
input.
"""
import argparse
import collections
import json
import subprocess
import sys

# kanji spelling -> kana spelling commonly seen in casual Japanese feedback
PAIRS = [
    ("違う", "ちがう"), ("違っ", "ちがっ"), ("違い", "ちがい"),
    ("届か", "とどか"), ("届い", "とどい"), ("届き", "とどき"),
    ("困っ", "こまっ"), ("困り", "こまり"), ("困る", "こまる"),
    ("早く", "はやく"), ("早い", "はやい"), ("遅い", "おそい"), ("遅く", "おそく"), ("遅すぎ", "おそすぎ"),
    ("全然", "ぜんぜん"), ("何度も", "なんども"), ("何回も", "なんかいも"),
    ("面倒", "めんどう"), ("丁寧", "ていねい"), ("親切", "しんせつ"),
    ("使え", "つかえ"), ("最高", "さいこう"), ("最悪", "さいあく"), ("簡単", "かんたん"),
    ("分から", "わから"), ("分かり", "わかり"), ("出来", "でき"), ("下さい", "ください"),
    ("無い", "ない"), ("良かった", "よかった"), ("酷い", "ひどい"), ("凄く", "すごく"),
]


def signals(koe, texts):
    run = subprocess.run([koe, "classify"], input="\n".join(texts), capture_output=True, text=True)
    lines = [l for l in run.stdout.split("\n") if l.strip()]
    if len(lines) != len(texts):
        sys.exit(f"kana_variants: {koe} classify gave {len(lines)} records for {len(texts)} texts: {run.stderr.strip()[:300]}")
    result = []
    for line in lines:
        record = json.loads(line)
        result.append({s["id"] if isinstance(s, dict) else s for s in record.get("signals", [])})
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--koe", default=".build/release/koe")
    args = parser.parse_args()
    rows = []
    for path in args.gold:
        try:
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    text = json.loads(line)["text"].replace("\n", " ")
                    for kanji, kana in PAIRS:
                        if kanji in text:
                            rows.append((kanji, kana, text, text.replace(kanji, kana)))
        except (OSError, ValueError, KeyError) as error:
            print(f"kana_variants: {path}: {error}", file=sys.stderr)
            return 2
    if not rows:
        print("kana_variants: no text contains any of the listed kanji spellings", file=sys.stderr)
        return 2
    before = signals(args.koe, [r[2] for r in rows])
    after = signals(args.koe, [r[3] for r in rows])
    lost = collections.Counter()
    kept = 0
    for (kanji, kana, _, _), b, a in zip(rows, before, after):
        kept += len(b & a)
        for signal in b - a:
            lost[(kanji, kana, signal)] += 1
    for (kanji, kana, signal), count in lost.most_common():
        print(f"{count}\t{kanji} -> {kana}\t{signal}")
    total = sum(lost.values())
    print(f"kana_variants: {len(rows)} rewritten texts; {total} signal(s) lost, {kept} kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
