#!/usr/bin/env bash
# Scores koe on the independent VOC dev set (../shared/eval/voc-dev-300.jsonl, outside the repo).
#   tools/eval_voc.sh [-v] [--gold FILE] [OUT_DIR]
# --gold FILE scores another labelled set of the same format (e.g. corpora/probe/voc-probe.jsonl).
# KOE=path/to/koe picks the binary (default .build/release/koe); extra koe flags via KOE_FLAGS.
# Writes OUT_DIR/dev.jsonl (default /tmp/koe-eval) and prints score_voc.py's figures; also the
# share of texts left neutral whose gold stance is not neutral (abstention).
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=""
gold_arg=""
while [ $# -gt 0 ]; do
  case "$1" in
    -v) verbose="-v"; shift ;;
    --gold) [ $# -ge 2 ] || { echo "eval_voc: --gold needs a file" >&2; exit 64; }; gold_arg="$2"; shift 2 ;;
    *) break ;;
  esac
done
out="${1:-/tmp/koe-eval}"
eval_dir="${KOE_EVAL_DIR:-../shared/eval}"
koe="${KOE:-.build/release/koe}"
gold="${gold_arg:-$eval_dir/voc-dev-300.jsonl}"
[ -f "$gold" ] || { echo "eval_voc: $gold not found (the dev set lives outside the repository; --gold names another file)" >&2; exit 66; }
mkdir -p "$out"
python3 -c "import json,sys;[print(json.loads(l)['text'].replace('\n',' ')) for l in open(sys.argv[1]) if l.strip()]" "$gold" > "$out/dev.txt"
# shellcheck disable=SC2086
"$koe" classify ${KOE_FLAGS:-} < "$out/dev.txt" > "$out/dev.jsonl" 2> "$out/classify.log"
python3 "$eval_dir/score_voc.py" "$gold" "$out/dev.jsonl" $verbose
python3 - "$gold" "$out/dev.jsonl" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pred = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
opinion = [(g, p) for g, p in zip(gold, pred) if g["expected_stance"] != "neutral"]
neutral = sum(1 for g, p in opinion if p.get("stance") == "neutral")
print(f"abstention: {neutral}/{len(opinion)} texts with a non-neutral gold stance came out neutral ({neutral / max(1, len(opinion)):.3f})")
PY
