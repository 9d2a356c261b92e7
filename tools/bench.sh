#!/usr/bin/env bash
# Benchmarks, measured in one run against the physical floor (a plain C ICU word-break loop
# on the same corpus). Speed is measured here, never in unit tests.
#   tools/bench.sh tokenize [MB]   koe tokenize vs the C loop, one core each (default 35 MB)
#   tools/bench.sh classify [MB]   koe classify --jobs 1 / --jobs 2 vs the C loop, peak memory
#   tools/bench.sh report [N]      koe report over N tickets (default 100000) vs koe classify
#                                  --input-format csv on the same file: walls, ratio, peak memory;
#                                  for the sample repeated and for the sample with varied words
#                                  (tools/gen_tickets.py repeat / varied)
# The corpus is generated deterministically by tools/gen_corpus.py (seed 7). Each time is the
# best of KOE_BENCH_ROUNDS (default 5) rounds, the commands compared taking turns.
# KOE_BUILD_DIR=.build-x builds and measures with --scratch-path .build-x.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-tokenize}
out=${KOE_BENCH_DIR:-/tmp/koe-bench}
mkdir -p "$out"
# KOE_BUILD_DIR picks the scratch path (default .build), so a benchmark need not share a build
# folder with someone else's build.
build=${KOE_BUILD_DIR:-.build}
swift build -c release --product koe --scratch-path "$build" >/dev/null
koe=$build/release/koe

corpus() { # MB -> path of a deterministic plain-text ticket corpus
  local path="$out/corpus-$1mb.txt"
  [ -s "$path" ] || python3 tools/gen_corpus.py bench --seed 7 --mb "$1" --out "$path" >/dev/null
  echo "$path"
}

# The machine may be shared and noisy: the commands compared run in turn, round after
# round, so that each sees the same conditions, and each keeps its best time.
rounds=${KOE_BENCH_ROUNDS:-5}
times=()
interleaved() { # input, then commands separated by ";;" -> best seconds of each, in `times` (a command is re-split on spaces: no spaces in its paths)
  local input=$1; shift
  local cmds=() cmd=()
  for a in "$@"; do
    if [ "$a" = ";;" ]; then cmds+=("${cmd[*]}"); cmd=(); else cmd+=("$a"); fi
  done
  cmds+=("${cmd[*]}")
  times=()
  for _ in $(seq "$rounds"); do
    for i in "${!cmds[@]}"; do
      local t0 t1 dt
      t0=$(date +%s.%N); ${cmds[$i]} < "$input" > /dev/null 2>>"$out/stderr.log"; t1=$(date +%s.%N)
      dt=$(echo "$t1 - $t0" | bc -l)
      if [ -z "${times[$i]:-}" ] || [ "$(echo "$dt < ${times[$i]}" | bc -l)" = 1 ]; then times[$i]=$dt; fi
    done
  done
}

line() { # name seconds bytes lines
  printf '%-26s %6.2f s  %6.2f MB/s  %9.0f lines/s\n' "$1" "$2" "$(echo "$3/1000000/$2" | bc -l)" "$(echo "$4/$2" | bc -l)"
}

c_loop() {
  cc -O2 -o "$out/icu_wordbreak" tools/bench/icu_wordbreak.c $(pkg-config --cflags --libs icu-uc)
  echo "$out/icu_wordbreak"
}

case "$what" in
tokenize|classify)
  input=$(corpus "${2:-35}")
  bytes=$(stat -c %s "$input"); lines=$(wc -l < "$input")
  printf 'corpus: %s (%.1f MB, %d lines)\n' "$input" "$(echo "$bytes/1000000" | bc -l)" "$lines"
  cloop=$(c_loop)
  if [ "$what" = tokenize ]; then
    interleaved "$input" taskset -c 0 "$cloop" ";;" taskset -c 0 $koe tokenize
    c=${times[0]}; k=${times[1]}
    line "C ICU loop (1 core)" "$c" "$bytes" "$lines"
    line "koe tokenize (1 core)" "$k" "$bytes" "$lines"
    printf 'koe/C ratio: %.2f (target >= 0.70)\n' "$(echo "$c/$k" | bc -l)"
  else
    interleaved "$input" taskset -c 0 "$cloop" ";;" taskset -c 0 $koe classify --jobs 1 -q ";;" $koe classify --jobs 2 -q
    c=${times[0]}; k1=${times[1]}; k2=${times[2]}
    line "C ICU loop (1 core)" "$c" "$bytes" "$lines"
    line "koe classify --jobs 1" "$k1" "$bytes" "$lines"
    line "koe classify --jobs 2" "$k2" "$bytes" "$lines"
    printf 'koe/C ratio, 1 job: %.2f (target >= 0.70); 2 jobs / 1 job: %.2fx (target >= 1.7)\n' \
      "$(echo "$c/$k1" | bc -l)" "$(echo "$k1/$k2" | bc -l)"
    /usr/bin/time -f '%M' -o "$out/rss" $koe classify -q < "$input" > /dev/null
    printf 'peak memory, koe classify --jobs 2: %.1f MB\n' "$(echo "$(cat "$out/rss")/1024" | bc -l)"
  fi
  ;;
report)
  n=${2:-100000}
  # Two inputs of n tickets: the sample repeated (every body recurs, so memos keyed by text
  # hit almost always: the issue's file) and the sample with varied nouns and numbers (few
  # clauses recur, as in a real export). See tools/gen_tickets.py.
  for kind in repeat varied; do
    if [ $kind = repeat ]; then input="$out/tickets-$n.csv"; else input="$out/tickets-varied-$n.csv"; fi
    [ -s "$input" ] || python3 tools/gen_tickets.py $kind "$n" "$input"
    printf 'input (%s): %s (%d tickets, %.1f MB)\n' "$kind" "$input" "$n" "$(echo "$(stat -L -c %s "$input")/1000000" | bc -l)"
    # Both commands in turn, round after round (KOE_BENCH_ROUNDS, default 1 here: a 1M report
    # takes a while); each keeps its best wall time and its largest peak.
    measure() { # label, command... -> "wall peak_kb" appended to $out/<label>
      /usr/bin/time -f '%e %M' -o "$out/time.$1" "${@:2}" > /dev/null 2>>"$out/stderr.log"
      cat "$out/time.$1" >> "$out/runs.$1"
    }
    rm -f "$out/runs.classify" "$out/runs.report"
    for _ in $(seq "${KOE_BENCH_ROUNDS:-1}"); do
      measure classify $koe classify --input-format csv -q "$input"
      measure report $koe report "$input" --week 2026-W47 -q -o "$out/report-$kind.md"
    done
    best() { sort -n "$out/runs.$1" | head -1 | cut -d' ' -f1; }
    peak() { sort -k2 -n "$out/runs.$1" | tail -1 | cut -d' ' -f2; }
    cw=$(best classify); rw=$(best report)
    printf '  %-38s %7.2f s wall  %7.1f MB peak\n' "koe classify --input-format csv -q" "$cw" "$(echo "$(peak classify)/1024" | bc -l)"
    printf '  %-38s %7.2f s wall  %7.1f MB peak (target < 300 MB)\n' "koe report --week 2026-W47" "$rw" "$(echo "$(peak report)/1024" | bc -l)"
    printf '  report/classify wall ratio (%s): %.2f (target <= 2.5)\n' "$kind" "$(echo "$rw/$cw" | bc -l)"
  done
  ;;
*) echo "usage: tools/bench.sh tokenize|classify [MB] | report [N]" >&2; exit 64 ;;
esac
