#!/usr/bin/env bash
# Times `sheetnet train` against the background article's numpy training loop (Affine, LeakyReLU,
# SSE, Momentum) on the same data, network and protocol, and prints the ratio of medians.
#   bench/train-vs-numpy.sh [--repeats N]
# Needs python3 with numpy (Debian: apt-get install -y python3-numpy).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "bench: numpy is missing; install it with: apt-get install -y python3-numpy" >&2
  exit 1
fi
"$root/sheetnet" --version >/dev/null   # builds the jar first if needed, outside the timings
exec python3 "$root/bench/train_vs_numpy.py" "$@"
