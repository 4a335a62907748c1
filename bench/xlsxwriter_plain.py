#!/usr/bin/env python3
"""A plain Python writer of case 4's cells: xlsxwriter with constant_memory, row by row.

  xlsxwriter_plain.py MODEL.xlsx --input ROWS.csv --out OUT.xlsx

Computes the same values sheetnet writes for a one-layer model (x @ W + b, linear) with numpy,
untimed, then times only the writing of the sheets Inputs, L1_pre, L1_act and Predictions
(header row + one row per input row) and prints one JSON line: cells, seconds, cells/s.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import xlsxwriter


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model")
    p.add_argument("--input", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    W = pd.read_excel(args.model, sheet_name="W1", index_col=0)
    b = pd.read_excel(args.model, sheet_name="b1").iloc[0].to_numpy(dtype=float)
    rows = pd.read_csv(args.input)
    x = rows.to_numpy(dtype=float)
    a = x @ W.to_numpy(dtype=float) + b
    units = [str(c) for c in W.columns]
    sheets = [("Inputs", list(rows.columns), x.tolist()), ("L1_pre", units, a.tolist()),
              ("L1_act", units, a.tolist()), ("Predictions", units, a.tolist())]

    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(args.out, {"constant_memory": True})
    cells = 0
    for name, header, values in sheets:
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, header)
        for r, row in enumerate(values, start=1):
            ws.write_row(r, 0, row)
        cells += (len(values) + 1) * len(header)
    wb.close()
    seconds = time.perf_counter() - t0
    print(json.dumps({"writer": f"xlsxwriter {xlsxwriter.__version__} constant_memory", "cells": cells,
                      "seconds": round(seconds, 4), "cells_per_s": round(cells / seconds)}))


if __name__ == "__main__":
    main()
