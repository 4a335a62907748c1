#!/usr/bin/env bash
# sheetnet `score --input rows.csv --out preds.csv` beside ONNX Runtime Java (bench/OrtBench.java) on the
# same model, exported by `sheetnet export-onnx` (float64), in turn A B A B, timed by /usr/bin/time.
# "sheetnet" is ./sheetnet as a user runs it (the vector module and the build's class data archive);
# "sheetnet-jar" is plain `java -jar` (scalar loops, no archive). "sheetnet-onnx" is `score MODEL.onnx`:
# sheetnet reading the very file ONNX Runtime reads (its predictions are compared with those of
# `score MODEL.xlsx`: the float64 export imports exactly).
#   bench/ort-side-by-side.sh [RUNS]      (writes into ${WORK:-/tmp/sheetnet-ort}; CASES=narrow:rows.csv for one case)
# Needs: target/sheetnet.jar and target/sheetnet.jsa (./sheetnet --version builds them), python3 (PYTHON=...) with xlsxwriter for the wide model
# (bench/make-data.py), and ONNX Runtime's jar in ~/.m2 (mvn dependency:get -Dartifact=com.microsoft.onnxruntime:onnxruntime:1.23.2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
work="${WORK:-/tmp/sheetnet-ort}"
ort="$HOME/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar"
jar="$root/target/sheetnet.jar"
mkdir -p "$work/classes"
cd "$work"
javac -nowarn -d classes -cp "$ort:$jar" "$root/bench/OrtBench.java" 2>/dev/null
[ -f rows.csv ] || "${PYTHON:-python3}" "$root/bench/csv_rows.py" rows.csv 1000000 4
cases="${CASES:-narrow:rows.csv wide:wide.csv}"
if [[ "$cases" == *wide* ]]; then
  [ -f wide.xlsx ] || "${PYTHON:-python3}" "$root/bench/make-data.py" model --shape 784,500,100,3 --activations sigmoid,sigmoid,softmax --out wide.xlsx
  [ -f wide.csv ] || "${PYTHON:-python3}" "$root/bench/make-data.py" inputs --rows 20000 --features 784 --unit --formats csv --out wide
  java -jar "$jar" export-onnx wide.xlsx --out wide.onnx --force
fi
java -jar "$jar" export-onnx "$root/workbooks/regression-4-20-10-1.xlsx" --out narrow.onnx --force
cp "$root/workbooks/regression-4-20-10-1.xlsx" narrow.xlsx

time_it() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1; }
# Every other JVM with the collector ./sheetnet picks (GC="" for the JVM's default, G1).
gc="${GC--XX:+UseParallelGC}"
for case in $cases; do
  model="${case%%:*}"; rows="${case##*:}"
  for i in $(seq "$runs"); do
    echo "$model sheetnet        $(time_it "$root/sheetnet" score "$model.xlsx" --input "$rows" --out sn.csv --force --quiet)"
    echo "$model sheetnet-jar    $(time_it java $gc -jar "$jar" score "$model.xlsx" --input "$rows" --out snj.csv --force --quiet)"
    echo "$model onnxruntime     $(time_it java $gc -cp "classes:$ort:$jar" OrtBench "$model.onnx" "$rows" ort.csv)"
    echo "$model sheetnet-onnx   $(time_it "$root/sheetnet" score "$model.onnx" --input "$rows" --out sno.csv --force --quiet)"
    cmp -s sn.csv sno.csv || { echo "$model: score $model.onnx and score $model.xlsx predict differently" >&2; exit 1; }
    cmp -s sn.csv snj.csv || { echo "$model: ./sheetnet and java -jar predict differently" >&2; exit 1; }
  done
done | awk '{print $1, $2, "wall", $3, "user", $4, "sys", $5, "peakKB", $6}'
