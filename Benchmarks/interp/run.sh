#!/usr/bin/env bash
# Times sshs against python3 on the same scripts: median of 5 runs each, same machine, same run.
# Usage (from the repository root, after `swift build -c release`): Benchmarks/interp/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SSHS=${SSHS:-.build/release/sshs}
PYTHON=${PYTHON:-python3}
RUNS=${RUNS:-5}

source Benchmarks/timing.sh

printf '%-16s %10s %10s %8s\n' benchmark sshs python3 ratio
for script in Benchmarks/interp/*.py; do
  name=$(basename "$script" .py)
  expected=$("$PYTHON" "$script")
  actual=$("$SSHS" "$script")
  if [ "$expected" != "$actual" ]; then
    echo "$name: output differs: sshs '$actual', python3 '$expected'" >&2
    exit 1
  fi
  s=$(for _ in $(seq "$RUNS"); do time_one "$SSHS" "$script"; done | median)
  p=$(for _ in $(seq "$RUNS"); do time_one "$PYTHON" "$script"; done | median)
  printf '%-16s %9.3fs %9.3fs %7.2fx\n' "$name" "$s" "$p" "$(awk -v s="$s" -v p="$p" 'BEGIN { print s / p }')"
done
