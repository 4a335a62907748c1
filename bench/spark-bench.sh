#!/usr/bin/env bash
# sheetnet on Spark against sheetnet on one JVM (issue 14). Prints Markdown tables, also appended to
# $BENCH_WORK/spark/results.md; data and outputs go to $BENCH_WORK/spark (default bench/work/spark, ignored by git).
#
#   bench/spark-bench.sh                 # the issue's sizes: 10 million rows (needs ~2 GB of disk, tens of minutes)
#   ROWS=2000000 bench/spark-bench.sh    # a smaller run
#   PARTS="2 3" bench/spark-bench.sh     # only parts 2 and 3 below
#
# 1. rows/s, CSV in: `./sheetnet score --input rows.csv --out predictions.csv` against
#    `./sheetnet spark-score --input rows.csv --format parquet` with local[1] and local[2]
#    (model: workbooks/regression-4-20-10-1.xlsx, 4 -> 20 -> 10 -> 1), wall time of the whole command;
# 2. a row-at-a-time UDF against batches per partition, on a narrow (2 -> 3 -> 2 -> 2) and a 784-wide
#    (784 -> 128, sigmoid) model, in one JVM (bench/SparkBench.java);
# 3. memory per executor: peak resident memory of spark-score local[1] (the driver is the executor) with
#    the narrow and the 784-wide model on the same number of rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$root/bench/work}/spark"
ROWS="${ROWS:-10000000}"
UDF_ROWS="${UDF_ROWS:-2000000}"
WIDE_ROWS="${WIDE_ROWS:-200000}"
REPEATS="${REPEATS:-3}"
PARTS="${PARTS:-1 2 3}"
part() { [[ " $PARTS " == *" $1 "* ]]; }
HEAP="${HEAP:-2g}"
mkdir -p "$work"
results="$work/results.md"
cd "$root"

say() { echo "$*" | tee -a "$results"; }
# Runs a command; prints "seconds peak-RSS-MB" (GNU time), the command's own output to the log.
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >>"$work/bench.log" 2>&1
  awk '{printf "%s %.0f", $1, $2 / 1024}' "$work/time.txt"
}

# Builds both jars first, so that no timing includes a build.
./sheetnet --version >/dev/null
./sheetnet spark-score --version >/dev/null
cp="sheetnet-spark/target/sheetnet-spark-0.1.0.jar:$(cat target/sheetnet-spark.classpath):$(cat target/sheetnet-spark-runtime.classpath)"

say ""
say "## spark-score, $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1e6}' /proc/meminfo),"\
" load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"

# 1. CSV in: one JVM against Spark.
if part 1; then
model=workbooks/regression-4-20-10-1.xlsx
rows="$work/rows-$ROWS.csv"
if [ ! -f "$rows" ]; then
  python3 - "$rows" "$ROWS" <<'PY'
import random, sys
path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(14)
with open(path, "w") as f:
    f.write("id,x1,x2,x3,x4\n")
    for r in range(n):
        f.write("r%d,%r,%r,%r,%r\n" % (r, rnd.gauss(0, 1), rnd.gauss(0, 1), rnd.gauss(0, 1), rnd.gauss(0, 1)))
PY
fi
say ""
say "| $(printf "%'d" "$ROWS") rows, CSV in, $model | s (median of $REPEATS) | rows/s | peak RSS MB | runs (s) |"
say "|---|---:|---:|---:|---|"
declare -A runs rss
names=("score --out predictions.csv" "spark-score local[1] --format parquet" "spark-score local[2] --format parquet")
for ((r = 0; r < REPEATS; r++)); do
  for i in 0 1 2; do
    case $i in
      0) t=$(timed ./sheetnet score "$model" --input "$rows" --out "$work/predictions.csv" --force --quiet) ;;
      1) t=$(JAVA_OPTS="-Xmx$HEAP" timed ./sheetnet spark-score "$model" --input "$rows" --out "$work/out-l1" \
             --format parquet --master 'local[1]' --force) ;;
      2) t=$(JAVA_OPTS="-Xmx$HEAP" timed ./sheetnet spark-score "$model" --input "$rows" --out "$work/out-l2" \
             --format parquet --master 'local[2]' --force) ;;
    esac
    runs[$i]="${runs[$i]:-} ${t%% *}"
    rss[$i]="${t##* }"
  done
done
for i in 0 1 2; do
  median=$(echo "${runs[$i]}" | tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
  say "| ${names[$i]} | $median | $(awk -v n="$ROWS" -v s="$median" 'BEGIN {printf "%\047.0f", n / s}') | ${rss[$i]} |${runs[$i]} |"
done

fi

# 2. UDF against batches, narrow and wide.
wide="$work/w784x128.xlsx"
if part 2; then
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$cp" bench/SparkBench.java
[ -f "$wide" ] || python3 bench/wide_model.py "$wide" 784 128
for spec in "workbooks/seed-2-3-2-2.xlsx $UDF_ROWS" "$wide $WIDE_ROWS"; do
  set -- $spec
  say ""
  SPARK_LOCAL_IP=127.0.0.1 java "-Xmx$HEAP" -cp "$work/classes:$cp" SparkBench "$1" "$2" 'local[1]' "$REPEATS" "$work" \
    2>>"$work/bench.log" | tee -a "$results"
done

fi

# 3. Memory per executor: the narrow model on its Parquet rows and the wide model on its own (both made by SparkBench).
if part 3; then
say ""
say "| memory, spark-score local[1], -Xmx$HEAP | rows | s | peak RSS MB | model file bytes |"
say "|---|---:|---:|---:|---:|"
for spec in "workbooks/seed-2-3-2-2.xlsx $work/bench-2-$UDF_ROWS.parquet $UDF_ROWS" \
    "$wide $work/bench-784-$WIDE_ROWS.parquet $WIDE_ROWS"; do
  set -- $spec
  t=$(JAVA_OPTS="-Xmx$HEAP" timed ./sheetnet spark-score "$1" --input "$2" --input-format parquet \
      --out "$work/out-mem" --format parquet --master 'local[1]' --force)
  say "| $(basename "$1") | $(printf "%'d" "$3") | ${t%% *} | ${t##* } | $(stat -c %s "$1") |"
done
fi
