#!/usr/bin/env python3
"""Case 5: the wide corners of case 3's network, 784->500->100->3 (sigmoid, sigmoid, softmax).

1. Formulas: `score --formulas` against the plain `score` of the same 100 rows, interleaved
   (target: at most 3x).
2. Memory: case 3 (10,000 rows, .xlsx in and out) with JAVA_OPTS=-Xmx384m, peak RSS from
   /usr/bin/time (target: <= 700 MB), beside the same run with the JVM's default heap.
3. Loading: Sheetnet.load of the model workbook (a 784x500 weights sheet), in one JVM
   (bench/LoadBench.java): the first load and the median of the next (target: well under 1 s).
4. Kernel: numpy's `x @ W + b` (bench/numpy_kernel.py) against sheetnet's ForwardPass with the
   scalar loops and with the Vector API kernel (`--add-modules jdk.incubator.vector`), run one
   after the other (bench/KernelBench.java; target: within 2x of numpy).

Settings (environment): ROWS (10000), FORMULA_ROWS (100), REPEATS (3), KERNEL_REPEATS (7),
KERNEL_WARMUP (3), QUICK=1 (1,000 rows, 1 repeat).
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
VECTOR = ["--add-modules", "jdk.incubator.vector"]


def json_lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def env(java_opts):
    e = dict(os.environ)
    e["JAVA_OPTS"] = java_opts
    return e


def main():
    rows = common.setting("ROWS", 10_000, 1_000)
    formula_rows = common.setting("FORMULA_ROWS", 100, 100)
    repeats = common.setting("REPEATS", 3, 1)
    kernel_repeats = common.setting("KERNEL_REPEATS", 7, 3)
    kernel_warmup = common.setting("KERNEL_WARMUP", 3, 1)
    jar = common.build_sheetnet()
    net = common.model(WIDTHS, ACTS, init="std0.01")
    few = common.inputs(formula_rows, 784, unit=True)
    data = common.inputs(rows, 784, unit=True)
    out = common.WORK / "case5"
    out.mkdir(parents=True, exist_ok=True)
    print(f"\n### Case 5: the wide corners of 784→500→100→3 (sigmoid, sigmoid, softmax)\n")
    print(f"{common.environment()}\n")

    # Compute and loading first, on a machine not yet busy with the end-to-end runs.
    print("  kernel: numpy, KernelBench scalar and vector; LoadBench", file=sys.stderr)
    widths, acts = ",".join(map(str, WIDTHS)), ",".join(ACTS)
    bench_args = [str(rows), widths, acts, str(kernel_repeats), str(kernel_warmup)]
    kernels = json_lines([common.PYTHON, str(common.BENCH / "numpy_kernel.py"), "--rows", str(rows),
                          "--widths", widths, "--activations", acts,
                          "--repeats", str(kernel_repeats), "--warmup", str(kernel_warmup)])
    kernels += [k for k in json_lines(["java", "-cp", str(jar), str(common.BENCH / "KernelBench.java"), *bench_args])
                if k["engine"].startswith("sheetnet")]
    kernels += [k for k in json_lines(["java", *VECTOR, "-cp", str(jar), str(common.BENCH / "KernelBench.java"),
                                       *bench_args]) if k["engine"].startswith("sheetnet")]
    loads = json_lines(["java", "-cp", str(jar), str(common.BENCH / "LoadBench.java"), str(net)])

    commands = {
        "score": (common.sheetnet(net, few, out / "plain.xlsx"), None),
        "score --formulas": (common.sheetnet(net, few, out / "formulas.xlsx") + ["--formulas"], None),
        "case 3, -Xmx384m": (common.sheetnet(net, data, out / "case3-384m.xlsx"), env("-Xmx384m")),
        "case 3, -Xmx384m, vector kernel": (common.sheetnet(net, data, out / "case3-384m-vector.xlsx"),
                                            env("-Xmx384m " + " ".join(VECTOR))),
        "case 3, default heap": (common.sheetnet(net, data, out / "case3.xlsx"), env("")),
    }
    runs = common.measure(commands, repeats)

    print(f"End to end ({formula_rows} rows for the formulas, {rows:,} for case 3):\n")
    print(common.runs_table(runs, "score"))
    ratio = runs["score --formulas"].median() / runs["score"].median()
    print(f"\n- `--formulas` / plain: **{ratio:.2f}×** (target ≤ 3×: {'met' if ratio <= 3 else 'missed'})")
    rss = runs["case 3, -Xmx384m"].median_rss_mb()
    print(f"- case 3 at -Xmx384m: peak RSS **{rss:.0f} MB** (target ≤ 700 MB: {'met' if rss <= 700 else 'missed'})")
    load = loads[-1]
    print(f"- loading the model (784×500 weights): first {load['first_s']:.3f} s, then median "
          f"{load['median_s']:.3f} s (LoadBench)")

    print(f"\nCompute alone ({rows:,} rows; median of {kernel_repeats} after {kernel_warmup} warm-up passes):\n")
    numpy_affine = next(k for k in kernels if k["engine"].startswith("numpy") and k["what"] == "affine")
    print(common.table(
        ["engine", "measure", "median s", "GFLOP/s", "numpy affine ÷ this"],
        [[k["engine"], k["what"], f"{k['median_s']:.4f}", f"{k['gflops']:.1f}",
          f"{numpy_affine['gflops'] / k['gflops']:.2f}×"] for k in kernels]))


if __name__ == "__main__":
    main()
