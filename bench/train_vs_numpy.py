"""Runs `sheetnet train` and the article's numpy loop (numpy_article.py) on the same data with the
same network, protocol and number of steps, several times each, and prints the medians and their
ratio: the seconds inside the training loop (sheetnet's History, numpy's perf_counter) and the
wall-clock seconds of the whole command (JVM or Python start-up, reading, writing included).

    python3 bench/train_vs_numpy.py [--repeats 5]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name, rows, widths, batch, epochs, lr: the sine article's shape, and a larger one where the
# matrix products dominate.
CASES = [
    ("sine 1-20-1", 50, [1, 20, 1], 8, 2000, 0.001),
    ("synthetic 8-64-64-1", 5000, [8, 64, 64, 1], 32, 20, 0.0001),
]


def write_data(path, rows, widths, rng):
    n_in = widths[0]
    if n_in == 1:
        x = np.linspace(-np.pi, np.pi, rows).reshape(-1, 1)
        t = np.sin(x)
    else:
        x = rng.uniform(-1, 1, (rows, n_in))
        t = np.sin(x @ rng.normal(size=(n_in, 1)))
    header = ",".join([f"x{i+1}" for i in range(n_in)] + ["t"])
    np.savetxt(path, np.hstack([x, t]), delimiter=",", header=header, comments="", fmt="%.17g")


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    sheetnet = os.path.join(ROOT, "sheetnet")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'case':22} {'side':9} {'loop s (median)':>16} {'wall s (median)':>16}")
        for name, rows, widths, batch, epochs, lr in CASES:
            data = os.path.join(tmp, name.split()[0] + ".csv")
            write_data(data, rows, widths, rng)
            layers = ",".join(map(str, widths))
            acts = ",".join(["leaky_relu:0.1"] * (len(widths) - 2) + ["linear"])
            common = ["--batch", str(batch), "--epochs", str(epochs), "--validation-split", "0.1", "--seed", "42"]
            java = [sheetnet, "train", data, "--targets", "t", "--layers", layers, "--activations", acts,
                    "--loss", "sse", "--optimizer", "momentum", "--lr", str(lr), "--out",
                    os.path.join(tmp, "m.xlsx"), "--force"] + common
            py = [sys.executable, os.path.join(HERE, "numpy_article.py"), data, "--layers", layers,
                  "--lr", str(lr)] + common
            results = {}
            for side, cmd, pattern in (("sheetnet", java, r" in ([0-9.]+) s "), ("numpy", py, r"loop_seconds ([0-9.]+)")):
                loops, walls = [], []
                for _ in range(a.repeats):
                    wall, out = timed(cmd)
                    loops.append(float(re.search(pattern, out).group(1)))
                    walls.append(wall)
                results[side] = (statistics.median(loops), statistics.median(walls))
                print(f"{name:22} {side:9} {results[side][0]:16.4f} {results[side][1]:16.4f}")
            (jl, jw), (nl, nw) = results["sheetnet"], results["numpy"]
            print(f"{name:22} {'ratio':9} {'numpy/sheetnet = ' + format(nl / jl, '.2f'):>16} "
                  f"{'numpy/sheetnet = ' + format(nw / jw, '.2f'):>16}")
            print(f"{'':22} per epoch: sheetnet {1e3 * jl / epochs:.3f} ms, numpy {1e3 * nl / epochs:.3f} ms")


if __name__ == "__main__":
    main()
