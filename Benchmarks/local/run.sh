#!/usr/bin/env bash
# Times local `$` commands against a plain shell loop doing the same work: median of 5 runs.
# Usage (from the repository root, after `swift build -c release`): Benchmarks/local/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SSHS=${SSHS:-.build/release/sshs}
RUNS=${RUNS:-5}

source Benchmarks/timing.sh

printf '%-12s %10s %10s %8s %14s\n' benchmark sshs shell ratio "sshs per cmd"
for pair in "true2000:for i in \$(seq 2000); do /bin/true; done" \
  "echo2000:n=0; for i in \$(seq 2000); do x=\$(/bin/echo x); n=\$((n+\${#x}+1)); done; echo \$n"; do
  name=${pair%%:*}
  loop=${pair#*:}
  s=$(for _ in $(seq "$RUNS"); do time_one "$SSHS" "Benchmarks/local/$name.sshs"; done | median)
  b=$(for _ in $(seq "$RUNS"); do time_one bash -c "$loop"; done | median)
  printf '%-12s %9.3fs %9.3fs %7.2fx %11.3f ms\n' "$name" "$s" "$b" \
    "$(awk -v s="$s" -v b="$b" 'BEGIN { print s / b }')" "$(awk -v s="$s" 'BEGIN { print s / 2 }')"
done

# 200 console commands: no shell loop does the same, so the cost per command is what is reported
# (the whole run, console start included, divided by 200).
s=$(for _ in $(seq "$RUNS"); do time_one "$SSHS" Benchmarks/local/console200.sshs; done | median)
printf '%-12s %9.3fs %10s %8s %11.3f ms\n' console200 "$s" - - "$(awk -v s="$s" 'BEGIN { print s * 1000 / 200 }')"
