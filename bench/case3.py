#!/usr/bin/env python3
"""Case 3: 10,000 rows x 784 features through 784->500->100->3 (sigmoid, sigmoid, softmax).

End to end: sheetnet against the two pandas pipelines, interleaved (median wall, peak RSS).
The compute alone: numpy's `x @ W + b` loop (bench/numpy_kernel.py) against sheetnet's
ForwardPass.run and Commons Math's BlockRealMatrix.multiply (bench/KernelBench.java, run as a
single-file program on the jar's classpath), in GFLOP/s = 2·rows·Σ n_in·n_out / seconds.

Settings (environment): ROWS (10000), REPEATS (3, end to end), KERNEL_REPEATS (7),
KERNEL_WARMUP (3), INPUT_FORMAT (xlsx or csv), PEER_TIMEOUT seconds (3600),
QUICK=1 (500 rows, 1 repeat, 3 kernel repeats).
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

common.ensure_python()

WIDTHS = [784, 500, 100, 3]
ACTS = ["sigmoid", "sigmoid", "softmax"]


def json_lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main():
    rows = common.setting("ROWS", 10_000, 500)
    repeats = common.setting("REPEATS", 3, 1)
    kernel_repeats = common.setting("KERNEL_REPEATS", 7, 3)
    kernel_warmup = common.setting("KERNEL_WARMUP", 3, 1)
    timeout = common.setting("PEER_TIMEOUT", 3600, 600)
    jar = common.build_sheetnet()
    net = common.model(WIDTHS, ACTS, init="std0.01")
    data = common.inputs(rows, 784, unit=True)
    out = common.WORK / "case3"
    out.mkdir(parents=True, exist_ok=True)

    # The compute alone first, on a machine not yet busy with the end-to-end runs.
    print("  compute: numpy, KernelBench", file=sys.stderr)
    widths, acts = ",".join(map(str, WIDTHS)), ",".join(ACTS)
    kernels = json_lines([common.PYTHON, str(common.BENCH / "numpy_kernel.py"), "--rows", str(rows),
                          "--widths", widths, "--activations", acts,
                          "--repeats", str(kernel_repeats), "--warmup", str(kernel_warmup)])
    kernels += json_lines(["java", *os.environ.get("JAVA_OPTS", "").split(), "-cp", str(jar),
                           str(common.BENCH / "KernelBench.java"), str(rows), widths, acts,
                           str(kernel_repeats), str(kernel_warmup)])

    commands = {
        "sheetnet": (common.sheetnet(net, data, out / "sheetnet.xlsx"), None),
        "pandas+openpyxl": (common.peer("openpyxl", net, data, out / "openpyxl.xlsx"), None),
        "pandas+xlsxwriter": (common.peer("xlsxwriter", net, data, out / "xlsxwriter.xlsx"), None),
    }
    runs = common.measure(commands, repeats, timeout, common.default_peer_mem_limit_gb())

    flop = 2 * rows * sum(a * b for a, b in zip(WIDTHS, WIDTHS[1:]))
    print(f"\n### Case 3: {rows:,} rows × 784 → 784→500→100→3 (sigmoid, sigmoid, softmax)\n")
    print(f"Input {data.name}; {flop / 1e9:.3f} GFLOP per pass; {common.environment()}\n")
    print("End to end:\n")
    print(common.runs_table(runs, "sheetnet"))
    print("\nCompute alone (median of "
          f"{kernel_repeats} after {kernel_warmup} warm-up passes; 'affine' = x·W + b over the layers, "
          "'forward' = with the activations, as ForwardPass.run):\n")
    # The threaded run is what sheetnet score does; the one-thread row is shown for reference.
    sheetnet = [k for k in kernels if k["engine"].startswith("sheetnet")][-1]
    numpy_affine = next(k for k in kernels if k["engine"].startswith("numpy") and k["what"] == "affine")
    print(common.table(
        ["engine", "measure", "median s", "GFLOP/s", "sheetnet GFLOP/s ÷ this"],
        [[k["engine"], k["what"], f"{k['median_s']:.4f}", f"{k['gflops']:.1f}",
          f"{sheetnet['gflops'] / k['gflops']:.2f}"] for k in kernels]))
    gap = numpy_affine["gflops"] / sheetnet["gflops"]
    print(f"\n- numpy `x @ W + b` / sheetnet ForwardPass.run: **{gap:.2f}×** "
          f"(target: within 2×: {'met' if gap <= 2 else 'missed'})")
    commons = next(k for k in kernels if k["engine"].startswith("Commons") and k["what"] == "forward")
    print(f"- sheetnet / Commons Math (forward): **{sheetnet['gflops'] / commons['gflops']:.2f}×**")


if __name__ == "__main__":
    main()
