#!/usr/bin/env python3
"""The peer: what an analyst would write with pandas + numpy to do sheetnet's job.

  peer_pandas.py MODEL.xlsx --input ROWS.csv|ROWS.xlsx --out OUT.xlsx --engine openpyxl|xlsxwriter

Reads the Model sheet and each layer's weights and bias sheets with pandas.read_excel, the
input rows with read_csv or read_excel, runs a = x @ W + b, z = h(a) layer by layer with
numpy, and writes the sheets sheetnet writes, one df.to_excel per sheet: Inputs (a copy of
the input rows), L{k}_pre, L{k}_act, Predictions (with predicted_class for a softmax output).
Like sheetnet it copies non-feature input columns (ids) to every output sheet. It does not
copy the model sheets nor write an Audit sheet.

Only what the benchmark models use: parameters addressed by sheet name (not by A1 range),
and the activations linear, relu, sigmoid, tanh, softmax. --timings prints the seconds of
read / compute / write on stderr.
"""
import argparse
import sys
import time

import numpy as np
import pandas as pd


def h(name, a):
    name = (name or "linear").lower()
    if name == "linear":
        return a
    if name == "relu":
        return np.maximum(a, 0.0)
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-a))
    if name == "tanh":
        return np.tanh(a)
    if name == "softmax":
        e = np.exp(a - a.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    sys.exit(f"peer_pandas.py: activation {name!r} not supported")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model")
    p.add_argument("--input", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--engine", choices=["openpyxl", "xlsxwriter"], default="openpyxl")
    p.add_argument("--timings", action="store_true")
    args = p.parse_args()
    t0 = time.perf_counter()

    # The model: one row per layer, then each layer's W (input names as index) and b.
    model = pd.read_excel(args.model, sheet_name="Model")
    layers = []
    for _, row in model.iterrows():
        W = pd.read_excel(args.model, sheet_name=row["weights"], index_col=0)
        b = pd.read_excel(args.model, sheet_name=row["bias"])
        layers.append((W, b.iloc[0].to_numpy(dtype=float), row["activation"]))

    if args.input.lower().endswith(".csv"):
        rows = pd.read_csv(args.input)
    else:
        rows = pd.read_excel(args.input)
    features = [str(c) for c in layers[0][0].index]
    ids = rows[[c for c in rows.columns if c not in features]]
    x = rows[features].to_numpy(dtype=float)
    t1 = time.perf_counter()

    sheets = []
    for k, (W, b, act) in enumerate(layers, start=1):
        a = x @ W.to_numpy(dtype=float) + b
        z = h(act, a)
        units = [str(c) for c in W.columns]
        sheets.append((f"L{k}_pre", a, units))
        sheets.append((f"L{k}_act", z, units))
        x = z
    t2 = time.perf_counter()

    with pd.ExcelWriter(args.out, engine=args.engine) as out:
        rows.to_excel(out, sheet_name="Inputs", index=False)
        for name, values, units in sheets:
            frame = pd.concat([ids, pd.DataFrame(values, columns=units)], axis=1)
            frame.to_excel(out, sheet_name=name, index=False)
        predictions = pd.concat([ids, pd.DataFrame(x, columns=units)], axis=1)
        if str(layers[-1][2]).lower() == "softmax" and x.shape[1] > 1:
            predictions["predicted_class"] = np.array(units)[x.argmax(axis=1)]
        predictions.to_excel(out, sheet_name="Predictions", index=False)
    t3 = time.perf_counter()
    if args.timings:
        print(f"read {t1 - t0:.3f} s, compute {t2 - t1:.3f} s, write {t3 - t2:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
