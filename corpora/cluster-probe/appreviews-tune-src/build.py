#!/usr/bin/env python3
"""Builds ../appreviews-tune/{tickets.csv,truth.tsv,issues.tsv} from the hand-written reviews in *.txt.

Each .txt line: week<TAB>days<TAB>channel(a|s)<TAB>stars(1-5|-)<TAB>title<TAB>body<TAB>issue<TAB>issue2.
`days` is `*` (any day of the ISO week) or `a-b` (0 = Monday). Only the timestamps are drawn (seeded);
every text was written by hand. Validates the result like cluster-dev's README describes.
"""
import csv, datetime, glob, os, random, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "appreviews-tune")
MONDAY = {44: datetime.date(2026, 10, 26), 45: datetime.date(2026, 11, 2), 46: datetime.date(2026, 11, 9), 47: datetime.date(2026, 11, 16)}
ISSUES = [
    ("app_crash_v70", "アプリ ver7.0.0 更新後、起動直後に落ちる", "spike_w47"),
    ("photo_upload_stuck", "出品時に商品写真がアップロードできない・終わらない", "growing"),
    ("shipping_qr_error", "ゆずりば便の発送用QRコードが表示されない・店頭で読めない", "steady"),
    ("payout_delay", "売上金の振込が振込予定日に届かない", "steady"),
    ("ekyc_face_fail", "本人確認（eKYC）の顔撮影が通らず完了しない", "fading"),
    ("support_no_reply", "問い合わせに返信が来ない・定型文しか返らない", "fading"),
    ("points_campaign_missing", "「ハロウィン出品祭」のポイントが付与されない", "early_only"),
    ("search_sort_broken", "検索の並び替え・絞り込みが効かず新着が出ない", "growing"),
    ("push_missing", "売れた・コメントなどのプッシュ通知が届かない", "steady"),
    ("favorites_moved", "7.0のデザイン変更で「いいね」一覧が見つからない・消えた", "new_w47"),
    ("forced_logout", "勝手にログアウトされる（E-401・セッション切れ）", "early_only"),
    ("price_change_error", "出品中の商品の価格を変更するとエラーになる", "rare"),
]
KNOWN = {i[0] for i in ISSUES}


def main():
    rng = random.Random(2647)
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, "*.txt"))):
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            assert len(f) == 8, (path, n, f)
            week, days, ch, stars, title, body, issue, issue2 = f
            assert issue == "none" or issue in KNOWN, (path, n, issue)
            assert issue2 == "" or issue2 in KNOWN, (path, n, issue2)
            lo, hi = (0, 6) if days == "*" else (int(days.split("-")[0]), int(days.split("-")[-1]))
            day = MONDAY[int(week)] + datetime.timedelta(days=rng.randint(lo, hi))
            hour = rng.choice([0, 1, 7, 8, 9, 10, 12, 12, 13, 15, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23, 23])
            ts = datetime.datetime.combine(day, datetime.time(hour, rng.randint(0, 59)))
            if ch == "a":
                subject, channel = f"★{stars} {title}", "app_review"
            else:
                assert stars == "-" and title == "", (path, n)
                subject, channel = "", "sns"
            rows.append((ts, channel, subject, body.replace("\\n", "\n"), issue, issue2))
    rows.sort(key=lambda r: (r[0], r[3]))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "tickets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "created_at", "channel", "subject", "body", "account_id"])
        for k, r in enumerate(rows, 1):
            w.writerow([f"T{k:04d}", r[0].strftime("%Y-%m-%d %H:%M"), r[1], r[2], r[3], ""])
    with open(os.path.join(OUT, "truth.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("id\tissue\tissue2\n")
        for k, r in enumerate(rows, 1):
            f.write(f"T{k:04d}\t{r[4]}\t{r[5]}\n")
    counts = defaultdict(Counter)
    for r in rows:
        wk = r[0].isocalendar()[1]
        for i in {r[4], r[5]} - {"", "none"}:
            counts[i][wk] += 1
    with open(os.path.join(OUT, "issues.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("issue\tjapanese_label\tpattern\tcount_w44\tcount_w45\tcount_w46\tcount_w47\n")
        for iid, label, pat in ISSUES:
            c = [counts[iid][w] for w in (44, 45, 46, 47)]
            f.write(f"{iid}\t{label}\t{pat}\t" + "\t".join(map(str, c)) + "\n")
            ok = {"steady": max(c) - min(c) <= 3 and min(c) > 0, "growing": c[0] < c[1] < c[2] < c[3],
                  "fading": c[0] > c[1] > c[2] >= c[3], "spike_w47": c[:3] == [0, 0, 0] and c[3] >= 20,
                  "new_w47": c[:3] == [0, 0, 0] and c[3] > 0, "early_only": c[2:] == [0, 0] and min(c[:2]) > 0,
                  "rare": sum(c) <= 9}[pat]
            print(f"{iid:26} {pat:10} {c} {sum(c):3} {'ok' if ok else 'PATTERN MISMATCH'}")
    wk = Counter(r[0].isocalendar()[1] for r in rows)
    print("tickets", len(rows), dict(sorted(wk.items())), "none", sum(r[4] == "none" for r in rows),
          "issue2", sum(bool(r[5]) for r in rows), Counter(r[1] for r in rows))


if __name__ == "__main__":
    sys.exit(main())
