#!/usr/bin/env python3
"""Case 4: the output writer alone, in cells per second, next to plain writers of the same cells.

sheetnet's writer alone is measured by difference, so that JVM start-up, reading the model and
the input, checks and the Audit sheet cancel out: sheetnet scores the same one-column CSV input
of ROWS rows twice, through a one-layer linear network 1->UNITS ("wide") and 1->1 ("narrow"), each
run writing Inputs, L1_pre, L1_act and Predictions. The compute is negligible (UNITS
multiply-adds a row). Then

    writer cells/s = (cells(wide) - cells(narrow)) / (median wall(wide) - median wall(narrow))

with cells counted in the output files. The end-to-end cells/s of the wide run is shown too.
Next to it, writing the wide run's cell grid:
  - Python xlsxwriter with constant_memory (bench/xlsxwriter_plain.py), values from numpy, only
    the writing timed;
  - a minimal raw zip + XML writer in Java (bench/RawXlsxWriter.java), 1 thread and 2 threads,
    timed from the first cell to the closed file.

Settings (environment): ROWS (200000), UNITS (100), REPEATS (5), QUICK=1 (5,000 rows, 20
units, 2 repeats).
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

common.ensure_python()


def main():
    rows = common.setting("ROWS", 200_000, 5_000)
    units = common.setting("UNITS", 100, 20)
    repeats = common.setting("REPEATS", 5, 2)
    jar = common.build_sheetnet()
    wide = common.model([1, units], ["linear"])
    narrow = common.model([1, 1], ["linear"])
    data = common.inputs(rows, 1, fmt="csv")
    out = common.WORK / "case4"
    out.mkdir(parents=True, exist_ok=True)
    raw = ["java", "-cp", str(jar), str(common.BENCH / "RawXlsxWriter.java"), str(rows), str(units)]
    commands = {
        f"sheetnet 1→{units}": (common.sheetnet(wide, data, out / "wide.xlsx"), None),
        "sheetnet 1→1": (common.sheetnet(narrow, data, out / "narrow.xlsx"), None),
        "xlsxwriter constant_memory": ([common.PYTHON, str(common.BENCH / "xlsxwriter_plain.py"), str(wide),
                                        "--input", str(data), "--out", str(out / "xlsxwriter.xlsx")], None),
        "raw zip+XML, 1 thread": (raw + ["1", str(out / "raw1.xlsx")], None),
        "raw zip+XML, 2 threads": (raw + ["2", str(out / "raw2.xlsx")], None),
    }
    runs = common.measure(commands, repeats)
    w, n = runs[f"sheetnet 1→{units}"], runs["sheetnet 1→1"]
    print(f"\n### Case 4: writer throughput, {rows:,} rows, sheets Inputs + L1_pre + L1_act + Predictions "
          f"({units} columns each)\n")
    print(f"{common.environment()}\n")
    rows_out = []
    if w.ok and n.ok:
        cw, cn = common.count_cells(out / "wide.xlsx"), common.count_cells(out / "narrow.xlsx")
        writer = (cw - cn) / (w.median() - n.median())
        rows_out.append(["sheetnet writer alone (wide − narrow)", f"{w.median() - n.median():.2f}", f"{cw - cn:,}",
                         f"{writer:,.0f}", "in the score process, by difference"])
        rows_out.append([f"sheetnet 1→{units} end to end", f"{w.median():.2f}", f"{cw:,}", f"{cw / w.median():,.0f}",
                         f"whole process; peak RSS {w.median_rss_mb():.0f} MB"])
    for name in ("xlsxwriter constant_memory", "raw zip+XML, 1 thread", "raw zip+XML, 2 threads"):
        run = runs[name]
        if not run.ok:
            rows_out.append([name, "–", "–", "–", run.status])
            continue
        results = [common.json_from(text) for text in run.stdout]
        median = statistics.median(r["seconds"] for r in results)
        rows_out.append([name, f"{median:.2f}", f"{results[0]['cells']:,}", f"{results[0]['cells'] / median:,.0f}",
                         "writing only, timed inside the process"])
    print(common.table(["writer", "median s", "cells", "cells/s", "how"], rows_out))
    print("\nProcess wall times and peak memory of every run:\n")
    print(common.runs_table(runs, f"sheetnet 1→{units}"))


if __name__ == "__main__":
    main()
