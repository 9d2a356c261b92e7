#!/usr/bin/env bash
# Benchmark: `koe tokenize` against a plain C ICU word-break loop on the same synthetic ticket
# corpus, one core each, in one run. Prints MB/s, lines/s and the koe/C ratio.
#   tools/bench-tokenize.sh [MB]      (default 35; corpus is generated deterministically)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-35}
out=${KOE_BENCH_DIR:-/tmp/koe-bench}
mkdir -p "$out"
corpus="$out/corpus-${mb}mb.txt"
[ -s "$corpus" ] || python3 tools/gen_corpus.py bench --mb "$mb" --out "$corpus"
swift build -c release --product koe >/dev/null
cc -O2 -o "$out/icu_wordbreak" tools/bench/icu_wordbreak.c $(pkg-config --cflags --libs icu-uc)
bytes=$(stat -c %s "$corpus")
lines=$(wc -l < "$corpus")

measure() { # name, command...: best of 3 wall-clock seconds, pinned to one core
  local name=$1; shift
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N); taskset -c 0 "$@" < "$corpus" > /dev/null 2>"$out/$name.err"; t1=$(date +%s.%N)
    local dt; dt=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc -l)" = 1 ]; then best=$dt; fi
  done
  echo "$best"
}

c=$(measure c "$out/icu_wordbreak")
k=$(measure koe .build/release/koe tokenize)
printf 'corpus: %s (%.1f MB, %d lines)\n' "$corpus" "$(echo "$bytes/1000000" | bc -l)" "$lines"
for pair in "C ICU loop:$c" "koe tokenize:$k"; do
  name=${pair%%:*}; t=${pair##*:}
  printf '%-14s %6.2f s  %6.2f MB/s  %9.0f lines/s\n' "$name" "$t" "$(echo "$bytes/1000000/$t" | bc -l)" "$(echo "$lines/$t" | bc -l)"
done
printf 'koe/C ratio:   %.2f  (target >= 0.70)\n' "$(echo "$c/$k" | bc -l)"
