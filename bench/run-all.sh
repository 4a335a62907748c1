#!/usr/bin/env bash
# Runs the four benchmark cases and prints their Markdown tables (also saved in bench/work/results-*.md).
# QUICK=1 bench/run-all.sh   a smoke test: few rows, few repeats (a few minutes)
# bench/run-all.sh           the real figures (about an hour or more; run on a quiet machine)
# bench/run-all.sh 1 3       only cases 1 and 3
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# A python3 with Debian's python3-pandas python3-openpyxl python3-xlsxwriter python3-numpy.
if [ -z "${PYTHON:-}" ]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import pandas, openpyxl, xlsxwriter, numpy' 2>/dev/null; then PYTHON="$p"; break; fi
  done
fi
: "${PYTHON:?no python3 with pandas, openpyxl, xlsxwriter and numpy found; set PYTHON}"
export PYTHON
for tool in java /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run-all.sh: $tool is needed" >&2; exit 1; }
done
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(1 2 3 4)
mkdir -p "${BENCH_WORK:-$bench/work}"
results="${BENCH_WORK:-$bench/work}/results-$(date +%Y%m%d-%H%M%S)$([ "${QUICK:-0}" = 1 ] && echo -quick || true).md"
for c in "${cases[@]}"; do
  echo "== case $c" >&2
  "$PYTHON" "$bench/case$c.py" | tee -a "$results"
done
echo "results: $results" >&2
