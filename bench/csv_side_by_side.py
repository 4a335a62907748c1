#!/usr/bin/env python3
"""Two sheetnet jars side by side on CSV scoring (issue 16, CSV side): the 1,000,000-row 4->20->10->1
case and the 20,000-row 784-wide case, each run interleaved (A B A B ...) under /usr/bin/time, with
the medians of user+sys CPU, wall time and peak RSS and the ratio A/B of each pair.

    git worktree add /tmp/before <commit>; (cd /tmp/before && mvn -B -q -DskipTests package)
    mvn -B -q -DskipTests package
    python3 bench/csv_side_by_side.py /tmp/before/target/sheetnet.jar target/sheetnet.jar [--runs 5]

Both jars must write the same predictions: the script compares the files byte for byte.
Data goes to bench/work/csv (BENCH_WORK=DIR elsewhere); it is made once by csv_rows.py and wide_model.py.
"""
import argparse
import filecmp
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def data(work):
    os.makedirs(work, exist_ok=True)
    rows = os.path.join(work, "rows-1000000x4.csv")
    wide = os.path.join(work, "rows-20000x784.csv")
    model = os.path.join(work, "w784x500.xlsx")
    if not os.path.exists(rows):
        subprocess.run([sys.executable, os.path.join(HERE, "csv_rows.py"), rows, "1000000", "4"], check=True)
    if not os.path.exists(wide):
        subprocess.run([sys.executable, os.path.join(HERE, "csv_rows.py"), wide, "20000", "784", "--unit"], check=True)
    if not os.path.exists(model):
        subprocess.run([sys.executable, os.path.join(HERE, "wide_model.py"), model], check=True)
    return [("1,000,000 rows, 4->20->10->1", os.path.join(ROOT, "workbooks", "regression-4-20-10-1.xlsx"), rows),
            ("20,000 rows, 784->500", model, wide)]


def run(jar, model, rows, out):
    cmd = ["/usr/bin/time", "-f", "%U %S %e %M", "java", "-jar", jar, "score", model, "--input", rows,
           "--out", out, "--force", "--quiet"]
    p = subprocess.run(cmd, capture_output=True, text=True, check=True)
    user, system, wall, kb = p.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), float(wall), int(kb) / 1024


def main():
    p = argparse.ArgumentParser()
    p.add_argument("a", help="the jar measured (A)")
    p.add_argument("b", help="the jar compared with (B)")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    work = os.path.join(os.environ.get("BENCH_WORK", os.path.join(HERE, "work")), "csv")
    print("| case | A cpu s | B cpu s | A/B cpu | A wall s | B wall s | A/B wall | A peak MiB | B peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, model, rows in data(work):
        outs = [os.path.join(work, "a.csv"), os.path.join(work, "b.csv")]
        run(args.a, model, rows, outs[0])  # warm-up: the page cache holds the input for both
        a, b = [], []
        for _ in range(args.runs):
            a.append(run(args.a, model, rows, outs[0]))
            b.append(run(args.b, model, rows, outs[1]))
        if not filecmp.cmp(outs[0], outs[1], shallow=False):
            sys.exit(f"{name}: the two jars wrote different predictions")
        med = lambda xs, k: statistics.median(x[k] for x in xs)
        ratio = lambda k: statistics.median(x[k] / y[k] for x, y in zip(a, b))
        print(f"| {name} | {med(a, 0):.2f} | {med(b, 0):.2f} | {ratio(0):.2f} | {med(a, 1):.2f} | {med(b, 1):.2f}"
              f" | {ratio(1):.2f} | {med(a, 2):.0f} | {med(b, 2):.0f} |")


if __name__ == "__main__":
    main()
