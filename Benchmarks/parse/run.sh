#!/usr/bin/env bash
# Parse benchmark (Benchmarks/README.md). Run from the repository root after `swift build -c release`
# (`make bench` does both).
#
#   Benchmarks/parse/run.sh [SIZE]      SIZE as parse-benchmark takes it; default 6 MB in process
#
# 1. parse-benchmark: lexing + parsing in process, 5 runs (size, each time, median, MB/s).
# 2. sshs --check on a generated 5 MB file (BENCH_CLI_SIZE), 5 runs, median: the whole command
#    (process start, reading the file, parsing, exit). Acceptance target: under 1 second.
set -euo pipefail

BIN="${BENCH_BIN:-.build/release}"
SIZE="${1:-6MB}"
CLI_SIZE="${BENCH_CLI_SIZE:-5MB}"
RUNS=5
TARGET_SECONDS=1

for tool in parse-benchmark sshs; do
  if [[ ! -x "$BIN/$tool" ]]; then
    echo "run.sh: $BIN/$tool not found; run 'swift build -c release' first (or 'make bench')" >&2
    exit 1
  fi
done

# Seconds since the epoch with sub-second precision (GNU date; python3 where date lacks %N).
now() {
  local t
  t="$(date +%s.%N)"
  if [[ "$t" == *N* ]]; then
    python3 -c 'import time; print(f"{time.time():.6f}")'
  else
    echo "$t"
  fi
}

tmpdir="$(mktemp -d "${TMPDIR:-/tmp}/sshs-bench.XXXXXX")"
trap 'rm -rf "$tmpdir"' EXIT

echo "== in process: Program.parse(bytes:name:), $RUNS runs"
"$BIN/parse-benchmark" "$SIZE" --runs "$RUNS" | tee "$tmpdir/inprocess.txt"
inprocess_median="$(sed -n 's/^median: \([0-9.]*\) s *\([0-9.]*\) MB\/s.*/\1 s (\2 MB\/s)/p' "$tmpdir/inprocess.txt")"
inprocess_size="$(sed -n 's/^script: \([0-9.]*\) MB.*/\1 MB/p' "$tmpdir/inprocess.txt")"

echo
echo "== sshs --check, $RUNS runs"
script="$tmpdir/bench.sshs"
"$BIN/parse-benchmark" "$CLI_SIZE" --write "$script"
bytes="$(wc -c <"$script" | tr -d ' ')"
times=()
for run in $(seq 1 "$RUNS"); do
  start="$(now)"
  if ! "$BIN/sshs" --check "$script"; then
    echo "run.sh: sshs --check failed on the generated script" >&2
    exit 1
  fi
  end="$(now)"
  t="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')"
  times+=("$t")
  echo "run $run: $t s"
done
cli_median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
cli_mb="$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')"
cli_rate="$(awk -v b="$bytes" -v t="$cli_median" 'BEGIN { if (t > 0) printf "%.1f", b / 1048576 / t; else print "-" }')"
verdict="$(awk -v t="$cli_median" -v l="$TARGET_SECONDS" 'BEGIN { print (t < l) ? "PASS" : "FAIL" }')"

echo
printf '%-48s %-10s %s\n' "measurement" "size" "median"
printf '%-48s %-10s %s\n' "lexing + parsing in process (parse-benchmark)" "$inprocess_size" "$inprocess_median"
printf '%-48s %-10s %s\n' "sshs --check (whole process)" "$cli_mb MB" "$cli_median s ($cli_rate MB/s)"
printf '%-48s %-10s %s\n' "target: sshs --check on 5 MB < ${TARGET_SECONDS} s" "" "$verdict"
