#!/usr/bin/env python3
"""Generates the benchmark's input rows and model workbooks, deterministically (seeded).

  make-data.py inputs --rows 100000 --features 4 --seed 1 --out DIR/rows-100000x4 [--formats csv,xlsx]
      writes DIR/rows-100000x4.csv and/or .xlsx: a header row x1..xn, then one row per case
      (no id column); values uniform in [0, 10) rounded to 4 decimals, or with --unit in
      [0, 1) rounded to 3 decimals (pixel-like, for the 784-feature case). The CSV and the
      .xlsx hold the same numbers.
  make-data.py model --shape 4,20,10,1 --activations relu,relu,linear --seed 2 --out NET.xlsx
      writes a model workbook in sheetnet's layout (README, "The workbook layout"): a Model
      sheet `layer | weights | bias | activation`, and per layer k a sheet Wk (n_in rows x
      n_out columns under a header row of unit names, first column the input names, A1 =
      "input") and a sheet bk (a header row of unit names, then the n_out biases).
      Weights: --init glorot (uniform, +-sqrt(6/(n_in+n_out)), the Keras default) or
      --init std0.01 (0.01 * standard normal, as in seeds/001); biases: small uniform or zero.

Existing files are kept when they are newer than this script (use --force to rewrite).
"""
import argparse
import csv
import os
import sys

import numpy as np
import xlsxwriter


def fresh(path, force):
    """True when path exists, is newer than this script and --force was not given."""
    return (not force and os.path.exists(path)
            and os.path.getmtime(path) >= os.path.getmtime(__file__))


def input_values(rows, features, seed, unit):
    rng = np.random.default_rng(seed)
    if unit:
        return np.round(rng.random((rows, features)), 3)
    return np.round(rng.random((rows, features)) * 10.0, 4)


def write_inputs(args):
    names = [f"x{i + 1}" for i in range(args.features)]
    formats = args.formats.split(",")
    targets = {fmt: f"{args.out}.{fmt}" for fmt in formats}
    if all(fresh(p, args.force) for p in targets.values()):
        return
    x = input_values(args.rows, args.features, args.seed, args.unit)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    if "csv" in targets:
        tmp = targets["csv"] + ".tmp"
        with open(tmp, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(names)
            # repr() of a rounded double is its shortest exact text, as Excel would show it.
            w.writerows([[repr(v) for v in row] for row in x.tolist()])
        os.replace(tmp, targets["csv"])
    if "xlsx" in targets:
        tmp = targets["xlsx"] + ".tmp.xlsx"
        wb = xlsxwriter.Workbook(tmp, {"constant_memory": True})
        ws = wb.add_worksheet("Inputs")
        ws.write_row(0, 0, names)
        for r, row in enumerate(x.tolist(), start=1):
            ws.write_row(r, 0, row)
        wb.close()
        os.replace(tmp, targets["xlsx"])


def write_model(args):
    if fresh(args.out, args.force):
        return
    shape = [int(s) for s in args.shape.split(",")]
    acts = args.activations.split(",")
    if len(acts) != len(shape) - 1:
        sys.exit(f"make-data.py: {len(shape) - 1} layers but {len(acts)} activations")
    rng = np.random.default_rng(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp.xlsx"
    wb = xlsxwriter.Workbook(tmp, {"constant_memory": True})
    model = wb.add_worksheet("Model")
    model.write_row(0, 0, ["layer", "weights", "bias", "activation"])
    in_names = [f"x{i + 1}" for i in range(shape[0])]
    for k in range(1, len(shape)):
        n_in, n_out = shape[k - 1], shape[k]
        last = k == len(shape) - 1
        units = [f"y{j + 1}" for j in range(n_out)] if last else [f"h{k}_{j + 1}" for j in range(n_out)]
        if args.init == "std0.01":
            w = 0.01 * rng.standard_normal((n_in, n_out))
            b = np.zeros(n_out)
        else:
            limit = np.sqrt(6.0 / (n_in + n_out))
            w = rng.uniform(-limit, limit, (n_in, n_out))
            b = rng.uniform(-0.1, 0.1, n_out)
        model.write_row(k, 0, ["output" if last else f"hidden{k}", f"W{k}", f"b{k}", acts[k - 1]])
        ws = wb.add_worksheet(f"W{k}")
        ws.write_row(0, 0, ["input"] + units)
        for i, row in enumerate(w.tolist()):
            ws.write(i + 1, 0, in_names[i])
            ws.write_row(i + 1, 1, row)
        bs = wb.add_worksheet(f"b{k}")
        bs.write_row(0, 0, units)
        bs.write_row(1, 0, b.tolist())
        in_names = units
    wb.close()
    os.replace(tmp, args.out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    i = sub.add_parser("inputs", help="input rows as .csv and/or .xlsx")
    i.add_argument("--rows", type=int, required=True)
    i.add_argument("--features", type=int, default=4)
    i.add_argument("--seed", type=int, default=1)
    i.add_argument("--unit", action="store_true", help="values in [0, 1), 3 decimals")
    i.add_argument("--formats", default="csv,xlsx")
    i.add_argument("--out", required=True, help="path without extension")
    i.add_argument("--force", action="store_true")
    m = sub.add_parser("model", help="a model workbook")
    m.add_argument("--shape", required=True, help="widths, e.g. 4,20,10,1")
    m.add_argument("--activations", required=True, help="one per layer, e.g. relu,relu,linear")
    m.add_argument("--init", choices=["glorot", "std0.01"], default="glorot")
    m.add_argument("--seed", type=int, default=2)
    m.add_argument("--out", required=True)
    m.add_argument("--force", action="store_true")
    args = p.parse_args()
    (write_inputs if args.what == "inputs" else write_model)(args)


if __name__ == "__main__":
    main()
