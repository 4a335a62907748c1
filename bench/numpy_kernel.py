#!/usr/bin/env python3
"""The compute alone in numpy (OpenBLAS), the peer of bench/KernelBench.java.

  numpy_kernel.py [--rows 10000] [--widths 784,500,100,3] [--activations sigmoid,sigmoid,softmax]
                  [--repeats 7] [--warmup 3]

Same data as KernelBench (0.01·N(0,1) weights, zero biases, inputs uniform in [0, 1), though
not the same random numbers). "affine": the analyst's loop `x @ W + b` over the layers, each
layer fed a precomputed input; "forward": a = x @ W + b, z = h(a), layer by layer (the work
of sheetnet's ForwardPass.run). GFLOP/s = 2·rows·Σ n_in·n_out / median seconds. Prints one
JSON line per measure. numpy uses its BLAS's default thread count (all cores for OpenBLAS).
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_pandas import h  # noqa: E402


def timed(work, warmup, repeats):
    for _ in range(warmup):
        work()
    s = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        work()
        s.append(time.perf_counter() - t0)
    return sorted(s)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--widths", default="784,500,100,3")
    p.add_argument("--activations", default="sigmoid,sigmoid,softmax")
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--warmup", type=int, default=3)
    args = p.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    acts = args.activations.split(",")
    rng = np.random.default_rng(42)
    Ws = [0.01 * rng.standard_normal((widths[k], widths[k + 1])) for k in range(len(widths) - 1)]
    bs = [np.zeros(widths[k + 1]) for k in range(len(widths) - 1)]
    x = rng.random((args.rows, widths[0]))
    flops = sum(2.0 * args.rows * W.shape[0] * W.shape[1] for W in Ws)

    def forward():
        z = x
        for W, b, act in zip(Ws, bs, acts):
            z = h(act, z @ W + b)
        return z

    inputs = [x]
    for W, b, act in zip(Ws[:-1], bs[:-1], acts[:-1]):
        inputs.append(h(act, inputs[-1] @ W + b))

    def affine():
        for xk, W, b in zip(inputs, Ws, bs):
            xk @ W + b

    for what, work in (("affine", affine), ("forward", forward)):
        s = timed(work, args.warmup, args.repeats)
        m = statistics.median(s)
        print(json.dumps({"engine": f"numpy {np.__version__}", "what": what, "rows": args.rows,
                          "median_s": round(m, 6), "min_s": round(s[0], 6), "runs": len(s),
                          "gflops": round(flops / m / 1e9, 3), "cpus": os.cpu_count()}))


if __name__ == "__main__":
    main()
